// The product catalogue (data/generated/catalogue.json) compiled for matching, shared by the model matchers
// (productModels.ts for free text, partNumbers.ts for BOM part values): model families (anchored patterns),
// models a device-type library lists (looked up whole, by a normalised key), relabel model schemes, and
// lookalikes (another maker's products that resemble a family: never a finding). Candidates are found by a
// map from the first two characters of a word to the entries that can start there, not by one regex per
// entry per word. A policy file's own `productPatterns` join as families.
import type { CatalogueFamily, CatalogueLookalike, CatalogueModel, CatalogueRelabel, Confidence, Evidence, Field, KnowledgeBase, RowContext } from '../model';
import { boundedSource, compileAnchoredPattern, escapeRegExp, flexibleNameSource } from './patterns';
import { closingParen, literalPrefixes, topLevelAlternatives } from '../regex/prefixes';
import { createVendorNameMatcher } from './vendorNames';
import { t } from '../l10n';

/** What a candidate string is, by the catalogue. */
export interface Identification {
  vendorId: string;
  kind: 'model' | 'oem-relabel';
  family?: CatalogueFamily;
  model?: CatalogueModel;
  relabel?: CatalogueRelabel;
  confidence: 'medium' | 'low';
  /** A shape other makers use too: evidence only inside a BOM row. */
  corroboration: boolean;
  catchAll: boolean;
  /** Only a whole part value (numeric BOM codes). */
  partOnly: boolean;
  /** Read only when the row's maker names the relabel brand. */
  brandOnly: boolean;
}

interface Entry {
  identification: Identification;
  regex: RegExp;
  /** Upper-cased literal prefixes every match starts with; undefined when the pattern has none. */
  prefixes?: string[];
}

export interface Located {
  start: number;
  end: number;
  identification: Identification;
}

/** Longer runs are no model number (URLs, hashes, base64): a cap that keeps the scan linear. */
const MAX_TOKEN = 64;
const TOKEN_AT = new RegExp(`[A-Za-z0-9][A-Za-z0-9+/().-]{0,${MAX_TOKEN}}`, 'y');
/** Words of one model written apart ("ATN 910", "TaiShan 200 2280", "CloudEngine S5735-L24P4S-A"). */
const MAX_WINDOW = 3;
/** A letter or digit: where a model can start (compared by code, not by a regex on a one-character string). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A character that joins a word to the one before it: a model does not start after one. */
function isJoinedCode(c: number): boolean {
  return isWordCode(c) || c === 95 /* _ */ || c === 45 /* - */;
}

/**
 * A run of hex digits that names no product: a colour after '#' (`#E5827E` in an XPM, SVG or draw.io
 * style) or a lower-case hash of seven or more digits with a letter and a digit (git's `e5531ba`).
 * Product names in hex letters alone are upper case and shorter (E5573, E8372); `end` is the word's end.
 */
