// The one-way pipeline: text → format module → evidence matchers → review (profile, notes) → findings.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { detectFormat, formatModule } from './formats/detect';
import { UNKNOWN_DIALECT, type LineFilter, type ParsedDocument } from './formats/format';
import { createAsnMatcher } from './evidence/asns';
import { createBannerMatcher } from './evidence/banners';
import { createDialectMatcher } from './evidence/dialect';
import { createDomainMatcher } from './evidence/domains';
import { createMacAddressMatcher } from './evidence/macAddresses';
import type { DocumentEvidenceMatcher, EvidenceMatcher } from './evidence/matcher';
import { keepStrongest } from './evidence/overlap';
import { createLiteralSearch } from './regex/literalSearch';
import { createProductModelMatcher } from './evidence/productModels';
import { createSnmpOidMatcher } from './evidence/snmpOids';
import { createPonSerialMatcher } from './evidence/ponSerials';
import { createAndroidHostNameMatcher } from './evidence/androidHostNames';
import { createVendorNameMatcher, withoutNamesakeMentions } from './evidence/vendorNames';
import { createPartNumberMatcher } from './evidence/partNumbers';
import { createOemRelabelMatcher } from './evidence/oemRelabels';
import { createCpeMatcher } from './evidence/cpe';
import { createPurlMatcher } from './evidence/purl';
import type { AcceptanceNote, DocumentAnalysis, DocumentProblem, Evidence, Field, Finding, FindingSeverity, FormatId, KnowledgeBase, Profile, Vendor } from './model';
import { NOTE_MARKER, noteCovers, parseNote } from './review/notes';
import { evidenceFingerprint, subjectFingerprint } from './review/fingerprint';
import { assessVendor, type SeverityOverrides, type VendorAssessment } from './review/profiles';
import type { SidecarAcceptance } from './knowledge/policy';
import { t } from './l10n';
import { OWN_ADDRESS_LABEL } from './subjects/addresses';
import { groupBySubject } from './subjects/group';
import { subjectPhrase } from './subjects/describe';
import { createLineLocator, positionInText } from './text';
import { BINARY_SNIFF_CHARS, looksBinary } from './textBytes';

export interface AnalysisOptions {
  /** Active profiles: an advisory is in force when any of them puts it in force. */
  profiles: readonly Profile[];
  overrides: SeverityOverrides;
  /** Review decisions from the policy file that apply to this document. */
  policyAcceptances: readonly SidecarAcceptance[];
  /** False in Restricted Mode: notes and policy decisions are shown but cannot lower a severity. */
  trusted: boolean;
  /** Today's date as YYYY-MM-DD, from the host's clock. */
  today: string;
  maxFindings: number;
  /** Documents longer than this (in UTF-16 code units) are not analysed; a problem says why. */
  maxDocumentSize?: number;
  /** How long one document's analysis may take; checked between fields, so no file freezes the host. */
  timeBudgetMs?: number;
  /** Milliseconds from any fixed point (the host's clock); tests pass their own. */
  clock?: () => number;
}

export const DEFAULT_TIME_BUDGET_MS = 10_000;

/** Evidence read per finding allowed, at most: grouping folds several pieces into one finding. */
const EVIDENCE_PER_FINDING = 8;

/** Subjects whose findings are keyed by the subject's identity, not by the line of one piece of evidence. */
const GROUPED_SUBJECTS: ReadonlySet<string> = new Set(['device', 'neighbour', 'host']);

export interface Matchers {
  /** Run over every field where one of their triggers occurs. */
  fields: EvidenceMatcher[];
  /** Run once over what the format module learnt about the whole document. */
  document: DocumentEvidenceMatcher[];
  /** All field matchers' triggers at once (undefined when one matcher has none): where evidence can be. */
  trigger?: CombinedTrigger;
}

/** Where evidence can be, for all field matchers at once: one literal search plus the few part patterns. */
export interface CombinedTrigger {
  /** Whether a field's text holds a trigger; `part`: the field is a part value (see Trigger.partPatterns). */
  test(text: string, part?: boolean): boolean;
  /**
   * Offsets inside each occurrence in a text (sorted): every line holding a trigger, or a review note's
   * marker, holds one. `parts`: the text's format has part values (a BOM table), so part patterns count.
   */
  occurrences(text: string, parts: boolean): number[];
  /**
   * Which field matchers can find evidence in a text that holds a trigger, as bits by their index in
   * Matchers.fields: those whose own literals occur, and those that look for shapes or part patterns.
   */
  matchersIn(text: string): number;
}

