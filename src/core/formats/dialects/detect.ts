// Recognises a config dialect by content alone (never by file name): each dialect's fingerprints are
// tested once against the head of the document, their weights added up, and the best score wins when
// it is strong enough and clearly ahead of the runner-up.
import type { Confidence, DialectDetection, DialectSection } from '../../model';
import dialectData from '../../../../data/generated/dialects.json';
import { STRONG, type DialectSpec, type Fingerprint } from './fingerprint';
import { compileDialects, type DialectBundle } from './load';
import { readSentCommands } from './sentCommands';
import { t } from '../../l10n';
import { createLiteralSearch, type LiteralSearch } from '../../regex/literalSearch';
import { requiredLiteralSets } from '../../regex/requiredLiteral';
import { positionInText } from '../../text';

/** Every dialect, from data/dialects/ (bundled as data/generated/dialects.json), in the order index.yaml lists them. */
export const DIALECTS: readonly DialectSpec[] = compileDialects(dialectData as unknown as DialectBundle);

const BY_ID = new Map(DIALECTS.map((d) => [d.id, d]));

export function dialectSpec(id: string): DialectSpec | undefined {
  return BY_ID.get(id);
}

/** Headers, banners and the first sections decide; the rest of a large file adds nothing but time. */
export const SAMPLE_CHARS = 16 * 1024;
/**
 * Most configs say what they are in their first lines: the first look reads this much, and a file it
 * leaves undecided, or decided with low confidence, is read to SAMPLE_CHARS. (Over the benchmark's
 * configs, detection on 8 KB took 96 ms against 176 on 16 KB; a 4 KB look takes less again.)
 */
export const FIRST_LOOK_CHARS = 4 * 1024;
/** Below this total a dialect is not claimed. */
const MIN_SCORE = 4;
/** A winner closer than this to the runner-up is ambiguous (e.g. only signals VRP and Comware share). */
const MIN_MARGIN = 2;
const MAX_REASONS = 6;

interface Signal {
  fingerprint: Fingerprint;
  start: number;
  end: number;
}

interface Score {
  spec: DialectSpec;
  score: number;
  strongest: number;
  signals: Signal[];
}

/**
 * Blanks out what a capture quotes about *other* devices (LLDP/CDP system descriptions, their port ids
 * and versions), keeping offsets: a VRP capture that lists a Cisco neighbour is still VRP.
 */
