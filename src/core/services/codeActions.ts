// Quick fixes for a finding: open each advisory, show the vendor, accept it with a review note (for
// the line or the whole file; in the policy file for formats without comments), and remove or renew
// an acceptance. Every fix is one WorkspaceEdit, so one undo reverts it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { SidecarAcceptance } from '../knowledge/policy';
import type { AcceptanceNote, DocumentAnalysis, Finding, KnowledgeBase } from '../model';
import { pathRelativeToPolicy } from '../review/paths';
import { addAcceptanceEdit, removeAcceptanceEdit, renewAcceptanceEdit } from '../review/policyEdits';
import { formatNote, parseNote, type NoteFields } from '../review/notes';
import { headerLineCount } from '../review/header';
import { addDays } from '../text';
import { DIAGNOSTIC_SOURCE, type FindingData } from './diagnostics';
import { t } from '../l10n';

export const OPEN_ADVISORY_COMMAND = 'vendorlens.openAdvisory';
export const SHOW_VENDOR_COMMAND = 'vendorlens.showVendor';
/** Past this many advisories in force, the rest are in the vendor's details. */
export const MAX_ADVISORY_ACTIONS = 3;
/** Asks the reviewer for reason, ticket and expiry, then applies `vendorlens/acceptanceEdit`. */
export const ACCEPT_FINDING_COMMAND = 'vendorlens.acceptFinding';

export type AcceptanceScope = 'line' | 'file';

export interface AcceptanceDefaults {
  today: string;
  reviewer?: string;
  /** Days until a new note expires. */
  expiryDays: number;
  /** The client prompts for the note (VS Code); otherwise a template note is inserted. */
  interactive: boolean;
}

/** Where review decisions for files without comments go, and its current text (undefined: no file yet). */
export interface PolicyTarget {
  uri: string;
  text?: string;
}

export type NoteInput = Omit<NoteFields, 'vendors'>;

export function findingFor(analysis: DocumentAnalysis, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<FindingData> | undefined;
  return analysis.findings.find((f) => f.id === data?.findingId);
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** The document's own line break, as its first one is written: CRLF, LF, or CR alone (classic Mac exports). */
export function eolOf(document: TextDocument): string {
  const text = document.getText();
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr < 0 || (lf >= 0 && lf < cr)) return '\n';
  return text[cr + 1] === '\n' ? '\r\n' : '\r';
}

const COMMENT_LEAD = /^[ \t]*[!#]+[ \t]*/;

function replaceLine(document: TextDocument, line: number, newText: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: lineText(document, line).length } }, newText };
}

/** Deletes a whole line with its line break; the last line takes the break before it instead (none after it). */
function deleteLine(document: TextDocument, line: number): TextEdit {
  if (line + 1 < document.lineCount) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const end = { line, character: lineText(document, line).length };
  const start = line > 0 ? { line: line - 1, character: lineText(document, line - 1).length } : { line, character: 0 };
  return { range: { start, end }, newText: '' };
}

/** Where the file's header ends (see review/header.ts): notes go at this line or below. */
function headerEnd(document: TextDocument, analysis: DocumentAnalysis): number {
  const lines: string[] = [];
  for (let line = 0; line < Math.min(document.lineCount, 61); line++) lines.push(lineText(document, line));
  return headerLineCount(lines, analysis.dialect.id);
}

/** Adds the vendor to an inline note already in place, or inserts a new one (below the file's header). */
function inlineNoteEdit(document: TextDocument, analysis: DocumentAnalysis, prefix: string, finding: Finding, requested: AcceptanceScope, note: NoteInput): TextEdit | undefined {
  const header = headerEnd(document, analysis);
  // A finding about the whole file, or on a header line (the device's version line), gets a note for the
  // whole file, below the header: a note above the header would push it down.
  const scope: AcceptanceScope = requested === 'line' && (finding.evidence.documentLevel || finding.range.start.line < header) ? 'file' : requested;
  const targetLine = scope === 'file' ? header : finding.range.start.line;
  const existingLine = scope === 'file' ? fileNoteLine(document) : targetLine - 1;
  if (existingLine !== undefined && existingLine >= 0) {
    const text = lineText(document, existingLine);
    const existing = parseNote(text, existingLine, note.on ?? '')?.note;
    if (existing && existing.scope === scope) {
      if (existing.vendors.includes(finding.vendorId) || existing.vendors.includes('*')) return undefined;
      const lead = COMMENT_LEAD.exec(text)?.[0] ?? `${prefix} `;
      return replaceLine(document, existingLine, lead + formatNote({ ...existing, vendors: [...existing.vendors, finding.vendorId] }, scope));
    }
  }
  const eol = eolOf(document);
  if (targetLine >= document.lineCount) {
    // The header is the whole file: the note goes after its last line.
    const last = document.lineCount - 1;
    const end = { line: last, character: lineText(document, last).length };
    return { range: { start: end, end }, newText: `${eol}${prefix} ${formatNote({ vendors: [finding.vendorId], ...note }, scope)}` };
  }
  const indent = scope === 'file' ? '' : /^[ \t]*/.exec(lineText(document, targetLine))![0];
  const position = { line: targetLine, character: 0 };
  return { range: { start: position, end: position }, newText: `${indent}${prefix} ${formatNote({ vendors: [finding.vendorId], ...note }, scope)}${eol}` };
}

