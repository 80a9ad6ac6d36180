// The one-way pipeline: text → format module → evidence matchers → review (profile, notes) → findings.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectFormat, formatModule } from './formats/detect';
import type { ParsedDocument } from './formats/format';
import { createDialectMatcher } from './evidence/dialect';
import type { DocumentEvidenceMatcher, EvidenceMatcher } from './evidence/matcher';
import { createVendorNameMatcher } from './evidence/vendorNames';
import type { AcceptanceNote, DocumentAnalysis, DocumentProblem, Evidence, Field, Finding, KnowledgeBase, Profile } from './model';
import { NOTE_MARKER, noteCovers, parseNote } from './review/notes';
import { assessVendor } from './review/profiles';

export interface AnalysisOptions {
  profile: Profile;
  /** Today's date as YYYY-MM-DD, from the host's clock. */
  today: string;
  maxFindings: number;
}

export interface Matchers {
  /** Run over every field. */
  fields: EvidenceMatcher[];
  /** Run once over what the format module learnt about the whole document. */
  document: DocumentEvidenceMatcher[];
}

export function createMatchers(kb: KnowledgeBase): Matchers {
  return { fields: [createVendorNameMatcher(kb)], document: [createDialectMatcher(kb)] };
}

interface Notes {
  byLine: Map<number, AcceptanceNote[]>;
  file: AcceptanceNote[];
}

/** Separates review notes from the comments evidence is looked for in, and finds the line each note covers. */
function collectNotes(document: TextDocument, fields: Field[], today: string, problems: DocumentProblem[]): { notes: Notes; rest: Field[] } {
  const notes: Notes = { byLine: new Map(), file: [] };
  const rest: Field[] = [];
  let pending: AcceptanceNote[] = [];
  // Only notes and the line after them need a line number: computing one per field was a large share of the analysis time.
  const lineOf = (field: Field) => document.positionAt(field.offset).line;
  for (const field of fields) {
    if (field.role === 'comment' && field.text.includes(NOTE_MARKER)) {
      const parsed = parseNote(field.text, lineOf(field), today);
      if (parsed?.note) {
        if (parsed.note.scope === 'file') notes.file.push(parsed.note);
        else pending.push(parsed.note);
        continue;
      }
      if (parsed?.error) {
        problems.push({
          range: { start: document.positionAt(field.offset), end: document.positionAt(field.offset + field.text.length) },
          severity: 'warning',
          code: 'invalid-review-note',
          message: parsed.error,
        });
        continue;
      }
    }
    if (field.role !== 'comment' && pending.length > 0) {
      notes.byLine.set(lineOf(field), pending);
      pending = [];
    }
    rest.push(field);
  }
  return { notes, rest };
}

function findNote(notes: Notes, line: number, vendorId: string): AcceptanceNote | undefined {
  const candidates = [...(notes.byLine.get(line) ?? []), ...notes.file].filter((n) => noteCovers(n, vendorId));
  return candidates.find((n) => !n.expired) ?? candidates[0];
}

function describe(kb: KnowledgeBase, evidence: Evidence, advisoryIds: string[], inForce: number): string {
  const vendor = kb.vendorById.get(evidence.vendorId)!;
  const what = `${vendor.displayName}: ${evidence.detail} "${evidence.matched.replace(/\s+/g, ' ')}"`;
  if (vendor.status === 'borderline') return `${what} (borderline vendor, not named by an advisory)`;
  const first = kb.advisoryById.get(advisoryIds[0]!);
  if (!first) return what;
  const title = first.shortTitle ?? first.instrument;
  const more = advisoryIds.length > 1 ? ` and ${advisoryIds.length - 1} more` : '';
  const where = inForce > 0 ? '' : ' (none in force under the active profile)';
  return `${what}. ${title} (${first.jurisdiction.toUpperCase()}, ${first.date})${more}${where}`;
}

/** Document-level evidence first, then each field's, lazily so a findings cap stops the work. */
function* allEvidence(matchers: Matchers, parsed: ParsedDocument, fields: Field[], text: string): Generator<Evidence> {
  for (const matcher of matchers.document) yield* matcher.matchDocument(parsed, text);
  for (const field of fields) {
    for (const matcher of matchers.fields) {
      const found = matcher.match(field);
      // Most fields hold no evidence; delegating to an empty array's iterator would cost more than the match.
      if (found.length > 0) yield* found;
    }
  }
}

function noteSuffix(note: AcceptanceNote | undefined): string {
  if (!note) return '';
  const ticket = note.ticket ? `, ${note.ticket}` : '';
  if (note.expired) return ` [review note expired on ${note.expires}${ticket}]`;
  return ` [accepted: ${note.reason}${ticket}${note.expires ? `, until ${note.expires}` : ''}]`;
}

export function analyzeDocument(
  document: TextDocument,
  kb: KnowledgeBase,
  matchers: Matchers,
  options: AnalysisOptions,
): DocumentAnalysis {
  const text = document.getText();
  const format = detectFormat({ uri: document.uri, languageId: document.languageId, text });
  const parsed = formatModule(format).parse(text);
  const problems: DocumentProblem[] = parsed.problems.map((p) => ({
    range: { start: document.positionAt(p.start), end: document.positionAt(p.end) },
    severity: p.severity,
    code: p.code,
    message: p.message,
  }));
  const { notes, rest } = collectNotes(document, parsed.fields, options.today, problems);

  const findings: Finding[] = [];
  let truncated = false;
  for (const evidence of allEvidence(matchers, parsed, rest, text)) {
    if (findings.length >= options.maxFindings) {
      truncated = true;
      break;
    }
    const vendor = kb.vendorById.get(evidence.vendorId)!;
    const assessment = assessVendor(kb, options.profile, vendor);
    const range = { start: document.positionAt(evidence.start), end: document.positionAt(evidence.end) };
    const note = findNote(notes, range.start.line, vendor.id);
    const accepted = note && !note.expired ? note : undefined;
    const advisoryIds = assessment.advisories.map((a) => a.id);
    findings.push({
      id: `${vendor.id}:${evidence.kind}:${evidence.start}-${evidence.end}`,
      range,
      vendorId: vendor.id,
      evidence,
      severity: accepted ? 'information' : assessment.severity,
      advisoryIds,
      advisoriesInForce: assessment.inForce.map((a) => a.id),
      message: describe(kb, evidence, advisoryIds, assessment.inForce.length) + noteSuffix(note),
      accepted,
      expiredNote: note?.expired ? note : undefined,
    });
  }
  if (truncated) {
    problems.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'information',
      code: 'too-many-findings',
      message: `Only the first ${options.maxFindings} findings are shown for this file.`,
    });
  }
  return {
    uri: document.uri,
    version: document.version,
    format,
    dialect: parsed.dialect,
    findings,
    problems,
    commentPrefix: parsed.commentPrefix,
  };
}
