import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createAsnMatcher } from '../../src/core/evidence/asns';
import { createBannerMatcher } from '../../src/core/evidence/banners';
import { createDomainMatcher } from '../../src/core/evidence/domains';
import { createMacAddressMatcher, normaliseMac } from '../../src/core/evidence/macAddresses';
import type { EvidenceMatcher } from '../../src/core/evidence/matcher';
import { createProductModelMatcher } from '../../src/core/evidence/productModels';
import { literalPrefixes } from '../../src/core/regex/prefixes';
import { createSnmpOidMatcher } from '../../src/core/evidence/snmpOids';
import type { Field, KnowledgeBase, Vendor } from '../../src/core/model';
import { knowledge, ROOT } from './helpers';

function run(matcher: EvidenceMatcher, text: string, role: Field['role'] = 'text', offset = 0) {
  return matcher.match({ offset, text, role }).map((e) => ({
    vendor: e.vendorId,
    matched: e.matched,
    start: e.start,
    end: e.end,
    confidence: e.confidence,
    detail: e.detail,
  }));
}

/** The vendor each match is attributed to, with the exact text its range covers. */
function spans(matcher: EvidenceMatcher, text: string, role: Field['role'] = 'text') {
  return run(matcher, text, role).map((m) => [m.vendor, text.slice(m.start, m.end)]);
}

// Prefixes and organisations from the shared research's oui_testcases.json (IEEE registry via oui-data).
const OUI_CASES: [prefix: string, vendor: string | undefined][] = [
  ['00E0FC', 'huawei'],
  ['286ED4', 'huawei'],
  ['F4E5F2', 'huawei'],
  ['0019C6', 'zte'],
  ['001E73', 'zte'],
  ['744AA4', 'zte'],
  ['4419B6', 'hikvision'],
  ['C056E3', 'hikvision'],
  ['BCAD28', 'hikvision'],
  ['3CEF8C', 'dahua'],
  ['E0508B', 'dahua'],
  ['000FE2', 'h3c'],
  ['00BED5', 'h3c'],
  ['6469BC', 'hytera'],
  ['848A59', 'huawei'], // HiSilicon
  ['0CA64C', 'hikvision'], // EZVIZ
  ['00A307', 'honor'],
  ['00000C', undefined], // Cisco: negative control
];

describe('MAC address evidence', () => {
  const matcher = createMacAddressMatcher(knowledge());

  it('attributes the research test prefixes to the right vendor, and Cisco to none', () => {
    for (const [prefix, vendor] of OUI_CASES) {
      const mac = `${prefix.slice(0, 2)}:${prefix.slice(2, 4)}:${prefix.slice(4, 6)}:12:34:56`;
      assert.deepEqual(run(matcher, mac).map((m) => m.vendor), vendor ? [vendor] : [], `${prefix} → ${vendor}`);
    }
  });

  it('looks up the longest prefix first: the Kaspersky MA-M block inside an IEEE-owned MA-L', () => {
    const [kaspersky] = run(matcher, '2c:c4:4f:91:00:01');
    assert.equal(kaspersky?.vendor, 'kaspersky');
    assert.match(kaspersky.detail, /MA-M prefix 2CC44F9 of Kaspersky Lab Middle-East FZ-LLC/);
    assert.match(kaspersky.detail, /oui-data \d+\.\d+\.\d+/, 'names the registry version');
    assert.deepEqual(run(matcher, '2c:c4:4f:a1:00:01'), [], 'another MA-M block of the same MA-L is not Kaspersky');
  });

  it('reads every notation and underlines exactly the address', () => {
    const lines = [
      'Internet  10.20.20.37   4   4419.b6a0.77c3  ARPA   Vlan20',
      'IP Sending Frames\' Format is PKTFMT_ETHNT_2, Hardware address is 4419-b6a0-77c3',
      'add mac-address=44:19:B6:A0:77:C3 comment=cam',
      'Physical Address. . . . . . . . . : 44-19-B6-A0-77-C3',
      'Chassis ID :4419-b6a0-77c3',
    ];
    for (const line of lines) {
      const found = run(matcher, line, 'text', 100);
      assert.equal(found.length, 1, line);
      assert.equal(found[0]!.vendor, 'hikvision');
      assert.equal(normaliseMac(found[0]!.matched), '4419B6A077C3');
      assert.equal(found[0]!.start, 100 + line.search(/44[:.-]?19/i), line);
      assert.equal(found[0]!.end - found[0]!.start, found[0]!.matched.length);
    }
  });

  it('ignores what only looks like a MAC: longer runs, IPv6, mixed separators, times', () => {
    for (const text of [
      '4419.b6a0.77c3.1234',
      'x4419.b6a0.77c3',
      '44:19:b6:a0:77:c3:01',
      'fe80::4419:b6ff:fea0:77c3',
      '44:19:b6-a0:77:c3',
      '4419.b6a0-77c3',
      '12:34:56',
      'serial 4419B6A077C3',
    ]) {
      assert.deepEqual(run(matcher, text), [], text);
    }
  });

  it('attributes nothing without a registry subset', () => {
    const empty: KnowledgeBase = { ...knowledge(), macPrefixes: new Map() };
    assert.deepEqual(run(createMacAddressMatcher(empty), '4419.b6a0.77c3'), []);
  });
});

