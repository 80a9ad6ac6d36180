// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Follows GitHub's documented subset and
// limits: one rule per vendor code with descriptions of at most 1,024 characters, results with a relative
// artifact URI and a UTF-16 region, partialFingerprints that survive line shifts, suppressions for
// accepted findings ([] on the rest, as the spec asks when any result is suppressed), at most 25,000
// results per run (errors kept first), and a note in the log whenever something was cut.
import type { Advisory, FindingSeverity, KnowledgeBase, Profile, Vendor } from '../model';
import { assessVendor } from '../review/profiles';
import { isDataOld } from '../knowledge/dataAge';
import { diagnosticCode } from '../services/diagnostics';
import { escapeMarkdown as md } from '../text';
import { escapeControlsInJson, showControlsDeep } from './controls';
import { FINGERPRINT_KEY } from './fingerprint';
import type { RunInfo, WriterFactory } from './writer';
import { webUrl } from './links';
import { describeAcceptance, SEVERITY_RANK, type ReportFinding, type ReportProblem } from './scanReport';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** tool.driver.informationUri. */
export const INFORMATION_URI = 'https://github.com/vendorlens/vendorlens';

/** GitHub code scanning's documented limits. */
export const GITHUB_LIMITS = {
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  tagsPerRule: 20,
  descriptionLength: 1024,
} as const;
/** Tool notifications are for people reading the log; past this many, one more says how many were left out. */
const MAX_NOTIFICATIONS = 1000;

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/* Only the parts of the SARIF object model this writer emits. */
export interface SarifMessage {
  text: string;
  markdown?: string;
}
export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
export interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: SarifRegion };
  /** A spreadsheet cell: `name` B7, `fullyQualifiedName` Parts!B7. */
  logicalLocations?: { name: string; fullyQualifiedName: string }[];
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: string; 'problem.severity': string; 'security-severity': string };
}
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status: 'accepted';
  justification: string;
  location?: SarifLocation;
  properties?: Record<string, unknown>;
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions: SarifSuppression[];
  baselineState?: 'new';
  properties: Record<string, unknown>;
}
export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  descriptor?: { id: string };
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    automationDetails: { id: string };
    columnKind: 'utf16CodeUnits';
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
    results: SarifResult[];
    properties?: Record<string, unknown>;
  }[];
}

const LEVEL: Record<FindingSeverity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const PROBLEM_SEVERITY: Record<FindingSeverity, string> = { error: 'error', warning: 'warning', information: 'recommendation', hint: 'recommendation' };
/** GitHub labels > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, below that low. */
const SECURITY_SEVERITY: Record<FindingSeverity, string> = { error: '8.0', warning: '5.0', information: '2.0', hint: '1.0' };

/** Cuts text to GitHub's limit and says so. */
export function truncate(text: string, max: number = GITHUB_LIMITS.descriptionLength): string {
  if (text.length <= max) return text;
  const marker = ' … (truncated)';
  return text.slice(0, max - marker.length).trimEnd() + marker;
}

