// A MAC address in a MAC-address table, an ARP table or a DHCP-snooping binding: what its row says about
// the host (IP, port, VLAN). The rows of these tables differ by platform - Cisco/Arista `show mac
// address-table` (VLAN, MAC, type, port), Huawei `display mac-address` (MAC, VLAN/VSI/BD, port), H3C
// (MAC, VLAN, state, port), `show arp`/`display arp` (IP, age, MAC, type, interface), `show ip dhcp
// snooping binding` (MAC, IP, lease, type, VLAN, port) - so each value is read by its shape, and a bare
// number is a VLAN only where the tables put one: first in the row, or right after the MAC in a row
// without an IP address (in ARP rows the number after the MAC is an age).
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

function vlanOf(value: string | undefined): string | undefined {
  const n = value !== undefined ? VLAN_NUMBER.exec(value)?.[1] : undefined;
  return n !== undefined && Number(n) >= 1 && Number(n) <= 4094 ? n : undefined;
}

/** What the row (line) holding the MAC at `macStart`..`macEnd` says about its host. */
export function addressSighting(line: string, macStart: number, macEnd: number): AddressSighting {
  const mac = formatMac(line.slice(macStart, macEnd));
  const before = line.slice(0, macStart).trim().split(/\s+/).filter((s) => s !== '');
  const after = line.slice(macEnd).trim().split(/\s+/).filter((s) => s !== '');
  const tokens = [...before, ...after];
  const ids: SubjectIdentifiers = { mac };
  for (const token of tokens) {
    if (!ids.ip && IPV4.test(token)) ids.ip = token;
    const vlanInterface = VLAN_INTERFACE.exec(token);
    if (vlanInterface) ids.vlan ??= vlanInterface[1];
    else if (!ids.localPort && PORT.test(token)) ids.localPort = token;
  }
  if (!ids.vlan) ids.vlan = vlanOf(before[0]) ?? (ids.ip ? undefined : vlanOf(after[0]));
  if (!ids.vlan) delete ids.vlan;
  const seenAs = ids.ip ? (/dhcp/i.test(line) ? 'DHCP binding' : 'ARP') : 'MAC table';
  return { identifiers: ids, seenAs };
}
