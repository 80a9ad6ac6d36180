// Turns a located value tree into fields. Each structured BOM format (CycloneDX, SPDX, inventories)
// only says which objects are items (a component, a package, a device), what role each value plays
// and which subtrees describe the document rather than the equipment; this walks the tree once.
import type { Field, FieldRole, RowContext } from '../model';
import type { ParseProblem } from './format';
import { child, LineIndex, type ObjectNode, type ScalarNode, type TreeNode } from './tree';

export type TreePath = readonly (string | number)[];

export interface ItemRule {
  /** What a person calls the item: 'component', 'package', 'device'. */
  kind: string;
  /** The item's maker, part, description and quantity, read from its own values. */
  context: Omit<RowContext, 'row'>;
  /** Extra words for the label, e.g. which packages an organisation supplies. */
  note?: string;
}

export interface WalkRules {
  /** Whether the object at `path` is an item of the list. */
  item(path: TreePath, node: ObjectNode): ItemRule | undefined;
  /**
   * The role of a scalar, from its key path inside its item (array indices left out) and the object
   * holding it; 'skip' for values that cannot name a maker (hashes, ids, versions, property names).
   */
  role(keys: readonly string[], holder: ObjectNode | undefined): FieldRole | 'skip';
  /** Subtrees left out entirely: who wrote the document, not what it describes. */
  skip?(path: TreePath, node: TreeNode): boolean;
  /** The part of a value that names someone ("Organization: Huawei (x@y)" → "Huawei"), as offsets into it. */
  narrow?(keys: readonly string[], value: string): [number, number] | undefined;
}

const MAX_LABEL = 60;
/** A recursion guard only: the parsers stop at 200 levels with a problem of their own, below this. */
const MAX_DEPTH = 400;

function labelOf(rule: ItemRule, line: number): string {
  const name = rule.context.part ?? rule.context.maker;
  const shown = name ? ` "${name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL)}…` : name}"` : '';
  return `${rule.kind}${shown} at line ${line}${rule.note ? `, ${rule.note}` : ''}`;
}

export function walkTree(root: TreeNode | undefined, text: string, rules: WalkRules, comments: { start: number; end: number }[] = []): Field[] {
  const fields: Field[] = [];
  const lines = new LineIndex(text);
  let ordinal = 0;

  const emit = (scalar: ScalarNode, keys: readonly string[], holder: ObjectNode | undefined, row: RowContext | undefined) => {
    const role = rules.role(keys, holder);
    if (role === 'skip' || scalar.end <= scalar.start) return;
    let { start, end } = scalar;
    const narrowed = rules.narrow?.(keys, text.slice(start, end));
    if (narrowed) [start, end] = [start + narrowed[0], start + narrowed[1]];
    if (end <= start || text.slice(start, end).trim() === '') return;
    fields.push({ offset: start, text: text.slice(start, end), role, path: keys.length ? [keys.join(' › ')] : undefined, row });
  };

  const visit = (node: TreeNode, path: (string | number)[], keys: string[], holder: ObjectNode | undefined, row: RowContext | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || rules.skip?.(path, node)) return;
    if (node.kind === 'scalar') return emit(node, keys, holder, row);
    if (node.kind === 'array') {
      node.items.forEach((item, index) => visit(item, [...path, index], keys, holder, row, depth + 1));
      return;
    }
    const rule = rules.item(path, node);
    if (rule) {
      row = { row: ++ordinal };
      for (const key of ['maker', 'part', 'description', 'quantity'] as const) if (rule.context[key] !== undefined) row[key] = rule.context[key];
      row.label = labelOf(rule, lines.line(node.start));
      keys = [];
    }
    for (const entry of node.entries) visit(entry.value, [...path, entry.key], [...keys, entry.key], node, row, depth + 1);
  };

  if (root) visit(root, [], [], undefined, undefined, 0);
  for (const c of comments) fields.push({ offset: c.start, text: text.slice(c.start, c.end), role: 'comment' });
  return fields.sort((a, b) => a.offset - b.offset);
}

/** The trimmed text of a scalar value, or undefined when absent or empty. */
export function valueOf(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const value = node.value.trim();
  return value === '' ? undefined : value;
}

const KIND_NAME: Record<TreeNode['kind'], string> = { scalar: 'a single value', object: 'an object', array: 'a list' };

/**
 * Problems for a document whose shape hides its items: a root that is no object, or a list key (e.g.
 * CycloneDX `components`) holding something else. Without them such items would be skipped silently.
 */
export function shapeProblems(root: TreeNode | undefined, format: string, listKeys: readonly string[], required?: string): ParseProblem[] {
  if (!root) return [];
  const problems: ParseProblem[] = [];
  const at = (node: TreeNode, code: string, message: string) => problems.push({ start: node.start, end: Math.max(node.start, Math.min(node.end, node.start + 80)), severity: 'warning', code, message });
  if (root.kind !== 'object') {
    at(root, 'bom-shape', `${format}: the document should be an object with its lists inside; found ${KIND_NAME[root.kind]}. Its values were searched as plain text.`);
    return problems;
  }
  for (const key of listKeys) {
    const value = child(root, key);
    if (value && value.kind !== 'array') at(value, 'bom-shape', `${format}: "${key}" should be a list; found ${KIND_NAME[value.kind]}. Its values were searched, but not as items of the list.`);
  }
  if (required && !child(root, required)) at(root, 'bom-shape', `${format}: the document has no "${required}" list, so it holds no items to check.`);
  return problems;
}
