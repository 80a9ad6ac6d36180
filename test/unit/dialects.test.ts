import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectDialect, DIALECTS, FIRST_LOOK_CHARS, maskNeighbourText, SAMPLE_CHARS } from '../../src/core/formats/dialects/detect';
import { requiredLiteralSets } from '../../src/core/regex/requiredLiteral';
import { plainTextFormat } from '../../src/core/formats/plainText';
import { ROOT } from './helpers';

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'configs', name), 'utf8');
}

function detect(name: string) {
  const text = fixture(name);
  const d = detectDialect(text);
  return { ...d, anchored: d.anchor ? text.slice(d.anchor.start, d.anchor.end) : undefined };
}

describe('dialect detection', () => {
  it('the literal sets the build inlines for the fingerprints are those read from each regex at run time', async function () {
    this.timeout(120_000);
    const { dialectLiterals } = (await import(join(ROOT, 'scripts', 'lib', 'dialect-literals.mjs'))) as { dialectLiterals(): Promise<Record<string, string[][] | null>> };
    const built = await dialectLiterals();
    const regexes = DIALECTS.flatMap((d) => d.fingerprints.flatMap((f) => (f.gate ? [f.regex, f.gate] : [f.regex])));
    assert.deepEqual(Object.keys(built).sort(), [...new Set(regexes.map((r) => `${r.flags}/${r.source}`))].sort());
    for (const regex of regexes) assert.deepEqual(built[`${regex.flags}/${regex.source}`], requiredLiteralSets(regex) ?? null, regex.source);
  });

  const cases: [file: string, dialect: string, anchor: string][] = [
    ['vrp-dist-sw2.cfg', 'huawei-vrp', 'vlan batch'],
    ['vrp-display-lldp-cisco-neighbour.txt', 'huawei-vrp', 'XGigabitEthernet0/0/1'],
    ['smartax-olt1.cfg', 'huawei-smartax', '[MA5600V800R018'],
    ['comware7-access-sw.cfg', 'h3c-comware', 'version 7.1.070, Release 6555P01'],
    ['zte-zxros-show-running-config.txt', 'zte-zxros', '!<system-config>'],
    ['ios-access-sw3-with-captures.txt', 'cisco-ios', '!RANCID-CONTENT-TYPE: cisco'],
    ['ios-lldp-vrp-neighbour.txt', 'cisco-ios', 'Local Intf'],
    ['nxos-leaf1.cfg', 'cisco-nxos', 'vdc leaf1 id 1'],
    ['iosxr-pe1.cfg', 'cisco-iosxr', '!! IOS XR Configuration'],
    ['eos-spine1.cfg', 'arista-eos', 'EOS-4.31'],
    ['junos-brace-edge.conf', 'juniper-junos', '## Last commit: '],
    ['junos-set-edge.conf', 'juniper-junos', 'set version 22.4R3'],
    ['routeros-branch.rsc', 'mikrotik-routeros', 'by RouterOS 7'],
    ['fortigate-fw1.conf', 'fortinet-fortios', '#config-version='],
  ];
  for (const [file, dialect, anchor] of cases) {
    it(`recognises ${file} as ${dialect}, anchored on the telling token`, () => {
      const d = detect(file);
      assert.equal(d.id, dialect, d.reasons.join('; '));
      assert.equal(d.anchored, anchor);
      assert.ok(d.reasons.length >= 2, 'says why');
      assert.match(d.reasons.at(-1)!, /^score \d+ for /);
    });
  }

  it('tells VRP from Comware by their discriminators, not by the heritage they share', () => {
    const vrp = detect('vrp-dist-sw2.cfg');
    assert.equal(vrp.confidence, 'high');
    assert.ok(vrp.reasons.some((r) => /Vlanif/.test(r)));
    const comware = detect('comware7-access-sw.cfg');
    assert.ok(comware.reasons.some((r) => /Vlan-interface|Bridge-Aggregation|IRF/.test(r)));
    // '#', sysname, undo, user-interface and return alone fit both: no guess.
    const shared = detect('vrp-or-comware-shared-only.cfg');
    assert.equal(shared.id, 'unknown');
    assert.match(shared.reasons[0]!, /ambiguous: .*VRP.*Comware|ambiguous: .*Comware.*VRP/);
  });

  it('counts weak signals only in combination', () => {
    assert.equal(detectDialect('#\n').id, 'unknown');
    assert.equal(detectDialect('sysname core1\n').id, 'unknown');
    assert.equal(detectDialect('set system host-name r1\n').id, 'juniper-junos', 'a telling set path is enough');
    assert.equal(detectDialect('set foo bar\nset baz qux\n').id, 'unknown', 'a bare "set" is not Junos (RouterOS, FortiOS use it)');
    assert.equal(detectDialect('line vty 0 4\n').id, 'unknown');
    assert.equal(detectDialect('Huawei\nHuawei Huawei\n').id, 'unknown', 'a vendor word alone is not a dialect');
    assert.equal(detectDialect('interface GigabitEthernet0/0/1\n description to HUAWEI\n').id, 'unknown', 'shared port names decide nothing');
  });

  it('lets a vendor word tip a lone VRP-family signal, with low confidence', () => {
    const d = detectDialect('sysname HUAWEI_LAB_PE_1\n');
    assert.equal(d.id, 'huawei-vrp');
    assert.equal(d.confidence, 'low');
    assert.equal(detectDialect('sysname HP-Switch-01\n').id, 'h3c-comware');
  });

  it('does not take a neighbour\'s banner in an LLDP capture for the capturing device', () => {
    const text = fixture('ios-lldp-vrp-neighbour.txt');
    const masked = maskNeighbourText(text);
    assert.equal(masked.length, text.length, 'offsets are kept');
    assert.ok(!masked.includes('Versatile Routing Platform'));
    assert.ok(masked.includes('Local Intf: Te1/0/1'));
    assert.equal(detect('vrp-display-lldp-cisco-neighbour.txt').id, 'huawei-vrp');
  });

  it('does not take an Accton-built (Edgecore) switch config for Cisco: its own VLAN-database and tagging grammar count against IOS', () => {
    const edgecore = detect('edgecore-ecs-access.cfg');
    assert.equal(edgecore.id, 'unknown', edgecore.reasons.join('; '));
    const cisco = 'hostname acc-sw1\n!\ninterface GigabitEthernet1/0/1\n switchport trunk allowed vlan add 30\n switchport mode trunk\n!\nspanning-tree extend system-id\nline con 0\nline vty 0 4\n!\nend\n';
    assert.equal(detectDialect(cisco).id, 'cisco-ios', 'Cisco writes "switchport trunk allowed vlan add": not the Accton form');
    const accton = cisco.replace('!\nend\n', '!\nvlan database\n VLAN 30 name voice media ethernet\n!\ninterface ethernet 1/2\n switchport allowed vlan add 30 tagged\n!\nend\n');
    assert.notEqual(detectDialect(accton).id, 'cisco-ios');
  });

  it('does not depend on the file name: the Cisco config in a Huawei driver\'s folder is IOS', () => {
    const ios = 'Building configuration...\n\nCurrent configuration : 1366 bytes\n!\nversion 15.5\nhostname CSR1\n!\nline vty 0 4\n!\nend\n';
    assert.equal(detectDialect(ios).id, 'cisco-ios');
  });

  it('survives odd input and reads only the head of a large file', () => {
    for (const odd of ['', '\u0000\u0001', '\r\r\r', '!<', '{'.repeat(1000), 'x'.repeat(200_000)]) {
      assert.equal(detectDialect(odd).id, 'unknown');
    }
    const late = `${'! filler\n'.repeat(SAMPLE_CHARS / 8)}vdc n1 id 1\n`;
    assert.equal(detectDialect(late).id, 'unknown', 'fingerprints past the sample do not count');
  });

  it('reads on past the first look when it leaves the dialect undecided', () => {
    const nexus = 'feature bgp\nvdc n1 id 1\n  limit-resource vlan minimum 16 maximum 4094\nfeature lacp\n';
    const pastFirstLook = `${'! filler\n'.repeat(FIRST_LOOK_CHARS / 9 + 10)}${nexus}`;
    assert.ok(pastFirstLook.length > FIRST_LOOK_CHARS && pastFirstLook.length < SAMPLE_CHARS);
    assert.equal(detectDialect(nexus).id, 'cisco-nxos');
    assert.equal(detectDialect(pastFirstLook).id, 'cisco-nxos');
  });

  it('is what the plain-text format reports, with the dialect\'s comment syntax for review notes', () => {
    const cases: [string, string, string][] = [
      ['vrp-dist-sw2.cfg', 'huawei-vrp', '#'],
      ['zte-zxros-show-running-config.txt', 'zte-zxros', '!'],
      ['junos-brace-edge.conf', 'juniper-junos', '#'],
      ['eos-spine1.cfg', 'arista-eos', '!'],
    ];
    for (const [file, dialect, prefix] of cases) {
      const parsed = plainTextFormat.parse(fixture(file));
      assert.equal(parsed.dialect.id, dialect);
      assert.equal(parsed.commentPrefix, prefix, file);
    }
    assert.equal(plainTextFormat.parse('! just a note\nfoo\n').commentPrefix, '!', 'unknown dialect: the first comment decides');
  });
});

describe('markup is no CLI', () => {
  it('does not take a Maven POM that names Huawei for a VRP configuration, its tags for bare prompts', () => {
    const pom = [
      '<project>',
      '  <dependencies>',
      '    <dependency>',
      '      <groupId>com.huawei.agconnect</groupId>',
      '      <artifactId>agconnect-core</artifactId>',
      '    </dependency>',
      '  </dependencies>',
      '  <repositories>',
      '    <repository>',
      '      <url>https://developer.huawei.com/repo/</url>',
      '    </repository>',
      '  </repositories>',
      '</project>',
    ].join('\n');
    assert.equal(detectDialect(pom).id, 'unknown');
  });

  it('still reads a VRP session whose prompts stand alone on their lines', () => {
    const session = ['<CORE-SW01>', '<CORE-SW01>display current-configuration', '#', ' sysname CORE-SW01', '#', 'vlan batch 10 20', '#', 'return', '<CORE-SW01>'].join('\n');
    assert.equal(detectDialect(session).id, 'huawei-vrp');
  });
});
