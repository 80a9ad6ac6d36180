// LLDP and CDP neighbour entries in show/display captures: where each entry starts and ends, and what it
// says about the neighbour. Read by the platforms' grammar (Cisco IOS/NX-OS/IOS XR `show lldp neighbors
// detail` and `show cdp neighbors detail`, Huawei/H3C `display lldp neighbor`, Juniper `show lldp
// neighbors interface …`, Arista `show lldp neighbors detail`, ZTE `show lldp neighbor` detail, lldpd's
// `lldpctl`, ArubaOS-Switch `show lldp info remote-device`, AOS-CX `show lldp neighbor-info <port>`):
// `Key: value` lines, one entry per neighbour. An entry ends where a separator, a prompt, a total line or
// a per-port header comes, or where one of its identifying keys comes again (the next neighbour's).
import type { SubjectIdentifiers } from '../model';
import { normaliseMac } from '../evidence/macAddresses';

export interface NeighbourEntry {
  /** Offsets of the entry's first and last line in the text. */
  start: number;
  end: number;
  protocol: 'LLDP' | 'CDP';
  identifiers: SubjectIdentifiers;
}

/** Keys that say there is an LLDP or CDP entry at all: texts without one are not read line by line. */
const ENTRY_SIGN = /chassis[ -]?id|device id\s*:|neighbor index|neighbor-information of port|detected \d+ lldp neighbou?rs?/i;

/** A per-port header that opens the entries below it, and names the local port. */
const PORT_HEADERS: readonly RegExp[] = [
  // Huawei VRP: "GigabitEthernet0/0/1 has 1 neighbor(s):"
  /^(\S+) has \d+ neighbou?rs?(?:\(s\))?:?\s*$/i,
  // H3C Comware: "LLDP neighbor-information of port 1[GigabitEthernet1/0/1]:"
  /^LLDP neighbou?r-information of port \d+\s*\[([^\]]+)\]/i,
  // Arista EOS: "Interface Ethernet1 detected 1 LLDP neighbors:"
  /^Interface (\S+) detected \d+ LLDP neighbou?rs?/i,
  // lldpd's lldpctl: "Interface:    eth0, via: LLDP, RID: 1, Time: 0 day, 02:11:45"
  /^Interface:\s+([^,\s]+),\s+via:/i,
  // Juniper: "LLDP Neighbor Information:" (the local interface follows as a key)
  /^LLDP Neighbou?r Information:?\s*$()/i,
];

/** Ends an entry without opening another: separators, prompts, totals. */
const ENTRY_END = /^(?:[-=]{8,}\s*$|Total (?:cdp )?entries displayed|<[\w.\-~*]+>|\[~?\*?[\w.\-]+\]|(?:RP\/[\w\/]+:)?[\w.\-]+(?:@[\w.\-]+)?(?:\([\w.\-]+\))?[#>]\s*(?:$|sh|dis|show|display|exit|quit|terminal))/i;

/** Arista's neighbour line: "Neighbor 001c.7300.0001/Ethernet1, age 3 seconds". */
const ARISTA_NEIGHBOUR = /^Neighbou?r (\S+?)\/(\S+?), age\b/i;
/** Cisco CDP: "Interface: GigabitEthernet1/0/1,  Port ID (outgoing port): GigabitEthernet1/0/2". */
const CDP_PORTS = /^Interface:\s*([^,\s]+)\s*,\s*Port ID \(outgoing port\):\s*(\S+)/i;
const KEY_VALUE = /^-?[ \t]*([A-Za-z][A-Za-z0-9/()\-]*(?: [A-Za-z0-9/()\-]+)*)[ \t]*:[ \t]*(.*)$/;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/;
const MAC_SHAPE = /^(?:[0-9A-Fa-f]{4}[.-][0-9A-Fa-f]{4}[.-][0-9A-Fa-f]{4}|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{12})$/;
/** What platforms print where a value is missing. */
const NO_VALUE = /^(?:-+|n\/a|none|not advertised|- not advertised|unknown)$/i;

type Role = 'localPort' | 'chassis' | 'remotePort' | 'hostname' | 'deviceId' | 'platform' | 'index' | 'ip' | 'description';

/** Key names (lower case, spaces collapsed) by the role their value plays; subtype suffixes are read off the value. */
const KEYS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['local intf', 'localPort'],
  ['local interface', 'localPort'],
  ['local port id', 'localPort'],
  ['local port', 'localPort'],
  ['chassis id', 'chassis'],
  ['chassisid/subtype', 'chassis'],
  ['chassisid', 'chassis'],
  ['port id', 'remotePort'],
  ['portid/subtype', 'remotePort'],
  ['portid', 'remotePort'],
  ['neighbor port id', 'remotePort'],
  ['system name', 'hostname'],
  ['sysname', 'hostname'],
  ['device id', 'deviceId'],
  ['platform', 'platform'],
  ['neighbor index', 'index'],
  ['lldp neighbor index', 'index'],
  ['index', 'index'],
  ['management address', 'ip'],
  ['management addresses', 'ip'],
  ['ip', 'ip'],
  ['ip address', 'ip'],
  ['ipv4 address', 'ip'],
  ['ipv4', 'ip'],
  ['system description', 'description'],
  // lldpd's lldpctl and ArubaOS-Switch "show lldp info remote-device": "SysDescr:", "System Descr :".
  ['sysdescr', 'description'],
  ['system descr', 'description'],
  // AOS-CX "show lldp neighbor-info <port>": every key of the neighbour starts with "Neighbor".
  ['neighbor chassis-name', 'hostname'],
  ['neighbor chassis-id', 'chassis'],
  ['neighbor port-id', 'remotePort'],
  ['neighbor chassis-description', 'description'],
  ['neighbor management-address', 'ip'],
]);

