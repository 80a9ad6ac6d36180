// XML with exact positions, on `saxes` (ISC, no dependencies, runs in a browser, never fetches DTDs or
// expands entities). saxes reports the position just after each event, so element and value ranges are
// reconstructed from those: a start tag begins `name.length + 1` before `opentagstart`, content runs from
// `opentag` to the `</` before `closetag`. Namespaces are resolved by xmlNamespaces.ts (linear in depth),
// and elements nested deeper than MAX_XML_DEPTH are not elements of the tree: their text is read as the
// text of the deepest element kept, with a problem where the depth is exceeded.
import { SaxesParser } from 'saxes';
import type { ParseProblem } from './format';
import type { Entry, ScalarNode, TreeNode } from './tree';
import { resolveNamespaces, type NsTag, type PlainParser } from './xmlNamespaces';

/** No BOM is this deep; the tree walk and its recursion stay bounded. */
export const MAX_XML_DEPTH = 200;

export interface XmlAttribute {
  name: string;
  value: string;
  /** Range of the value inside its quotes. */
  start: number;
  end: number;
}

export interface XmlElement {
  /** Local name, without a namespace prefix. */
  name: string;
  namespace: string;
  start: number;
  /** Content range: after the start tag's '>' up to the end tag's '</' (equal for an empty element). */
  contentStart: number;
  contentEnd: number;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Whether the element holds text (or CDATA) of its own. */
  hasText: boolean;
}

export interface ParsedXml {
  root?: XmlElement;
  problems: ParseProblem[];
}

const MAX_PROBLEMS = 20;

/** Attribute value ranges, read from the start tag's own text (saxes gives values, not positions). A plain scan: linear. */
function attributesOf(text: string, tagStart: number, tagEnd: number, names: Record<string, { value: string }>): XmlAttribute[] {
  const result: XmlAttribute[] = [];
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let i = tagStart + 1;
  while (i < tagEnd && !isSpace(text[i]) && text[i] !== '>' && text[i] !== '/') i++; // the tag name
  while (i < tagEnd) {
    while (i < tagEnd && (isSpace(text[i]) || text[i] === '/')) i++;
    const nameStart = i;
    while (i < tagEnd && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '>') i++;
    const qualified = text.slice(nameStart, i);
    while (i < tagEnd && isSpace(text[i])) i++;
    if (text[i] !== '=') {
      i++;
      continue;
    }
    i++;
    while (i < tagEnd && isSpace(text[i])) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const valueStart = i + 1;
    const close = text.indexOf(quote, valueStart);
    if (close < 0 || close >= tagEnd) break;
    const local = qualified.includes(':') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
    if (names[qualified] && qualified !== 'xmlns' && !qualified.startsWith('xmlns:')) {
      result.push({ name: local, value: names[qualified]!.value, start: valueStart, end: close });
    }
    i = close + 1;
  }
  return result;
}

