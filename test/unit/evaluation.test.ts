// `vendorlens eval`: labels from folders, MANIFEST and file names; verdicts, confusion and vendor scores.
import { strict as assert } from 'node:assert';
import { dialectOfLabel, expectationFor, parseManifest, vendorsInFileName } from '../../src/cli/eval';
import { judgeFile, renderEvaluation, summarize, type Expectation, type VendorStatus } from '../../src/cli/evaluation';
import type { FileReport, ReportFinding } from '../../src/core/report/scanReport';
import { knowledge } from './helpers';

const status: VendorStatus = { statusOf: (id) => knowledge().vendorById.get(id)?.status };

function finding(vendor: string, kind = 'vendor-name', confidence = 'high'): ReportFinding {
  return {
    file: 'f',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    vendor,
    rule: `flagged-vendor/${vendor}`,
    kind,
    confidence,
    severity: 'error',
    message: '',
    advisories: [],
    fingerprint: 'x:1',
    excerpt: '',
  };
}

function report(dialect: string, ...findings: ReportFinding[]): FileReport {
  return { document: { file: 'f', format: 'text', dialect }, findings, problems: [] };
}

const vrpFile: Expectation = { file: 'huawei_vrp/a.cfg', dialect: 'huawei-vrp', vendors: ['huawei'], source: 'folder huawei_vrp' };
const iosFile: Expectation = { file: 'cisco_ios/b.cfg', dialect: 'cisco-ios', vendors: [], source: 'folder cisco_ios' };

describe('eval labels', () => {
  it('maps corpus folder names to dialect ids, netmiko names included, and format folders to none', () => {
    assert.equal(dialectOfLabel('huawei_vrp'), 'huawei-vrp');
    assert.equal(dialectOfLabel('h3c_comware'), 'h3c-comware');
    assert.equal(dialectOfLabel('hp_comware'), 'h3c-comware');
    assert.equal(dialectOfLabel('cisco_xe'), 'cisco-ios');
    assert.equal(dialectOfLabel('Fortinet_FortiOS'), 'fortinet-fortios');
    assert.equal(dialectOfLabel('unknown'), 'unknown');
    for (const folder of ['csv', 'cyclonedx', 'spdx', 'spreadsheet', 'yaml-device-inventory']) assert.equal(dialectOfLabel(folder), undefined, folder);
  });

  it('reads MANIFEST.tsv by its header, preferring local_file over an upstream path column', () => {
    const rows = parseManifest('vendor\trepo\tpath\tlocal_file\tkind\tnote\r\ncisco_ios\tx/y\tupstream/r.txt\tcisco_ios/r.txt\ttrap\tcontent is Cisco\r\n\r\n');
    assert.deepEqual([...rows], [['cisco_ios/r.txt', { vendor: 'cisco_ios', kind: 'trap', note: 'content is Cisco' }]]);
    assert.equal(parseManifest('name\tsize\na\t1\n').size, 0, 'no file column: nothing to key on');
  });

  it('expects the flagged vendor of a dialect folder, never one from the file name', () => {
    const kb = knowledge();
    assert.deepEqual(expectationFor(kb, 'huawei_smartax/x.raw', 'huawei_smartax', undefined).vendors, ['huawei']);
    assert.deepEqual(expectationFor(kb, 'zte_zxros/x.raw', 'zte_zxros', undefined).vendors, ['zte']);
    assert.deepEqual(expectationFor(kb, 'h3c_comware/x.raw', 'h3c_comware', undefined).vendors, [], 'H3C is borderline');
    const trap = expectationFor(kb, 'cisco_ios/huawei-vrp-mock.txt', 'cisco_ios', { kind: 'trap' });
    assert.deepEqual([trap.dialect, trap.vendors, trap.kind], ['cisco-ios', [], 'trap']);
    assert.equal(expectationFor(kb, 'misc/a.txt', 'misc', { vendor: 'juniper_junos' }).dialect, 'juniper-junos', 'the MANIFEST vendor column overrides the folder');
  });

  it('expects BOM vendors from the MANIFEST note, else from whole words of the file name', () => {
    const kb = knowledge();
    const noted = expectationFor(kb, 'csv/q.csv', 'csv', { note: 'quote; FLAGGED VENDOR (Hikvision)' });
    assert.deepEqual([noted.vendors, noted.source], [['hikvision'], 'MANIFEST note']);
    assert.deepEqual(expectationFor(kb, 'csv/netbox-Huawei-x.csv', 'csv', { note: 'clean' }).vendors, [], 'a MANIFEST row decides');
    assert.throws(() => expectationFor(kb, 'csv/q.csv', 'csv', { note: 'FLAGGED VENDOR (Acme)' }), /unknown vendor 'Acme'/);
    assert.deepEqual(vendorsInFileName(kb, 'netbox-Huawei-S5735-L24P4S-A1.yaml'), ['huawei']);
    assert.deepEqual(vendorsInFileName(kb, 'netbox-ZTE-ZXR10-5950.yaml'), ['zte']);
    assert.deepEqual(vendorsInFileName(kb, 'aztech-ztevision-huaweii.csv'), [], 'whole words only');
    assert.deepEqual(expectationFor(kb, 'csv/hackrf.csv', 'csv', undefined).vendors, []);
  });
});

