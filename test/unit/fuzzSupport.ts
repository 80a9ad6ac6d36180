// Shared by the fuzz tests and the regression tests of what they found: seed documents, mutations and
// the invariants every parser and the language service must keep on any input.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../src/core/formats/format';
import { ROOT } from './helpers';

/** Cases per property: `npm run fuzz` sets FUZZ_RUNS=100000; the normal test run takes a seeded share. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Fixed by default so `npm test` is reproducible; `npm run fuzz` draws a new one unless FUZZ_SEED is set. */
export const FUZZ_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261129;
/** No case of a few kilobytes may take this long: far above linear work, far below "hangs". */
/** A case slower than this is reported by `npm run fuzz` for a look with the benchmark. */
export const SLOW_CASE_MS = 3000;

export interface Seed {
  name: string;
  uri: string;
  languageId: string;
  text: string;
}

/** Realistic documents of every format: the project's own fixtures and examples, plus a few shapes they lack. */
export function seedDocuments(): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of ['test/fixtures/configs', 'test/fixtures/boms', 'test/fixtures/workspace', 'examples/configs', 'examples/boms']) {
    let names: string[] = [];
    try {
      // Text files only: sub-folders and the binary spreadsheet fixtures are no seeds for text parsers.
      names = readdirSync(join(ROOT, dir), { withFileTypes: true })
        .filter((entry) => entry.isFile() && !/\.(xlsx|ods)$/i.test(entry.name))
        .map((entry) => entry.name);
    } catch {
      continue;
    }
    for (const name of names) {
      const text = readFileSync(join(ROOT, dir, name), 'utf8');
      seeds.push({ name: `${dir}/${name}`, uri: `file:///ws/${name}`, languageId: languageOf(name), text });
    }
  }
  seeds.push(
    {
      name: 'noted VRP config',
      uri: 'file:///ws/core.vrp',
      languageId: 'network-config',
      text: '#\nsysname CORE-1\n# vendorlens-accept-file: zte | reason: lab | expires: 2030-01-01\n#\ninterface Vlanif10\n # vendorlens-accept: huawei | reason: CPE | ticket: T-1 | expires: 2027-06-30\n description to HUAWEI NE40E\n#\nreturn\n',
    },
    {
      name: 'inventory with YAML comments',
      uri: 'file:///ws/devices.yaml',
      languageId: 'yaml',
      text: 'devices:\n  # vendorlens-accept: huawei | reason: spare\n  - manufacturer: Huawei\n    model: S5720-28X-SI-AC\n    notes: |\n      bought from Huawei reseller\n  - manufacturer: "ZTE"\n    part_number: ZXR10 5960\n',
    },
  );
  return seeds;
}

function languageOf(name: string): string {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.xml$/i.test(name)) return 'xml';
  if (/\.spdx$/i.test(name)) return 'spdx';
  return 'plaintext';
}

/** Tokens that break parsers: quotes, brackets, escapes, comment and note markers, surrogates, NUL, line ends. */
const HOSTILE = [
  '"', "'", '""', '<', '>', '/>', '</', '{', '}', '[', ']', ':', ',', ';', '|', '\\', '\\u', '\\"', '\u0000', '\uD800', '\uDC00',
  '\r', '\n', '\r\n', '\t', '#', '!', '&', '&amp;', '&#x0;', '&#1114112;', '<![CDATA[', ']]>', '<!--', '-->', '<?xml ', '<!DOCTYPE x [<!ENTITY a "b">]>',
  '- ', '? ', '*', '&a ', '*a', '!!js/function "f"', '%YAML 1.2\n', '---\n', '...\n', '<text>', '</text>', '\uFEFF', 'sep=;\n',
  ' vendorlens-accept: huawei | reason: x', ' vendorlens-accept-file: * | reason: y', '! vendorlens-accept: zte | reason: | expires: 2020-13-45',
  'Huawei', 'HUAWEI', 'ZTE', '中兴', 'Hikvision', 'NE40E-X8A', 'DS-2CD2143G2-IU', 'cpe:2.3:h:huawei:ne40e:-:*:*:*:*:*:*:*', 'cpe:/h:zte',
  'pkg:maven/com.huawei/x@1', '1.3.6.1.4.1.2011.2.23', '00e0.fc12.3456', '00-E0-FC-12-34-56', 'ntp.huawei.com', 'peer 1.1.1.1 as-number 4134',
  'Copyright (c) 2020 Huawei Technologies Co., Ltd.', '"bomFormat": "CycloneDX"', 'SPDXVersion: SPDX-2.3\n', 'PackageName: x\n', 'Manufacturer,Part\n',
];

