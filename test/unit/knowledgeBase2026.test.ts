// The knowledge base as reviewed on 2026-12-07: sourced and dated entries, the NÚKIB 2025 product-category
// rule, profiles that follow how law applies, and name false positives that must stay fixed.
import { strict as assert } from 'node:assert';
import { createVendorNameMatcher } from '../../src/core/evidence/vendorNames';
import { isDataOld, dataDescription } from '../../src/core/knowledge/dataAge';
import type { Profile } from '../../src/core/model';
import { assessVendor } from '../../src/core/review/profiles';
import { renderFindingHover } from '../../src/core/services/hover';
import { knowledge, languageService, textDocument } from './helpers';

const kb = knowledge();
const profiles = (...ids: string[]): Profile[] => ids.map((id) => kb.profileById.get(id)!);
const assess = (vendor: string, ...ids: string[]) => assessVendor(kb, profiles(...ids), kb.vendorById.get(vendor)!);

describe('knowledge base data (reviewed 2026-12-07)', () => {
  it('gives every advisory an official or secondary source and a reviewed-on date, and the whole a version and date', () => {
    assert.match(kb.dataVersion ?? '', /^\d{4}\.\d{2}\.\d+$/);
    assert.match(kb.reviewedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
    for (const a of kb.advisories) {
      assert.ok(a.sources.some((s) => s.checked === 'official' || s.checked === 'secondary'), `${a.id}: no official or secondary source`);
      assert.match(a.reviewed ?? '', /^\d{4}-\d{2}-\d{2}$/, `${a.id}: no reviewed-on date`);
      assert.ok(a.reviewed! <= kb.reviewedOn!, `${a.id}: reviewed after the knowledge base`);
    }
  });

  it('labels third-party copies of official texts as secondary, never official', () => {
    const mirrors = /justia\.com|lexbuild\.dev|wifcon\.com|cleat\.ai/;
    for (const a of kb.advisories) for (const s of a.sources) if (mirrors.test(s.url)) assert.equal(s.checked, 'secondary', `${a.id}: ${s.url}`);
  });

  it('carries the audit fixes: 2 CFR 200.216 of 13 Aug 2020, Canada 2022 as a policy, the UK 31 Dec 2025 milestone, NZ 2018 as a case decision', () => {
    const grants = kb.advisoryById.get('us-2cfr-200-216')!;
    assert.equal(grants.date, '2020-08-13');
    assert.match(grants.url, /ecfr\.gov\/.*200\.216/);
    assert.notEqual(kb.advisoryById.get('ca-2022')!.measure, 'ban');
    assert.ok(kb.advisoryById.get('uk-2022-designation')!.deadlines!.some((d) => d.date === '2025-12-31'));
    assert.equal(kb.advisoryById.get('nz-gcsb-2018')!.measure, 'warning');
    assert.match(kb.advisoryById.get('cz-nukib-2018-huawei-zte')!.scope, /264\/2025/);
  });

  it('dates the hover, and says why a category rule links an advisory', () => {
    const service = languageService({ profile: 'cz' });
    const [finding] = service.analyze(textDocument('interface Gi0/2\n description Hikvision NVR\n')).findings;
    const hover = renderFindingHover(kb, profiles('cz'), finding!, kb.reviewedOn!);
    assert.doesNotMatch(hover, /Knowledge base/, 'data that is not old is dated in the vendor details, not in the hover');
    assert.match(service.vendorDetails('hikvision')!, /Knowledge base \d{4}\.\d{2}\.\d+, reviewed on \d{4}-\d{2}-\d{2}\.$/);
    assert.match(hover, /Linked by product category, at information level: it names ip-camera from makers in CN, not Hikvision itself\./);
    assert.match(renderFindingHover(kb, profiles('cz'), finding!, '2031-01-01'), /The data is over 180 days old/);
  });

  it('has the data-age warning past 180 days, judged by the date alone', () => {
    assert.equal(isDataOld({ reviewedOn: '2026-12-07' }, '2027-06-05'), false);
    assert.equal(isDataOld({ reviewedOn: '2026-12-07' }, '2027-06-06'), true);
    assert.match(dataDescription(kb, '2030-01-01'), /over 180 days old/);
    assert.doesNotMatch(dataDescription(kb, kb.reviewedOn!), /old/);
  });
});

describe('NÚKIB 2025: an instrument naming product categories', () => {
  it('links PRC makers of the named categories, at information level, and no one else', () => {
    const linked = [...kb.categoryLinks].filter(([, l]) => l.has('cz-nukib-2025-prc-data')).map(([id]) => id).sort();
    assert.deepEqual(linked, ['dahua', 'hikvision', 'honor', 'huawei', 'nubia', 'zte']);
    assert.deepEqual(kb.categoryLinks.get('hikvision')!.get('cz-nukib-2025-prc-data')!.categories, ['ip-camera']);
    for (const vendor of ['kaspersky', 'hytera', 'china-mobile', 'dji']) assert.ok(!kb.categoryLinks.get(vendor)?.has('cz-nukib-2025-prc-data'), vendor);
    const hikvision = assess('hikvision', 'cz');
    assert.equal(hikvision.inForce[0]?.id, 'cz-nukib-2025-prc-data');
    assert.equal(hikvision.severity, 'information');
  });

  it('says which instrument and why in the finding', () => {
    const [finding] = languageService({ profile: 'cz' }).analyze(textDocument('interface Gi0/2\n description Hikvision NVR\n')).findings;
    assert.match(finding!.message, /NÚKIB warning on data transfer .*\(CZ, 2025-09-03\) \[by product category: ip-camera from CN, not named\]/);
  });
});

describe('profiles that match how law applies', () => {
  it('puts NÚKIB 2018 and 2025 first for Huawei under cz, and under cz with eu-5g', () => {
    for (const ids of [['cz'], ['cz', 'eu-5g']]) {
      const a = assess('huawei', ...ids);
      assert.deepEqual(a.inForce.map((x) => x.id), ['cz-nukib-2018-huawei-zte', 'cz-nukib-2025-prc-data', 'eu-2023-communication', 'eu-5g-toolbox-2020'], ids.join(','));
      assert.equal(a.severity, 'warning');
    }
  });

  it('applies the EU instruments under a member state profile', () => {
    for (const id of ['cz', 'de-5g', 'se-5g', 'pt-5g', 'ro-5g', 'ee-telecom']) {
      assert.ok(assess('zte', id).inForce.some((a) => a.id === 'eu-2023-communication'), id);
    }
  });

  it('leads with an instrument read at its official source before one known only from copies', () => {
    const official = (id: string) => knowledge().advisoryById.get(id)!.sources.some((s) => s.checked === 'official');
    for (const vendor of ['huawei', 'zte', 'hikvision', 'dahua']) {
      const [lead] = assess(vendor, 'global').inForce;
      assert.ok(official(lead!.id), `${vendor}: ${lead!.id} leads without an official source`);
    }
    // §805 is a ban and newer, but known only from a copy of its text: it does not lead Huawei's findings.
    assert.equal(official('us-ndaa-fy2024-805'), false);
    assert.notEqual(assess('huawei', 'global').inForce[0]!.id, 'us-ndaa-fy2024-805');
  });

  it('leads with the strongest instrument when nothing applies; the finding lists how many are in force and the superseded ones', () => {
    assert.equal(assess('hikvision', 'info').advisories[0]!.measure, 'ban');
    const [finding] = languageService({ profile: 'cz' }).analyze(textDocument('interface Gi0/1\n description HUAWEI uplink\n')).findings;
    // The message names the lead instrument only; the others are the finding's advisories (details view, reports).
    assert.match(finding!.message, /\. NÚKIB warning on Huawei and ZTE \(CZ, 2018-12-17\)$/);
    assert.equal(finding!.advisoriesInForce.length, 4, 'the lead and 3 more');
    assert.ok(['uk-2020-jul', 'uk-2020-jan'].every((id) => finding!.advisoryIds.includes(id) && !finding!.advisoriesInForce.includes(id)));
    const [info] = languageService({ profile: 'info' }).analyze(textDocument('interface Gi0/1\n description Hikvision NVR\n')).findings;
    assert.match(info!.message, /, not in force under info$/);
    assert.deepEqual(info!.advisoriesInForce, []);
    assert.ok(info!.advisoryIds.length > 1);
  });
});

describe('the Chinese carriers by their Chinese names', () => {
  const match = (text: string) => createVendorNameMatcher(kb).match({ offset: 0, text, role: 'text' }).map((e) => e.vendorId);

  it('finds each carrier by its short and legal name, in simplified and traditional characters', () => {
    const cases: [string, string][] = [
      ['出口线路：中国联通宽带 100M', 'china-unicom'],
      ['中國聯通 專線', 'china-unicom'],
      ['运营商：中国联合网络通信集团有限公司', 'china-unicom'],
      ['备用线路：中国电信光纤', 'china-telecom'],
      ['中國電信 香港', 'china-telecom'],
      ['托管于中国移动通信集团有限公司数据中心', 'china-mobile'],
      ['機房在中國移動', 'china-mobile'],
    ];
    for (const [text, vendor] of cases) assert.deepEqual([...new Set(match(text))], [vendor], text);
  });

  it('does not read "China\'s mobile internet" or "China\'s telecom industry" as a carrier', () => {
    for (const text of ['中国移动互联网发展报告', '本文讨论中国移动互联网用户', '中國移動互聯網', '中国电信业的改革历程', '中國電信業']) {
      assert.deepEqual(match(text), [], text);
    }
  });
});

describe('name false positives of the audit (§4.4), with the true positives kept', () => {
  const match = (text: string) => createVendorNameMatcher(kb).match({ offset: 0, text, role: 'text' }).map((e) => e.vendorId);

  it('does not flag PacNet (Telstra), 大华银行, 中兴路, Beijing Dahua Radio, CUSI or ON MY HONOR', () => {
    for (const text of ['Uplink to PacNet Global (Telstra) AS10026', '大华银行 (UOB)', '在大华银行开户', '上海市中兴路 88 号', 'Beijing Dahua Radio Instrument DH1718E power supply', 'CUSI ticket 4411', 'ON MY HONOR']) {
      assert.deepEqual(match(text), [], text);
    }
  });

  it('still finds the vendors those names belong to', () => {
    const cases: [string, string][] = [
      ['Pacific Networks Corp transit', 'pacific-networks'],
      ['PacNet/ComNet circuit', 'pacific-networks'],
      ['大华 摄像机', 'dahua'],
      ['Dahua camera', 'dahua'],
      ['中兴 OLT', 'zte'],
      ['HONOR Magic phone', 'honor'],
      ['HiLook IPC-B140H', 'hikvision'],
      ['Huawei Digital Power SUN2000', 'huawei'],
      ['Autel Robotics EVO II', 'autel-robotics'],
      ['Nubia Technology Co., Ltd', 'nubia'],
    ];
    for (const [text, vendor] of cases) assert.deepEqual(match(text), [vendor], text);
  });
});
