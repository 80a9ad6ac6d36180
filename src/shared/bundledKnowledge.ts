// The knowledge base shipped with VendorLens; esbuild inlines data/*.yaml, as text and parsed at build
// time, so every bundle (CLI, language server, web worker) carries it without reading files or parsing
// YAML at run time; the generated MAC-prefix subset and product catalogue come in as JSON.
import advisories from '../../data/advisories.yaml';
import advisoriesValue from '../../data/advisories.yaml?value';
import profiles from '../../data/profiles.yaml';
import profilesValue from '../../data/profiles.yaml?value';
import vendors from '../../data/vendors.yaml';
import vendorsValue from '../../data/vendors.yaml?value';
import ouiRegistry from '../../data/generated/oui.json';
import catalogue from '../../data/generated/catalogue.json';
import { loadKnowledgeBase } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model';

let cached: KnowledgeBase | undefined;

export function bundledKnowledge(): KnowledgeBase {
  cached ??= loadKnowledgeBase({
    vendors: { file: 'data/vendors.yaml', text: vendors, value: vendorsValue },
    advisories: { file: 'data/advisories.yaml', text: advisories, value: advisoriesValue },
    profiles: { file: 'data/profiles.yaml', text: profiles, value: profilesValue },
    ouiRegistry: { file: 'data/generated/oui.json', data: ouiRegistry },
    catalogue: { file: 'data/generated/catalogue.json', data: catalogue },
  });
  return cached;
}
