// Evidence kind 'vendor-name': legal names, brands, aliases and names in other scripts,
// matched on word boundaries so that "Aztech" or "ztevision" never count as ZTE.
import type { Confidence, Evidence, Field, KnowledgeBase, NameKind, VendorName } from '../model';
import { NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { isBuildExclusionArgument, isInsideBuildExclusion } from './buildExclusions';
import { createLiteralSearch, type LiteralSearch } from '../regex/literalSearch';
import { boundedSource, flexibleNameSource, isUnspacedScript, phraseTrigger } from './patterns';
import { t } from '../l10n';
import namesakes from '../../../data/namesakes.json';

interface NameEntry {
  vendorId: string;
  name: VendorName;
}

interface NameGroup {
  regex: RegExp;
  /**
   * What any of the group's names contains (see phraseTrigger): the regex needs the slower `u` flag for
   * its word boundaries, and a field holds the names of one group at most, as a rule. Undefined: always run.
   */
  gate: LiteralSearch | undefined;
  caseSensitive: boolean;
  byKey: Map<string, NameEntry>;
}

// A function, not a table: t() must run after the host has loaded its translations.
function kindLabel(kind: NameKind): string {
  switch (kind) {
    case 'legal':
      return t('legal name');
    case 'brand':
      return t('brand');
    case 'alias':
      return t('name');
    case 'subsidiary':
      return t('subsidiary');
    case 'former':
      return t('former brand');
    case 'local-script':
      return t('name in local script');
  }
}

function keyOf(text: string, caseSensitive: boolean): string {
  const compact = text.replace(/\s+/g, '').replace(/\.$/, '');
  return caseSensitive ? compact : compact.toLowerCase();
}

function buildGroup(entries: NameEntry[], caseSensitive: boolean, unspaced: boolean): NameGroup | undefined {
  if (entries.length === 0) return undefined;
  const byKey = new Map<string, NameEntry>();
  for (const entry of entries) byKey.set(keyOf(entry.name.text, caseSensitive), entry);
  // Longest first, so a legal name wins over the brand it starts with.
  const sources = [...entries]
    .sort((a, b) => b.name.text.length - a.name.text.length)
    .map((e) => flexibleNameSource(e.name.text));
  const regex = new RegExp(boundedSource(sources, unspaced), caseSensitive ? 'gu' : 'giu');
  const trigger = phraseTrigger(entries.map((e) => e.name.text));
  const gate = trigger && createLiteralSearch(trigger.literals, { ignoreCase: true });
  return { regex, gate, caseSensitive, byKey };
}

/**
 * Author lists of citations write people "Surname, Given" joined by "and" ("Loy, Chen Change and Lin, Dahua}"):
 * there a name after "Surname, " is a person's given name (Dahua, Huawei are Chinese given names). A list is
 * an `author =`/`authors:` field or one with two more such pairs; "Cisco and Juniper, Huawei and ZTE" is none.
 */
const AUTHOR_FIELD = /\bauthors?\s*[=:]/i;
const AUTHOR_PAIR = /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]+, \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?\s+and\b/gu;
const SURNAME_BEFORE = /(?:[{"]|\band)\s*\p{Lu}[\p{L}'’-]+,\s*$/u;
const LIST_GOES_ON = /^(?:\s+and\b|\s*[}".]|\s*$)/u;
const LOOK_AROUND = 48;

function isAuthorList(text: string): boolean {
  if (AUTHOR_FIELD.test(text)) return true;
  AUTHOR_PAIR.lastIndex = 0;
  let pairs = 0;
  while (AUTHOR_PAIR.exec(text) && ++pairs < 2);
  return pairs >= 2;
}

/**
 * A vendor name can be someone's or somewhere's name (data/namesakes.json): a given name next to a Chinese surname
 * ("Dahua Lin", "Lin Dahua") is a person; a name followed by a place word ("Dahua Road", 大华路) is a street.
 * The surname must be written as a name (capital, then lower case) and end the word: "Huawei MA5800", "Huawei
 * Li-ion" are no person. Bounded look-arounds only: the text beside the match is sliced, never scanned.
 */
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMESAKE_LOOK_AROUND = 24;

/** Built with the matcher (not at module load), so the regex inventory of the ReDoS test sees them. */
function createNamesakeCheck(): (name: VendorName, text: string, start: number, end: number) => boolean {
  const wordEnd = '(?![\\p{L}\\p{N}_-])';
  const surnames = namesakes.surnames.map(escapeRegex).join('|');
  const surnameAfter = new RegExp(`^[ \\t]+(?:${surnames})${wordEnd}`, 'u');
  const surnameBefore = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${surnames})[ \\t]+$`, 'u');
  const spaced = namesakes.placeWords.filter((w) => !isUnspacedScript(w)).map(escapeRegex);
  const unspaced = namesakes.placeWords.filter((w) => isUnspacedScript(w)).map(escapeRegex);
  const placeAfterSpaced = new RegExp(`^[ \\t]+(?:${spaced.join('|')})\\.?${wordEnd}`, 'iu');
  const placeAfterUnspaced = new RegExp(`^(?:${unspaced.join('|')})`, 'u');
  const notPlace = new RegExp(`^[ \\t]*(?:${namesakes.notPlaceWords.map((w) => escapeRegex(w).replace(/ /g, '[ \\t]+')).join('|')})`, 'iu');
  return (name, text, start, end) => {
    if (name.kind === 'legal') return false;
    const after = text.slice(end, end + NAMESAKE_LOOK_AROUND);
    if (notPlace.test(after)) return false;
    if ((isUnspacedScript(name.text) ? placeAfterUnspaced : placeAfterSpaced).test(after)) return true;
    if (!name.givenName) return false;
    return surnameAfter.test(after) || surnameBefore.test(text.slice(Math.max(0, start - NAMESAKE_LOOK_AROUND), start));
  };
}

/** Two-character Chinese names (中兴, 大华) also occur inside unrelated company names. */
const SHORT_LOCAL_NAME = 2;

/**
 * A name ending in a company form ("Co., Ltd", "GmbH", "Corporation", "FZ-LLC") is a registered company's
 * name, as a registry, an invoice or an OUI listing writes it: as certain as the legal name, whatever the kind
 * (a subsidiary, an alias, a former name). Bare subsidiary and product names ("HiSilicon", "Quidway") are not.
 */
const COMPANY_FORM = /(?:\bco\.?,?\s*ltd|\bcompany|\bcorporation|\bcorp|\binc|\bllc|\bgmbh|\blimited|\bltd|\bzao|\bb\.v|\bs\.a|\bag)\.?$/i;

function confidenceOf(name: VendorName, field: Field): Confidence {
  if (field.role === 'comment') return 'low';
  if (field.role === 'maker' || name.kind === 'legal') return 'high';
  if (name.kind !== 'brand' && COMPANY_FORM.test(name.text.trim())) return 'high';
  if (name.kind === 'local-script' && [...name.text].length > SHORT_LOCAL_NAME) return 'high';
  return 'medium';
}

/**
 * Document level: a document that names another company sharing a vendor's name ("Shanghai Dahua Scale", vendors.yaml
 * `namesakeCompanies`) and holds no evidence of the vendor but its bare name (no legal name, model, MAC, OID…) means
 * that company by the bare name too: a scale program's "Dahua = 0" enum and "Dahua protocol" comments. Built with the
 * name matcher, so the regex inventory of the ReDoS test sees the regexes.
 */
type NamesakeDocumentFilter = (evidence: Evidence[], text: string) => Evidence[];
const namesakeDocumentFilters = new WeakMap<KnowledgeBase, NamesakeDocumentFilter>();

function createNamesakeDocumentFilter(kb: KnowledgeBase): NamesakeDocumentFilter {
  const companies = new Map<string, RegExp>();
  const bareNames = new Map<string, Set<string>>();
  for (const vendor of kb.vendors) {
    const names = (vendor.namesakeCompanies ?? []).filter((n) => n.trim() !== '');
    if (names.length === 0) continue;
    companies.set(vendor.id, new RegExp(names.map((n) => boundedSource([flexibleNameSource(n)], isUnspacedScript(n))).join('|'), 'iu'));
    const bare = vendor.names.filter((n) => n.kind !== 'legal' && (n.kind === 'brand' || !COMPANY_FORM.test(n.text.trim())));
    bareNames.set(vendor.id, new Set(bare.map((n) => keyOf(n.text, false))));
  }
  const isBareName = (e: Evidence) => e.kind === 'vendor-name' && bareNames.get(e.vendorId)!.has(keyOf(e.matched, false));
  return (evidence, text) => {
    if (companies.size === 0) return evidence;
    let namesakes: Set<string> | undefined;
    for (const [vendorId, company] of companies) {
      let seen = false;
      let bareOnly = true;
      for (const e of evidence) {
        if (e.vendorId !== vendorId) continue;
        seen = true;
        if (!isBareName(e) || !(e.also ?? []).every(isBareName)) {
          bareOnly = false;
          break;
        }
      }
      if (seen && bareOnly && company.test(text)) (namesakes ??= new Set()).add(vendorId);
    }
    return namesakes ? evidence.filter((e) => !namesakes!.has(e.vendorId)) : evidence;
  };
}

/** The evidence of a document without the bare-name mentions it makes of a namesake company (see above). */
export function withoutNamesakeMentions(kb: KnowledgeBase, evidence: Evidence[], text: string): Evidence[] {
  return namesakeDocumentFilter(kb)(evidence, text);
}

/** The knowledge base's namesake filter, built once. */
function namesakeDocumentFilter(kb: KnowledgeBase): NamesakeDocumentFilter {
  let filter = namesakeDocumentFilters.get(kb);
  if (!filter) namesakeDocumentFilters.set(kb, (filter = createNamesakeDocumentFilter(kb)));
  return filter;
}

export function createVendorNameMatcher(kb: KnowledgeBase): EvidenceMatcher {
  // Built with the matcher, so that the ReDoS test's regex inventory sees its regexes.
  namesakeDocumentFilter(kb);
  const spacedInsensitive: NameEntry[] = [];
  const spacedSensitive: NameEntry[] = [];
  const unspaced: NameEntry[] = [];
  const exclusions = new Map<string, RegExp>();
  for (const vendor of kb.vendors) {
    for (const name of vendor.names) {
      if (name.text.trim() === '') continue;
      const entry = { vendorId: vendor.id, name };
      if (isUnspacedScript(name.text)) unspaced.push(entry);
      else if (name.caseSensitive) spacedSensitive.push(entry);
      else spacedInsensitive.push(entry);
    }
    const exclusionNames = [...(vendor.exclusions ?? []), ...(vendor.namesakeCompanies ?? [])].filter((e) => e.trim() !== '');
    if (exclusionNames.length) {
      // Each bounded as its own script requires: 大华银行 sits inside running Chinese text with no spaces.
      const sources = exclusionNames.map((e) => boundedSource([flexibleNameSource(e)], isUnspacedScript(e)));
      exclusions.set(vendor.id, new RegExp(sources.join('|'), 'giu'));
    }
  }
  const groups = [
    buildGroup(spacedInsensitive, false, false),
    buildGroup(spacedSensitive, true, false),
    buildGroup(unspaced, false, true),
  ].filter((g): g is NameGroup => g !== undefined);
  const trigger = phraseTrigger(kb.vendors.flatMap((v) => v.names.map((n) => n.text)));
  const isNamesake = createNamesakeCheck();

  /** Where a vendor's exclusions occur in a text: found once per field, so the check stays linear. */
  function exclusionSpans(vendorId: string, text: string): [number, number][] {
    const regex = exclusions.get(vendorId);
    if (!regex) return [];
    const spans: [number, number][] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      spans.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) regex.lastIndex++;
    }
    return spans;
  }

  return {
    kind: 'vendor-name',
    trigger,
    match(field: Field): readonly Evidence[] {
      // A directory or file named for a maker ("tests/fixtures/huawei/", "parsers/huawei_vrp.py") is no maker's file.
      if (field.role === 'path') return NO_EVIDENCE;
      const found: Evidence[] = [];
      let authorList: boolean | undefined;
      let mayExclude: boolean | undefined;
      let inExclusionSection: boolean | undefined;
      const isGivenName = (start: number, end: number) =>
        SURNAME_BEFORE.test(field.text.slice(Math.max(0, start - LOOK_AROUND), start)) &&
        LIST_GOES_ON.test(field.text.slice(end, end + LOOK_AROUND)) &&
        (authorList ??= isAuthorList(field.text));
      const excluded = new Map<string, [number, number][]>();
      const isExcluded = (vendorId: string, start: number, end: number) => {
        let spans = excluded.get(vendorId);
        if (!spans) excluded.set(vendorId, (spans = exclusionSpans(vendorId, field.text)));
        return coveredBySpan(spans, start, end);
      };
      for (const group of groups) {
        if (group.gate && !group.gate.test(field.text)) continue;
        group.regex.lastIndex = 0;
        for (let m = group.regex.exec(field.text); m; m = group.regex.exec(field.text)) {
          // A name that is only spaces (the schema refuses it; a merged policy might not) matches nothing, and never loops.
          if (m[0].length === 0) {
            group.regex.lastIndex++;
            continue;
          }
          const entry = group.byKey.get(keyOf(m[0], group.caseSensitive));
          const start = m.index;
          const end = start + m[0].length;
          if (!entry || isExcluded(entry.vendorId, start, end) || (entry.name.kind !== 'legal' && isGivenName(start, end))) continue;
          if (isNamesake(entry.name, field.text, start, end)) continue;
          if ((mayExclude ??= /exclu/i.test(field.text)) && isBuildExclusionArgument(field.text, start)) continue;
          if ((inExclusionSection ??= isInsideBuildExclusion(field))) continue;
          const label = kindLabel(entry.name.kind);
          found.push({
            kind: 'vendor-name',
            vendorId: entry.vendorId,
            start: field.offset + start,
            end: field.offset + end,
            matched: m[0],
            confidence: confidenceOf(entry.name, field),
            detail: field.role === 'maker' ? t('{0} given as the maker', label) : label,
            field,
          });
        }
      }
      return found.length === 0 ? NO_EVIDENCE : dropContained(found);
    },
  };
}

/** Whether one of `spans` (sorted, not overlapping: the matches of one global regex) covers [start, end). */
function coveredBySpan(spans: readonly [number, number][], start: number, end: number): boolean {
  // The only candidate is the last span starting at or before `start`.
  let lo = 0;
  let hi = spans.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= start) {
      candidate = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return candidate >= 0 && spans[candidate]![1] >= end;
}

/** Where two names overlap (e.g. a case-sensitive brand inside a legal name), keep the longer. One sweep, linear after the sort. */
function dropContained(evidence: Evidence[]): Evidence[] {
  if (evidence.length < 2) return evidence;
  const byStart = [...evidence].sort((a, b) => a.start - b.start || b.end - a.end);
  const dropped = new Set<Evidence>();
  // Among the evidence seen so far (all starting at or before the current one): the furthest end, and
  // the earliest start of those ending there.
  let furthestEnd = -1;
  let earliestStartThere = Infinity;
  for (const e of byStart) {
    if (furthestEnd > e.end || (furthestEnd === e.end && earliestStartThere < e.start)) dropped.add(e);
    if (e.end > furthestEnd) {
      furthestEnd = e.end;
      earliestStartThere = e.start;
    } else if (e.end === furthestEnd) earliestStartThere = Math.min(earliestStartThere, e.start);
  }
  return dropped.size === 0 ? evidence : evidence.filter((e) => !dropped.has(e));
}
