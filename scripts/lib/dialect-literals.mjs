// The literal sets each dialect fingerprint regex needs (regex/requiredLiteral.ts), worked out at build time
// and inlined into the bundles as a JSON string (parsed on first use): reading 600 regexes' syntax took a tenth of every CLI start and language
// server start, in each worker thread again. Keyed by `flags/source`; a regex not in the table (a bundle
// built without it, the tests running the sources) is read at run time as before.
import { buildTimeValue } from './build-time-value.mjs';

export function dialectLiterals() {
  return buildTimeValue(
    `
    import { DIALECTS } from './src/core/formats/dialects/detect';
    import { requiredLiteralSets } from './src/core/regex/requiredLiteral';
    const table = {};
    for (const dialect of DIALECTS) for (const f of dialect.fingerprints) for (const regex of f.gate ? [f.regex, f.gate] : [f.regex]) table[regex.flags + '/' + regex.source] = requiredLiteralSets(regex) ?? null;
    module.exports = table;`,
    { VENDORLENS_DIALECT_LITERALS: 'undefined' },
  );
}
