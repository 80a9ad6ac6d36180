// Cisco IOS XR running configs and captures.
import type { DialectSpec } from './fingerprint';

export const ciscoIosxr: DialectSpec = {
  id: 'cisco-iosxr',
  label: 'Cisco IOS XR',
  commentPrefix: '!',
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
    { regex: /(?<![\w-])(?<anchor>(?:GigabitEthernet|TwentyFiveGigE|FortyGigE|HundredGigE)\d+\/\d+\/\d+\/\d+)/, weight: 5, reason: 'four-part port numbers (0/0/0/0)' },
    { regex: /^(?<anchor>route-policy) \S+[ \t]*$/m, weight: 3, reason: '"route-policy NAME"' },
    { regex: /^(?<anchor>router static)[ \t]*$/m, weight: 3, reason: '"router static"' },
    { regex: /^(?<anchor>Building configuration)\.\.\./m, weight: 2, reason: '"Building configuration..."' },
    { regex: /^(?<anchor>hostname) \S/m, weight: 1, reason: '"hostname"' },
    { regex: /^(?<anchor>!)[ \t]*$/m, weight: 1, reason: '"!" separators' },
  ],
};
