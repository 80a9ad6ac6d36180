// ReDoS: every regular expression the core runs is linear-time on adversarial input, and product
// patterns from a policy file that could backtrack catastrophically are refused with a diagnostic.
// The regexes are enumerated, not listed by hand: literals from the core's source (read with the
// TypeScript parser), the dialect fingerprints, and every RegExp the matchers build from the knowledge base.
// Nothing here is timed: a regex's cost is the steps a backtracking engine takes on it (regexSteps.ts),
// decided by the pattern and the input. The same suite measured in milliseconds is a benchmark
// (test/bench/redos.bench.ts, `npm run bench:linear`).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { backtrackingRisk } from '../../src/core/evidence/regexSafety';
import { getLanguageService } from '../../src/core/languageService';
import { FIXED_NOW, knowledge, ROOT } from './helpers';
import { adversarialInputs, BUILT_IN_REGEX_GROUPS, type NamedRegex } from './regexInventory';
import { stepCounter, StepLimit, type StepCounter } from './regexSteps';

/** Steps at SMALL and at SCALE× SMALL: about SCALE× for a linear regex, SCALE²× for a quadratic one. */
const SMALL = 48;
const SCALE = 8;
const MAX_LINEAR_RATIO = 16;

interface Growth {
  ratio: number;
  small: number;
  large: number;
  sample: string;
}

/** Steps, or Infinity past `limit`. */
function stepsOf(counter: StepCounter, text: string, limit: number): number {
  try {
    return counter.steps(text, limit);
  } catch (e) {
    if (e instanceof StepLimit) return Infinity;
    throw e;
  }
}

/**
 * The worst growth of the steps over the adversarial inputs: every input at two small sizes first, then
 * the few that grew fastest or cost most at SMALL and at SCALE× SMALL. Past MAX_LINEAR_RATIO × 4 the
 * count stops (Infinity): that is all the verdict needs.
 */
function worstGrowth(regex: RegExp): Growth | 'not simulated' {
  const counter = stepCounter(regex);
  if (!counter) return 'not simulated';
  // A linear regex takes at most a few steps per character and per character of its source (each
  // alternative tried at each position); far past that at the small size, it is not linear.
  const ceiling = SMALL * 50 * (regex.source.length + 10);
  const quick: { input: (n: number) => string; small: number; ratio: number }[] = [];
  for (const input of adversarialInputs(regex)) {
    const half = stepsOf(counter, input(SMALL / 2), ceiling);
    const small = half === Infinity ? Infinity : stepsOf(counter, input(SMALL), Math.max(half, 1) * MAX_LINEAR_RATIO * 4);
    if (small === Infinity) return { ratio: Infinity, small: half, large: Infinity, sample: JSON.stringify(input(12)) };
    quick.push({ input, small, ratio: small / Math.max(half, 1) });
  }
  const candidates = new Set([...[...quick].sort((a, b) => b.ratio - a.ratio).slice(0, 3), ...[...quick].sort((a, b) => b.small - a.small).slice(0, 3)]);
  let worst: Growth | undefined;
  for (const { input, small } of candidates) {
    const large = stepsOf(counter, input(SMALL * SCALE), Math.max(small, 1) * MAX_LINEAR_RATIO * 4);
    const ratio = large / Math.max(small, 1);
    if (!worst || ratio > worst.ratio) worst = { ratio, small, large, sample: JSON.stringify(input(12)) };
  }
  return worst!;
}

function assertAllLinear(regexes: NamedRegex[], notSimulated: readonly string[] = []): void {
  const slow: string[] = [];
  const skipped: string[] = [];
  for (const { name, regex } of regexes) {
    const g = worstGrowth(regex);
    if (g === 'not simulated') skipped.push(regex.source);
    else if (g.ratio >= MAX_LINEAR_RATIO) slow.push(`${name}: ×${g.ratio.toFixed(1)} steps for ${SCALE}× input (${g.small} → ${g.large}, like ${g.sample})`);
  }
  assert.deepEqual(slow, [], 'regexes whose steps grow faster than linearly');
  assert.deepEqual(skipped, notSimulated, 'regexes the step counter cannot run');
}

