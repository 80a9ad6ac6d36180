// `vendorlens eval DIR…`: runs the scan pipeline over a labelled corpus and scores it (evaluation.ts).
//
// Labels. Each sub-folder of DIR holds files of one label; files directly in DIR are not evaluated.
// - A sub-folder named after a config dialect (`huawei_vrp`, `h3c_comware`, `zte_zxros`, `cisco_ios`, …;
//   netmiko-style names such as `hp_comware` or `cisco_xe` too; `unknown` for files that must not be
//   claimed) expects that dialect, and a finding for each flagged vendor whose dialect it is (Huawei for
//   VRP and SmartAX, ZTE for ZXROS); any other flagged-vendor finding in a non-flagged vendor's folder is a
//   false positive. The file name never counts: a Cisco config named `huawei-…` is a trap, not a label.
// - Any other sub-folder (`csv`, `cyclonedx`, `spdx`, …) holds BOMs and other files: a file expects the
//   flagged vendors its MANIFEST note names as "FLAGGED VENDOR (X)"; a file without a MANIFEST row expects
//   the flagged vendors its file name names as a whole word (`netbox-Huawei-S5735….yaml`); otherwise none.
// - DIR/MANIFEST.tsv, when present, is read by its header: `local_file` (path relative to DIR), `vendor`
//   (a label that overrides the folder's), `kind` (e.g. `trap`, shown in the report), `note`/`notes`, and
//   `flagged`: the flagged vendors the file's content shows (comma-separated ids or `none`), whatever its
//   dialect. When a row has it, it is the vendor expectation; the dialect still comes from the label.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { DIALECTS, explainDialect } from '../core/formats/dialects/detect';
import type { KnowledgeBase } from '../core/model';
import { DEFAULT_PROFILE } from '../core/review/profiles';
import { createFileAnalyzer, fileProblem } from './analyzeFile';
import { DEFAULT_MAX_FILE_SIZE, UsageError, type EvalOptions } from './args';
import { describeIoError } from './io';
import { evaluationJson, judgeFile, renderEvaluation, summarize, type Evaluation, type Expectation, type VendorStatus } from './evaluation';
import { walkPaths, pathText, type FilePath } from './walk';
import { runProductEval } from './productEvaluation';

const MANIFEST = 'MANIFEST.tsv';

/** Corpus folder names that are not a dialect id with '_' for '-' (netmiko / ntc-templates platform names). */
const DIALECT_ALIASES: Record<string, string> = {
  huawei: 'huawei-vrp',
  'huawei-vrpv8': 'huawei-vrp',
  vrp: 'huawei-vrp',
  smartax: 'huawei-smartax',
  'huawei-ont': 'huawei-echolife',
  echolife: 'huawei-echolife',
  'hp-comware': 'h3c-comware',
  'hpe-comware': 'h3c-comware',
  comware: 'h3c-comware',
  h3c: 'h3c-comware',
  zxros: 'zte-zxros',
  'cisco-xe': 'cisco-ios',
  'cisco-iosxe': 'cisco-ios',
  'cisco-xr': 'cisco-iosxr',
  nxos: 'cisco-nxos',
  eos: 'arista-eos',
  junos: 'juniper-junos',
  juniper: 'juniper-junos',
  routeros: 'mikrotik-routeros',
  mikrotik: 'mikrotik-routeros',
  fortinet: 'fortinet-fortios',
  fortios: 'fortinet-fortios',
};

const RULES = {
  configs: 'the sub-folder name or the MANIFEST vendor column',
  others: 'flagged vendors in the MANIFEST note "FLAGGED VENDOR (…)", else those the file name names, else none',
};

/** The dialect a label stands for, or undefined when it names none (a format folder such as `csv`). */
export function dialectOfLabel(label: string): string | undefined {
  const id = label.trim().toLowerCase().replace(/[_\s]+/g, '-');
  if (id === 'unknown' || DIALECTS.some((d) => d.id === id)) return id;
  return DIALECT_ALIASES[id];
}

interface ManifestRow {
  vendor?: string;
  kind?: string;
  note?: string;
  /** The `flagged` column as written: vendor ids or names, comma-separated, or `none`. */
  flagged?: string;
}

/** MANIFEST.tsv by its header; rows keyed by `local_file`. Absent file: empty. */
export function parseManifest(text: string): Map<string, ManifestRow> {
  const rows = new Map<string, ManifestRow>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim().toLowerCase());
  // The first name present wins: a corpus may have both `path` (upstream) and `local_file` (here).
  const column = (...names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const file = column('local_file', 'file', 'path');
  if (file < 0) return rows;
  const [vendor, kind, note, flagged] = [column('vendor', 'label'), column('kind'), column('note', 'notes'), column('flagged')];
  for (const line of lines) {
    const cells = line.split('\t');
    const cell = (i: number) => (i >= 0 && cells[i]?.trim() ? cells[i]!.trim() : undefined);
    const path = cell(file);
    if (!path) continue;
    const row: ManifestRow = { vendor: cell(vendor), kind: cell(kind), note: cell(note) };
    if (cell(flagged) !== undefined) row.flagged = cell(flagged);
    rows.set(path, row);
  }
  return rows;
}

function flaggedVendors(kb: KnowledgeBase) {
  return kb.vendors.filter((v) => v.status === 'flagged');
}

/** A vendor by id or any of its names, case aside. */
function resolveVendor(kb: KnowledgeBase, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return kb.vendors.find((v) => v.id === wanted || v.displayName.toLowerCase() === wanted || v.names.some((n) => n.text.toLowerCase() === wanted))?.id;
}

