// Loads the YAML knowledge base, validates it against its JSON schemas and cross-checks it.
// Any problem is reported as file:line, the entry's id and the field, so a broken entry is easy to fix.
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import advisoriesSchema from '../../../data/schema/advisories.schema.json';
import profilesSchema from '../../../data/schema/profiles.schema.json';
import policySchema from '../../../data/schema/policy.schema.json';
import vendorsSchema from '../../../data/schema/vendors.schema.json';
import catalogueSchema from '../../../data/schema/catalogue.schema.json';
import type { Advisory, CategoryLink, KnowledgeBase, MacPrefixOwner, OuiRegistrySubset, ProductCatalogue, Profile, Vendor } from '../model';
import { compileAnchoredPattern } from '../evidence/patterns';

export interface KnowledgeSource {
  /** Shown in error messages, e.g. 'data/vendors.yaml'. */
  file: string;
  text: string;
  /**
   * The text already parsed (the bundled knowledge, parsed at build time): it is validated as it is, and
   * the text is parsed only to locate a problem.
   */
  value?: unknown;
}

export interface KnowledgeSources {
  vendors: KnowledgeSource;
  advisories: KnowledgeSource;
  profiles: KnowledgeSource;
  /** data/generated/oui.json; without it no MAC address is attributed. */
  ouiRegistry?: { file: string; data: OuiRegistrySubset };
  /** data/generated/catalogue.json; without it models are matched only by a policy's own patterns. */
  catalogue?: { file: string; data: unknown };
}

export const EMPTY_CATALOGUE: ProductCatalogue = { generatedFrom: [], families: [], models: [], relabels: [], lookalikes: [] };

export interface KnowledgeProblem {
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** Offsets of the offending node in the file's text, when known: where an editor underlines it. */
  start?: number;
  end?: number;
  entry?: string;
  field?: string;
  message: string;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(problems.map(formatKnowledgeProblem).join('\n'));
    this.name = 'KnowledgeBaseError';
  }
}

export function formatKnowledgeProblem(p: KnowledgeProblem): string {
  const parts = [p.line > 0 ? `${p.file}:${p.line}:` : `${p.file}:`];
  if (p.entry) parts.push(`entry '${p.entry}'`);
  if (p.field) parts.push(`field '${p.field}'`);
  return `${parts.join(' ')} ${p.message}`;
}

function policyValidator(): Validator {
  const validator = new Validator(policySchema as Schema, '2020-12', false);
  validator.addSchema(vendorsSchema as Schema);
  validator.addSchema(advisoriesSchema as Schema);
  return validator;
}

const validators = {
  vendors: new Validator(vendorsSchema as Schema, '2020-12', false),
  advisories: new Validator(advisoriesSchema as Schema, '2020-12', false),
  profiles: new Validator(profilesSchema as Schema, '2020-12', false),
  policy: policyValidator(),
};
const catalogueValidator = new Validator(catalogueSchema as Schema, '2020-12', false);

/** Validates the generated catalogue and compiles its patterns; problems name the entry and field. */
function checkCatalogue(source: { file: string; data: unknown }, vendorIds: ReadonlyMap<string, unknown>, problems: KnowledgeProblem[]): ProductCatalogue | undefined {
  const result = catalogueValidator.validate(source.data);
  if (!result.valid) {
    for (const error of mostSpecificErrors(result.errors)) problems.push({ file: source.file, line: 0, field: pointerSegments(error.instanceLocation).join('.'), message: describeSchemaError(error) });
    return undefined;
  }
  const catalogue = source.data as ProductCatalogue;
  const check = (entry: string, field: string, pattern: string | undefined) => {
    const error = pattern === undefined ? undefined : compileAnchoredPattern(pattern).error;
    if (error) problems.push({ file: source.file, line: 0, entry, field, message: error });
  };
  const known = (entry: string, field: string, id: string) => {
    if (!vendorIds.has(id)) problems.push({ file: source.file, line: 0, entry, field, message: `refers to unknown vendor '${id}'` });
  };
  for (const f of catalogue.families) {
    check(f.id, 'pattern', f.pattern);
    known(f.id, 'vendor', f.vendor);
    (f.collidesWith ?? []).forEach((id) => known(f.id, 'collidesWith', id));
  }
  for (const r of catalogue.relabels) {
    check(r.id, 'models', r.models);
    known(r.id, 'maker', r.maker);
  }
  for (const l of catalogue.lookalikes) {
    check(l.id, 'pattern', l.pattern);
    known(l.id, 'looksLike', l.looksLike);
  }
  for (const m of catalogue.models) known(m.model, 'vendor', m.vendor);
  return catalogue;
}

