// Hover: what was found and where, the leading instrument, the review state and links; the vendor details
// hold the rest. The markdown is meant to be rendered untrusted: text from the file is escaped, and the only
// command links are the extension's own (details, accept), made only for a client that enables exactly those.
import { DATA_MAX_AGE_DAYS, isDataOld } from '../knowledge/dataAge';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { AcceptanceNote, Advisory, Deadline, Finding, KnowledgeBase, Profile } from '../model';
import { isInForce } from '../review/profiles';
import { commandLink, escapeMarkdown, linkTarget, shorten, timeUntil, withoutSources } from '../text';
import { t } from '../l10n';
import { reasonsOf } from '../evidence/matcher';

// A function, not a table: t() must run after the host has loaded its translations.
function measureLabel(measure: Advisory['measure']): string {
  switch (measure) {
    case 'ban':
      return t('Ban');
    case 'restriction':
      return t('Restriction');
    case 'warning':
      return t('Warning');
    case 'guidance':
      return t('Guidance');
    case 'listing':
      return t('Listing');
  }
}

function vendorStatus(vendor: { status: 'flagged' | 'borderline' }): string {
  return vendor.status === 'borderline' ? t('borderline vendor') : t('flagged vendor');
}

function confidenceLabel(confidence: Finding['evidence']['confidence']): string {
  switch (confidence) {
    case 'high':
      return t('high');
    case 'medium':
      return t('medium');
    case 'low':
      return t('low');
  }
}

