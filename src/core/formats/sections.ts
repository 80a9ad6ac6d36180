// Where a line sits in a config: the path of sections above it, in the structure its dialect uses.
//   indent   IOS, NX-OS, EOS, IOS XR, VRP, Comware, ZXROS: indentation, '!'/'#' separators closing
//            sections, ZXROS '!<if-intf>' … '!</if-intf>' markers and '$' block ends
//   junos    brace blocks ("protocols {" … "}") and set-style paths ("set protocols bgp group X …")
//   fortios  "config …" / "edit …" / "next" / "end" blocks
//   routeros "/ip address" menus, alone on a line or in front of a command
import { hasLoneCarriageReturn, isWhitespace } from '../text';

export type SectionStyle = 'indent' | 'junos' | 'fortios' | 'routeros';

const MAX_TEXT = 120;
const MAX_DEPTH = 8;

export function sectionStyleOf(dialectId: string): SectionStyle {
  switch (dialectId) {
    case 'juniper-junos':
      return 'junos';
    case 'fortinet-fortios':
      return 'fortios';
    case 'mikrotik-routeros':
      return 'routeros';
    default:
      return 'indent';
  }
}

/** Returns the section path of each line it is fed, in order; undefined at top level. */
export type SectionTracker = (line: string) => readonly string[] | undefined;

/**
 * The same, fed by offsets into the document: `next` takes each non-blank line (`first` is its first
 * non-blank character) and `path` gives the path of the line fed last, made only when asked, so a line
 * nobody asks about costs no allocation.
 */
export interface LineSections {
  next(text: string, start: number, first: number, end: number): void;
  path(): readonly string[] | undefined;
}

