// `vendorlens eval --products FILE`: scores product identification on a labelled product list.
//
// FILE is a TSV with a header naming at least `model` and `true_maker` (a vendor id, or `none`); optional
// `description`, `sold_as` (the brand on the box when it differs: a relabel), `lookalike_of`, `kind`
// (product | relabel | lookalike), `source`. Each product becomes one row of a BOM in each of four kinds and
// every BOM goes through the real CSV path (format detection, header roles, row context, all matchers):
//   maker named     Manufacturer = the true maker's name (a relabel: the brand on the box)
//   model only      Manufacturer empty
//   reseller named  Manufacturer = a distributor (CDW, Ingram Micro, Bechtle, Insight, SHI, …)
//   OEM relabel     Manufacturer = sold_as (relabel rows only)
// A row is found when a finding for its true maker sits in it (any confidence: a low one is a "possible"
// finding, counted apart). A lookalike row (true maker `none`) is flagged when any flagged vendor's finding
// sits in it. A description that names a flagged vendor is left out, so that the model alone is measured.
import { readFile } from 'node:fs/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UsageError, type EvalOptions } from './args';
import { describeIoError } from './io';
import { getLanguageService } from '../core/languageService';
import type { Finding, KnowledgeBase } from '../core/model';

export const ROW_KINDS = ['maker named', 'model only', 'reseller named', 'OEM relabel'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const RESELLERS = ['CDW', 'Ingram Micro', 'Bechtle', 'Insight', 'SHI International', 'Computacenter', 'Softchoice', 'TD SYNNEX'];

/** The issue's targets: recall per kind (lookalikes: none flagged). */
export const TARGETS: Partial<Record<RowKind, number>> = { 'model only': 0.95, 'reseller named': 0.95, 'OEM relabel': 0.9 };

export interface LabelledProduct {
  model: string;
  description: string;
  trueMaker: string | undefined;
  soldAs?: string;
  lookalikeOf?: string;
  kind: 'product' | 'relabel' | 'lookalike';
  source?: string;
  line: number;
}

export interface RowOutcome {
  product: LabelledProduct;
  kind: RowKind;
  maker: string;
  found: boolean;
  /** The best confidence among the true maker's findings in the row. */
  confidence?: string;
  /** Flagged vendors found in a lookalike row (false positives), or other flagged vendors in a product row. */
  wrongVendors: string[];
}

export interface ProductEvaluation {
  file: string;
  outcomes: RowOutcome[];
}

/** Parses the labelled TSV by its header; rows without a model are skipped. */
export function parseLabelledProducts(text: string): LabelledProduct[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [model, description, trueMaker, soldAs, lookalikeOf, kind, source] = ['model', 'description', 'true_maker', 'sold_as', 'lookalike_of', 'kind', 'source'].map(col);
  if (model! < 0 || trueMaker! < 0) throw new Error("the product list needs a header with 'model' and 'true_maker' columns");
  const products: LabelledProduct[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split('\t').map((c) => c.trim());
    const cell = (at: number) => (at >= 0 ? (cells[at] ?? '') : '');
    if (cell(model!) === '' || line.startsWith('#')) return;
    const maker = cell(trueMaker!).toLowerCase();
    const labelledKind = cell(kind!).toLowerCase();
    const product: LabelledProduct = {
      model: cell(model!),
      description: cell(description!),
      trueMaker: maker === '' || maker === 'none' ? undefined : maker,
      kind: labelledKind === 'relabel' || labelledKind === 'lookalike' ? labelledKind : maker === '' || maker === 'none' ? 'lookalike' : 'product',
      line: i + 2,
    };
    if (cell(soldAs!)) product.soldAs = cell(soldAs!);
    if (cell(lookalikeOf!)) product.lookalikeOf = cell(lookalikeOf!);
    if (cell(source!)) product.source = cell(source!);
    products.push(product);
  });
  return products;
}

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The maker a row of `kind` gives for `product`, or undefined when the kind does not apply to it. */
export function makerFor(kb: KnowledgeBase, product: LabelledProduct, kind: RowKind, ordinal: number): string | undefined {
  switch (kind) {
    case 'maker named':
      if (product.kind === 'relabel') return product.soldAs;
      if (product.trueMaker) return kb.vendorById.get(product.trueMaker)?.displayName ?? product.trueMaker;
      return product.soldAs;
    case 'model only':
      return '';
    case 'reseller named':
      return RESELLERS[ordinal % RESELLERS.length];
    case 'OEM relabel':
      return product.kind === 'relabel' && product.soldAs ? product.soldAs : undefined;
  }
}

