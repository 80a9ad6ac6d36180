// Per-document totals for a BOM: for each flagged vendor, how many items (rows, components, packages,
// devices) carry a finding and how many units they add up to. Shown as a CodeLens on the first line.
import type { CodeLens } from 'vscode-languageserver-types';
import type { DocumentAnalysis, KnowledgeBase } from '../model';

export interface VendorTotal {
  vendorId: string;
  displayName: string;
  /** Distinct items (rows, components, packages) with at least one finding for this vendor. */
  items: number;
  /** Sum of the items' quantities; items without a readable quantity count as one unit. */
  quantity: number;
  /** Items whose quantity was missing or unreadable. */
  itemsWithoutQuantity: number;
  /** All findings for the vendor, including those outside any item. */
  findings: number;
  /** Findings accepted by a review note. */
  accepted: number;
}

const THOUSANDS = /^(\d{1,3}(?:[ ,.'\u00a0\u202f]\d{3})+)(?![\d.,])/;
const PLAIN = /^(\d+(?:[.,]\d+)?)/;

/** "12", "1 200", "1,200", "2 pcs", "3.5" → a number; "--", "", "n/a" → undefined. */
export function parseQuantity(text: string | undefined): number | undefined {
  const value = text?.trim() ?? '';
  const grouped = THOUSANDS.exec(value);
  if (grouped) return Number(grouped[1]!.replace(/[^\d]/g, ''));
  const plain = PLAIN.exec(value);
  if (!plain) return undefined;
  const n = Number(plain[1]!.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function documentSummary(kb: KnowledgeBase, analysis: DocumentAnalysis): VendorTotal[] {
  const totals = new Map<string, VendorTotal & { seen: Set<number> }>();
  for (const finding of analysis.findings) {
    let total = totals.get(finding.vendorId);
    if (!total) {
      const displayName = kb.vendorById.get(finding.vendorId)?.displayName ?? finding.vendorId;
      total = { vendorId: finding.vendorId, displayName, items: 0, quantity: 0, itemsWithoutQuantity: 0, findings: 0, accepted: 0, seen: new Set() };
      totals.set(finding.vendorId, total);
    }
    total.findings++;
    if (finding.accepted) total.accepted++;
    const row = finding.evidence.field.row;
    if (!row || total.seen.has(row.row)) continue;
    total.seen.add(row.row);
    total.items++;
    const quantity = parseQuantity(row.quantity);
    if (quantity === undefined) total.itemsWithoutQuantity++;
    total.quantity += quantity ?? 1;
  }
  return [...totals.values()]
    .map(({ seen: _seen, ...total }) => total)
    .sort((a, b) => b.items - a.items || b.findings - a.findings || a.displayName.localeCompare(b.displayName));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line: "Huawei: 3 items, 7 units · ZTE: 1 item, 2 units (1 without quantity)". */
export function summaryText(totals: VendorTotal[]): string {
  return totals
    .filter((t) => t.items > 0)
    .map((t) => {
      const unknown = t.itemsWithoutQuantity > 0 ? ` (${t.itemsWithoutQuantity} without quantity)` : '';
      return `${t.displayName}: ${plural(t.items, 'item')}, ${plural(t.quantity, 'unit')}${unknown}`;
    })
    .join(' · ');
}

/** A CodeLens on the first line of a BOM with flagged items; none for documents without items. */
export function summaryCodeLenses(kb: KnowledgeBase, analysis: DocumentAnalysis): CodeLens[] {
  const text = summaryText(documentSummary(kb, analysis));
  if (text === '') return [];
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  // An empty command id makes the lens a label: there is nothing to run.
  return [{ range, command: { title: `VendorLens: ${text}`, command: '' } }];
}
