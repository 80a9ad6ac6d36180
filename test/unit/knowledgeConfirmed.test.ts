// The facts the 2026-12-07 audit left unconfirmed, as searched again on 2026-12-08: what was confirmed or
// corrected holds, and the instruments added since (FCC Covered List 2024-2026, FCC 25-71) apply as issued.
import { strict as assert } from 'node:assert';
import type { Profile } from '../../src/core/model';
import { assessVendor } from '../../src/core/review/profiles';
import { kindOfVendor } from '../../src/core/subjects/deviceKind';
import { knowledge } from './helpers';

const kb = knowledge();
const advisory = (id: string) => {
  const found = kb.advisoryById.get(id);
  assert.ok(found, `${id} is in the knowledge base`);
  return found;
};
const profiles = (...ids: string[]): Profile[] => ids.map((id) => kb.profileById.get(id)!);
const assess = (vendor: string, ...ids: string[]) => assessVendor(kb, profiles(...ids), kb.vendorById.get(vendor)!);
const hasOfficialSource = (id: string) => advisory(id).sources.some((s) => s.checked === 'official');

describe('knowledge base facts confirmed or corrected on 2026-12-08', () => {
  it('names the 1260H-listed vendors of the 2025 and 2026 editions under NDAA §805, Dahua included, and not ZTE or Hytera', () => {
    const s805 = advisory('us-ndaa-fy2024-805');
    for (const vendor of ['huawei', 'hikvision', 'dahua', 'china-mobile', 'china-telecom', 'china-unicom', 'dji', 'autel-robotics']) {
      assert.ok(s805.vendors.includes(vendor), vendor);
    }
    for (const vendor of ['zte', 'hytera', 'kaspersky']) assert.ok(!s805.vendors.includes(vendor), vendor);
    assert.doesNotMatch(s805.note ?? '', /Dahua[^.]*not found/);
    assert.equal(assess('dahua', 'us-federal').severity, 'error');
  });

  it('gives the 2024 Kaspersky Lab, Inc. Covered List entry its own dated entry, in force for FCC programs and federal profiles', () => {
    const entry = advisory('us-fcc-covered-list-kaspersky-lab-inc-2024');
    assert.equal(entry.date, '2024-07-23');
    assert.deepEqual(entry.vendors, ['kaspersky']);
    assert.match(entry.scope, /integrated/);
    for (const profile of ['us-fcc', 'us-federal']) {
      assert.ok(assess('kaspersky', profile).inForce.some((a) => a.id === entry.id), profile);
    }
    assert.doesNotMatch(advisory('us-fcc-covered-list-kaspersky').note ?? '', /[Uu]nconfirmed/);
  });

  it('dates Portugal 2023 to the deliberation and links the Commission page, and Germany 2024 to the BMI release', () => {
    const portugal = advisory('pt-cas-2023-5g');
    assert.equal(portugal.date, '2023-05-23');
    assert.match(portugal.url, /^https:\/\/www\.gns\.gov\.pt\//);
    assert.ok(hasOfficialSource('pt-cas-2023-5g'));
    const germany = advisory('de-2024');
    assert.match(germany.url, /^https:\/\/www\.bmi\.bund\.de\//);
    assert.match(germany.instrument, /§9b BSIG/);
    assert.ok(hasOfficialSource('de-2024'));
  });

  it('keeps the facts still unconfirmed marked so, and drops the mark where the fact was found', () => {
    assert.match(advisory('cz-nukib-2018-huawei-zte').note ?? '', /Unconfirmed - whether a warning issued under Act 181\/2014 carries over/);
    assert.match(advisory('cz-nukib-2018-huawei-zte').note ?? '', /§12/);
    assert.doesNotMatch(advisory('cz-nukib-2018-huawei-zte').note ?? '', /§12\) is also unconfirmed/);
    assert.match(advisory('jp-procurement-2018').instrument, /IT調達に係る国等の物品等又は役務の調達方針及び調達手続に関する申合せ/);
    assert.doesNotMatch(advisory('ro-law-163-2021-5g').note ?? '', /unconfirmed/);
    assert.match(advisory('ro-law-163-2021-5g').note ?? '', /21 Feb 2024/);
  });

  it('records that Canada\'s Bill C-8 became law without making the 2022 policy a ban', () => {
    const canada = advisory('ca-2022');
    assert.match(canada.requires, /Royal Assent on 16 Jun 2026/);
    assert.notEqual(canada.measure, 'ban');
    assert.notEqual(canada.measure, 'restriction');
    // The Hikvision Canada order is read in the Federal Court's public reasons, which refused to stay it.
    const hikvision = advisory('ca-2025-hikvision');
    assert.ok(hasOfficialSource('ca-2025-hikvision'));
    assert.match(hikvision.requires, /within 120 days/);
  });
});

describe('FCC instruments of 2025-2026', () => {
  it('adds FCC 25-71 for FCC programs, in effect from 26 Dec 2025, read at the Federal Register', () => {
    const modules = advisory('us-fcc-2025-covered-modules');
    assert.deepEqual(modules.deadlines?.map((d) => d.date), ['2025-12-26']);
    assert.ok(hasOfficialSource('us-fcc-2025-covered-modules'));
    assert.ok(kb.profileById.get('us-fcc')!.advisories!.includes(modules.id));
    assert.ok(!kb.profileById.get('us-federal')!.advisories!.includes(modules.id), 'an equipment-authorization rule, not a procurement rule');
  });

  it('links the foreign-produced router entry by category to the PRC makers of catalogued home routers only, behind their own entries', () => {
    const routers = advisory('us-fcc-covered-list-routers-2026');
    assert.deepEqual(routers.vendors, []);
    const linked = [...kb.categoryLinks].filter(([, links]) => links.has(routers.id)).map(([id]) => id).sort();
    assert.deepEqual(linked, ['huawei', 'zte']);
    for (const vendor of ['huawei', 'zte']) {
      const { inForce } = assess(vendor, 'us-fcc');
      assert.ok(inForce.some((a) => a.id === routers.id), vendor);
      assert.notEqual(inForce[0]!.id, routers.id, `${vendor}: its own Covered List entry leads`);
    }
    // H3C's enterprise gear is not what the entry targets: the borderline vendor keeps no advisory in force.
    assert.deepEqual(assess('h3c', 'us-fcc').inForce, []);
  });

  it('keeps the product kind said of ZTE unchanged by the new home-router category', () => {
    assert.equal(kindOfVendor(kb.vendorById.get('zte')!), 'network device or phone');
  });
});
