// Evidence kind 'purl': the namespace of a package URL (pkg:type/namespace/name@version) in any value,
// compared with each vendor's purl namespaces. An entry "maven/com.huawei" matches that type only; an
// entry without a type ("com.huawei") matches any type. Sub-namespaces count ("com.huawei.cloud").
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
  return {
    kind: 'purl',
    trigger: rules.length === 0 ? NEVER : { literals: ['pkg:'] },
    match(field: Field): readonly Evidence[] {
      if (rules.length === 0 || !/pkg:/i.test(field.text)) return NO_EVIDENCE;
      const found: Evidence[] = [];
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
          confidence: field.role === 'comment' ? 'low' : 'high',
          detail: `package URL namespace "${purl.namespace}" (${purl.type} package "${purl.name}")`,
          field,
        });
      }
      return found;
    },
  };
}
