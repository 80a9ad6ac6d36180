// Cisco IOS XR running configs and captures.
import type { DialectSpec } from './fingerprint';
import { iosFamilySignals } from './iosFamily';

export const ciscoIosxr: DialectSpec = {
  id: 'cisco-iosxr',
  label: 'Cisco IOS XR',
  commentPrefix: '!',
  header: [/^Building configuration\.\.\./, /^!! IOS XR Configuration /, /^!! Last configuration change at /, /^![ \t]*$/],
  fingerprints: [
    { regex: /^(?<anchor>!! IOS XR Configuration)/m, weight: 12, reason: '"!! IOS XR Configuration" header' },
    { regex: /^(?:! )?(?<anchor>Cisco IOS XR Software)/m, weight: 12, reason: 'IOS XR version banner' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: cisco-xr)[ \t]*$/m, weight: 12, reason: 'RANCID content type "cisco-xr"' },
    { regex: /(?<anchor>RP\/\d+\/RS?P\d+\/CPU\d+):/, weight: 9, reason: '"RP/0/RSP0/CPU0:" route-processor prompt' },
    { regex: /(?<![\w-])(?<anchor>MgmtEth\d+\/RS?P\d+\/CPU\d+\/\d+)/, weight: 9, reason: 'MgmtEth0/RP0/CPU0/0 management port' },
    { regex: /(?<![\w-])(?<anchor>Bundle-Ether\d+)/, weight: 7, reason: 'Bundle-Ether link aggregation' },
    { regex: /^(?<anchor>end-policy)[ \t]*$/m, weight: 6, reason: 'RPL "end-policy"' },
    { regex: /^(?<anchor>end-set)[ \t]*$/m, weight: 6, reason: 'RPL "end-set"' },
    { regex: /(?<![\w-])(?<anchor>TenGigE\d+\/\d+)/, weight: 5, reason: 'TenGigE port names' },
    { regex: /(?<![\w-])(?<anchor>(?:GigabitEthernet|TwentyFiveGigE|FortyGigE|HundredGigE|FourHundredGigE)\d+\/\d+\/\d+\/\d+)/, weight: 7, reason: 'four-part port numbers (0/0/0/0)' },
    // Command output without a prompt (IOS XR wording): every show begins with a timestamp line.
    { regex: /^(?<anchor>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d+ \d\d:\d\d:\d\d\.\d{3} [A-Z]{2,5})[ \t]*$/m, weight: 6, reason: 'IOS XR show timestamp line ("Thu Nov  2 21:28:53.636 UTC")' },
    { regex: /(?<anchor>IOS XR RUN)/, weight: 8, reason: '"show platform" state "IOS XR RUN"' },
    { regex: /(?<![\w-])(?<anchor>IOS[ -]XR)(?![\w-])/, weight: 5, reason: 'the name IOS XR' },
    { regex: /^[ \t]*(?<anchor>Node[ \t]+Type[ \t]+(?:PLIM[ \t]+)?State[ \t]+Config [Ss]tate)/m, weight: 7, reason: '"show platform" header' },
    { regex: /(?<anchor>BGP generic scan interval)/, weight: 8, reason: '"show bgp summary" line "BGP generic scan interval"' },
    { regex: /^(?<anchor>BGP instance \d+: ')/m, weight: 7, reason: '"show bgp instance" heading' },
    { regex: /^[ \t]*(?<anchor>Interface Type[ \t]+Total[ \t]+UP[ \t]+Down[ \t]+Admin Down)/m, weight: 7, reason: '"show interfaces summary" header' },
    { regex: /(?<anchor>IFT_(?:ETHERBUNDLE|GETHERNET|HUNDREDGE|TENGETHERNET|LOOPBACK|NULL))/, weight: 7, reason: '"show interfaces summary" interface types (IFT_…)' },
    { regex: /^[ \t]*(?<anchor>Interface[ \t]+IPv4-Address[ \t]+Status[ \t]+Protocol)/m, weight: 7, reason: '"show ipv4 interface brief" header' },
    { regex: /^[ \t]*(?<anchor>System Id[ \t]+Interface[ \t]+SNPA[ \t]+State[ \t]+Holdtime[ \t]+Type[ \t]+IETF-NSF)/m, weight: 7, reason: '"show isis neighbors" header' },
    { regex: /^[ \t]*(?<anchor>Neighbors for OSPF) \d/m, weight: 6, reason: '"show ospf neighbor" heading ("Neighbors for OSPF 1")' },
    { regex: /^[ \t]*(?<anchor>Boot Partition|Active Packages): /m, weight: 6, reason: '"show install active" fields' },
    { regex: /(?<![\w/])(?<anchor>\d+\/(?:RS?P\d+|\d+)\/CPU\d+)(?![\w/])/, weight: 5, reason: 'IOS XR node names (0/RP0/CPU0)' },
    { regex: /(?<![\w/.-])(?<anchor>(?:Gi|Te|Hu|Fo|TF|FH|Mg)\d+\/\d+\/\d+\/\d+)/, weight: 5, reason: 'IOS XR abbreviated four-part port names (Gi0/0/0/1)' },
    { regex: /(?<![\w/.-])(?<anchor>BE\d+)(?:\.\d+)?(?![\w/])/, weight: 3, reason: 'IOS XR bundle names (BE1)' },
    { regex: /^(?<anchor>service timestamps) /m, weight: 3, reason: '"service timestamps"' },
    { regex: /^[ \t]*(?<anchor>IS-IS \S+ \(Level-[12]\) Link State Database)/m, weight: 6, reason: '"show isis database" heading with the instance tag' },
    { regex: /(?<anchor>\(>\) - Diversion path)/, weight: 6, reason: '"show route" legend "(>) - Diversion path"' },
    ...iosFamilySignals('iosxr'),
    { regex: /^(?<anchor>route-policy) \S+[ \t]*$/m, weight: 3, reason: '"route-policy NAME"' },
    // BGP in IOS XR's grammar: peers inherit a neighbor-group, and policies attach as "route-policy NAME in"
    // (IOS and NX-OS attach a route-map; VRP and Comware write "route-policy NAME import").
    { regex: /^[ \t]+(?<anchor>use neighbor-group) \S+[ \t]*$/m, weight: 7, reason: 'BGP "use neighbor-group NAME"' },
    { regex: /^[ \t]+(?<anchor>neighbor-group) \S+[ \t]*$/m, weight: 5, reason: 'BGP "neighbor-group NAME"' },
    { regex: /^[ \t]+(?<anchor>route-policy) \S+ (?:in|out)[ \t]*$/m, weight: 5, reason: 'BGP "route-policy NAME in|out" under an address family' },
    { regex: /^(?<anchor>router static)[ \t]*$/m, weight: 3, reason: '"router static"' },
    { regex: /^(?<anchor>Building configuration)\.\.\./m, weight: 2, reason: '"Building configuration..."' },
    { regex: /^(?<anchor>hostname) \S/m, weight: 1, reason: '"hostname"', generic: true },
    { regex: /^(?<anchor>!)[ \t]*$/m, weight: 1, reason: '"!" separators', generic: true },
    { regex: /(?<anchor>CPU utilization for one minute: \d+%; five minutes)/, weight: 8, reason: '"show processes cpu" ("CPU utilization for one minute: 1%; five minutes")' },
    { regex: /^[ \t]*(?<anchor>SNo\.[ \t]+Label\/ID[ \t]+User)/m, weight: 9, reason: '"show configuration commit list" header ("SNo. Label/ID User")' },
  ],
};
