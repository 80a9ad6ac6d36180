// Evidence kind 'cpe': the vendor part of a CPE name (2.3 formatted string or 2.2 URI) in any value,
// compared with each vendor's NVD vendor strings (e.g. huawei, huaweidevice, dahuasecurity). CPE 2.3
// escapes with a backslash ("ds-2cd2026g2-iu\/sl"), CPE 2.2 URIs with percent-encoding; both are undone
// before comparing. The underline covers the vendor component only.
import { decodeUriComponentSafely } from '../text';
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';

export interface CpeComponent {
  /** Unescaped value. */
  value: string;
  /** Offsets of the raw component within the string given to parseCpe. */
  start: number;
  end: number;
}

export interface ParsedCpe {
  version: '2.2' | '2.3';
  part: string;
  vendor: CpeComponent;
  product?: CpeComponent;
  /** Length of the CPE name in the text. */
  length: number;
}

/** A CPE 2.3 name has 11 components after "cpe:2.3:", a 2.2 URI at most 7: read no further. */
const MAX_COMPONENTS = 11;

const CPE_START = /(?<![\p{L}\p{N}_])cpe:(?:2\.3:|\/)/giu;

function isTerminator(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '"' || c === "'" || c === '<' || c === '>' || c === ',' || c === ';' || c === ')' || c === ']' || c === '}';
}

/** Undoes CPE 2.3 backslash escapes ("\/" → "/", "\:" → ":"). */
export function unescapeCpe23(raw: string): string {
  return raw.replace(/\\(.)/g, '$1');
}

/** Parses the CPE name starting at `from` in `text` (which must start with "cpe:"). */
export function parseCpe(text: string, from = 0): ParsedCpe | undefined {
  const v23 = text.startsWith('cpe:2.3:', from) || text.startsWith('CPE:2.3:', from);
  let i = from + (v23 ? 8 : 5);
  const components: CpeComponent[] = [];
  let start = i;
  for (; i <= text.length; i++) {
    const c = text[i];
    if (v23 && c === '\\') {
      i++; // the escaped character is part of the component
      continue;
    }
    if (c === undefined || c === ':' || isTerminator(c)) {
      const raw = text.slice(start, i);
      components.push({ value: v23 ? unescapeCpe23(raw) : decodeUriComponentSafely(raw), start: start - from, end: i - from });
      start = i + 1;
      if (c !== ':' || components.length >= MAX_COMPONENTS) break;
    }
  }
  const [part, vendor, product] = components;
  if (!part || !vendor) return undefined;
  return { version: v23 ? '2.3' : '2.2', part: part.value, vendor, product, length: i - from };
}

export function createCpeMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const vendorByCpe = new Map<string, string>();
  for (const vendor of kb.vendors) for (const name of vendor.cpeVendors ?? []) vendorByCpe.set(name.toLowerCase(), vendor.id);
  return {
    kind: 'cpe',
    trigger: vendorByCpe.size === 0 ? NEVER : { literals: ['cpe:'] },
    match(field: Field): readonly Evidence[] {
      if (vendorByCpe.size === 0 || !/cpe:/i.test(field.text)) return NO_EVIDENCE;
      const found: Evidence[] = [];
      CPE_START.lastIndex = 0;
      for (let m = CPE_START.exec(field.text); m; m = CPE_START.exec(field.text)) {
        const cpe = parseCpe(field.text, m.index);
        if (!cpe) continue;
        CPE_START.lastIndex = m.index + Math.max(cpe.length, 1);
        const vendorId = vendorByCpe.get(cpe.vendor.value.toLowerCase());
        if (!vendorId) continue;
        const start = field.offset + m.index + cpe.vendor.start;
        const product = cpe.product?.value && cpe.product.value !== '*' ? `, product "${cpe.product.value}"` : '';
        found.push({
          kind: 'cpe',
          vendorId,
          start,
          end: field.offset + m.index + cpe.vendor.end,
          matched: field.text.slice(m.index + cpe.vendor.start, m.index + cpe.vendor.end),
          confidence: field.role === 'comment' ? 'low' : 'high',
          detail: `CPE ${cpe.version} vendor "${cpe.vendor.value}"${product}`,
          field,
        });
      }
      return found;
    },
  };
}
