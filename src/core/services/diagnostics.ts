import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentAnalysis, Finding, FindingSeverity, KnowledgeBase } from '../model';

export const DIAGNOSTIC_SOURCE = 'VendorLens';

const SEVERITY: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to code actions. */
export interface FindingData {
  findingId: string;
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

export function toDiagnostics(kb: KnowledgeBase, analysis: DocumentAnalysis): Diagnostic[] {
  const diagnostics: Diagnostic[] = analysis.problems.map((p) => ({
    range: p.range,
    severity: SEVERITY[p.severity],
    source: DIAGNOSTIC_SOURCE,
    code: p.code,
    message: p.message,
  }));
  for (const finding of analysis.findings) {
    const href = documentationUrl(kb, finding);
    const data: FindingData = { findingId: finding.id };
    diagnostics.push({
      range: finding.range,
      severity: SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: diagnosticCode(kb, finding.vendorId),
      codeDescription: href ? { href } : undefined,
      message: finding.message,
      data,
    });
  }
  return diagnostics;
}
