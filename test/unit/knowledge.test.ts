import { strict as assert } from 'node:assert';
import { KnowledgeBaseError, loadKnowledgeBase } from '../../src/core/knowledge/load';
import { parse } from 'yaml';
import { knowledge, knowledgeSources } from './helpers';

describe('knowledge base', () => {
  it('loads the bundled data: every listed vendor, with H3C and Honor borderline', () => {
    const kb = knowledge();
    for (const id of ['huawei', 'zte', 'hikvision', 'dahua', 'hytera', 'kaspersky', 'china-mobile', 'china-telecom', 'china-unicom', 'pacific-networks']) {
      assert.equal(kb.vendorById.get(id)?.status, 'flagged', id);
      assert.ok((kb.advisoriesByVendor.get(id) ?? []).length > 0, `${id} is named by an advisory`);
    }
    for (const id of ['h3c', 'honor']) {
      const vendor = kb.vendorById.get(id);
      assert.equal(vendor?.status, 'borderline', id);
      assert.ok((vendor?.statusNote ?? '').length > 20, `${id} says why it is borderline`);
    }
  });

  it('has the required advisories with official dates and URLs', () => {
    const kb = knowledge();
    const byDate = (date: string, vendor: string) => kb.advisories.filter((a) => a.date === date && a.vendors.includes(vendor));
    assert.equal(byDate('2018-12-17', 'zte')[0]?.jurisdiction, 'cz', 'NÚKIB warning');
    assert.equal(byDate('2018-12-17', 'huawei')[0]?.measure, 'warning', 'NÚKIB 2018 is a warning, not a ban');
    assert.ok(byDate('2021-03-12', 'hikvision').length > 0, 'FCC Covered List');
    assert.ok(byDate('2022-10-13', 'huawei').some((a) => a.jurisdiction === 'gb' || a.jurisdiction === 'uk'), 'UK designation');
    assert.ok(kb.advisories.some((a) => /889/.test(a.instrument) && a.vendors.includes('dahua')), 'NDAA §889');
    for (const a of kb.advisories) assert.match(a.url, /^https:\/\//, a.id);
  });

  it('covers the instruments of every jurisdiction the profiles offer', () => {
    const kb = knowledge();
    const jurisdictions = new Set(kb.advisories.map((a) => a.jurisdiction));
    for (const j of ['cz', 'us', 'gb', 'se', 'ca', 'eu', 'de', 'au', 'nz', 'jp']) assert.ok(jurisdictions.has(j), j);
    const kaspersky = kb.advisoriesByVendor.get('kaspersky')!.map((a) => a.date);
    for (const date of ['2017-09-13', '2022-03-15', '2024-06-20']) assert.ok(kaspersky.includes(date), `Kaspersky instrument of ${date}`);
    for (const profile of kb.profiles) {
      for (const id of profile.advisories ?? []) {
        const advisory = kb.advisoryById.get(id)!;
        assert.ok(profile.jurisdictions.includes(advisory.jurisdiction), `${profile.id}: ${id} is of its jurisdictions`);
      }
    }
  });

  it('names file, line, entry and field for a broken entry', () => {
    const sources = knowledgeSources();
    sources.vendors.text = sources.vendors.text.replace(/(- id: zte\n(?:.*\n)*?\s+- text: ZTE\n\s+kind: )\w+/, '$1trademark');
    assert.throws(
      () => loadKnowledgeBase(sources),
      (e: unknown) => {
        assert.ok(e instanceof KnowledgeBaseError);
        const [problem] = e.problems;
        assert.equal(problem!.file, 'data/vendors.yaml');
        assert.equal(problem!.entry, 'zte');
        assert.match(problem!.field!, /^names\[\d+\]\.kind$/);
        assert.ok(problem!.line > 0);
        assert.match(e.message, /^data\/vendors\.yaml:\d+: entry 'zte' field 'names\[\d+\]\.kind' /);
        return true;
      },
    );
  });

  it('loads the same knowledge from documents parsed ahead (as the bundles carry it) as from the text', () => {
    const sources = knowledgeSources();
    const parsedAhead = knowledgeSources();
    for (const key of ['vendors', 'advisories', 'profiles'] as const) parsedAhead[key].value = parse(parsedAhead[key].text);
    const fromText = loadKnowledgeBase(sources);
    const fromValues = loadKnowledgeBase(parsedAhead);
    assert.deepEqual(fromValues.vendors, fromText.vendors);
    assert.deepEqual(fromValues.advisories, fromText.advisories);
    assert.deepEqual(fromValues.profiles, fromText.profiles);
    assert.deepEqual([...fromValues.macPrefixes], [...fromText.macPrefixes]);
  });

  it('locates a problem in a document parsed ahead by reading its text', () => {
    const sources = knowledgeSources();
    sources.advisories.text = sources.advisories.text.replace(/vendors: \[huawei, zte\]/, 'vendors: [huawei, zte, no-such-vendor]');
    sources.advisories.value = parse(sources.advisories.text);
    sources.vendors.value = parse(sources.vendors.text);
    assert.throws(
      () => loadKnowledgeBase(sources),
      (e: unknown) => {
        assert.ok(e instanceof KnowledgeBaseError);
        const problem = e.problems.find((p) => /no-such-vendor/.test(p.message));
        assert.ok(problem, e.message);
        assert.equal(problem.file, 'data/advisories.yaml');
        assert.ok(problem.line > 0, 'located by line');
        return true;
      },
    );
  });

  it('rejects an advisory that names an unknown vendor, and a duplicate id', () => {
    const sources = knowledgeSources();
    sources.advisories.text = sources.advisories.text.replace('vendors: [huawei, zte]', 'vendors: [huawai, zte]');
    assert.throws(() => loadKnowledgeBase(sources), /unknown vendor 'huawai'/);
    const dup = knowledgeSources();
    dup.vendors.text = dup.vendors.text.replace('- id: zte', '- id: huawei');
    assert.throws(() => loadKnowledgeBase(dup), /duplicate id 'huawei'/);
  });

  it('reports YAML syntax errors with their line', () => {
    const sources = knowledgeSources();
    sources.profiles.text = 'schemaVersion: 1\nprofiles:\n  - id: [unclosed\n';
    assert.throws(() => loadKnowledgeBase(sources), /data\/profiles\.yaml:\d+: YAML syntax/);
  });
});
