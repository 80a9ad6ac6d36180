// Evidence kind 'purl': the namespace of a package URL (pkg:type/namespace/name@version) in any value,
// compared with each vendor's purl namespaces. An entry "maven/com.huawei" matches that type only; an
// entry without a type ("com.huawei") matches any type. Sub-namespaces count ("com.huawei.cloud").
// The same package is also read as build files and manifests write it, where the namespace is the same
// by the purl spec: Maven/Gradle coordinates "group:artifact[:version]" (a maven entry) and npm scoped
// names "@scope/name" (an npm entry, e.g. a package.json dependency or an import), and GitHub repository
// addresses "github.com/owner/repo" (a github entry, e.g. an SPDX download location or a Go module path).
// A POM's <groupId> element and Gradle's `group: "…"` / version catalogues' `group = "…"` are Maven namespaces too;
// a "java" entry is an SDK's JVM package, read in Java and Kotlin imports (import com.kavsdk.antivirus.Scanner).
// Registries without namespaces (PyPI, pub.dev, CocoaPods, unscoped npm) are read by the package's own name
// (packageNames: "pypi/huaweicloudsdk*"), as each registry's name grammar bounds it; and a vendor's native SDK
// libraries (sdkLibraries: "hcnetsdk") as linkers and build files name them: -lhcnetsdk, libhcnetsdk.so,
// HCNetSDK.dll, HCNetSDK.h (high), or the bare name (medium).
import { decodeUriComponentSafely } from '../text';
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { isBuildExclusionArgument, isInsideBuildExclusion } from './buildExclusions';

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