export function maskNeighbourText(sample: string): string {
  // Every maker's field names for a neighbour: IOS, NX-OS, Junos, Comware, VRP ("System Description",
  // "Port ID"), EOS and EXOS with a "- " bullet, lldpd's lldpctl ("SysDescr", "PortID", "PortDescr"),
  // ArubaOS-Switch ("System Descr", "PortId") and AOS-CX ("Neighbor Chassis-Description", "Neighbor
  // Port-ID"); EOS also heads each neighbour with "Neighbor <chassis>/<port id>, age …".
  // "Version:" and "Platform:" open a neighbour's text only in a neighbour listing; elsewhere (a device's
  // own "get system status", "show version") they are the device's own.
  const listing = /^[ \t]*(?:- )?(?:Device ID|System Name|SysName|Chassis ?[Ii][Dd]|Neighbor index|Neighbor Chassis-Name)[ \t]*[:=]/m.test(sample);
  const opener = listing
    ? /^[ \t]*(?:- )?(?:(?:System [Dd]escription|System Descr|SysDescr|Neighbor Chassis-Description|Port [Ii][Dd]|PortI[Dd]|Neighbor Port-ID|Port [Dd]escription|PortDescr|Neighbor Port-Desc|Version|Platform)[ \t]*[:=]|Neighbor [\w.:-]+\/(?="))/
    : /^[ \t]*(?:- )?(?:System [Dd]escription|System Descr|SysDescr|Neighbor Chassis-Description|Port [Ii][Dd]|PortI[Dd]|Neighbor Port-ID|Port [Dd]escription|PortDescr|Neighbor Port-Desc)[ \t]*[:=]/;
  const closer =
    /^[ \t]*(?:- )?(?:System [Cc]apabilit|Capabilit|Enabled Capabilities|Chassis Capabilities|Time remaining|Time To Live|TTL|Management [Aa]ddress|Management IP|MgmtIP|Port [Ii][Dd]|PortI[Dd]|PortDescr|SysName|Neighbor |Interface:|Holdtime|Local Intf)/;
  if (!new RegExp(opener.source, 'm').test(sample)) return sample;
  const chars = sample.split('');
  let masking = 0;
  let lineStart = 0;
  for (let i = 0; i <= sample.length; i++) {
    if (i < sample.length && sample[i] !== '\n') continue;
    const line = sample.slice(lineStart, i);
    const open = opener.exec(line);
    if (open) {
      for (let j = lineStart + open[0].length; j < i; j++) if (chars[j] !== '\r') chars[j] = ' ';
      masking = /(?:Description|Descr|Version)[ \t]*[:=]/.test(open[0]) ? 6 : 0;
    } else if (masking > 0 && line.trim() !== '' && !closer.test(line)) {
      for (let j = lineStart; j < i; j++) if (chars[j] !== '\r') chars[j] = ' ';
      masking--;
    } else {
      masking = 0;
    }
    lineStart = i + 1;
  }
  return chars.join('');
}

/** Where a fingerprint's match places a finding: its `anchor` group, else the whole match without surrounding spaces. */
export function anchorOf(match: RegExpExecArray): { start: number; end: number } {
  const anchor = match.groups?.anchor;
  if (anchor !== undefined) {
    const at = match[0].indexOf(anchor);
    if (at >= 0) return { start: match.index + at, end: match.index + at + anchor.length };
  }
  const lead = match[0].length - match[0].trimStart().length;
  return { start: match.index + lead, end: match.index + match[0].trimEnd().length };
}

/**
 * Every distinct fingerprint regex, numbered once (those written alike in several dialects, as `^!$`,
 * share a number), with the literals it needs (one of them; none: always run). One search for all the
 * literals tells which regexes can match a sample: most fingerprints are absent from most samples, and
 * only the fingerprints whose regex can match are looked at. The search ignores case for all: a literal
 * present only in another case lets its regex run and decide.
 */
interface RegexTable {
  regexes: RegExp[];
  /** Per literal, the regexes whose first (most selective) set holds it. */
  neededBy: number[][];
  /** Per regex, its other sets (literal numbers), each of which must have a literal present too. */
  alsoNeeded: (number[][] | undefined)[];
  /** The regexes that need no literal: tried on every sample. */
  always: number[];
  /** Per regex, the fingerprints that use it as theirs (not as a gate), in dialect and table order. */
  usedBy: { dialect: number; order: number; fingerprint: Fingerprint; gate: number | undefined }[][];
  search: LiteralSearch;
}

/** The literal sets of every fingerprint regex, by `flags/source`, as JSON inlined by the build (scripts/lib/dialect-literals.mjs). */
declare const VENDORLENS_DIALECT_LITERALS: string | undefined;

type LiteralSets = readonly (readonly string[])[];

function literalSetsOf(regex: RegExp, text: string, built: Record<string, LiteralSets | null> | undefined): LiteralSets | undefined {
  if (built && Object.prototype.hasOwnProperty.call(built, text)) return built[text] ?? undefined;
  return requiredLiteralSets(regex);
}

function regexTable(dialects: readonly DialectSpec[]): RegexTable {
  const built = typeof VENDORLENS_DIALECT_LITERALS === 'string' ? (JSON.parse(VENDORLENS_DIALECT_LITERALS) as Record<string, LiteralSets | null>) : undefined;
  const byText = new Map<string, number>();
  const regexes: RegExp[] = [];
  // Per regex, per set, the numbers of its literals.
  const needs: (number[][] | undefined)[] = [];
  const literals: string[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (literal: string): number => {
    let n = numbers.get(literal);
    if (n === undefined) numbers.set(literal, (n = literals.push(literal) - 1));
    return n;
  };
  const idOf = (regex: RegExp): number => {
    const text = `${regex.flags}/${regex.source}`;
    let id = byText.get(text);
    if (id === undefined) {
      id = regexes.length;
      byText.set(text, id);
      regexes.push(regex);
      needs.push(literalSetsOf(regex, text, built)?.map((set) => set.map(numberOf)));
    }
    return id;
  };
  const usedBy: RegexTable['usedBy'] = [];
  dialects.forEach((spec, dialect) =>
    spec.fingerprints.forEach((fingerprint, order) => {
      const gate = fingerprint.gate ? idOf(fingerprint.gate) : undefined;
      const id = idOf(fingerprint.regex);
      (usedBy[id] ??= []).push({ dialect, order, fingerprint, gate });
    }),
  );
  const neededBy: number[][] = literals.map(() => []);
  const alsoNeeded: (number[][] | undefined)[] = [];
  const always: number[] = [];
  needs.forEach((sets, id) => {
    if (!sets) return void always.push(id);
    for (const literal of sets[0]!) neededBy[literal]!.push(id);
    if (sets.length > 1) alsoNeeded[id] = sets.slice(1);
  });
  return { regexes, neededBy, alsoNeeded, always, usedBy, search: createLiteralSearch(literals, { ignoreCase: true }) };
}

let table: RegexTable | undefined;
/** Built on the first detection: a run that reads no plain text (BOMs only) never pays for it. */
function fingerprintTable(): RegexTable {
  return (table ??= regexTable(DIALECTS));
}

/**
 * Per regex, the number of the sample that made it a candidate and of the sample its result is for: the
 * arrays are kept between samples (one detection at a time, synchronously), not allocated per sample.
 */
let candidateIn = new Uint32Array(0);
let resultIn = new Uint32Array(0);
let results: (RegExpExecArray | null)[] = [];
let samples = 0;

/** Each distinct regex run at most once per sample, none with a set of literals all absent. */
function createMatcher(sample: string): { regexes: RegexTable; candidates: number[]; find(id: number): RegExpExecArray | null } {
  const regexes = fingerprintTable();
  if (candidateIn.length !== regexes.regexes.length || ++samples === 0xffffffff) {
    candidateIn = new Uint32Array(regexes.regexes.length);
    resultIn = new Uint32Array(regexes.regexes.length);
    results = new Array<RegExpExecArray | null>(regexes.regexes.length).fill(null);
    samples = 1;
  }
  const current = samples;
  // A match holds its sample, and the sample its file's text: none is kept past the next sample.
  results.fill(null);
  // A regex is a candidate when a literal of each of its sets is present (or it needs none).
  const candidates = [...regexes.always];
  for (const id of candidates) candidateIn[id] = current;
  const present = regexes.search.present(sample);
  for (const literal of present) {
    for (const id of regexes.neededBy[literal]!) {
      if (candidateIn[id] === current) continue;
      candidateIn[id] = current;
      const also = regexes.alsoNeeded[id];
      if (also && !also.every((set) => set.some((other) => present.has(other)))) continue;
      candidates.push(id);
    }
  }
  return {
    regexes,
    candidates,
    find(id) {
      if (resultIn[id] === current) return results[id]!;
      let match: RegExpExecArray | null = null;
      if (candidateIn[id] === current) {
        const regex = regexes.regexes[id]!;
        regex.lastIndex = 0;
        match = regex.exec(sample);
      }
      resultIn[id] = current;
      results[id] = match;
      return match;
    },
  };
}

/** Every dialect's score on a sample, looking only at the fingerprints whose regex can match it. */
function scoreDialects(matcher: ReturnType<typeof createMatcher>): Score[] {
  const found: { order: number; fingerprint: Fingerprint; match: RegExpExecArray }[][] = DIALECTS.map(() => []);
  for (const id of matcher.candidates) {
    const users = matcher.regexes.usedBy[id];
    if (!users) continue; // only a gate
    // A gate is cheaper than its regex: tried first.
    const open = users.filter((use) => use.gate === undefined || matcher.find(use.gate));
    if (open.length === 0) continue;
    const match = matcher.find(id);
    if (!match) continue;
    for (const use of open) found[use.dialect]!.push({ order: use.order, fingerprint: use.fingerprint, match });
  }
  return DIALECTS.map((spec, i) => scoreDialect(spec, found[i]!.sort((a, b) => a.order - b.order)));
}

function scoreDialect(spec: DialectSpec, matched: readonly { fingerprint: Fingerprint; match: RegExpExecArray }[]): Score {
  const signals: Signal[] = [];
  const corroborating: Signal[] = [];
  let penalty = 0;
  for (const { fingerprint, match } of matched) {
    if (fingerprint.weight < 0) penalty += fingerprint.weight;
    else (fingerprint.corroborates || fingerprint.generic ? corroborating : signals).push({ fingerprint, ...anchorOf(match) });
  }
  if (signals.length > 0) signals.push(...corroborating);
  const score = signals.reduce((sum, s) => sum + s.fingerprint.weight, signals.length > 0 ? penalty : 0);
  const strongest = signals.reduce((max, s) => Math.max(max, s.fingerprint.weight), 0);
  return { spec, score, strongest, signals };
}

/** Enough to claim: a strong signal, or two signals that are not generic syntax (such as "!" or "end"). */
function qualifies(s: Score): boolean {
  return s.score >= MIN_SCORE && (s.strongest >= STRONG || s.signals.filter((signal) => !signal.fingerprint.generic).length >= 2);
}

function confidenceOf(best: Score, margin: number): Confidence {
  if (best.signals.every((s) => s.fingerprint.imitated || s.fingerprint.corroborates || s.fingerprint.generic)) return 'low';
  if ((best.strongest >= 9 || best.score >= 14) && margin >= 6) return 'high';
  if (best.score >= 7 && margin >= 3) return 'medium';
  return 'low';
}


function describe(best: Score, runnerUp: Score | undefined, sample: string): string[] {
  const ordered = [...best.signals].sort((a, b) => b.fingerprint.weight - a.fingerprint.weight || a.start - b.start);
  const reasons = ordered.slice(0, MAX_REASONS).map((s) => t('{0} (line {1})', s.fingerprint.reason, positionInText(sample, s.start).line + 1));
  const versus = runnerUp && runnerUp.score > 0 ? `; ${t('next best {0} {1}', runnerUp.spec.label, runnerUp.score)}` : '';
  reasons.push(`${t('score {0} for {1}', best.score, best.spec.label)}${versus}`);
  return reasons;
}

export function detectDialect(text: string): DialectDetection {
  const firstLook = detectInSample(text.slice(0, FIRST_LOOK_CHARS));
  const decided = firstLook.id !== 'unknown' && firstLook.confidence !== 'low';
  const detection = decided || text.length <= FIRST_LOOK_CHARS ? firstLook : detectInSample(text.slice(0, SAMPLE_CHARS));
  const sections = deviceSections(text);
  if (!sections) return detection;
  // Several devices of different dialects: the document is its first device's; the others report their own.
  const first = sections.find((s) => s.detection.id !== 'unknown')!.detection;
  return { ...shifted(first, 0), sections };
}

/** A section's detection with its anchor moved by `offset`; its reasons still worked out only when read. */
function shifted(d: DialectDetection, offset: number): DialectDetection {
  const anchor = d.anchor && { start: d.anchor.start + offset, end: d.anchor.end + offset };
  return {
    id: d.id,
    confidence: d.confidence,
    get reasons() {
      return d.reasons;
    },
    ...(anchor ? { anchor } : {}),
  };
}

/**
 * A prompt with a command after it, naming its host: "<host>dis …", "host#show …", "host>sh …",
 * "RP/0/RSP0/CPU0:host#…", "user@host> show …", "[admin@host] /ip> …", "FGT # get …".
 */
const PROMPT =
  /^[ \t]*(?:<(?<vrp>[\w.:/()-]+)>|(?:RP\/\d+\/RS?P\d+\/CPU\d+:)?(?<ios>[A-Za-z][\w.-]*)(?:\([\w-]+\))?[ ]?[#>]|[\w.-]+@(?<junos>[\w.-]+)[>#]|\[[\w.-]+@(?<ros>[^\]\n]+)\][^>\n]*>)[ \t]*(?:dis|disp|display|sh|sho|show|get|diag|diagnose|execute|ping|print|\/)/;
/** At most this many device sections are told apart in one file. */
const MAX_SECTIONS = 32;
/** Captures longer than this are cut into device sections only as far as this. */
const SECTION_SCAN_CHARS = 4 * 1024 * 1024;

function holdsPromptCharacter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ || c === 62 /* > */) return true;
  }
  return false;
}

/**
 * A file of several devices' captures, cut where the host its prompts name changes, each part detected on
 * its own; undefined unless at least two parts are recognised as different dialects.
 */
function deviceSections(text: string): DialectSection[] | undefined {
  const cuts: { start: number; host: string }[] = [];
  const limit = Math.min(text.length, SECTION_SCAN_CHARS);
  for (let start = 0; start < limit; ) {
    // A file with no prompt in its head is no capture file (configs, BOMs): the rest is not read.
    if (cuts.length === 0 && start >= SAMPLE_CHARS) return undefined;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Most lines are not prompts: only short lines holding a prompt character are tried.
    if (end - start < 300 && holdsPromptCharacter(text, start, end)) {
      const m = PROMPT.exec(text.slice(start, end));
      const host = m?.groups && (m.groups.vrp ?? m.groups.ios ?? m.groups.junos ?? m.groups.ros);
      if (host && host !== cuts[cuts.length - 1]?.host) {
        // Past this many devices the rest stays with the last one: each section costs a detection.
        if (cuts.length === MAX_SECTIONS) break;
        cuts.push({ start: cuts.length === 0 ? 0 : start, host });
      }
    }
    start = end + 1;
  }
  if (new Set(cuts.map((c) => c.host)).size < 2) return undefined;
  const sections: DialectSection[] = cuts.map((cut, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1]!.start : text.length;
    const detection = shifted(detectInSample(text.slice(cut.start, Math.min(end, cut.start + SAMPLE_CHARS))), cut.start);
    return { start: cut.start, end, host: cut.host, detection };
  });
  const recognised = new Set(sections.map((s) => s.detection.id).filter((id) => id !== 'unknown'));
  return recognised.size >= 2 ? sections : undefined;
}

function detectInSample(head: string): DialectDetection {
  const sample = readSentCommands(maskNeighbourText(head));
  const scores = scoreDialects(createMatcher(sample)).sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scores as [Score, Score];
  if (!qualifies(best)) return { id: 'unknown', confidence: 'low', reasons: [] };
  const margin = best.score - (runnerUp?.score ?? 0);
  // A runner-up close behind, claimable or not, makes the winner doubtful.
  if (runnerUp && runnerUp.score >= MIN_SCORE && margin < MIN_MARGIN) {
    return {
      id: 'unknown',
      confidence: 'low',
      reasons: [t('ambiguous: {0} {1} vs {2} {3}', best.spec.label, best.score, runnerUp.spec.label, runnerUp.score)],
    };
  }
  const top = [...best.signals].sort((a, b) => b.fingerprint.weight - a.fingerprint.weight || a.start - b.start)[0]!;
  let reasons: string[] | undefined;
  return {
    id: best.spec.id,
    confidence: confidenceOf(best, margin),
    // Worked out when read (a hover, a flagged dialect's finding): a scan of thousands of configs reads few.
    get reasons() {
      return (reasons ??= describe(best, runnerUp, sample));
    },
    anchor: { start: top.start, end: top.end },
  };
}

/**
 * What the detector saw in a text, for a reviewer asking why a file was not recognised: the best-scoring
 * dialects (up to `top`) with the signals that scored, as 'Huawei VRP 5: "sysname" …, …'.
 */
export function explainDialect(text: string, top = 3): string[] {
  const sample = readSentCommands(maskNeighbourText(text.slice(0, SAMPLE_CHARS)));
  return scoreDialects(createMatcher(sample))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, top)
    .map((s) => `${s.spec.label} ${s.score}: ${s.signals.map((signal) => `${signal.fingerprint.reason} ×${signal.fingerprint.weight}`).join(', ')}`);
}