export function parseXml(text: string): ParsedXml {
  const problems: ParseProblem[] = [];
  const parser: PlainParser = new SaxesParser({ position: true });
  /** Open elements kept in the tree; `skipped` counts those open below the depth limit. */
  const stack: XmlElement[] = [];
  let skipped = 0;
  let root: XmlElement | undefined;
  let tagStart = 0;
  let lastTextEvent = 0;
  const report = (message: string) => {
    const at = Math.min(Math.max(parser.position - 1, 0), text.length);
    const what = message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').replace(/\.?$/, '.');
    const full = `XML: ${what} The values that could be read are still checked.`;
    if (problems.length >= MAX_PROBLEMS || problems.some((p) => p.start === at && p.message === full)) return;
    problems.push({ start: at, end: Math.min(at + 1, text.length), severity: 'error', code: 'xml-syntax', message: full });
  };
  parser.on('opentagstart', (tag) => {
    tagStart = parser.position - tag.name.length - 1;
  });
  const scope = resolveNamespaces(parser, {
    error: report,
    opentag(tag: NsTag) {
      if (skipped > 0 || scope.depth() > MAX_XML_DEPTH + 1) {
        if (skipped === 0) {
          // tagStart is where the name begins, one after its '<'.
          const at = Math.max(tagStart - 1, 0);
          problems.push({
            start: at,
            end: Math.min(at + 1, text.length),
            severity: 'warning',
            code: 'xml-too-deep',
            message: `XML nested more than ${MAX_XML_DEPTH} levels deep: from here the content is searched as plain text, not as items and fields. A BOM is never this deep.`,
          });
        }
        if (!tag.isSelfClosing) skipped++;
        return;
      }
      const element: XmlElement = {
        name: tag.local,
        namespace: tag.uri,
        start: tagStart,
        contentStart: parser.position,
        contentEnd: parser.position,
        attributes: attributesOf(text, tagStart, parser.position, tag.attributes),
        children: [],
        hasText: false,
      };
      // After a broken end tag saxes may close the root early: later elements still belong to it.
      const parent = stack.at(-1) ?? root;
      if (parent) parent.children.push(element);
      else root = element;
      if (!tag.isSelfClosing) stack.push(element);
    },
    closetag(tag: NsTag) {
      if (tag.isSelfClosing) return;
      if (skipped > 0) {
        skipped--;
        return;
      }
      const element = stack.at(-1);
      if (!element || element.name !== tag.local) return;
      stack.pop();
      // The end tag starts at the last '</' before the parser's position.
      const endTag = text.lastIndexOf('</', parser.position - 1);
      element.contentEnd = Math.max(element.contentStart, endTag >= element.contentStart ? endTag : lastTextEvent);
    },
  });
  const onText = (value: string) => {
    lastTextEvent = parser.position;
    const current = stack.at(-1);
    if (current && value.trim() !== '') current.hasText = true;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => report(error.message));
  try {
    parser.write(text).close();
  } catch (e) {
    problems.push({ start: 0, end: Math.min(1, text.length), severity: 'error', code: 'xml-syntax', message: `XML could not be read: ${(e as Error).message}` });
  }
  // Elements left open by a truncated document end where the text ends.
  for (const open of stack) open.contentEnd = Math.max(open.contentStart, text.length);
  return { root, problems };
}

/** The trimmed content range of a text-only element. */
function textValue(element: XmlElement, text: string): ScalarNode {
  let start = element.contentStart;
  let end = element.contentEnd;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  let raw = text.slice(start, end);
  // CDATA: the value is what is inside the markers.
  if (raw.startsWith('<![CDATA[') && raw.endsWith(']]>')) {
    start += 9;
    end -= 3;
    raw = text.slice(start, end);
  }
  return { kind: 'scalar', value: decodeEntities(raw), start, end };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/**
 * The element as a value tree: attributes and child elements become entries; children of a list
 * container (e.g. <components>) become array items; a text-only element with attributes (CycloneDX
 * <property name="…">value</property>) becomes { …attributes, value }.
 */
export function xmlToTree(element: XmlElement, text: string, listContainers: ReadonlySet<string>, depth = 0): TreeNode {
  const attributes: Entry[] = element.attributes.map((a) => ({
    key: a.name,
    keyStart: a.start,
    value: { kind: 'scalar', value: a.value, start: a.start, end: a.end },
  }));
  // An empty list container (<components/>) is an empty list, not an empty value.
  if (element.children.length === 0 && !element.hasText && attributes.length === 0 && listContainers.has(element.name)) {
    return { kind: 'array', start: element.start, end: element.contentEnd, items: [] };
  }
  if (element.children.length === 0 || depth > MAX_XML_DEPTH) {
    const value = textValue(element, text);
    if (attributes.length === 0) return value;
    return { kind: 'object', start: element.start, end: element.contentEnd, entries: [...attributes, { key: 'value', keyStart: value.start, value }] };
  }
  const children = element.children.map((c) => ({ element: c, node: xmlToTree(c, text, listContainers, depth + 1) }));
  if (listContainers.has(element.name)) {
    return { kind: 'array', start: element.start, end: element.contentEnd, items: children.map((c) => c.node) };
  }
  const entries = [...attributes, ...children.map((c) => ({ key: c.element.name, keyStart: c.element.start, value: c.node }))];
  return { kind: 'object', start: element.start, end: element.contentEnd, entries };
}
