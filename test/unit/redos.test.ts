// ReDoS: every regular expression the core runs is linear-time on adversarial input, and product
// patterns from a policy file that could backtrack catastrophically are refused with a diagnostic.
// The regexes are enumerated, not listed by hand: literals from the core's source (read with the
// TypeScript parser), the dialect fingerprints, and every RegExp the matchers build from the knowledge base.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMatchers } from '../../src/core/analyze';
import { backtrackingRisk } from '../../src/core/evidence/regexSafety';
import { DIALECTS } from '../../src/core/formats/dialects/detect';
import { getLanguageService } from '../../src/core/languageService';
import { FIXED_NOW, knowledge, ROOT } from './helpers';
import { bestTime, growth, MAX_LINEAR_RATIO, repeatTo } from './timing';

interface NamedRegex {
  name: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every regex literal in src/core, with where it stands. */
function coreRegexLiterals(): NamedRegex[] {
  const found: NamedRegex[] = [];
  for (const file of sourceFiles(join(ROOT, 'src', 'core'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ name: `${relative(ROOT, file)}:${line} ${text.slice(0, 60)}`, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The RegExps built at run time from the knowledge base (names, banners, exclusions, domains, product patterns). */
function knowledgeBaseRegexes(): NamedRegex[] {
  const built: NamedRegex[] = [];
  const original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(original, {
    construct(target, args: [string | RegExp, string?]) {
      const regex = new target(...args);
      built.push({ name: `built: /${regex.source.slice(0, 60)}…/${regex.flags}`, regex });
      return regex;
    },
  });
  try {
    createMatchers(knowledge());
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}

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
const REPRESENTATIVES = ['a', 'Z', '0', ' ', '\t', '\n', '-', '.', ':', '/', '_', '#', '!', '"', '(', '{', ';', '=', 'é', '华'];
const PAIR_CHARS = ['a', '0', ' ', '-', '.', ':', '/', '\n', '\t'];

/** Adversarial inputs for a regex: runs of each character it mentions, pairs, and its own words repeated. */
function adversarialInputs(regex: RegExp): ((n: number) => string)[] {
  const mentioned = [...new Set(regex.source.replace(/\\[dDwWsSbBpPnrtvfux]/g, '').split(''))].filter((c) => c >= ' ' && c <= '~').slice(0, 40);
  const alphabet = [...new Set([...REPRESENTATIVES, ...mentioned])];
  const words = [...new Set(regex.source.match(/[A-Za-z0-9]{2,}/g) ?? [])].slice(0, 12);
  const inputs: ((n: number) => string)[] = [];
  for (const c of alphabet) inputs.push((n) => repeatTo(c, n, '\u0001'));
  for (const a of [...PAIR_CHARS, ...mentioned.slice(0, 8)]) for (const b of PAIR_CHARS) if (a !== b) inputs.push((n) => repeatTo(a + b, n, '\u0001'));
  for (const w of words) {
    for (const sep of [' ', '.', '-', '\n', '']) inputs.push((n) => repeatTo(w + sep, n, '\u0001'));
    inputs.push((n) => w + ' '.repeat(n) + '\u0001');
  }
  return inputs;
}

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

  it('every regex literal in src/core', () => {
    const literals = coreRegexLiterals();
    assert.ok(literals.length > 50, `found ${literals.length} literals`);
    assertAllLinear(literals);
  });

  it('every dialect fingerprint', () => {
    assertAllLinear(DIALECTS.flatMap((d) => d.fingerprints.map((f) => ({ name: `${d.id}: ${f.reason}`, regex: f.regex }))));
  });

  it('every regex built from the knowledge base: names, banners, exclusions, domains and product patterns', () => {
    const built = knowledgeBaseRegexes();
    const productPatterns = knowledge().vendors.flatMap((v) => v.productPatterns ?? []).length;
    assert.ok(built.length > productPatterns, `captured ${built.length} regexes`);
    assertAllLinear(built);
  });

  it('every knowledge-base product pattern passes the static check too', () => {
    for (const vendor of knowledge().vendors) {
      for (const p of vendor.productPatterns ?? []) assert.equal(backtrackingRisk(p.pattern), undefined, `${vendor.id}: ${p.pattern}`);
    }
    const { families, relabels, lookalikes } = knowledge().catalogue;
    const patterns = [...families.map((f) => [f.id, f.pattern]), ...relabels.flatMap((r) => (r.models ? [[r.id, r.models]] : [])), ...lookalikes.map((l) => [l.id, l.pattern])];
    assert.ok(patterns.length > 80, `${patterns.length} catalogue patterns`);
    for (const [id, pattern] of patterns) assert.equal(backtrackingRisk(pattern!, 'iu'), undefined, `${id}: ${pattern}`);
  });
});

describe('ReDoS: the static check of product patterns', () => {
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
    ['^(a)\\1', /backreference/],
    ['^ok|(a+)+', /top-level alternative must start with \^/],
    [`^${'a'.repeat(1001)}`, /longer than 1000/],
  ];
  const accepted = ['^NE40E([ -][A-Z0-9]+)*$', '^DS-2CD\\d{4}[A-Z0-9]*(-[A-Z0-9/()]+)*$', '^CloudEngine( .*)?$', '^[^-]+(-[^-]+)*$', '^Foo.*Bar.*$', '^(ab)+$', '^(?<n>a)+b', '^AR6(1\\d[A-Z]{0,4}|280)(-[A-Z0-9]+)*$', '^\\p{Lu}+\\d+$'];

  for (const [pattern, why] of refused) {
    it(`refuses ${pattern.slice(0, 40)}`, () => assert.match(backtrackingRisk(pattern) ?? 'accepted', why));
  }
  it('accepts unambiguous repetitions, the shape the knowledge base uses', () => {
    for (const pattern of accepted) assert.equal(backtrackingRisk(pattern), undefined, pattern);
  });

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
    const started = performance.now();
    const findings = service.analyze(document).findings;
    assert.ok(performance.now() - started < 5_000);
    assert.deepEqual(findings.map((f) => [f.vendorId, document.getText(f.range)]), [['huawei', 'ZZ9000-X']]);
  });
});
