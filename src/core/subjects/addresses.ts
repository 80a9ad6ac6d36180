// A MAC address in a MAC-address table, an ARP table or a DHCP-snooping binding: what its row says about
// the host (IP, port, VLAN). The rows of these tables differ by platform - Cisco/Arista `show mac
// address-table` (VLAN, MAC, type, port), Huawei `display mac-address` (MAC, VLAN/VSI/BD, port), H3C
// (MAC, VLAN, state, port), `show arp`/`display arp` (IP, age, MAC, type, interface), `show ip dhcp
// snooping binding` (MAC, IP, lease, type, VLAN, port) - so each value is read by its shape, and a bare
// number is a VLAN only where the table's header puts a VLAN column (other tables have topology ids,
// ages and leases there).
import type { SubjectIdentifiers } from '../model';
import { formatMac } from './neighbours';

/**
 * Labels a capture puts in front of the device's *own* address (`display device manuinfo`, bridge and
 * interface hardware addresses), as opposed to neighbours' addresses in ARP, MAC or LLDP tables.
 */
export const OWN_ADDRESS_LABEL = /(?:\bMAC_ADDRESS|\b(?:Bridge|Base|System|CPU|Device) MAC(?: [Aa]ddress)?|\bHardware [Aa]ddress(?: is)?)[ \t]*[:=]?[ \t]*$/;

export interface AddressSighting {
  identifiers: SubjectIdentifiers;
  /** 'ARP' (a row with an IP address), 'DHCP binding', or 'MAC table'. */
  seenAs: string;
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
/** An interface name: letters, then numbers with / . : separators (Gi1/0/17, GE0/0/1, ge-0/0/1.0, Eth1/2, XGE1/0/1). */
const PORT = /^[A-Za-z]{2}[A-Za-z\-]*\d+(?:[/.:]\d+)*$/;
/** A VLAN interface names its VLAN: Vlan40, Vlanif40, VLAN-40, Vl40. */
const VLAN_INTERFACE = /^(?:Vlan(?:if)?|Vl)-?(\d{1,4})$/i;
const VLAN_NUMBER = /^(\d{1,4})(?:\/[-\d]+){0,2}$/;
/** A table header naming the MAC column ("Mac Address", "MAC ADDR", "Hardware Addr") and another column. */
const HEADER_MAC = /\b(?:mac(?:[ -]?addr(?:ess)?)?|hardware addr(?:ess)?)\b/i;
const HEADER_OTHER = /\b(?:vlan|port|ports|interface|type|state)\b/i;
const HEADER_VLAN = /\bvlan\b/i;
const HAS_MAC = /[0-9A-Fa-f]{4}[.-][0-9A-Fa-f]{4}[.-][0-9A-Fa-f]{4}|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}/;

/** A word every address table's header holds (HEADER_MAC needs one of them): lines without it are not tried. */
export const ADDRESS_HEADER_WORD = /mac|hardware addr/i;

/** Whether a line is the header of a MAC, ARP or binding table (it names the MAC column and holds no MAC). */
export function isAddressTableHeader(line: string): boolean {
  return ADDRESS_HEADER_WORD.test(line) && HEADER_MAC.test(line) && HEADER_OTHER.test(line) && !HAS_MAC.test(line);
}

/** The token of `row` under the header's VLAN column, if the header has one. */
function underVlanColumn(row: string, header: string | undefined): string | undefined {
  const column = header ? HEADER_VLAN.exec(header)?.index : undefined;
  if (column === undefined) return undefined;
  const token = /\S+/g;
  for (let m = token.exec(row); m; m = token.exec(row)) {
    const end = m.index + m[0].length;
    // Columns are left-aligned under their heading, or right-aligned numbers ending inside it.
    if (m.index <= column + 3 && end > column) return m[0];
    if (m.index > column + 3) return undefined;
  }
  return undefined;
}

function vlanOf(value: string | undefined): string | undefined {
  const n = value !== undefined ? VLAN_NUMBER.exec(value)?.[1] : undefined;
  return n !== undefined && Number(n) >= 1 && Number(n) <= 4094 ? n : undefined;
}

/** What the row (line) holding the MAC at `macStart`..`macEnd` says about its host, under its table's header if known. */
export function addressSighting(line: string, macStart: number, macEnd: number, header?: string): AddressSighting {
  const mac = formatMac(line.slice(macStart, macEnd));
  const tokens = [...line.slice(0, macStart).split(/\s+/), ...line.slice(macEnd).split(/\s+/)].filter((s) => s !== '');
  const ids: SubjectIdentifiers = { mac };
  for (const token of tokens) {
    if (!ids.ip && IPV4.test(token)) ids.ip = token;
    const vlanInterface = VLAN_INTERFACE.exec(token);
    if (vlanInterface) ids.vlan ??= vlanInterface[1];
    else if (!ids.localPort && PORT.test(token)) ids.localPort = token;
  }
  if (!ids.vlan) {
    const vlan = vlanOf(underVlanColumn(line, header));
    if (vlan) ids.vlan = vlan;
  }
  const seenAs = ids.ip ? (/dhcp/i.test(line) ? 'DHCP binding' : 'ARP') : 'MAC table';
  return { identifiers: ids, seenAs };
}
