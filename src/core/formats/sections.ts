// Where a line sits in a config: the path of sections above it, in the structure its dialect uses.
//   indent   IOS, NX-OS, EOS, IOS XR, VRP, Comware, ZXROS: indentation, '!'/'#' separators closing
//            sections, ZXROS '!<if-intf>' … '!</if-intf>' markers and '$' block ends
//   junos    brace blocks ("protocols {" … "}") and set-style paths ("set protocols bgp group X …")
//   fortios  "config …" / "edit …" / "next" / "end" blocks
//   routeros "/ip address" menus, alone on a line or in front of a command
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

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

function indentTracker(): SectionTracker {
  const stack: Frame[] = [];
  const popTo = (indent: number) => {
    while (stack.length > 0 && !stack.at(-1)!.marker && stack.at(-1)!.indent >= indent) stack.pop();
  };
  return (line) => {
    const trimmed = line.trim();
    const indent = indentOf(line);
    const close = /^!<\/([\w-]+)>$/.exec(trimmed);
    if (close) {
      while (stack.length > 0 && !stack.pop()!.marker);
      return pathOf(stack);
    }
    const open = /^!<([\w-]+)>$/.exec(trimmed);
    if (open) {
      popTo(-1);
      const path = pathOf(stack);
      push(stack, { indent: -1, text: `<${open[1]}>`, marker: true });
      return path;
    }
    if (trimmed === '$') {
      popTo(-1);
      return pathOf(stack);
    }
    if (/^[!#]+$/.test(trimmed)) {
      popTo(indent);
      return pathOf(stack);
    }
    if (/^[!#]/.test(trimmed)) return pathOf(stack);
    popTo(indent);
    const path = pathOf(stack);
    push(stack, { indent, text: clip(trimmed) });
    return path;
  };
}

/** Keywords whose next word names the block ("group EBGP", "unit 0"). */
const JUNOS_NAMED = new Set([
  'interfaces', 'unit', 'family', 'group', 'neighbor', 'term', 'policy-statement', 'prefix-list', 'area', 'interface',
  'user', 'class', 'routing-instances', 'vlans', 'instance', 'filter', 'zone', 'security-zone', 'address-book',
  'community', 'as-path', 'rule', 'rule-set', 'from-zone', 'to-zone', 'policy', 'file', 'host', 'server', 'profile',
]);
const JUNOS_VERBS = new Set(['set', 'delete', 'deactivate', 'activate', 'protect', 'unprotect']);

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

/** Index of the first of the markers in text, or text.length. */
function firstOf(text: string, ...markers: string[]): number {
  return Math.min(...markers.map((m) => {
    const at = text.indexOf(m);
    return at < 0 ? text.length : at;
  }));
}

function junosTracker(): SectionTracker {
  const stack: Frame[] = [];
  return (line) => {
    const trimmed = line.trim();
    const first = trimmed.split(/\s/, 1)[0]!;
    if (JUNOS_VERBS.has(first)) return junosSetPath(trimmed);
    if (trimmed.startsWith('#')) return pathOf(stack);
    // Cut at the first comment marker by index: /\s*(?:##|\/\*).*$/ rescans every run of spaces from each of its characters.
    const code = trimmed.slice(0, firstOf(trimmed, '##', '/*')).trimEnd();
    if (code.startsWith('}')) {
      stack.pop();
      return pathOf(stack);
    }
    if (code.endsWith('{')) {
      const path = pathOf(stack);
      push(stack, { indent: 0, text: clip(code.slice(0, -1).trim().replace(/^inactive:\s*/, '')) });
      return path;
    }
    return pathOf(stack);
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

export function createSectionTracker(style: SectionStyle): SectionTracker {
  switch (style) {
    case 'junos':
      return junosTracker();
    case 'fortios':
      return fortiosTracker();
    case 'routeros':
      return routerosTracker();
    default:
      return indentTracker();
  }
}