/** Matchers past this many are always run: their bits would not fit. */
const MAX_MASKED_MATCHERS = 30;

function combinedTrigger(fields: readonly EvidenceMatcher[]): CombinedTrigger | undefined {
  if (fields.some((m) => m.trigger === undefined)) return undefined;
  // Each literal with the matchers it is a trigger of. The review-note marker rides along (of none), so that
  // one pass over a document finds notes too.
  const matchersOf = new Map<string, number>([[NOTE_MARKER, 0]]);
  let always = 0;
  fields.forEach((m, k) => {
    // Past the bits there are: every matcher runs wherever a trigger occurs.
    if (k >= MAX_MASKED_MATCHERS) always = -1;
    const bit = k < MAX_MASKED_MATCHERS ? 1 << k : 0;
    if (m.trigger!.shapes?.length || m.trigger!.partPatterns?.length) always |= bit;
    for (const literal of m.trigger!.literals) matchersOf.set(literal, (matchersOf.get(literal) ?? 0) | bit);
  });
  const literals = [...matchersOf.keys()];
  const masks = Int32Array.from(literals, (literal) => matchersOf.get(literal)!);
  const search = createLiteralSearch(literals, { ignoreCase: true, shapes: fields.flatMap((m) => m.trigger!.shapes ?? []) });
  const sources = fields.flatMap((m) => m.trigger!.partPatterns ?? []);
  const pattern = sources.length > 0 ? new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gi') : undefined;
  return {
    test(text, part = false) {
      if (search.test(text)) return true;
      if (!pattern || !part) return false;
      pattern.lastIndex = 0;
      return pattern.test(text);
    },
    occurrences(text, parts) {
      const at = search.ends(text);
      if (!pattern || !parts) return at;
      const literalsFound = at.length;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        at.push(m.index);
        if (m[0].length === 0) pattern.lastIndex++;
      }
      return literalsFound === 0 || literalsFound === at.length ? at : at.sort((a, b) => a - b);
    },
    matchersIn(text) {
      return always | search.union(text, masks);
    },
  };
}

/**
 * The matchers of a knowledge base; with `additions` (Restricted Mode: what an untrusted policy adds), its
 * field matchers run beside the others, so their matches only ever add evidence.
 */
export function createMatchers(kb: KnowledgeBase, additions?: KnowledgeBase): Matchers {
  const fields: EvidenceMatcher[] = [
    ...fieldMatchers(kb),
    ...(additions ? fieldMatchers(additions) : []),
  ];
  return { fields, document: [createDialectMatcher(kb)], trigger: combinedTrigger(fields) };
}

function fieldMatchers(kb: KnowledgeBase): EvidenceMatcher[] {
  return [
    createBannerMatcher(kb),
    createVendorNameMatcher(kb),
    createProductModelMatcher(kb),
    createSnmpOidMatcher(kb),
    createPonSerialMatcher(kb),
    createMacAddressMatcher(kb),
    createAndroidHostNameMatcher(kb),
    createDomainMatcher(kb),
    createAsnMatcher(kb),
    createPartNumberMatcher(kb),
    createOemRelabelMatcher(kb),
    createCpeMatcher(kb),
    createPurlMatcher(kb),
  ];
}

/**
 * The lines of a document that need to be fields: those where a trigger occurs, those holding a review
 * note, and the line after a note (the line it covers). One search of the whole text for each, instead
 * of a field and ten matchers per line.
 */
class LinesToRead implements LineFilter {
  readonly lastWanted: number;
  readonly only: readonly number[] | undefined;
  private next = 0;
  private nextNote = 0;
  private afterNote = false;

  constructor(
    private readonly starts: readonly number[],
    private readonly notes: readonly number[],
    textLength: number,
  ) {
    // After the last trigger nothing is wanted, unless a note comes later (the line below it is wanted).
    this.lastWanted = notes.length > 0 ? textLength : (starts.at(-1) ?? -1);
    this.only = notes.length > 0 ? undefined : starts;
  }

  wants(start: number, end: number): boolean {
    while (this.next < this.starts.length && this.starts[this.next]! < start) this.next++;
    while (this.nextNote < this.notes.length && this.notes[this.nextNote]! < start) this.nextNote++;
    const covered = this.afterNote;
    this.afterNote = this.nextNote < this.notes.length && this.notes[this.nextNote]! < end;
    return covered || this.afterNote || (this.next < this.starts.length && this.starts[this.next]! < end);
  }
}