export interface Parsed<T> {
  value: T | undefined;
  doc: Document;
  lines: LineCounter;
}

/** Where and why a syntactically valid YAML file still cannot be turned into values and checked. */
function unreadableAt(text: string, lines: LineCounter, error: Error): Omit<KnowledgeProblem, 'file'> {
  const located = (at: number, message: string) => (at >= 0 ? { line: lines.linePos(at).line, start: at, end: at + 1, message } : { line: 0, message });
  const alias = /^Unresolved alias[^:]*: (\S+)$/.exec(error.message);
  if (alias) return located(text.indexOf(`*${alias[1]}`), `YAML: the alias *${alias[1]} refers to no anchor (&${alias[1]}) defined before it`);
  if (/alias count/i.test(error.message)) return located(text.indexOf('*'), 'YAML: aliases expand too often (over 100 times): the file is not read');
  const surrogate = text.search(LONE_SURROGATE);
  if (surrogate >= 0) return located(surrogate, 'this character is not valid Unicode (a lone surrogate): the file cannot be checked until it is removed');
  return { line: 0, message: `the file could not be read: ${error.message.slice(0, 200)}` };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A valid document given already parsed: its YAML is read only if an entry needs locating. */
class PreParsed<T> implements Parsed<T> {
  private read?: { doc: Document; lines: LineCounter };
  constructor(
    readonly value: T,
    private readonly text: string,
  ) {}
  get doc(): Document {
    return (this.read ??= parseWithLines(this.text)).doc;
  }
  get lines(): LineCounter {
    return (this.read ??= parseWithLines(this.text)).lines;
  }
}

function parseWithLines(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }), lines };
}

export function parseAndValidate<T>(source: KnowledgeSource, kind: keyof typeof validators, problems: KnowledgeProblem[]): Parsed<T> {
  if (source.value !== undefined && validators[kind].validate(source.value).valid) return new PreParsed(source.value as T, source.text);
  // Not given parsed, or invalid: read the text, which locates each problem.
  const { doc, lines } = parseWithLines(source.text);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = lines.linePos(e.pos[0]).line;
      // The yaml parser may point one past the end of the text (an unterminated quote): keep offsets inside it.
      const [start, end] = [Math.min(e.pos[0], source.text.length), Math.min(Math.max(e.pos[0], e.pos[1]), source.text.length)];
      problems.push({ file: source.file, line, start, end, message: `YAML syntax: ${e.message.split('\n')[0]}` });
    }
    return { value: undefined, doc, lines };
  }
  let value: unknown;
  let result: ReturnType<Validator['validate']>;
  try {
    // toJS throws on an alias to no anchor and on alias bombs (over 100 expansions); the validator
    // builds JSON pointers with encodeURI, which throws on a lone surrogate in a key.
    value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
    result = validators[kind].validate(value);
  } catch (e) {
    problems.push({ file: source.file, ...unreadableAt(source.text, lines, e as Error) });
    return { value: undefined, doc, lines };
  }
  if (!result.valid) {
    for (const error of mostSpecificErrors(result.errors)) {
      problems.push(locateSchemaError(source, doc, lines, value, error));
    }
    return { value: undefined, doc, lines };
  }
  return { value: value as T, doc, lines };
}

