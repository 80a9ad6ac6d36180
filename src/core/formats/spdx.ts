// SPDX documents: 2.3 as tag-value, JSON and YAML; 3.0 as JSON-LD. Every package is an item; its supplier
// and originator ("Organization: X (email)") are maker fields narrowed to X, and externalRefs / external
// identifiers (cpe22Type, cpe23Type, purl) are searched by the CPE and purl matchers. creationInfo
// (who wrote the document, with which tool) is provenance and is not searched.
import type { Field, FieldRole, RowContext } from '../model';
import { lineSpans, UNKNOWN_DIALECT, type FormatModule, type ParsedDocument } from './format';
import { shapeProblems, valueOf, walkTree, type ItemRule, type TreePath, type WalkRules } from './structured';
import { child, itemsOf, LineIndex, parseJsonTree, parseYamlTree, type ObjectNode, type TreeNode } from './tree';

const AGENT_PREFIX = /^\s*(?:Organization|Person|Tool)\s*:\s*/;

/** "Organization: Acme Ltd (sales@acme.example)" → the offsets of "Acme Ltd"; NOASSERTION names no one. */
export function agentName(value: string): [number, number] | undefined {
  if (/^\s*NOASSERTION\s*$/.test(value)) return [0, 0];
  const prefix = AGENT_PREFIX.exec(value);
  const start = prefix ? prefix[0].length : value.length - value.trimStart().length;
  let end = value.trimEnd().length;
  // An optional "(email)" at the end.
  if (value[end - 1] === ')') {
    const open = value.lastIndexOf('(', end - 1);
    if (open > start) end = open;
  }
  while (end > start && /\s/.test(value[end - 1]!)) end--;
  return [start, end];
}

function agentText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const span = agentName(value);
  const name = span ? value.slice(...span) : value;
  return name === '' ? undefined : name;
}

// ---- SPDX 2.3 JSON and YAML

const SKIPPED_23 = new Set(['SPDXID', 'checksums', 'packageVerificationCode', 'licenseConcluded', 'licenseDeclared', 'licenseInfoFromFiles', 'hasFiles', 'versionInfo', 'filesAnalyzed', 'referenceCategory', 'referenceType', 'spdxElementId', 'relatedSpdxElement', 'relationshipType', 'primaryPackagePurpose', 'releaseDate', 'builtDate', 'validUntilDate', 'algorithm', 'checksumValue', 'packageVerificationCodeValue', 'fileTypes', 'spdxVersion', 'dataLicense', 'documentNamespace']);

const rules23: WalkRules = {
  item(path: TreePath, node: ObjectNode): ItemRule | undefined {
    if (path.length !== 2 || path[0] !== 'packages' || typeof path[1] !== 'number') return undefined;
    return {
      kind: 'package',
      context: {
        // The originator made it; the supplier distributes it (may be a reseller).
        maker: agentText(valueOf(child(node, 'originator'))) ?? agentText(valueOf(child(node, 'supplier'))),
        part: valueOf(child(node, 'name')),
        description: valueOf(child(node, 'description')) ?? valueOf(child(node, 'summary')),
      },
    };
  },
  role(keys: readonly string[]): FieldRole | 'skip' {
    const last = keys.at(-1) ?? '';
    if (SKIPPED_23.has(last)) return 'skip';
    if (keys.length === 1 && (last === 'supplier' || last === 'originator')) return 'maker';
    if (keys.length === 1 && last === 'name') return 'part';
    if (keys.length === 1 && (last === 'description' || last === 'summary')) return 'description';
    if (last === 'referenceLocator' || last === 'downloadLocation' || last === 'homepage') return 'other';
    if (last === 'fileName') return 'path';
    return 'text';
  },
  skip: (path) => path.length === 1 && (path[0] === 'creationInfo' || path[0] === 'relationships'),
  narrow: (keys, value) => (keys.length === 1 && (keys[0] === 'supplier' || keys[0] === 'originator') ? agentName(value) : undefined),
};

