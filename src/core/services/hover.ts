// Hover: the vendor, the evidence and where it sits, and each advisory that applies.
// The markdown is meant to be rendered untrusted: text from the file is escaped, and no command links are used.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { AcceptanceNote, Advisory, Finding, KnowledgeBase, Profile } from '../model';
import { isInForce } from '../review/profiles';
import { escapeMarkdown, linkTarget, timeUntil } from '../text';

const MEASURE_LABEL: Record<Advisory['measure'], string> = {
  ban: 'Ban',
  restriction: 'Restriction',
  warning: 'Warning',
  guidance: 'Guidance',
  listing: 'Listing',
};

function contains(finding: Finding, position: Position): boolean {
  const { start, end } = finding.range;
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

function advisoryBlock(advisory: Advisory, today: string, inForce: boolean): string {
  const title = escapeMarkdown(advisory.shortTitle ?? advisory.instrument);
  const lines = [
    `**${title}** — ${escapeMarkdown(advisory.issuer)} (${advisory.jurisdiction.toUpperCase()}), ${advisory.date} · ${MEASURE_LABEL[advisory.measure]}${inForce ? '' : ' · not in force under this profile'}`,
    '',
    `*${escapeMarkdown(advisory.instrument)}*`,
    '',
    `Scope: ${escapeMarkdown(advisory.scope)}`,
    '',
    `Requires: ${escapeMarkdown(advisory.requires)}`,
  ];
  for (const deadline of advisory.deadlines ?? []) {
    lines.push('', `Deadline ${deadline.date} (${timeUntil(today, deadline.date)}): ${escapeMarkdown(deadline.what)}`);
  }
  lines.push('', `[Official source](${linkTarget(advisory.url)})`);
  return lines.join('\n');
}

function contextLine(finding: Finding): string | undefined {
  const field = finding.evidence.field;
  const parts: string[] = [];
  if (field.row) {
    const r = field.row;
    parts.push(r.label ? escapeMarkdown(r.label) : `row ${r.row}`);
    if (r.maker) parts.push(`maker ${escapeMarkdown(r.maker)}`);
    if (r.part) parts.push(`part ${escapeMarkdown(r.part)}`);
    if (r.description) parts.push(`description ${escapeMarkdown(r.description)}`);
    if (r.quantity) parts.push(`quantity ${escapeMarkdown(r.quantity)}`);
  }
  if (field.path?.length) parts.unshift(field.path.map(escapeMarkdown).join(' › '));
  return parts.length ? `Context: ${parts.join(' · ')}` : undefined;
}

function describeNote(n: AcceptanceNote, today: string): string {
  const where = n.scope === 'policy' ? ' (in the policy file)' : n.scope === 'file' ? ' (whole file)' : '';
  return (
    `${n.by ? ` by ${escapeMarkdown(n.by)}` : ''}${n.on ? ` on ${n.on}` : ''}${where}: ${escapeMarkdown(n.reason)}` +
    `${n.ticket ? ` (${escapeMarkdown(n.ticket)})` : ''}${n.expires ? ` — until ${n.expires} (${timeUntil(today, n.expires)})` : ''}`
  );
}

export function profileTitles(profiles: readonly Profile[]): string {
  return profiles.map((p) => escapeMarkdown(p.title)).join(' + ');
}

export function renderFindingHover(kb: KnowledgeBase, profiles: readonly Profile[], finding: Finding, today: string): string {
  const vendor = kb.vendorById.get(finding.vendorId)!;
  const status = vendor.status === 'borderline' ? 'borderline vendor' : 'flagged vendor';
  const out: string[] = [`### ${escapeMarkdown(vendor.displayName)} — ${status}`];
  if (vendor.statusNote) out.push(escapeMarkdown(vendor.statusNote));
  // The detail can quote the file (a maker cell, a purl or CPE component): escaped like any file content.
  // The match is shown as code, on one line: a line break could end the code span.
  out.push(
    `Evidence: ${escapeMarkdown(finding.evidence.detail)} \`${finding.evidence.matched.replace(/`/g, "'").replace(/\s+/g, ' ')}\` · confidence ${finding.evidence.confidence}`,
  );
  if (finding.evidence.reasons?.length) {
    out.push(`Recognised by: ${finding.evidence.reasons.map(escapeMarkdown).join('; ')}`);
  }
  const context = contextLine(finding);
  if (context) out.push(context);
  if (finding.accepted) {
    out.push(`Accepted${describeNote(finding.accepted, today)}`);
  } else if (finding.expiredNote) {
    out.push(`The review note for this finding expired on ${finding.expiredNote.expires}: the finding is open again.${describeNote(finding.expiredNote, today)}`);
  } else if (finding.untrustedNote) {
    out.push(`A review note accepts this finding, but Restricted Mode keeps it from taking effect until the workspace is trusted.${describeNote(finding.untrustedNote, today)}`);
  }
  if (finding.severityNote) out.push(`Severity: ${escapeMarkdown(finding.severityNote)}`);
  const sections = [out.join('\n\n')];
  const inForce = new Set(finding.advisoriesInForce);
  if (finding.advisoryIds.length > 0) sections.push(`Advisories (profile: ${profileTitles(profiles)}):`);
  for (const id of finding.advisoryIds) {
    const advisory = kb.advisoryById.get(id);
    if (advisory) sections.push(advisoryBlock(advisory, today, inForce.has(id)));
  }
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
    `# ${escapeMarkdown(vendor.displayName)} — ${vendor.status === 'borderline' ? 'borderline vendor' : 'flagged vendor'}`,
    ...(vendor.statusNote ? [escapeMarkdown(vendor.statusNote)] : []),
    ...list('Names', vendor.names.map((n) => n.text)),
    ...list('Product families', vendor.productPatterns?.map((p) => p.family)),
    ...list('IANA enterprise numbers', vendor.enterpriseNumbers),
    ...list('MAC address organisations', vendor.ouiOrganizations),
    ...list('Domains', vendor.domains),
    ...list('CPE vendors', vendor.cpeVendors),
    ...list('Configuration dialects', vendor.dialects),
    '## Sources',
    ...vendor.sources.map((s) => `- [${escapeMarkdown(s.url)}](${linkTarget(s.url)}) (${s.checked})${s.note ? `: ${escapeMarkdown(s.note)}` : ''}`),
  ];
  const advisories = kb.advisoriesByVendor.get(vendor.id) ?? [];
  if (advisories.length > 0) {
    out.push(`## Advisories (profile: ${profileTitles(profiles)})`);
    const inForce = new Set(advisories.filter((a) => isInForce(a, profiles)).map((a) => a.id));
    for (const advisory of advisories) out.push(advisoryBlock(advisory, today, inForce.has(advisory.id)));
  }
  return out.join('\n\n');
}