interface Mutation {
  kind: 'insert' | 'delete' | 'duplicate' | 'replace' | 'truncate' | 'repeat';
  at: number;
  length: number;
  text: string;
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'replace', 'truncate', 'repeat'),
  at: fc.nat(),
  length: fc.nat({ max: 300 }),
  text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 24 })),
});

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    const end = Math.min(out.length, at + m.length);
    switch (m.kind) {
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(end);
        break;
      case 'duplicate':
        out = out.slice(0, end) + out.slice(at, end) + out.slice(end);
        break;
      case 'replace':
        out = out.slice(0, at) + m.text + out.slice(end);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'repeat':
        // Deep nesting and long runs: the same token many times over.
        out = out.slice(0, at) + m.text.repeat(1 + (m.length % 64)) + out.slice(at);
        break;
    }
  }
  return out;
}

/** Arbitrary text (any UTF-16, lone surrogates included) or a seed document with a few mutations. */
export function documentText(seeds: readonly Seed[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 60 }).map((parts) => parts.join('')) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 })).map(([seed, ms]) => mutate(seed.text, ms)) },
  );
}

export function runOptions(): fc.Parameters<unknown> {
  return { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: false, verbose: 0 };
}

/**
 * Runs `work`. No clock decides a case, in the suite or in `npm run fuzz`: a case that hangs meets the
 * runner's timeout, and linearity is decided by counted steps (redos.test.ts). The long session only
 * reports slow cases (FUZZ_RUNS set), as leads for the benchmark.
 */
export function reportingSlowCase<T>(what: string, work: () => T): T {
  if (process.env.FUZZ_RUNS === undefined) return work();
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  if (elapsed >= SLOW_CASE_MS) console.warn(`fuzz: ${what} took ${elapsed.toFixed(0)} ms (reported, not failed)`);
  return result;
}

/** Every located thing a parser returns lies inside the text, is not inverted, and is what it says it is. */
export function assertParsedWellFormed(text: string, parsed: ParsedDocument): void {
  for (const field of parsed.fields) {
    assert.ok(Number.isInteger(field.offset) && field.offset >= 0 && field.offset + field.text.length <= text.length, `field at ${field.offset} (+${field.text.length}) outside a text of ${text.length}`);
    assert.equal(text.slice(field.offset, field.offset + field.text.length), field.text, `field at ${field.offset} is not the text there`);
  }
  for (const p of parsed.problems) {
    assert.ok(Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.start <= p.end && p.end <= text.length, `problem ${p.code} at ${p.start}-${p.end} in a text of ${text.length}`);
    assert.ok(p.message.trim().length > 10, `problem ${p.code} explains itself`);
  }
  const anchor = parsed.dialect.anchor;
  if (anchor) assert.ok(anchor.start >= 0 && anchor.start <= anchor.end && anchor.end <= text.length, 'dialect anchor inside the text');
}

export function assertPositionInside(document: TextDocument, position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < Math.max(1, document.lineCount), `${what}: line ${position.line} of ${document.lineCount}`);
  const lineText = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  assert.ok(Number.isInteger(position.character) && position.character >= 0 && position.character <= lineText.length, `${what}: character ${position.character} of a line of ${lineText.length}`);
}

export function assertRangeInside(document: TextDocument, range: Range, what: string): void {
  assertPositionInside(document, range.start, `${what} start`);
  assertPositionInside(document, range.end, `${what} end`);
  const inverted = range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character);
  assert.ok(!inverted, `${what}: inverted range ${JSON.stringify(range)}`);
}