/** Flagged vendors a file name names as a whole word: `netbox-ZTE-ZXR10-….yaml` → zte. */
export function vendorsInFileName(kb: KnowledgeBase, fileName: string): string[] {
  const words = new Set(fileName.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  return flaggedVendors(kb)
    .filter((v) => [v.id, v.displayName, ...v.names.map((n) => n.text)].some((name) => !/\s/.test(name) && words.has(name.toLowerCase())))
    .map((v) => v.id);
}

/** The `flagged` column's vendors, resolved to ids; `none` or empty: no vendor. */
function flaggedColumn(kb: KnowledgeBase, file: string, column: string): string[] {
  const names = column.split(',').map((n) => n.trim()).filter((n) => n !== '' && n.toLowerCase() !== 'none');
  return names.map((name) => {
    const id = resolveVendor(kb, name);
    if (!id) throw new UsageError(`${MANIFEST}: ${file} names an unknown vendor '${name}' in its flagged column`);
    return id;
  });
}

/** What one file is expected to yield, by the rules at the top of this file. */
export function expectationFor(kb: KnowledgeBase, file: string, folder: string, row: ManifestRow | undefined): Expectation {
  const label = row?.vendor ?? folder;
  const dialect = dialectOfLabel(label);
  if (row?.flagged !== undefined) {
    const vendors = flaggedColumn(kb, file, row.flagged);
    return { file, dialect, vendors, source: 'MANIFEST flagged column', kind: row.kind };
  }
  if (dialect !== undefined) {
    const vendors = flaggedVendors(kb)
      .filter((v) => v.dialects?.includes(dialect))
      .map((v) => v.id);
    return { file, dialect, vendors, source: row?.vendor ? `MANIFEST vendor ${label}` : `folder ${folder}`, kind: row?.kind };
  }
  if (row) {
    const named = [...(row.note ?? '').matchAll(/FLAGGED VENDOR \(([^)]+)\)/gi)].map((m) => m[1]!);
    const vendors = named.map((name) => {
      const id = resolveVendor(kb, name);
      if (!id) throw new UsageError(`${MANIFEST}: ${file} names an unknown vendor '${name}'`);
      return id;
    });
    return { file, vendors, source: vendors.length ? 'MANIFEST note' : 'MANIFEST (no flagged vendor noted)', kind: row.kind };
  }
  const vendors = vendorsInFileName(kb, basename(file));
  return { file, vendors, source: vendors.length ? 'file name' : 'nothing names a flagged vendor' };
}

async function readManifest(folder: string): Promise<Map<string, ManifestRow>> {
  try {
    return parseManifest(await readFile(join(folder, MANIFEST), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new UsageError(`cannot read ${join(folder, MANIFEST)}: ${describeIoError(e)}`);
  }
}

async function subFolders(folder: string): Promise<string[]> {
  let info;
  try {
    info = await stat(folder);
  } catch (e) {
    throw new UsageError(`cannot evaluate ${folder}: ${describeIoError(e)}`);
  }
  if (!info.isDirectory()) throw new UsageError(`cannot evaluate ${folder}: not a directory (name a folder whose sub-folders are the labels)`);
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => e.name)
    .sort();
}

/** The best dialect scores and their signals, or a line saying none scored. */
async function whatWasPresent(path: FilePath): Promise<string[]> {
  try {
    const seen = explainDialect(await readFile(typeof path === 'string' ? path : Buffer.from(path), 'utf8'));
    return seen.length > 0 ? seen : ['no dialect signal'];
  } catch (e) {
    return [`cannot re-read: ${describeIoError(e)}`];
  }
}

/** Evaluates one labelled folder with the scan's own file analyser. */
export async function evaluateFolder(folder: string, kb: KnowledgeBase): Promise<Evaluation> {
  const manifest = await readManifest(folder);
  const analyzer = createFileAnalyzer({ profiles: [DEFAULT_PROFILE], maxFileSize: DEFAULT_MAX_FILE_SIZE, knowledge: kb });
  const vendors: VendorStatus = { statusOf: (id) => kb.vendorById.get(id)?.status };
  const outcomes = [];
  for (const label of await subFolders(folder)) {
    for (const item of walkPaths([join(folder, label)])) {
      if (item.kind === 'stdin') continue;
      const file = relative(folder, pathText(item.path)).split(sep).join('/');
      const expectation = expectationFor(kb, file, label, manifest.get(file));
      const report = item.kind === 'error' ? fileProblem(file, 'io-error', item.message) : await analyzer.analyzeFile(item.path, file);
      const outcome = judgeFile(expectation, report, vendors);
      if (item.kind !== 'error' && report.document && (outcome.verdict !== 'right' || outcome.vendorVerdict !== 'right')) {
        outcome.present = await whatWasPresent(item.path);
      }
      outcomes.push(outcome);
    }
  }
  for (const listed of manifest.keys()) {
    if (!outcomes.some((o) => o.file === listed)) process.stderr.write(`vendorlens: ${MANIFEST} lists ${listed}, which is not in ${folder}\n`);
  }
  return summarize(folder, outcomes);
}

/** The `eval` command; `kb` is the bundled knowledge base (passed in: this module is also unit-tested from source). */
export async function runEval(options: EvalOptions, kb: KnowledgeBase): Promise<number> {
  if (options.products.length > 0) return runProductEval(options, kb);
  const evaluations: Evaluation[] = [];
  for (const folder of options.folders) evaluations.push(await evaluateFolder(folder, kb));
  const passed = evaluations.every((e) => e.passed);
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ passed, evaluations: evaluations.map(evaluationJson) }, null, 2) + '\n');
  } else {
    const render = { dialectOrder: DIALECTS.map((d) => d.id), rules: RULES };
    process.stdout.write(evaluations.map((e) => renderEvaluation(e, render)).join('\n'));
  }
  return passed ? 0 : 1;
}
