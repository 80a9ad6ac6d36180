// CycloneDX 1.4–1.6 BOMs (HBOM and SBOM), JSON and XML. Both serialisations become one value tree, so
// one set of rules reads them: every component (nested too), service and metadata.component is an item;
// its manufacturer, supplier, publisher, author(s), name, group, cpe, purl and properties are fields.
// metadata.manufacturer (1.6) is the organisation that wrote the BOM, not the hardware maker, and is
// not searched; nor are metadata.authors and metadata.tools.
import type { FieldRole } from '../model';
import { UNKNOWN_DIALECT, type FormatModule, type ParsedDocument } from './format';
import { shapeProblems, valueOf, walkTree, type ItemRule, type TreePath, type WalkRules } from './structured';
import { child, itemsOf, parseJsonTree, scalarAt, type ObjectNode, type TreeNode } from './tree';
import { parseXml, xmlToTree } from './xml';

/** XML elements whose children are list items (<components><component/>…</components>). */
const XML_LISTS = new Set([
  'components',
  'services',
  'properties',
  'authors',
  'externalReferences',
  'hashes',
  'licenses',
  'tools',
  'contact',
  'url',
  'dependencies',
  'endpoints',
  'data',
  'omniborId',
  'swhid',
  'tags',
  'ancestors',
  'descendants',
  'variants',
  'commits',
  'patches',
]);

const ITEM_LISTS = new Set(['components', 'services', 'ancestors', 'descendants', 'variants']);

/** Document provenance: who or what wrote the BOM. */
const PROVENANCE = new Set(['metadata.manufacturer', 'metadata.authors', 'metadata.tools', 'metadata.lifecycles']);

const NOT_EVIDENCE = new Set(['bom-ref', 'version', 'type', 'scope', 'hashes', 'serialNumber', 'specVersion', 'bomFormat', '$schema', 'ref', 'dependsOn', 'timestamp', 'mime-type', 'alg', 'content', 'signature']);

function propertyValue(item: TreeNode, name: string): string | undefined {
  for (const property of itemsOf(child(item, 'properties'))) {
    if (valueOf(child(property, 'name')) === name) return valueOf(child(property, 'value'));
  }
  return undefined;
}

function makerOf(item: TreeNode): string | undefined {
  return (
    valueOf(scalarAt(item, 'manufacturer', 'name')) ??
    valueOf(scalarAt(item, 'manufacture', 'name')) ??
    valueOf(scalarAt(item, 'supplier', 'name')) ??
    valueOf(child(item, 'publisher')) ??
    valueOf(child(item, 'author')) ??
    valueOf(child(itemsOf(child(item, 'authors'))[0], 'name')) ??
    valueOf(scalarAt(item, 'provider', 'name'))
  );
}

function itemRule(path: TreePath, node: ObjectNode): ItemRule | undefined {
  const last = path.at(-1);
  const parent = path.at(-2);
  let kind: string | undefined;
  if (typeof last === 'number' && typeof parent === 'string' && ITEM_LISTS.has(parent)) kind = parent === 'services' ? 'service' : 'component';
  // XML: a single <component> under <components> is an item too.
  else if ((last === 'component' || last === 'service') && typeof parent === 'string' && ITEM_LISTS.has(parent)) kind = last;
  else if (path.length === 2 && path[0] === 'metadata' && last === 'component') kind = 'component described by this BOM';
  // metadata.manufacture (1.4/1.5) and metadata.supplier speak of the described device, beside metadata.component.
  else if (path.length === 1 && last === 'metadata' && (child(node, 'manufacture') || child(node, 'supplier'))) kind = 'BOM metadata';
  if (!kind) return undefined;
  const subject = kind === 'BOM metadata' ? child(node, 'component') : node;
  return {
    kind,
    context: {
      maker: makerOf(node),
      part: propertyValue(node, 'cdx:device:sku') ?? valueOf(child(subject, 'name')),
      description: valueOf(child(node, 'description')),
      quantity: propertyValue(node, 'cdx:device:quantity'),
    },
  };
}

/** Property names that hold a file path (a tool's record of where it found the component). */
const PATH_PROPERTY = /(?:^|:)(?:path|filepath|location)$/i;

const MAKER_KEYS = new Set(['manufacturer › name', 'manufacture › name', 'supplier › name', 'publisher', 'author', 'authors › name', 'provider › name']);

function role(keys: readonly string[], holder: ObjectNode | undefined): FieldRole | 'skip' {
  const path = keys.join(' › ');
  const last = keys.at(-1) ?? '';
  if (MAKER_KEYS.has(path)) return 'maker';
  if (NOT_EVIDENCE.has(last)) return 'skip';
  if (path === 'name') return 'part';
  if (path === 'description') return 'description';
  if (keys[0] === 'properties') {
    if (last === 'name') return 'skip';
    const name = valueOf(child(holder, 'name'));
    if (name === 'cdx:device:quantity') return 'quantity';
    if (name === 'cdx:device:sku') return 'part';
    // syft's "syft:location:0:path", trivy's "aquasecurity:trivy:FilePath": where the component was found.
    if (name && PATH_PROPERTY.test(name)) return 'path';
    return 'other';
  }
  if (keys[0] === 'evidence' && (last === 'location' || last === 'fullFilename')) return 'path';
  if (last === 'email' || last === 'phone') return 'skip';
  if (path === 'group' || path === 'cpe' || path === 'purl' || last === 'url') return 'other';
  return 'text';
}

const rules: WalkRules = {
  item: itemRule,
  role,
  skip: (path) => path[0] === 'metadata' && PROVENANCE.has(path.slice(0, 2).join('.')),
};

export const cyclonedxJsonFormat: FormatModule = {
  id: 'cyclonedx-json',
  parse(text: string): ParsedDocument {
    const { root, problems } = parseJsonTree(text);
    problems.push(...shapeProblems(root, 'CycloneDX', ['components', 'services']));
    return { fields: walkTree(root, text, rules), problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};

export const cyclonedxXmlFormat: FormatModule = {
  id: 'cyclonedx-xml',
  parse(text: string): ParsedDocument {
    const { root, problems } = parseXml(text);
    const tree = root ? xmlToTree(root, text, XML_LISTS) : undefined;
    // An empty <bom/> is a (blank) value in the tree, and no shape problem.
    if (!(tree?.kind === 'scalar' && tree.value.trim() === '')) problems.push(...shapeProblems(tree, 'CycloneDX', ['components', 'services']));
    return { fields: walkTree(tree, text, rules), problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};

/** Content signs of a CycloneDX document, read from the start of the text. */
export function looksLikeCycloneDx(head: string): 'cyclonedx-json' | 'cyclonedx-xml' | undefined {
  if (head.includes('"bomFormat"') && /"bomFormat"\s*:\s*"CycloneDX"/.test(head)) return 'cyclonedx-json';
  if (head.includes('http://cyclonedx.org/schema/bom/') && /<(\w+:)?bom[\s>]/.test(head)) return 'cyclonedx-xml';
  return undefined;
}
