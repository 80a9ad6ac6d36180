// Signals the IOS-like CLIs share (Cisco IOS/IOS-XE, NX-OS, IOS XR and Arista EOS print the same `show`
// prompts and many of the same table headers, and so do the lookalike switches of other makers): each
// counts in every dialect that prints it, so on its own it decides nothing and a discriminator (a
// dialect's own port names, headers or banners) has to. Each entry names the dialects that print it.
import type { Fingerprint } from './fingerprint';

type Member = 'ios' | 'nxos' | 'iosxr' | 'eos';

interface FamilySignal extends Fingerprint {
  in: readonly Member[];
}

const ALL: readonly Member[] = ['ios', 'nxos', 'iosxr', 'eos'];

const SIGNALS: FamilySignal[] = [
  // Prompt and echo, abbreviated as typed ("sh ip int br").
  { in: ALL, regex: /^[ \t]*(?<anchor>[\w.:()/-]+[#>])[ \t]*(?:sh|sho|show)[ \t]+[a-z]/m, weight: 3, reason: '"host#show" prompt and echo' },
  { in: ALL, regex: /(?<anchor>% Invalid input detected at '\^' marker)/, weight: 3, reason: '"% Invalid input detected at \'^\' marker"' },
  { in: ALL, regex: /^[ \t]*(?<anchor>--More--)/m, weight: 2, reason: '"--More--" pager' },
  { in: ['ios', 'nxos', 'iosxr'], regex: /^[ \t]*(?<anchor>NAME: "[^"\n]*", +DESCR: ")/m, weight: 3, reason: '"show inventory" NAME/DESCR lines' },
  { in: ['ios', 'nxos', 'iosxr'], regex: /^[ \t]*(?<anchor>PID: [^,\n]*, +VID: )/m, weight: 2, reason: '"show inventory" PID/VID lines' },
  { in: ['ios', 'nxos', 'iosxr'], regex: /(?<anchor>Capability Codes: R - Router, T - Trans Bridge)/i, weight: 3, reason: '"show cdp neighbors" legend' },
  { in: ['ios', 'nxos', 'iosxr'], regex: /^[ \t]*(?<anchor>\(R\) Router, \(B\) Bridge, \(T\) Telephone)/m, weight: 3, reason: '"show lldp neighbors" legend' },
  { in: ['ios', 'nxos'], regex: /^[ \t]*(?<anchor>Device ID[ \t]+Local Intf[ \t]+Hold-time[ \t]+Capability)/m, weight: 3, reason: '"show lldp neighbors" header' },
  { in: ['ios', 'iosxr'], regex: /^[ \t]*(?<anchor>Device ID[ \t]+Local Intrfce[ \t]+Holdtme)/m, weight: 4, reason: '"show cdp neighbors" header ("Local Intrfce Holdtme")' },
  { in: ['ios', 'iosxr'], regex: /^[ \t]*(?<anchor>Entry address\(es\)):/m, weight: 3, reason: '"show cdp neighbors detail" field "Entry address(es):"' },
  { in: ['ios', 'nxos', 'iosxr'], regex: /^[ \t]*(?<anchor>Total (?:cdp |lldp )?entries displayed) ?: ?\d+/m, weight: 3, reason: '"Total entries displayed"' },
  { in: ['ios', 'eos', 'iosxr'], regex: /^[ \t]*(?<anchor>Gateway of last resort is)/m, weight: 3, reason: '"show ip route" line "Gateway of last resort is"' },
  { in: ['ios', 'eos', 'iosxr'], regex: /^[ \t]*(?<anchor>Codes: (?:L - [Ll]ocal, )?C - [Cc]onnected, S - [Ss]tatic)/m, weight: 2, reason: '"show ip route" legend' },
  { in: ['ios', 'nxos', 'eos'], regex: /^[ \t]*(?<anchor>VLAN[ \t]+Name[ \t]+Status[ \t]+Ports)/m, weight: 3, reason: '"show vlan" header' },
  { in: ['ios', 'nxos', 'eos'], regex: /^[ \t]*(?<anchor>Port[ \t]+Name[ \t]+Status[ \t]+Vlan[ \t]+Duplex[ \t]+Speed[ \t]+Type)/m, weight: 3, reason: '"show interfaces status" header' },
  { in: ['ios', 'iosxr'], regex: /^[ \t]*(?<anchor>Neighbor ID[ \t]+Pri[ \t]+State[ \t]+Dead Time[ \t]+Address[ \t]+Interface)/m, weight: 3, reason: '"show ip ospf neighbor" header with "Dead Time"' },
  { in: ['nxos'], regex: /^[ \t]*(?<anchor>Neighbor ID[ \t]+Pri[ \t]+State[ \t]+Up Time[ \t]+Address[ \t]+Interface)/m, weight: 4, reason: '"show ip ospf neighbors" header with "Up Time"' },
  { in: ALL, regex: /(?<anchor>BGP router identifier \S+, local AS number \d+)/, weight: 3, reason: '"show ip bgp summary" line' },
  { in: ['ios', 'nxos'], regex: /(?<anchor>BGP table version is \d+), (?:main routing table version|IPv4 Unicast config peers)/, weight: 2, reason: '"BGP table version is"' },
  { in: ['ios', 'eos'], regex: /^[ \t]*(?<anchor>Vlan[ \t]+Mac Address[ \t]+Type[ \t]+Ports)/im, weight: 3, reason: '"show mac address-table" header' },
  { in: ['ios', 'iosxr'], regex: /^[ \t]*(?<anchor>Syslog logging: (?:enabled|disabled))/m, weight: 4, reason: '"show logging" output ("Syslog logging: enabled")' },
  { in: ['ios', 'iosxr'], regex: /^[ \t]*(?<anchor>Interface[ \t]+Status[ \t]+Protocol[ \t]+Description)/m, weight: 3, reason: '"show interfaces description" header' },
  { in: ['ios', 'iosxr'], regex: /\S (?<anchor>is (?:up|down|administratively down), line protocol is (?:up|down))/, weight: 3, reason: '"show interfaces" line ("is up, line protocol is up")' },
  { in: ['ios', 'nxos'], regex: /(?<![\w-])(?<anchor>Port-channel\d+)(?![\w/])/, weight: 2, reason: 'Port-channel interface names' },
  // The IOS-like grammar of Accton-built switches (Edgecore ECS and their OEM lines): none of the Cisco or
  // Arista CLIs writes a VLAN database entry with "media ethernet", tags VLANs on "switchport allowed vlan"
  // without "trunk", or names a port "ethernet 1/1" in lower case with a space. Subtracted (negative weight).
  { in: ['ios', 'nxos', 'eos'], regex: /^[ \t]*(?<anchor>VLAN \d+ name \S+ media ethernet)/m, weight: -8, reason: 'Accton "vlan database" entry ("VLAN 2 name X media ethernet")' },
  { in: ['ios', 'nxos', 'eos'], regex: /^[ \t]*(?<anchor>switchport allowed vlan (?:add )?[\d,-]+ (?:tagged|untagged))/m, weight: -6, reason: 'Accton "switchport allowed vlan add N tagged"' },
  { in: ['ios', 'nxos', 'eos'], regex: /^(?<anchor>interface ethernet \d+\/\d+)/m, weight: -4, reason: 'Accton lower-case port "interface ethernet 1/1"' },
];

/** The family signals a member prints, as plain fingerprints. */
export function iosFamilySignals(member: Member): Fingerprint[] {
  return SIGNALS.filter((s) => s.in.includes(member)).map(({ in: _members, ...fingerprint }) => fingerprint);
}