interface Frame {
  indent: number;
  text: string;
  /** A ZXROS '!<name>' section: only its closing marker ends it. */
  marker?: boolean;
  kind?: 'config' | 'edit';
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

function pathOf(stack: Frame[]): string[] | undefined {
  return stack.length > 0 ? stack.map((f) => f.text) : undefined;
}

function push(stack: Frame[], frame: Frame): void {
  if (stack.length < MAX_DEPTH) stack.push(frame);
}

/**
 * Indentation nests; '!'/'#' separators close sections down to their own indentation; ZXROS
 * '!<name>' … '!</name>' markers and '$' block ends. The open sections are kept as offsets into the
 * text, in arrays reused from line to line: this runs for every line of every file.
 */
function indentSections(): LineSections {
  const indents: number[] = [];
  /** The opening line's content (first non-blank character to end), or the marker's name when it is a marker. */
  const starts: number[] = [];
  const ends: number[] = [];
  const markers: (string | undefined)[] = [];
  /** The text each opening line's offsets are in (one document, or one line at a time). */
  const sources: string[] = [];
  let depth = 0;
  let pathDepth = 0;
  const popTo = (indent: number) => {
    while (depth > 0 && markers[depth - 1] === undefined && indents[depth - 1]! >= indent) depth--;
  };
  const open = (source: string, indent: number, start: number, end: number, marker: string | undefined) => {
    if (depth >= MAX_DEPTH) return;
    sources[depth] = source;
    indents[depth] = indent;
    starts[depth] = start;
    ends[depth] = end;
    markers[depth] = marker;
    depth++;
  };
  return {
    next(text, start, first, end) {
      const indent = indentAt(text, start, first);
      const mark = text.charCodeAt(first);
      const comment = mark === 33 /* ! */ || mark === 35; /* # */
      const blockEnd = mark === 36 /* $ */ && text.slice(first, end).trimEnd() === '$';
      if (!comment && !blockEnd) {
        popTo(indent);
        pathDepth = depth;
        open(text, indent, first, end, undefined);
        return;
      }
      const trimmed = text.slice(first, end).trimEnd();
      if (blockEnd) popTo(-1);
      else if (/^!<\/[\w-]+>$/.test(trimmed)) {
        while (depth > 0 && markers[--depth] === undefined);
      } else if (/^!<[\w-]+>$/.test(trimmed)) {
        popTo(-1);
        pathDepth = depth;
        open(text, -1, 0, 0, `<${trimmed.slice(2, -1)}>`);
        return;
      } else if (isSeparator(trimmed)) popTo(indent);
      pathDepth = depth;
    },
    path() {
      if (pathDepth === 0) return undefined;
      const path: string[] = [];
      for (let k = 0; k < pathDepth; k++) path.push(markers[k] ?? clip(sources[k]!.slice(starts[k], ends[k]).trimEnd()));
      return path;
    },
  };
}

/**
 * The path indentSections gives a line, found by walking back from it instead of tracking every line
 * before it: for a document where few lines are wanted, that is most of the tracking saved. A line above
 * is an open section when its indentation is below that of every line between (and of the line itself,
 * unless it is a comment): a later line at its depth or shallower would have closed it. Separator lines
 * ('!', '#') close as a line does. Only for text without ZXROS markers ('!<…>') and '$' block ends, and
 * with \n or \r\n line breaks (see canWalkBack). Null when the walk would cost more than what is left of
 * `budget` (characters): the caller then tracks forward.
 */
export function indentPathBefore(text: string, lineStart: number, first: number, lineEnd: number, budget: { chars: number }): readonly string[] | undefined | null {
  const mark = text.charCodeAt(first);
  const separator = (start: number, end: number) => isSeparator(text.slice(start, end).trimEnd());
  // The line itself closes what is at its depth or deeper, unless it is a comment.
  let limit = mark === 33 || mark === 35 ? (separator(first, lineEnd) ? indentAt(text, lineStart, first) : Infinity) : indentAt(text, lineStart, first);
  const ancestors: [number, number][] = [];
  let end = lineStart - 1; // the line break before the line
  while (limit > 0 && end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    budget.chars -= end - start + 1;
    if (budget.chars < 0) return null;
    const contentEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let firstChar = start;
    while (firstChar < contentEnd && isWhitespace(text.charCodeAt(firstChar))) firstChar++;
    end = start - 1;
    if (firstChar === contentEnd) continue;
    const indent = indentAt(text, start, firstChar);
    const above = text.charCodeAt(firstChar);
    if (above === 33 || above === 35) {
      if (separator(firstChar, contentEnd)) limit = Math.min(limit, indent);
      continue;
    }
    if (indent < limit) {
      ancestors.push([firstChar, contentEnd]);
      limit = indent;
    }
  }
  if (ancestors.length === 0) return undefined;
  // Outermost first; a section deeper than MAX_DEPTH was never opened.
  return ancestors
    .reverse()
    .slice(0, MAX_DEPTH)
    .map(([start, stop]) => clip(text.slice(start, stop).trimEnd()));
}

/** Whether indentPathBefore gives a document's indentation sections exactly. */
export function canWalkBack(text: string): boolean {
  if (text.includes('!<')) return false;
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) if (isAloneOnLine(text, at)) return false;
  // A lone \r ends a line for the tracker, not for the walk (which looks for \n only).
  return !hasLoneCarriageReturn(text);
}

/** Whether the character at `at` has only blanks around it on its line ('$' closing a ZXROS block). */
function isAloneOnLine(text: string, at: number): boolean {
  const isBreak = (c: number) => c === 10 || c === 13;
  let before = at - 1;
  while (before >= 0 && !isBreak(text.charCodeAt(before)) && isWhitespace(text.charCodeAt(before))) before--;
  if (before >= 0 && !isBreak(text.charCodeAt(before))) return false;
  let after = at + 1;
  while (after < text.length && !isBreak(text.charCodeAt(after)) && isWhitespace(text.charCodeAt(after))) after++;
  return after === text.length || isBreak(text.charCodeAt(after));
}

/** A line of only '!' and '#' (trimmed): it closes the sections at its indentation and deeper. */
function isSeparator(trimmed: string): boolean {
  return /^[!#]+$/.test(trimmed);
}

function indentAt(text: string, start: number, first: number): number {
  let indent = 0;
  for (let i = start; i < first && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9); i++) indent++;
  return indent;
}