function contains(finding: Finding, position: Position): boolean {
  const { start, end } = finding.range;
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

function advisoryBlock(advisory: Advisory, today: string, inForce: boolean): string {
  const title = escapeMarkdown(advisory.shortTitle ?? advisory.instrument);
  const lines = [
    `**${title}** — ${escapeMarkdown(advisory.issuer)} (${advisory.jurisdiction.toUpperCase()}), ${advisory.date} · ${measureLabel(advisory.measure)}${inForce ? '' : ` · ${t('not in force under this profile')}`}`,
    '',
    `*${escapeMarkdown(advisory.instrument)}*`,
    '',
    t('Scope: {0}', escapeMarkdown(advisory.scope)),
    '',
    t('Requires: {0}', escapeMarkdown(advisory.requires)),
  ];
  for (const deadline of advisory.deadlines ?? []) {
    lines.push('', t('Deadline {0} ({1}): {2}', deadline.date, timeUntil(today, deadline.date), escapeMarkdown(deadline.what)));
  }
  lines.push('', `[${t('Official source')}](${linkTarget(advisory.url)})`);
  return lines.join('\n');
}

/** Where the finding sits: its section path, or its row with maker, part, description and quantity; `compact` (the hover) keeps it short. */
function contextLine(finding: Finding, compact = false): string | undefined {
  const field = finding.evidence.field;
  const cut = (text: string) => escapeMarkdown(compact ? shorten(text, 40) : text);
  const parts: string[] = [];
  if (field.row) {
    const r = field.row;
    // A CSV row counts records, the editor counts lines (a header, quoted line breaks): say both when they differ.
    const line = finding.range.start.line + 1;
    parts.push(r.label ? cut(r.label) : field.cell || line === r.row ? t('row {0}', r.row) : t('row {0} (line {1})', r.row, line));
    if (r.maker) parts.push(t('maker {0}', cut(r.maker)));
    if (r.part) parts.push(t('part {0}', cut(r.part)));
    if (r.description && !compact) parts.push(t('description {0}', cut(r.description)));
    if (r.quantity) parts.push(t('quantity {0}', cut(r.quantity)));
  }
  // In the hover, a row says enough: its column path is left out.
  if (field.path?.length && !(compact && field.row)) parts.unshift(field.path.map((p) => cut(p)).join(' › '));
  return parts.length ? t('Context: {0}', parts.join(' · ')) : undefined;
}

function describeNote(n: AcceptanceNote, today: string): string {
  const where = n.scope === 'policy' ? ` ${t('(in the policy file)')}` : n.scope === 'file' ? ` ${t('(whole file)')}` : '';
  return (
    `${n.by ? ` ${t('by {0}', escapeMarkdown(n.by))}` : ''}${n.on ? ` ${t('on {0}', n.on)}` : ''}${where}: ${escapeMarkdown(n.reason)}` +
    `${n.ticket ? ` (${escapeMarkdown(n.ticket)})` : ''}${n.expires ? ` — ${t('until {0} ({1})', n.expires, timeUntil(today, n.expires))}` : ''}`
  );
}

/** The knowledge base's version and review date; past 180 days, that the data is old (no network check). */
export function dataLine(kb: KnowledgeBase, today: string): string {
  if (!kb.reviewedOn) return t('Knowledge base {0}', kb.dataVersion ?? '');
  const line = t('Knowledge base {0}, reviewed on {1}.', kb.dataVersion ?? '', kb.reviewedOn);
  return isDataOld(kb, today) ? `${line} ${t('The data is over {0} days old: advisories may have changed since.', DATA_MAX_AGE_DAYS)}` : line;
}

export function profileTitles(profiles: readonly Profile[]): string {
  return profiles.map((p) => escapeMarkdown(p.title)).join(' + ');
}

/** Where the hover's links lead: command links only for a client that runs them (the VS Code client). */
export interface HoverLinks {
  /** The document the finding is in (for the accept and details commands). */
  uri: string;
  commands: boolean;
}

/** Past this many characters, an advisory's requirement is cut in the hover (whole in the vendor details). */
const REQUIRES_MAX = 70;
/** Findings shown in one hover; the rest are counted. */
const MAX_FINDINGS_PER_HOVER = 2;

export const SHOW_VENDOR_DETAILS_COMMAND = 'vendorlens.showVendor';
export const ACCEPT_COMMAND = 'vendorlens.acceptFinding';

/** The next deadline from today on; the last one when all have passed. */
function nextDeadline(advisory: Advisory, today: string): Deadline | undefined {
  const deadlines = [...(advisory.deadlines ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return deadlines.find((d) => d.date >= today) ?? deadlines[deadlines.length - 1];
}

/** The advisory that leads under the active profile: the first in force, else the first naming the vendor. */
function leadAdvisory(kb: KnowledgeBase, finding: Finding): { advisory: Advisory; inForce: boolean } | undefined {
  const id = finding.advisoriesInForce[0] ?? finding.advisoryIds[0];
  const advisory = id === undefined ? undefined : kb.advisoryById.get(id);
  return advisory && { advisory, inForce: finding.advisoriesInForce.includes(advisory.id) };
}

/** The leading instrument on one line: title, jurisdiction, date and measure, what it requires (cut short), the next deadline. */
function leadLine(kb: KnowledgeBase, vendorId: string, lead: { advisory: Advisory; inForce: boolean }, today: string): string[] {
  const { advisory, inForce } = lead;
  const title = escapeMarkdown(shorten(advisory.shortTitle ?? advisory.instrument, 70));
  let line = `**${title}** (${advisory.jurisdiction.toUpperCase()}, ${advisory.date}, ${measureLabel(advisory.measure)}${inForce ? '' : `, ${t('not in force under this profile')}`}) — ${t('Requires: {0}', escapeMarkdown(shorten(advisory.requires, REQUIRES_MAX)))}`;
  const deadline = nextDeadline(advisory, today);
  // What the deadline requires is in the vendor details: the hover has room for its date only.
  if (deadline) line += ` · ${t('Deadline {0} ({1})', deadline.date, timeUntil(today, deadline.date))}`;
  const lines = [line];
  const link = kb.categoryLinks.get(vendorId)?.get(advisory.id);
  if (link) lines.push(t('Linked by product category, at information level: it names {0} from makers in {1}, not {2} itself.', link.categories.join(', '), link.country.toUpperCase(), escapeMarkdown(kb.vendorById.get(vendorId)?.displayName ?? vendorId)));
  return lines;
}

function reviewLine(finding: Finding, today: string): string {
  if (finding.accepted) return `${t('Accepted')}${describeNote(finding.accepted, today)}`;
  if (finding.expiredNote) return `${t('The review note for this finding expired on {0}: the finding is open again.', finding.expiredNote.expires ?? '')}${describeNote(finding.expiredNote, today)}`;
  if (finding.untrustedNote) return `${t('A review note accepts this finding, but Restricted Mode keeps it from taking effect until the workspace is trusted.')}${describeNote(finding.untrustedNote, today)}`;
  return t('Review: open, no review note.');
}

/**
 * The hover of one finding, sized to fit the editor's hover without scrolling (it shows about 250 px at
 * 1440×900, beside the diagnostic's own message): one paragraph of short lines — what and where, the leading
 * instrument under the active profile, the review state with the links. Every other advisory, the
 * matcher's reasons and the knowledge base's sources are behind "Show vendor details" (renderVendorDetails).
 */
export function renderFindingHover(kb: KnowledgeBase, _profiles: readonly Profile[], finding: Finding, today: string, links?: HoverLinks): string {
  const vendor = kb.vendorById.get(finding.vendorId)!;
  const matched = `\`${shorten(finding.evidence.matched.replace(/`/g, "'").replace(/\s+/g, ' '), 50)}\``;
  const detail = withoutSources(finding.evidence.detail);
  const lines = [`**${escapeMarkdown(vendor.displayName)} — ${vendorStatus(vendor)}** · ${t('Evidence: {0} {1} · confidence {2}', escapeMarkdown(shorten(detail, 150)), matched, confidenceLabel(finding.evidence.confidence))}`];
  const context = contextLine(finding, true);
  if (context) lines.push(context);
  const lead = leadAdvisory(kb, finding);
  if (lead) lines.push(...leadLine(kb, vendor.id, lead, today));
  const state = [shorten(reviewLine(finding, today), 160)];
  if (finding.severityNote) state.push(t('Severity: {0}', escapeMarkdown(shorten(finding.severityNote, 100))));
  if (isDataOld(kb, today)) lines.push(dataLine(kb, today));
  if (lead) state.push(`[${t('Official source')}](${linkTarget(lead.advisory.url)})`);
  const others = finding.advisoryIds.length - (lead ? 1 : 0);
  if (links?.commands) {
    const ref = { uri: links.uri, findingId: finding.id };
    const details = others > 0 ? t('Show vendor details ({0} more advisories)', others) : t('Show vendor details');
    state.push(`[${details}](${commandLink(SHOW_VENDOR_DETAILS_COMMAND, [vendor.id, ref])})`);
    if (!finding.accepted) state.push(`[${t('Accept with review note…')}](${commandLink(ACCEPT_COMMAND, [{ ...ref, scope: 'line' }])})`);
  } else if (others > 0) {
    state.push(t('{0} more advisories name {1}: see the vendor details.', others, escapeMarkdown(vendor.displayName)));
  }
  lines.push(state.join(' · '));
  // Hard line breaks inside one paragraph: paragraphs and rules would each add a margin.
  return lines.join('  \n');
}

