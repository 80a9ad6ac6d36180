import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, type Diagnostic, type MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { knowledge, languageService, textDocument, underlined } from './helpers';

const IOS = [
  'hostname edge1',
  '!',
  'interface TenGigabitEthernet1/0/1',
  ' description uplink to HUAWEI NE40E',
  '!',
  'interface GigabitEthernet1/0/10',
  ' description lab: Aztech powerline adapter',
  '!',
  'end',
].join('\n');

describe('language service', () => {
  it('validates a config: one diagnostic on the exact name, none for Aztech', async () => {
    const service = languageService();
    const doc = textDocument(IOS);
    const diagnostics = await service.doValidation(doc);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics as [Diagnostic];
    const column = IOS.split('\n')[3]!.indexOf('HUAWEI');
    assert.deepEqual(d.range, { start: { line: 3, character: column }, end: { line: 3, character: column + 6 } });
    assert.equal(doc.getText(d.range), 'HUAWEI');
    assert.equal(d.source, 'VendorLens');
    assert.equal(d.code, 'flagged-vendor/huawei');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.codeDescription!.href, /^https:\/\//);
  });

  it('knows the section a finding sits in and the advisories that name the vendor', () => {
    const service = languageService();
    const [finding] = service.analyze(textDocument(IOS)).findings;
    assert.ok(finding);
    assert.deepEqual(finding.evidence.field.path, ['interface TenGigabitEthernet1/0/1']);
    assert.equal(finding.evidence.kind, 'vendor-name');
    assert.equal(finding.evidence.confidence, 'medium');
    assert.ok(finding.advisoryIds.length >= 3, 'Huawei is named by several advisories');
    const kb = knowledge();
    const current = finding.advisoryIds.filter((id) => kb.advisoryById.get(id)!.status !== 'superseded');
    assert.deepEqual([...finding.advisoriesInForce].sort(), current.sort(), 'the global profile puts every current advisory in force');
    assert.equal(kb.advisoryById.get(finding.advisoriesInForce[0]!)!.measure, 'ban', 'the strongest measure comes first');
  });

  it('takes severity from the profile, not from the match', () => {
    const doc = 'Kaspersky Endpoint Security installed on jump hosts';
    const global = languageService().analyze(textDocument(doc)).findings[0]!;
    const info = languageService({ profile: 'info' }).analyze(textDocument(doc)).findings[0]!;
    assert.equal(global.vendorId, 'kaspersky');
    assert.equal(global.severity, 'error');
    assert.equal(info.severity, 'information');
    assert.deepEqual(info.advisoriesInForce, []);
  });

  it('marks borderline vendors as information with no advisory', () => {
    const [finding] = languageService().analyze(textDocument('H3C Comware Software, Version 7.1.070')).findings;
    assert.ok(finding);
    assert.equal(finding.vendorId, 'h3c');
    assert.equal(finding.severity, 'information');
    assert.match(finding.message, /borderline/);
  });

  it('underlines the exact CSV cell, in UTF-16 columns after non-ASCII text', () => {
    const csv = 'Désignation;Fabricant;Réf.\nCaméra dôme 4 MP;Hikvision;DS-2CD2143G2-IU\nCâble;Aztech;HL117EP\n';
    const doc = textDocument(csv, 'file:///bom/devis.csv', 'csv');
    const found = underlined(doc, languageService());
    // One finding per vendor per row: the maker cell, with the model folded in as related evidence.
    assert.deepEqual(found, [{ vendor: 'hikvision', text: 'Hikvision', line: 1 }]);
    const [finding] = languageService().analyze(doc).findings;
    assert.equal(finding!.range.start.character, 'Caméra dôme 4 MP;'.length);
    assert.equal(finding!.evidence.confidence, 'high');
    assert.equal(finding!.evidence.field.row?.part, 'DS-2CD2143G2-IU');
    const [model] = finding!.evidence.also ?? [];
    assert.equal(model?.kind, 'model');
    assert.equal(model!.start, csv.indexOf('DS-2CD2143G2-IU'));
    assert.equal(model!.confidence, 'high', 'the maker column corroborates the model');
    assert.equal(finding!.related[0]!.range.start.character, 'Caméra dôme 4 MP;Hikvision;'.length);
  });

  it('answers a hover with vendor, evidence, context and the leading advisory, escaping file text', async () => {
    const service = languageService();
    const doc = textDocument('interface Gi0/1\n description [evil](command:x) Huawei *bold*\n');
    const hover = await service.doHover(doc, { line: 1, character: 33 });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Huawei — flagged vendor/);
    assert.match(value, /confidence medium/);
    assert.match(value, /Context: interface Gi0\/1/);
    assert.match(value, /\n\*\*UK Huawei designation[^*]*\*\* \(GB, /, 'under global the first advisory in force leads');
    assert.match(value, /\d+ more advisories name Huawei: see the vendor details\./);
    assert.match(value, /\[Official source\]\(https:\/\//);
    const cz = languageService({ profile: 'cz' });
    assert.match(((await cz.doHover(doc, { line: 1, character: 33 }))!.contents as MarkupContent).value, /\*\*NÚKIB/);
    assert.doesNotMatch(value, /\(command:/, 'no command link from the file survives');
    assert.equal(await service.doHover(doc, { line: 0, character: 2 }), null);
  });

  it('offers advisory links and a review note as quick fixes tied to the diagnostic', async () => {
    const service = languageService({ reviewer: 'jdoe' });
    const doc = textDocument(IOS);
    const diagnostics = await service.doValidation(doc);
    const actions = await service.doCodeActions(doc, diagnostics[0]!.range, { diagnostics });
    const open = actions.filter((a) => a.title.startsWith('Open advisory: '));
    // At most three advisories in force (the lead one preferred), then the review actions, then the vendor's details for the rest.
    assert.equal(open.length, 3);
    assert.equal(open.filter((a) => a.isPreferred).length, 1);
    assert.equal(actions.indexOf(open.find((a) => a.isPreferred)!), 0);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.indexOf('Accept with review note…') > titles.indexOf(open[2]!.title));
    assert.match(titles.at(-1)!, /^Show vendor details: Huawei \(all \d+ advisories\)$/);
    assert.ok(actions.every((a) => a.diagnostics?.[0] === diagnostics[0]));
    assert.ok(open.every((a) => a.command?.command === 'vendorlens.openAdvisory' && /^https:/.test(String(a.command.arguments?.[0]))));
    const accept = actions.find((a) => a.title === 'Accept with review note…');
    assert.ok(accept?.edit?.changes);
    const [edit] = accept.edit.changes[doc.uri]!;
    assert.deepEqual(edit!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
    assert.equal(
      edit!.newText,
      ' ! vendorlens-accept: huawei | reason: TODO why this is acceptable | expires: 2027-02-27 | by: jdoe | on: 2026-11-29\n',
    );
  });

  it('accepts a finding under a valid note, and reopens it when the note expires', () => {
    const note = (expires: string) =>
      `interface Gi0/1\n ! vendorlens-accept: huawei | reason: spare in storage | ticket: CHG-7 | expires: ${expires}\n description to Huawei\n`;
    const open = languageService().analyze(textDocument(note('2027-01-31'))).findings;
    assert.equal(open.length, 1, 'the note itself is not a finding');
    assert.equal(open[0]!.accepted?.ticket, 'CHG-7');
    assert.equal(open[0]!.severity, 'information');
    const expired = languageService().analyze(textDocument(note('2026-11-01'))).findings[0]!;
    assert.equal(expired.accepted, undefined);
    assert.equal(expired.expiredNote?.expires, '2026-11-01');
    assert.equal(expired.severity, 'error');
  });

  it('reports a malformed note where it is, and does not apply it', async () => {
    const doc = textDocument('# vendorlens-accept: huawei | expires: 2027-13-01\nHuawei\n');
    const diagnostics = await languageService().doValidation(doc);
    const problem = diagnostics.find((d) => d.code === 'invalid-review-note');
    assert.ok(problem);
    assert.equal(problem.range.start.line, 0);
    assert.match(problem.message as string, /no reason/);
    assert.ok(diagnostics.some((d) => d.code === 'flagged-vendor/huawei' && d.severity === DiagnosticSeverity.Error));
  });

  it('extends the note above instead of stacking a second one', async () => {
    const service = languageService();
    const doc = textDocument('! vendorlens-accept: huawei | reason: lab\n description HUAWEI and ZTE\n');
    const diagnostics = await service.doValidation(doc);
    const zte = diagnostics.filter((d) => d.code === 'flagged-vendor/zte');
    assert.equal(zte.length, 1);
    const actions = await service.doCodeActions(doc, zte[0]!.range, { diagnostics: zte });
    const accept = actions.find((a) => a.title.startsWith('Accept'))!;
    const [edit] = accept.edit!.changes![doc.uri]!;
    const after = TextDocument.applyEdits(doc, [edit!]);
    assert.equal(after.split('\n')[0], '! vendorlens-accept: huawei, zte | reason: lab');
    assert.equal(after.split('\n').length, 3);
  });

  it('re-analyses only when the document version or settings change', () => {
    const service = languageService();
    const doc = textDocument('Huawei');
    const first = service.analyze(doc);
    assert.equal(service.analyze(doc), first);
    service.configure({ profile: 'info' });
    assert.notEqual(service.analyze(doc), first);
  });
});