/** cfworker reports the failing leaf and every ancestor that failed because of it; keep the leaves. */
function mostSpecificErrors(errors: OutputUnit[]): OutputUnit[] {
  const leaves = errors.filter(
    (e) => !errors.some((o) => o !== e && o.instanceLocation.startsWith(e.instanceLocation + '/')),
  );
  const seen = new Set<string>();
  return leaves.filter((e) => {
    const key = `${e.instanceLocation} ${e.error}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerSegments(location: string): string[] {
  return location
    .replace(/^#/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locateSchemaError(
  source: KnowledgeSource,
  doc: Document,
  lines: LineCounter,
  value: unknown,
  error: OutputUnit,
): KnowledgeProblem {
  const segments = pointerSegments(error.instanceLocation);
  // The entry is the top-level list item (vendors[3]); the field is the path inside it.
  let entry: string | undefined;
  let field: string | undefined;
  if (segments.length >= 2 && /^\d+$/.test(segments[1]!)) {
    const list = (value as Record<string, unknown>)[segments[0]!];
    const item = Array.isArray(list) ? list[Number(segments[1])] : undefined;
    const id = item && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
    entry = typeof id === 'string' ? id : `${segments[0]}[${segments[1]}]`;
    field = segments
      .slice(2)
      .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
      .join('');
  } else if (segments.length > 0) {
    field = segments.join('.');
  }
  const located = locate(doc, lines, segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
  return { file: source.file, ...located, entry, field: field || undefined, message: describeSchemaError(error) };
}

/** Line and offsets of the node at `path`, or of its nearest existing ancestor. */
export function locate(doc: Document, lines: LineCounter, path: (string | number)[]): { line: number; start?: number; end?: number } {
  for (let n = path.length; n >= 0; n--) {
    // A map key is a better place to point at than a whole nested value.
    const pair = n > 0 ? findPair(doc, path.slice(0, n)) : undefined;
    const node = pair ?? doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      return { line: lines.linePos(node.range[0]).line, start: node.range[0], end: node.range[1] };
    }
  }
  return { line: 0 };
}

function findPair(doc: Document, path: (string | number)[]): unknown {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
  return pair?.key;
}

function describeSchemaError(error: OutputUnit): string {
  // cfworker's messages quote the whole instance; keep the first sentence, which names the rule.
  return error.error.replace(/\s+/g, ' ').replace(/^Instance /, 'value ').slice(0, 240);
}

function lineOfEntry(parsed: Parsed<unknown>, list: string, index: number, key?: string): number {
  return locate(parsed.doc, parsed.lines, key === undefined ? [list, index] : [list, index, key]).line;
}

/** Parses, validates and indexes the knowledge base. Throws KnowledgeBaseError listing every problem. */
export function loadKnowledgeBase(sources: KnowledgeSources): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const vendorsDoc = parseAndValidate<{ vendors: Vendor[] }>(sources.vendors, 'vendors', problems);
  const advisoriesDoc = parseAndValidate<{ advisories: Advisory[]; version?: string; reviewed?: string }>(sources.advisories, 'advisories', problems);
  const profilesDoc = parseAndValidate<{ profiles: Profile[] }>(sources.profiles, 'profiles', problems);
  if (!vendorsDoc.value || !advisoriesDoc.value || !profilesDoc.value) throw new KnowledgeBaseError(problems);

  const vendors = vendorsDoc.value.vendors;
  const advisories = advisoriesDoc.value.advisories;
  const profiles = profilesDoc.value.profiles;

  const vendorById = indexById(vendors, sources.vendors.file, 'vendors', vendorsDoc, problems);
  const advisoryById = indexById(advisories, sources.advisories.file, 'advisories', advisoriesDoc, problems);
  indexById(profiles, sources.profiles.file, 'profiles', profilesDoc, problems); // reports duplicate ids

  vendors.forEach((vendor, i) => {
    (vendor.productPatterns ?? []).forEach((p, j) => {
      const error = compileAnchoredPattern(p.pattern).error;
      if (error) {
        problems.push({
          file: sources.vendors.file,
          line: lineOfEntry(vendorsDoc, 'vendors', i, 'productPatterns'),
          entry: vendor.id,
          field: `productPatterns[${j}].pattern`,
          message: error,
        });
      }
    });
    for (const other of [...(vendor.relatedTo ?? []), ...(vendor.productPatterns ?? []).flatMap((p) => p.collidesWith ?? [])]) {
      if (!vendorById.has(other)) {
        problems.push({
          file: sources.vendors.file,
          line: lineOfEntry(vendorsDoc, 'vendors', i),
          entry: vendor.id,
          message: `refers to unknown vendor '${other}'`,
        });
      }
    }
  });
  advisories.forEach((advisory, i) => {
    advisory.vendors.forEach((v, j) => {
      if (!vendorById.has(v)) {
        problems.push({
          file: sources.advisories.file,
          line: lineOfEntry(advisoriesDoc, 'advisories', i, 'vendors'),
          entry: advisory.id,
          field: `vendors[${j}]`,
          message: `unknown vendor '${v}' (not in ${sources.vendors.file})`,
        });
      }
    });
  });
  profiles.forEach((profile, i) => {
    (profile.advisories ?? []).forEach((a, j) => {
      if (!advisoryById.has(a)) {
        problems.push({
          file: sources.profiles.file,
          line: lineOfEntry(profilesDoc, 'profiles', i, 'advisories'),
          entry: profile.id,
          field: `advisories[${j}]`,
          message: `unknown advisory '${a}' (not in ${sources.advisories.file})`,
        });
      }
    });
  });
  const macPrefixes = indexMacPrefixes(vendors, sources, vendorsDoc, problems);
  const catalogue = sources.catalogue ? checkCatalogue(sources.catalogue, vendorById, problems) : EMPTY_CATALOGUE;
  if (problems.length > 0) throw new KnowledgeBaseError(problems);

  const registry = sources.ouiRegistry?.data;
  return indexKnowledge(
    vendors,
    advisories,
    profiles,
    { prefixes: macPrefixes, registry: registry ? `${registry.source} ${registry.version}` : undefined },
    { version: advisoriesDoc.value.version, reviewed: advisoriesDoc.value.reviewed },
    catalogue ?? EMPTY_CATALOGUE,
  );
}

/** MAC prefixes attributed to vendors, and which registry they came from. */
export interface MacIndex {
  prefixes: ReadonlyMap<string, MacPrefixOwner>;
  registry?: string;
}

/** Builds the lookups over already validated vendors, advisories and profiles. */
export function indexKnowledge(
  vendors: Vendor[],
  advisories: Advisory[],
  profiles: Profile[],
  mac: MacIndex,
  data: { version?: string; reviewed?: string } = {},
  catalogue: ProductCatalogue = EMPTY_CATALOGUE,
): KnowledgeBase {
  const advisoriesByVendor = new Map<string, Advisory[]>();
  const categoryLinks = new Map<string, Map<string, CategoryLink>>();
  const add = (vendorId: string, advisory: Advisory) => {
    const list = advisoriesByVendor.get(vendorId) ?? [];
    if (!list.includes(advisory)) list.push(advisory);
    advisoriesByVendor.set(vendorId, list);
  };
  for (const advisory of [...advisories].sort((a, b) => b.date.localeCompare(a.date))) {
    for (const v of advisory.vendors) add(v, advisory);
    const rule = advisory.appliesTo;
    if (!rule) continue;
    for (const vendor of vendors) {
      if (advisory.vendors.includes(vendor.id) || !vendor.country || !rule.makerCountries.includes(vendor.country)) continue;
      const categories = (vendor.productCategories ?? []).filter((c) => rule.productCategories.includes(c));
      if (categories.length === 0) continue;
      add(vendor.id, advisory);
      const links = categoryLinks.get(vendor.id) ?? new Map<string, CategoryLink>();
      links.set(advisory.id, { categories, country: vendor.country });
      categoryLinks.set(vendor.id, links);
    }
  }
  return {
    categoryLinks,
    dataVersion: data.version,
    reviewedOn: data.reviewed,
    vendors,
    advisories,
    profiles,
    vendorById: new Map(vendors.map((v) => [v.id, v])),
    advisoryById: new Map(advisories.map((a) => [a.id, a])),
    profileById: new Map(profiles.map((p) => [p.id, p])),
    advisoriesByVendor,
    macPrefixes: mac.prefixes,
    macRegistry: mac.registry,
    catalogue,
  };
}

/** Attributes each registry prefix to the vendor listing its organisation (case-insensitive, exact). */
function indexMacPrefixes(
  vendors: Vendor[],
  sources: KnowledgeSources,
  vendorsDoc: Parsed<unknown>,
  problems: KnowledgeProblem[],
): Map<string, MacPrefixOwner> {
  const byPrefix = new Map<string, MacPrefixOwner>();
  const registry = sources.ouiRegistry;
  if (!registry) return byPrefix;
  const vendorOf = new Map<string, string>();
  vendors.forEach((vendor) => {
    for (const org of vendor.ouiOrganizations ?? []) vendorOf.set(org.toLowerCase(), vendor.id);
  });
  const known = new Set(registry.data.organizations.map((o) => o.toLowerCase()));
  vendors.forEach((vendor, i) => {
    (vendor.ouiOrganizations ?? []).forEach((org, j) => {
      if (known.has(org.toLowerCase())) return;
      problems.push({
        file: sources.vendors.file,
        line: lineOfEntry(vendorsDoc, 'vendors', i, 'ouiOrganizations'),
        entry: vendor.id,
        field: `ouiOrganizations[${j}]`,
        message: `organisation '${org}' has no prefixes in ${registry.file} (oui-data ${registry.data.version}); regenerate it (npm run generate:oui) or fix the name`,
      });
    });
  });
  for (const [prefix, index] of Object.entries(registry.data.prefixes)) {
    const organization = registry.data.organizations[index];
    const vendorId = organization === undefined ? undefined : vendorOf.get(organization.toLowerCase());
    if (vendorId && organization !== undefined) byPrefix.set(prefix.toUpperCase(), { vendorId, organization });
  }
  return byPrefix;
}

function indexById<T extends { id: string }>(
  items: T[],
  file: string,
  list: string,
  parsed: Parsed<unknown>,
  problems: KnowledgeProblem[],
): Map<string, T> {
  const byId = new Map<string, T>();
  items.forEach((item, i) => {
    if (byId.has(item.id)) {
      problems.push({ file, line: lineOfEntry(parsed, list, i), entry: item.id, message: `duplicate id '${item.id}'` });
    }
    byId.set(item.id, item);
  });
  return byId;
}
