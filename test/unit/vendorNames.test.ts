import { strict as assert } from 'node:assert';
import { createVendorNameMatcher } from '../../src/core/evidence/vendorNames';
import type { Field } from '../../src/core/model';
import { knowledge } from './helpers';

function match(text: string, role: Field['role'] = 'text') {
  const matcher = createVendorNameMatcher(knowledge());
  return matcher.match({ offset: 0, text, role }).map((e) => ({ vendor: e.vendorId, matched: e.matched, start: e.start, end: e.end, confidence: e.confidence }));
}

describe('vendor-name evidence', () => {
  it('finds brands and legal names in any case', () => {
    assert.deepEqual(
      match('uplink to HUAWEI S5735').map((m) => [m.vendor, m.matched]),
      [['huawei', 'HUAWEI']],
    );
    assert.deepEqual(match('made by huawei').map((m) => m.vendor), ['huawei']);
    assert.deepEqual(match('Copyright (c) 2022 by ZTE Corporation').map((m) => [m.vendor, m.matched]), [['zte', 'ZTE Corporation']]);
  });

  it('prefers the whole legal name over the brand it starts with, whatever its spacing', () => {
    const found = match('Vendor: HUAWEI TECHNOLOGIES CO.,LTD (Shenzhen)');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.matched, 'HUAWEI TECHNOLOGIES CO.,LTD');
    assert.equal(found[0]!.confidence, 'high');
  });

  it('does not call Aztech, AZTEK, Naztec or ztevision ZTE', () => {
    for (const text of ['Aztech HL117EP adapter', 'AZTEK', 'Naztec traffic controller', 'ztevision demo unit', 'AztecZTEx', 'zte1']) {
      assert.deepEqual(match(text), [], text);
    }
  });

  it('finds names written in Chinese without word boundaries', () => {
    const found = match('供应商：华为技术有限公司；中兴通讯；海康威视；浙江大华');
    assert.deepEqual(
      found.map((f) => f.vendor),
      ['huawei', 'zte', 'hikvision', 'dahua'],
    );
    assert.equal(found[0]!.matched, '华为技术有限公司');
  });

  it('reports offsets in UTF-16 code units after non-ASCII text', () => {
    const text = '📦 Lieferant: Zürich Handels AG / Huawei';
    const [found] = match(text);
    assert.ok(found);
    assert.equal(text.slice(found.start, found.end), 'Huawei');
    assert.equal(found.start, text.indexOf('Huawei'));
  });

  it('weighs confidence by where the name stands', () => {
    assert.equal(match('Huawei', 'maker')[0]!.confidence, 'high');
    assert.equal(match('to Huawei OLT')[0]!.confidence, 'medium');
    assert.equal(match('! old Huawei box', 'comment')[0]!.confidence, 'low');
  });

  it('skips names inside a different company that contains them', () => {
    assert.deepEqual(match('Shanghai Dahua Scale Factory'), []);
    assert.deepEqual(match('Zhejiang Dahua Technology Co., Ltd.').map((m) => m.vendor), ['dahua']);
  });
  it('does not take a person whose given name is Dahua or Huawei for the maker, in either name order', () => {
    for (const text of [
      ' * @author Dahua Lin',
      '% Created by Dahua Lin, on 3 May 2011',
      '| Dahua Lin | The Chinese University of Hong Kong | co-author |',
      'Chen Wei, Lin Dahua and Zhou Min reviewed the draft.',
      'Thanks to Huawei Wang for the measurements.',
      'title={A study}, author={Ng, Andrew and Dahua Lin},',
    ]) {
      assert.deepEqual(match(text), [], text);
    }
    // The maker beside a surname-like word that is no name, and the maker beside a person: still found.
    assert.deepEqual(match('Dahua Lite series NVR').map((m) => m.vendor), ['dahua']);
    assert.deepEqual(match('HUAWEI MA5800-X7 chassis').map((m) => m.vendor), ['huawei']);
    assert.deepEqual(match('Huawei Li-ion battery pack ESM-48100').map((m) => m.vendor), ['huawei']);
    assert.deepEqual(match('Huawei LIN bus adapter').map((m) => m.vendor), ['huawei']);
    assert.deepEqual(match('Dahua Lin evaluated a Hikvision DS-2CD2143G2 camera').map((m) => m.vendor), ['hikvision']);
  });

  it('does not take a street or village named after a word the vendor shares for the maker', () => {
    for (const text of [
      'address: 1 Dongdan Dahua Road, Dongcheng District, Beijing',
      ':street => "dahua road"',
      '2877, Lane 55, Dahua Rd., Niaosong District',
      'Hytera Street 12',
      '东城区东单大华路1号',
    ]) {
      assert.deepEqual(match(text), [], text);
    }
    // "Road Map" is a map service, and 华为路由器 is a Huawei router, not a road.
    assert.deepEqual(match('15. Huawei Road Map (Petal Map)').map((m) => m.vendor), ['huawei']);
    assert.deepEqual(match('华为路由器 AX3').map((m) => m.vendor), ['huawei']);
    assert.deepEqual(match('Dahua Roadside camera kit').map((m) => m.vendor), ['dahua']);
    assert.deepEqual(match('Zhejiang Dahua Technology Co., Ltd, 1199 Bin\'an Road').map((m) => m.vendor), ['dahua']);
  });
});