export const spdxJsonFormat: FormatModule = {
  id: 'spdx-json',
  parse(text: string): ParsedDocument {
    const { root, problems } = parseJsonTree(text);
    problems.push(...shapeProblems(root, 'SPDX', ['packages']));
    return { fields: walkTree(root, text, rules23), problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};

export const spdxYamlFormat: FormatModule = {
  id: 'spdx-yaml',
  parse(text: string): ParsedDocument {
    const { root, problems, comments } = parseYamlTree(text);
    problems.push(...shapeProblems(root, 'SPDX', ['packages']));
    return { fields: walkTree(root, text, rules23, comments), problems, commentPrefix: '#', dialect: UNKNOWN_DIALECT };
  },
};

// ---- SPDX 3.0 JSON-LD: elements in @graph refer to each other by IRI

const AGENT_TYPES = new Set(['Organization', 'Person', 'SoftwareAgent', 'Agent']);
const PACKAGE_TYPE = /(^|_)Package$/;
const FILE_TYPE = /(^|_)File$/;

interface AgentUse {
  /** Packages that name this agent as suppliedBy or originatedBy, with the line of each. */
  packages: { name: string; line: number }[];
  /** Named as a document's creator only. */
  creatorOnly: boolean;
}

function typeOf(node: TreeNode | undefined): string | undefined {
  return valueOf(child(node, 'type')) ?? valueOf(child(node, '@type'));
}

function idOf(node: TreeNode | undefined): string | undefined {
  return valueOf(child(node, 'spdxId')) ?? valueOf(child(node, '@id'));
}

function references(node: TreeNode | undefined): string[] {
  return itemsOf(node)
    .map(valueOf)
    .filter((v): v is string => v !== undefined);
}

/** Who supplies what: resolves suppliedBy / originatedBy references to the agents' elements. */
function agentUses(graph: TreeNode[], lines: LineIndex): { uses: Map<string, AgentUse>; names: Map<string, string> } {
  const uses = new Map<string, AgentUse>();
  const names = new Map<string, string>();
  const use = (id: string) => {
    let entry = uses.get(id);
    if (!entry) uses.set(id, (entry = { packages: [], creatorOnly: true }));
    return entry;
  };
  for (const element of graph) {
    const type = typeOf(element) ?? '';
    const id = idOf(element);
    if (AGENT_TYPES.has(type) && id) names.set(id, valueOf(child(element, 'name')) ?? id);
    if (type === 'CreationInfo') for (const creator of references(child(element, 'createdBy'))) use(creator);
    if (PACKAGE_TYPE.test(type)) {
      const name = valueOf(child(element, 'name')) ?? id ?? 'package';
      for (const ref of [...references(child(element, 'suppliedBy')), ...references(child(element, 'originatedBy'))]) {
        const entry = use(ref);
        entry.creatorOnly = false;
        entry.packages.push({ name, line: lines.line(element.start) });
      }
    }
  }
  return { uses, names };
}

function spdx3Rules(graph: TreeNode[], text: string): WalkRules {
  const { uses, names } = agentUses(graph, new LineIndex(text));
  return {
    item(path: TreePath, node: ObjectNode): ItemRule | undefined {
      if (path.length !== 2 || path[0] !== '@graph') return undefined;
      const type = typeOf(node) ?? '';
      if (PACKAGE_TYPE.test(type)) {
        const supplier = references(child(node, 'originatedBy'))[0] ?? valueOf(child(node, 'suppliedBy'));
        return {
          kind: 'package',
          context: {
            maker: supplier ? names.get(supplier) : undefined,
            part: valueOf(child(node, 'name')),
            description: valueOf(child(node, 'description')) ?? valueOf(child(node, 'summary')),
          },
        };
      }
      if (AGENT_TYPES.has(type)) {
        const packages = uses.get(idOf(node) ?? '')?.packages ?? [];
        const shown = packages.slice(0, 3).map((p) => `"${p.name}" (line ${p.line})`);
        const more = packages.length > 3 ? ` and ${packages.length - 3} more` : '';
        return {
          kind: type,
          context: { maker: valueOf(child(node, 'name')), part: packages.length ? packages.map((p) => p.name).join(', ') : undefined },
          note: packages.length ? `supplier of ${shown.join(', ')}${more}` : undefined,
        };
      }
      return undefined;
    },
    role(keys: readonly string[], holder: ObjectNode | undefined): FieldRole | 'skip' {
      const last = keys.at(-1) ?? '';
      const type = typeOf(holder) ?? '';
      if (last === 'spdxId' || last === '@id' || last === 'type' || last === '@type' || last === 'creationInfo' || last === 'suppliedBy' || last === 'originatedBy') return 'skip';
      if (keys.length === 1 && last === 'name') return AGENT_TYPES.has(type) ? 'maker' : PACKAGE_TYPE.test(type) ? 'part' : FILE_TYPE.test(type) ? 'path' : 'text';
      if (keys.length === 1 && (last === 'description' || last === 'summary')) return 'description';
      if (last === 'externalIdentifierType' || last === 'algorithm' || last === 'hashValue' || last === 'from' || last === 'to') return 'skip';
      if (last === 'identifier' || last === 'software_packageUrl' || last === 'software_downloadLocation' || last === 'software_homePage' || last === 'locator') return 'other';
      return 'text';
    },
    skip(path: TreePath, element: TreeNode): boolean {
      if (path.length !== 2 || path[0] !== '@graph') return false;
      const type = typeOf(element) ?? '';
      if (type === 'CreationInfo' || type === 'Relationship' || type === 'Tool' || type === 'SpdxDocument') return true;
      // An agent named only as the document's creator wrote the SBOM; it is not a supplier.
      return AGENT_TYPES.has(type) && uses.get(idOf(element) ?? '')?.creatorOnly === true;
    },
  };
}

export const spdx3JsonFormat: FormatModule = {
  id: 'spdx3-json',
  parse(text: string): ParsedDocument {
    const { root, problems } = parseJsonTree(text);
    problems.push(...shapeProblems(root, 'SPDX 3.0', ['@graph'], '@graph'));
    const graph = itemsOf(child(root, '@graph'));
    const fields = walkTree(root, text, spdx3Rules(graph, text));
    return { fields, problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};

// ---- SPDX 2.x tag-value: "Tag: value" lines, multi-line values inside <text>…</text>, '#' comments

const PACKAGE_START = 'PackageName';
const SECTION_START = new Set(['FileName', 'SnippetSPDXID', 'LicenseID']);
const PROVENANCE_TAGS = new Set(['Creator', 'Created', 'CreatorComment', 'LicenseListVersion']);
const SKIPPED_TAGS = new Set(['SPDXVersion', 'DataLicense', 'SPDXID', 'DocumentNamespace', 'PackageVersion', 'PackageChecksum', 'FileChecksum', 'PackageVerificationCode', 'PackageLicenseConcluded', 'PackageLicenseDeclared', 'PackageLicenseInfoFromFiles', 'LicenseConcluded', 'LicenseInfoInFile', 'FilesAnalyzed', 'Relationship', 'FileType', 'PrimaryPackagePurpose', 'ReleaseDate', 'BuiltDate', 'ValidUntilDate', 'SnippetFromFileSPDXID', 'SnippetByteRange', 'SnippetLineRange']);

interface TagValue {
  tag: string;
  start: number;
  end: number;
  /** Index of the package it belongs to, or -1. */
  item: number;
}

function tagRole(tag: string): FieldRole | 'skip' {
  if (PROVENANCE_TAGS.has(tag) || SKIPPED_TAGS.has(tag)) return 'skip';
  if (tag === 'PackageSupplier' || tag === 'PackageOriginator') return 'maker';
  if (tag === 'PackageName') return 'part';
  if (tag === 'PackageDescription' || tag === 'PackageSummary') return 'description';
  if (tag === 'ExternalRef' || tag === 'PackageDownloadLocation' || tag === 'PackageHomePage') return 'other';
  if (tag === 'FileName') return 'path';
  return 'text';
}

/** "SECURITY cpe23Type cpe:2.3:…" → the locator's offsets. */
function externalRefLocator(value: string): [number, number] | undefined {
  const m = /^\s*\S+\s+\S+\s+/.exec(value);
  return m ? [m[0].length, value.trimEnd().length] : undefined;
}

export function parseTagValue(text: string): { values: TagValue[]; comments: { start: number; end: number }[]; problems: ParsedDocument['problems'] } {
  const values: TagValue[] = [];
  const comments: { start: number; end: number }[] = [];
  const problems: ParsedDocument['problems'] = [];
  const spans = lineSpans(text);
  let item = -1;
  let packages = -1;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const line = text.slice(span.start, span.end);
    if (/^\s*(#|$)/.test(line)) {
      if (line.trim() !== '') comments.push({ start: span.start + line.indexOf('#'), end: span.end });
      continue;
    }
    const m = /^([A-Za-z][\w-]*):[ \t]*/.exec(line);
    if (!m) {
      if (problems.length < 20) {
        problems.push({ start: span.start, end: span.end, severity: 'warning', code: 'spdx-tag-syntax', message: 'SPDX tag-value: this line is not "Tag: value"; it was read as text. Multi-line values belong inside <text>…</text>.' });
      }
      values.push({ tag: '', start: span.start, end: span.end, item });
      continue;
    }
    const tag = m[1]!;
    if (tag === PACKAGE_START) item = ++packages;
    else if (SECTION_START.has(tag)) item = -1;
    let start = span.start + m[0].length;
    let end = span.end;
    if (text.startsWith('<text>', start)) {
      start += '<text>'.length;
      const close = text.indexOf('</text>', start);
      if (close < 0) {
        problems.push({ start: start - 6, end: start, severity: 'error', code: 'spdx-tag-syntax', message: 'SPDX tag-value: <text> is never closed by </text>; the rest of the file was read as this value.' });
        end = text.length;
      } else {
        end = close;
      }
      // Continue after the line holding </text>.
      while (i + 1 < spans.length && spans[i + 1]!.start < end) i++;
    }
    values.push({ tag, start, end, item });
  }
  return { values, comments, problems };
}

export const spdxTagValueFormat: FormatModule = {
  id: 'spdx-tag-value',
  parse(text: string): ParsedDocument {
    const { values, comments, problems } = parseTagValue(text);
    const lines = new LineIndex(text);
    const contexts: RowContext[] = [];
    const valueText = (v: TagValue) => text.slice(v.start, v.end).trim();
    for (const v of values) {
      if (v.item < 0) continue;
      const context = (contexts[v.item] ??= { row: v.item + 1 });
      const value = valueText(v);
      if (v.tag === 'PackageName') {
        context.part = value;
        context.label = `package "${value}" at line ${lines.line(v.start)}`;
      } else if (v.tag === 'PackageOriginator') context.maker = agentText(value) ?? context.maker;
      else if (v.tag === 'PackageSupplier') context.maker ??= agentText(value);
      else if (v.tag === 'PackageDescription' || (v.tag === 'PackageSummary' && context.description === undefined)) context.description = value;
    }
    for (const context of contexts) if (context?.maker === undefined) delete context?.maker;
    const fields: Field[] = [];
    for (const v of values) {
      const role = v.tag === '' ? 'text' : tagRole(v.tag);
      if (role === 'skip') continue;
      let [start, end] = [v.start, v.end];
      const narrowed = v.tag === 'ExternalRef' ? externalRefLocator(text.slice(start, end)) : role === 'maker' ? agentName(text.slice(start, end)) : undefined;
      if (narrowed) [start, end] = [start + narrowed[0], start + narrowed[1]];
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start) continue;
      fields.push({ offset: start, text: text.slice(start, end), role, path: v.tag ? [v.tag] : undefined, row: v.item >= 0 ? contexts[v.item] : undefined });
    }
    for (const c of comments) fields.push({ offset: c.start, text: text.slice(c.start, c.end), role: 'comment' });
    fields.sort((a, b) => a.offset - b.offset);
    return { fields, problems, commentPrefix: '#', dialect: UNKNOWN_DIALECT };
  },
};

/** Content signs of an SPDX document, read from the start of the text. */
/** `json: false` when the head cannot be JSON (it starts with neither '{' nor '['): its signatures are not looked for. */
export function looksLikeSpdx(head: string, { json = true } = {}): 'spdx-tag-value' | 'spdx-json' | 'spdx-yaml' | 'spdx3-json' | undefined {
  // Every signature below holds one of these: a quick search spares most files the regexes.
  if (!head.includes('SPDX-') && !(json && head.includes('"@context"'))) return undefined;
  if (json && /"@context"\s*:/.test(head) && /spdx\.org\/rdf\/3|spdx-context\.jsonld/.test(head)) return 'spdx3-json';
  if (json && /"spdxVersion"\s*:\s*"SPDX-/.test(head)) return 'spdx-json';
  if (/^spdxVersion\s*:\s*["']?SPDX-/m.test(head)) return 'spdx-yaml';
  if (/^SPDXVersion:\s*SPDX-/m.test(head)) return 'spdx-tag-value';
  return undefined;
}
