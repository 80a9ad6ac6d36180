import { strict as assert } from 'node:assert';
import { plainTextFormat } from '../../src/core/formats/plainText';
import { createSectionTracker, junosSetPath } from '../../src/core/formats/sections';
import { fixture } from './dialects.test';

/** The section path plainText gives the first line containing `needle`. */
function pathOf(text: string, needle: string): readonly string[] | undefined {
  const field = plainTextFormat.parse(text).fields.find((f) => f.text.includes(needle));
  assert.ok(field, `${needle} not found`);
  return field.path;
}

describe('section context', () => {
  it('VRP: "#" closes a block, indentation nests', () => {
    const text = fixture('vrp-dist-sw2.cfg');
    assert.deepEqual(pathOf(text, 'description LAG to dc1-core-sw1'), ['interface Eth-Trunk10']);
    assert.deepEqual(pathOf(text, 'local-user netadmin privilege'), ['aaa']);
    assert.equal(pathOf(text, 'ip route-static'), undefined, 'a top-level line after "#" is in no section');
  });

  it('Comware: an indented line right after "#" belongs to no section', () => {
    const text = fixture('comware7-access-sw.cfg');
    assert.equal(pathOf(text, 'sysname acc-sw-b2'), undefined);
    assert.deepEqual(pathOf(text, 'description NVR-02'), ['interface GigabitEthernet1/0/5']);
  });

  it('nested blocks and indented separators', () => {
    const track = createSectionTracker('indent');
    const lines = ['aaa', ' authentication-scheme R', '  authentication-mode radius', ' #', ' domain default', '#', 'sysname x'];
    assert.deepEqual(
      lines.map((l) => track(l)),
      [undefined, ['aaa'], ['aaa', 'authentication-scheme R'], ['aaa'], ['aaa'], undefined, undefined],
    );
  });

  it('ZXROS: "!<if-intf>" sections and "$" block ends', () => {
    const text = fixture('zte-zxros-show-running-config.txt');
    assert.deepEqual(pathOf(text, 'description customer LAN'), ['<if-intf>', 'interface xgei-0/2/0/3']);
    assert.deepEqual(pathOf(text, 'interface smartgroup1'), ['<if-intf>'], 'the previous interface ended at "$"');
    assert.deepEqual(pathOf(text, 'remote-as 4134'), ['<bgp>', 'router bgp 65010']);
    assert.equal(pathOf(text, 'end'), undefined, 'closing markers end their section');
  });

  it('Junos braces and set paths name the same place', () => {
    const brace = fixture('junos-brace-edge.conf');
    assert.deepEqual(pathOf(brace, 'peer-as 4809'), ['protocols', 'bgp', 'group TRANSIT', 'neighbor 203.0.113.1']);
    assert.deepEqual(pathOf(brace, 'address 203.0.113.2/30'), ['interfaces', 'ge-0/0/0', 'unit 0', 'family inet']);
    const set = fixture('junos-set-edge.conf');
    assert.deepEqual(pathOf(set, 'peer-as 4837'), ['protocols', 'bgp', 'group TRANSIT', 'neighbor 203.0.113.5']);
    assert.deepEqual(junosSetPath('set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.6/30'), ['interfaces ge-0/0/0', 'unit 0', 'family inet']);
    assert.deepEqual(junosSetPath('set system host-name edge-mx2'), ['system']);
    assert.equal(junosSetPath('set version 22.4R3'), undefined);
  });

  it('FortiOS config/edit blocks, nested', () => {
    const text = fixture('fortigate-fw1.conf');
    assert.deepEqual(pathOf(text, 'set ip 203.0.113.10'), ['config system interface', 'edit "wan1"']);
    assert.deepEqual(pathOf(text, 'kaspersky-labs'), ['config system ntp', 'config ntpserver', 'edit 1']);
    assert.deepEqual(pathOf(text, 'set ip 192.168.1.99'), ['config system interface', 'edit "lan"']);
  });

  it('RouterOS menus, on their own line or in front of a command', () => {
    const text = fixture('routeros-branch.rsc');
    assert.deepEqual(pathOf(text, 'mac-address=44:19'), ['/ip dhcp-server lease']);
    const track = createSectionTracker('routeros');
    assert.deepEqual(track('/ip pool add name=p1 ranges=10.0.0.2-10.0.0.9'), ['/ip pool']);
  });

  it('keeps depth and text bounded on pathological input', () => {
    const track = createSectionTracker('indent');
    let last: readonly string[] | undefined;
    for (let i = 0; i < 100; i++) last = track(`${' '.repeat(i)}${'x'.repeat(500)}`);
    assert.ok(last && last.length <= 8 && last.every((t) => t.length <= 120));
    const junos = createSectionTracker('junos');
    assert.equal(junos('}'), undefined, 'an unbalanced brace is harmless');
  });
});
