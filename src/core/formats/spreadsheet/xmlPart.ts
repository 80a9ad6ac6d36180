// One XML part of a spreadsheet archive, streamed: inflated in slices, decoded as UTF-8 and fed to saxes
// piece by piece, so a part is never held whole. saxes never fetches a DTD or expands an entity it was
// not given; a part with a DTD is refused outright (spreadsheet parts never have one). Namespaces are
// resolved in constant time per name (../xmlNamespaces.ts) and parts nested deeper than any spreadsheet
// writer nests are refused, so a part's cost is linear in its size.
import { DecodeUTF8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { resolveNamespaces, type NsTag, type PlainParser } from '../xmlNamespaces';
import type { ZipArchive } from './zip';

/** The events a reader of a part listens to: elements with their namespaces resolved, and text. */
export interface XmlParser {
  on(event: 'opentag' | 'closetag', handler: (tag: NsTag) => void): void;
  on(event: 'text' | 'cdata', handler: (text: string) => void): void;
}

/** Sheets nest about 6 deep, ODS paragraphs with spans a few more. */
export const MAX_PART_DEPTH = 256;

/** Why a part was not read to its end: its first XML error. */
export interface XmlPartFailure {
  part: string;
  line: number;
  column: number;
  message: string;
}

class XmlStop {
  constructor(readonly failure: XmlPartFailure) {}
}

/**
 * Reads `part` with the handlers `attach` registers. Returns the first XML error, after which the part is not
 * read further (what the handlers saw before it stands); errors of the archive itself and of the handlers pass through.
 */
export function readXmlPart(archive: ZipArchive, part: string, attach: (parser: XmlParser) => void): XmlPartFailure | undefined {
  const parser: PlainParser = new SaxesParser({ position: true });
  const stop = (message: string) => new XmlStop({ part, line: parser.line, column: parser.column, message });
  parser.on('error', (error) => {
    // saxes ends its messages with a full stop; the sentence around them adds its own.
    const message = error.message.replace(/^\d+:\d+: /, '');
    throw stop(message.endsWith('.') ? message.slice(0, -1) : message);
  });
  parser.on('doctype', () => {
    throw stop('it has a document type declaration (DTD), which spreadsheet parts never have');
  });
  const opened: ((tag: NsTag) => void)[] = [];
  const closed: ((tag: NsTag) => void)[] = [];
  const scope = resolveNamespaces(parser, {
    opentag(tag) {
      if (scope.depth() > MAX_PART_DEPTH) throw stop(`it is nested more than ${MAX_PART_DEPTH} elements deep, which no spreadsheet writer does`);
      for (const handler of opened) handler(tag);
    },
    closetag(tag) {
      for (const handler of closed) handler(tag);
    },
    error(message) {
      throw stop(message);
    },
  });
  attach({
    on(event: 'opentag' | 'closetag' | 'text' | 'cdata', handler: ((tag: NsTag) => void) | ((text: string) => void)) {
      if (event === 'opentag') opened.push(handler as (tag: NsTag) => void);
      else if (event === 'closetag') closed.push(handler as (tag: NsTag) => void);
      else parser.on(event, handler as (text: string) => void);
    },
  } as XmlParser);
  const decoder = new DecodeUTF8((text) => {
    if (text !== '') parser.write(text);
  });
  let first = true;
  try {
    archive.read(part, (chunk) => {
      if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        throw stop('it is encoded in UTF-16; spreadsheet parts are read as UTF-8');
      }
      first = false;
      decoder.push(chunk);
    });
    try {
      decoder.push(new Uint8Array(0), true);
    } catch {
      throw stop('it ends inside a UTF-8 character');
    }
    parser.close();
    return undefined;
  } catch (error) {
    if (error instanceof XmlStop) return error.failure;
    throw error;
  }
}

/** The value of the attribute `local` in a namespace whose URI ends with `namespaceSuffix` ('' for no namespace). */
export function attribute(tag: NsTag, local: string, namespaceSuffix = ''): string | undefined {
  if (namespaceSuffix === '') {
    // Attributes are keyed by their qualified name, which for an attribute in no namespace is its local name.
    const plain = tag.attributes[local];
    return plain && plain.uri === '' ? plain.value : undefined;
  }
  for (const key in tag.attributes) {
    const a = tag.attributes[key]!;
    if (a.local === local && (namespaceSuffix === '' ? a.uri === '' : a.uri.endsWith(namespaceSuffix))) return a.value;
  }
  return undefined;
}
