// Minimal text edits to the policy file's `acceptances:` list: add, remove or renew one entry while
// leaving every other byte (comments, order, formatting) as the reviewer wrote it.
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SidecarAcceptance } from '../knowledge/policy';

const KEY_ORDER: (keyof SidecarAcceptance)[] = ['file', 'fingerprint', 'vendor', 'evidence', 'reason', 'ticket', 'expires', 'by', 'on'];

function scalar(value: string): string {
  // Dates and ids stay plain; anything YAML could misread is quoted by the yaml library.
  return stringify(value.replace(/[\r\n]+/g, ' '), { lineWidth: 0 }).trimEnd();
}

export function formatAcceptance(entry: SidecarAcceptance, indent: string): string {
  const lines: string[] = [];
  for (const key of KEY_ORDER) {
    const value = entry[key];
    if (value === undefined || value === '') continue;
    lines.push(`${lines.length === 0 ? `${indent}- ` : `${indent}  `}${key}: ${scalar(value)}`);
  }
  return lines.join('\n') + '\n';
}

function topLevelPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The edit adding `entry`; `policy` is undefined when the file does not exist yet. When the file already
 * holds an entry for the same file, fingerprint and vendor, it only moves that entry's expiry (or does
 * nothing): accepting twice never stacks a second entry.
 */
export function addAcceptanceEdit(policy: TextDocument | undefined, entry: SidecarAcceptance): TextEdit | undefined {
  if (policy && findEntry(policy, (a) => a.file === entry.file && a.fingerprint === entry.fingerprint && a.vendor === entry.vendor)) {
    return entry.expires ? renewAcceptanceEdit(policy, (a) => a.file === entry.file && a.fingerprint === entry.fingerprint && a.vendor === entry.vendor, entry.expires) : undefined;
  }
  if (!policy || policy.getText().trim() === '') {
    const text = `# VendorLens policy: see https://github.com/vendorlens/vendorlens#review-notes\nschemaVersion: 1\nacceptances:\n${formatAcceptance(entry, '  ')}`;
    return { range: { start: { line: 0, character: 0 }, end: policy ? policy.positionAt(policy.getText().length) : { line: 0, character: 0 } }, newText: text };
  }
  const text = policy.getText();
  const doc = parseDocument(text);
  const end = text.length;
  const appendAt = policy.positionAt(end);
  const newline = text.endsWith('\n') ? '' : '\n';
  const root = doc.contents;
  const pair = isMap(root) ? topLevelPair(root, 'acceptances') : undefined;
  if (!pair) {
    return { range: { start: appendAt, end: appendAt }, newText: `${newline}acceptances:\n${formatAcceptance(entry, '  ')}` };
  }
  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const first = (value.items[0] as { range?: [number, number, number] }).range;
    const itemStart = first ? lineStart(text, first[0]) : value.range[0];
    const indent = /^[ ]*/.exec(text.slice(itemStart))![0];
    // After the last item's last line.
    let at = value.range[1];
    if (at < end && text[at - 1] !== '\n') at = text.indexOf('\n', at) + 1 || end;
    const prefix = at === end && !text.endsWith('\n') ? '\n' : '';
    const position = policy.positionAt(at);
    return { range: { start: position, end: position }, newText: prefix + formatAcceptance(entry, indent) };
  }
  // `acceptances:` with no items, or a flow sequence: replace its value with a block list.
  const keyRange = (pair.key as { range?: [number, number, number] }).range!;
  const valueEnd = (value as { range?: [number, number, number] } | null)?.range?.[1] ?? keyRange[1] + 1;
  const flowItems = isSeq(value) ? (value.toJSON() as SidecarAcceptance[]) : [];
  const items = [...flowItems, entry].map((e) => formatAcceptance(e, '  ')).join('');
  return {
    range: { start: policy.positionAt(keyRange[0]), end: policy.positionAt(Math.min(valueEnd, end)) },
    newText: `acceptances:\n${items}`.replace(/\n$/, ''),
  };
}

function findEntry(policy: TextDocument, matches: (a: SidecarAcceptance) => boolean): { seq: YAMLSeq; index: number } | undefined {
  const doc = parseDocument(policy.getText());
  const root = doc.contents;
  const value = isMap(root) ? topLevelPair(root, 'acceptances')?.value : undefined;
  if (!isSeq(value)) return undefined;
  let entries: SidecarAcceptance[];
  try {
    entries = value.toJSON() as SidecarAcceptance[];
  } catch {
    return undefined; // an alias to nowhere: the policy file is reported broken anyway
  }
  const index = entries.findIndex((a) => a && typeof a === 'object' && matches(a));
  return index < 0 ? undefined : { seq: value, index };
}

/** The edit deleting the entry (its whole lines), or undefined when there is none. */
export function removeAcceptanceEdit(policy: TextDocument, matches: (a: SidecarAcceptance) => boolean): TextEdit | undefined {
  const found = findEntry(policy, matches);
  if (!found || found.seq.flow) return undefined;
  const text = policy.getText();
  const item = found.seq.items[found.index] as { range?: [number, number, number] };
  if (!item.range) return undefined;
  const start = lineStart(text, item.range[0]);
  let end = item.range[1];
  if (end < text.length && text[end - 1] !== '\n') end = text.indexOf('\n', end) + 1 || text.length;
  return { range: { start: policy.positionAt(start), end: policy.positionAt(end) }, newText: '' };
}

/** The edit setting the entry's `expires:` (replacing it, or adding it after the reason). */
export function renewAcceptanceEdit(policy: TextDocument, matches: (a: SidecarAcceptance) => boolean, expires: string): TextEdit | undefined {
  const found = findEntry(policy, matches);
  if (!found) return undefined;
  const item = found.seq.items[found.index];
  if (!isMap(item)) return undefined;
  const existing = topLevelPair(item, 'expires');
  const valueRange = (existing?.value as { range?: [number, number, number] } | undefined)?.range;
  if (valueRange) {
    return { range: { start: policy.positionAt(valueRange[0]), end: policy.positionAt(valueRange[1]) }, newText: expires };
  }
  const reason = topLevelPair(item, 'reason');
  const reasonEnd = (reason?.value as { range?: [number, number, number] } | undefined)?.range?.[1];
  const reasonKey = (reason?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (reasonEnd === undefined || reasonKey === undefined) return undefined;
  const text = policy.getText();
  const indent = ' '.repeat(reasonKey - lineStart(text, reasonKey));
  const position = policy.positionAt(reasonEnd);
  return { range: { start: position, end: position }, newText: `\n${indent}expires: ${expires}` };
}
