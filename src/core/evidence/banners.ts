// Evidence kind 'banner': a vendor's version banner ("Huawei Versatile Routing Platform", "VRP (R)
// software", "ZTE ZXCTN Software", "Comware Software") or a copyright line naming the vendor
// ("Copyright (c) 2022 by ZTE Corporation"), in `show version` output, LLDP/CDP neighbour
// descriptions or backup headers. Banner phrases come from vendors.yaml `banners`.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, type EvidenceMatcher } from './matcher';
import { boundedSource, flexibleNameSource, isUnspacedScript, phraseTrigger } from './patterns';
import { t } from '../l10n';

interface Phrase {
  vendorId: string;
  text: string;
}

/** Lower-case, whitespace-free: how a matched phrase is looked up whatever its spacing and case. */
function keyOf(text: string): string {
  return text.replace(/\s+/g, '').replace(/\.$/, '').toLowerCase();
}

function alternation(phrases: Phrase[]): { source: string; byKey: Map<string, Phrase> } {
  const byKey = new Map<string, Phrase>();
  for (const p of phrases) byKey.set(keyOf(p.text), p);
  const sources = [...phrases].sort((a, b) => b.text.length - a.text.length).map((p) => flexibleNameSource(p.text));
  return { source: boundedSource(sources, false), byKey };
}

// "Copyright (C) 2012-2018 ", "Copyright (c) 2022 by ", "Copyright © 2004-2014 ": bounded, so linear.
const COPYRIGHT = /(?<![\p{L}\p{N}_])Copyright[ \t]*(?:\([cC]\)|©)?[ \t]*[\d, \t-]{0,40}(?:by[ \t]+)?/gu;

export function createBannerMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const banners: Phrase[] = [];
  const names: Phrase[] = [];
  for (const vendor of kb.vendors) {
    // Blank phrases would match the empty string everywhere: left out.
    for (const text of vendor.banners ?? []) if (text.trim() !== '') banners.push({ vendorId: vendor.id, text });
    for (const name of vendor.names) if (name.text.trim() !== '' && !isUnspacedScript(name.text)) names.push({ vendorId: vendor.id, text: name.text });
  }
  const banner = banners.length > 0 ? alternation(banners) : undefined;
  const bannerRegex = banner ? new RegExp(banner.source, 'giu') : undefined;
  const holder = alternation(names);
  // Sticky: the name must start right where the copyright prefix ends.
  const holderRegex = new RegExp(holder.source, 'iuy');
  const phrases = phraseTrigger(banners.map((b) => b.text));
  const bannerTrigger = phrases && { literals: [...phrases.literals, 'copyright'] };

  return {
    kind: 'banner',
    // A copyright line names its holder after the word "copyright".
    trigger: bannerTrigger,
    match(field: Field): readonly Evidence[] {
      const found: Evidence[] = [];
      const confidence = field.role === 'comment' ? 'medium' : 'high';
      if (bannerRegex && banner) {
        bannerRegex.lastIndex = 0;
        for (let m = bannerRegex.exec(field.text); m; m = bannerRegex.exec(field.text)) {
          if (m[0].length === 0) {
            bannerRegex.lastIndex++;
            continue;
          }
          const phrase = banner.byKey.get(keyOf(m[0]));
          if (!phrase) continue;
          found.push(evidenceAt(field, m.index, m[0], { kind: 'banner', vendorId: phrase.vendorId, confidence, detail: t('version banner') }));
        }
      }
      if (!/copyright/i.test(field.text)) return found;
      COPYRIGHT.lastIndex = 0;
      for (let m = COPYRIGHT.exec(field.text); m; m = COPYRIGHT.exec(field.text)) {
        holderRegex.lastIndex = m.index + m[0].length;
        const name = holderRegex.exec(field.text);
        const phrase = name ? holder.byKey.get(keyOf(name[0])) : undefined;
        if (!name || !phrase) continue;
        const end = name.index + name[0].length;
        found.push({
          kind: 'banner',
          vendorId: phrase.vendorId,
          start: field.offset + m.index,
          end: field.offset + end,
          matched: field.text.slice(m.index, end),
          confidence,
          detail: t('copyright line'),
          field,
        });
      }
      return found;
    },
  };
}