function fileNoteLine(document: TextDocument): number | undefined {
  // File notes sit at the top; looking further would cost time on huge files for nothing.
  for (let line = 0; line < Math.min(document.lineCount, 80); line++) {
    if (/vendorlens-accept-file:/.test(lineText(document, line))) return line;
  }
  return undefined;
}

/**
 * Whether a comment on the line above the finding is a comment there. In configs every line is its own
 * field. In YAML and SPDX tag-value a value may run over several lines (a block scalar, <text>…</text>):
 * a comment line inserted inside it would become part of the value, so such findings, and those not on
 * the first line of their value, are accepted in the policy file instead.
 */
function inlineNoteFits(document: TextDocument, analysis: DocumentAnalysis, finding: Finding): boolean {
  if (analysis.format === 'text' || finding.evidence.documentLevel) return true;
  const fieldStart = document.positionAt(finding.evidence.field.offset);
  if (fieldStart.line !== finding.range.start.line) return false;
  // Something (a key, a "- " or a tag) must stand before the value on its line: else the value continues one from above.
  return lineText(document, fieldStart.line).slice(0, fieldStart.character).trim() !== '';
}

function policyEntry(document: TextDocument, finding: Finding, policy: PolicyTarget, note: NoteInput): SidecarAcceptance | undefined {
  const file = pathRelativeToPolicy(policy.uri, document.uri);
  if (file === undefined) return undefined;
  return { file, fingerprint: finding.fingerprint, vendor: finding.vendorId, evidence: finding.evidence.matched, ...note };
}

function editOf(uri: string, edit: TextEdit): WorkspaceEdit {
  return { changes: { [uri]: [edit] } };
}

/** The edit recording acceptance of `finding`: an inline note, or an entry in the policy file. */
export function acceptanceWorkspaceEdit(
  document: TextDocument,
  analysis: DocumentAnalysis,
  finding: Finding,
  scope: AcceptanceScope,
  note: NoteInput,
  policy: PolicyTarget | undefined,
): WorkspaceEdit | undefined {
  // Already accepted: a second accept (a repeated command, a stale action) adds nothing.
  if (finding.accepted) return undefined;
  if (analysis.commentPrefix && (scope === 'file' || inlineNoteFits(document, analysis, finding))) {
    const edit = inlineNoteEdit(document, analysis, analysis.commentPrefix, finding, scope, note);
    return edit && editOf(document.uri, edit);
  }
  if (!policy) return undefined;
  const entry = policyEntry(document, finding, policy, note);
  if (!entry) return undefined;
  const policyDocument = policy.text === undefined ? undefined : TextDocument.create(policy.uri, 'yaml', 0, policy.text);
  const edit = addAcceptanceEdit(policyDocument, entry);
  if (!edit) return undefined;
  if (policyDocument) return editOf(policy.uri, edit);
  return {
    documentChanges: [
      { kind: 'create', uri: policy.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: policy.uri, version: null }, edits: [edit] },
    ],
  };
}

function policyMatch(document: TextDocument, finding: Finding, policy: PolicyTarget) {
  const file = pathRelativeToPolicy(policy.uri, document.uri);
  return (a: SidecarAcceptance) => a.file === file && a.fingerprint === finding.fingerprint && a.vendor === finding.vendorId;
}

