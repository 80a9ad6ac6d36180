// Evidence kind 'purl': the namespace of a package URL (pkg:type/namespace/name@version) in any value,
// compared with each vendor's purl namespaces. An entry "maven/com.huawei" matches that type only; an
// entry without a type ("com.huawei") matches any type. Sub-namespaces count ("com.huawei.cloud").
// The same package is also read as build files and manifests write it, where the namespace is the same
// by the purl spec: Maven/Gradle coordinates "group:artifact[:version]" (a maven entry) and npm scoped
// names "@scope/name" (an npm entry, e.g. a package.json dependency or an import), and GitHub repository
// addresses "github.com/owner/repo" (a github entry, e.g. an SPDX download location or a Go module path).
import { decodeUriComponentSafely } from '../text';
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';

export interface ParsedPurl {
  type: string;
  /** Decoded namespace ('' when the purl has none), with its raw offsets in the purl. */
  namespace: string;
  namespaceStart: number;
  namespaceEnd: number;
  name: string;
  length: number;
}

const PURL_START = /(?<![\p{L}\p{N}_])pkg:([a-z][a-z0-9.+-]*)\//giu;

/** Parses the purl at `from` in `text`; the text must start with "pkg:type/" there. */
export function parsePurl(text: string, from = 0): ParsedPurl | undefined {
  const head = /^pkg:([a-z][a-z0-9.+-]*)\//i.exec(text.slice(from, from + 64));
  if (!head) return undefined;
  const bodyStart = from + head[0].length;
  let end = bodyStart;
  while (end < text.length && !/[\s"'<>,;)\]}]/.test(text[end]!)) end++;
  // Version, qualifiers and subpath follow the name.
  let nameEnd = end;
  for (let i = bodyStart; i < end; i++) {
    if (text[i] === '@' || text[i] === '?' || text[i] === '#') {
      nameEnd = i;
      break;
    }
  }
  const lastSlash = text.lastIndexOf('/', nameEnd - 1);
  const hasNamespace = lastSlash >= bodyStart;
  const namespaceStart = bodyStart;
  const namespaceEnd = hasNamespace ? lastSlash : bodyStart;
  const name = decodeUriComponentSafely(text.slice(hasNamespace ? lastSlash + 1 : bodyStart, nameEnd));
  if (name === '') return undefined;
  return {
    type: head[1]!.toLowerCase(),
    namespace: decodeUriComponentSafely(text.slice(namespaceStart, namespaceEnd)),
    namespaceStart: namespaceStart - from,
    namespaceEnd: namespaceEnd - from,
    name,
    length: end - from,
  };
}

interface NamespaceRule {
  vendorId: string;
  type?: string;
  namespace: string;
}

function covers(rule: NamespaceRule, purl: ParsedPurl): boolean {
  if (rule.type && rule.type !== purl.type) return false;
  const ns = purl.namespace.toLowerCase();
  return ns === rule.namespace || ns.startsWith(`${rule.namespace}.`) || ns.startsWith(`${rule.namespace}/`);
}

/** group:artifact with an optional version; the group has a dot (a reverse domain), so "host:port" is never one. */
const MAVEN_COORDINATES = /(?<![\p{L}\p{N}_.:/-])([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+):([A-Za-z0-9_.-]+)(?::[A-Za-z0-9_.${}+-]+)?/gu;
/** @scope/name as npm writes it (lower case, URL-safe); not inside an e-mail address or a path. */
const NPM_SCOPED_NAME = /(?<![\p{L}\p{N}_.@/-])(@[a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._-]*)/gu;

/** github.com/owner/repo in a URL, a git remote (git@github.com:owner/repo) or a Go module path. */
const GITHUB_REPOSITORY = /(?<![\p{L}\p{N}_.-])github\.com[/:]([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]+)/gu;

interface Coordinates {
  type: 'maven' | 'npm' | 'github';
  pattern: RegExp;
  /** Where the namespace starts in a match: after "github.com/" for a repository address. */
  namespaceAt: number;
  describe(namespace: string, name: string): string;
}

const COORDINATES: readonly Coordinates[] = [
  { type: 'maven', pattern: MAVEN_COORDINATES, namespaceAt: 0, describe: (group, artifact) => `Maven coordinates "${group}:${artifact}" (group ${group})` },
  { type: 'npm', pattern: NPM_SCOPED_NAME, namespaceAt: 0, describe: (scope, name) => `npm package "${scope}/${name}" (scope ${scope})` },
  { type: 'github', pattern: GITHUB_REPOSITORY, namespaceAt: 'github.com/'.length, describe: (owner, repo) => `GitHub repository "${owner}/${repo.replace(/\.git$/, '')}" (owner ${owner})` },
];

/** Whether `at` lies in one of `spans` (sorted, not overlapping): a binary search, so a long line stays linear. */
function insideSpan(spans: readonly [number, number][], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = spans[mid]!;
    if (at < from) hi = mid - 1;
    else if (at >= to) lo = mid + 1;
    else return true;
  }
  return false;
}

export function createPurlMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const rules: NamespaceRule[] = [];
  for (const vendor of kb.vendors) {
    for (const entry of vendor.purlNamespaces ?? []) {
      const slash = entry.indexOf('/');
      const typed = slash > 0 && !entry.slice(0, slash).includes('.');
      rules.push({
        vendorId: vendor.id,
        type: typed ? entry.slice(0, slash).toLowerCase() : undefined,
        namespace: (typed ? entry.slice(slash + 1) : entry).toLowerCase(),
      });
    }
  }
  const coordinates = COORDINATES.filter((c) => rules.some((r) => r.type === c.type));
  const coordinateLiterals = rules.filter((r) => coordinates.some((c) => c.type === r.type)).map((r) => r.namespace);
  const confidenceIn = (field: Field) => (field.role === 'comment' ? 'low' : 'high');

  /** Where the field's purls are: a purl's body ("pkg:npm/%40scope/name") is read as a purl, not again as coordinates. */
  function purlSpansOf(text: string): [number, number][] {
    const spans: [number, number][] = [];
    PURL_START.lastIndex = 0;
    for (let m = PURL_START.exec(text); m; m = PURL_START.exec(text)) {
      const length = Math.max(parsePurl(text, m.index)?.length ?? 0, m[0].length);
      spans.push([m.index, m.index + length]);
      PURL_START.lastIndex = m.index + length;
    }
    return spans;
  }

  function matchCoordinates(field: Field, found: Evidence[]): void {
    const lower = field.text.toLowerCase();
    if (!coordinateLiterals.some((literal) => lower.includes(literal))) return;
    const purlSpans = lower.includes('pkg:') ? purlSpansOf(field.text) : [];
    const taken = (start: number) => insideSpan(purlSpans, start);
    for (const form of coordinates) {
      form.pattern.lastIndex = 0;
      for (let m = form.pattern.exec(field.text); m; m = form.pattern.exec(field.text)) {
        const [, namespace, name] = m as unknown as [string, string, string];
        if (taken(m.index)) continue;
        const rule = rules.find((r) => r.type === form.type && covers(r, { type: form.type, namespace } as ParsedPurl));
        if (!rule) continue;
        found.push({
          kind: 'purl',
          vendorId: rule.vendorId,
          start: field.offset + m.index + form.namespaceAt,
          end: field.offset + m.index + form.namespaceAt + namespace.length,
          matched: namespace,
          confidence: confidenceIn(field),
          detail: form.describe(namespace, name),
          field,
        });
      }
    }
  }

  return {
    kind: 'purl',
    trigger: rules.length === 0 ? NEVER : { literals: ['pkg:', ...coordinateLiterals] },
    match(field: Field): readonly Evidence[] {
      if (rules.length === 0) return NO_EVIDENCE;
      const found: Evidence[] = [];
      if (coordinates.length > 0) matchCoordinates(field, found);
      if (!/pkg:/i.test(field.text)) return found.length === 0 ? NO_EVIDENCE : found;
      PURL_START.lastIndex = 0;
      for (let m = PURL_START.exec(field.text); m; m = PURL_START.exec(field.text)) {
        const purl = parsePurl(field.text, m.index);
        if (!purl) continue;
        PURL_START.lastIndex = m.index + Math.max(purl.length, 1);
        if (purl.namespace === '') continue;
        const rule = rules.find((r) => covers(r, purl));
        if (!rule) continue;
        found.push({
          kind: 'purl',
          vendorId: rule.vendorId,
          start: field.offset + m.index + purl.namespaceStart,
          end: field.offset + m.index + purl.namespaceEnd,
          matched: field.text.slice(m.index + purl.namespaceStart, m.index + purl.namespaceEnd),
          confidence: confidenceIn(field),
          detail: `package URL namespace "${purl.namespace}" (${purl.type} package "${purl.name}")`,
          field,
        });
      }
      return found.length === 0 ? NO_EVIDENCE : found;
    },
  };
}