function linesToRead(text: string, trigger: CombinedTrigger, parts: boolean): LineFilter {
  const occurrences = trigger.occurrences(text, parts);
  const notes: number[] = [];
  for (const at of occurrences) {
    const start = at - NOTE_MARKER.length + 1;
    if (start >= 0 && text.startsWith(NOTE_MARKER, start)) notes.push(start);
  }
  return new LinesToRead(occurrences, notes, text.length);
}

interface Notes {
  byLine: Map<number, AcceptanceNote[]>;
  file: AcceptanceNote[];
}

type PositionOf = (offset: number, field?: Field, documentLevel?: boolean) => Position;

/**
 * Where offsets are, without the document's line table when that can be avoided: building it is a pass
 * over the whole text and an array of every line, for the few positions a file's findings need. A
 * whole-line field knows its line; document-level evidence sits near the start, and is counted; other
 * offsets come mostly in order, and line breaks are counted up to each (createLineLocator).
 */
function positionsIn(document: TextDocument): PositionOf {
  const text = document.getText();
  const counted = createLineLocator(text, (offset) => document.positionAt(offset));
  return (offset, field, documentLevel) => {
    if (field?.line !== undefined && offset >= field.offset && offset <= field.offset + field.text.length) {
      return { line: field.line, character: offset - field.offset };
    }
    if (documentLevel && offset <= COUNTED_PREFIX) return positionInText(text, offset);
    return counted(offset);
  };
}

const COUNTED_PREFIX = 64 * 1024;


/** Separates review notes from the comments evidence is looked for in, and finds the line each note covers. */
function collectNotes(document: TextDocument, positionOf: PositionOf, fields: Field[], today: string, problems: DocumentProblem[]): { notes: Notes; rest: Field[] } {
  const notes: Notes = { byLine: new Map(), file: [] };
  const rest: Field[] = [];
  let pending: AcceptanceNote[] = [];
  // Only notes and the line after them need a line number: computing one per field was a large share of the analysis time.
  const lineOf = (field: Field) => positionOf(field.offset, field).line;
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
    // A note covers the line right below it (other notes aside), a comment line too: accepting a finding in a
    // comment must not silently accept the next code line instead.
    if (pending.length > 0) {
      notes.byLine.set(lineOf(field), pending);
      pending = [];
    }
    rest.push(field);
  }
  return { notes, rest };
}

/** The policy's acceptances by fingerprint, built once per list: a policy can hold hundreds of thousands. */
const acceptancesByFingerprint = new WeakMap<readonly SidecarAcceptance[], Map<string, SidecarAcceptance[]>>();

function policyAcceptancesOf(acceptances: readonly SidecarAcceptance[], fingerprint: string): readonly SidecarAcceptance[] {
  if (acceptances.length === 0) return acceptances;
  let index = acceptancesByFingerprint.get(acceptances);
  if (!index) {
    index = new Map();
    for (const a of acceptances) {
      const list = index.get(a.fingerprint);
      if (list) list.push(a);
      else index.set(a.fingerprint, [a]);
    }
    acceptancesByFingerprint.set(acceptances, index);
  }
  return index.get(fingerprint) ?? [];
}

function findNote(notes: Notes, linesOf: () => readonly number[], vendorId: string, fingerprint: string, options: AnalysisOptions): AcceptanceNote | undefined {
  // Most documents hold no note and most runs have no policy decisions: asked once per finding.
  if (notes.byLine.size === 0 && notes.file.length === 0 && options.policyAcceptances.length === 0) return undefined;
  const fromPolicy = policyAcceptancesOf(options.policyAcceptances, fingerprint)
    .filter((a) => a.vendor === vendorId)
    .map((a): AcceptanceNote => ({
      vendors: [a.vendor],
      reason: a.reason,
      ticket: a.ticket,
      expires: a.expires,
      by: a.by,
      on: a.on,
      line: -1,
      scope: 'policy',
      expired: a.expires !== undefined && a.expires < options.today,
    }));
  const candidates = [...linesOf().flatMap((line) => notes.byLine.get(line) ?? []), ...notes.file, ...fromPolicy].filter((n) => noteCovers(n, vendorId));
  return candidates.find((n) => !n.expired) ?? candidates[0];
}

