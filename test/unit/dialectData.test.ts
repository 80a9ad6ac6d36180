// Dialect fingerprints as tested data (data/dialects/<id>.yaml and the families they include): every file
// fits its schema, the bundled data/generated/dialects.json is what the YAML makes, and every fingerprint's
// examples match (with the anchor they state) and its counterexamples do not, run on the regexes the
// detector itself compiled, in the manner of recog's fingerprint examples. A failure names the dialect
// (or family) and the fingerprint's reason.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator, type Schema } from '@cfworker/json-schema';
import { parse } from 'yaml';
import { backtrackingRisk } from '../../src/core/evidence/regexSafety';
import { anchorOf, detectDialect, DIALECTS } from '../../src/core/formats/dialects/detect';
import type { Fingerprint } from '../../src/core/formats/dialects/fingerprint';
import { compileDialects, type DialectBundle } from '../../src/core/formats/dialects/load';
import { readDialectData } from '../../scripts/generate-dialects.mjs';
import { ROOT } from './helpers';

type Example = string | { text: string; anchor: string };

interface FingerprintEntry {
  pattern: string;
  flags?: string;
  gate?: string;
  weight: number;
  reason: string;
  in?: string[];
  examples: Example[];
  counterexamples?: string[];
}

interface DialectFile {
  id: string;
  header?: string[];
  fingerprints: (FingerprintEntry | { family: string })[];
}

interface FamilyFile {
  id: string;
  signals: FingerprintEntry[];
}

const DIR = join(ROOT, 'data', 'dialects');
const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'data', 'schema', name), 'utf8')) as Schema;

function dialectFiles(): DialectFile[] {
  const order = readYaml<{ dialects: string[] }>(join(DIR, 'index.yaml')).dialects;
  return order.map((id) => readYaml<DialectFile>(join(DIR, `${id}.yaml`)));
}

function familyFiles(): Map<string, FamilyFile> {
  const files = readdirSync(join(DIR, 'families')).filter((f) => f.endsWith('.yaml'));
  return new Map(files.map((f) => readYaml<FamilyFile>(join(DIR, 'families', f))).map((family) => [family.id, family]));
}

/** A fingerprint as written, where it was written ("cisco-ios" or "family ios-family"), and the compiled one the detector runs. */
interface Case {
  where: string;
  entry: FingerprintEntry;
  compiled: Fingerprint;
}

/**
 * Every fingerprint once, paired with what the detector compiled from the bundle: a dialect's own entries
 * and, for a family, its signals as the first dialect that includes each compiled them. The pairing itself
 * checks that the bundle holds the YAML's patterns in the YAML's order.
 */
function cases(): Case[] {
  const families = familyFiles();
  const out: Case[] = [];
  const seen = new Set<FingerprintEntry>();
  dialectFiles().forEach((dialect, i) => {
    const spec = DIALECTS[i]!;
    assert.equal(spec.id, dialect.id, 'DIALECTS follows data/dialects/index.yaml');
    const expanded = dialect.fingerprints.flatMap((entry) => {
      if (!('family' in entry)) return [{ where: dialect.id, entry }];
      const family = families.get(entry.family)!;
      return family.signals.filter((s) => !s.in || s.in.includes(dialect.id)).map((s) => ({ where: `family ${family.id}`, entry: s }));
    });
    assert.equal(spec.fingerprints.length, expanded.length, `${dialect.id}: as many fingerprints compiled as written`);
    expanded.forEach(({ where, entry }, k) => {
      const compiled = spec.fingerprints[k]!;
      assert.equal(compiled.regex.source, new RegExp(entry.pattern).source, `${where}: "${entry.reason}" compiled in its place`);
      assert.equal(compiled.regex.flags, entry.flags ?? '', `${where}: "${entry.reason}" keeps its flags`);
      if (!seen.has(entry)) out.push({ where, entry, compiled });
      seen.add(entry);
    });
  });
  return out;
}

function exec(regex: RegExp, text: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  return regex.exec(text);
}