/** Removes the note that accepts `finding` (or just this vendor from a note that names several). */
export function removeAcceptanceWorkspaceEdit(document: TextDocument, finding: Finding, note: AcceptanceNote, policy: PolicyTarget | undefined): WorkspaceEdit | undefined {
  if (note.scope === 'policy') {
    if (!policy?.text) return undefined;
    const edit = removeAcceptanceEdit(TextDocument.create(policy.uri, 'yaml', 0, policy.text), policyMatch(document, finding, policy));
    return edit && editOf(policy.uri, edit);
  }
  const text = lineText(document, note.line);
  const others = note.vendors.filter((v) => v !== finding.vendorId && v !== '*');
  if (others.length === 0) return editOf(document.uri, deleteLine(document, note.line));
  const lead = COMMENT_LEAD.exec(text)?.[0] ?? '';
  return editOf(document.uri, replaceLine(document, note.line, lead + formatNote({ ...note, vendors: others }, note.scope)));
}

/** Moves the note's expiry to `expires`. */
export function renewAcceptanceWorkspaceEdit(document: TextDocument, finding: Finding, note: AcceptanceNote, expires: string, policy: PolicyTarget | undefined): WorkspaceEdit | undefined {
  if (note.scope === 'policy') {
    if (!policy?.text) return undefined;
    const edit = renewAcceptanceEdit(TextDocument.create(policy.uri, 'yaml', 0, policy.text), policyMatch(document, finding, policy), expires);
    return edit && editOf(policy.uri, edit);
  }
  const text = lineText(document, note.line);
  const lead = COMMENT_LEAD.exec(text)?.[0] ?? '';
  return editOf(document.uri, replaceLine(document, note.line, lead + formatNote({ ...note, expires }, note.scope)));
}

export function codeActionsFor(
  kb: KnowledgeBase,
  document: TextDocument,
  analysis: DocumentAnalysis,
  context: CodeActionContext,
  defaults: AcceptanceDefaults,
  policy: PolicyTarget | undefined,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const renewTo = addDays(defaults.today, defaults.expiryDays);
  for (const diagnostic of context.diagnostics) {
    const finding = findingFor(analysis, diagnostic);
    if (!finding) continue;
    const vendor = kb.vendorById.get(finding.vendorId);
    const quickFix = (title: string, rest: Partial<CodeAction>): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...rest });
    // A readable menu: the advisories in force (lead first, at most three), the review actions, then the
    // vendor's details, which list every advisory.
    finding.advisoriesInForce.slice(0, MAX_ADVISORY_ACTIONS).forEach((id, index) => {
      const advisory = kb.advisoryById.get(id);
      if (!advisory) return;
      actions.push(
        quickFix(t('Open advisory: {0}', advisory.shortTitle ?? advisory.instrument), {
          isPreferred: index === 0,
          command: { title: t('Open advisory'), command: OPEN_ADVISORY_COMMAND, arguments: [advisory.url] },
        }),
      );
    });
    const note = finding.accepted ?? finding.expiredNote;
    if (note) {
      const renew = renewAcceptanceWorkspaceEdit(document, finding, note, renewTo, policy);
      if (renew) actions.push(quickFix(t('Renew review note until {0}', renewTo), { edit: renew }));
      const remove = removeAcceptanceWorkspaceEdit(document, finding, note, policy);
      if (remove) actions.push(quickFix(t('Remove review note'), { edit: remove }));
    }
    if (!finding.accepted) {
      const scopes: AcceptanceScope[] = analysis.commentPrefix ? ['line', 'file'] : ['line'];
      for (const scope of scopes) {
        const title = scope === 'file' ? t('Accept for the whole file with review note…') : t('Accept with review note…');
        if (defaults.interactive) {
          actions.push(quickFix(title, { command: { title, command: ACCEPT_FINDING_COMMAND, arguments: [{ uri: document.uri, findingId: finding.id, scope }] } }));
          continue;
        }
        const edit = acceptanceWorkspaceEdit(document, analysis, finding, scope, {
          reason: t('TODO why this is acceptable'),
          expires: renewTo,
          by: defaults.reviewer,
          on: defaults.today,
        }, policy);
        if (edit) actions.push(quickFix(title, { edit }));
      }
    }
    if (vendor) {
      const shown = Math.min(finding.advisoriesInForce.length, MAX_ADVISORY_ACTIONS);
      const title = finding.advisoryIds.length > shown ? t('Show vendor details: {0} (all {1} advisories)', vendor.displayName, finding.advisoryIds.length) : t('Show vendor details: {0}', vendor.displayName);
      actions.push(quickFix(title, { command: { title: t('Show vendor details'), command: SHOW_VENDOR_COMMAND, arguments: [vendor.id] } }));
    }
  }
  return actions;
}