/** A report path ('configs/a b.cfg') as a URI reference; absolute paths become file: URIs. */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  if (file.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function pascal(id: string): string {
  return id.replace(/(^|[-_/])([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

function advisoryLine(advisory: Advisory, inForce: boolean): { text: string; markdown: string } {
  const status = inForce ? 'in force under the profile' : 'not in force under the profile';
  const deadlines = (advisory.deadlines ?? []).map((d) => `${d.date}: ${d.what}`).join('; ');
  const text =
    `- ${advisory.issuer}: ${advisory.instrument} (${advisory.jurisdiction.toUpperCase()}, ${advisory.date}; ${advisory.measure}, ${status}). ` +
    `Requires: ${advisory.requires}${deadlines ? ` Deadlines: ${deadlines}.` : ''} ${advisory.url}`;
  const url = webUrl(advisory.url);
  const link = url ? ` [Official text](${url})` : '';
  const markdown =
    `- **${md(advisory.shortTitle ?? advisory.instrument)}** — ${md(advisory.issuer)}, ${advisory.date} ` +
    `(${advisory.jurisdiction.toUpperCase()}, ${advisory.measure}, ${status}). ${md(advisory.requires)}` +
    `${deadlines ? ` Deadlines: ${md(deadlines)}.` : ''}${link}`;
  return { text, markdown };
}

function ruleFor(kb: KnowledgeBase, profiles: readonly Profile[], vendor: Vendor): SarifRule {
  const assessment = assessVendor(kb, profiles, vendor);
  const profileIds = profiles.map((p) => p.id).join(',');
  const flagged = vendor.status === 'flagged';
  const titles = assessment.advisories.map((a) => a.shortTitle ?? a.instrument);
  const shortDescription = flagged
    ? `${vendor.displayName}: equipment or service of a government-flagged vendor`
    : `${vendor.displayName}: borderline vendor (not named by an advisory)`;
  const fullDescription = flagged
    ? `Evidence of ${vendor.displayName} in a network configuration, capture or bill of materials. ` +
      `${titles.length} advisories name ${vendor.displayName}: ${titles.join('; ')}. ` +
      `Severity follows the profile '${profileIds}': ${assessment.inForce.length} of them are in force there.`
    : `Evidence of ${vendor.displayName} in a network configuration, capture or bill of materials. ${vendor.statusNote ?? ''}`.trim();
  const lines = assessment.advisories.map((a) => advisoryLine(a, assessment.inForce.includes(a)));
  const intro = `Review each ${vendor.displayName} finding: replace the equipment or service, or accept it with a review note ` +
    `(reason, ticket, expiry) on the line above it, e.g. "! vendorlens-accept: ${vendor.id} | reason: … | expires: YYYY-MM-DD".`;
  const helpUri = [...assessment.advisories.map((a) => a.url), ...vendor.sources.map((s) => s.url)].map(webUrl).find((u) => u !== undefined);
  return {
    id: diagnosticCode(kb, vendor.id),
    name: `${flagged ? 'FlaggedVendor' : 'BorderlineVendor'}${pascal(vendor.id)}`,
    shortDescription: { text: truncate(shortDescription) },
    fullDescription: { text: truncate(fullDescription) },
    help: {
      text: [intro, ...(lines.length ? ['Advisories:', ...lines.map((l) => l.text)] : [vendor.statusNote ?? ''])].join('\n'),
      markdown: [md(intro), '', ...(lines.length ? ['**Advisories**', '', ...lines.map((l) => l.markdown)] : [md(vendor.statusNote ?? '')])].join('\n'),
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[assessment.severity] },
    properties: {
      tags: ['security', 'supply-chain', flagged ? 'flagged-vendor' : 'borderline-vendor'].slice(0, GITHUB_LIMITS.tagsPerRule),
      precision: 'high',
      'problem.severity': PROBLEM_SEVERITY[assessment.severity],
      'security-severity': SECURITY_SEVERITY[assessment.severity],
    },
  };
}

/**
 * A spreadsheet finding keeps a physical location (GitHub rejects results without one) whose region is the
 * cell's row and column number, as in the JSON contract; the cell itself is a logical location and leads the message.
 */
function location(file: string, region?: SarifRegion, cell?: string): SarifLocation {
  const physical: SarifLocation = { physicalLocation: { artifactLocation: artifactUri(file), ...(region ? { region } : {}) } };
  if (cell !== undefined) physical.logicalLocations = [{ name: cell.slice(cell.lastIndexOf('!') + 1), fullyQualifiedName: cell }];
  return physical;
}

function prefixed(place: string | undefined, text: string): string {
  return place === undefined ? text : `${place}: ${text}`;
}

function resultFor(f: ReportFinding, ruleIndex: number, baselineApplied: boolean): SarifResult {
  const suppressions: SarifSuppression[] = f.accepted
    ? [
        {
          kind: 'inSource',
          status: 'accepted',
          justification: describeAcceptance(f.accepted),
          location: location(f.file, { startLine: f.accepted.line }),
          // SARIF has no expiry; VS Code and the CLI re-open the finding when it passes.
          ...(f.accepted.expires ? { properties: { expires: f.accepted.expires } } : {}),
        },
      ]
    : [];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: truncate(prefixed(f.location, f.message)) },
    locations: [location(f.file, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }, f.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint, primaryLocationLineHash: f.fingerprint },
    suppressions,
    ...(baselineApplied ? { baselineState: 'new' as const } : {}),
    properties: { vendor: f.vendor, evidenceKind: f.kind, confidence: f.confidence, advisories: f.advisories, ...(f.subject ? { subject: f.subject } : {}) },
  };
}

function notificationFor(p: ReportProblem): SarifNotification {
  const level: SarifLevel = p.severity === 'information' ? 'note' : p.severity;
  return {
    level,
    message: { text: truncate(`${p.file}: ${prefixed(p.location, p.message)}`) },
    locations: [location(p.file, p.line > 0 ? { startLine: p.line, startColumn: Math.max(1, p.column) } : undefined, p.location)],
    descriptor: { id: p.code },
  };
}

function truncationNotification(omitted: number): SarifNotification {
  return {
    level: 'warning',
    message: {
      text: `${omitted} results were left out: GitHub code scanning accepts at most ${GITHUB_LIMITS.resultsPerRun} per run. The most severe were kept; use --format json for all of them.`,
    },
    descriptor: { id: 'results-truncated' },
  };
}

function moreProblemsNotification(problems: number): SarifNotification {
  return { level: 'note', message: { text: `${problems - MAX_NOTIFICATIONS} more problems are not listed.` } };
}

function sarifRules(kb: KnowledgeBase, profiles: readonly Profile[]): SarifRule[] {
  return kb.vendors.slice(0, GITHUB_LIMITS.rulesPerRun).map((v) => ruleFor(kb, profiles, v));
}

/** Each result is one device or product (an LLDP neighbour, a host, a BOM row, the file's own device). */
interface FlaggedCounts {
  devicesAndProducts: number;
  files: number;
}

/**
 * The log around an empty results array. `executionSuccessful` is false when a file could not be read or
 * analysed; `generatedOn` (YYYY-MM-DD) judges whether the knowledge base is old.
 */
function sarifLog(info: RunInfo, executionSuccessful: boolean, rules: SarifRule[], notifications: SarifNotification[], omitted: number, flagged: FlaggedCounts): SarifLog {
  const { kb, profiles } = info;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'VendorLens',
            version: info.toolVersion,
            semanticVersion: info.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // GitHub takes what precedes the last '/' as the upload's category.
        automationDetails: { id: `vendorlens/${profiles.map((p) => p.id).join('+')}/` },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful, toolExecutionNotifications: notifications }],
        results: [],
        properties: {
          profiles: profiles.map((p) => p.id),
          knowledgeBase: {
            version: kb.dataVersion,
            reviewedOn: kb.reviewedOn,
            ...(info.generatedOn ? { old: isDataOld(kb, info.generatedOn) } : {}),
          },
          ...(omitted > 0 ? { omittedResults: omitted } : {}),
          devicesAndProductsFlagged: flagged.devicesAndProducts,
          filesWithFindings: flagged.files,
        },
      },
    ],
  };
}