describe('eval verdicts and scores', () => {
  it('a right dialect with its vendor found is right; a flagged finding in a non-flagged folder is a false positive', () => {
    assert.equal(judgeFile(vrpFile, report('huawei-vrp', finding('huawei', 'dialect')), status).verdict, 'right');
    const fp = judgeFile(iosFile, report('cisco-ios', finding('huawei', 'mac-oui', 'low')), status);
    assert.equal(fp.verdict, 'wrong', 'low confidence still counts: the reviewer is shown it');
    assert.match(fp.notes.join(), /false positive: huawei \(mac-oui low\)/);
    assert.equal(judgeFile(iosFile, report('cisco-ios', finding('h3c')), status).verdict, 'right', 'borderline vendors never count');
  });

  it('a wrong dialect is wrong; an unrecognised one abstains unless it still yields a false positive', () => {
    const wrong = judgeFile(vrpFile, report('h3c-comware', finding('h3c', 'dialect')), status);
    assert.equal(wrong.verdict, 'wrong');
    assert.match(wrong.notes.join(), /recognised as h3c-comware, expected huawei-vrp.*missed: no huawei finding/);
    assert.equal(judgeFile(vrpFile, report('unknown'), status).verdict, 'not identified');
    assert.equal(judgeFile(vrpFile, report('unknown', finding('huawei')), status).verdict, 'not identified', 'vendor found, dialect not');
    assert.equal(judgeFile(iosFile, report('unknown', finding('zte')), status).verdict, 'wrong');
    assert.equal(judgeFile({ ...iosFile, dialect: 'unknown' }, report('cisco-ios'), status).verdict, 'wrong', 'a look-alike must stay unknown');
  });

  it('a BOM missing its expected vendor is wrong; a skipped binary file is not analysed', () => {
    const bom: Expectation = { file: 'yaml/netbox-ZTE.yaml', vendors: ['zte'], source: 'file name' };
    assert.equal(judgeFile(bom, report('unknown'), status).verdict, 'wrong');
    const skipped = { findings: [], problems: [{ file: 'x.xlsx', line: 0, column: 0, severity: 'information' as const, code: 'skipped-binary', message: 'skipped: binary file' }] };
    assert.equal(judgeFile({ ...bom, vendors: [] }, skipped, status).verdict, 'not analysed');
  });

  it('adds up a confusion table and per-vendor precision and recall; other flagged vendors in a flagged file are unlabelled', () => {
    const files = [
      judgeFile(vrpFile, report('huawei-vrp', finding('huawei', 'dialect')), status),
      judgeFile({ ...vrpFile, file: 'huawei_vrp/c.cfg' }, report('unknown'), status),
      judgeFile({ file: 'zte_zxros/arp.raw', dialect: 'zte-zxros', vendors: ['zte'], source: 'folder' }, report('zte-zxros', finding('zte', 'dialect'), finding('huawei', 'mac-oui')), status),
      judgeFile(iosFile, report('cisco-ios', finding('huawei')), status),
    ];
    const evaluation = summarize('corpus', files);
    assert.deepEqual(Object.fromEntries(evaluation.confusion.get('huawei-vrp')!), { 'huawei-vrp': 1, unknown: 1 });
    const huawei = evaluation.vendors.find((s) => s.vendor === 'huawei')!;
    assert.deepEqual(huawei, { vendor: 'huawei', expected: 2, truePositives: 1, missed: 1, falsePositives: 1, unlabelled: 1 });
    assert.deepEqual(evaluation.counts, { right: 2, wrong: 1, 'not identified': 1, 'not analysed': 0 });
    assert.equal(evaluation.passed, false);
    const text = renderEvaluation(evaluation, { dialectOrder: ['huawei-vrp', 'zte-zxros', 'cisco-ios'], rules: { configs: 'folders', others: 'names' } });
    assert.match(text, /^ {2}huawei-vrp +1 +\. +\. +1 +1\/2$/m, 'row: vrp, zxros, ios, unknown, right');
    assert.match(text, /^ {2}huawei +2 +1 +1 +1 +1 +0\.500 +0\.500$/m);
    assert.match(text, /cisco_ios\/b\.cfg: expected cisco-ios, recognised cisco-ios; flagged: huawei ×1 \(vendor-name high\); wrong — false positive: huawei/);
    assert.match(text, /Result: 2 right, 1 wrong, 1 not identified, 0 not analysed; 1 flagged-vendor false positive — FAIL\n$/);
  });

  it('reads the MANIFEST flagged column as the vendor expectation, whatever the dialect label', () => {
    const kb = knowledge();
    const rows = parseManifest('vendor\tlocal_file\tkind\tflagged\ncisco_ios\tcisco_ios/arp.raw\tshow-output\thuawei\nother\tother/lldp.raw\tshow-output\tHuawei, ZTE\nhuawei_vrp\thuawei_vrp/x.raw\tshow-output\tnone\n');
    const arp = expectationFor(kb, 'cisco_ios/arp.raw', 'cisco_ios', rows.get('cisco_ios/arp.raw'));
    assert.deepEqual([arp.dialect, arp.vendors, arp.source], ['cisco-ios', ['huawei'], 'MANIFEST flagged column'], 'a Cisco capture with Huawei findings');
    assert.deepEqual(expectationFor(kb, 'other/lldp.raw', 'other', rows.get('other/lldp.raw')).vendors, ['huawei', 'zte'], 'names resolve to ids');
    assert.deepEqual(expectationFor(kb, 'huawei_vrp/x.raw', 'huawei_vrp', rows.get('huawei_vrp/x.raw')).vendors, [], '"none" overrides the folder');
    assert.throws(() => expectationFor(kb, 'a', 'cisco_ios', { flagged: 'Acme' }), /unknown vendor 'Acme' in its flagged column/);
  });

  it('scores the dialect and the flagged vendors separately, and lists each miss with what was present', () => {
    const ciscoWithHuawei: Expectation = { ...iosFile, file: 'cisco_ios/arp.raw', vendors: ['huawei'] };
    const found = judgeFile(ciscoWithHuawei, report('cisco-ios', finding('huawei', 'mac-oui')), status);
    assert.deepEqual([found.verdict, found.dialectVerdict, found.vendorVerdict], ['right', 'right', 'right']);
    const unrecognised = judgeFile(vrpFile, report('unknown', finding('huawei', 'banner')), status);
    assert.deepEqual([unrecognised.dialectVerdict, unrecognised.vendorVerdict], ['not identified', 'right'], 'the vendor was found though the dialect was not');
    const missed = judgeFile({ ...vrpFile, file: 'huawei_vrp/m.raw' }, report('unknown'), status);
    missed.present = ['Huawei VRP 3: "<host>display" prompt and echo ×3'];
    const evaluation = summarize('corpus', [found, unrecognised, missed]);
    assert.deepEqual(evaluation.dialectCounts, { right: 1, wrong: 0, 'not identified': 2 });
    assert.deepEqual(evaluation.flaggedFiles, { expected: 3, found: 2 });
    const text = renderEvaluation(evaluation, { dialectOrder: ['huawei-vrp', 'cisco-ios'], rules: { configs: 'folders', others: 'names' } });
    assert.match(text, /^Dialect alone: 1\/3 right \(0\.333\), 0 wrong, 2 not identified$/m);
    assert.match(text, /^Flagged vendors alone: 2\/3 files that show one got its finding \(recall 0\.667\); 0 false positives$/m);
    assert.match(text, /^ {2}missed huawei in huawei_vrp\/m\.raw \(recognised unknown\)\n {6}present: Huawei VRP 3: "<host>display" prompt and echo ×3$/m);
  });
});