describe('ReDoS: built-in regexes are linear-time on adversarial input', function () {
  // Counting steps is slow work, not a measurement: the limit only guards against a hang.
  this.timeout(600_000);

  it('the step count tells a quadratic or exponential regex from a linear one', () => {
    // The two shapes this suite found in the core (and that were fixed): a \s* tried from every space of a run,
    // and two \s* around an optional character.
    const ratio = (regex: RegExp) => (worstGrowth(regex) as Growth).ratio;
    assert.ok(ratio(/\s*(?:##|\/\*).*$/) >= MAX_LINEAR_RATIO);
    assert.ok(ratio(/^(sub\s*-?\s*)?totals?\b/i) >= MAX_LINEAR_RATIO);
    assert.ok(ratio(/^(a+)+$/) >= MAX_LINEAR_RATIO);
    assert.ok(ratio(/(?:##|\/\*).*$/) < MAX_LINEAR_RATIO);
    assert.ok(ratio(/^NE40E([ -][A-Z0-9]+)*$/iu) < MAX_LINEAR_RATIO);
  });

  for (const group of BUILT_IN_REGEX_GROUPS) it(group.title, () => assertAllLinear(group.regexes()));

  it('every knowledge-base product pattern passes the static check too', () => {
    for (const vendor of knowledge().vendors) {
      for (const p of vendor.productPatterns ?? []) assert.equal(backtrackingRisk(p.pattern), undefined, `${vendor.id}: ${p.pattern}`);
    }
    const { families, relabels, lookalikes } = knowledge().catalogue;
    const patterns = [...families.map((f) => [f.id, f.pattern]), ...relabels.flatMap((r) => (r.models ? [[r.id, r.models]] : [])), ...lookalikes.map((l) => [l.id, l.pattern])];
    assert.ok(patterns.length > 80, `${patterns.length} catalogue patterns`);
    for (const [id, pattern] of patterns) assert.equal(backtrackingRisk(pattern!, 'iu'), undefined, `${id}: ${pattern}`);
  });

  it('the patterns the build marks as checked are the knowledge base\'s own, each passing the check run here', async function () {
    this.timeout(120_000);
    const { checkedPatterns } = (await import(join(ROOT, 'scripts', 'lib', 'checked-patterns.mjs'))) as { checkedPatterns(): Promise<string[]> };
    const built = await checkedPatterns();
    const kb = knowledge();
    const own = [
      ...kb.vendors.flatMap((v) => (v.productPatterns ?? []).map((p) => p.pattern)),
      ...kb.catalogue.families.map((f) => f.pattern),
      ...kb.catalogue.relabels.flatMap((r) => (r.models ? [r.models] : [])),
      ...kb.catalogue.lookalikes.map((l) => l.pattern),
    ];
    assert.deepEqual(built, [...new Set(own)].sort());
    for (const pattern of built) assert.equal(backtrackingRisk(pattern, 'iu'), undefined, pattern);
  });
});

describe('ReDoS: the static check of product patterns', function () {
  this.timeout(300_000);
  const refused: [string, RegExp][] = [
    ['^(a+)+$', /repetition inside a repetition/],
    ['^(\\w+\\s?)*$', /repetition inside a repetition/],
    ['^(x+x+)+y', /repetition inside a repetition/],
    ['^(a{1,2})+$', /repetition inside a repetition/],
    ['^x(?=(a+)+)', /repetition inside a repetition/],
    ['^(a|a)*$', /alternatives inside a repetition/],
    ['^(a|ab)*c', /alternatives inside a repetition/],
    ['^(?:ne|NE)+$', /alternatives inside a repetition/],
    ['^(a?)*$', /can match nothing/],
    ['^(.*)+$', /can match nothing/],
    ['^.*x.*y$', /two repetitions/],
    // Quadratic on "FooBarBar…Bar" + a line break, which `.` cannot take and `$` refuses.
    ['^Foo.*Bar.*$', /two repetitions/],
    ['^\\d+\\d+x$', /two repetitions/],
    [`^${'\\d{0,16}'.repeat(10)}x$`, /more than 256 ways/],
    ['^(a?a)+$', /repetition inside a repetition/],
    ['^(a)\\1', /backreference/],
    ['^ok|(a+)+', /top-level alternative must start with \^/],
    [`^${'a'.repeat(1001)}`, /longer than 1000/],
  ];
  const accepted = ['^NE40E([ -][A-Z0-9]+)*$', '^DS-2CD\\d{4}[A-Z0-9]*(-[A-Z0-9/()]+)*$', '^CloudEngine( .*)?$', '^[^-]+(-[^-]+)*$', '^Foo.*Bar$', '^(ab)+$', '^(?<n>a)+b', '^AR6(1\\d[A-Z]{0,4}|280)(-[A-Z0-9]+)*$', '^\\p{Lu}+\\d+$'];

  for (const [pattern, why] of refused) {
    it(`refuses ${pattern.slice(0, 40)}`, () => assert.match(backtrackingRisk(pattern) ?? 'accepted', why));
  }
  it('accepts unambiguous repetitions, the shape the knowledge base uses', () => {
    for (const pattern of accepted) assert.equal(backtrackingRisk(pattern), undefined, pattern);
  });

  it('what it refuses really backtracks badly, and what it accepts does not: steps on the same adversarial input', () => {
    const exponential = stepCounter(new RegExp('^(a+)+$', 'iu'))!;
    // Four more characters cost the nested repetition 2^4 = 16× the steps.
    assert.ok(exponential.steps(`${'a'.repeat(20)}!`) > exponential.steps(`${'a'.repeat(16)}!`) * 12);
    const bounded = stepCounter(new RegExp(`^${'\\d{0,16}'.repeat(10)}x$`, 'iu'))!;
    assert.throws(() => bounded.steps(`${'1'.repeat(36)}x!`, 1_000_000), StepLimit, 'the probe\'s pattern: over a million steps on its 38-character cell');
    const quadratic = stepCounter(new RegExp('^\\d+\\d+x$', 'iu'))!;
    assert.ok(quadratic.steps('1'.repeat(800)) > quadratic.steps('1'.repeat(100)) * 50);
    for (const pattern of accepted) {
      const g = worstGrowth(new RegExp(pattern, 'iu'));
      assert.ok(g !== 'not simulated' && g.ratio < MAX_LINEAR_RATIO, `${pattern}: ${JSON.stringify(g)}`);
    }
  });
});

describe('ReDoS: a policy file with a catastrophic product pattern', () => {
  const POLICY_URI = 'file:///ws/.vendorlens.yaml';
  const policy = [
    'schemaVersion: 1',
    'extendVendors:',
    '  huawei:',
    '    productPatterns:',
    '      - pattern: "^(a+)+$"',
    '        family: evil',
    '      - pattern: "^ZZ9000(-[A-Z0-9]+)*$"',
    '        family: fine',
  ].join('\n');

  it('gets a diagnostic on that pattern, which is never run; the safe one works', async () => {
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
    service.configure({ policy: { uri: POLICY_URI, text: policy } });
    const diagnostics = await service.doValidation(TextDocument.create(POLICY_URI, 'yaml', 1, policy));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 4, 'on the pattern itself');
    assert.match(diagnostics[0]!.message, /refused because it could take exponential or polynomial time.*repetition inside a repetition/);
    // The hostile value would take years with the pattern; it is analysed at once without it.
    const document = TextDocument.create('file:///ws/quote.csv', 'csv', 1, `Manufacturer,Model\nAcme,${'a'.repeat(40)}!\nAcme,ZZ9000-X\n`);
    const findings = service.analyze(document).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, document.getText(f.range)]), [['huawei', 'ZZ9000-X']]);
  });
});