export function evaluateProducts(kb: KnowledgeBase, file: string, labelled: readonly LabelledProduct[]): ProductEvaluation {
  // A product of a maker that is not flagged (H3C/HPE Comware: borderline) is scored as a lookalike: no flagged finding may name it.
  const products = labelled.map((p) => (p.trueMaker && kb.vendorById.get(p.trueMaker)?.status !== 'flagged' ? { ...p, lookalikeOf: p.lookalikeOf ?? p.trueMaker, trueMaker: undefined, kind: 'lookalike' as const } : p));
  const service = getLanguageService({ knowledge: kb });
  service.configure({ profile: ['global'] });
  const flagged = (id: string) => kb.vendorById.get(id)?.status === 'flagged';
  // A description naming a flagged vendor would identify the row by itself: left out, to measure the model.
  const names = createNameProbe(kb);
  const outcomes: RowOutcome[] = [];
  let version = 0;
  for (const kind of ROW_KINDS) {
    const rows: { product: LabelledProduct; maker: string }[] = [];
    products.forEach((product, i) => {
      const maker = makerFor(kb, product, kind, i);
      if (maker !== undefined) rows.push({ product, maker });
    });
    if (rows.length === 0) continue;
    const text = ['Item;Manufacturer;Part Number;Description;Qty', ...rows.map((r, i) => [String(i + 1), r.maker, r.product.model, names(r.product.description) ? '' : r.product.description, '1'].map(csvCell).join(';'))].join('\n') + '\n';
    const uri = `file:///eval/products-${kind.replace(/\s+/g, '-')}.csv`;
    const analysis = service.analyze(TextDocument.create(uri, 'csv', ++version, text));
    service.forget(uri);
    const byRow = new Map<number, Finding[]>();
    for (const finding of analysis.findings) {
      const row = finding.evidence.field.row?.row;
      if (row === undefined) continue;
      byRow.set(row, [...(byRow.get(row) ?? []), finding]);
    }
    rows.forEach((r, i) => {
      const findings = (byRow.get(i + 2) ?? []).filter((f) => flagged(f.vendorId));
      const own = findings.filter((f) => f.vendorId === r.product.trueMaker);
      const rank = { high: 3, medium: 2, low: 1 } as const;
      const best = own.map((f) => f.evidence.confidence).sort((a, b) => rank[b] - rank[a])[0];
      outcomes.push({
        product: r.product,
        kind,
        maker: r.maker,
        found: own.length > 0,
        confidence: best,
        wrongVendors: [...new Set(findings.filter((f) => f.vendorId !== r.product.trueMaker).map((f) => f.vendorId))],
      });
    });
  }
  return { file, outcomes };
}

/** Whether a text names a flagged vendor (the scan's own vendor-name evidence, run on the text alone). */
function createNameProbe(kb: KnowledgeBase): (text: string) => boolean {
  const service = getLanguageService({ knowledge: kb });
  service.configure({ profile: ['global'] });
  let version = 0;
  return (text) => {
    if (text.trim() === '') return false;
    const uri = 'file:///eval/description.txt';
    const analysis = service.analyze(TextDocument.create(uri, 'plaintext', ++version, text));
    service.forget(uri);
    return analysis.findings.some((f) => f.evidence.kind === 'vendor-name' && kb.vendorById.get(f.vendorId)?.status === 'flagged');
  };
}

interface Tally {
  found: number;
  possible: number;
  total: number;
}

function tally(outcomes: readonly RowOutcome[]): Tally {
  return {
    found: outcomes.filter((o) => o.found).length,
    possible: outcomes.filter((o) => o.found && o.confidence === 'low').length,
    total: outcomes.length,
  };
}

const percent = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

export interface ProductSummary {
  file: string;
  products: number;
  lookalikes: number;
  byKind: Record<string, Tally & { recall: number | null; target?: number }>;
  byMaker: Record<string, Record<string, Tally>>;
  relabels: Tally;
  lookalikesFlagged: { model: string; kind: RowKind; maker: string; vendors: string[]; line: number }[];
  wrongMaker: { model: string; kind: RowKind; vendors: string[]; line: number }[];
  missed: { model: string; kind: RowKind; trueMaker: string; line: number }[];
  passed: boolean;
}

