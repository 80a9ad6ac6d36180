// Benchmark, not a test (`npm run bench:linear`): the regexes of test/unit/redos.test.ts measured in
// milliseconds on adversarial input. The test suite decides the same from counted steps; this is the
// check that the step count and the clock agree.
// The regexes are enumerated, not listed by hand: literals from the core's source (read with the
// TypeScript parser), the dialect fingerprints, and every RegExp the matchers build from the knowledge base.
import { strict as assert } from 'node:assert';
import { adversarialInputs, BUILT_IN_REGEX_GROUPS, type NamedRegex } from '../unit/regexInventory';
import { bestTime, growth, MAX_LINEAR_RATIO, repeatTo } from './timing';

/** Runs a regex the way the core does: global and sticky ones in an exec loop, others once. */
function runRegex(regex: RegExp, text: string): void {
  if (regex.sticky) {
    // Sticky regexes are tried at chosen positions; try them at every one.
    for (let i = 0; i < text.length; i++) {
      regex.lastIndex = i;
      regex.exec(text);
    }
  } else if (regex.global) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) if (m[0].length === 0) regex.lastIndex++;
  } else {
    regex.exec(text);
  }
}

const QUICK_SIZE = 400;
/** The worst growth of `run` over the inputs: a quick pass at small size, then the slowest few measured properly. */
function worstGrowth(regex: RegExp) {
  const inputs = adversarialInputs(regex);
  // At 400 characters a quadratic input already costs hundreds of times a linear one: enough to rank them.
  const quick = inputs.map((input) => ({ input, ms: bestTime(() => runRegex(regex, input(QUICK_SIZE)), 1) }));
  quick.sort((a, b) => b.ms - a.ms);
  let worst: (ReturnType<typeof growth> & { sample: string }) | undefined;
  for (const { input } of quick.slice(0, 2)) {
    const g = growth((text) => runRegex(regex, text), input, { start: QUICK_SIZE, minMs: 0.5, maxN: 100_000 });
    if (!worst || g.ratio > worst.ratio) worst = { ...g, sample: JSON.stringify(input(12)) };
  }
  return worst!;
}

function assertAllLinear(regexes: NamedRegex[]): void {
  const slow: string[] = [];
  for (const { name, regex } of regexes) {
    const g = worstGrowth(regex);
    if (g.ratio >= MAX_LINEAR_RATIO) slow.push(`${name}: ×${g.ratio.toFixed(1)} for 8× input (${g.baseMs.toFixed(2)} → ${g.bigMs.toFixed(2)} ms at n=${g.n}, like ${g.sample})`);
  }
  assert.deepEqual(slow, [], 'regexes whose time grows faster than linearly');
}

describe('ReDoS: built-in regexes are linear-time on adversarial input', function () {
  this.timeout(120_000);

  it('the measurement itself tells a quadratic regex from a linear one', () => {
    // The two shapes this suite found in the core (and that were fixed): a \s* tried from every space of a run,
    // and two \s* around an optional character.
    assert.ok(worstGrowth(/\s*(?:##|\/\*).*$/).ratio >= MAX_LINEAR_RATIO);
    assert.ok(worstGrowth(/^(sub\s*-?\s*)?totals?\b/i).ratio >= MAX_LINEAR_RATIO);
    assert.ok(worstGrowth(/(?:##|\/\*).*$/).ratio < MAX_LINEAR_RATIO);
  });

  for (const group of BUILT_IN_REGEX_GROUPS) it(group.title, () => assertAllLinear(group.regexes()));
});

describe('ReDoS: refused and accepted product patterns, measured', () => {
  it('what it refuses really is slow, and what it accepts is not: measured on the same adversarial input', () => {
    const exponential = new RegExp('^(a+)+$', 'iu');
    const safe = new RegExp('^([ -][A-Z0-9]+)*$', 'iu');
    // Doubling the input from 16 to 20 characters costs the nested repetition 2^4 = 16× more.
    const small = bestTime(() => exponential.test(`${'a'.repeat(16)}!`));
    const large = bestTime(() => exponential.test(`${'a'.repeat(20)}!`));
    assert.ok(large > small * 6, `exponential: ${small.toFixed(3)} → ${large.toFixed(3)} ms`);
    const g = growth((text) => safe.test(text), (n) => repeatTo(' A', n, '!'));
    assert.ok(g.ratio < MAX_LINEAR_RATIO, `accepted pattern grows ×${g.ratio.toFixed(1)}`);
  });
});
