// XML namespaces resolved in constant time per name. saxes's own `xmlns` mode looks each prefix up by
// walking the whole stack of open elements, so a document nested n deep costs n² (a 1.5 MB CycloneDX
// BOM took 50 s): here saxes runs without it and each prefix keeps its own stack of bindings.
import { SaxesParser, type SaxesTag } from 'saxes';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface NsAttribute {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

/** An element with its namespace resolved: the fields VendorLens reads of saxes's namespace-aware tags. */
export interface NsTag {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: Record<string, NsAttribute>;
  isSelfClosing: boolean;
}

const NO_ATTRIBUTES: Record<string, NsAttribute> = Object.freeze(Object.create(null) as Record<string, NsAttribute>);

export type PlainParser = SaxesParser<{ position: true }>;

export interface NsHandlers {
  opentag?(tag: NsTag): void;
  closetag?(tag: NsTag): void;
  /** A namespace error (an unbound prefix), as saxes's own namespace mode reports it. */
  error?(message: string): void;
}

function split(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/**
 * Attaches namespace resolution to a parser created without `xmlns`: `handlers` receive resolved tags.
 * Returns the current depth (open elements), for callers that bound it.
 */
export function resolveNamespaces(parser: PlainParser, handlers: NsHandlers): { depth(): number } {
  const bindings = new Map<string, string[]>([['xml', [XML_NAMESPACE]], ['xmlns', [XMLNS_NAMESPACE]]]);
  /** Per open element: its resolved tag and the prefixes it declared (mostly none). */
  const open: NsTag[] = [];
  const declarations: (string[] | undefined)[] = [];
  const lookup = (prefix: string) => bindings.get(prefix)?.at(-1);
  const defaults = bindings.get('') ?? [];
  bindings.set('', defaults);
  parser.on('opentag', (plain: SaxesTag) => {
    const raw = plain.attributes as Record<string, string>;
    let declared: string[] | undefined;
    let attributes = NO_ATTRIBUTES;
    // Two passes over the attributes, and none at all for the many elements without any (a sheet's cells).
    for (const name in raw) {
      if (attributes === NO_ATTRIBUTES) attributes = Object.create(null) as Record<string, NsAttribute>;
      const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined;
      if (prefix === undefined) continue;
      let stack = bindings.get(prefix);
      if (!stack) bindings.set(prefix, (stack = []));
      stack.push(raw[name]!);
      (declared ??= []).push(prefix);
    }
    const { prefix, local } = split(plain.name);
    let uri = prefix === '' ? (defaults.at(-1) ?? '') : (lookup(prefix) ?? '');
    if (prefix !== '' && uri === '') {
      handlers.error?.(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
      uri = prefix;
    }
    if (attributes !== NO_ATTRIBUTES) {
      for (const name in raw) {
        const parts = split(name);
        // The default namespace never applies to attributes.
        let attributeUri = name === 'xmlns' ? XMLNS_NAMESPACE : parts.prefix === '' ? '' : lookup(parts.prefix);
        if (attributeUri === undefined) {
          handlers.error?.(`unbound namespace prefix: ${JSON.stringify(parts.prefix)}.`);
          attributeUri = parts.prefix;
        }
        attributes[name] = { name, prefix: parts.prefix, local: parts.local, uri: attributeUri, value: raw[name]! };
      }
    }
    const tag: NsTag = { name: plain.name, prefix, local, uri, attributes, isSelfClosing: plain.isSelfClosing === true };
    open.push(tag);
    declarations.push(declared);
    handlers.opentag?.(tag);
  });
  // saxes calls this once for every element it closes, self-closing ones included, innermost first.
  parser.on('closetag', () => {
    const tag = open.pop();
    if (!tag) return;
    const declared = declarations.pop();
    if (declared) for (const prefix of declared) bindings.get(prefix)!.pop();
    handlers.closetag?.(tag);
  });
  return { depth: () => open.length };
}