function isHexIdentifier(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (start > 0 && text.charCodeAt(start - 1) === 35 /* # */ && /^(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/.test(word)) return true;
  return word.length >= 7 && /^[0-9a-f]+$/.test(word) && /[a-f]/.test(word) && /[0-9]/.test(word);
}

/** The token starting at `index`, without trailing punctuation ("NE40E," → "NE40E"); its end, or -1. */
function tokenEnd(text: string, index: number): number {
  TOKEN_AT.lastIndex = index;
  const m = TOKEN_AT.exec(text);
  if (!m || m[0].length > MAX_TOKEN) return -1;
  const token = m[0];
  let end = token.length;
  while (end > 1 && '.,:;'.includes(token[end - 1]!)) end--;
  // A ')' only belongs with its '('.
  if (token[end - 1] === ')' && !token.slice(0, end).includes('(')) while (end > 1 && token[end - 1] === ')') end--;
  return index + end;
}

/** A piece every writing of a listed model contains: its longest run of letters and digits, at most 6 long ("2CD214" of "DS-2CD2143G2-I"). */
function modelLiteral(key: string): string {
  return key.split('-').reduce((a, b) => (b.length > a.length ? b : a), '').slice(0, PREFIX_LENGTH);
}

/** The literals without those that contain another one (case aside): a text holding the longer holds the shorter. */
function minimalLiterals(literals: readonly string[]): string[] {
  const sorted = [...new Set(literals.map((l) => l.toUpperCase()))].sort((a, b) => a.length - b.length);
  const kept = new Set<string>();
  for (const literal of sorted) {
    let implied = false;
    for (let i = 0; i < literal.length && !implied; i++) for (let j = i + 1; j <= literal.length && !implied; j++) implied = j - i < literal.length && kept.has(literal.slice(i, j));
    if (!implied) kept.add(literal);
  }
  return [...kept];
}

/** How a listed model is looked up: case, spaces, underscores and hyphens aside ("NE8000 F1A" = "ne8000-f1a"). */
export function modelKey(model: string): string {
  return model.toUpperCase().replace(/[\s_-]+/g, '-');
}

/** Prefixes stop growing at this length: long enough to be rare in configs ("AP4", "SD2", "MF8"). */
const PREFIX_LENGTH = 5;
const MAX_PREFIXES = 400;

/** The characters a small class stands for ("[0-9]", "[345]", "[ -]"), or undefined for a large or negated one. */
function classCharacters(body: string): string[] | undefined {
  if (body.startsWith('^')) return undefined;
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') return undefined;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let code = c.charCodeAt(0); code <= body.charCodeAt(i + 2); code++) chars.push(String.fromCharCode(code));
      i += 2;
    } else chars.push(c);
  }
  return chars.length <= 10 && chars.every((c) => /[A-Za-z0-9 _-]/.test(c)) ? chars : undefined;
}

interface Prefixes {
  strings: string[];
  /** The whole source was read (so what follows a group it came from can be appended). */
  complete: boolean;
}

/**
 * The strings every match of an anchored pattern starts with, read further than literalPrefixes: small
 * classes and alternations are expanded ("AP[0-9]{4}" → "AP0"…"AP9") until each is PREFIX_LENGTH long.
 * They are the model matchers' triggers: two letters alone ("AP", "AC") occur on nearly every config line.
 */
export function triggerPrefixes(source: string): string[] | undefined {
  const read = prefixesFrom(source.startsWith('^') ? source.slice(1) : source, ['']);
  if (!read || read.strings.some((p) => p.length < 2)) return literalPrefixes(source);
  return [...new Set(read.strings)];
}

function prefixesFrom(source: string, stems: string[], stopAt = PREFIX_LENGTH): Prefixes | undefined {
  let current = stems;
  let i = 0;
  while (i < source.length) {
    if (current.every((p) => p.length >= stopAt)) return { strings: current, complete: false };
    const c = source[i]!;
    let options: string[] | undefined;
    let optionsComplete = true;
    let end: number;
    if (/[A-Za-z0-9 _-]/.test(c)) {
      options = [c];
      end = i + 1;
    } else if (c === '\\') {
      const e = source[i + 1] ?? '';
      options = e === 'd' ? [...'0123456789'] : /[-./ ]/.test(e) ? [e] : undefined;
      end = i + 2;
    } else if (c === '[') {
      const close = source.indexOf(']', i + 1);
      if (close < 0) return undefined;
      options = classCharacters(source.slice(i + 1, close));
      end = close + 1;
    } else if (c === '(') {
      const close = closingParen(source, i);
      if (close < 0) return undefined;
      // An alternative is read whole when it can be, so that what follows the group can be appended.
      const alternatives = topLevelAlternatives(source.slice(i + 1, close).replace(/^\?:/, '')).map((a) => prefixesFrom(a, [''], Infinity));
      if (alternatives.some((a) => a === undefined)) options = undefined;
      else {
        options = alternatives.flatMap((a) => a!.strings);
        optionsComplete = alternatives.every((a) => a!.complete);
      }
      end = close + 1;
    } else {
      return { strings: current, complete: false };
    }
    if (!options) return { strings: current, complete: false };
    const quantifier = /^(\?|\*|\+|\{(\d+)(,(\d*))?\})/.exec(source.slice(end));
    const min = !quantifier ? 1 : quantifier[1] === '?' || quantifier[1] === '*' ? 0 : quantifier[1] === '+' ? 1 : Number(quantifier[2]);
    const exactlyOnce = !quantifier || (quantifier[2] !== undefined && quantifier[3] === undefined && min === 1);
    let crossed = current.flatMap((p) => options!.map((o) => p + o));
    if (crossed.length > MAX_PREFIXES) {
      // Too many: the options cut shorter, as long as some of each is kept.
      for (let length = Math.max(...options.map((o) => o.length)) - 1; length >= 1; length--) {
        const shorter = [...new Set(options.map((o) => o.slice(0, length)))];
        if (current.length * shorter.length <= MAX_PREFIXES) return { strings: current.flatMap((p) => shorter.map((o) => p + o)), complete: false };
      }
      return { strings: current, complete: false };
    }
    // A required repetition ("[0-9]{3}") is crossed as often as it must occur, while the prefixes stay few and short.
    for (let n = 1; n < min && crossed.every((p) => p.length < stopAt); n++) {
      const more = crossed.flatMap((p) => options!.map((o) => p + o));
      if (more.length > MAX_PREFIXES) return { strings: crossed, complete: false };
      crossed = more;
    }
    if (min === 0) {
      // Optional: a match starts with or without it; what follows a repeated one cannot be appended.
      const either = [...current, ...crossed];
      if (quantifier![1] !== '?' || !optionsComplete || either.length > MAX_PREFIXES) return { strings: either, complete: false };
      current = either;
    } else {
      current = crossed;
      if (!exactlyOnce || !optionsComplete) return { strings: current, complete: false };
    }
    i = end + (quantifier?.[0].length ?? 0);
  }
  return { strings: current, complete: true };
}

