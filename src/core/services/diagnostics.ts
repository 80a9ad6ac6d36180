import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { DocumentAnalysis, Finding, FindingSeverity, KnowledgeBase } from '../model';
import { t } from '../l10n';
import { withoutSources } from '../text';

export const DIAGNOSTIC_SOURCE = 'VendorLens';

const SEVERITY: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries: back to code actions (findingId), and to the VS Code client's views. */
export interface FindingData {
  findingId: string;
  vendorId: string;
  /** Advisories naming the vendor, those in force first. */
  advisoryIds: string[];
  advisoriesInForce: string[];
  accepted: boolean;
}

/** A stable code per vendor: 'flagged-vendor/huawei', 'borderline-vendor/h3c'. */
export function diagnosticCode(kb: KnowledgeBase, vendorId: string): string {
  const vendor = kb.vendorById.get(vendorId);
  return `${vendor?.status === 'borderline' ? 'borderline' : 'flagged'}-vendor/${vendorId}`;
}

/** The page a diagnostic links to: the first advisory in force, else any advisory, else the vendor's source. */
export function documentationUrl(kb: KnowledgeBase, finding: Finding): string | undefined {
  const advisory = kb.advisoryById.get(finding.advisoryIds[0] ?? '');
  return advisory?.url ?? kb.vendorById.get(finding.vendorId)?.sources[0]?.url;
}

/** Findings that describe the same thing: the same BOM row, or the same config section, for one vendor. */
function groupKey(finding: Finding): string | undefined {
  const field = finding.evidence.field;
  if (field.row) return `${finding.vendorId} row ${field.row.row}`;
  if (field.path?.length) return `${finding.vendorId} ${field.path.join(' / ')}`;
  return undefined;
}

/**
 * A finding lists at most this many other findings of its row or section, the nearest ones, and then how
 * many more there are: listing them all made a section of 1,000 MAC addresses a million related entries
 * (270 MB of diagnostics, 10 s).
 */
export const MAX_RELATED_NEIGHBOURS = 20;

/** For each finding: the evidence folded into it, and the nearest other findings of its row or section. */
function relatedTo(analysis: DocumentAnalysis): Map<Finding, DiagnosticRelatedInformation[]> {
  const groups = new Map<string, Finding[]>();
  const position = new Map<Finding, number>();
  for (const finding of analysis.findings) {
    const key = groupKey(finding);
    if (key === undefined) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    position.set(finding, group.length);
    group.push(finding);
  }
  const related = new Map<Finding, DiagnosticRelatedInformation[]>();
  const half = MAX_RELATED_NEIGHBOURS / 2;
  for (const finding of analysis.findings) {
    const key = groupKey(finding);
    const group = key === undefined ? [] : groups.get(key)!;
    const at = position.get(finding) ?? 0;
    // A window of the group around the finding, shifted to stay inside it.
    const start = Math.max(0, Math.min(at - half, group.length - 1 - MAX_RELATED_NEIGHBOURS));
    const neighbours = group.slice(start, start + MAX_RELATED_NEIGHBOURS + 1).filter((other) => other !== finding);
    const more = Math.max(0, group.length - 1 - neighbours.length);
    const items = [
      ...finding.related.map((r) => ({ location: { uri: analysis.uri, range: r.range }, message: withoutSources(r.message) })),
      ...neighbours.map((other) => ({ location: { uri: analysis.uri, range: other.range }, message: t('Also {0} "{1}"', other.evidence.detail, other.evidence.matched) })),
      ...(more > 0 ? [{ location: { uri: analysis.uri, range: finding.range }, message: t('And {0} more findings in this row or section', more) }] : []),
    ];
    if (items.length > 0) related.set(finding, items);
  }
  return related;
}

/** A diagnostic whose message is plain text: LSP 3.18 also allows markup, which VendorLens never sends. */
export type TextDiagnostic = Diagnostic & { message: string };

export function toDiagnostics(kb: KnowledgeBase, analysis: DocumentAnalysis, withRelatedInformation = false): TextDiagnostic[] {
  const related = withRelatedInformation ? relatedTo(analysis) : undefined;
  const diagnostics: TextDiagnostic[] = analysis.problems.map((p) => ({
    range: p.range,
    severity: SEVERITY[p.severity],
    source: DIAGNOSTIC_SOURCE,
    code: p.code,
    message: p.message,
  }));
  for (const finding of analysis.findings) {
    const href = documentationUrl(kb, finding);
    const data: FindingData = {
      findingId: finding.id,
      vendorId: finding.vendorId,
      advisoryIds: finding.advisoryIds,
      advisoriesInForce: finding.advisoriesInForce,
      accepted: finding.accepted !== undefined,
    };
    diagnostics.push({
      range: finding.range,
      severity: SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: diagnosticCode(kb, finding.vendorId),
      codeDescription: href ? { href } : undefined,
      message: finding.message,
      relatedInformation: related?.get(finding),
      data,
    });
  }
  return diagnostics;
}