/** For a low-confidence finding: what would confirm it, by the kind of evidence. */
function wouldConfirm(kind: Evidence['kind']): string {
  switch (kind) {
    case 'vendor-name':
      return t('the maker named in a manufacturer or description field');
    case 'dialect':
    case 'banner':
    case 'snmp-oid':
      return t("the device's own version output (display version, show version) or banner");
    case 'model':
      return t("the maker's name next to the model, or the device's version output");
    case 'mac-oui':
      return t('the device behind the address (its LLDP or CDP entry, or an inventory record)');
    default:
      return t('the record the identifier names');
  }
}

/**
 * What a finding says after its subject: the lead advisory (see orderAdvisories), why a category rule links
 * it, and whether it is in force under the active profiles. The same for every finding of a vendor in a
 * document: computed once per vendor. The other advisories are in the finding's advisoryIds (the vendor
 * details view and the reports list them).
 */
function leadAdvisory(kb: KnowledgeBase, vendor: Vendor, assessment: VendorAssessment, profiles: readonly Profile[]): { text: string; borderline: boolean } {
  const first = assessment.advisories[0];
  if (vendor.status === 'borderline' && (!first || !assessment.inForce.includes(first))) return { text: '', borderline: true };
  if (!first) return { text: '', borderline: false };
  const title = first.shortTitle ?? first.instrument;
  let advisory = t('{0} ({1}, {2})', title, first.jurisdiction.toUpperCase(), first.date);
  const link = kb.categoryLinks.get(vendor.id)?.get(first.id);
  if (link) advisory += t(' [by product category: {0} from {1}, not named]', link.categories.join(', '), link.country.toUpperCase());
  if (!assessment.inForce.includes(first)) advisory += t(', not in force under {0}', profiles.map((p) => p.id).join(','));
  return { text: advisory, borderline: false };
}

/** The finding's message: what and where in a reviewer's words (subjects/describe.ts), then the lead advisory. */
function describe(kb: KnowledgeBase, evidence: Evidence, lead: { text: string; borderline: boolean }): string {
  const found = subjectPhrase(kb, evidence);
  const what = evidence.confidence === 'low' ? t('Possible {0} (low confidence; {1} would confirm it)', found, evidence.wouldConfirm ?? wouldConfirm(evidence.kind)) : found;
  if (lead.borderline) return t('{0} (borderline vendor, not named by an advisory)', what);
  return lead.text ? `${what}. ${lead.text}` : what;
}

/** A BOM row (of a sheet, in a spreadsheet), or a single line: one finding per vendor in it (see evidence/overlap.ts). */
function placeOf(field: Field): number | string {
  // A number where it can be: this runs for every line of every file.
  if (!field.row) return -1 - field.offset;
  return field.cell ? `${field.cell.sheet}!${field.row.row}` : field.row.row;
}

/**
 * A MAC block registered to a vendor that the document's own (dialect) vendor is related to may be that
 * device's own address: H3C began as the Huawei-3Com joint venture and its equipment can carry Huawei
 * blocks. Such a match stays visible, at low confidence, with the reason.
 */
function qualifyByDocument(kb: KnowledgeBase, evidence: Evidence, documentLevel: readonly Evidence[]): Evidence {
  if (evidence.kind !== 'mac-oui') return evidence;
  const owner = relatedDocumentVendor(kb, evidence.vendorId, documentLevel);
  if (!owner) return evidence;
  const why = t("this {0} document's own equipment may carry {1} MAC blocks (related vendors)", owner.displayName, kb.vendorById.get(evidence.vendorId)!.displayName);
  return { ...evidence, confidence: 'low', reasons: [...(evidence.reasons ?? []), why] };
}

/** The document's own (dialect) vendor when it is related to `vendorId`, e.g. H3C for a Huawei MAC block. */
function relatedDocumentVendor(kb: KnowledgeBase, vendorId: string, documentLevel: readonly Evidence[]): Vendor | undefined {
  // A loop, not map and find: asked for every MAC address found.
  for (const d of documentLevel) {
    const v = kb.vendorById.get(d.vendorId);
    if (v !== undefined && v.id !== vendorId && (v.relatedTo ?? []).includes(vendorId)) return v;
  }
  return undefined;
}

