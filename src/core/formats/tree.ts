// A located value tree shared by the JSON, YAML and XML readers, so that each BOM format (CycloneDX,
// SPDX, inventories) walks one shape whatever its serialisation. Every scalar keeps the exact range of
// its characters in the document (inside quotes), in UTF-16 offsets.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, type Node as YamlNode } from 'yaml';
import type { ParseProblem } from './format';

export interface ScalarNode {
  kind: 'scalar';
  /** The decoded value (escapes resolved), for comparisons and references. */
  value: string;
  /** Range of the value's characters in the document, without quotes. */
  start: number;
  end: number;
}

export interface Entry {
  key: string;
  keyStart: number;
  value: TreeNode;
}

export interface ObjectNode {
  kind: 'object';
  start: number;
  end: number;
  /** In document order; XML may repeat a key. */
  entries: Entry[];
}

export interface ArrayNode {
  kind: 'array';
  start: number;
  end: number;
  items: TreeNode[];
}

export type TreeNode = ScalarNode | ObjectNode | ArrayNode;

export interface ParsedTree {
  root?: TreeNode;
  problems: ParseProblem[];
  /** Comments (YAML '#'), as ranges: review notes live there. */
  comments: { start: number; end: number }[];
}

/** The first value under `key`, if `node` is an object. */
export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  if (node?.kind !== 'object') return undefined;
  return node.entries.find((e) => e.key === key)?.value;
}

/** The string value at a key path ('a', 'b' → node.a.b), if it is a scalar. */
export function scalarAt(node: TreeNode | undefined, ...keys: string[]): ScalarNode | undefined {
  let current = node;
  for (const key of keys) current = child(current, key);
  return current?.kind === 'scalar' ? current : undefined;
}

/** Items of an array node; a single object stands for a one-item list (XML, hand-written YAML). */
export function itemsOf(node: TreeNode | undefined): TreeNode[] {
  if (!node) return [];
  return node.kind === 'array' ? node.items : [node];
}

/** Offset → 1-based line, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

// ---- JSON (jsonc-parser: tolerant, so a broken document still yields the values before and after the error)

function fromJson(node: JsonNode, text: string): TreeNode | undefined {
  switch (node.type) {
    case 'object': {
      const entries: Entry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value || typeof key.value !== 'string') continue;
        const converted = fromJson(value, text);
        if (converted) entries.push({ key: key.value, keyStart: key.offset + 1, value: converted });
      }
      return { kind: 'object', start: node.offset, end: node.offset + node.length, entries };
    }
    case 'array': {
      const items = (node.children ?? []).map((c) => fromJson(c, text)).filter((c): c is TreeNode => c !== undefined);
      return { kind: 'array', start: node.offset, end: node.offset + node.length, items };
    }
    case 'string': {
      // The node spans the quotes; an unterminated string may lack the closing one.
      const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
      return { kind: 'scalar', value: String(node.value), start: node.offset + 1, end: node.offset + node.length - (closed ? 1 : 0) };
    }
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: text.slice(node.offset, node.offset + node.length), start: node.offset, end: node.offset + node.length };
    default:
      return undefined;
  }
}

const JSON_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name (in double quotes) is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace } is expected',
  CloseBracketExpected: 'a closing bracket ] is expected',
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** Deeper values are not read: no BOM or inventory nests this far, and the readers recurse. */
export const MAX_NESTING = 200;

/** Offset of the first '[' or '{' nested deeper than MAX_NESTING (outside strings), or -1. One linear pass. */
export function firstTooDeepJson(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 0x5d /* ] */ || c === 0x7d /* } */) && depth > 0) depth--;
  }
  return -1;
}

