// End-to-end through the language service: configs and captures where the vendor's name is never written.
import { strict as assert } from 'node:assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { Finding } from '../../src/core/model';
import { fixture } from './dialects.test';
import { languageService, textDocument } from './helpers';

function analyse(name: string, profile?: string) {
  const text = fixture(name);
  const doc = textDocument(text, `file:///configs/${name}`);
  const service = languageService(profile ? { profile } : {});
  return { text, doc, service, analysis: service.analyze(doc) };
}

/** 0-based line and UTF-16 column of the nth occurrence of needle, found without the analyser. */
function positionOf(text: string, needle: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

function rangeOf(text: string, needle: string, occurrence = 0) {
  const start = positionOf(text, needle, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

describe('configs that never name their vendor', () => {
  it('a VRP config without the word Huawei gets a document-level Huawei finding on its header line, recognised by its first "vlan batch"', async () => {
    const { text, doc, service, analysis } = analyse('vrp-dist-sw2.cfg');
    assert.doesNotMatch(text, /huawei/i, 'the fixture never says Huawei');
    assert.equal(analysis.dialect.id, 'huawei-vrp');
    const dialect = analysis.findings.filter((f) => f.evidence.kind === 'dialect');
    assert.equal(dialect.length, 1);
    const [finding] = dialect as [Finding];
    assert.equal(finding.vendorId, 'huawei');
    assert.equal(finding.evidence.documentLevel, true);
    // The file is the device: the finding sits on its first line with a word, and where the dialect shows is related information.
    assert.deepEqual(finding.range, rangeOf(text, 'sysname dist-sw2'));
    assert.deepEqual(finding.related[0]!.range, rangeOf(text, 'vlan batch'));
    assert.equal(finding.severity, 'error');
    const hover = await service.doHover(doc, finding.range.start);
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /huawei\\?-vrp configuration dialect/, 'the detail is escaped Markdown');
    assert.match(service.vendorDetails('huawei', { document: doc, findingId: finding.id })!, /Recognised by: .*vlan batch.*Vlanif/, 'the reasons are in the vendor details');
  });

  it('an IOS switch with a Hikvision camera known only by its MAC: one mac-oui finding on that MAC, the other sighting related', () => {
    const { text, analysis } = analyse('ios-access-sw3-with-captures.txt');
    assert.equal(analysis.dialect.id, 'cisco-ios');
    assert.ok(!analysis.findings.some((f) => f.evidence.kind === 'dialect'), 'IOS is not a flagged dialect');
    // Seen in show mac address-table and in show arp: one host, the second sighting its related information.
    const cameras = analysis.findings.filter((f) => f.vendorId === 'hikvision');
    assert.deepEqual(cameras.map((f) => f.range), [rangeOf(text, '4419.b6a0.77c3', 0)]);
    assert.deepEqual(cameras[0]!.related.map((r) => r.range), [rangeOf(text, '4419.b6a0.77c3', 1)]);
    assert.ok(cameras.every((f) => f.evidence.kind === 'mac-oui' && f.evidence.confidence === 'high'));
    assert.equal(cameras[0]!.subject?.kind, 'host');
    assert.match(cameras[0]!.message, /^Hikvision camera or video recorder by its MAC 44:19:B6:A0:77:C3 \(/);
    assert.match(cameras[0]!.evidence.detail, /^MAC address, MA-L prefix 4419B6/);
    const others = analysis.findings.filter((f) => f.vendorId !== 'hikvision').map((f) => [f.vendorId, f.evidence.kind]);
    assert.deepEqual(others, [['huawei', 'vendor-name']], 'VMware and Cisco MACs are no finding; the HUAWEI description is');
  });

  it('Comware is H3C, borderline information, and never Huawei', () => {
    const { analysis } = analyse('comware7-access-sw.cfg');
    assert.equal(analysis.dialect.id, 'h3c-comware');
    assert.ok(analysis.findings.length > 0);
    assert.ok(analysis.findings.every((f) => f.vendorId === 'h3c' && f.severity === 'information'));
    assert.match(analysis.findings[0]!.message, /borderline/);
  });

  it('a ZTE running config: dialect finding, a camera MAC in a description, a China Telecom BGP peer, each with its section', async () => {
    const { text, doc, service, analysis } = analyse('zte-zxros-show-running-config.txt');
    const byKind = new Map(analysis.findings.map((f) => [`${f.vendorId}/${f.evidence.kind}`, f]));
    assert.deepEqual([...byKind.keys()].sort(), ['china-telecom/asn', 'hikvision/mac-oui', 'zte/dialect', 'zte/model']);
    assert.deepEqual(byKind.get('zte/model')!.range, rangeOf(text, 'ZXR10'), 'the default ZXR10 prompt');
    assert.deepEqual(byKind.get('zte/dialect')!.range, rangeOf(text, 'ZXR10#show running-config'), 'on the header line');
    assert.deepEqual(byKind.get('zte/dialect')!.related[0]!.range, rangeOf(text, '!<system-config>'));
    const camera = byKind.get('hikvision/mac-oui')!;
    assert.deepEqual(camera.range, rangeOf(text, '4419-b6a0-77c3'));
    assert.deepEqual(camera.evidence.field.path, ['<if-intf>', 'interface xgei-0/2/0/3']);
    const peer = byKind.get('china-telecom/asn')!;
    assert.deepEqual(peer.range, rangeOf(text, '4134'));
    const hover = (await service.doHover(doc, peer.range.start))!.contents as MarkupContent;
    assert.match(hover.value, /Context: \\<bgp\\> › router bgp 65010/);
  });

  it('Junos (both styles), RouterOS and FortiOS: ASNs, MACs and domains with their paths', () => {
    const brace = analyse('junos-brace-edge.conf').analysis.findings;
    assert.deepEqual(brace.map((f) => [f.vendorId, f.evidence.kind, f.evidence.field.path?.join(' › ')]), [
      ['china-telecom', 'vendor-name', 'protocols › bgp › group TRANSIT › neighbor 203.0.113.1'],
      ['china-telecom', 'asn', 'protocols › bgp › group TRANSIT › neighbor 203.0.113.1'],
    ]);
    const set = analyse('junos-set-edge.conf').analysis.findings;
    assert.deepEqual(set.map((f) => [f.vendorId, f.evidence.kind]), [['china-unicom', 'asn']]);
    const routeros = analyse('routeros-branch.rsc').analysis.findings;
    assert.deepEqual(routeros.map((f) => [f.vendorId, f.evidence.kind, f.evidence.field.path?.[0]]), [
      ['hikvision', 'mac-oui', '/ip dhcp-server lease'],
      ['huawei', 'domain', '/system ntp client servers'],
    ]);
    const forti = analyse('fortigate-fw1.conf').analysis.findings;
    assert.deepEqual(forti.map((f) => [f.vendorId, f.evidence.kind, f.evidence.field.path?.at(-1)]), [['kaspersky', 'domain', 'edit 1']]);
  });

  it('one device per file: its version banner lines, copyright and model line are one finding, the dialect leading', () => {
    const text = 'Huawei Versatile Routing Platform Software\nVRP (R) software, Version 8.180 (NE40E V800R011C00SPC200)\nCopyright (C) 2012-2018 Huawei Technologies Co., Ltd.\nHUAWEI NE40E-X2-M8A uptime is 161 days\n';
    const { findings } = languageService().analyze(textDocument(text));
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.evidence.kind]), [[0, 'dialect']]);
    const [device] = findings;
    assert.equal(device!.subject?.kind, 'device');
    // Line 0: where the dialect was recognised, now that the finding covers the whole header line.
    assert.deepEqual(new Set(device!.related.map((r) => r.range.start.line)), new Set([0, 1, 2, 3]));
    // On line 1 the banner won over the model it contains; the model stays, as related information.
    assert.ok(device!.related.some((r) => /^Also model of the Huawei NetEngine NE router family \(huawei\/ne-router; per https:\/\/\S+\) "NE40E"$/.test(r.message)));
    assert.equal(device!.subject?.identifiers.model, 'NE40E');
    assert.equal(device!.subject?.deviceKind, 'router');
  });

  it('offers review notes in the dialect\'s comment syntax; the file-level finding gets a note for the whole file', async () => {
    for (const [file, prefix] of [['vrp-dist-sw2.cfg', '#'], ['zte-zxros-show-running-config.txt', '!']] as const) {
      const { doc, service } = analyse(file);
      const diagnostics = await service.doValidation(doc);
      for (const diagnostic of diagnostics.filter((d) => (d.data as { findingId?: string } | undefined)?.findingId)) {
        const fileLevel = (diagnostic.data as { findingId: string }).findingId.includes(':dialect:');
        const actions = await service.doCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic] });
        const edit = actions.find((a) => a.title === 'Accept with review note…')!.edit!.changes![doc.uri]![0]!;
        assert.match(edit.newText, new RegExp(`^\\s*\\${prefix} vendorlens-accept${fileLevel ? '-file' : ''}: `), `${file} ${diagnostic.message}`);
      }
    }
  });

  it('is exception-free on odd and large input (its growth with size is a benchmark: test/bench/linearity.bench.ts)', () => {
    // No time budget to speak of: whether the analysis completes must not depend on how busy the machine is.
    const service = languageService({ maxFindingsPerFile: 100_000, timeBudgetMs: 24 * 3_600_000 });
    for (const odd of ['\u0000', '\r\n\r\n', '!<x>\n$\n!</x>\n}\n}\nnext\nend\n', 'Copyright (c) '.repeat(5000), '4419.'.repeat(20000), '1.3.6.1.4.1.'.repeat(5000)]) {
      assert.doesNotThrow(() => service.analyze(textDocument(odd)));
    }
    const line = ' neighbor 192.0.2.1 remote-as 65001 ! 4419.b6a0.77c3 ntp.example.com 1.3.6.1.4.1.9 NE40E\n';
    const analysis = service.analyze(textDocument(line.repeat(20_000)));
    assert.ok(!analysis.problems.some((p) => p.code === 'analysis-cut-short' || p.code === 'analysis-failed'), JSON.stringify(analysis.problems));
  });
});