/**
 * A device's own address in a related vendor's MAC block belongs to that device: an H3C/HPE Comware
 * switch whose manuinfo MAC is in Huawei's 00E0FC block (Huawei-3Com heritage) is an H3C switch, not
 * Huawei equipment. The finding moves to the document's vendor and still names the block's registrant.
 */
function attributeOwnAddress(kb: KnowledgeBase, evidence: Evidence, documentLevel: readonly Evidence[]): Evidence {
  if (evidence.kind !== 'mac-oui') return evidence;
  const owner = relatedDocumentVendor(kb, evidence.vendorId, documentLevel);
  if (!owner) return evidence;
  const before = evidence.field.text.slice(0, evidence.start - evidence.field.offset);
  if (!OWN_ADDRESS_LABEL.test(before)) return evidence;
  const registrant = kb.vendorById.get(evidence.vendorId)!.displayName;
  return {
    ...evidence,
    vendorId: owner.id,
    confidence: 'medium',
    detail: `the device's own ${evidence.detail}`,
    reasons: [...(evidence.reasons ?? []), `${owner.displayName} equipment can carry ${registrant} MAC blocks (related vendors); the label marks the device's own address`],
  };
}

/** Stops the evidence search when the document's time is up, and remembers where. */
interface Budget {
  exceeded(): boolean;
  /** Offset of the first field left unchecked. */
  stoppedAt?: number;
}

/**
 * The budget reads the clock once in this many questions (one per field): a field takes microseconds,
 * reading the clock a tenth of one (a dense scan read it hundreds of thousands of times), a budget seconds.
 */
export const FIELDS_PER_CLOCK_READ = 32;

function createBudget(options: AnalysisOptions): Budget {
  const clock = options.clock ?? (() => Date.now());
  const deadline = clock() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  let asked = 0;
  let over = false;
  // The first question (is the time up after reading?) reads it.
  return { exceeded: () => over || (asked++ % FIELDS_PER_CLOCK_READ === 0 && (over = clock() > deadline)) };
}

/** Document-level evidence first, then each place's, each handed to `visit` (a callback, not a generator: no object per piece). */
function visitEvidence(kb: KnowledgeBase, matchers: Matchers, parsed: ParsedDocument, fields: Field[], text: string, budget: Budget, visit: (evidence: Evidence) => void): void {
  const documentLevel = matchers.document.flatMap((matcher) => matcher.matchDocument(parsed, text));
  for (const evidence of documentLevel) visit(evidence);
  let place: number | string | undefined;
  let pending: Evidence[] = [];
  const flush = () => keepStrongest(pending.map((e) => qualifyByDocument(kb, attributeOwnAddress(kb, e, documentLevel), documentLevel)), documentLevel);
  for (const field of fields) {
    if (budget.exceeded()) {
      if (pending.length > 0) flush().forEach(visit);
      budget.stoppedAt = field.offset;
      return;
    }
    const here = placeOf(field);
    if (here !== place && pending.length > 0) {
      flush().forEach(visit);
      pending = [];
    }
    place = here;
    if (matchers.trigger && !matchers.trigger.test(field.text, field.role === 'part')) continue;
    // Only the matchers whose own trigger occurs: a MAC table's line is no product model's.
    const which = matchers.trigger ? matchers.trigger.matchersIn(field.text) : -1;
    for (let k = 0; k < matchers.fields.length; k++) {
      if (k < MAX_MASKED_MATCHERS && (which & (1 << k)) === 0) continue;
      // A loop, not push(...found): a field may hold more evidence than a call can take arguments.
      for (const evidence of matchers.fields[k]!.match(field)) pending.push(evidence);
    }
  }
  if (pending.length > 0) flush().forEach(visit);
}

/** A low-confidence finding is never an error: it is a "possible" finding at information level (DESIGN). */
function severityOf(evidence: Evidence, severity: FindingSeverity): FindingSeverity {
  return evidence.confidence === 'low' && (severity === 'error' || severity === 'warning') ? 'information' : severity;
}

function noteSuffix(note: AcceptanceNote | undefined, trusted: boolean): string {
  if (!note) return '';
  const ticket = note.ticket ? `, ${note.ticket}` : '';
  if (note.expired) return ` [${t('review note expired on {0}', note.expires ?? '')}${ticket}]`;
  if (!trusted) return ` [${t('review note not applied in Restricted Mode')}]`;
  const until = note.expires ? `, ${t('until {0}', note.expires)}` : '';
  return ` [${t('accepted: {0}', note.reason)}${ticket}${until}]`;
}