/** Keys whose second occurrence means the next neighbour's entry has begun. */
const IDENTIFYING: ReadonlySet<Role> = new Set<Role>(['localPort', 'chassis', 'remotePort', 'hostname', 'deviceId', 'index']);

interface Building {
  start: number;
  end: number;
  protocol: 'LLDP' | 'CDP';
  seen: Set<Role>;
  ids: SubjectIdentifiers;
  /** Identifying fields set: an entry needs two to be one. */
  identifying: number;
}

function cleanValue(value: string): string | undefined {
  let v = value.trim().replace(/^"(.*)"$/, '$1').trim();
  // H3C writes the subtype after the value: "0000-5e00-0101/MAC address", "GE1/0/2/Interface name".
  v = v.replace(/\/[A-Za-z][A-Za-z ]*[A-Za-z]$/, '').trim();
  if (v === '' || NO_VALUE.test(v)) return undefined;
  return v;
}

/** A MAC written any way as XX:XX:XX:XX:XX:XX. */
export function formatMac(text: string): string {
  return normaliseMac(text).replace(/(..)(?!$)/g, '$1:');
}

/** How far past the last offset asked about an entry's sign (its chassis id, device id) may come. */
export const SIGN_REACH = 4096;

/** Whether a line holds what only neighbour entries hold (every such line holds a NEIGHBOUR_HEADER_WORD too). */
export function holdsEntrySign(line: string): boolean {
  return ENTRY_SIGN.test(line);
}

/**
 * The LLDP and CDP neighbour entries of a capture, in order, as far as they can hold `until` (an offset:
 * the entry open there is read to its end, later ones are not). Linear in the text read. `signed`: whether
 * the text up to SIGN_REACH past `until` holds an entry's sign, when the caller has looked already.
 */
export function neighbourEntries(text: string, until = text.length, signed?: boolean): NeighbourEntry[] {
  if (!(signed ?? ENTRY_SIGN.test(until + SIGN_REACH < text.length ? text.slice(0, until + SIGN_REACH) : text))) return [];
  const entries: NeighbourEntry[] = [];
  let current: Building | undefined;
  let headerPort: string | undefined;
  let blankRun = 0;
  const close = () => {
    if (current && current.identifying >= 2) {
      if (!current.ids.localPort && headerPort) current.ids.localPort = headerPort;
      entries.push({ start: current.start, end: current.end, protocol: current.protocol, identifiers: current.ids });
    }
    current = undefined;
  };
  const open = (start: number, end: number): Building => {
    current = { start, end, protocol: 'LLDP', seen: new Set(), ids: {}, identifying: 0 };
    return current;
  };
  const set = (entry: Building, role: Role, value: string | undefined, start: number, end: number): Building => {
    if (value === undefined) return entry;
    if (IDENTIFYING.has(role) && entry.seen.has(role)) {
      close();
      entry = open(start, end);
    }
    entry.seen.add(role);
    entry.end = end;
    const ids = entry.ids;
    switch (role) {
      case 'localPort':
        ids.localPort ??= value;
        break;
      case 'chassis':
        if (MAC_SHAPE.test(value)) ids.mac ??= formatMac(value);
        break;
      case 'remotePort':
        ids.remotePort ??= value;
        break;
      case 'hostname':
      case 'deviceId':
        ids.hostname ??= value;
        break;
      case 'platform':
        // "Platform: cisco WS-C3850-24T,  Capabilities: Switch IGMP": the model ends at the comma.
        ids.model ??= value.split(',')[0]!.trim().replace(/^cisco\s+/i, '');
        break;
      case 'ip': {
        const ip = IPV4.exec(value)?.[0];
        if (ip) ids.ip ??= ip;
        break;
      }
      default:
        break;
    }
    if (IDENTIFYING.has(role) && role !== 'index') entry.identifying++;
    return entry;
  };

  for (let start = 0; start < text.length; ) {
    // Past `until`, only the entry still open there can matter.
    if (start > until && (!current || current.start > until)) break;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd).trim();
    if (line === '') {
      // Two blank lines end an entry: what follows is other output.
      if (++blankRun >= 2) close();
      start = next;
      continue;
    }
    blankRun = 0;
    const header = PORT_HEADERS.map((h) => h.exec(line)).find((m) => m !== null);
    if (header) {
      close();
      headerPort = header[1] || undefined;
      start = next;
      continue;
    }
    if (ENTRY_END.test(line)) {
      close();
      headerPort = undefined;
      start = next;
      continue;
    }
    const cdp = CDP_PORTS.exec(line);
    const arista = cdp ? null : ARISTA_NEIGHBOUR.exec(line);
    if (cdp) {
      let entry = current ?? open(start, lineEnd);
      entry = set(entry, 'localPort', cleanValue(cdp[1]!), start, lineEnd);
      entry = set(entry, 'remotePort', cleanValue(cdp[2]!), start, lineEnd);
      entry.protocol = 'CDP';
    } else if (arista) {
      // Its Chassis ID and Port ID keys follow and repeat what this line says: not a next entry.
      close();
      const entry = open(start, lineEnd);
      const chassis = cleanValue(arista[1]!);
      if (chassis && MAC_SHAPE.test(chassis)) entry.ids.mac = formatMac(chassis);
      entry.ids.remotePort = cleanValue(arista[2]!);
      entry.identifying = 2;
    } else {
      const kv = KEY_VALUE.exec(line);
      const role = kv ? KEYS.get(kv[1]!.toLowerCase().replace(/\s+/g, ' ')) : undefined;
      if (kv && role) {
        const entry = set(current ?? open(start, lineEnd), role, cleanValue(kv[2]!), start, lineEnd);
        if (kv[1]!.toLowerCase() === 'device id') entry.protocol = 'CDP';
        if (role === 'description') entry.end = lineEnd;
      } else if (current) {
        // A continuation line (a system description, an address list): part of the entry.
        const ip = /^(?:IPv4|IP)\b/i.test(line) ? IPV4.exec(line)?.[0] : undefined;
        if (ip) current.ids.ip ??= ip;
        current.end = lineEnd;
      }
    }
    start = next;
  }
  close();
  return entries;
}

