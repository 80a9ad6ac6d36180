// The CLI's path handling: glob matching and the progress line (.gitignore rules: gitignore.test.ts).
import { strict as assert } from 'node:assert';
import { compileGlob, expandBraces, matchSegment } from '../../src/cli/glob';
import { Progress } from '../../src/cli/progress';
import { explainAdvisory, explainVendor, findSubject, listAdvisories } from '../../src/core/report/explain';
import { knowledge } from './helpers';

describe('globs', () => {
  it('match *, ?, classes and escapes within one segment', () => {
    assert.ok(matchSegment('*.cfg', 'core-sw1.cfg'));
    assert.ok(!matchSegment('*.cfg', 'core-sw1.cfg.bak'));
    assert.ok(matchSegment('sw?.txt', 'sw1.txt') && !matchSegment('sw?.txt', 'sw12.txt'));
    assert.ok(matchSegment('[a-c]*', 'bravo') && !matchSegment('[a-c]*', 'delta'));
    assert.ok(matchSegment('[!a-c]*', 'delta') && !matchSegment('[!a-c]*', 'alpha'));
    assert.ok(matchSegment('\\*.cfg', '*.cfg') && !matchSegment('\\*.cfg', 'x.cfg'));
    assert.ok(matchSegment('a*b*c*d', 'aXbYcZd') && !matchSegment('a*b*c*d', 'aXbYcZ'));
  });

  it('decide patterns that make backtracking regexes explode (a backtracking matcher would not return)', () => {
    assert.ok(!matchSegment('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)));
    assert.ok(matchSegment('*a*a*a*a*a*a*a*a*b', `${'a'.repeat(5000)}b`));
  });

  it('expand braces and span directories with **', () => {
    assert.deepEqual(expandBraces('x/{core,edge}-*.{cfg,txt}'), ['x/core-*.cfg', 'x/core-*.txt', 'x/edge-*.cfg', 'x/edge-*.txt']);
    assert.deepEqual(expandBraces('{solo}.cfg'), ['{solo}.cfg']);
    const glob = compileGlob('backups/**/*.cfg');
    assert.equal(glob.base, 'backups');
    assert.ok(glob.matches('a.cfg') && glob.matches('dc1/2024/a.cfg'));
    assert.ok(!glob.matches('dc1/a.txt'));
    assert.equal(compileGlob('*.csv').base, '.');
    assert.equal(compileGlob('/srv/cfg/*.cfg').base, '/srv/cfg');
  });
});

describe('progress line', () => {
  function fakeStream() {
    const writes: string[] = [];
    return { writes, stream: { columns: 60, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
  }

  it('draws files done / seen and a rate once a scan runs a while, then clears its line', async () => {
    const { writes, stream } = fakeStream();
    const progress = new Progress(stream);
    progress.fileSeen();
    progress.fileDone(1000);
    assert.equal(writes.length, 0, 'nothing for a quick scan');
    await new Promise((r) => setTimeout(r, 550));
    progress.fileSeen();
    progress.fileSeen();
    assert.match(writes.at(-1)!, /^\r\u001b\[KScanning: 1\/2\+ files, .* files\/s/);
    progress.walkFinished();
    await new Promise((r) => setTimeout(r, 110));
    progress.fileDone(10);
    assert.match(writes.at(-1)!, /2\/3 files/);
    assert.ok(writes.every((w) => w.length <= 60 + 4), 'fits the terminal');
    progress.finish();
    assert.equal(writes.at(-1), '\r\u001b[K');
  });

  it('writes nothing without a terminal', () => {
    const progress = new Progress(undefined);
    progress.fileSeen();
    progress.finish();
  });
});

describe('explain', () => {
  const kb = knowledge();
  const global = [kb.profileById.get('global')!];

  it('finds vendors by id, name, Chinese name or legal name, and advisories without accents', () => {
    for (const query of ['zte', 'ZTE Corporation', '中兴通讯', 'zhongxing telecom']) {
      const subject = findSubject(kb, query);
      assert.ok('vendor' in subject && subject.vendor.id === 'zte', query);
    }
    // Two NÚKIB warnings (2018, 2025): 'nukib' lists both; an id prefix picks one.
    const nukib = findSubject(kb, 'nukib');
    assert.ok('candidates' in nukib && nukib.candidates.includes('cz-nukib-2018-huawei-zte') && nukib.candidates.includes('cz-nukib-2025-prc-data'));
    const nukib2018 = findSubject(kb, 'cz-nukib-2018');
    assert.ok('advisory' in nukib2018 && nukib2018.advisory.jurisdiction === 'cz');
    const ambiguous = findSubject(kb, 'china');
    assert.ok('candidates' in ambiguous && ambiguous.candidates.length > 1);
  });

  it('prints a vendor with its advisories and an advisory with its deadlines and sources', () => {
    const huawei = explainVendor(kb, kb.vendorById.get('huawei')!, global, '2026-11-29');
    assert.match(huawei, /^Huawei \(huawei\)/);
    for (const a of kb.advisoriesByVendor.get('huawei')!) assert.ok(huawei.includes(a.id), a.id);
    const uk = kb.advisories.find((a) => (a.deadlines ?? []).length > 0)!;
    const text = explainAdvisory(kb, uk, global, '2026-11-29');
    assert.ok(text.includes(uk.url));
    assert.ok(text.includes(uk.deadlines![0]!.date));
  });

  it('lists advisories in force under the profile first', () => {
    const cz = [kb.profileById.get('cz')!];
    const lines = listAdvisories(kb, cz).split('\n').filter((l) => /^\d{4}-/.test(l));
    assert.equal(lines.length, kb.advisories.length);
    // The Czech profile includes the EU instruments, but the national ones lead.
    assert.match(lines[0]!, / CZ .*in force .*cz-nukib-/);
    assert.match(lines[1]!, / CZ .*in force .*cz-nukib-/);
    const inForce = lines.filter((l) => /in force /.test(l));
    assert.deepEqual(inForce.map((l) => / (CZ|EU) /.exec(l)?.[1]), ['CZ', 'CZ', 'EU', 'EU']);
    assert.deepEqual(lines.slice(0, inForce.length), inForce, 'in force first');
    assert.ok(lines.some((l) => / GB .*superseded .*uk-2020-jan/.test(l)), 'superseded said as such, not "elsewhere"');
  });
});