export interface CatalogueIndex {
  /** Literals every model or relabel-model evidence of free text starts with; undefined when an entry has none. */
  readonly literals: readonly string[] | undefined;
  /** Regex sources for part-only entries (numeric codes) that no literal describes. */
  readonly partPatterns: readonly string[];
  /** The catalogue's reading of one whole value, or 'lookalike' for another maker's product. */
  identify(value: string, options?: { partValue?: boolean; brands?: readonly CatalogueRelabel[] }): Identification | 'lookalike' | undefined;
  /** Every model in a free text, shortest specific match first at each place (a brand word only as a last resort). */
  scan(text: string, brands?: readonly CatalogueRelabel[]): Located[];
  /** Relabel brands a maker value names ("Lorex", "Amcrest Technologies"). */
  relabelsNamedIn(text: string | undefined): readonly CatalogueRelabel[];
  /** Lookalike makers a maker value names ("Uniview", "TP-Link"). */
  lookalikesNamedIn(text: string | undefined): readonly CatalogueLookalike[];
  /** Flagged vendors a maker or description value names. */
  vendorsNamedIn(text: string | undefined): ReadonlySet<string>;
  relabels: readonly CatalogueRelabel[];
}

const cache = new WeakMap<KnowledgeBase, CatalogueIndex>();

export function catalogueIndex(kb: KnowledgeBase): CatalogueIndex {
  let index = cache.get(kb);
  if (!index) cache.set(kb, (index = buildIndex(kb)));
  return index;
}

/** A policy file's productPatterns as catalogue families. */
function policyFamilies(kb: KnowledgeBase): CatalogueFamily[] {
  return kb.vendors.flatMap((vendor) =>
    (vendor.productPatterns ?? []).map((p, i) => ({
      id: `${vendor.id}/policy-${i + 1}`,
      vendor: vendor.id,
      family: p.family,
      pattern: p.pattern,
      covers: p.note ?? p.family,
      collisions: p.note ?? '',
      collidesWith: p.collidesWith,
      confidence: (p.collidesWith ?? []).length > 0 ? ('low' as const) : ('medium' as const),
      catchAll: p.pattern.includes('.*'),
      source: { url: 'https://vendorlens.invalid/policy', checked: 'data' as const, note: "the organisation's policy file" },
    })),
  );
}

function namesRegex(names: readonly string[]): RegExp | undefined {
  const usable = names.filter((n) => n.trim() !== '');
  return usable.length > 0 ? new RegExp(boundedSource(usable.map(flexibleNameSource), false), 'iu') : undefined;
}

