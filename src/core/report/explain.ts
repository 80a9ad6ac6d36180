// The knowledge base for people at a terminal: `vendorlens explain VENDOR|ADVISORY` and `vendorlens advisories`.
import type { Advisory, KnowledgeBase, NameKind, Profile, Vendor } from '../model';
import { assessVendor, isInForce, orderAdvisories } from '../review/profiles';

const profileIds = (profiles: readonly Profile[]) => profiles.map((p) => p.id).join(',');
import { timeUntil } from '../text';
import { dataDescription } from '../knowledge/dataAge';
import type { TextStyle } from './text';
import { PLAIN_STYLE } from './text';

export type ExplainSubject = { vendor: Vendor } | { advisory: Advisory } | { candidates: string[] };

function folded(text: string): string {
  // 'nukib' finds NÚKIB: compare without accents, case, spaces or punctuation.
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s.,_-]+/g, '');
}

/** Finds a vendor or advisory by id, by any of the vendor's names, or by an unambiguous id prefix. */
export function findSubject(kb: KnowledgeBase, query: string): ExplainSubject {
  const vendor = kb.vendorById.get(query.toLowerCase());
  if (vendor) return { vendor };
  const advisory = kb.advisoryById.get(query.toLowerCase());
  if (advisory) return { advisory };
  const q = folded(query);
  if (q === '') return { candidates: [] };
  const byName = kb.vendors.filter((v) => folded(v.displayName) === q || v.names.some((n) => folded(n.text) === q));
  if (byName.length === 1) return { vendor: byName[0]! };
  const ids = [...kb.vendors.map((v) => v.id), ...kb.advisories.map((a) => a.id)];
  const prefixed = ids.filter((id) => folded(id).startsWith(q));
  if (prefixed.length === 1) return findSubject(kb, prefixed[0]!);
  const mentioned = kb.advisories.filter((a) => folded(`${a.instrument} ${a.shortTitle ?? ''} ${a.issuer}`).includes(q)).map((a) => a.id);
  const candidates = [...new Set([...byName.map((v) => v.id), ...prefixed, ...mentioned])];
  return candidates.length === 1 ? findSubject(kb, candidates[0]!) : { candidates };
}

function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

const LABEL_WIDTH = 15;

function field(label: string, value: string | undefined, style: TextStyle): string[] {
  if (!value) return [];
  const [first, ...rest] = wrap(value, ' '.repeat(LABEL_WIDTH + 2));
  return [`  ${style.dim(label.padEnd(LABEL_WIDTH))}${first!.trimStart()}`, ...rest];
}

const NAME_LABEL: Record<NameKind, string> = {
  legal: 'Legal names',
  brand: 'Brands',
  alias: 'Also known as',
  subsidiary: 'Subsidiaries',
  former: 'Former names',
  'local-script': 'Other scripts',
};

export function explainVendor(kb: KnowledgeBase, vendor: Vendor, profiles: readonly Profile[], today: string, style: TextStyle = PLAIN_STYLE): string {
  const assessment = assessVendor(kb, profiles, vendor);
  const out = [style.bold(`${vendor.displayName} (${vendor.id})`)];
  out.push(...field('Status', vendor.status === 'flagged' ? 'flagged: named by government advisories' : `borderline: ${vendor.statusNote ?? 'not named by an advisory'}`, style));
  out.push(...field('Kind', vendor.kind, style));
  out.push(...field('Severity', `${assessment.severity} under profile '${profileIds(profiles)}' (${profiles.map((p) => p.title).join(' + ')})`, style));
  const byKind = new Map<NameKind, string[]>();
  for (const n of vendor.names) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n.text]);
  for (const [kind, names] of byKind) out.push(...field(NAME_LABEL[kind], names.join(', '), style));
  out.push(...field('Not matched', vendor.exclusions?.join(', '), style));
  out.push(...field('Related to', vendor.relatedTo?.join(', '), style));
  out.push(...field('IANA PENs', vendor.enterpriseNumbers?.join(', '), style));
  out.push(...field('PON vendor IDs', vendor.ponVendorIds?.join(', '), style));
  out.push(...field('OUI owners', vendor.ouiOrganizations?.join('; '), style));
  out.push(...field('Domains', vendor.domains?.join(', '), style));
  out.push(...field('CPE vendors', vendor.cpeVendors?.join(', '), style));
  out.push(...field('Dialects', vendor.dialects?.join(', '), style));
  out.push('', style.bold(assessment.advisories.length ? `Advisories (${assessment.advisories.length}; in force under '${profileIds(profiles)}' first)` : 'Advisories: none'));
  for (const a of assessment.advisories) {
    const mark = standing(a, profiles, assessment.inForce.includes(a));
    const link = kb.categoryLinks.get(vendor.id)?.get(a.id);
    const why = link ? style.dim(` (by category: ${link.categories.join(', ')} from ${link.country.toUpperCase()}; information)`) : '';
    out.push(`  ${a.date}  ${a.jurisdiction.toUpperCase().padEnd(3)} ${a.measure.padEnd(11)} ${style.dim(mark.padEnd(11))} ${a.shortTitle ?? a.instrument}${why}  ${style.dim(a.id)}`);
  }
  out.push('', style.bold('Sources'), ...vendor.sources.map((s) => `  ${s.url} ${style.dim(`(${s.checked})`)}`));
  out.push('', style.dim(`Details of an advisory: vendorlens explain ADVISORY-ID (today is ${today}; ${dataDescription(kb, today)}).`));
  return out.join('\n') + '\n';
}

