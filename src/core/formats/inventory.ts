// Inventories as YAML, JSON (JSON Lines too) or XML: device-type libraries (NetBox: manufacturer / model /
// part_number), API exports, software lists and generic device lists. Any object with a maker- or part-like
// key is an item; keys get their roles from the same vocabulary as spreadsheet headers (manufacturer,
// vendor, model, part_number, qty, …, in the buyers' languages).
import type { FieldRole } from '../model';
import { headerRole, isWeakHeader } from './csv';
import { UNKNOWN_DIALECT, type FormatModule, type ParsedDocument } from './format';
import { valueOf, walkTree, type ItemRule, type TreePath, type WalkRules } from './structured';
import { parseXml, xmlToTree } from './xml';
import { child, parseJsonLinesTree, parseJsonTree, parseYamlTree, type ObjectNode, type TreeNode } from './tree';

function keyRole(key: string): FieldRole | undefined {
  const role = headerRole(key);
  return role === 'maker-part' ? 'part' : role;
}

/**
 * API exports nest a related record under its key: NetBox and Nautobot write `"manufacturer": {"id": 3, "name":
 * "ZTE", "slug": "zte"}`, Snipe-IT `"model": {"id": 7, "name": "DS-2CD2143G2-I"}`. Such an object's name stands
 * for the key's role, as the value itself would.
 */
const NAME_KEYS = ['name', 'display', 'display_name', 'displayName', 'label', 'title'];

