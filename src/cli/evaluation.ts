// Scores a scan of a labelled corpus: each file's expectation (the dialect its content should be
// recognised as, the flagged vendors it should yield findings for) against what the analysis reported,
// as a dialect confusion table and per-vendor precision and recall. No file-system access: eval.ts
// gathers the labels and the reports, this module judges and prints them.
import type { FileReport } from '../core/report/scanReport';

/** What a file is expected to yield, and where that expectation comes from. */
export interface Expectation {
  /** Path relative to the evaluated folder, with '/' separators. */
  file: string;
  /** The dialect the content should be recognised as ('unknown': none should be claimed); absent for BOMs and other files. */
  dialect?: string;
  /** Flagged vendors the file must yield a finding for; empty: it must yield none. */
  vendors: string[];
  /** Why, e.g. 'folder huawei_vrp', 'MANIFEST note', 'file name', 'no flagged vendor named'. */
  source: string;
  /** The MANIFEST's `kind` column (e.g. 'trap'), when the file is listed there. */
  kind?: string;
}

export type Verdict = 'right' | 'wrong' | 'not identified' | 'not analysed';

export interface VendorHits {
  findings: number;
  /** Distinct evidence kinds and confidences, e.g. ['dialect high', 'mac-oui high']. */
  evidence: string[];
}

export interface FileOutcome extends Expectation {
  /** The document format the analysis chose; absent when the file was not analysed. */
  format?: string;
  detectedDialect?: string;
  findings: number;
  /** Flagged-vendor findings by vendor id, at any confidence: what a reviewer is shown. */
  flagged: Record<string, VendorHits>;
  /** Borderline vendors (e.g. H3C) seen: listed, never counted for or against. */
  borderline: string[];
  verdict: Verdict;
  /** The dialect alone: absent when no dialect is expected (BOMs and other files) or the file was not analysed. */
  dialectVerdict?: 'right' | 'wrong' | 'not identified';
  /** The flagged vendors alone: every expected one found and none unexpected ('right'), else what went wrong. */
  vendorVerdict: 'right' | 'missed' | 'false positive' | 'missed and false positive';
  /** Why the verdict is not 'right', in words. */
  notes: string[];
  /** For a file not right: what the analysis saw (the best dialect scores and their signals), filled in by the caller. */
  present?: string[];
}

export interface VendorScore {
  vendor: string;
  /** Files expected to yield this vendor. */
  expected: number;
  truePositives: number;
  missed: number;
  /** Files expected to yield no flagged vendor that yielded this one. */
  falsePositives: number;
  /** Files expected to yield another flagged vendor that also yielded this one (e.g. a neighbour in an ARP table): not labelled, so neither right nor wrong. */
  unlabelled: number;
}

export interface Evaluation {
  folder: string;
  files: FileOutcome[];
  /** expected dialect → detected dialect → files. */
  confusion: Map<string, Map<string, number>>;
  vendors: VendorScore[];
  counts: Record<Verdict, number>;
  /** The dialect alone, over the files a dialect is expected for (those expecting 'unknown' included). */
  dialectCounts: { right: number; wrong: number; 'not identified': number };
  /** Files expecting at least one flagged vendor, and how many of them got every one. */
  flaggedFiles: { expected: number; found: number };
  falsePositives: number;
  /** True when no file is wrong: every identified file right, no flagged-vendor false positive, nothing expected missed. */
  passed: boolean;
}

export interface VendorStatus {
  /** 'flagged' vendors count; 'borderline' ones are listed only; anything else is ignored. */
  statusOf(vendorId: string): 'flagged' | 'borderline' | undefined;
}

/** The problem codes that mean a file was deliberately not analysed (and why), as opposed to a failure. */
const NOT_ANALYSED = new Set(['skipped-binary', 'skipped-too-large', 'io-error']);