describe('related vendors', () => {
  const manuinfo = 'DEVICE_NAME          : HP FlexFabric 5930-32QSFP+ Switch JG726A\nMAC_ADDRESS          : 00E0-FC00-5800\nVENDOR_NAME          : HPE\n';

  it('a Huawei MAC block elsewhere in a Comware capture (a neighbour in the ARP table) stays Huawei at low confidence, with the reason', () => {
    const text = `${manuinfo}<sw1>display arp\n10.1.1.7        00e0-fc12-3456  10       GE1/0/7                  1    D\n`;
    const { dialect, findings } = languageService().analyze(textDocument(text));
    assert.equal(dialect.id, 'h3c-comware');
    const mac = findings.find((f) => f.evidence.kind === 'mac-oui' && f.evidence.matched === '00e0-fc12-3456')!;
    assert.equal(mac.vendorId, 'huawei');
    assert.equal(mac.evidence.confidence, 'low');
    assert.match(mac.evidence.reasons!.join(' '), /H3C .*may carry Huawei MAC blocks/);
    const elsewhere = languageService().analyze(textDocument(`hostname r1\n!\n${manuinfo.split('\n')[1]}\n`)).findings[0]!;
    assert.equal(elsewhere.evidence.confidence, 'high', 'outside an H3C document the block is plain Huawei evidence');
  });

  it("the Comware device's own address in a Huawei block is the H3C device's, with the block named", () => {
    const { findings } = languageService().analyze(textDocument(manuinfo));
    // The own address is part of the H3C device's finding (the device the capture is from).
    const device = findings.find((f) => f.vendorId === 'h3c' && f.subject?.kind === 'device')!;
    assert.equal(device.severity, 'information', 'H3C is borderline');
    const own = [device.evidence, ...(device.evidence.also ?? [])].filter((e) => e.kind === 'mac-oui');
    assert.equal(own.length, 1);
    assert.match(own[0]!.detail, /own MAC address, MA-L prefix 00E0FC of HUAWEI TECHNOLOGIES/);
    assert.ok(!findings.some((f) => f.vendorId === 'huawei'), 'no Huawei finding for the H3C switch itself');
    const iface = languageService().analyze(textDocument(`${manuinfo}IP Packet Frame Type: PKTFMT_ETHNT_2, Hardware Address: 00e0-fc00-5801\n`));
    const ifaceDevice = iface.findings.filter((f) => f.subject?.kind === 'device');
    assert.deepEqual(ifaceDevice.map((f) => f.vendorId), ['h3c']);
    assert.deepEqual([ifaceDevice[0]!.evidence, ...(ifaceDevice[0]!.evidence.also ?? [])].filter((e) => e.kind === 'mac-oui').map((e) => e.vendorId), ['h3c', 'h3c']);
    assert.ok(!iface.findings.some((f) => f.vendorId === 'huawei'));
  });
});