/** A result kept for the log: its place in the run, its severity, and its text (the result itself is not kept). */
interface KeptResult {
  order: number;
  rank: number;
  json: string;
}

/**
 * The results GitHub accepts: at most `limit`, the most severe first and in run order among equals — what
 * sorting every result would keep, with memory for `limit` results only. A result that comes later and
 * is no more severe than every kept one is dropped; a more severe one takes the place of the latest of
 * the least severe.
 */
export class SevereFirst {
  private readonly byRank: KeptResult[][] = [[], [], [], []];
  private size = 0;
  dropped = 0;

  constructor(private readonly limit: number) {}

  add(rank: number, make: () => string, order: number): void {
    if (this.size >= this.limit) {
      const lowest = this.byRank.findIndex((list) => list.length > 0);
      if (lowest < 0 || lowest >= rank) {
        this.dropped++;
        return;
      }
      this.byRank[lowest]!.pop();
      this.size--;
      this.dropped++;
    }
    this.byRank[rank]!.push({ order, rank, json: make() });
    this.size++;
  }

  /** The kept results' text, in run order; each is let go once taken. */
  *drain(): Generator<string> {
    const kept = this.byRank.flat().sort((a, b) => a.order - b.order);
    this.byRank.forEach((list) => (list.length = 0));
    this.size = 0;
    for (let i = 0; i < kept.length; i++) {
      yield kept[i]!.json;
      kept[i] = undefined!;
    }
  }

  /** The kept results' text, in run order. */
  inOrder(): string[] {
    return [...this.drain()];
  }
}

/** `JSON.stringify(value, null, 2)` at the depth of a run's results. */
function resultText(value: unknown): string {
  return '        ' + JSON.stringify(value, null, 2).replace(/\n/g, '\n        ');
}

/**
 * SARIF, streamed as far as GitHub's limits allow: each result is made into text as its file finishes and
 * only the 25,000 GitHub keeps are held (as text), with the first 1,000 problems; the log is written at
 * the end.
 */
export const sarifWriter: WriterFactory = (info, sink) => {
  const rules = sarifRules(info.kb, info.profiles);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const kept = new SevereFirst(GITHUB_LIMITS.resultsPerRun);
  const notifications: SarifNotification[] = [];
  let problems = 0;
  let order = 0;
  const flagged: FlaggedCounts = { devicesAndProducts: 0, files: 0 };
  return {
    file(report) {
      flagged.devicesAndProducts += report.findings.length;
      // A record is one file's: its findings share the file.
      if (report.findings.length > 0) flagged.files++;
      for (const f of report.findings) {
        const index = ruleIndex.get(f.rule);
        if (index === undefined) continue;
        kept.add(SEVERITY_RANK[f.severity], () => escapeControlsInJson(resultText(showControlsDeep(resultFor(f, index, info.baselineApplied)))), order++);
      }
      for (const p of report.problems) if (problems++ < MAX_NOTIFICATIONS) notifications.push(showControlsDeep(notificationFor(p)));
    },
    end(totals) {
      if (problems > MAX_NOTIFICATIONS) notifications.push(moreProblemsNotification(problems));
      if (kept.dropped > 0) notifications.push(truncationNotification(kept.dropped));
      const log = escapeControlsInJson(JSON.stringify(showControlsDeep(sarifLog(info, totals.executionSuccessful, rules, notifications, kept.dropped, flagged)), null, 2));
      // The log around an empty results array, then the results written into it one by one (25,000
      // results are tens of megabytes of text: never joined into one string).
      const empty = '\n      "results": []';
      const at = log.indexOf(empty);
      sink.write(0, `${log.slice(0, at)}\n      "results": [`);
      let count = 0;
      for (const result of kept.drain()) sink.write(0, (count++ === 0 ? '\n' : ',\n') + result);
      sink.write(0, `${count === 0 ? ']' : '\n      ]'}${log.slice(at + empty.length)}\n`);
    },
  };
};