/** "in force", "superseded", "elsewhere" (another jurisdiction) or "not chosen" (same jurisdiction, left out by the profile). */
function standing(a: Advisory, profiles: readonly Profile[], inForce: boolean): string {
  if (inForce) return 'in force';
  if (a.status === 'superseded' || a.status === 'historical') return a.status;
  const ownJurisdiction = profiles.some((p) => p.jurisdictions.includes(a.jurisdiction) || p.jurisdictions.includes('*'));
  return ownJurisdiction ? 'not chosen' : 'elsewhere';
}

export function explainAdvisory(kb: KnowledgeBase, advisory: Advisory, profiles: readonly Profile[], today: string, style: TextStyle = PLAIN_STYLE): string {
  const out = [style.bold(advisory.shortTitle ?? advisory.instrument), style.dim(advisory.id)];
  out.push(...field('Issuer', advisory.issuer, style));
  out.push(...field('Instrument', advisory.instrument, style));
  out.push(...field('Date', `${advisory.date} (${timeUntil(today, advisory.date)})`, style));
  out.push(...field('Where', advisory.jurisdiction.toUpperCase(), style));
  out.push(...field('Measure', `${advisory.measure}${advisory.status ? `, ${advisory.status}` : ''}; ${isInForce(advisory, profiles) ? 'in force' : 'not in force'} under profile '${profileIds(profiles)}'`, style));
  out.push(...field('Vendors', advisory.vendors.map((id) => kb.vendorById.get(id)?.displayName ?? id).join(', '), style));
  if (advisory.appliesTo) {
    const linked = [...kb.categoryLinks].filter(([, links]) => links.has(advisory.id)).map(([id]) => kb.vendorById.get(id)?.displayName ?? id);
    out.push(...field('Applies to', `${advisory.appliesTo.productCategories.join(', ')} from makers in ${advisory.appliesTo.makerCountries.map((c) => c.toUpperCase()).join(', ')}${advisory.appliesTo.why ? ` - ${advisory.appliesTo.why}` : ''}`, style));
    out.push(...field('Linked vendors', linked.length ? `${linked.join(', ')} (information level: by product category, not named)` : undefined, style));
  }
  out.push(...field('Scope', advisory.scope, style));
  out.push(...field('Requires', advisory.requires, style));
  for (const d of advisory.deadlines ?? []) out.push(...field('Deadline', `${d.date} (${timeUntil(today, d.date)}): ${d.what}`, style));
  out.push(...field('Official', advisory.url, style));
  out.push(...field('Note', advisory.note, style));
  out.push(...field('Reviewed', advisory.reviewed, style));
  out.push('', style.bold('Sources'), ...advisory.sources.map((s) => `  ${s.url} ${style.dim(`(${s.checked}${s.note ? `: ${s.note}` : ''})`)}`));
  return out.join('\n') + '\n';
}

/** A table of every advisory: those in force under the profile first (national before EU), then the rest by strength. */
export function listAdvisories(kb: KnowledgeBase, profiles: readonly Profile[], style: TextStyle = PLAIN_STYLE, today?: string): string {
  const ordered = orderAdvisories(
    kb,
    '',
    kb.advisories.filter((a) => isInForce(a, profiles)),
    kb.advisories.filter((a) => !isInForce(a, profiles)),
  );
  const rows = [...ordered.inForce, ...ordered.elsewhere];
  const inForce = ordered.inForce.length;
  const out = [style.bold(`${rows.length} advisories; ${inForce} in force under profile '${profileIds(profiles)}' (${profiles.map((p) => p.title).join(' + ')})`)];
  if (today) out.push(style.dim(dataDescription(kb, today)));
  out.push('');
  const idWidth = Math.max(...rows.map((a) => a.id.length));
  for (const a of rows) {
    const linked = [...kb.categoryLinks].filter(([, links]) => links.has(a.id)).map(([id]) => kb.vendorById.get(id)?.displayName ?? id);
    const vendors = [...a.vendors.map((id) => kb.vendorById.get(id)?.displayName ?? id), ...linked.map((v) => `${v} (by category)`)].join(', ');
    const mark = isInForce(a, profiles) ? 'in force  ' : style.dim(standing(a, profiles, false).padEnd(10));
    out.push(`${a.date}  ${a.jurisdiction.toUpperCase().padEnd(3)} ${a.measure.padEnd(11)} ${mark}  ${a.id.padEnd(idWidth)}  ${a.shortTitle ?? a.instrument} ${style.dim(`[${vendors}]`)}`);
  }
  out.push('', style.dim('Details: vendorlens explain ADVISORY-ID'));
  return out.join('\n') + '\n';
}