/** A tracker of whole lines (the older style of the other dialects), fed by offsets. */
function fromLineTracker(track: SectionTracker): LineSections {
  let last: readonly string[] | undefined;
  return {
    next(text, start, _first, end) {
      last = track(text.slice(start, end));
    },
    path: () => last,
  };
}

/** Keywords whose next word names the block ("group EBGP", "unit 0"). */
const JUNOS_NAMED = new Set([
  'interfaces', 'unit', 'family', 'group', 'neighbor', 'term', 'policy-statement', 'prefix-list', 'area', 'interface',
  'user', 'class', 'routing-instances', 'vlans', 'instance', 'filter', 'zone', 'security-zone', 'address-book',
  'community', 'as-path', 'rule', 'rule-set', 'from-zone', 'to-zone', 'policy', 'file', 'host', 'server', 'profile',
]);
const JUNOS_VERBS = ['set', 'delete', 'deactivate', 'activate', 'protect', 'unprotect'];
/** The verbs by their first character: most lines start with another, and the rest are compared with one or two. */
const VERBS_BY_INITIAL: (string[] | undefined)[] = [];
for (const verb of JUNOS_VERBS) (VERBS_BY_INITIAL[verb.charCodeAt(0)] ??= []).push(verb);

/** Whether the line's first word (at `first`) is a set-style verb; compared in place, with no slice per line. */
function isVerb(text: string, first: number, end: number): boolean {
  const verbs = VERBS_BY_INITIAL[text.charCodeAt(first)];
  if (verbs === undefined) return false;
  for (const verb of verbs) {
    const after = first + verb.length;
    if (after <= end && text.startsWith(verb, first) && (after === end || isWhitespace(text.charCodeAt(after)))) return true;
  }
  return false;
}

/** "set protocols bgp group EBGP neighbor 10.0.0.2 peer-as 4134" → protocols › bgp › group EBGP › neighbor 10.0.0.2 */
export function junosSetPath(statement: string): string[] | undefined {
  const words = statement.trim().split(/\s+/).slice(1);
  // "set version X": a top-level statement, in no section.
  if (words.length <= 2) return undefined;
  const elements: { text: string; named: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('"')) break;
    if (JUNOS_NAMED.has(word) && i + 1 < words.length) {
      elements.push({ text: `${word} ${words[i + 1]}`, named: true });
      i++;
    } else {
      elements.push({ text: word, named: false });
    }
  }
  // The last words are the statement itself ("peer-as 4134"), not a section.
  if (elements.length > 0 && !elements.at(-1)!.named) elements.pop();
  if (elements.length > 0 && !elements.at(-1)!.named && elements.length > 1) elements.pop();
  const path = elements.slice(0, MAX_DEPTH).map((e) => clip(e.text));
  return path.length > 0 ? path : undefined;
}

/**
 * Where the code of a Junos line ends: at its first "##" or "/*". Most lines hold neither '#' nor "/*",
 * so the next of each in the text is kept (lines come in order) instead of looking at every character.
 */
function junosComments(): { codeEnd(text: string, first: number, end: number): number } {
  let source: string | undefined;
  let from = 0;
  let nextHash = -1;
  let nextOpen = -1;
  const after = (found: number) => (found < 0 ? Infinity : found);
  return {
    codeEnd(text, first, end) {
      if (text !== source || first < from) {
        source = text;
        nextHash = nextOpen = -1;
      }
      from = first;
      if (nextHash < first) nextHash = after(text.indexOf('#', first));
      if (nextOpen < first) nextOpen = after(text.indexOf('/*', first));
      if (nextHash >= end && nextOpen >= end) return end;
      for (let at = first; at + 1 < end; at++) {
        const c = text.charCodeAt(at);
        const next = text.charCodeAt(at + 1);
        if ((c === 35 && next === 35) || (c === 47 /* / */ && next === 42 /* * */)) return at;
      }
      return end;
    },
  };
}

