// The regexes the core runs, enumerated rather than listed by hand (literals from the core's source,
// read with the TypeScript parser, and every RegExp the matchers build from the knowledge base), and the
// adversarial inputs they are tried on. Shared by the ReDoS test (counted steps) and its benchmark (time).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { createMatchers } from '../../src/core/analyze';
import { DIALECTS } from '../../src/core/formats/dialects/detect';
import { knowledge, ROOT } from './helpers';

export interface NamedRegex {
  name: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every regex literal in src/core, with where it stands. */
export function coreRegexLiterals(): NamedRegex[] {
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
export function knowledgeBaseRegexes(): NamedRegex[] {
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

/** The built-in regexes in groups, each with a check that the enumeration found what it should. */
export interface RegexGroup {
  title: string;
  /** The group's regexes; throws when the enumeration came up short (a broken inventory must not pass). */
  regexes(): NamedRegex[];
}

export const BUILT_IN_REGEX_GROUPS: readonly RegexGroup[] = [
  {
    title: 'every regex literal in src/core',
    regexes() {
      const literals = coreRegexLiterals();
      assert.ok(literals.length > 50, `found ${literals.length} literals`);
      return literals;
    },
  },
  {
    title: 'every dialect fingerprint, gate and header rule (data/dialects)',
    regexes: () =>
      DIALECTS.flatMap((d) => [
        ...d.fingerprints.flatMap((f) => [{ name: `${d.id}: ${f.reason}`, regex: f.regex }, ...(f.gate ? [{ name: `${d.id}: gate of ${f.reason}`, regex: f.gate }] : [])]),
        ...(d.header ?? []).map((regex) => ({ name: `${d.id}: header ${regex.source}`, regex })),
      ]),
  },
  {
    title: 'every regex built from the knowledge base: names, banners, exclusions, domains and product patterns',
    regexes() {
      const built = knowledgeBaseRegexes();
      const productPatterns = knowledge().vendors.flatMap((v) => v.productPatterns ?? []).length;
      assert.ok(built.length > productPatterns, `captured ${built.length} regexes`);
      return built;
    },
  },
];

/** Repeats `unit` to about n characters, then adds `tail` (which often makes a match fail late). */
export function repeatTo(unit: string, n: number, tail = ''): string {
  return unit.repeat(Math.max(1, Math.ceil(n / unit.length))) + tail;
}

const REPRESENTATIVES = ['a', 'Z', '0', ' ', '\t', '\n', '-', '.', ':', '/', '_', '#', '!', '"', '(', '{', ';', '=', 'é', '华'];
const PAIR_CHARS = ['a', '0', ' ', '-', '.', ':', '/', '\n', '\t'];

/** Adversarial inputs for a regex: runs of each character it mentions, pairs, and its own words repeated. */
export function adversarialInputs(regex: RegExp): ((n: number) => string)[] {
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