function uniquePush(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Judges one file's report against its expectation. */
export function judgeFile(expectation: Expectation, report: FileReport, vendors: VendorStatus): FileOutcome {
  const flagged: Record<string, VendorHits> = {};
  const borderline: string[] = [];
  for (const f of report.findings) {
    const status = vendors.statusOf(f.vendor);
    if (status === 'borderline') uniquePush(borderline, f.vendor);
    if (status !== 'flagged') continue;
    const hits = (flagged[f.vendor] ??= { findings: 0, evidence: [] });
    hits.findings++;
    uniquePush(hits.evidence, `${f.kind} ${f.confidence}`);
  }
  const outcome: FileOutcome = {
    ...expectation,
    format: report.document?.format,
    detectedDialect: report.document?.dialect,
    findings: report.findings.length,
    flagged,
    borderline,
    verdict: 'right',
    vendorVerdict: 'right',
    notes: [],
  };

  if (!report.document) {
    const problem = report.problems[0];
    if (expectation.vendors.length > 0) outcome.vendorVerdict = 'missed';
    outcome.verdict = problem && NOT_ANALYSED.has(problem.code) ? 'not analysed' : 'wrong';
    outcome.notes.push(problem?.message ?? 'no analysis');
    return outcome;
  }

  const found = Object.keys(flagged);
  const missed = expectation.vendors.filter((v) => !found.includes(v));
  const falsePositives = expectation.vendors.length === 0 ? found : [];
  const unidentified = expectation.dialect !== undefined && expectation.dialect !== 'unknown' && outcome.detectedDialect === 'unknown';
  const wrongDialect = expectation.dialect !== undefined && !unidentified && outcome.detectedDialect !== expectation.dialect;

  if (expectation.dialect !== undefined) outcome.dialectVerdict = wrongDialect ? 'wrong' : unidentified ? 'not identified' : 'right';
  if (missed.length > 0) outcome.vendorVerdict = falsePositives.length > 0 ? 'missed and false positive' : 'missed';
  else if (falsePositives.length > 0) outcome.vendorVerdict = 'false positive';
  if (wrongDialect) outcome.notes.push(`recognised as ${outcome.detectedDialect}, expected ${expectation.dialect}`);
  if (unidentified) outcome.notes.push(`dialect not recognised (expected ${expectation.dialect})`);
  for (const v of falsePositives) outcome.notes.push(`false positive: ${v} (${flagged[v]!.evidence.join(', ')})`);
  for (const v of missed) outcome.notes.push(`missed: no ${v} finding`);

  // A file whose platform was not recognised at all abstains: its missing vendor finding is reported, not
  // counted as wrong. Everything else must be exactly right.
  if (wrongDialect || falsePositives.length > 0 || (missed.length > 0 && !unidentified)) outcome.verdict = 'wrong';
  else if (unidentified) outcome.verdict = 'not identified';
  return outcome;
}

/** Adds up the outcomes of one evaluated folder. */
export function summarize(folder: string, files: FileOutcome[]): Evaluation {
  const confusion = new Map<string, Map<string, number>>();
  const scores = new Map<string, VendorScore>();
  const score = (vendor: string) => {
    let s = scores.get(vendor);
    if (!s) scores.set(vendor, (s = { vendor, expected: 0, truePositives: 0, missed: 0, falsePositives: 0, unlabelled: 0 }));
    return s;
  };
  const counts: Record<Verdict, number> = { right: 0, wrong: 0, 'not identified': 0, 'not analysed': 0 };
  const dialectCounts = { right: 0, wrong: 0, 'not identified': 0 };
  const flaggedFiles = { expected: 0, found: 0 };

  for (const f of files) {
    counts[f.verdict]++;
    if (f.dialectVerdict) dialectCounts[f.dialectVerdict]++;
    if (f.vendors.length > 0) {
      flaggedFiles.expected++;
      if (f.vendors.every((v) => f.flagged[v])) flaggedFiles.found++;
    }
    if (f.dialect !== undefined && f.detectedDialect !== undefined) {
      const row = confusion.get(f.dialect) ?? new Map<string, number>();
      row.set(f.detectedDialect, (row.get(f.detectedDialect) ?? 0) + 1);
      confusion.set(f.dialect, row);
    }
    for (const v of f.vendors) {
      const s = score(v);
      s.expected++;
      if (f.flagged[v]) s.truePositives++;
      else s.missed++;
    }
    for (const v of Object.keys(f.flagged)) {
      if (f.vendors.includes(v)) continue;
      if (f.vendors.length === 0) score(v).falsePositives++;
      else score(v).unlabelled++;
    }
  }
  const vendors = [...scores.values()].sort((a, b) => b.expected - a.expected || a.vendor.localeCompare(b.vendor));
  const falsePositives = vendors.reduce((n, s) => n + s.falsePositives, 0);
  return { folder, files, confusion, vendors, counts, dialectCounts, flaggedFiles, falsePositives, passed: counts.wrong === 0 };
}

export function ratio(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : (part / whole).toFixed(3);
}

/** Left-aligned first column, right-aligned numbers; two spaces between columns. */
function table(rows: string[][], leftColumns = 1): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** `huawei-vrp` → `vrp`: column headers stay narrow; the legend line names them in full. */
function shortDialect(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(dash + 1);
}

function confusionTable(evaluation: Evaluation, dialectOrder: readonly string[]): string[] {
  const rows = [...evaluation.confusion.keys()];
  const detected = new Set<string>();
  for (const row of evaluation.confusion.values()) for (const d of row.keys()) detected.add(d);
  const order = (ids: Iterable<string>) => [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const rank = (id: string) => (id === 'unknown' ? dialectOrder.length : dialectOrder.includes(id) ? dialectOrder.indexOf(id) : dialectOrder.length + 1);
  const columns = order(new Set([...rows, ...detected, 'unknown']));
  const out: string[][] = [['expected \\ recognised', ...columns.map(shortDialect), 'right']];
  let right = 0;
  let total = 0;
  for (const expected of order(rows)) {
    const row = evaluation.confusion.get(expected)!;
    const n = [...row.values()].reduce((a, b) => a + b, 0);
    const hit = row.get(expected) ?? 0;
    right += hit;
    total += n;
    out.push([expected, ...columns.map((c) => (row.get(c) ? String(row.get(c)) : '.')), `${hit}/${n}`]);
  }
  const columnTotal = (c: string) => [...evaluation.confusion.values()].reduce((n, row) => n + (row.get(c) ?? 0), 0);
  out.push(['all', ...columns.map((c) => String(columnTotal(c))), `${right}/${total}`]);
  return table(out);
}

function vendorTable(evaluation: Evaluation): string[] {
  const rows = [['vendor', 'expected', 'found', 'missed', 'false pos.', 'unlabelled', 'precision', 'recall']];
  for (const s of evaluation.vendors) {
    rows.push([
      s.vendor,
      String(s.expected),
      String(s.truePositives),
      String(s.missed),
      String(s.falsePositives),
      String(s.unlabelled),
      ratio(s.truePositives, s.truePositives + s.falsePositives),
      ratio(s.truePositives, s.expected),
    ]);
  }
  return table(rows);
}

function describeFlagged(f: FileOutcome): string {
  const vendors = Object.entries(f.flagged);
  if (vendors.length === 0) return '-';
  return vendors.map(([v, hits]) => `${v} ×${hits.findings} (${hits.evidence.join(', ')})`).join('; ');
}

function fileTable(files: FileOutcome[]): string[] {
  const rows = [['file', 'format', 'findings', 'expected', 'flagged-vendor findings', 'verdict']];
  for (const f of files) {
    rows.push([f.file, f.format ?? '-', String(f.findings), f.vendors.join(', ') || 'none', describeFlagged(f), f.notes.length ? `${f.verdict}: ${f.notes.join('; ')}` : f.verdict]);
  }
  return table(rows, 6).map((line) => `  ${line}`);
}

export interface RenderOptions {
  /** Known dialect ids in the detector's order, for the table's columns. */
  dialectOrder: readonly string[];
  /** How expectations were taken, printed once under the BOM table. */
  rules: { configs: string; others: string };
}

/** The text report of one evaluated folder. */
export function renderEvaluation(evaluation: Evaluation, options: RenderOptions): string {
  const out: string[] = [];
  const { files } = evaluation;
  const configs = files.filter((f) => f.dialect !== undefined);
  const others = files.filter((f) => f.dialect === undefined);
  out.push(`Evaluation of ${evaluation.folder}: ${files.length} file${files.length === 1 ? '' : 's'}`);

  if (configs.length > 0) {
    out.push('', `Config dialects (${configs.length} files; rows: expected, ${options.rules.configs}; columns: recognised)`);
    out.push(...confusionTable(evaluation, options.dialectOrder).map((l) => `  ${l}`));
    const listed = configs.filter((f) => f.verdict !== 'right' || f.kind === 'trap' || Object.keys(f.flagged).some((v) => !f.vendors.includes(v)));
    if (listed.length > 0) {
      out.push('', 'Config files to note (not right, traps, or flagged vendors beyond the label):');
      for (const f of listed) {
        const recognised = f.detectedDialect ?? 'not analysed';
        const kind = f.kind === 'trap' ? ' [trap]' : '';
        const notes = f.notes.length ? ` — ${f.notes.join('; ')}` : '';
        out.push(`  ${f.file}${kind}: expected ${f.dialect}, recognised ${recognised}; flagged: ${describeFlagged(f)}; ${f.verdict}${notes}`);
        for (const line of f.present ?? []) out.push(`      present: ${line}`);
      }
    }
  }

  if (others.length > 0) {
    out.push('', `Bills of materials and other files (${others.length}; expected: ${options.rules.others})`);
    out.push(...fileTable(others));
  }

  out.push('', 'Flagged vendors (per file; any finding of the vendor, at any confidence, counts)');
  if (evaluation.vendors.length === 0) out.push('  no flagged vendor expected or found');
  else out.push(...vendorTable(evaluation).map((l) => `  ${l}`));
  const borderline = new Map<string, number>();
  for (const f of files) for (const v of f.borderline) borderline.set(v, (borderline.get(v) ?? 0) + 1);
  if (borderline.size > 0) {
    out.push(`  borderline vendors seen (not counted): ${[...borderline].map(([v, n]) => `${v} in ${n} file${n === 1 ? '' : 's'}`).join(', ')}`);
  }

  const { counts, dialectCounts, flaggedFiles } = evaluation;
  const judged = dialectCounts.right + dialectCounts.wrong + dialectCounts['not identified'];
  if (judged > 0) {
    out.push(
      '',
      `Dialect alone: ${dialectCounts.right}/${judged} right (${ratio(dialectCounts.right, judged)}), ${dialectCounts.wrong} wrong, ${dialectCounts['not identified']} not identified`,
    );
  }
  out.push(`Flagged vendors alone: ${flaggedFiles.found}/${flaggedFiles.expected} files that show one got its finding (recall ${ratio(flaggedFiles.found, flaggedFiles.expected)}); ${evaluation.falsePositives} false positive${evaluation.falsePositives === 1 ? '' : 's'}`);
  const missedFiles = files.filter((f) => f.vendorVerdict === 'missed' || f.vendorVerdict === 'missed and false positive');
  for (const f of missedFiles) {
    out.push(`  missed ${f.vendors.filter((v) => !f.flagged[v]).join(', ')} in ${f.file} (recognised ${f.detectedDialect ?? 'not analysed'})`);
    for (const line of f.present ?? []) out.push(`      present: ${line}`);
  }
  out.push(
    '',
    `Result: ${counts.right} right, ${counts.wrong} wrong, ${counts['not identified']} not identified, ${counts['not analysed']} not analysed; ` +
      `${evaluation.falsePositives} flagged-vendor false positive${evaluation.falsePositives === 1 ? '' : 's'} — ${evaluation.passed ? 'PASS' : 'FAIL'}`,
  );
  return out.join('\n') + '\n';
}

/** The machine-readable form of `vendorlens eval --format json`. */
export function evaluationJson(evaluation: Evaluation): unknown {
  return {
    folder: evaluation.folder,
    passed: evaluation.passed,
    counts: evaluation.counts,
    dialectCounts: evaluation.dialectCounts,
    flaggedFiles: evaluation.flaggedFiles,
    falsePositives: evaluation.falsePositives,
    confusion: Object.fromEntries([...evaluation.confusion].map(([expected, row]) => [expected, Object.fromEntries(row)])),
    vendors: evaluation.vendors.map((s) => ({
      ...s,
      precision: s.truePositives + s.falsePositives === 0 ? null : s.truePositives / (s.truePositives + s.falsePositives),
      recall: s.expected === 0 ? null : s.truePositives / s.expected,
    })),
    files: evaluation.files,
  };
}