/** One of `names` and nothing else, case aside (a single word before a model number). */
function wholeNamesRegex(names: readonly string[]): RegExp | undefined {
  const usable = names.filter((n) => n.trim() !== '' && !/\s/.test(n.trim()));
  return usable.length > 0 ? new RegExp(`^(?:${usable.map((n) => escapeRegExp(n.trim())).join('|')})$`, 'iu') : undefined;
}

/** Distinct texts remembered per question: a BOM's maker column repeats a few values thousands of times. */
const MAX_REMEMBERED_TEXTS = 512;

/**
 * The text as a string of its own. A cell's text is a slice of its document's, and a slice keeps the whole
 * document alive: remembered as it is, each key held a file's text until the memory was cleared, and a scan
 * copied hundreds of megabytes of such texts into the old generation.
 */
function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** `answer` for a cell's text, remembered for the texts seen last; `none` for an absent or empty cell. */
function byText<T>(answer: (text: string) => T, none: T): (text: string | undefined) => T {
  let remembered = new Map<string, T>();
  return (text) => {
    if (!text) return none;
    let known = remembered.get(text);
    if (known === undefined) {
      if (remembered.size >= MAX_REMEMBERED_TEXTS) remembered = new Map();
      remembered.set(ownCopy(text), (known = answer(text)));
    }
    return known;
  };
}