/** Why an example fails, or undefined when it passes. */
function exampleFailure({ compiled }: Case, example: Example): string | undefined {
  const text = typeof example === 'string' ? example : example.text;
  if (compiled.gate && !exec(compiled.gate, text)) return `its gate /${compiled.gate.source}/ does not match example ${JSON.stringify(text)}`;
  const match = exec(compiled.regex, text);
  if (!match) return `does not match example ${JSON.stringify(text)}`;
  const { start, end } = anchorOf(match);
  const anchor = text.slice(start, end);
  const expected = typeof example === 'string' ? match[0].trim() : example.anchor;
  if (anchor !== expected) {
    return typeof example === 'string'
      ? `anchors ${JSON.stringify(anchor)}, not the whole match ${JSON.stringify(expected)}, in ${JSON.stringify(text)}: state the anchor`
      : `anchors ${JSON.stringify(anchor)}, not ${JSON.stringify(expected)}, in ${JSON.stringify(text)}`;
  }
  return undefined;
}

function counterexampleFailure({ compiled }: Case, text: string): string | undefined {
  const fires = (!compiled.gate || exec(compiled.gate, text)) && exec(compiled.regex, text);
  return fires ? `matches counterexample ${JSON.stringify(text)}` : undefined;
}

/**
 * Patterns the product-pattern safety rules refuse although they run in linear time here, each with why:
 * the step-counting ReDoS test (redos.test.ts) measures every fingerprint's growth regardless.
 */
const SAFETY_ALLOWANCES = new Map([
  // `.*` before `\d+`: a two-repetition shape, but `EOS-` sits between them, so neither can give characters to the other.
  ['^! device: .*\\b(?<anchor>EOS-\\d+\\.\\d+)', 'arista-eos "! device:" header'],
  // `\S+` before `\d+`: the space in ": bytes=" / ", local" ends the first run before the second can start.
  ['(?<anchor>Reply from \\S+: bytes=\\d+ Sequence=\\d+ ttl=)', 'huawei-vrp "ping" output'],
  ['(?<anchor>BGP router identifier \\S+, local AS number \\d+)', 'ios-family "show ip bgp summary" line'],
]);

