// Evidence that describes one thing becomes one finding about that thing: the device whose config or
// capture the file is, each LLDP/CDP neighbour, each host known by its MAC address, each BOM row or
// component. Runs once per document after the evidence is collected; linear in the evidence (plus one
// pass over a capture's lines for its neighbour entries). Never merges two subjects (two neighbours, two
// MACs) and never two vendors: the key of a group always holds the vendor.
import type { DialectDetection, Evidence, FormatId, KnowledgeBase, Subject, SubjectIdentifiers } from '../model';
import { t } from '../l10n';
import { normaliseMac } from '../evidence/macAddresses';
import { ponSerialOf } from '../evidence/ponSerials';
import { stronger } from '../evidence/overlap';
import { copyEvidence, foldInto, MAX_ALSO } from '../evidence/matcher';
import { dialectSpec } from '../formats/dialects/detect';
import { ADDRESS_HEADER_WORD, addressSighting, isAddressTableHeader, OWN_ADDRESS_LABEL } from './addresses';
import { kindOfFamily, kindOfVendor } from './deviceKind';
import { endsTable, holdsEntrySign, NEIGHBOUR_HEADER_WORD, neighbourEntries, SIGN_REACH, neighbourTableHeader, neighbourTableRow, type NeighbourEntry, type NeighbourTable } from './neighbours';

/** The BOM formats whose items are components (CycloneDX, SPDX packages) rather than rows. */
const COMPONENT_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>(['cyclonedx-json', 'cyclonedx-xml', 'spdx-tag-value', 'spdx-json', 'spdx-yaml', 'spdx3-json']);

/** How many lines below a version banner its model line may be ("HUAWEI S5735-L48T4X-A1 Routing Switch uptime is …"). */
const BANNER_REACH_LINES = 4;
/** A hover lists this many folded-in pieces of evidence; the count of the rest is given. */
/** How much of a text is looked at for its own host name and whether it is a capture. */
const HEAD_CHARS = 64 * 1024;

export interface GroupContext {
  text: string;
  format: FormatId;
  dialect: DialectDetection;
}

interface Group {
  key: string;
  subject: Subject;
  items: Evidence[];
}

