// A file that is a device's configuration says so on its first line: the document-level finding (the
// dialect recognised from the whole text) sits on the header line instead of an arbitrary token deep in
// the file, and a CodeLens above it names the device kind and the leading instrument.
import type { CodeLens, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dialectSpec } from '../formats/dialects/detect';
import type { DocumentAnalysis, Finding, KnowledgeBase } from '../model';
import { t } from '../l10n';
import { positionInText } from '../text';

/**
 * The first line with a word at or after `offset` (separators such as `#` or `!` alone are skipped), as a
 * range over its text. Read from the text, not through document.positionAt: that builds the table of every
 * line of the document, for one position near its start.
 */
function headerLineRange(document: TextDocument, offset: number): Range {
  const text = document.getText();
  const at = positionInText(text, offset);
  let line = at.line;
  for (let start = offset - at.character; start < text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const content = text.slice(start, end);
    if (/[\p{L}\p{N}]/u.test(content)) {
      const lead = /^[\s\uFEFF]*/.exec(content)![0].length;
      return { start: { line, character: lead }, end: { line, character: content.length } };
    }
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { start: at, end: at };
}

/** Where the text of the device a document-level finding is about begins: the file, or its device's section. */
function sectionStart(analysis: DocumentAnalysis, finding: Finding): number {
  const section = analysis.dialect.sections?.find((s) => finding.evidence.start >= s.start && finding.evidence.start < s.end);
  return section?.start ?? 0;
}

/**
 * Moves each document-level finding onto its header line (the file's first line with text, or that of
 * its device's section); where the dialect was recognised becomes related information.
 */
export function placeDocumentFindings(document: TextDocument, analysis: DocumentAnalysis): DocumentAnalysis {
  if (!analysis.findings.some((f) => f.evidence.documentLevel)) return analysis;
  const findings = analysis.findings.map((finding) => {
    if (!finding.evidence.documentLevel) return finding;
    const range = headerLineRange(document, sectionStart(analysis, finding));
    const anchor = { range: finding.range, message: t('Recognised here: {0}', finding.evidence.matched.replace(/\s+/g, ' ')) };
    return { ...finding, range, related: [anchor, ...finding.related] };
  });
  return { ...analysis, findings };
}

/** "Huawei VRP device configuration", or the vendor's name when the dialect has no label. */
function deviceKind(kb: KnowledgeBase, analysis: DocumentAnalysis, finding: Finding): string {
  const section = analysis.dialect.sections?.find((s) => finding.evidence.start >= s.start && finding.evidence.start < s.end);
  const label = dialectSpec(section?.detection.id ?? analysis.dialect.id)?.label;
  const vendor = kb.vendorById.get(finding.vendorId)?.displayName ?? finding.vendorId;
  const host = section ? ` ${section.host}` : '';
  return label ? t('{0} device configuration{1}', label, host) : t('{0} device{1}', vendor, host);
}

function reviewState(finding: Finding): string {
  if (finding.accepted) return t('accepted');
  if (finding.expiredNote) return t('review note expired');
  return t('open');
}

/** One lens per document-level finding, on its header line: "Huawei VRP device configuration — NÚKIB warning (CZ, 2018-12-17) · open". */
export function bannerCodeLenses(kb: KnowledgeBase, analysis: DocumentAnalysis, commands: boolean): CodeLens[] {
  return analysis.findings
    .filter((f) => f.evidence.documentLevel)
    .map((finding) => {
      const leadId = finding.advisoriesInForce[0] ?? finding.advisoryIds[0];
      const lead = leadId === undefined ? undefined : kb.advisoryById.get(leadId);
      const instrument = lead ? ` — ${t('{0} ({1}, {2})', lead.shortTitle ?? lead.instrument, lead.jurisdiction.toUpperCase(), lead.date)}` : '';
      const title = `${deviceKind(kb, analysis, finding)}${instrument} · ${reviewState(finding)}`;
      // Above the whole file when the finding is about the file; above its device's section otherwise.
      const line = analysis.dialect.sections?.some((s) => finding.evidence.start >= s.start && finding.evidence.start < s.end) ? finding.range.start.line : 0;
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      // An empty command id makes the lens a label (other editors have no vendor details view).
      const command = commands
        ? { title, command: 'vendorlens.showVendor', arguments: [finding.vendorId, { uri: analysis.uri, findingId: finding.id }] }
        : { title, command: '' };
      return { range, command };
    });
}

/** "VendorLens: 3 open · 2 accepted" on the first line, when the file has findings. */
export function reviewStateCodeLens(analysis: DocumentAnalysis): CodeLens[] {
  if (analysis.findings.length === 0) return [];
  const accepted = analysis.findings.filter((f) => f.accepted).length;
  const open = analysis.findings.length - accepted;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, command: { title: t('VendorLens: {0} open · {1} accepted', open, accepted), command: '' } }];
}

