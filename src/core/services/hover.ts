// Hover: the vendor, the evidence and where it sits, and each advisory that applies.
// The markdown is meant to be rendered untrusted: text from the file is escaped, and no command links are used.
import { DATA_MAX_AGE_DAYS, isDataOld } from '../knowledge/dataAge';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { AcceptanceNote, Advisory, Finding, KnowledgeBase, Profile } from '../model';
import { isInForce } from '../review/profiles';
import { escapeMarkdown, linkTarget, timeUntil } from '../text';
import { t } from '../l10n';

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

function contextLine(finding: Finding): string | undefined {
  const field = finding.evidence.field;
  const parts: string[] = [];
  if (field.row) {
    const r = field.row;
    parts.push(r.label ? escapeMarkdown(r.label) : t('row {0}', r.row));
    if (r.maker) parts.push(t('maker {0}', escapeMarkdown(r.maker)));
    if (r.part) parts.push(t('part {0}', escapeMarkdown(r.part)));
    if (r.description) parts.push(t('description {0}', escapeMarkdown(r.description)));
    if (r.quantity) parts.push(t('quantity {0}', escapeMarkdown(r.quantity)));
  }
  if (field.path?.length) parts.unshift(field.path.map(escapeMarkdown).join(' › '));
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

export function renderFindingHover(kb: KnowledgeBase, profiles: readonly Profile[], finding: Finding, today: string): string {
  const vendor = kb.vendorById.get(finding.vendorId)!;
  const out: string[] = [`### ${escapeMarkdown(vendor.displayName)} — ${vendorStatus(vendor)}`];
  if (vendor.statusNote) out.push(escapeMarkdown(vendor.statusNote));
  // The detail can quote the file (a maker cell, a purl or CPE component): escaped like any file content.
  // The match is shown as code, on one line: a line break could end the code span.
  out.push(
    t('Evidence: {0} {1} · confidence {2}', escapeMarkdown(finding.evidence.detail), `\`${finding.evidence.matched.replace(/`/g, "'").replace(/\s+/g, ' ')}\``, confidenceLabel(finding.evidence.confidence)),
  );
  if (finding.evidence.reasons?.length) {
    out.push(t('Recognised by: {0}', finding.evidence.reasons.map(escapeMarkdown).join('; ')));
  }
  const context = contextLine(finding);
  if (context) out.push(context);
  if (finding.accepted) {
    out.push(`${t('Accepted')}${describeNote(finding.accepted, today)}`);
  } else if (finding.expiredNote) {
    out.push(`${t('The review note for this finding expired on {0}: the finding is open again.', finding.expiredNote.expires ?? '')}${describeNote(finding.expiredNote, today)}`);
  } else if (finding.untrustedNote) {
    out.push(`${t('A review note accepts this finding, but Restricted Mode keeps it from taking effect until the workspace is trusted.')}${describeNote(finding.untrustedNote, today)}`);
  }
  if (finding.severityNote) out.push(t('Severity: {0}', escapeMarkdown(finding.severityNote)));
  const sections = [out.join('\n\n')];
  const inForce = new Set(finding.advisoriesInForce);
  if (finding.advisoryIds.length > 0) sections.push(t('Advisories (profile: {0}):', profileTitles(profiles)));
  for (const id of finding.advisoryIds) {
    const advisory = kb.advisoryById.get(id);
    if (!advisory) continue;
    const link = kb.categoryLinks.get(vendor.id)?.get(id);
    const why = link ? `\n\n${t('Linked by product category, at information level: it names {0} from makers in {1}, not {2} itself.', link.categories.join(', '), link.country.toUpperCase(), escapeMarkdown(vendor.displayName))}` : '';
    sections.push(advisoryBlock(advisory, today, inForce.has(id)) + why);
  }
  sections.push(dataLine(kb, today));
  return sections.join('\n\n---\n\n');
}

export function hoverAt(kb: KnowledgeBase, profiles: readonly Profile[], findings: Finding[], position: Position, today: string): Hover | null {
  const hits = findings.filter((f) => contains(f, position));
  if (hits.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map((f) => renderFindingHover(kb, profiles, f, today)).join('\n\n---\n\n') },
    range: hits[0]!.range,
  };
}

/** Everything the knowledge base knows about a vendor, for the "Show vendor details" view. */
export function renderVendorDetails(kb: KnowledgeBase, profiles: readonly Profile[], vendorId: string, today: string): string | undefined {
  const vendor = kb.vendorById.get(vendorId);
  if (!vendor) return undefined;
  const list = (title: string, items: readonly (string | number)[] | undefined) =>
    items?.length ? [`**${title}:** ${items.map((i) => escapeMarkdown(String(i))).join(', ')}`] : [];
  const out = [
    `# ${escapeMarkdown(vendor.displayName)} — ${vendorStatus(vendor)}`,
    ...(vendor.statusNote ? [escapeMarkdown(vendor.statusNote)] : []),
    ...list(t('Names'), vendor.names.map((n) => n.text)),
    ...list(t('Product families'), [...new Set([...kb.catalogue.families.filter((f) => f.vendor === vendor.id).map((f) => f.family), ...(vendor.productPatterns ?? []).map((p) => p.family)])]),
    ...list(t('Sold under other brands'), kb.catalogue.relabels.filter((r) => r.maker === vendor.id).map((r) => r.brand)),
    ...list(t('IANA enterprise numbers'), vendor.enterpriseNumbers),
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
  return out.join('\n\n');
}
