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
import { FINGERPRINT_KEY } from './fingerprint';
import { webUrl } from './links';
import { describeAcceptance, SEVERITY_RANK, type ReportFinding, type ReportProblem, type ScanReport } from './scanReport';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

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

export interface SarifOptions {
  kb: KnowledgeBase;
  /** YYYY-MM-DD: whether the knowledge base is old is judged against it. Default: not judged. */
  generatedOn?: string;
  /** The active profiles (severity, and the automation id). */
  profiles: readonly Profile[];
  toolVersion: string;
  informationUri: string;
  /** runAutomationDetails.id; GitHub takes what precedes the last '/' as the upload's category. */
  automationId?: string;
  /** Set when findings were compared with a baseline: every result is then marked baselineState 'new'. */
  baselineApplied?: boolean;
  /** The run failed (an unreadable file): recorded in invocations[0].executionSuccessful. */
  executionSuccessful?: boolean;
}

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

export function toSarif(report: ScanReport, options: SarifOptions): SarifLog {
  const { kb, profiles } = options;
  const rules = kb.vendors.slice(0, GITHUB_LIMITS.rulesPerRun).map((v) => ruleFor(kb, profiles, v));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  // GitHub rejects a run with more than 25,000 results; keep the most severe, in report order otherwise.
  let findings = report.findings.filter((f) => ruleIndex.has(f.rule));
  const omitted = findings.length - Math.min(findings.length, GITHUB_LIMITS.resultsPerRun);
  if (omitted > 0) {
    findings = findings
      .map((f, order) => ({ f, order }))
      .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.order - b.order)
      .slice(0, GITHUB_LIMITS.resultsPerRun)
      .sort((a, b) => a.order - b.order)
      .map((x) => x.f);
  }
  const results = findings.map((f) => resultFor(f, ruleIndex.get(f.rule)!, options.baselineApplied === true));

  const notifications = report.problems.slice(0, MAX_NOTIFICATIONS).map(notificationFor);
  if (report.problems.length > MAX_NOTIFICATIONS) {
    notifications.push({ level: 'note', message: { text: `${report.problems.length - MAX_NOTIFICATIONS} more problems are not listed.` } });
  }
  if (omitted > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${omitted} results were left out: GitHub code scanning accepts at most ${GITHUB_LIMITS.resultsPerRun} per run. The most severe were kept; use --format json for all of them.`,
      },
      descriptor: { id: 'results-truncated' },
    });
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'VendorLens',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules,
          },
        },
        automationDetails: { id: options.automationId ?? `vendorlens/${profiles.map((p) => p.id).join('+')}/` },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: options.executionSuccessful ?? true, toolExecutionNotifications: notifications }],
        results,
        properties: {
          profiles: profiles.map((p) => p.id),
          knowledgeBase: {
            version: kb.dataVersion,
            reviewedOn: kb.reviewedOn,
            ...(options.generatedOn ? { old: isDataOld(kb, options.generatedOn) } : {}),
          },
          ...(omitted > 0 ? { omittedResults: omitted } : {}),
          // Each result is one device or product (an LLDP neighbour, a host, a BOM row, the file's own device).
          devicesAndProductsFlagged: report.findings.length,
          filesWithFindings: new Set(report.findings.map((f) => f.file)).size,
        },
      },
    ],
  };
}
