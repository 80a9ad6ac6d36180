// The flagged-asset register: one row per device or product, with its identifiers, place, lead advisory,
// requirement, deadline and review state; CSV for Excel (BOM, CRLF, formula-safe) and JSON.
import { strict as assert } from 'node:assert';
import { formatChoice, FORMAT_CHOICES, defaultReportName } from '../../src/client/report/exportModel';
import { parseArgs } from '../../src/cli/args';
import { renderReport } from '../../src/core/report/render';
import type { RegisterEntry } from '../../src/core/report/register';
import type { FileReport } from '../../src/core/report/scanReport';
import { knowledge } from './helpers';
import { findingsOf, scanRecords } from './reportHelpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

const CAPTURE = lines(
  'acc-4#show mac address-table dynamic',
  'Vlan    Mac Address       Type        Ports',
  '  40    4419.b6c2.7e15    DYNAMIC     Gi1/0/14',
  'acc-4#show ip arp',
  'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
  'Internet  10.20.4.31              4   4419.b6c2.7e15  ARPA   Vlan40',
);
const CONFIG = lines('!Software Version V200R022C00SPC500', '#', 'sysname dist-9', '#', 'vlan batch 10', '#', 'return');

function options(profile = 'cz') {
  const kb = knowledge();
  return { kb, profiles: [kb.profileById.get(profile)!], toolVersion: '9.9.9', generatedOn: '2026-11-29' };
}

function registerJson(records: FileReport[]): { generatedOn: string; profiles: string[]; assets: RegisterEntry[] } {
  return JSON.parse(renderReport('register-json', records, options()));
}

describe('flagged-asset register', () => {
  it('JSON: one asset per device or product with identifiers, place, lead advisory and review state', () => {
    const { assets, profiles, generatedOn } = registerJson(scanRecords({ 'captures/acc-4.txt': CAPTURE }));
    assert.deepEqual(profiles, ['cz']);
    assert.equal(generatedOn, '2026-11-29');
    assert.equal(assets.length, 1);
    const [camera] = assets;
    assert.equal(camera!.vendor, 'hikvision');
    assert.equal(camera!.subject, 'host');
    assert.deepEqual(camera!.identifiers, { mac: '44:19:B6:C2:7E:15', localPort: 'Gi1/0/14', vlan: '40', ip: '10.20.4.31' });
    assert.equal(camera!.file, 'captures/acc-4.txt');
    assert.equal(camera!.line, 3);
    assert.equal(camera!.review.state, 'open');
    assert.ok(camera!.advisory, 'an advisory names Hikvision');
    assert.equal(camera!.requirement, knowledge().advisoryById.get(camera!.advisory!.id)!.requires);
  });

  it('CSV: UTF-8 byte-order mark, CRLF, one row per asset, formula-like cells escaped', () => {
    // A file name is the scanned tree's: one that a spreadsheet would run as a formula must not run.
    const records = scanRecords({ '=HYPERLINK("x").cfg': CONFIG, 'captures/acc-4.txt': CAPTURE });
    const csv = renderReport('register-csv', records, options());
    assert.ok(csv.startsWith('\uFEFFvendor,kind,device kind,hostname,'));
    const rows = csv.slice(1).split('\r\n').filter((r) => r !== '');
    assert.equal(rows.length, 1 + findingsOf(records).length);
    assert.ok(!csv.replace(/\r\n/g, '').includes('\n'), 'no bare LF line ends');
    const device = rows.find((r) => r.startsWith('Huawei,device,'))!;
    assert.ok(device.includes(`"'=HYPERLINK(""x"").cfg"`), `a file name that is a formula is escaped: ${device}`);
    assert.ok(device.includes(',dist-9,'), 'the host name from sysname');
    assert.ok(rows.some((r) => r.startsWith('Hikvision,host,') && r.includes('44:19:B6:C2:7E:15') && r.includes('10.20.4.31')));
  });

  it('an accepted finding is in the register, marked accepted with its reason, ticket and expiry', () => {
    const noted = CAPTURE.replace('  40    4419', '! vendorlens-accept: hikvision | reason: lobby camera, replaced in Q1 | ticket: RISK-7 | expires: 2027-03-31 | by: j.novak\n  40    4419');
    const [asset] = registerJson(scanRecords({ 'captures/acc-4.txt': noted })).assets;
    assert.deepEqual(asset!.review, { state: 'accepted', reason: 'lobby camera, replaced in Q1', ticket: 'RISK-7', expires: '2027-03-31', by: 'j.novak' });
  });

  it('the CLI and the export command offer both register formats', () => {
    for (const format of ['register-csv', 'register-json']) {
      const parsed = parseArgs(['scan', '--format', format, 'x']);
      assert.equal(parsed.command === 'scan' && parsed.format, format);
      assert.ok(formatChoice(format), `export offers ${format}`);
    }
    assert.equal(defaultReportName(FORMAT_CHOICES.find((c) => c.format === 'register-csv')!), 'vendorlens-asset-register.csv');
  });
});
