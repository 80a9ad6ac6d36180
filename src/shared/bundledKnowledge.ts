// The knowledge base shipped with VendorLens; esbuild inlines data/*.yaml as text so every bundle
// (CLI, language server, web worker) carries it without reading files at run time; the generated
// MAC-prefix subset comes in as JSON.
import advisories from '../../data/advisories.yaml';
import profiles from '../../data/profiles.yaml';
import vendors from '../../data/vendors.yaml';
import ouiRegistry from '../../data/generated/oui.json';
import { loadKnowledgeBase } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model';

let cached: KnowledgeBase | undefined;

export function bundledKnowledge(): KnowledgeBase {
  cached ??= loadKnowledgeBase({
    vendors: { file: 'data/vendors.yaml', text: vendors },
    advisories: { file: 'data/advisories.yaml', text: advisories },
    profiles: { file: 'data/profiles.yaml', text: profiles },
    ouiRegistry: { file: 'data/generated/oui.json', data: ouiRegistry },
  });
  return cached;
}
