// Edits never lose or duplicate anything: every quick fix is one WorkspaceEdit (one undo), accepting
// the same finding twice adds no second note, and no line other than the note's own is touched. For
// each comment syntax ('!', '#', YAML '#') and for the policy file that files without comments use.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService, type LanguageSettings } from '../../src/core/languageService';
import type { Finding } from '../../src/core/model';
import { FIXED_NOW, knowledge } from './helpers';

const POLICY_URI = 'file:///ws/.vendorlens.yaml';
const NOTE = { reason: 'leased CPE', ticket: 'CHG-1', expires: '2027-06-30', on: '2026-11-29' };

function service(settings: LanguageSettings = {}): LanguageService {
  const s = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
  s.configure(settings);
  return s;
}

/** The one text edit of a WorkspaceEdit for `uri`: a quick fix is a single edit, undone in one step. */
function singleEdit(edit: WorkspaceEdit | undefined, uri: string) {
  assert.ok(edit, 'an edit');
  const changes = edit.changes ?? {};
  assert.deepEqual(Object.keys(changes), [uri], 'one file');
  assert.equal(changes[uri]!.length, 1, 'one text edit');
  return changes[uri]!;
}

/** What an edit did to the lines: those inserted and those removed; everything around them must be unchanged. */
function changedLines(before: string, after: string): { removed: string[]; inserted: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), inserted: b.slice(head, b.length - tail) };
}

const findingOf = (s: LanguageService, document: TextDocument, vendor: string, line?: number): Finding | undefined =>
  s.analyze(document).findings.find((f) => f.vendorId === vendor && (line === undefined || f.range.start.line === line));

async function acceptActions(s: LanguageService, document: TextDocument, finding: Finding): Promise<CodeAction[]> {
  const diagnostics = (await s.doValidation(document)).filter((d) => (d.data as { findingId?: string } | undefined)?.findingId === finding.id);
  return (await s.doCodeActions(document, finding.range, { diagnostics })).filter((a) => a.title.startsWith('Accept'));
}

describe('edits: review notes in the file, once, touching nothing else', () => {
  const cases: [string, string, string, string, string, number][] = [
    ["IOS '!'", 'file:///ws/edge.ios', 'network-config', 'hostname edge\n!\ninterface Gi0/1\n description uplink HUAWEI NE40E\n shutdown\n!\nend\n', '!', 3],
    ["VRP '#'", 'file:///ws/core.vrp', 'network-config', '#\nsysname CORE\n#\ninterface Vlanif10\n description ZTE OLT uplink\n#\nreturn\n', '#', 4],
    ["YAML '#'", 'file:///ws/devices.yaml', 'yaml', 'devices:\n  - manufacturer: Huawei\n    model: S5720-28X-SI-AC\n  - manufacturer: Cisco\n    model: C9300\n', '#', 1],
  ];
  for (const [name, uri, languageId, text, prefix, line] of cases) {
    it(`${name}: one insertion above the finding, accepted, and accepting again adds nothing`, async () => {
      const s = service();
      const document = TextDocument.create(uri, languageId, 1, text);
      const finding = s.analyze(document).findings.find((f) => f.range.start.line === line)!;
      assert.ok(finding, `a finding on line ${line}`);
      const [lineAction, fileAction] = await acceptActions(s, document, finding);
      assert.ok(lineAction && fileAction);
      const after = TextDocument.applyEdits(document, singleEdit(lineAction.edit, uri));
      const { removed, inserted } = changedLines(text, after);
      assert.deepEqual(removed, [], 'no line removed or changed');
      assert.equal(inserted.length, 1, 'one line added');
      assert.match(inserted[0]!, new RegExp(`^\\s*\\${prefix} vendorlens-accept: ${finding.vendorId} \\| reason: `));

      const noted = TextDocument.create(uri, languageId, 2, after);
      const accepted = findingOf(s, noted, finding.vendorId, line + 1)!;
      assert.ok(accepted.accepted, 'the note accepts the finding below it');
      assert.deepEqual(await acceptActions(s, noted, accepted), [], 'no accept action is offered again');
      assert.equal(s.acceptanceEdit(noted, accepted.id, 'line', NOTE), undefined, 'accepting again adds nothing');
      // The command from the first round, run again after the edit (a double click): nothing either.
      assert.equal(s.acceptanceEdit(noted, finding.id, 'line', NOTE), undefined);

      // The whole-file note: once at the top; a second time extends nothing.
      const fileAfter = TextDocument.applyEdits(document, singleEdit(fileAction.edit, uri));
      assert.deepEqual(changedLines(text, fileAfter).removed, []);
      const fileNoted = TextDocument.create(uri, languageId, 3, fileAfter);
      const again = findingOf(s, fileNoted, finding.vendorId)!;
      assert.ok(again.accepted);
      assert.equal(s.acceptanceEdit(fileNoted, again.id, 'file', NOTE), undefined);
    });
  }

  it('a second vendor on a noted line extends the note in place: one line replaced, nothing stacked', async () => {
    const s = service();
    const text = 'interface Gi0/1\n ! vendorlens-accept: huawei | reason: lab\n description HUAWEI and ZTE\n';
    const document = TextDocument.create('file:///ws/a.ios', 'network-config', 1, text);
    const zte = findingOf(s, document, 'zte')!;
    const after = TextDocument.applyEdits(document, singleEdit(s.acceptanceEdit(document, zte.id, 'line', NOTE), document.uri));
    assert.deepEqual(changedLines(text, after), { removed: [' ! vendorlens-accept: huawei | reason: lab'], inserted: [' ! vendorlens-accept: huawei, zte | reason: lab'] });
  });

  it('a finding in a comment line: the note covers that line, and never silently the code line after it', async () => {
    const s = service();
    const text = 'interface Gi0/1\n ! uplink to Huawei, see ticket\n description HUAWEI NE40E\n';
    const document = TextDocument.create('file:///ws/b.ios', 'network-config', 1, text);
    const inComment = findingOf(s, document, 'huawei', 1)!;
    const after = TextDocument.applyEdits(document, singleEdit(s.acceptanceEdit(document, inComment.id, 'line', NOTE), document.uri));
    const noted = s.analyze(TextDocument.create(document.uri, 'network-config', 2, after)).findings;
    assert.deepEqual(noted.map((f) => [f.range.start.line, f.accepted !== undefined]), [[2, true], [3, false]]);
  });

  it('a value spanning lines (YAML block scalar, SPDX <text>): no comment inside it, the policy file holds the decision', async () => {
    for (const [uri, languageId, text] of [
      ['file:///ws/devices.yaml', 'yaml', 'devices:\n  - manufacturer: Acme\n    notes: |\n      refurbished unit\n      made by Huawei\n'],
      ['file:///ws/fw.spdx', 'spdx', 'SPDXVersion: SPDX-2.3\nPackageName: fw\nPackageDescription: <text>firmware\nbuilt for Huawei boards</text>\n'],
    ] as const) {
      const s = service({ policy: { uri: POLICY_URI, text: 'schemaVersion: 1\n' } });
      const document = TextDocument.create(uri, languageId, 1, text);
      const finding = findingOf(s, document, 'huawei')!;
      const edit = s.acceptanceEdit(document, finding.id, 'line', NOTE)!;
      assert.deepEqual(Object.keys(edit.changes ?? {}), [POLICY_URI], `${uri}: the document itself is not edited`);
    }
  });
});

