// Inventories as YAML or JSON: device-type libraries (NetBox: manufacturer / model / part_number) and
// generic device lists. Any object with a maker- or part-like key is an item; keys get their roles from
// the same vocabulary as spreadsheet headers (manufacturer, vendor, model, part_number, qty, …).
import type { FieldRole } from '../model';
import { headerRole } from './csv';
import { UNKNOWN_DIALECT, type FormatModule, type ParsedDocument } from './format';
import { valueOf, walkTree, type ItemRule, type TreePath, type WalkRules } from './structured';
import { parseJsonTree, parseYamlTree, type ObjectNode } from './tree';

function keyRole(key: string): FieldRole | undefined {
  const role = headerRole(key);
  return role === 'maker-part' ? 'part' : role;
}

function itemRule(_path: TreePath, node: ObjectNode): ItemRule | undefined {
  const context: ItemRule['context'] = {};
  for (const entry of node.entries) {
    const role = keyRole(entry.key);
    const value = valueOf(entry.value);
    if (!role || role === 'text' || role === 'other' || role === 'comment' || value === undefined) continue;
    context[role] ??= value;
  }
  if (context.maker === undefined && context.part === undefined) return undefined;
  return { kind: 'item', context };
}

const rules: WalkRules = {
  item: itemRule,
  role: (keys) => (keys.length === 1 ? keyRole(keys[0]!) : undefined) ?? 'text',
};

/** Keys that mark a list of equipment, looked for near the start of a JSON or YAML document. */
const INVENTORY_KEY = /(^|[\s{,"'-])["']?(manufacturer|manufacture|mfr|mfg|vendor|make|maker|brand|oem|model|part_?number|part-number|partNumber|part_no|mpn|sku|hersteller)["']?\s*:/im;

export function looksLikeInventory(head: string): boolean {
  return INVENTORY_KEY.test(head);
}

export const inventoryYamlFormat: FormatModule = {
  id: 'inventory-yaml',
  parse(text: string): ParsedDocument {
    const { root, problems, comments } = parseYamlTree(text);
    return { fields: walkTree(root, text, rules, comments), problems, commentPrefix: '#', dialect: UNKNOWN_DIALECT };
  },
};

export const inventoryJsonFormat: FormatModule = {
  id: 'inventory-json',
  parse(text: string): ParsedDocument {
    const { root, problems } = parseJsonTree(text);
    return { fields: walkTree(root, text, rules), problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};
