// Which contributed language (package.json `languages`) shows a recognised config dialect. No `vscode`
// import: unit-tested on its own.
import type { DocumentDialectParams } from '../shared/protocol';

/** The languages a dialect's grammar is contributed as (package.json `languages`). */
export const DIALECT_LANGUAGES: Readonly<Record<string, string>> = {
  'huawei-vrp': 'huawei-vrp',
  'h3c-comware': 'h3c-comware',
  'zte-zxros': 'zte-zxros',
  'cisco-ios': 'network-config',
  'cisco-nxos': 'network-config',
  'cisco-iosxr': 'network-config',
  'arista-eos': 'network-config',
  'juniper-junos': 'network-config',
  'mikrotik-routeros': 'network-config',
  'fortinet-fortios': 'network-config',
};

/** Languages a config ends up in when nothing better knows it. */
const GENERIC_LANGUAGES = new Set(['plaintext', 'properties', 'log']);

/** The language a document should get, or undefined to leave it as it is. */
export function languageForDialect(currentLanguage: string, dialect: string, confidence: DocumentDialectParams['confidence']): string | undefined {
  if (confidence !== 'high' || !GENERIC_LANGUAGES.has(currentLanguage)) return undefined;
  return DIALECT_LANGUAGES[dialect];
}