/**
 * Junos: brace blocks ("protocols {" … "}") and set-style statements ("set protocols bgp …", whose path
 * is worked out from the statement when asked). Offsets as in indentSections.
 */
function junosSections(): LineSections {
  const sources: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let depth = 0;
  let pathDepth = 0;
  /** The statement fed last, when it is set-style. */
  let statement: { text: string; start: number; end: number } | undefined;
  const comments = junosComments();
  return {
    next(text, _start, first, end) {
      statement = undefined;
      if (isVerb(text, first, end)) {
        statement = { text, start: first, end };
        return;
      }
      pathDepth = depth;
      if (text.charCodeAt(first) === 35 /* # */) return;
      // The code ends at the first comment marker ("##" or "/*"), blanks before it aside.
      let codeEnd = comments.codeEnd(text, first, end);
      while (codeEnd > first && isWhitespace(text.charCodeAt(codeEnd - 1))) codeEnd--;
      if (codeEnd === first) return;
      if (text.charCodeAt(first) === 125 /* } */) {
        if (depth > 0) depth--;
        pathDepth = depth;
      } else if (text.charCodeAt(codeEnd - 1) === 123 /* { */ && depth < MAX_DEPTH) {
        sources[depth] = text;
        starts[depth] = first;
        ends[depth] = codeEnd - 1;
        depth++;
      }
    },
    path() {
      if (statement) return junosSetPath(statement.text.slice(statement.start, statement.end).trim());
      if (pathDepth === 0) return undefined;
      const path: string[] = [];
      for (let k = 0; k < pathDepth; k++) path.push(clip(sources[k]!.slice(starts[k], ends[k]).trim().replace(/^inactive:\s*/, '')));
      return path;
    },
  };
}

function fortiosTracker(): SectionTracker {
  const stack: Frame[] = [];
  const popThrough = (kind: Frame['kind']) => {
    while (stack.length > 0) if (stack.pop()!.kind === kind) return;
  };
  return (line) => {
    const trimmed = line.trim();
    if (/^config\s/.test(trimmed) || /^edit\s/.test(trimmed)) {
      const path = pathOf(stack);
      push(stack, { indent: 0, text: clip(trimmed), kind: trimmed.startsWith('config') ? 'config' : 'edit' });
      return path;
    }
    if (trimmed === 'next') {
      if (stack.some((f) => f.kind === 'edit')) popThrough('edit');
      return pathOf(stack);
    }
    if (trimmed === 'end') {
      popThrough('config');
      return pathOf(stack);
    }
    return pathOf(stack);
  };
}

const ROUTEROS_COMMANDS = new Set(['add', 'set', 'remove', 'print', 'enable', 'disable', 'move', 'unset', 'comment', 'export', 'find']);

function routerosTracker(): SectionTracker {
  let menu: string | undefined;
  return (line) => {
    const trimmed = line.trim();
    if (!trimmed.startsWith('/')) return menu ? [menu] : undefined;
    const words = trimmed.split(/\s+/);
    let n = 0;
    while (n < words.length && !ROUTEROS_COMMANDS.has(words[n]!) && !words[n]!.includes('=') && !words[n]!.startsWith('[')) n++;
    menu = clip(words.slice(0, n).join(' '));
    return n < words.length && menu ? [menu] : undefined;
  };
}

export function createLineSections(style: SectionStyle): LineSections {
  switch (style) {
    case 'junos':
      return junosSections();
    case 'fortios':
      return fromLineTracker(fortiosTracker());
    case 'routeros':
      return fromLineTracker(routerosTracker());
    default:
      return indentSections();
  }
}

/** Section paths of whole lines, one at a time (blank lines are not fed). */
export function createSectionTracker(style: SectionStyle): SectionTracker {
  const sections = createLineSections(style);
  return (line) => {
    let first = 0;
    while (first < line.length && isWhitespace(line.charCodeAt(first))) first++;
    sections.next(line, 0, first, line.length);
    return sections.path();
  };
}