/** A POM's <groupId>…</groupId>: the Maven namespace of the dependency (or plugin) it opens. */
const POM_GROUP_ID = /<groupId>\s*([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)\s*<\/groupId>/gu;
/** Gradle's map notation `group: 'g', name: 'a'` and version catalogues' `{ group = "g", name = "a" }`. */
const GROUP_KEY = /(?<![\p{L}\p{N}_.-])["']?group["']?\s*[:=]\s*["']([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)["']/gu;
/** A Java or Kotlin import: the package before the class (or `*`), for SDKs known by their JVM package (java/…). */
const JVM_IMPORT = /(?<![\p{L}\p{N}_.])import\s+(?:static\s+)?([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\.(?:[A-Z_*]|[a-z][A-Za-z0-9_]*\s*(?:;|$))/gmu;

interface Coordinates {
  type: 'maven' | 'npm' | 'github' | 'java';
  pattern: RegExp;
  /** Where the namespace starts in a match: after "github.com/" for a repository address; -1: where group 1 is. */
  namespaceAt: number;
  describe(namespace: string, name: string): string;
}

const COORDINATES: readonly Coordinates[] = [
  { type: 'maven', pattern: MAVEN_COORDINATES, namespaceAt: 0, describe: (group, artifact) => `Maven coordinates "${group}:${artifact}" (group ${group})` },
  { type: 'npm', pattern: NPM_SCOPED_NAME, namespaceAt: 0, describe: (scope, name) => `npm package "${scope}/${name}" (scope ${scope})` },
  { type: 'github', pattern: GITHUB_REPOSITORY, namespaceAt: 'github.com/'.length, describe: (owner, repo) => `GitHub repository "${owner}/${repo.replace(/\.git$/, '')}" (owner ${owner})` },
  { type: 'maven', pattern: POM_GROUP_ID, namespaceAt: -1, describe: (group) => `Maven groupId "${group}" (a POM dependency)` },
  { type: 'maven', pattern: GROUP_KEY, namespaceAt: -1, describe: (group) => `Maven group "${group}" (a Gradle dependency or version catalogue)` },
  { type: 'java', pattern: JVM_IMPORT, namespaceAt: -1, describe: (pkg) => `JVM package "${pkg}" (an import)` },
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

/** How a registry without namespaces spells a package name, and where its names are found. */
interface NameGrammar {
  /** Characters a name is made of: the characters around a match must not be among them. */
  nameChar: RegExp;
  caseSensitive: boolean;
  /** The context a name must stand in, when the bare name is too common a word (pub.dev's snake_case). */
  inContext?(text: string, start: number, end: number): boolean;
  registry: string;
}

const NAME_GRAMMARS: Readonly<Record<string, NameGrammar>> = {
  // PEP 508 names: letters, digits, '.', '_', '-', compared case-insensitively.
  pypi: { nameChar: /[A-Za-z0-9._-]/, caseSensitive: false, registry: 'PyPI' },
  // pub.dev names are lower-case snake_case: a pubspec or pubspec.lock key, a Dart `package:` import, `name: …`.
  pub: {
    nameChar: /[a-z0-9_]/,
    caseSensitive: true,
    inContext: (text, start, end) =>
      /^[ \t]*:/.test(text.slice(end, end + 8)) || /(?:package:|pkg:pub\/|\bname:[ \t]*["']?)$/.test(text.slice(Math.max(0, start - 16), start)),
    registry: 'pub.dev',
  },
  // Pod names keep their case; a subspec follows a '/'.
  cocoapods: { nameChar: /[A-Za-z0-9_+-]/, caseSensitive: true, registry: 'CocoaPods' },
  // Unscoped npm names are lower case, URL-safe; a scoped one ("@scope/name") is read by its scope instead.
  npm: { nameChar: /[a-z0-9._-]/, caseSensitive: true, registry: 'npm' },
};

interface NameRule {
  vendorId: string;
  type: string;
  grammar: NameGrammar;
  /** The name, or the prefix of the names, as the registry writes it (lower case unless case-sensitive). */
  name: string;
  prefix: boolean;
}

/** Native library files as build systems name them; the bare name (a directory, a class) is weaker. */
const LIBRARY_FILE_BEFORE = /(?:^|[^A-Za-z0-9_])(?:-l|lib)$/;
const LIBRARY_FILE_AFTER = /^\.(?:so|a|dylib|dll|lib|h|hpp)(?![A-Za-z0-9_])/i;

interface LibraryRule {
  vendorId: string;
  name: string;
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
  const nameRules: NameRule[] = [];
  const libraries: LibraryRule[] = [];
  for (const vendor of kb.vendors) {
    for (const entry of vendor.packageNames ?? []) {
      const slash = entry.indexOf('/');
      const grammar = NAME_GRAMMARS[entry.slice(0, slash)];
      if (slash <= 0 || !grammar) continue;
      const prefix = entry.endsWith('*');
      const name = entry.slice(slash + 1, prefix ? -1 : undefined);
      if (name === '') continue;
      nameRules.push({ vendorId: vendor.id, type: entry.slice(0, slash), grammar, name: grammar.caseSensitive ? name : name.toLowerCase(), prefix });
    }
    for (const name of vendor.sdkLibraries ?? []) libraries.push({ vendorId: vendor.id, name: name.toLowerCase() });
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
        const at = m.index + (form.namespaceAt >= 0 ? form.namespaceAt : m[0].lastIndexOf(namespace));
        if (form.namespaceAt < 0 && (isBuildExclusionArgument(field.text, at) || isInsideBuildExclusion(field))) continue;
        found.push({
          kind: 'purl',
          vendorId: rule.vendorId,
          start: field.offset + at,
          end: field.offset + at + namespace.length,
          matched: namespace,
          confidence: confidenceIn(field),
          detail: form.describe(namespace, name),
          field,
        });
      }
    }
  }

  /** A Go package URL's namespace is its module path: pkg:golang/github.com/<owner>/… is that GitHub owner's. */
  function goModuleOwnerRule(purl: ParsedPurl): NamespaceRule | undefined {
    if (purl.type !== 'golang') return undefined;
    const [host, owner] = purl.namespace.toLowerCase().split('/');
    return host === 'github.com' && owner ? rules.find((r) => r.type === 'github' && r.namespace === owner) : undefined;
  }

  /** The whole name around a literal found at `at`, if the registry's grammar bounds it there; else undefined. */
  function nameAt(text: string, at: number, rule: NameRule): [number, number] | undefined {
    const { nameChar } = rule.grammar;
    if (at > 0 && (nameChar.test(text[at - 1]!) || text[at - 1] === '@')) return undefined;
    let end = at + rule.name.length;
    if (rule.prefix) while (end < text.length && nameChar.test(text[end]!)) end++;
    else if (end < text.length && nameChar.test(text[end]!)) return undefined;
    // A name never ends in punctuation: "huaweicloudsdkcore." ends a sentence, not the name.
    while (end > at + rule.name.length && /[._-]/.test(text[end - 1]!)) end--;
    if (rule.grammar.inContext && !rule.grammar.inContext(text, at, end)) return undefined;
    return [at, end];
  }

  function matchNames(field: Field, lower: string, found: Evidence[]): void {
    for (const rule of nameRules) {
      const haystack = rule.grammar.caseSensitive ? field.text : lower;
      for (let at = haystack.indexOf(rule.name); at >= 0; at = haystack.indexOf(rule.name, at + 1)) {
        const span = nameAt(field.text, at, rule);
        if (!span) continue;
        const name = field.text.slice(span[0], span[1]);
        found.push({
          kind: 'purl',
          vendorId: rule.vendorId,
          start: field.offset + span[0],
          end: field.offset + span[1],
          matched: name,
          confidence: confidenceIn(field),
          detail: `${rule.grammar.registry} package "${name}" (${rule.prefix ? `names ${rule.name}…` : 'name'} of the maker's packages)`,
          field,
        });
        at = span[1] - 1;
      }
    }
  }

  function matchLibraries(field: Field, lower: string, found: Evidence[]): void {
    for (const library of libraries) {
      for (let at = lower.indexOf(library.name); at >= 0; at = lower.indexOf(library.name, at + 1)) {
        const end = at + library.name.length;
        if (end < lower.length && /[a-z0-9_]/.test(lower[end]!)) continue;
        const before = field.text.slice(Math.max(0, at - 4), at);
        const linked = LIBRARY_FILE_BEFORE.test(before);
        if (!linked && at > 0 && /[A-Za-z0-9_]/.test(field.text[at - 1]!)) continue;
        const file = linked || LIBRARY_FILE_AFTER.test(field.text.slice(end, end + 6));
        found.push({
          kind: 'purl',
          vendorId: library.vendorId,
          start: field.offset + at,
          end: field.offset + end,
          matched: field.text.slice(at, end),
          confidence: field.role === 'comment' ? 'low' : file ? 'high' : 'medium',
          detail: `native SDK library "${library.name}"${file ? ' (as a build file links or ships it)' : ''}`,
          field,
        });
      }
    }
  }

  const nameLiterals = [...new Set(nameRules.map((r) => r.name.toLowerCase())), ...libraries.map((l) => l.name)];
  const nothing = rules.length === 0 && nameRules.length === 0 && libraries.length === 0;

  return {
    kind: 'purl',
    trigger: nothing ? NEVER : { literals: ['pkg:', ...coordinateLiterals, ...nameLiterals] },
    match(field: Field): readonly Evidence[] {
      if (nothing) return NO_EVIDENCE;
      const found: Evidence[] = [];
      if (coordinates.length > 0) matchCoordinates(field, found);
      if (nameRules.length > 0 || libraries.length > 0) {
        const lower = field.text.toLowerCase();
        if (nameRules.length > 0) matchNames(field, lower, found);
        if (libraries.length > 0) matchLibraries(field, lower, found);
      }
      if (!/pkg:/i.test(field.text)) return found.length === 0 ? NO_EVIDENCE : found;
      PURL_START.lastIndex = 0;
      for (let m = PURL_START.exec(field.text); m; m = PURL_START.exec(field.text)) {
        const purl = parsePurl(field.text, m.index);
        if (!purl) continue;
        PURL_START.lastIndex = m.index + Math.max(purl.length, 1);
        if (purl.namespace === '') continue;
        const rule = rules.find((r) => covers(r, purl)) ?? goModuleOwnerRule(purl);
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