/** Index of the entry holding `offset`, or -1 (entries are sorted and disjoint). */
function entryAt(entries: readonly NeighbourEntry[], offset: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid]!;
    if (offset < e.start) hi = mid - 1;
    else if (offset > e.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the device section holding `offset`, or -1 (sections are sorted and disjoint). */
function sectionAt(dialect: DialectDetection, offset: number): number {
  const sections = dialect.sections ?? [];
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The host a config names (sysname, hostname) or its prompts name. */
function ownHostname(text: string): string | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const named = /^[ \t]*(?:sysname|hostname)[ \t]+"?([\w.\-]+)"?[ \t]*$/im.exec(head);
  if (named) return named[1];
  const prompt = /^(?:<([\w.\-]+)>|\[~?\*?([\w.\-]+)\]|([\w.\-]+)#)[ \t]*(?:show|display|sh|dis)\b/im.exec(head);
  return prompt ? (prompt[1] ?? prompt[2] ?? prompt[3]) : undefined;
}

function isCapture(text: string): boolean {
  return /^(?:<[\w.\-]+>|\[~?\*?[\w.\-]+\]|[\w.\-]+(?:@[\w.\-]+)?[#>])[ \t]*(?:show|display|sh|dis)\b/im.test(text.slice(0, HEAD_CHARS));
}

function isOwnAddress(evidence: Evidence): boolean {
  if (evidence.kind !== 'mac-oui') return false;
  return OWN_ADDRESS_LABEL.test(evidence.field.text.slice(0, evidence.start - evidence.field.offset));
}

function lineOf(evidence: Evidence): number | undefined {
  return evidence.field.line;
}

/** Fills the identifiers `into` lacks from `from`. */
function fill(into: SubjectIdentifiers, from: SubjectIdentifiers): void {
  for (const [key, value] of Object.entries(from) as [keyof SubjectIdentifiers, never][]) {
    if (value !== undefined && into[key] === undefined) into[key] = value;
  }
}

function bomSubject(evidence: Evidence, format: FormatId): Subject {
  const row = evidence.field.row!;
  const ids: SubjectIdentifiers = {};
  const component = COMPONENT_FORMATS.has(format);
  if (!component && !row.label) ids.row = row.row;
  if (row.label) ids.label = row.label;
  const model = row.part ?? (evidence.kind === 'model' || evidence.kind === 'oem-relabel' ? evidence.matched : undefined);
  if (model) ids.model = model.trim();
  const deviceKind = kindOfFamily(evidence.family);
  return { kind: component ? 'component' : 'bom-item', identifiers: ids, ...(deviceKind ? { deviceKind } : {}) };
}

/** Puts the strongest evidence first and folds the rest into it (`also`, with a reason each). */
function fold(group: Group): Evidence {
  const documentLevel = group.items.find((e) => e.documentLevel);
  const primary = documentLevel ?? group.items.reduce((a, b) => (stronger(b, a) ? b : a));
  const others: Evidence[] = [];
  for (const e of group.items) {
    if (e === primary) continue;
    const plain = copyEvidence(e);
    plain.also = undefined;
    others.push(plain, ...(e.also ?? []));
  }
  const all = [...(primary.also ?? []), ...others];
  if (all.length === 0 && primary.subject === group.subject) return primary;
  const folded = copyEvidence(primary);
  folded.subject = group.subject;
  if (all.length > 0) {
    folded.also = all.slice(0, MAX_ALSO);
    // The lines name the group's other evidence; the count covers what the leader had folded in too.
    foldInto(folded, others, all.length);
  }
  return folded;
}

/** A word some table header needs: an address table's (its MAC column) or a neighbour table's (the neighbour's name or chassis id). */
const TABLE_HEADER_WORD = new RegExp(`${ADDRESS_HEADER_WORD.source}|${NEIGHBOUR_HEADER_WORD.source}`, 'gi');

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/** The starts of the lines before `until` that hold a table header's word, in order: the only lines that can open a table. */
function tableHeaderCandidates(text: string, until: number): number[] {
  const starts: number[] = [];
  TABLE_HEADER_WORD.lastIndex = 0;
  for (let m = TABLE_HEADER_WORD.exec(text); m && m.index < until; m = TABLE_HEADER_WORD.exec(text)) {
    starts.push(text.lastIndexOf('\n', m.index - 1) + 1);
    const end = text.indexOf('\n', m.index);
    if (end < 0) break;
    TABLE_HEADER_WORD.lastIndex = end + 1;
  }
  return starts;
}

/**
 * Groups the evidence of one document by the device or product it describes; each group's evidence
 * becomes one (the strongest, with the others folded in) carrying its subject.
 */
export function groupBySubject(kb: KnowledgeBase, evidence: readonly Evidence[], context: GroupContext): Evidence[] {
  if (evidence.length === 0) return [];
  const text = context.format === 'text' ? context.text : '';
  // Only evidence in the body can sit in a neighbour entry or a table: a config whose only evidence is its
  // dialect is not read again, and nothing past the last evidence is.
  let lastBodyOffset = -1;
  for (const e of evidence) if (!e.documentLevel && e.start > lastBodyOffset) lastBodyOffset = e.start;
  // The lines that can open a table, as far as an entry's sign counts: one pass finds both, as every line
  // with a sign holds a table header's word.
  const candidates = text && lastBodyOffset >= 0 ? tableHeaderCandidates(text, lastBodyOffset + SIGN_REACH) : [];
  const signed = candidates.some((start) => holdsEntrySign(text.slice(start, lineEnd(text, start))));
  const entries = signed ? neighbourEntries(text, lastBodyOffset, true) : [];
  const groups = new Map<string, Group>();
  const order: Group[] = [];
  /** Per device group: the line of its last version banner, so that the model line under it joins it. */
  const bannerLine = new Map<string, number>();
  let hostname: string | undefined | null = null;
  // The table the evidence sits in (its header line above, no blank line or prompt between): a cursor
  // over the lines, moving forward only.
  let headerCursor = 0;
  let header: string | undefined;
  let table: NeighbourTable | undefined;
  // Only a line naming a MAC column or a neighbour (name, chassis id) can open a table: outside a table
  // the cursor jumps from one such line to the next instead of testing every line of a long config.
  let nextCandidate = 0;
  const tableAbove = (offset: number): void => {
    while (headerCursor < offset) {
      if (!header && !table) {
        while (nextCandidate < candidates.length && candidates[nextCandidate]! < headerCursor) nextCandidate++;
        const jump = candidates[nextCandidate];
        if (jump === undefined || jump >= offset) {
          // No line before the evidence's own can open a table: the cursor waits at that line's start.
          headerCursor = Math.max(headerCursor, text.lastIndexOf('\n', offset - 1) + 1);
          break;
        }
        headerCursor = jump;
      }
      const end = text.indexOf('\n', headerCursor);
      if (end < 0 || end >= offset) break;
      const line = text.slice(headerCursor, end).replace(/\r$/, '');
      if (endsTable(line)) {
        header = undefined;
        table = undefined;
      } else if (isAddressTableHeader(line)) {
        header = line;
        table = undefined;
      } else {
        const opened = neighbourTableHeader(line);
        if (opened) {
          table = opened;
          header = undefined;
        }
      }
      headerCursor = end + 1;
    }
  };
  let capture: boolean | undefined;
  const add = (key: string, make: () => Subject, e: Evidence) => {
    let group = groups.get(key);
    if (!group) {
      group = { key, subject: make(), items: [] };
      groups.set(key, group);
      order.push(group);
    }
    group.items.push(e);
    return group;
  };
  const deviceSubject = (section: number, vendorId: string): Subject => {
    const detected = section >= 0 ? context.dialect.sections![section]!.detection : context.dialect;
    const ids: SubjectIdentifiers = {};
    const host = section >= 0 ? context.dialect.sections![section]!.host : (hostname === null ? (hostname = ownHostname(text)) : hostname);
    if (host) ids.hostname = host;
    const spec = dialectSpec(detected.id);
    const ownsDialect = (kb.vendorById.get(vendorId)?.dialects ?? []).includes(detected.id);
    if (spec && ownsDialect) ids.label = spec.label;
    capture ??= isCapture(text);
    return { kind: 'device', identifiers: ids, seenAs: capture ? 'capture' : 'configuration' };
  };

  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    const vendor = e.vendorId;
    const entry = e.documentLevel ? -1 : entryAt(entries, e.start);
    if (entry >= 0) {
      const found = entries[entry]!;
      add(`n${entry}\0${vendor}`, () => ({ kind: 'neighbour', identifiers: { ...found.identifiers }, seenAs: found.protocol }), e);
      continue;
    }
    if (!text) {
      if (e.field.row) add(`r${i}`, () => bomSubject(e, context.format), e);
      else add(`t${i}`, () => ({ kind: 'text', identifiers: {} }), e);
      continue;
    }
    const section = sectionAt(context.dialect, e.start);
    const deviceKey = `d${section}\0${vendor}`;
    const line = lineOf(e);
    const underBanner = line !== undefined && bannerLine.has(deviceKey) && line - bannerLine.get(deviceKey)! <= BANNER_REACH_LINES && (e.kind === 'model' || e.kind === 'vendor-name');
    if (e.documentLevel || e.kind === 'banner' || isOwnAddress(e) || underBanner) {
      add(deviceKey, () => deviceSubject(section, vendor), e);
      if (e.kind === 'banner' && line !== undefined) bannerLine.set(deviceKey, line);
      continue;
    }
    tableAbove(e.field.offset);
    if (table) {
      const row = neighbourTableRow(e.field.text, table);
      if (row.hostname || row.mac) {
        const protocol = table.protocol;
        add(`l${e.field.offset}\0${vendor}`, () => ({ kind: 'neighbour', identifiers: row, seenAs: protocol }), e);
        continue;
      }
    }
    if (e.kind === 'mac-oui') {
      const hex = normaliseMac(e.matched);
      const sighting = addressSighting(e.field.text, e.start - e.field.offset, e.end - e.field.offset, header);
      const group = add(`h${hex}\0${vendor}`, () => ({ kind: 'host', identifiers: {}, seenAs: sighting.seenAs }), e);
      fill(group.subject.identifiers, sighting.identifiers);
      // An ARP row names the host by its IP: it says more than the MAC table's row.
      if (sighting.seenAs !== 'MAC table') group.subject.seenAs = sighting.seenAs;
      continue;
    }
    if (e.kind === 'pon-serial' && !e.field.row) {
      // One ONT however often its serial is written (registration, status, service ports).
      const serial = ponSerialOf(e.matched);
      add(`s${serial}\0${vendor}`, () => ({ kind: 'host', identifiers: { serial }, deviceKind: t('ONT') }), e);
      continue;
    }
    if (e.field.row) add(`r${i}`, () => bomSubject(e, context.format), e);
    else add(`t${i}`, () => ({ kind: 'text', identifiers: {} }), e);
  }

  const out = order.map((group) => {
    const vendor = kb.vendorById.get(group.items[0]!.vendorId);
    const subject = group.subject;
    if (subject.kind === 'neighbour' || subject.kind === 'device' || subject.kind === 'host') {
      const model = group.items.flatMap((e) => [e, ...(e.also ?? [])]).find((e) => e.kind === 'model' || e.kind === 'oem-relabel');
      if (model && !subject.identifiers.model) subject.identifiers.model = model.matched.trim();
      const kind = kindOfFamily(model?.family) ?? (subject.kind === 'device' ? undefined : vendor && kindOfVendor(vendor));
      if (kind && subject.deviceKind === undefined) subject.deviceKind = kind;
    }
    return fold(group);
  });
  return out.sort((a, b) => Number(Boolean(b.documentLevel)) - Number(Boolean(a.documentLevel)) || a.start - b.start);
}