export function hoverAt(kb: KnowledgeBase, profiles: readonly Profile[], findings: Finding[], position: Position, today: string, links?: HoverLinks): Hover | null {
  const hits = findings.filter((f) => contains(f, position));
  if (hits.length === 0) return null;
  const shown = hits.slice(0, MAX_FINDINGS_PER_HOVER).map((f) => renderFindingHover(kb, profiles, f, today, links));
  if (hits.length > shown.length) shown.push(t('{0} more findings here: see the Problems panel.', hits.length - shown.length));
  return {
    contents: { kind: MarkupKind.Markdown, value: shown.join('\n\n---\n\n') },
    range: hits[0]!.range,
  };
}

/** What the vendor details say about one finding: all of its evidence and the matcher's reasons. */
function findingDetails(finding: Finding): string[] {
  const out = [`## ${t('This finding')}`, escapeMarkdown(finding.message)];
  out.push(t('Evidence: {0} {1} · confidence {2}', escapeMarkdown(finding.evidence.detail), `\`${finding.evidence.matched.replace(/`/g, "'").replace(/\s+/g, ' ')}\``, confidenceLabel(finding.evidence.confidence)));
  const reasons = reasonsOf(finding.evidence);
  if (reasons.length > 0) out.push(t('Recognised by: {0}', reasons.map(escapeMarkdown).join('; ')));
  const context = contextLine(finding);
  if (context) out.push(context);
  for (const related of finding.related) out.push(`- ${t('line {0}', related.range.start.line + 1)}: ${escapeMarkdown(related.message)}`);
  if (finding.severityNote) out.push(t('Severity: {0}', escapeMarkdown(finding.severityNote)));
  return out;
}

/** Everything the knowledge base knows about a vendor, for the "Show vendor details" view. */
export function renderVendorDetails(kb: KnowledgeBase, profiles: readonly Profile[], vendorId: string, today: string, finding?: Finding): string | undefined {
  const vendor = kb.vendorById.get(vendorId);
  if (!vendor) return undefined;
  const list = (title: string, items: readonly (string | number)[] | undefined) =>
    items?.length ? [`**${title}:** ${items.map((i) => escapeMarkdown(String(i))).join(', ')}`] : [];
  const out = [
    `# ${escapeMarkdown(vendor.displayName)} — ${vendorStatus(vendor)}`,
    ...(vendor.statusNote ? [escapeMarkdown(vendor.statusNote)] : []),
    ...(finding && finding.vendorId === vendor.id ? findingDetails(finding) : []),
    ...list(t('Names'), vendor.names.map((n) => n.text)),
    ...list(t('Product families'), [...new Set([...kb.catalogue.families.filter((f) => f.vendor === vendor.id).map((f) => f.family), ...(vendor.productPatterns ?? []).map((p) => p.family)])]),
    ...list(t('Sold under other brands'), kb.catalogue.relabels.filter((r) => r.maker === vendor.id).map((r) => r.brand)),
    ...list(t('IANA enterprise numbers'), vendor.enterpriseNumbers),
    ...list(t('PON vendor IDs (ONT serial numbers)'), vendor.ponVendorIds),
    ...list(t('MAC address organisations'), vendor.ouiOrganizations),
    ...list(t('Domains'), vendor.domains),
    ...list(t('CPE vendors'), vendor.cpeVendors),
    ...list(t('Configuration dialects'), vendor.dialects),
    `## ${t('Sources')}`,
    ...vendor.sources.map((s) => `- [${escapeMarkdown(s.url)}](${linkTarget(s.url)}) (${s.checked})${s.note ? `: ${escapeMarkdown(s.note)}` : ''}`),
  ];
  const advisories = kb.advisoriesByVendor.get(vendor.id) ?? [];
  if (advisories.length > 0) {
    out.push(`## ${t('Advisories (profile: {0})', profileTitles(profiles))}`);
    const inForce = new Set(advisories.filter((a) => isInForce(a, profiles)).map((a) => a.id));
    for (const advisory of advisories) out.push(advisoryBlock(advisory, today, inForce.has(advisory.id)));
  }
  out.push(dataLine(kb, today));
  return out.join('\n\n');
}
