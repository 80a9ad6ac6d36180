// What is this document? Chooses the format module from the content first (a CycloneDX or SPDX document
// says what it is near its start), then the language id and the file extension. Config dialects are
// recognised by content inside the text format.
import type { TextFormatId } from '../model';
import { csvFormat, sniffDelimiter, tokenizeDelimited } from './csv';
import { cyclonedxJsonFormat, cyclonedxXmlFormat, looksLikeCycloneDx } from './cyclonedx';
import { UNKNOWN_DIALECT, type FormatModule } from './format';
import { inventoryJsonFormat, inventoryXmlFormat, inventoryYamlFormat, looksLikeInventory, looksLikeXmlInventory } from './inventory';
import { plainTextFormat } from './plainText';
import { isWhitespace } from '../text';
import { headerRole } from './table';
import { looksLikeSpdx, spdx3JsonFormat, spdxJsonFormat, spdxTagValueFormat, spdxYamlFormat } from './spdx';

const FORMATS: Record<TextFormatId, FormatModule> = {
  text: plainTextFormat,
  unrelated: { id: 'unrelated', parse: () => ({ fields: [], problems: [], dialect: UNKNOWN_DIALECT }) },
  csv: csvFormat,
  'cyclonedx-json': cyclonedxJsonFormat,
  'cyclonedx-xml': cyclonedxXmlFormat,
  'spdx-tag-value': spdxTagValueFormat,
  'spdx-json': spdxJsonFormat,
  'spdx-yaml': spdxYamlFormat,
  'spdx3-json': spdx3JsonFormat,
  'inventory-json': inventoryJsonFormat,
  'inventory-yaml': inventoryYamlFormat,
  'inventory-xml': inventoryXmlFormat,
};

const CSV_LANGUAGES = new Set(['csv', 'tsv', 'csv (semicolon)', 'csv (pipe)', 'csv (whitespace)']);
const CSV_EXTENSIONS = /\.(csv|tsv|psv|tab)$/i;
const JSON_LANGUAGES = new Set(['json', 'jsonc', 'jsonld']);
const JSON_EXTENSIONS = /\.(json|jsonld)$/i;
const YAML_EXTENSIONS = /\.ya?ml$/i;
const XML_EXTENSIONS = /\.xml$/i;
/** How much of the start of a document the content checks read. */
const HEAD = 64 * 1024;

export interface DocumentIdentity {
  uri: string;
  languageId?: string;
  text: string;
}

/**
 * A CycloneDX or SPDX document by its own declaration. JSON starts with '{' or '[' and XML with '<', so
 * the head of anything else (most files: configs) is only searched for the SPDX tag-value and YAML
 * signatures, not all of them.
 */
function declaredBom(head: string): TextFormatId | undefined {
  let at = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < head.length && isWhitespace(head.charCodeAt(at))) at++;
  const first = head[at];
  if (first === '{' || first === '[' || first === '<') return looksLikeCycloneDx(head) ?? looksLikeSpdx(head);
  return looksLikeSpdx(head, { json: false });
}

/** How many records of the head are looked at for a header row. */
const SNIFF_RECORDS = 10;

/** Content check for delimited text without a telling name: a recognisable header row in the first lines. */
function looksDelimited(text: string): boolean {
  const head = text.slice(0, 16 * 1024);
  const delimiter = sniffDelimiter(head);
  const { records } = tokenizeDelimited(head, delimiter, 0, SNIFF_RECORDS);
  const sample = records.filter((r) => r.cells.length > 1);
  if (sample.length < 2) return false;
  return sample.some((r) => new Set(r.cells.map((c) => headerRole(c.value)).filter(Boolean)).size >= 2);
}

export function detectFormat(doc: DocumentIdentity): TextFormatId {
  const language = doc.languageId?.toLowerCase();
  const path = doc.uri.replace(/[?#].*$/, '');
  if ((language && CSV_LANGUAGES.has(language)) || CSV_EXTENSIONS.test(path)) return 'csv';
  const head = doc.text.slice(0, HEAD);
  const declared = declaredBom(head);
  if (declared) return declared;
  const json = (language !== undefined && JSON_LANGUAGES.has(language)) || JSON_EXTENSIONS.test(path) || /^\uFEFF?\s*(\{\s*["}]|\[\s*[{["\d\]-])/.test(head);
  const yaml = language === 'yaml' || YAML_EXTENSIONS.test(path);
  // An editor's JSON/YAML/XML that is no BOM or inventory (package.json, CI files…) is not a vendor list:
  // leave it alone. Without a language id (the CLI) it is still searched as text.
  const unrelated: TextFormatId = language !== undefined && language !== '' ? 'unrelated' : 'text';
  if (json && !yaml) return looksLikeInventory(head) ? 'inventory-json' : unrelated;
  if (yaml) return looksLikeInventory(head) ? 'inventory-yaml' : unrelated;
  if (/\.spdx$/i.test(path) || language === 'spdx') return 'spdx-tag-value';
  if (language === 'xml' || XML_EXTENSIONS.test(path)) {
    if (looksLikeXmlInventory(head)) return 'inventory-xml';
    return language === 'xml' ? 'unrelated' : 'text';
  }
  if (language === 'plaintext' || language === 'log' || language === undefined) {
    return looksDelimited(doc.text) ? 'csv' : 'text';
  }
  return 'text';
}

export function formatModule(id: TextFormatId): FormatModule {
  return FORMATS[id];
}