export function summarizeProducts(evaluation: ProductEvaluation): ProductSummary {
  const products = evaluation.outcomes.filter((o) => o.product.trueMaker !== undefined);
  const lookalikeRows = evaluation.outcomes.filter((o) => o.product.trueMaker === undefined);
  const byKind: ProductSummary['byKind'] = {};
  for (const kind of ROW_KINDS) {
    const t = tally(products.filter((o) => o.kind === kind));
    if (t.total === 0) continue;
    byKind[kind] = { ...t, recall: t.total ? t.found / t.total : null, ...(TARGETS[kind] !== undefined ? { target: TARGETS[kind] } : {}) };
  }
  const byMaker: ProductSummary['byMaker'] = {};
  for (const maker of [...new Set(products.map((o) => o.product.trueMaker!))].sort()) {
    byMaker[maker] = {};
    for (const kind of ROW_KINDS) {
      const t = tally(products.filter((o) => o.kind === kind && o.product.trueMaker === maker));
      if (t.total > 0) byMaker[maker]![kind] = t;
    }
  }
  const lookalikesFlagged = lookalikeRows.filter((o) => o.wrongVendors.length > 0).map((o) => ({ model: o.product.model, kind: o.kind, maker: o.maker, vendors: o.wrongVendors, line: o.product.line }));
  const wrongMaker = products.filter((o) => o.wrongVendors.length > 0).map((o) => ({ model: o.product.model, kind: o.kind, vendors: o.wrongVendors, line: o.product.line }));
  const missed = products.filter((o) => !o.found).map((o) => ({ model: o.product.model, kind: o.kind, trueMaker: o.product.trueMaker!, line: o.product.line }));
  const meetsTargets = Object.values(byKind).every((k) => k.target === undefined || (k.recall ?? 1) >= k.target);
  return {
    file: evaluation.file,
    products: new Set(products.map((o) => o.product.line)).size,
    lookalikes: new Set(lookalikeRows.map((o) => o.product.line)).size,
    byKind,
    byMaker,
    relabels: tally(products.filter((o) => o.product.kind === 'relabel' && o.kind === 'OEM relabel')),
    lookalikesFlagged,
    wrongMaker,
    missed,
    passed: meetsTargets && lookalikesFlagged.length === 0,
  };
}

export function renderProductSummary(s: ProductSummary): string {
  const out: string[] = [];
  out.push(`Products: ${s.file} — ${s.products} products of flagged makers, ${s.lookalikes} lookalikes; each as a BOM row of every kind that applies, through the CSV path`);
  out.push('', 'Recall by row kind (found / rows; "possible" = found only at low confidence):');
  for (const [kind, t] of Object.entries(s.byKind)) {
    const target = t.target !== undefined ? `   target ≥ ${(t.target * 100).toFixed(0)} %${(t.recall ?? 1) >= t.target ? '' : '  NOT MET'}` : '';
    out.push(`  ${kind.padEnd(15)} ${String(t.found).padStart(4)} / ${String(t.total).padEnd(4)} ${percent(t.found, t.total).padStart(8)}   possible ${t.possible}${target}`);
  }
  out.push('', 'Recall by maker:');
  const kinds = ROW_KINDS.filter((k) => s.byKind[k]);
  out.push(`  ${'maker'.padEnd(12)} ${kinds.map((k) => k.padStart(16)).join(' ')}`);
  for (const [maker, row] of Object.entries(s.byMaker)) {
    out.push(`  ${maker.padEnd(12)} ${kinds.map((k) => (row[k] ? `${row[k]!.found}/${row[k]!.total}` : '–').padStart(16)).join(' ')}`);
  }
  out.push('', `Lookalikes flagged (must be none): ${s.lookalikesFlagged.length}`);
  for (const l of s.lookalikesFlagged) out.push(`  line ${l.line}: ${l.model} (${l.kind}, maker "${l.maker}") flagged as ${l.vendors.join(', ')}`);
  if (s.wrongMaker.length > 0) {
    out.push('', `Products also attributed to another flagged maker: ${s.wrongMaker.length}`);
    for (const w of s.wrongMaker.slice(0, 50)) out.push(`  line ${w.line}: ${w.model} (${w.kind}) also ${w.vendors.join(', ')}`);
  }
  out.push('', `Missed rows: ${s.missed.length}`);
  for (const m of s.missed.slice(0, 200)) out.push(`  line ${m.line}: ${m.model} (${m.trueMaker}, ${m.kind})`);
  out.push('', s.passed ? 'PASSED: targets met, no lookalike flagged' : 'FAILED: a target is not met or a lookalike was flagged', '');
  return out.join('\n');
}

/** The `eval --products` command. */
export async function runProductEval(options: EvalOptions, kb: KnowledgeBase): Promise<number> {
  const summaries: ProductSummary[] = [];
  for (const file of options.products) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${describeIoError(e)}`);
    }
    let products: LabelledProduct[];
    try {
      products = parseLabelledProducts(text);
    } catch (e) {
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
    summaries.push(summarizeProducts(evaluateProducts(kb, file, products)));
  }
  process.stdout.write(options.format === 'json' ? JSON.stringify({ passed: summaries.every((s) => s.passed), products: summaries }, null, 2) + '\n' : summaries.map(renderProductSummary).join('\n'));
  return summaries.every((s) => s.passed) ? 0 : 1;
}
