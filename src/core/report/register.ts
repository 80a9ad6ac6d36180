// The flagged-asset register: one row per device or product flagged (an LLDP neighbour, a host known by
// its MAC, a BOM row or component, the device whose config a file is) with what identifies it, where it
// was found, the advisory that leads under the active profile with its requirement and deadline, and its
// review state. The inventory an operator's risk analysis starts from. As CSV for Excel (UTF-8 with a
// byte-order mark so Excel reads it as UTF-8, CRLF, cells that a spreadsheet would run as a formula
// escaped: see csv.ts) and as JSON.
import type { Advisory, SubjectIdentifiers } from '../model';
import { isInForce } from '../review/profiles';
import { csvCell } from './csv';
import { escapeControlsInJson, showControlsInDocument } from './controls';
import type { FileReport, ReportFinding } from './scanReport';
import type { RunInfo, WriterFactory } from './writer';

/** `generatedOn` (YYYY-MM-DD): the next deadline is the first on or after it (else the last one passed). */
type RegisterOptions = Pick<RunInfo, 'kb' | 'profiles' | 'generatedOn'>;

export interface RegisterEntry {
  vendor: string;
  vendorName: string;
  /** 'device', 'neighbour', 'host', 'bom-item', 'component' or 'text'. */
  subject: string;
  /** 'switch', 'camera'… when the data says; '' when unknown. */
  deviceKind: string;
  identifiers: SubjectIdentifiers;
  file: string;
  line: number;
  /** A spreadsheet cell (`Parts!B7`), when the finding is in one. */
  location?: string;
  severity: string;
  confidence: string;
  advisory?: { id: string; title: string; jurisdiction: string; date: string; inForce: boolean; url: string };
  requirement: string;
  deadline?: { date: string; what: string };
  review: { state: 'open' | 'accepted'; reason?: string; ticket?: string; expires?: string; by?: string };
  message: string;
  fingerprint: string;
}

function nextDeadline(advisory: Advisory | undefined, today: string): { date: string; what: string } | undefined {
  const deadlines = [...(advisory?.deadlines ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  if (deadlines.length === 0) return undefined;
  const ahead = deadlines.find((d) => d.date >= today) ?? deadlines.at(-1)!;
  return { date: ahead.date, what: ahead.what };
}

function registerEntries(report: FileReport, options: RegisterOptions): RegisterEntry[] {
  return report.findings.map((f) => registerEntry(f, options));
}

function registerEntry(f: ReportFinding, options: RegisterOptions): RegisterEntry {
  // The report lists a finding's advisories with those in force under the profile first.
  const lead = f.advisories.map((id) => options.kb.advisoryById.get(id)).find((a): a is Advisory => a !== undefined);
  const inForce = lead !== undefined && isInForce(lead, options.profiles);
  const deadline = nextDeadline(lead, options.generatedOn);
  return {
    vendor: f.vendor,
    vendorName: options.kb.vendorById.get(f.vendor)?.displayName ?? f.vendor,
    subject: f.subject?.kind ?? 'text',
    deviceKind: f.subject?.deviceKind ?? '',
    identifiers: f.subject?.identifiers ?? {},
    file: f.file,
    line: f.line,
    ...(f.location !== undefined ? { location: f.location } : {}),
    severity: f.severity,
    confidence: f.confidence,
    ...(lead
      ? { advisory: { id: lead.id, title: lead.shortTitle ?? lead.instrument, jurisdiction: lead.jurisdiction.toUpperCase(), date: lead.date, inForce, url: lead.url } }
      : {}),
    requirement: lead?.requires ?? '',
    ...(deadline ? { deadline } : {}),
    review: f.accepted
      ? { state: 'accepted', reason: f.accepted.reason, ticket: f.accepted.ticket, expires: f.accepted.expires, by: f.accepted.by }
      : { state: 'open' },
    message: f.message,
    fingerprint: f.fingerprint,
  };
}

const COLUMNS = [
  'vendor',
  'kind',
  'device kind',
  'hostname',
  'model',
  'MAC',
  'IP',
  'port',
  'remote port',
  'VLAN',
  'serial',
  'row',
  'label',
  'file',
  'line',
  'cell',
  'severity',
  'confidence',
  'advisory',
  'advisory in force',
  'requirement',
  'deadline',
  'deadline for',
  'review',
  'reason',
  'ticket',
  'expires',
  'by',
  'finding',
  'fingerprint',
] as const;

const REGISTER_CSV_HEADER = '\uFEFF' + COLUMNS.join(',') + '\r\n';

function registerCsvRow(e: RegisterEntry): string {
  const ids = e.identifiers;
  const values: Record<(typeof COLUMNS)[number], string | number> = {
    vendor: e.vendorName,
    kind: e.subject,
    'device kind': e.deviceKind,
    hostname: ids.hostname ?? '',
    model: ids.model ?? '',
    MAC: ids.mac ?? '',
    IP: ids.ip ?? '',
    port: ids.localPort ?? '',
    'remote port': ids.remotePort ?? '',
    VLAN: ids.vlan ?? '',
    serial: ids.serial ?? '',
    row: ids.row ?? '',
    label: ids.label ?? '',
    file: e.file,
    line: e.line,
    cell: e.location ?? '',
    severity: e.severity,
    confidence: e.confidence,
    advisory: e.advisory ? `${e.advisory.title} (${e.advisory.jurisdiction}, ${e.advisory.date})` : '',
    'advisory in force': e.advisory ? (e.advisory.inForce ? 'yes' : 'no') : '',
    requirement: e.requirement,
    deadline: e.deadline?.date ?? '',
    'deadline for': e.deadline?.what ?? '',
    review: e.review.state,
    reason: e.review.reason ?? '',
    ticket: e.review.ticket ?? '',
    expires: e.review.expires ?? '',
    by: e.review.by ?? '',
    finding: e.message,
    fingerprint: e.fingerprint,
  };
  return COLUMNS.map((c) => csvCell(values[c])).join(',') + '\r\n';
}

/**
 * The register as CSV for spreadsheets (a byte-order mark, CRLF, formula-safe cells), streamed: a row per
 * finding (accepted ones too, marked), as each file finishes.
 */
export const registerCsvWriter: WriterFactory = (info, sink) => {
  sink.write(0, REGISTER_CSV_HEADER);
  return {
    file(report) {
      const rows = registerEntries(report, info).map(registerCsvRow).join('');
      if (rows !== '') sink.write(0, showControlsInDocument(rows));
    },
    end() {},
  };
};

/**
 * The register as JSON, streamed an asset at a time: `generatedOn`, `profiles` (their ids) and `assets`,
 * one RegisterEntry per device or product flagged.
 */
export const registerJsonWriter: WriterFactory = (info, sink) => {
  const head = { generatedOn: info.generatedOn, profiles: info.profiles.map((p) => p.id) };
  sink.write(0, escapeControlsInJson(JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "assets": [')));
  let first = true;
  return {
    file(report) {
      let text = '';
      for (const entry of registerEntries(report, info)) {
        text += (first ? '\n    ' : ',\n    ') + JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ');
        first = false;
      }
      if (text !== '') sink.write(0, escapeControlsInJson(text));
    },
    end() {
      sink.write(0, first ? ']\n}\n' : '\n  ]\n}\n');
    },
  };
};
