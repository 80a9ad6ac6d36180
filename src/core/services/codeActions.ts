// Quick fixes for a finding: open each advisory, or accept the finding with a review note
// written as a comment above its line (extending a note already there rather than stacking another).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DocumentAnalysis, Finding, KnowledgeBase } from '../model';
import { formatNote, parseNote } from '../review/notes';
import { addDays } from '../text';
import { DIAGNOSTIC_SOURCE, type FindingData } from './diagnostics';

export const OPEN_ADVISORY_COMMAND = 'vendorlens.openAdvisory';

export interface AcceptanceDefaults {
  today: string;
  reviewer?: string;
  /** Days until a new note expires. */
  expiryDays: number;
}

function findingFor(analysis: DocumentAnalysis, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<FindingData> | undefined;
  return analysis.findings.find((f) => f.id === data?.findingId);
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** The edit that records acceptance of `finding`: a new note line, or the existing note above extended. */
export function acceptanceEdit(
  document: TextDocument,
  analysis: DocumentAnalysis,
  finding: Finding,
  fields: { reason: string; ticket?: string; expires?: string; by?: string; on?: string },
): TextEdit | undefined {
  const prefix = analysis.commentPrefix;
  if (!prefix) return undefined;
  const line = finding.range.start.line;
  const target = lineText(document, line);
  const indent = /^[ \t]*/.exec(target)![0];
  if (line > 0) {
    const above = lineText(document, line - 1);
    const existing = parseNote(above, line - 1, fields.on ?? '')?.note;
    if (existing && existing.scope === 'line') {
      if (existing.vendors.includes(finding.vendorId) || existing.vendors.includes('*')) return undefined;
      const note = formatNote({ ...existing, vendors: [...existing.vendors, finding.vendorId] });
      const notePrefix = /^[ \t]*[!#]+\s*/.exec(above)?.[0] ?? `${indent}${prefix} `;
      return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: notePrefix + note };
    }
  }
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const note = formatNote({ vendors: [finding.vendorId], ...fields });
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${prefix} ${note}${eol}` };
}

export function codeActionsFor(
  kb: KnowledgeBase,
  document: TextDocument,
  analysis: DocumentAnalysis,
  context: CodeActionContext,
  defaults: AcceptanceDefaults,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  if (!wants(CodeActionKind.QuickFix)) return actions;
  for (const diagnostic of context.diagnostics) {
    const finding = findingFor(analysis, diagnostic);
    if (!finding) continue;
    finding.advisoryIds.forEach((id, index) => {
      const advisory = kb.advisoryById.get(id);
      if (!advisory) return;
      actions.push({
        title: `Open advisory: ${advisory.shortTitle ?? advisory.instrument}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        command: { title: 'Open advisory', command: OPEN_ADVISORY_COMMAND, arguments: [advisory.url] },
      });
    });
    if (!finding.accepted) {
      const edit = acceptanceEdit(document, analysis, finding, {
        reason: 'TODO why this is acceptable',
        expires: addDays(defaults.today, defaults.expiryDays),
        by: defaults.reviewer,
        on: defaults.today,
      });
      if (edit) {
        actions.push({
          title: 'Accept with review note…',
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [edit] } },
        });
      }
    }
  }
  return actions;
}
