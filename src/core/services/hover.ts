// Hover: the vendor, the evidence and where it sits, and each advisory that applies.
// The markdown is meant to be rendered untrusted: text from the file is escaped, and no command links are used.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Advisory, Finding, KnowledgeBase, Profile } from '../model';
import { escapeMarkdown, timeUntil } from '../text';

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
  lines.push('', `[Official source](${encodeURI(advisory.url)})`);
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

export function renderFindingHover(kb: KnowledgeBase, profile: Profile, finding: Finding, today: string): string {
  const vendor = kb.vendorById.get(finding.vendorId)!;
  const status = vendor.status === 'borderline' ? 'borderline vendor' : 'flagged vendor';
  const out: string[] = [`### ${escapeMarkdown(vendor.displayName)} — ${status}`];
  if (vendor.statusNote) out.push(escapeMarkdown(vendor.statusNote));
  out.push(
    `Evidence: ${finding.evidence.detail} \`${finding.evidence.matched.replace(/`/g, "'")}\` · confidence ${finding.evidence.confidence}`,
  );
  if (finding.evidence.reasons?.length) {
    out.push(`Recognised by: ${finding.evidence.reasons.map(escapeMarkdown).join('; ')}`);
  }
  const context = contextLine(finding);
  if (context) out.push(context);
  if (finding.accepted) {
    const n = finding.accepted;
    out.push(
      `Accepted${n.by ? ` by ${escapeMarkdown(n.by)}` : ''}${n.on ? ` on ${n.on}` : ''}: ${escapeMarkdown(n.reason)}` +
        `${n.ticket ? ` (${escapeMarkdown(n.ticket)})` : ''}${n.expires ? ` — until ${n.expires} (${timeUntil(today, n.expires)})` : ''}`,
    );
  } else if (finding.expiredNote) {
    out.push(`The review note for this finding expired on ${finding.expiredNote.expires}: the finding is open again.`);
  }
  const sections = [out.join('\n\n')];
  const inForce = new Set(finding.advisoriesInForce);
  if (finding.advisoryIds.length > 0) sections.push(`Advisories (profile: ${escapeMarkdown(profile.title)}):`);
  for (const id of finding.advisoryIds) {
    const advisory = kb.advisoryById.get(id);
    if (advisory) sections.push(advisoryBlock(advisory, today, inForce.has(id)));
  }
  return sections.join('\n\n---\n\n');
}

export function hoverAt(kb: KnowledgeBase, profile: Profile, findings: Finding[], position: Position, today: string): Hover | null {
  const hits = findings.filter((f) => contains(f, position));
  if (hits.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map((f) => renderFindingHover(kb, profile, f, today)).join('\n\n---\n\n') },
    range: hits[0]!.range,
  };
}