describe('dialect data (data/dialects)', () => {
  it('is what data/generated/dialects.json bundles (scripts/generate-dialects.mjs --check), every file valid against its schema', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-dialects.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('refuses to bundle a file that breaks its schema, a wrong id, an unknown family, an unlisted or missing dialect, or a family naming a dialect that does not include it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-dialects-'));
    try {
      mkdirSync(join(dir, 'families'));
      const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
      const entry = "  - pattern: '^sysname'\n    flags: m\n    weight: 2\n    reason: sysname\n";
      write('index.yaml', 'dialects: [a-os, b-os, gone-os]\n');
      write('a-os.yaml', `id: a-os\nlabel: A\ncommentPrefix: '#'\nfingerprints:\n${entry}`);
      write('b-os.yaml', `id: wrong-id\nlabel: B\ncommentPrefix: '#'\nfingerprints:\n  - family: nope\n  - family: shared\n`);
      write('z-os.yaml', `id: z-os\nlabel: Z\ncommentPrefix: '#'\nfingerprints:\n${entry}    examples: [sysname sw1]\n`);
      write('families/shared.yaml', `id: shared\nsignals:\n${entry}    in: [c-os]\n    examples: [sysname sw1]\n`);
      const message = (() => {
        try {
          readDialectData(dir);
          return 'accepted';
        } catch (e) {
          return (e as Error).message;
        }
      })();
      for (const expected of [
        /data\/dialects\/a-os\.yaml: #\/fingerprints\/0 .*"examples"/,
        /data\/dialects\/index\.yaml does not list z-os/,
        /data\/dialects\/index\.yaml lists gone-os, which has no data\/dialects\/gone-os\.yaml/,
        /data\/dialects\/b-os\.yaml: id "wrong-id" is not the file's name/,
        /data\/dialects\/b-os\.yaml: no family "nope"/,
        /data\/dialects\/families\/shared\.yaml: "sysname" names c-os, which does not include the family/,
      ]) {
        assert.match(message, expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every dialect in index.yaml, each in a file named after its id', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'index.yaml');
    const listed = readYaml<{ dialects: string[] }>(join(DIR, 'index.yaml')).dialects;
    assert.deepEqual([...files].sort(), listed.map((id) => `${id}.yaml`).sort());
    for (const dialect of dialectFiles()) assert.ok(listed.includes(dialect.id), dialect.id);
    assert.deepEqual(DIALECTS.map((d) => d.id), listed);
  });

  it('every fingerprint matches its examples, placing the anchor they state, and none of its counterexamples', () => {
    const all = cases();
    const failures: string[] = [];
    let examples = 0;
    let counterexamples = 0;
    for (const c of all) {
      const name = `${c.where}, fingerprint '${c.entry.reason}':`;
      if (c.entry.examples.length === 0) failures.push(`${name} has no example`);
      for (const example of c.entry.examples) {
        examples++;
        const failure = exampleFailure(c, example);
        if (failure) failures.push(`${name} ${failure}`);
      }
      for (const text of c.entry.counterexamples ?? []) {
        counterexamples++;
        const failure = counterexampleFailure(c, text);
        if (failure) failures.push(`${name} ${failure}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(all.length > 600 && examples >= all.length && counterexamples > 50, `${all.length} fingerprints, ${examples} examples, ${counterexamples} counterexamples`);
  });

  it('reports an example that does not match, or anchors elsewhere, naming the dialect and fingerprint', () => {
    const [first] = cases();
    const broken = { ...first!, entry: { ...first!.entry, examples: ['nothing of the kind'] } };
    assert.match(exampleFailure(broken, 'nothing of the kind') ?? '', /does not match example "nothing of the kind"/);
    const withAnchor = cases().find((c) => c.entry.examples.some((e) => typeof e !== 'string'))!;
    const example = withAnchor.entry.examples.find((e) => typeof e !== 'string') as { text: string; anchor: string };
    assert.match(exampleFailure(withAnchor, example.text) ?? '', /state the anchor/, `${withAnchor.where}: ${withAnchor.entry.reason}`);
    assert.match(exampleFailure(withAnchor, { text: example.text, anchor: 'elsewhere' }) ?? '', /not "elsewhere"/);
    const generic = cases().find((c) => c.entry.pattern === '^(?<anchor>!)[ \\t]*$')!;
    assert.match(counterexampleFailure(generic, '!') ?? '', /matches counterexample "!"/);
  });

  it('holds no pattern, gate or header rule that could backtrack catastrophically (the rules product patterns follow)', () => {
    const risky: string[] = [];
    const check = (where: string, source: string, flags = '') => {
      // Fingerprints are searched for anywhere in the text: the rules are applied to one attempt, from one place.
      const risk = backtrackingRisk(`^(?:${source})`, `${flags}u`);
      if (risk && !SAFETY_ALLOWANCES.has(source)) risky.push(`${where}: /${source}/ ${risk}`);
    };
    for (const { where, entry } of cases()) {
      check(`${where}: fingerprint "${entry.reason}"`, entry.pattern, entry.flags);
      if (entry.gate) check(`${where}: gate of "${entry.reason}"`, entry.gate);
    }
    for (const dialect of dialectFiles()) for (const rule of dialect.header ?? []) check(`${dialect.id}: header rule`, rule);
    assert.deepEqual(risky, []);
    for (const source of SAFETY_ALLOWANCES.keys()) {
      assert.ok(backtrackingRisk(`^(?:${source})`, 'mu'), `${source} is still refused by the rules (else drop its allowance)`);
      assert.ok(cases().some((c) => c.entry.pattern === source), `${source} is still a fingerprint`);
    }
  });

  describe('schema', () => {
    const validator = () => {
      const v = new Validator(schema('dialect.schema.json'), '2020-12', false);
      return v;
    };
    const familyValidator = () => {
      const v = new Validator(schema('dialect-family.schema.json'), '2020-12', false);
      v.addSchema(schema('dialect.schema.json'));
      return v;
    };
    const fingerprint = { pattern: '^(?<anchor>sysname) \\S', flags: 'm', weight: 2, reason: '"sysname"', examples: ['sysname core1'] };
    const dialect = (fingerprints: unknown[]) => ({ id: 'test-os', label: 'Test OS', commentPrefix: '#', fingerprints });

    it('accepts the shipped files', () => {
      for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'index.yaml')) {
        const result = validator().validate(readYaml(join(DIR, file)));
        assert.ok(result.valid, `${file}: ${JSON.stringify(result.errors.slice(-3))}`);
      }
      for (const family of familyFiles().values()) assert.ok(familyValidator().validate(family).valid, family.id);
    });

    it('refuses a fingerprint without examples, with an unknown field, a zero weight, an unknown flag, or a family member list outside a family', () => {
      assert.ok(validator().validate(dialect([fingerprint, { family: 'vrp-family' }])).valid);
      const { examples: _examples, ...withoutExamples } = fingerprint;
      assert.ok(!validator().validate(dialect([withoutExamples])).valid, 'no examples');
      assert.ok(!validator().validate(dialect([{ ...fingerprint, examples: [] }])).valid, 'empty examples');
      assert.ok(!validator().validate(dialect([{ ...fingerprint, regex: 'x' }])).valid, 'unknown field');
      assert.ok(!validator().validate(dialect([{ ...fingerprint, weight: 0 }])).valid, 'zero weight');
      assert.ok(!validator().validate(dialect([{ ...fingerprint, flags: 'g' }])).valid, 'the g flag');
      assert.ok(!validator().validate(dialect([{ ...fingerprint, in: ['test-os'] }])).valid, '"in" outside a family');
      assert.ok(!validator().validate(dialect([{ ...fingerprint, examples: [{ text: 'sysname core1' }] }])).valid, 'an example object without its anchor');
      assert.ok(familyValidator().validate({ id: 'test-family', signals: [{ ...fingerprint, in: ['test-os'] }] }).valid);
      assert.ok(!familyValidator().validate({ id: 'test-family', signals: [{ ...fingerprint, family: 'x' }] }).valid);
    });
  });

  describe('loader', () => {
    const signal = (reason: string, members?: string[]) => ({ pattern: `^${reason}`, flags: 'm', weight: 2, reason, ...(members ? { in: members } : {}) });
    const bundle: DialectBundle = {
      families: { shared: [signal('both'), signal('only-a', ['a']), signal('only-b', ['b'])] },
      dialects: [
        { id: 'a', label: 'A', commentPrefix: '!', header: ['^! a'], fingerprints: [signal('first'), { family: 'shared' }, { ...signal('last'), gate: 'la', generic: true }] },
        { id: 'b', label: 'B', commentPrefix: '#', fingerprints: [{ family: 'shared' }] },
      ],
    };

    it('puts a family\'s signals at the place it is named, keeping those for the dialect', () => {
      const [a, b] = compileDialects(bundle);
      assert.deepEqual(a!.fingerprints.map((f) => f.reason), ['first', 'both', 'only-a', 'last']);
      assert.deepEqual(b!.fingerprints.map((f) => f.reason), ['both', 'only-b']);
      assert.deepEqual(a!.header, [/^! a/]);
      assert.equal(b!.header, undefined);
      const last = a!.fingerprints[3]!;
      assert.deepEqual([last.regex, last.gate, last.generic, last.imitated], [/^last/m, /la/, true, undefined]);
    });

    it('refuses a dialect that names a family the data lacks', () => {
      assert.throws(() => compileDialects({ families: {}, dialects: [{ id: 'c', label: 'C', commentPrefix: '#', fingerprints: [{ family: 'gone' }] }] }), /dialect c: no family "gone"/);
    });

    it('compiles the bundled data into the dialects the detector runs', () => {
      assert.ok(DIALECTS.length >= 12);
      assert.equal(detectDialect('sysname core1\n#\nvlan batch 10 20\n#\nreturn\n').id, 'huawei-vrp');
    });
  });
});