function nestedName(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'object') return undefined;
  for (const key of NAME_KEYS) {
    const value = valueOf(child(node, key));
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * CSAF advisories and VEX documents name products in a tree of branches, each `{"category": …, "name": …}`: the
 * name of a "vendor" branch is the maker of the products below it, a "product_name" or "product_family" branch's
 * name is a product (CSAF 2.0, 3.1.2.3.1 Branches Type - Category).
 */
const CSAF_MAKER_BRANCH = 'vendor';
const CSAF_PRODUCT_BRANCHES = new Set(['product_name', 'product_family']);
const MAX_CSAF_PRODUCTS = 8;

function branchCategory(node: ObjectNode | undefined): string | undefined {
  return node ? valueOf(child(node, 'category')) : undefined;
}

/** The product names in a vendor branch's sub-branches, depth first, a few at most. */
function csafProducts(node: TreeNode | undefined, into: string[]): string[] {
  if (node?.kind === 'object') {
    if (CSAF_PRODUCT_BRANCHES.has(branchCategory(node) ?? '')) {
      const name = valueOf(child(node, 'name'));
      if (name !== undefined && into.length < MAX_CSAF_PRODUCTS) into.push(name);
    }
    csafProducts(child(node, 'branches'), into);
  } else if (node?.kind === 'array') {
    for (const item of node.items) if (into.length < MAX_CSAF_PRODUCTS) csafProducts(item, into);
  }
  return into;
}

function itemRule(_path: TreePath, node: ObjectNode): ItemRule | undefined {
  if (branchCategory(node) === CSAF_MAKER_BRANCH) {
    const maker = valueOf(child(node, 'name'));
    const products = csafProducts(child(node, 'branches'), []);
    if (maker !== undefined) return { kind: 'vendor branch', context: { maker, part: products.length ? products.join(', ') : undefined } };
  }
  const context: ItemRule['context'] = {};
  // A supplier or distributor key names the maker only when the item has no maker key of its own.
  const weak = new Set<string>();
  for (const entry of node.entries) {
    const role = keyRole(entry.key);
    if (!role || role === 'text' || role === 'other' || role === 'comment' || role === 'path') continue;
    const value = valueOf(entry.value) ?? nestedName(entry.value);
    if (value === undefined) continue;
    const isWeak = isWeakHeader(entry.key);
    if (context[role] !== undefined && !(weak.has(role) && !isWeak)) continue;
    context[role] = value;
    if (isWeak) weak.add(role);
    else weak.delete(role);
  }
  if (context.maker === undefined && context.part === undefined) return undefined;
  return { kind: 'item', context };
}

/** A value's role: its own key's, or for the name of a nested record, the role of the key holding the record. */
function valueRole(keys: readonly string[], holder: ObjectNode | undefined): FieldRole {
  if (keys.length === 1 && keys[0] === 'name') {
    const category = branchCategory(holder);
    if (category === CSAF_MAKER_BRANCH) return 'maker';
    if (category !== undefined && CSAF_PRODUCT_BRANCHES.has(category)) return 'part';
  }
  const own = keys.length === 1 ? keyRole(keys[0]!) : undefined;
  if (own) return own;
  if (keys.length >= 2 && NAME_KEYS.includes(keys.at(-1)!)) return keyRole(keys.at(-2)!) ?? 'text';
  return 'text';
}

const rules: WalkRules = {
  item: itemRule,
  role: valueRole,
};

/** Keys that mark a list of equipment, looked for near the start of a JSON or YAML document. */
const INVENTORY_KEY = /(^|[\s{,"'-])["']?(manufacturer|manufacture|mfr|mfg|vendor|make|maker|brand|oem|model|part_?number|part-number|partNumber|part_no|mpn|sku|hersteller)["']?\s*:/im;
/** Any key of an object, quoted (JSON) or at the start of a YAML line. */
const ANY_KEY = /(?:^|[{,])[ \t]*(?:-[ \t]+)?["']?([^\s"',:{}[\]#][^"',:{}[\]\r\n]{0,40}?)["']?[ \t]*:(?![:/])/gm;
/**
 * Maker keys in other languages and spellings ("fabricante", "Производитель", "softwarePublisher") mark an
 * inventory as well. A bare "publisher", "source" or "producer" does not: package.json, CI files and Kafka settings use them for themselves.
 */
const NOT_INVENTORY_KEYS = new Set(['publisher', 'source', 'distributor', 'producer']);
/** Ansible inventories and host vars: each host a device the automation manages (ansible_network_os names its OS). */
const ANSIBLE_HOST_KEY = /(^|[\s{,"'])["']?ansible_(network_os|host|connection)["']?\s*[:=]/m;
const KEY_SCAN = 16 * 1024;
/**
 * CPE names and package URLs identify products: a JSON or YAML list of them (a scanner's findings, an advisory
 * feed, a dependency export) says what is installed, whatever its keys.
 */
const PRODUCT_IDENTIFIER = /\bcpe:(?:2\.3:[aho]:|\/[aho]:)|\bpkg:[a-z][a-z0-9.+-]{0,20}\//i;

/** A CSAF document (advisory, VEX) declares its version at the top: its product tree lists makers and products. */
const CSAF_DOCUMENT = /"csaf_version"\s*:\s*"\d/;

export function looksLikeInventory(head: string): boolean {
  if (CSAF_DOCUMENT.test(head)) return true;
  if (INVENTORY_KEY.test(head) || ANSIBLE_HOST_KEY.test(head)) return true;
  const scanned = head.slice(0, KEY_SCAN);
  if (PRODUCT_IDENTIFIER.test(scanned)) return true;
  let publishers = 0;
  ANY_KEY.lastIndex = 0;
  for (let m = ANY_KEY.exec(scanned); m; m = ANY_KEY.exec(scanned)) {
    const key = m[1]!.trim();
    const lower = key.toLowerCase();
    // A manifest has one publisher; a list of installed software has one per record.
    if (lower === 'publisher' && ++publishers >= 2) return true;
    if (NOT_INVENTORY_KEYS.has(lower)) continue;
    if (headerRole(key) === 'maker') return true;
  }
  return false;
}

/**
 * XML exports of inventory tools: OCS Inventory and GLPI agents (<SOFTWARES><PUBLISHER>), asset exports
 * (<manufacturer>), nmap (<address vendor="…">). Known by an element or attribute named for a maker near the
 * start. NETCONF replies and device configurations are not: they stay text, where their dialect is recognised.
 */
const XML_NAME = /<([A-Za-z_][\w.-]{0,40})[\s>/]|\s([A-Za-z_][\w.-]{0,40})[ \t]*=[ \t]*["']/g;
const XML_NOT_INVENTORY = /urn:ietf:params:xml:ns:netconf|<rpc-reply[\s>]|<configuration[\s>]|<config[\s>]/;

export function looksLikeXmlInventory(head: string): boolean {
  const scanned = head.slice(0, KEY_SCAN);
  if (XML_NOT_INVENTORY.test(scanned)) return false;
  XML_NAME.lastIndex = 0;
  for (let m = XML_NAME.exec(scanned); m; m = XML_NAME.exec(scanned)) {
    const name = (m[1] ?? m[2])!;
    if (NOT_INVENTORY_KEYS.has(name.toLowerCase()) && name.toLowerCase() !== 'publisher') continue;
    if (headerRole(name) === 'maker') return true;
  }
  return false;
}

export const inventoryXmlFormat: FormatModule = {
  id: 'inventory-xml',
  parse(text: string): ParsedDocument {
    const { root, problems } = parseXml(text);
    const tree = root ? xmlToTree(root, text, NO_LIST_CONTAINERS) : undefined;
    return { fields: walkTree(tree, text, rules), problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};
/** Repeated elements stay repeated entries of their parent: an export names no list containers. */
const NO_LIST_CONTAINERS: ReadonlySet<string> = new Set();

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
    const { root, problems } = parseJsonLinesTree(text) ?? parseJsonTree(text);
    return { fields: walkTree(root, text, rules), problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};