export function parseJsonTree(text: string): ParsedTree {
  const errors: ParseError[] = [];
  let root: TreeNode | undefined;
  const problems: ParseProblem[] = [];
  // Too deep: read the document up to that point only (offsets stay valid), and say where it stopped.
  const tooDeep = firstTooDeepJson(text);
  const readable = tooDeep < 0 ? text : text.slice(0, tooDeep);
  if (tooDeep >= 0) {
    problems.push({
      start: tooDeep,
      end: tooDeep + 1,
      severity: 'warning',
      code: 'json-too-deep',
      message: `JSON nested more than ${MAX_NESTING} levels deep: nothing from here to the end of the file was read. A BOM or inventory is never this deep.`,
    });
  }
  try {
    const node = parseTree(readable, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    root = node ? fromJson(node, text) : undefined;
  } catch (e) {
    problems.push({ start: 0, end: Math.min(1, text.length), severity: 'error', code: 'json-syntax', message: `JSON could not be read: ${(e as Error).message}` });
  }
  // Errors at the cut are the cut's own (unclosed brackets), already explained.
  if (tooDeep >= 0) errors.splice(0, errors.length, ...errors.filter((e) => e.offset < tooDeep));
  // An unfinished file gets one error per bracket still open, all at its end: one problem per place is enough.
  const seen = new Set<number>();
  const distinct = errors.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
  problems.push(...distinct.slice(0, 20).map((e) => {
    const code = printParseErrorCode(e.error);
    return {
      start: Math.min(e.offset, text.length),
      end: Math.min(e.offset + Math.max(e.length, 1), text.length),
      severity: 'error' as const,
      code: 'json-syntax',
      message: `JSON syntax error: ${JSON_ERROR_TEXT[code] ?? code}. The values that could be read are still checked.`,
    };
  }));
  return { root, problems, comments: [] };
}

/** The same tree `by` characters further on: a value read from a slice, placed back in its document. */
function shiftTree(node: TreeNode, by: number): TreeNode {
  switch (node.kind) {
    case 'scalar':
      return { ...node, start: node.start + by, end: node.end + by };
    case 'array':
      return { kind: 'array', start: node.start + by, end: node.end + by, items: node.items.map((i) => shiftTree(i, by)) };
    case 'object':
      return { kind: 'object', start: node.start + by, end: node.end + by, entries: node.entries.map((e) => ({ key: e.key, keyStart: e.keyStart + by, value: shiftTree(e.value, by) })) };
  }
}

const MAX_JSON_LINES_PROBLEMS = 20;

/**
 * JSON Lines (NDJSON), as `jq -c`, osquery, Elastic and log shippers export records: one object or list per
 * line. Read as one list of the lines' values, so every record is checked, not only the first. Undefined when
 * the text is not JSON Lines: fewer than two lines, or a line that does not open and close a value by itself.
 */
export function parseJsonLinesTree(text: string): ParsedTree | undefined {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let start = at;
    let stop = end;
    while (start < stop && isBlank(text.charCodeAt(start))) start++;
    while (stop > start && isBlank(text.charCodeAt(stop - 1))) stop--;
    if (stop > start) {
      const first = text[start];
      const last = text[stop - 1];
      if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) return undefined;
      lines.push({ start, end: stop });
    }
    at = end + 1;
  }
  if (lines.length < 2) return undefined;
  const items: TreeNode[] = [];
  const problems: ParseProblem[] = [];
  for (const line of lines) {
    const parsed = parseJsonTree(text.slice(line.start, line.end));
    if (parsed.root) items.push(shiftTree(parsed.root, line.start));
    for (const p of parsed.problems) if (problems.length < MAX_JSON_LINES_PROBLEMS) problems.push({ ...p, start: p.start + line.start, end: p.end + line.start });
  }
  return { root: { kind: 'array', start: 0, end: text.length, items }, problems, comments: [] };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff;
}

// ---- YAML (the `yaml` package: node ranges are [start, valueEnd, nodeEnd])

function yamlScalar(node: Scalar, text: string): ScalarNode | undefined {
  const range = node.range;
  if (!range) return undefined;
  let [start, end] = range;
  const raw = text.slice(start, end);
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    start += 1;
    if (end - start >= 1 && (raw.endsWith('"') || raw.endsWith("'"))) end -= 1;
  } else if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    // Skip the "|" / ">" header line; the value is the indented block after it.
    const newline = text.indexOf('\n', start);
    start = newline < 0 || newline >= end ? end : newline + 1;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { kind: 'scalar', value: node.value === null || node.value === undefined ? '' : String(node.value), start, end };
}