describe('edits: the policy file (sidecar) for files without comments', () => {
  const CSV_URI = 'file:///ws/boms/quote.csv';
  const QUOTE = 'Manufacturer,MPN,Qty\nCisco,C9300-48P,2\nHikvision,DS-2CD2143G2-IU,12\n';
  const POLICY = '# our policy\nschemaVersion: 1\nprofiles: [cz]\n';

  it('one entry appended, nothing else touched; accepting again, trusted or not, never stacks a second entry', async () => {
    const csv = TextDocument.create(CSV_URI, 'csv', 1, QUOTE);
    const s = service({ policy: { uri: POLICY_URI, text: POLICY } });
    const finding = findingOf(s, csv, 'hikvision')!;
    const [action] = await acceptActions(s, csv, finding);
    const policyDocument = TextDocument.create(POLICY_URI, 'yaml', 1, POLICY);
    const after = TextDocument.applyEdits(policyDocument, singleEdit(action!.edit, POLICY_URI));
    const { removed, inserted } = changedLines(POLICY, after);
    assert.deepEqual(removed, [], 'an append: no line changed');
    assert.equal(inserted.filter((l) => l.includes('- file: boms/quote.csv')).length, 1);
    assert.ok(after.startsWith(POLICY), 'the lines before it are untouched');

    for (const trusted of [true, false]) {
      const next = service({ policy: { uri: POLICY_URI, text: after }, trusted });
      const again = findingOf(next, csv, 'hikvision')!;
      assert.equal(again.accepted !== undefined, trusted, trusted ? 'accepted' : 'shown but not applied in Restricted Mode');
      const second = next.acceptanceEdit(csv, again.id, 'line', { ...NOTE, expires: '2028-01-31' });
      if (!second) continue;
      // Restricted Mode offers the action again; it may only move the existing entry's expiry.
      const twice = TextDocument.applyEdits(TextDocument.create(POLICY_URI, 'yaml', 2, after), singleEdit(second, POLICY_URI));
      assert.equal(twice.split('- file: boms/quote.csv').length - 1, 1, 'still one entry');
      const { removed: old, inserted: now } = changedLines(after, twice);
      assert.ok(old.length === 1 && /^ {4}expires: \d{4}-\d\d-\d\d$/.test(old[0]!), JSON.stringify(old));
      assert.deepEqual(now, ['    expires: 2028-01-31']);
    }
  });

  it('creating the policy file is one WorkspaceEdit: create, then its text', () => {
    const csv = TextDocument.create(CSV_URI, 'csv', 1, QUOTE);
    const s = service({ policy: { uri: POLICY_URI, text: undefined } });
    const edit = s.acceptanceEdit(csv, findingOf(s, csv, 'hikvision')!.id, 'line', NOTE)!;
    assert.equal(edit.changes, undefined);
    assert.equal(edit.documentChanges?.length, 2);
  });
});

describe('edits keep the document\'s own line breaks (probe L13)', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR alone', '\r']] as const) {
    it(`${name}: the note is inserted with ${JSON.stringify(eol)}, and the file has no other line break`, async () => {
      const s = service();
      const text = ['hostname edge', 'interface Gi0/1', ' description uplink HUAWEI NE40E', ' shutdown', ''].join(eol);
      const document = TextDocument.create('file:///ws/edge.ios', 'network-config', 1, text);
      const finding = findingOf(s, document, 'huawei', 2)!;
      assert.ok(finding, 'the finding on line 3');
      const [lineAction] = await acceptActions(s, document, finding);
      const [edit] = singleEdit(lineAction!.edit, document.uri);
      const after = TextDocument.applyEdits(document, [edit!]);
      const breaks = after.match(/\r\n|\r|\n/g)!;
      assert.ok(breaks.length === text.match(/\r\n|\r|\n/g)!.length + 1, 'one line more');
      assert.ok(breaks.every((b) => b === eol), JSON.stringify(after));
    });
  }
});
