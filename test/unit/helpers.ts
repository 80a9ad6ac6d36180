// Shared set-up for core unit tests: the real knowledge base from data/, documents built inline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIELDS_PER_CLOCK_READ } from '../../src/core/analyze';
import { loadKnowledgeBase, type KnowledgeSources } from '../../src/core/knowledge/load';
import { getLanguageService, type LanguageService, type LanguageSettings } from '../../src/core/languageService';
import type { KnowledgeBase } from '../../src/core/model';
import { createProductModelMatcher } from '../../src/core/evidence/productModels';

export const ROOT = join(__dirname, '..', '..');

export function knowledgeSources(): KnowledgeSources {
  const read = (name: string) => ({ file: `data/${name}`, text: readFileSync(join(ROOT, 'data', name), 'utf8') });
  const ouiRegistry = JSON.parse(readFileSync(join(ROOT, 'data', 'generated', 'oui.json'), 'utf8'));
  return {
    vendors: read('vendors.yaml'),
    advisories: read('advisories.yaml'),
    profiles: read('profiles.yaml'),
    ouiRegistry: { file: 'data/generated/oui.json', data: ouiRegistry },
    catalogue: { file: 'data/generated/catalogue.json', data: JSON.parse(readFileSync(join(ROOT, 'data', 'generated', 'catalogue.json'), 'utf8')) },
  };
}

let kb: KnowledgeBase | undefined;
export function knowledge(): KnowledgeBase {
  kb ??= loadKnowledgeBase(knowledgeSources());
  return kb;
}

let version = 0;
export function textDocument(text: string, uri = 'test://test/config.txt', languageId = 'plaintext'): TextDocument {
  return TextDocument.create(uri, languageId, ++version, text);
}

export const FIXED_NOW = new Date('2026-11-29T12:00:00Z');

/**
 * A clock for the analysis time budget that moves one millisecond per field the analysis looks at (the
 * budget reads it once in FIELDS_PER_CLOCK_READ fields): where a budget stops is then the same on any machine.
 */
export function tickingPerField(): () => number {
  let now = 0;
  return () => {
    const time = now;
    now += FIELDS_PER_CLOCK_READ;
    return time;
  };
}

export function languageService(settings: LanguageSettings = {}, now: Date = FIXED_NOW): LanguageService {
  const service = getLanguageService({ knowledge: knowledge(), now: () => now });
  service.configure(settings);
  return service;
}

/** The text each finding underlines, with its vendor: easy to compare in assertions. */
export function underlined(document: TextDocument, service: LanguageService): { vendor: string; text: string; line: number }[] {
  return service.analyze(document).findings.map((f) => ({
    vendor: f.vendorId,
    text: document.getText(f.range),
    line: f.range.start.line,
  }));
}

/**
 * The flagged makers (with confidence) found in a one-row BOM (Manufacturer;Part Number;Description;Qty)
 * under the US federal profile: how the product-class tests read a model as a quote row gives it.
 */
export function flaggedInQuoteRow(maker: string, model: string, description = 'equipment'): [string, string][] {
  return languageService({ profile: 'us-federal' })
    .analyze(textDocument(`Manufacturer;Part Number;Description;Qty\n${maker};${model};${description};1\n`, 'file:///ws/q.csv', 'csv'))
    .findings.filter((f) => knowledge().vendorById.get(f.vendorId)?.status === 'flagged')
    .map((f) => [f.vendorId, f.evidence.confidence]);
}

/** The makers the product-model matcher reads in free text. */
export function productMakersInText(text: string): string[] {
  return createProductModelMatcher(knowledge()).match({ offset: 0, text, role: 'text' }).map((e) => e.vendorId);
}
