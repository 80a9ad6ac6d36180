// A deterministic tree where findings are dense (issue 18): access-switch configs whose static MAC tables
// are full of Hikvision, Dahua and Huawei devices, aggregation configs, Junos edges and BOM CSVs with
// flagged rows — about 4,100 findings per MB. The same bytes as the generator the issue measured with
// (seeded LCG, same file order), so its numbers compare. Written by `npm run bench`, never committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generateDenseCorpus(out, megabytes) {
  let seed = 42;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[rnd(16)]).join('');
  const mac = (oui) => `${oui.slice(0, 4)}.${oui.slice(4, 6)}${hex(2)}.${hex(4)}`;
  // VMware, Huawei, Hikvision, Cisco, Hikvision, Dahua OUIs.
  const ouis = ['005056', '00e0fc', '4419b6', '001b54', '3cef8c', 'a4b1c1'];
  const ios = (i) => {
    const lines = [`hostname acc-${i}`, '!', 'version 17.9', '!'];
    for (let p = 1; p <= 48; p++) lines.push(`interface GigabitEthernet1/0/${p}`, ` description user-port-${p}`, ` switchport access vlan ${10 + rnd(50)}`, ' switchport mode access', '!');
    for (let k = 0; k < 40; k++) lines.push(`mac address-table static ${mac(ouis[rnd(ouis.length)])} vlan ${10 + rnd(50)} interface GigabitEthernet1/0/${1 + rnd(48)}`);
    lines.push('line vty 0 4', ' transport input ssh', 'end');
    return lines.join('\n') + '\n';
  };
  const vrp = (i) => {
    const lines = ['!Software Version V200R019C10SPC500', '#', `sysname agg-${i}`, '#', 'vlan batch 10 20 30', '#'];
    for (let p = 1; p <= 48; p++) lines.push(`interface GigabitEthernet0/0/${p}`, ' port link-type access', ` port default vlan ${10 + rnd(3) * 10}`, '#');
    lines.push('user-interface vty 0 4', ' authentication-mode aaa', '#', 'return');
    return lines.join('\n') + '\n';
  };
  const junos = (i) => {
    const lines = [`set system host-name edge-${i}`];
    for (let p = 0; p < 48; p++) lines.push(`set interfaces ge-0/0/${p} description "port ${p}"`, `set interfaces ge-0/0/${p} unit 0 family inet address 10.${rnd(250)}.${rnd(250)}.1/30`);
    lines.push('set protocols bgp group transit neighbor 203.0.113.1 peer-as 3356');
    return lines.join('\n') + '\n';
  };
  const items = [
    ['Cisco', 'C9200L-24P-4G-E', '24-port switch'],
    ['Juniper', 'EX2300-24T', 'access switch'],
    ['Huawei', 'S5735-L24T4S-A1', 'access switch'],
    ['Axis', 'P3265-LVE', 'dome camera'],
    ['Hikvision', 'DS-2CD2143G2-IU', 'dome camera'],
    ['Fortinet', 'FG-91G', 'firewall'],
    ['Dell', 'R760', 'server'],
  ];
  const bom = () => {
    const rows = ['Manufacturer,Part Number,Description,Qty'];
    for (let r = 0; r < 400; r++) {
      const [maker, part, what] = items[rnd(items.length)];
      rows.push(`${maker},${part},"${what}, lot ${r}",${1 + rnd(20)}`);
    }
    return rows.join('\n') + '\n';
  };
  const makers = [[ios, 'cfg'], [ios, 'cfg'], [vrp, 'cfg'], [junos, 'conf'], [bom, 'csv']];
  mkdirSync(out, { recursive: true });
  let total = 0;
  let n = 0;
  while (total < megabytes * 1024 * 1024) {
    const [make, ext] = makers[n % makers.length];
    const dir = join(out, String(Math.floor(n / 500)).padStart(3, '0'));
    if (n % 500 === 0) mkdirSync(dir, { recursive: true });
    const text = make(n);
    writeFileSync(join(dir, `f${n}.${ext}`), text);
    total += Buffer.byteLength(text);
    n++;
  }
  return { files: n, bytes: total };
}
