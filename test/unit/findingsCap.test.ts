// The cap on findings per file (vendorlens.maxFindingsPerFile): the diagnostic says how many findings are
// shown and how many more the file holds, exactly when every piece of evidence was grouped, as a bound
// otherwise. Inputs are written here: a static MAC table of Hikvision and Dahua cameras (their IEEE
// blocks 4419B6 and 08EDED), one host per row, and a BOM whose rows each name Huawei twice.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsCapProblem } from '../../src/core/analyze';
import { getLanguageService } from '../../src/core/languageService';
import { MAX_RELATED_NEIGHBOURS } from '../../src/core/services/diagnostics';
import type { DocumentAnalysis } from '../../src/core/model';
import { FIXED_NOW, knowledge, languageService, textDocument } from './helpers';

/** `n` rows of distinct camera MACs: one finding each. */
function macTable(n: number): string {
  const rows = ['hostname acc-1', '!'];
  for (let i = 0; i < n; i++) {
    const oui = i % 2 === 0 ? '4419.b6' : '08ed.ed';
    const low = i.toString(16).padStart(6, '0');
    rows.push(`mac address-table static ${oui}${low.slice(0, 2)}.${low.slice(2)} vlan 10 interface GigabitEthernet1/0/${1 + (i % 48)}`);
  }
  return rows.join('\n') + '\n';
}

/** `n` BOM rows, each naming its maker in two columns: two pieces of evidence, one finding. */
function bom(n: number): string {
  const rows = ['Manufacturer,Part Number,Description,Qty'];
  for (let i = 0; i < n; i++) rows.push(`Huawei,S5735-L24T4S-A1,"Huawei access switch, lot ${i}",1`);
  return rows.join('\n') + '\n';
}

function analyse(text: string, uri: string, languageId: string, maxFindingsPerFile: number): DocumentAnalysis {
  return languageService({ profile: 'cz', maxFindingsPerFile }).analyze(textDocument(text, uri, languageId));
}

function capMessage(analysis: DocumentAnalysis): string | undefined {
  return analysis.problems.find((p) => p.code === 'too-many-findings')?.message;
}

describe('findings cap per file', () => {
  it('says exactly how many more findings a capped file holds when all its evidence was grouped', () => {
    const text = macTable(60);
    const all = analyse(text, 'file:///ws/acc-1.cfg', 'network-config', 10_000);
    assert.equal(capMessage(all), undefined, 'under the cap: no diagnostic');
    const total = all.findings.length;
    assert.ok(total >= 60, `${total} findings`);
    const capped = analyse(text, 'file:///ws/acc-1.cfg', 'network-config', 25);
    assert.equal(capped.findings.length, 25);
    assert.deepEqual(
      capped.findings.map((f) => f.id),
      all.findings.slice(0, 25).map((f) => f.id),
      'the first findings, as without the cap',
    );
    assert.equal(capMessage(capped), `Only the first 25 of ${total} findings are shown for this file; ${total - 25} more are left out (vendorlens.maxFindingsPerFile).`);
  });

  it('bounds the rest honestly when evidence past the cap was only counted', () => {
    const text = bom(400);
    const all = analyse(text, 'file:///ws/quote.csv', 'csv', 10_000);
    const total = all.findings.length;
    assert.ok(total >= 400, `${total} findings`);
    // A cap of 5 keeps 40 pieces of evidence: the rest of the 400 rows' evidence is counted, not grouped.
    const capped = analyse(text, 'file:///ws/quote.csv', 'csv', 5);
    assert.equal(capped.findings.length, 5);
    const message = capMessage(capped) ?? '';
    const bounds = /^Only the first 5 findings are shown for this file; at least (\d+) more are left out, besides (\d+) further matches that were only counted \(vendorlens\.maxFindingsPerFile\)\.$/.exec(message);
    assert.ok(bounds, message);
    const [atLeast, matches] = [Number(bounds[1]), Number(bounds[2])];
    assert.ok(atLeast > 0 && matches > 0, message);
    assert.ok(5 + atLeast <= total, `lower bound ${5 + atLeast} ≤ ${total}`);
    assert.ok(total <= 5 + atLeast + matches, `${total} ≤ upper bound ${5 + atLeast + matches}`);
  });

  it('words each case of the diagnostic', () => {
    assert.equal(findingsCapProblem(10, 0, 0, false), undefined);
    assert.equal(findingsCapProblem(10, 5, 0, false)?.message, 'Only the first 10 of 15 findings are shown for this file; 5 more are left out (vendorlens.maxFindingsPerFile).');
    // The time budget stopped the reading: what was read is a lower bound.
    assert.equal(findingsCapProblem(10, 5, 0, true)?.message, 'Only the first 10 findings are shown for this file; at least 5 more are left out (vendorlens.maxFindingsPerFile).');
    assert.equal(
      findingsCapProblem(10, 0, 7, false)?.message,
      'Only the first 10 findings are shown for this file; 7 further matches were only counted, not made into findings (vendorlens.maxFindingsPerFile).',
    );
    const problem = findingsCapProblem(10, 5, 7, true)!;
    assert.equal(problem.code, 'too-many-findings');
    assert.equal(problem.severity, 'information');
    assert.deepEqual(problem.range.start, { line: 0, character: 0 });
  });

  it('lists the nearest neighbours of a finding in a crowded section, and counts the rest, instead of all of them', async () => {
    // 300 camera MACs in one interface section: each finding used to list the other 299.
    const lines = ['hostname acc-1', 'interface GigabitEthernet0/1'];
    for (let i = 0; i < 300; i++) lines.push(` mac-address static 4419.b600.${i.toString(16).padStart(4, '0')} vlan 10`);
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, relatedInformation: true });
    service.configure({ profile: 'cz' });
    const document = TextDocument.create('file:///ws/acc-1.cfg', 'network-config', 1, lines.join('\n') + '\n');
    const findings = (await service.doValidation(document)).filter((d) => String(d.code).startsWith('flagged-vendor/'));
    assert.equal(findings.length, 300);
    const lineOf = (d: (typeof findings)[number]) => d.range.start.line;
    for (const at of [0, 150, 299]) {
      const related = findings[at]!.relatedInformation ?? [];
      const neighbours = related.filter((r) => r.message.startsWith('Also '));
      assert.equal(neighbours.length, MAX_RELATED_NEIGHBOURS, `finding ${at}`);
      assert.ok(!neighbours.some((r) => r.location.range.start.line === lineOf(findings[at]!)), 'not itself');
      // The nearest: within MAX_RELATED_NEIGHBOURS lines of its own.
      assert.ok(neighbours.every((r) => Math.abs(r.location.range.start.line - lineOf(findings[at]!)) <= MAX_RELATED_NEIGHBOURS), `finding ${at}`);
      assert.equal(related.at(-1)!.message, `And ${299 - MAX_RELATED_NEIGHBOURS} more findings in this row or section`);
    }
    // A small section still lists all its others, with no count.
    const few = TextDocument.create('file:///ws/acc-2.cfg', 'network-config', 1, lines.slice(0, 6).join('\n') + '\n');
    const small = (await service.doValidation(few)).filter((d) => String(d.code).startsWith('flagged-vendor/'));
    assert.equal(small.length, 4);
    assert.deepEqual(small[0]!.relatedInformation!.map((r) => r.message.startsWith('Also ')), [true, true, true]);
  });
});