function fromYaml(node: YamlNode | null | undefined, text: string, depth: number, tooDeep: (offset: number) => void): TreeNode | undefined {
  if (!node) return undefined;
  if (depth > MAX_NESTING) {
    tooDeep(node.range?.[0] ?? 0);
    return undefined;
  }
  if (isScalar(node)) return yamlScalar(node, text);
  // Aliases are not followed: it keeps the walk linear (no "billion laughs") and the anchor's own values are walked once.
  if (isAlias(node)) return undefined;
  const [start, , end] = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    const entries: Entry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const value = fromYaml(pair.value as YamlNode | null, text, depth + 1, tooDeep);
      if (value) entries.push({ key: String(pair.key.value), keyStart: pair.key.range[0], value });
    }
    return { kind: 'object', start, end, entries };
  }
  if (isSeq(node)) {
    const items = node.items.map((n) => fromYaml(n as YamlNode, text, depth + 1, tooDeep)).filter((n): n is TreeNode => n !== undefined);
    return { kind: 'array', start, end, items };
  }
  return undefined;
}

/** '#' comments: a '#' at the start of a line or after whitespace, outside every scalar. */
function yamlComments(text: string, scalars: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...scalars].sort((a, b) => a.start - b.start);
  const comments: { start: number; end: number }[] = [];
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '#') continue;
    const before = i === 0 ? '\n' : text[i - 1]!;
    if (!/\s/.test(before)) continue;
    while (next < sorted.length && sorted[next]!.end <= i) next++;
    const inside = sorted.slice(next, next + 1).some((s) => s.start <= i && i < s.end);
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (!inside) comments.push({ start: i, end });
    i = end;
  }
  return comments;
}

function collectRanges(node: TreeNode | undefined, into: { start: number; end: number }[]): void {
  if (!node) return;
  if (node.kind === 'scalar') into.push({ start: node.start, end: node.end });
  else if (node.kind === 'array') node.items.forEach((n) => collectRanges(n, into));
  else
    node.entries.forEach((e) => {
      into.push({ start: e.keyStart, end: e.keyStart + e.key.length });
      collectRanges(e.value, into);
    });
}

export function parseYamlTree(text: string): ParsedTree {
  const problems: ParseProblem[] = [];
  const roots: TreeNode[] = [];
  try {
    const documents = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: false, strict: false });
    const list = Array.isArray(documents) ? documents : [];
    for (const document of list) {
      for (const error of [...document.errors, ...document.warnings].slice(0, 20)) {
        const [start, end] = error.pos;
        // The parser recurses; it reports its own stack overflow as an error at the place it gave up.
        const overflow = /Maximum call stack size exceeded/.test(error.message);
        problems.push({
          start: Math.min(start, text.length),
          end: Math.min(Math.max(end, start + 1), text.length),
          severity: document.errors.includes(error as never) ? 'error' : 'warning',
          code: overflow ? 'yaml-too-deep' : 'yaml-syntax',
          message: overflow
            ? 'YAML nested too deeply to read from here on. The values before it are still checked.'
            : `YAML: ${error.message.split('\n')[0]!.replace(/:$/, '')}. The values that could be read are still checked.`,
        });
      }
      let reported = false;
      const tooDeep = (offset: number) => {
        if (reported) return;
        reported = true;
        problems.push({ start: Math.min(offset, text.length), end: Math.min(offset + 1, text.length), severity: 'warning', code: 'yaml-too-deep', message: `YAML nested more than ${MAX_NESTING} levels deep: the values below this point were not read.` });
      };
      const root = fromYaml(document.contents as YamlNode | null, text, 0, tooDeep);
      if (root) roots.push(root);
    }
  } catch (e) {
    problems.push({ start: 0, end: Math.min(1, text.length), severity: 'error', code: 'yaml-syntax', message: `YAML could not be read: ${(e as Error).message}` });
  }
  const root: TreeNode | undefined = roots.length <= 1 ? roots[0] : { kind: 'array', start: 0, end: text.length, items: roots };
  const ranges: { start: number; end: number }[] = [];
  collectRanges(root, ranges);
  return { root, problems, comments: yamlComments(text, ranges) };
}