/** A document its host has already parsed: a spreadsheet, whose text is the view of its cells. */
export interface PreparedDocument {
  format: FormatId;
  parsed: ParsedDocument;
}

function parseText(document: TextDocument, text: string, matchers: Matchers): PreparedDocument {
  const format = detectFormat({ uri: document.uri, languageId: document.languageId, text });
  return { format, parsed: formatModule(format).parse(text, matchers.trigger && linesToRead(text, matchers.trigger, format !== 'text')) };
}

/** Why a document is not analysed at all: too large, or not text. */
function skipReason(text: string, options: AnalysisOptions): DocumentProblem | undefined {
  const start = { line: 0, character: 0 };
  if (options.maxDocumentSize !== undefined && text.length > options.maxDocumentSize) {
    return {
      range: { start, end: start },
      severity: 'information',
      code: 'skipped-too-large',
      message: `Not analysed: this file is ${megabytes(text.length)}, over the limit of ${megabytes(options.maxDocumentSize)} (setting vendorlens.maxFileSizeMB).`,
    };
  }
  if (looksBinary(text.slice(0, BINARY_SNIFF_CHARS))) {
    return { range: { start, end: start }, severity: 'information', code: 'skipped-binary', message: 'Not analysed: this looks like a binary file (it holds NUL characters).' };
  }
  return undefined;
}