describe('OUI subset (data/generated/oui.json)', () => {
  it('is what scripts/generate-oui.mjs makes from the pinned oui-data and vendors.yaml', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-oui.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('covers every listed organisation, and records the registry version', () => {
    const kb = knowledge();
    assert.match(kb.macRegistry ?? '', /^oui-data \d+\.\d+\.\d+$/);
    const owners = new Set([...kb.macPrefixes.values()].map((o) => o.organization.toLowerCase()));
    for (const vendor of kb.vendors) {
      for (const org of vendor.ouiOrganizations ?? []) assert.ok(owners.has(org.toLowerCase()), `${vendor.id}: ${org}`);
    }
    assert.ok([...kb.macPrefixes.keys()].every((p) => /^[0-9A-F]{6}(?:[0-9A-F]|[0-9A-F]{3})?$/.test(p)));
  });
});

describe('SNMP OID evidence', () => {
  const matcher = createSnmpOidMatcher(knowledge());

  it('anchors the enterprise arc: .2011 is Huawei, .20110 is not', () => {
    assert.deepEqual(spans(matcher, 'sysObjectID.0 = OID: 1.3.6.1.4.1.2011.2.23.94'), [['huawei', '1.3.6.1.4.1.2011.2.23.94']]);
    assert.deepEqual(spans(matcher, 'snmp-agent mib-view included v1 1.3.6.1.4.1.2011'), [['huawei', '1.3.6.1.4.1.2011']]);
    assert.deepEqual(spans(matcher, 'oid .1.3.6.1.4.1.3902.3.100'), [['zte', '.1.3.6.1.4.1.3902.3.100']]);
    assert.deepEqual(spans(matcher, 'SNMPv2-SMI::enterprises.39165.1.1.0 = "DS-2CD"'), [['hikvision', 'SNMPv2-SMI::enterprises.39165.1.1.0']]);
    for (const text of ['1.3.6.1.4.1.20110.1', '1.3.6.1.4.1.201', '11.3.6.1.4.1.2011', '1.3.6.1.4.1.2011x', '1.3.6.1.4.1.9.1.2011', '10.1.3.6.1.4.1.2011']) {
      assert.deepEqual(run(matcher, text), [], text);
    }
  });

  it('is surer about an object under the arc than about the bare arc', () => {
    assert.equal(run(matcher, '1.3.6.1.4.1.2011.5.25')[0]!.confidence, 'high');
    assert.equal(run(matcher, 'view all included 1.3.6.1.4.1.2011')[0]!.confidence, 'medium');
  });
});

describe('domain evidence', () => {
  const matcher = createDomainMatcher(knowledge());

  it('matches the vendor domain and its subdomains on label boundaries', () => {
    assert.deepEqual(spans(matcher, 'ntp server ntp.huawei.com prefer'), [['huawei', 'ntp.huawei.com']]);
    assert.deepEqual(spans(matcher, 'capability http://www.huawei.com/netconf/vrp/huawei-ifm'), [['huawei', 'www.huawei.com']]);
    assert.deepEqual(spans(matcher, 'logging host HUAWEI.COM.'), [['huawei', 'HUAWEI.COM']]);
    assert.deepEqual(spans(matcher, 'set server "ksn.kaspersky-labs.com"'), [['kaspersky', 'ksn.kaspersky-labs.com']]);
    assert.deepEqual(spans(matcher, 'contact noc@dahuasecurity.com'), [['dahua', 'dahuasecurity.com']]);
  });

  it('does not match look-alike domains', () => {
    for (const text of ['nothuawei.com', 'huawei.com.example.org', 'huawei.community', 'my-huawei.com', 'huawei-com.net', 'huaweicom']) {
      assert.deepEqual(run(matcher, text), [], text);
    }
  });
});

describe('ASN evidence', () => {
  // A test-only knowledge base keeps these assertions independent of which ASNs the data confirms.
  const base = knowledge();
  const carrier: Vendor = { id: 'test-carrier', displayName: 'Test Carrier', status: 'flagged', names: [{ text: 'Test Carrier', kind: 'brand' }], asns: [64999, 4200000001], sources: [{ url: 'https://example.org', checked: 'data' }] };
  const kb: KnowledgeBase = { ...base, vendors: [carrier] };
  const matcher = createAsnMatcher(kb);

  it('finds the peer AS in every dialect\'s BGP syntax, underlining the number', () => {
    const lines = [
      ' neighbor 192.0.2.1 remote-as 64999',
      ' peer 192.0.2.1 as-number 64999',
      '                peer-as 64999;',
      'set protocols bgp group T neighbor 192.0.2.1 peer-as 64999',
      'add name=t remote-as=64999 remote-address=192.0.2.1',
      '        set remote-as 64999',
      '  remote-as 4200000001',
    ];
    for (const line of lines) {
      const found = run(matcher, line);
      assert.equal(found.length, 1, line);
      assert.match(line.slice(found[0]!.start, found[0]!.end), /^(?:64999|4200000001)$/);
      assert.equal(found[0]!.vendor, 'test-carrier');
    }
  });

  it('ignores other ASNs, longer numbers and other contexts', () => {
    for (const text of [' neighbor 192.0.2.1 remote-as 649990', ' neighbor 192.0.2.1 remote-as 64998', 'router bgp 64999', 'description AS64999 peering', ' local-as 64999']) {
      assert.deepEqual(run(matcher, text), [], text);
    }
  });

  it('uses the carriers the knowledge base lists', () => {
    const real = createAsnMatcher(base);
    const found = run(real, ' neighbor 203.0.113.9 remote-as 4134');
    assert.equal(found[0]?.vendor, 'china-telecom');
  });
});

describe('banner evidence', () => {
  const matcher = createBannerMatcher(knowledge());

  it('finds version banners and copyright lines', () => {
    assert.deepEqual(spans(matcher, 'Huawei Versatile Routing Platform Software'), [['huawei', 'Huawei Versatile Routing Platform']]);
    assert.deepEqual(spans(matcher, 'VRP (R) software, Version 8.180 (NE40E V800R011C00SPC200)'), [['huawei', 'VRP (R) software']]);
    assert.deepEqual(spans(matcher, 'ZTE ZXCTN Software, Version: 6120H-S V5.10.00.50'), [['zte', 'ZTE ZXCTN Software']]);
    assert.deepEqual(spans(matcher, '# HPE Comware Software, Version 7.1.070'), [['h3c', 'Comware Software']]);
    assert.deepEqual(spans(matcher, 'Copyright (c) 2022 by ZTE Corporation'), [['zte', 'Copyright (c) 2022 by ZTE Corporation']]);
    assert.deepEqual(spans(matcher, 'Copyright (C) 2011-2020 HUAWEI TECH CO., LTD'), [['huawei', 'Copyright (C) 2011-2020 HUAWEI TECH CO., LTD']]);
  });

  it('leaves other copyright lines and partial phrases alone', () => {
    for (const text of ['Copyright (c) 1986-2013 by Cisco Systems, Inc.', 'Copyright 2024 Hangzhou Hikvisionary Ltd', 'Versatile Routing', 'VRP software', 'noncopyright Huawei']) {
      assert.deepEqual(run(matcher, text), [], text);
    }
  });

  it('is less sure inside a comment', () => {
    assert.equal(run(matcher, '! Huawei Versatile Routing Platform', 'comment')[0]!.confidence, 'medium');
  });
});

describe('model evidence', () => {
  const matcher = createProductModelMatcher(knowledge());

  it('cuts free text into candidates and matches whole tokens or short runs', () => {
    assert.deepEqual(spans(matcher, 'HUAWEI NE40E-X2-M8A uptime is 161 days'), [['huawei', 'NE40E-X2-M8A']]);
    assert.deepEqual(spans(matcher, 'VRP (R) software, Version 8.180 (NE40E V800R011C00SPC200)'), [['huawei', 'NE40E']]);
    assert.deepEqual(spans(matcher, 'description to ATN 910B at site 4'), [['huawei', 'ATN 910B']]);
    assert.deepEqual(spans(matcher, 'uplink to CloudEngine CE12808 pair'), [['huawei', 'CloudEngine CE12808']]);
    assert.deepEqual(spans(matcher, 'camera DS-2CD2143G2-IU, lobby'), [['hikvision', 'DS-2CD2143G2-IU']]);
    assert.deepEqual(spans(matcher, 'intercom VTO2000A-C'), [['dahua', 'VTO2000A-C']]);
  });

  it('does not match inside longer words or bare generic numbers', () => {
    for (const text of ['xNE40E', 'NE40EX', 'C620 OLT', 'F460 ONT', 'AR7000', 'interface GigabitEthernet0/0/1', 'S5720 spare', 'AR1220 router']) {
      assert.deepEqual(run(matcher, text), [], text);
    }
  });

  it('recognises distinctive models in capture lines (display device, AP lists)', () => {
    assert.deepEqual(spans(matcher, '0    -   AirEngine5760-10   Normal'), [['huawei', 'AirEngine5760-10']]);
    assert.deepEqual(spans(matcher, 'Device type: CE6850-48S6Q-HI'), [['huawei', 'CE6850-48S6Q-HI']]);
    assert.deepEqual(spans(matcher, 'S5735-L48T4X-A1 uptime is 3 weeks'), [['huawei', 'S5735-L48T4X-A1']]);
    assert.ok(run(matcher, 'S5735-L24T4S-A').every((e) => e.confidence === 'medium'));
  });

  it('lowers confidence where another vendor numbers its models alike, and leaves part cells to partNumbers', () => {
    assert.deepEqual(run(matcher, 'core S7706 chassis'), [], 'a bare S77xx is shared with other numbering: no finding without a BOM row');
    const inRow = matcher.match({ offset: 0, text: 'core S7706 chassis', role: 'description', row: { row: 2, quantity: '1' } });
    assert.deepEqual(inRow.map((e) => [e.matched, e.confidence]), [['S7706', 'low']], 'in a BOM row: a possible finding');
    assert.equal(run(matcher, 'core NE40E chassis')[0]!.confidence, 'medium');
    assert.deepEqual(run(matcher, 'NE40E-X8A', 'part'), [], 'whole part values are weighed with their row by evidence/partNumbers.ts');
  });
});

describe('product model prefilter', () => {
  it('finds the literal prefixes every match of a pattern starts with', () => {
    assert.deepEqual(literalPrefixes('^S77(00|06)(-[A-Z0-9]+)*$'), ['S7700', 'S7706']);
    assert.deepEqual(literalPrefixes('^(CloudEngine ?)?CE128\\d{2}([ -][A-Z0-9]+)*$'), ['CloudEngine', 'CE128']);
    assert.deepEqual(literalPrefixes('^(ZTE|ZXHN)[ -]?F460$'), ['ZTE', 'ZXHN']);
    assert.deepEqual(literalPrefixes('^ATN ?910[A-Z]?$'), ['ATN']);
    assert.equal(literalPrefixes('^[A-Z]+\\d$'), undefined, 'a class can start with anything');
    assert.equal(literalPrefixes('^X?Y'), undefined, 'too short to narrow the search');
  });
});
