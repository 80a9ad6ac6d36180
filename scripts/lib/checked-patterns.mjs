// The knowledge base's product patterns that pass the backtracking check (evidence/regexSafety.ts), worked
// out at build time and inlined into the bundles as a JSON string: checking the ~400 bundled patterns cost
// a tenth of every CLI, worker and language-server start. A pattern not in the list (a policy's own, a
// bundle built without it, the tests running the sources) is checked at run time as before.
import { buildTimeValue } from './build-time-value.mjs';

export function checkedPatterns() {
  return buildTimeValue(`
    import vendors from './data/vendors.yaml?value';
    import catalogue from './data/generated/catalogue.json';
    import { backtrackingRisk } from './src/core/evidence/regexSafety';
    const patterns = [
      ...vendors.vendors.flatMap((v) => (v.productPatterns ?? []).map((p) => p.pattern)),
      ...catalogue.families.map((f) => f.pattern),
      ...catalogue.relabels.map((r) => r.models),
      ...catalogue.lookalikes.map((l) => l.pattern),
    ].filter((p) => typeof p === 'string');
    module.exports = [...new Set(patterns)].filter((p) => p.startsWith('^') && backtrackingRisk(p, 'iu') === undefined).sort();`);
}