function megabytes(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(length < 1024 * 1024 ? 2 : 1)} MB`;
}

/** An analysis with nothing but one problem: for documents skipped or that could not be analysed. */
export function problemOnlyAnalysis(document: TextDocument, format: DocumentAnalysis['format'], problem: DocumentProblem): DocumentAnalysis {
  return { uri: document.uri, version: document.version, format, dialect: UNKNOWN_DIALECT, findings: [], problems: [problem] };
}

/**
 * The diagnostic of a file with more findings than vendorlens.maxFindingsPerFile: how many are shown and
 * how many more there are. Exact when all evidence was grouped; otherwise the groups past the cap are a
 * lower bound (more evidence only adds findings or folds into them) and the evidence never grouped is
 * counted as matches, an upper bound on the findings it could add.
 */
export function findingsCapProblem(shown: number, moreFindings: number, moreMatches: number, cutShort: boolean): DocumentProblem | undefined {
  if (moreFindings <= 0 && moreMatches <= 0) return undefined;
  let message: string;
  if (moreMatches > 0) {
    message =
      moreFindings > 0
        ? t('Only the first {0} findings are shown for this file; at least {1} more are left out, besides {2} further matches that were only counted (vendorlens.maxFindingsPerFile).', shown, moreFindings, moreMatches)
        : t('Only the first {0} findings are shown for this file; {1} further matches were only counted, not made into findings (vendorlens.maxFindingsPerFile).', shown, moreMatches);
  } else if (cutShort) {
    message = t('Only the first {0} findings are shown for this file; at least {1} more are left out (vendorlens.maxFindingsPerFile).', shown, moreFindings);
  } else {
    message = t('Only the first {0} of {1} findings are shown for this file; {2} more are left out (vendorlens.maxFindingsPerFile).', shown, shown + moreFindings, moreFindings);
  }
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: 'information', code: 'too-many-findings', message };
}

export function analyzeDocument(
  document: TextDocument,
  kb: KnowledgeBase,
  matchers: Matchers,
  options: AnalysisOptions,
  prepared?: PreparedDocument,
): DocumentAnalysis {
  const budget = createBudget(options);
  const text = document.getText();
  if (!prepared) {
    const skipped = skipReason(text, options);
    if (skipped) return problemOnlyAnalysis(document, detectFormat({ uri: document.uri, languageId: document.languageId, text }), skipped);
  }
  const { format, parsed } = prepared ?? parseText(document, text, matchers);
  const problems: DocumentProblem[] = parsed.problems.map((p) => {
    const problem: DocumentProblem = {
      range: { start: document.positionAt(p.start), end: document.positionAt(p.end) },
      severity: p.severity,
      code: p.code,
      message: p.message,
    };
    if (p.place) problem.place = p.place;
    return problem;
  });
  const positionOf = positionsIn(document);
  const { notes, rest } = collectNotes(document, positionOf, parsed.fields, options.today, problems);

  const findings: Finding[] = [];
  /** Per vendor: the same for each of its findings in the document. */
  const assessments = new Map<string, { assessment: VendorAssessment; lead: { text: string; borderline: boolean }; advisoryIds: string[]; inForceIds: string[] }>();
  // Evidence is grouped by subject once all of it is in (an ARP row can come long after the MAC table's);
  // the cap on evidence kept keeps a file full of matches from holding them all. Past it, evidence is only
  // counted, so that the cap's diagnostic can say how much more there is.
  const collected: Evidence[] = [];
  let uncollected = 0;
  visitEvidence(kb, matchers, parsed, rest, text, budget, (evidence) => {
    if (collected.length >= options.maxFindings * EVIDENCE_PER_FINDING) uncollected++;
    else collected.push(evidence);
  });
  const grouped = groupBySubject(kb, withoutNamesakeMentions(kb, collected, text), { text, format, dialect: parsed.dialect });
  for (const evidence of grouped) {
    if (findings.length >= options.maxFindings) break;
    const vendor = kb.vendorById.get(evidence.vendorId)!;
    // In Restricted Mode the workspace's own policy cannot lower what the bundled knowledge says.
    let known = assessments.get(vendor.id);
    if (!known) {
      const assessment = assessVendor(kb, options.profiles, vendor, options.trusted ? options.overrides : {});
      // The advisory lists are the vendor's, shared by its findings (no finding changes them).
      known = { assessment, lead: leadAdvisory(kb, vendor, assessment, options.profiles), advisoryIds: assessment.advisories.map((a) => a.id), inForceIds: assessment.inForce.map((a) => a.id) };
      assessments.set(vendor.id, known);
    }
    const { assessment, lead, advisoryIds, inForceIds } = known;
    const range = { start: positionOf(evidence.start, evidence.field, evidence.documentLevel), end: positionOf(evidence.end, evidence.field, evidence.documentLevel) };
    // Worded now, not when read: a getter here held the whole analysis (text, fields) alive with the finding,
    // and a dense scan then copied twice as much into the old generation.
    const related = (evidence.also ?? []).map((e) => ({
      range: { start: positionOf(e.start, e.field, e.documentLevel), end: positionOf(e.end, e.field, e.documentLevel) },
      message: t('Also {0} "{1}"', e.detail, e.matched.replace(/\s+/g, ' ')),
    }));
    const subject = evidence.subject;
    const fingerprint = subject && GROUPED_SUBJECTS.has(subject.kind) ? subjectFingerprint(evidence.vendorId, subject, evidence) : evidenceFingerprint(evidence);
    // A note on the line of any of the subject's evidence covers it: grouping must not orphan a note.
    const note = findNote(notes, () => [range.start.line, ...related.map((r) => r.range.start.line)], vendor.id, fingerprint, options);
    const applies = note !== undefined && !note.expired && options.trusted;
    const accepted = applies ? note : undefined;
    findings.push({
      id: `${vendor.id}:${evidence.kind}:${evidence.start}-${evidence.end}`,
      range,
      vendorId: vendor.id,
      evidence,
      // A low-confidence finding is never more than information: a "possible" finding (see describe).
      severity: accepted ? 'information' : severityOf(evidence, assessment.severity),
      advisoryIds,
      advisoriesInForce: inForceIds,
      message: describe(kb, evidence, lead) + noteSuffix(note, options.trusted),
      fingerprint,
      accepted,
      expiredNote: note?.expired ? note : undefined,
      untrustedNote: note && !note.expired && !options.trusted ? note : undefined,
      severityNote: options.trusted ? assessment.overriddenBy : undefined,
      related,
      ...(subject ? { subject } : {}),
    });
  }
  if (budget.stoppedAt !== undefined) {
    const at = document.positionAt(budget.stoppedAt);
    const limit = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    const nothingChecked = rest.length > 0 && budget.stoppedAt <= rest[0]!.offset;
    problems.push({
      range: { start: at, end: at },
      severity: 'warning',
      code: 'analysis-cut-short',
      message: nothingChecked
        ? `Analysis cut short: reading this file took its whole time budget of ${limit} ms, so no line was checked. Split the file to have it analysed.`
        : `Analysis cut short: it took longer than its time budget of ${limit} ms, so line ${at.line + 1} and everything after it was not checked. The findings before it are shown.`,
    });
  }
  const cap = findingsCapProblem(findings.length, grouped.length - findings.length, uncollected, budget.stoppedAt !== undefined);
  if (cap) problems.push(cap);
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