function buildIndex(kb: KnowledgeBase): CatalogueIndex {
  const catalogue = kb.catalogue;
  const entries: Entry[] = [];
  const add = (identification: Identification, pattern: string) => {
    const { regex } = compileAnchoredPattern(pattern);
    if (!regex) return;
    entries.push({ identification, regex, prefixes: triggerPrefixes(pattern)?.map((p) => p.toUpperCase()) });
  };
  for (const family of [...catalogue.families, ...policyFamilies(kb)]) {
    if (!kb.vendorById.has(family.vendor)) continue;
    add(
      {
        vendorId: family.vendor,
        kind: 'model',
        family,
        confidence: family.confidence,
        corroboration: family.corroboration === 'required',
        catchAll: family.catchAll === true,
        partOnly: family.where === 'part',
        brandOnly: false,
      },
      family.pattern,
    );
  }
  for (const relabel of catalogue.relabels) {
    if (!relabel.models || !kb.vendorById.has(relabel.maker)) continue;
    add({ vendorId: relabel.maker, kind: 'oem-relabel', relabel, confidence: 'medium', corroboration: false, catchAll: false, partOnly: false, brandOnly: relabel.brandOnlyModels === true }, relabel.models);
  }
  const models = new Map<string, CatalogueModel>();
  const familyById = new Map(catalogue.families.map((f) => [f.id, f]));
  for (const model of catalogue.models) if (kb.vendorById.has(model.vendor) && !models.has(modelKey(model.model))) models.set(modelKey(model.model), model);
  const lookalikes = catalogue.lookalikes.map((l) => ({ lookalike: l, regex: compileAnchoredPattern(l.pattern).regex })).filter((l) => l.regex);

  // Free-text entries by the first two characters of their prefixes; part-only and brand-only entries are read whole.
  const byKey = new Map<string, Entry[]>();
  const free = entries.filter((e) => !e.identification.partOnly && !e.identification.brandOnly);
  for (const entry of free) {
    for (const prefix of entry.prefixes ?? []) {
      const key = prefix.slice(0, 2);
      const list = byKey.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byKey.set(key, list);
    }
  }
  const modelStarts = new Set([...models.keys()].map((k) => k.slice(0, 2)));
  const literals = free.some((e) => !e.prefixes)
    ? undefined
    : minimalLiterals([...free.flatMap((e) => e.prefixes!), ...[...models.keys()].map(modelLiteral)]);
  const partPatterns = entries.filter((e) => e.identification.partOnly).map((e) => `(?<![A-Za-z0-9])${e.regex.source.replace(/^\^/, '').replace(/\$$/, '')}(?![A-Za-z0-9])`);
  const unprefixed = free.filter((e) => !e.prefixes);
  const partOnly = entries.filter((e) => e.identification.partOnly);

  function isLookalike(value: string): boolean {
    return lookalikes.some((l) => l.regex!.test(value));
  }

  function modelIdentification(model: CatalogueModel): Identification {
    const family = model.family ? familyById.get(model.family) : undefined;
    // A listed model is a product of that maker, however short its family's shape.
    return { vendorId: model.vendor, kind: 'model', model, family, confidence: family?.confidence === 'low' ? 'low' : 'medium', corroboration: family?.corroboration === 'required', catchAll: false, partOnly: false, brandOnly: false };
  }

  /** What the catalogue reads `value` as; a lookalike pattern vetoes it (tested only when something would claim the value). */
  function identify(value: string, options: { partValue?: boolean; brands?: readonly CatalogueRelabel[] } = {}, candidates?: readonly Entry[]): Identification | 'lookalike' | undefined {
    const found = claim(value, options, candidates ?? [...(candidatesAt(value, 0, options.brands ?? []) ?? []), ...(options.partValue ? partOnly : [])]);
    return found && isLookalike(value) ? 'lookalike' : found;
  }

  function claim(value: string, options: { partValue?: boolean; brands?: readonly CatalogueRelabel[] }, pool: readonly Entry[]): Identification | undefined {
    const listed = models.get(modelKey(value));
    if (listed) return modelIdentification(listed);
    // A distinctive reading beats a shape that needs corroboration, which beats a catch-all (the Huawei-made
    // Vodafone K4505 under its brand is a relabel, not the bare K number that needs a BOM row).
    let shortShape: Identification | undefined;
    let fallback: Identification | undefined;
    for (const entry of pool) {
      const id = entry.identification;
      if (id.partOnly && !options.partValue) continue;
      if (id.brandOnly && !(options.brands ?? []).includes(id.relabel!)) continue;
      if (!entry.regex.test(value)) continue;
      if (id.catchAll) fallback ??= id;
      else if (id.corroboration) shortShape ??= id;
      else return id;
    }
    return shortShape ?? fallback;
  }

  function candidatesAt(text: string, start: number, brands: readonly CatalogueRelabel[]): Entry[] | undefined {
    const key = text.slice(start, start + 2).toUpperCase();
    const keyed = byKey.get(key);
    // Most words start no prefix: nothing more to build.
    if (!keyed && unprefixed.length === 0 && brands.length === 0) return modelStarts.has(key) ? [] : undefined;
    const head = text.slice(start, start + 16).toUpperCase();
    const found = (keyed ?? []).filter((e) => e.prefixes!.some((p) => head.startsWith(p) || (p.length > 16 && text.slice(start, start + p.length).toUpperCase() === p)));
    const brandEntries = brands.length > 0 ? entries.filter((e) => e.identification.brandOnly && brands.includes(e.identification.relabel!)) : [];
    const all = [...found, ...unprefixed, ...brandEntries];
    return all.length > 0 || modelStarts.has(key) ? all : undefined;
  }

  /**
   * The hit, unless the word before it makes the pair another maker's name (Motorola's "XiR E8600" is no Huawei
   * E-number modem) or is the name of a maker whose numbers look like the hit's ("Bosch B810", "Samsung B310").
   */
  function namedByPreviousWord(text: string, start: number, hit: Located): Located | undefined {
    if (start < 2 || text.charCodeAt(start - 1) !== 32 || !isWordCode(text.charCodeAt(start - 2))) return hit;
    let wordStart = start - 2;
    while (wordStart > 0 && isJoinedCode(text.charCodeAt(wordStart - 1))) wordStart--;
    if (isLookalike(text.slice(wordStart, hit.end))) return undefined;
    const previousWord = text.slice(wordStart, start - 1);
    return namesLookalikeMakerOf(previousWord, hit.identification.vendorId) ? undefined : hit;
  }

  /** Whether `word` is, as a whole, a name of a lookalike maker of `vendorId`. */
  function namesLookalikeMakerOf(word: string, vendorId: string): boolean {
    return lookalikeNames.some((l) => l.lookalike.looksLike === vendorId && l.wholeRegex !== undefined && l.wholeRegex.test(word));
  }

  function scan(text: string, brands: readonly CatalogueRelabel[] = []): Located[] {
    const found: Located[] = [];
    for (let start = 0; start < text.length; start++) {
      if (!isWordCode(text.charCodeAt(start)) || (start > 0 && isJoinedCode(text.charCodeAt(start - 1)))) continue;
      const candidates = candidatesAt(text, start, brands);
      if (!candidates) continue;
      let wordEnd = start + 1;
      while (wordEnd < text.length && isWordCode(text.charCodeAt(wordEnd))) wordEnd++;
      if (isHexIdentifier(text, start, wordEnd) && !isJoinedCode(text.charCodeAt(wordEnd))) {
        start = wordEnd - 1;
        continue;
      }
      let best: Located | undefined;
      let fallback: Located | undefined;
      let vetoed = false;
      let end = tokenEnd(text, start);
      for (let k = 0; k < MAX_WINDOW && end > start; k++) {
        const id = identify(text.slice(start, end), { brands }, candidates);
        if (id === 'lookalike') {
          vetoed = true;
          break;
        }
        if (id && !id.catchAll) {
          best = { start, end, identification: id };
          break;
        }
        if (id && !fallback) fallback = { start, end, identification: id };
        if (text.charCodeAt(end) !== 32 || !isWordCode(text.charCodeAt(end + 1))) break;
        end = tokenEnd(text, end + 1);
      }
      const chosen = vetoed ? undefined : (best ?? fallback);
      const hit = chosen && namedByPreviousWord(text, start, chosen);
      if (hit) {
        found.push(hit);
        start = hit.end - 1;
      } else {
        // Skip the rest of this word: candidates start at word starts only.
        while (start + 1 < text.length && isJoinedCode(text.charCodeAt(start + 1))) start++;
      }
    }
    return found;
  }

  const identifiedPart = byText((value) => identify(value, { partValue: true }) ?? null, undefined);
  const identifiedFree = byText((value) => identify(value) ?? null, undefined);
  const relabelNames = catalogue.relabels.filter((r) => kb.vendorById.has(r.maker)).map((r) => ({ relabel: r, regex: namesRegex(r.names) }));
  const lookalikeNames = catalogue.lookalikes.map((l) => ({ lookalike: l, regex: namesRegex(l.names), wholeRegex: wholeNamesRegex(l.names) }));
  const vendorNames = createVendorNameMatcher(kb);

  return {
    literals,
    partPatterns,
    identify: (value, options = {}) => {
      // Without brands the answer depends on the value alone: BOMs repeat their part numbers.
      if ((options.brands ?? []).length > 0 || value === '') return identify(value, options);
      return (options.partValue ? identifiedPart : identifiedFree)(value) ?? undefined;
    },
    scan,
    relabelsNamedIn: byText((text) => relabelNames.filter((r) => r.regex?.test(text)).map((r) => r.relabel), []),
    lookalikesNamedIn: byText((text) => lookalikeNames.filter((l) => l.regex?.test(text)).map((l) => l.lookalike), []),
    vendorsNamedIn: byText((text) => new Set(vendorNames.match({ offset: 0, text, role: 'maker' }).map((e) => e.vendorId)), new Set<string>()),
    relabels: catalogue.relabels,
  };
}