/** A one-line-per-neighbour table (`show lldp neighbors`, `display lldp neighbor brief`, Juniper `show lldp neighbors`). */
export interface NeighbourTable {
  protocol: 'LLDP' | 'CDP';
  /** Each heading's start column and the identifier it holds, if one. */
  columns: { start: number; role?: 'localPort' | 'hostname' | 'remotePort' | 'chassis' | 'model' }[];
}

const TABLE_ROLES: readonly [NonNullable<NeighbourTable['columns'][number]['role']>, RegExp][] = [
  ['localPort', /^(?:Local (?:Intf|Intrfce|Interface|Port(?: ID)?)|Port)$/i],
  ['hostname', /^(?:System Name|SysName|Device ID|Neighbou?r Dev(?:ice)?(?: ID)?|Neighbou?r)$/i],
  ['remotePort', /^(?:Port ID|Port info|Neighbou?r (?:Intf|Interface|Port(?: ID)?)|Remote Port)$/i],
  ['chassis', /^(?:Chassis ?ID)$/i],
  ['model', /^Platform$/i],
];

/** A word every neighbour table's header holds (its hostname or chassis heading, TABLE_ROLES): lines without it are not tried. */
export const NEIGHBOUR_HEADER_WORD = /neighbou?r|chassis|device id|system name|sysname/i;

/**
 * The table a header line opens, when its headings (separated by two or more spaces) name a local port
 * and the neighbour (its name or chassis id); undefined otherwise.
 */
export function neighbourTableHeader(line: string): NeighbourTable | undefined {
  if (line.length > 200 || !NEIGHBOUR_HEADER_WORD.test(line)) return undefined;
  const columns: NeighbourTable['columns'] = [];
  const heading = /\S+(?: \S+)*/g;
  for (let m = heading.exec(line); m; m = heading.exec(line)) {
    const role = TABLE_ROLES.find(([, pattern]) => pattern.test(m![0]))?.[0];
    columns.push(role ? { start: m.index, role } : { start: m.index });
  }
  const roles = new Set(columns.map((c) => c.role));
  if (!roles.has('localPort') || !(roles.has('hostname') || roles.has('chassis')) || columns.length < 3) return undefined;
  // `show cdp neighbors` has a Platform column; the LLDP tables do not.
  return { protocol: roles.has('model') ? 'CDP' : 'LLDP', columns };
}

/** What a row of a neighbour table says: each value under the heading it starts under. */
export function neighbourTableRow(row: string, table: NeighbourTable): SubjectIdentifiers {
  const ids: SubjectIdentifiers = {};
  const token = /\S+/g;
  for (let m = token.exec(row); m; m = token.exec(row)) {
    let column: NeighbourTable['columns'][number] | undefined;
    for (const c of table.columns) if (c.start <= m.index + 1) column = c;
    const value = cleanValue(m[0]);
    if (!column?.role || value === undefined) continue;
    if (column.role === 'chassis') {
      if (MAC_SHAPE.test(value)) ids.mac ??= formatMac(value);
    } else ids[column.role] ??= value;
  }
  return ids;
}

/** A line that ends a table: blank, a prompt, a separator. */
export function endsTable(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || (ENTRY_END.test(trimmed) && !/^[-=]{8,}/.test(trimmed));
}