/** How sure a catalogue identification is in its field and BOM row, and why; undefined when the row decides against it. */
export interface Weighed {
  kind: 'model' | 'oem-relabel';
  confidence: Confidence;
  detail: string;
  /** What would confirm a low-confidence identification. */
  wouldConfirm?: string;
}

/** The evidence a weighed catalogue hit gives, at the hit's place in the field. */
export function catalogueEvidence(field: Field, hit: { start: number; end: number; identification: Identification }, weighed: Weighed): Evidence {
  return {
    kind: weighed.kind,
    vendorId: hit.identification.vendorId,
    start: field.offset + hit.start,
    end: field.offset + hit.end,
    matched: field.text.slice(hit.start, hit.end),
    confidence: weighed.confidence,
    detail: weighed.detail,
    wouldConfirm: weighed.wouldConfirm,
    ...(hit.identification.family ? { family: hit.identification.family.family } : {}),
    field,
  };
}

/** Dates of a relabel ("2018–2023"), for messages. */
function period(relabel: CatalogueRelabel): string {
  if (relabel.from && relabel.until) return `${relabel.from}–${relabel.until}`;
  if (relabel.from) return t('since {0}', relabel.from);
  return relabel.until ? t('until {0}', relabel.until) : '';
}

/** What identified the product: its family, the list it is on, the relabel, and the source. */
export function describeIdentification(kb: KnowledgeBase, id: Identification): string {
  const maker = kb.vendorById.get(id.vendorId)?.displayName ?? id.vendorId;
  if (id.relabel) {
    const when = period(id.relabel);
    return t('model sold as {0}, made by {1} ({2}; per {3})', id.relabel.brand, maker, when ? `${id.relabel.id}, ${when}` : id.relabel.id, id.relabel.source.url);
  }
  if (id.model) {
    const listed = t('listed in the NetBox device-type library as {0} ({1} at {2})', id.model.model, id.model.source.file, id.model.source.commit.slice(0, 7));
    return id.family ? t('model of the {0} {1} family, {2}', maker, id.family.family, listed) : t('model {0}', listed);
  }
  const family = id.family!;
  return t('model of the {0} {1} family ({2}; per {3})', maker, family.family, family.id, family.source.url);
}

const NO_VENDORS: ReadonlySet<string> = new Set<string>();

export function weigh(kb: KnowledgeBase, index: CatalogueIndex, id: Identification, field: Field, row: RowContext | undefined = field.row): Weighed | undefined {
  const vendor = id.vendorId;
  const displayName = (v: string) => kb.vendorById.get(v)?.displayName ?? v;
  const makers = index.vendorsNamedIn(row?.maker);
  const named = index.relabelsNamedIn(row?.maker);
  const brands = named.length === 0 ? named : named.filter((r) => r.maker === vendor);
  if (!makers.has(vendor) && index.lookalikesNamedIn(row?.maker).some((l) => l.looksLike === vendor)) return undefined;
  const collides = id.family?.collidesWith ?? [];
  if (!makers.has(vendor) && collides.some((c) => makers.has(c))) return undefined;
  // Another flagged maker in the maker column decides against a family that is not its own.
  if (makers.size > 0 && !makers.has(vendor) && [...makers].some((m) => kb.vendorById.get(m)?.status === 'flagged') && brands.length === 0) return undefined;
  const inBomRow = row !== undefined && (row.quantity !== undefined || row.description !== undefined || row.maker !== undefined);
  if (id.corroboration && !inBomRow) return undefined;
  let kind = id.kind;
  let confidence: Confidence = field.role === 'comment' ? 'low' : id.confidence;
  const notes: string[] = [];
  let wouldConfirm: string | undefined;
  const described = field.role === 'description' ? NO_VENDORS : index.vendorsNamedIn(row?.description);
  if (makers.has(vendor)) {
    confidence = 'high';
    notes.push(t('the maker given agrees'));
  } else if (brands.length > 0) {
    kind = 'oem-relabel';
    confidence = 'high';
    const relabel = brands[0]!;
    notes.push(t('sold as {0}, a brand of products made by {1} ({2}; per {3})', relabel.brand, displayName(vendor), relabel.id, relabel.source.url));
  } else if (described.has(vendor)) {
    confidence = 'high';
    notes.push(t('its description names {0}', displayName(vendor)));
  } else if (row?.maker && makers.size === 0) {
    notes.push(t('maker given as "{0}": a reseller or distributor, or a wrong entry; the model identifies {1}', row.maker, displayName(vendor)));
  } else if (row?.maker) {
    notes.push(t('maker given as {0}', [...makers].map(displayName).join(', ')));
  }
  if (confidence !== 'high') {
    if (id.corroboration) {
      confidence = 'low';
      notes.push(t('a short number other makers use too'));
      wouldConfirm = t('a maker column or description naming {0}', displayName(vendor));
    } else if (collides.length > 0) {
      notes.push(t('{0} uses look-alike model numbers: confirm the maker', collides.map(displayName).join(', ')));
    }
  }
  const detail = describeIdentification(kb, id);
  return { kind, confidence, detail: notes.length > 0 ? `${detail} (${notes.join('; ')})` : detail, wouldConfirm };
}
