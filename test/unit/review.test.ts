// Profiles, the organisation policy file, acceptance notes and their edits.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageSettings } from '../../src/core/languageService';
import { addAcceptanceEdit, removeAcceptanceEdit, renewAcceptanceEdit } from '../../src/core/review/policyEdits';
import type { SidecarAcceptance } from '../../src/core/knowledge/policy';
import { FIXED_NOW, knowledge, textDocument } from './helpers';

const POLICY_URI = 'file:///ws/.vendorlens.yaml';
const CSV_URI = 'file:///ws/boms/quote.csv';
const QUOTE = 'Manufacturer,MPN,Description,Qty\nCisco,C9300-48P,Switch,2\nHikvision,DS-2CD2143G2-IU,Dome camera,12\n';

function service(settings: LanguageSettings = {}, interactiveAcceptance = false) {
  const s = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, interactiveAcceptance });
  s.configure(settings);
  return s;
}

function severityOf(text: string, settings: LanguageSettings, vendor: string) {
  return service(settings).analyze(textDocument(text)).findings.find((f) => f.vendorId === vendor)?.severity;
}

function applyWorkspaceEdit(edit: WorkspaceEdit, uri: string, document: TextDocument): string {
  const edits = edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(document, edits);
}

describe('profiles', () => {
  it('take severity from the instruments in force: cz warns about Huawei, us-federal bans it', () => {
    assert.equal(severityOf('Huawei', { profile: 'cz' }, 'huawei'), 'warning');
    assert.equal(severityOf('Huawei', { profile: 'us-federal' }, 'huawei'), 'error');
    assert.equal(severityOf('Hikvision', { profile: 'cz' }, 'hikvision'), 'information', 'no Czech instrument names Hikvision');
    assert.equal(severityOf('Hikvision', { profile: 'us-federal' }, 'hikvision'), 'error');
  });

  it('combine: an advisory counts when any active profile puts it in force', () => {
    assert.equal(severityOf('Hikvision', { profile: ['cz', 'us-federal'] }, 'hikvision'), 'error');
    assert.equal(severityOf('Hikvision', { profile: ['cz', 'no-such-profile'] }, 'hikvision'), 'information');
  });
});

describe('policy file', () => {
  const policy = (text: string, extra: LanguageSettings = {}) => service({ policy: { uri: POLICY_URI, text }, ...extra });

  it('adds vendors and identifiers, picks profiles and overrides severities', () => {
    const s = policy(
      [
        'schemaVersion: 1',
        'profiles: [cz]',
        'severity:',
        '  vendors: { zte: error }',
        'extendVendors:',
        '  huawei:',
        '    names: [{ text: Vendor-H Networks, kind: alias }]',
        'vendors:',
        '  - id: acme-surveillance',
        '    displayName: ACME Surveillance',
        '    status: flagged',
        '    names: [{ text: ACME Surveillance, kind: brand }]',
        '    sources: [{ url: "https://intranet.example/risk/acme", checked: official }]',
        'advisories:',
        '  - id: internal-2026-01',
        '    issuer: Example Water Authority CISO',
        '    jurisdiction: cz',
        '    date: 2026-01-15',
        '    instrument: Internal procurement rule 2026/01',
        '    measure: ban',
        '    vendors: [acme-surveillance]',
        '    scope: All sites',
        '    requires: Do not buy',
        '    url: https://intranet.example/rules/2026-01',
        '    sources: [{ url: "https://intranet.example/rules/2026-01", checked: official }]',
      ].join('\n'),
    );
    assert.deepEqual(s.policy.problems, []);
    const findings = s.analyze(textDocument('uplink Vendor-H Networks core\nACME Surveillance NVR\nZTE OLT\n')).findings;
    const by = (v: string) => findings.find((f) => f.vendorId === v);
    assert.equal(by('huawei')?.severity, 'warning', 'cz profile from the policy file');
    assert.equal(by('acme-surveillance')?.severity, 'error');
    assert.deepEqual(by('acme-surveillance')?.advisoryIds, ['internal-2026-01']);
    assert.equal(by('zte')?.severity, 'error', 'vendor override');
    assert.match(by('zte')!.severityNote!, /policy file/);
  });

  it('lets an editor setting take precedence over the policy profiles', () => {
    const s = policy('schemaVersion: 1\nprofiles: [cz]\n', { profile: 'us-federal' });
    assert.deepEqual(s.profiles.map((p) => p.id), ['us-federal']);
  });

  it('lowers an advisory, but another instrument in force still decides', () => {
    // Under cz the EU Commission's 2023 warning is in force too (a member state), so it still decides.
    const text = 'schemaVersion: 1\nprofiles: [cz]\nseverity:\n  advisories: { cz-nukib-2018-huawei-zte: information }\n';
    assert.equal(severityOf('Huawei', { policy: { uri: POLICY_URI, text } }, 'huawei'), 'warning');
    const allCzech = 'schemaVersion: 1\nprofiles: [cz]\nseverity:\n  advisories: { cz-nukib-2018-huawei-zte: information, eu-2023-communication: information, eu-5g-toolbox-2020: information }\n';
    assert.equal(severityOf('Huawei', { policy: { uri: POLICY_URI, text: allCzech } }, 'huawei'), 'information');
    const both = 'schemaVersion: 1\nprofiles: [cz, us-federal]\nseverity:\n  advisories: { cz-nukib-2018-huawei-zte: information }\n';
    assert.equal(severityOf('Huawei', { policy: { uri: POLICY_URI, text: both } }, 'huawei'), 'error');
  });

  it('reports its problems as diagnostics in the policy file, at the offending node', async () => {
    const text = 'schemaVersion: 1\nprofiles: [cz, mars]\nseverity:\n  vendors:\n    huawai: warning\n    zte: fatal\n';
    const s = policy(text);
    const doc = TextDocument.create(POLICY_URI, 'yaml', 1, text);
    const diagnostics = await s.doValidation(doc);
    const messages = diagnostics.map((d) => `${d.range.start.line}: ${d.message}`);
    assert.ok(diagnostics.every((d) => d.source === 'VendorLens' && d.code === 'invalid-policy'));
    assert.ok(messages.some((m) => /^5: .*zte.*|^5: /.test(m)), messages.join('\n'));
    // The schema error stops the cross-checks; fix it and the unknown ids are reported where they stand.
    const fixed = policy(text.replace('fatal', 'error'));
    const lines = (await fixed.doValidation(TextDocument.create(POLICY_URI, 'yaml', 2, text.replace('fatal', 'error')))).map((d) => [d.range.start.line, d.message]);
    assert.deepEqual(lines, [
      [1, "unknown profile 'mars'; known profiles: " + knowledge().profiles.map((p) => p.id).join(', ')],
      [4, "unknown vendor 'huawai'"],
    ]);
  });

  it('keeps findings working with a broken policy file (bundled knowledge only)', () => {
    const s = policy('schemaVersion: 1\nprofiles: [cz\n');
    assert.ok(s.policy.problems.length > 0);
    assert.equal(s.analyze(textDocument('Huawei')).findings[0]?.severity, 'error', 'global profile');
  });
});

describe('acceptances in the policy file (files without comments)', () => {
  const csv = (text: string) => TextDocument.create(CSV_URI, 'csv', 1, text);

  function acceptViaPolicy(expires: string): string {
    const s = service({ policy: { uri: POLICY_URI, text: undefined } });
    const doc = csv(QUOTE);
    const finding = s.analyze(doc).findings.find((f) => f.vendorId === 'hikvision')!;
    const edit = s.acceptanceEdit(doc, finding.id, 'line', { reason: 'pilot site, replaced Q3', ticket: 'RISK-12', expires, on: '2026-11-29' })!;
    assert.ok(edit.documentChanges, 'the policy file is created');
    const [create, change] = edit.documentChanges as unknown as [{ kind: string }, { edits: { newText: string }[] }];
    assert.equal(create.kind, 'create');
    return change.edits[0]!.newText;
  }

  it('accepts a CSV finding by fingerprint, even after rows move', () => {
    const policyText = acceptViaPolicy('2027-06-30');
    assert.match(policyText, /acceptances:\n {2}- file: boms\/quote\.csv\n {4}fingerprint: [0-9a-f]{16}\n {4}vendor: hikvision/);
    const s = service({ policy: { uri: POLICY_URI, text: policyText } });
    assert.deepEqual(s.policy.problems, []);
    const moved = QUOTE.replace('Cisco,', 'APC,SMT1500,UPS,1\nCisco,');
    const finding = s.analyze(csv(moved)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(finding.accepted?.ticket, 'RISK-12');
    assert.equal(finding.accepted?.scope, 'policy');
    assert.equal(finding.severity, 'information');
    const elsewhere = s.analyze(TextDocument.create('file:///ws/other.csv', 'csv', 1, QUOTE)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(elsewhere.accepted, undefined, 'a decision holds for its own file only');
  });

  it('finds its decision among thousands for other files and vendors (acceptances are indexed by file and fingerprint)', () => {
    const policyText = acceptViaPolicy('2027-06-30');
    const fingerprint = /fingerprint: ([0-9a-f]{16})/.exec(policyText)![1]!;
    const others = Array.from({ length: 5000 }, (_, i) => `  - file: boms/q${i}.csv\n    fingerprint: ${fingerprint}\n    vendor: hikvision\n    reason: another file\n`).join('');
    const otherVendor = `  - file: boms/quote.csv\n    fingerprint: ${fingerprint}\n    vendor: huawei\n    reason: another vendor\n`;
    const s = service({ policy: { uri: POLICY_URI, text: policyText.replace('acceptances:\n', `acceptances:\n${others}${otherVendor}`) } });
    assert.deepEqual(s.policy.problems, []);
    const finding = s.analyze(csv(QUOTE)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(finding.accepted?.ticket, 'RISK-12');
    const third = s.analyze(TextDocument.create('file:///ws/boms/q3.csv', 'csv', 1, QUOTE)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(third.accepted?.reason, 'another file');
  });

  it('reopens the finding when the decision expires', () => {
    const s = service({ policy: { uri: POLICY_URI, text: acceptViaPolicy('2026-11-01') } });
    const finding = s.analyze(csv(QUOTE)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(finding.accepted, undefined);
    assert.equal(finding.expiredNote?.expires, '2026-11-01');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /expired on 2026-11-01/);
  });
});

describe('Restricted Mode', () => {
  it('shows notes and policy decisions without letting them lower severities', () => {
    const text = 'interface Gi0/1\n ! vendorlens-accept: huawei | reason: lab | expires: 2027-01-31\n description Huawei\n';
    const policyText = 'schemaVersion: 1\nprofiles: [info]\nseverity:\n  vendors: { huawei: hint }\n';
    const s = service({ trusted: false, policy: { uri: POLICY_URI, text: policyText } });
    const [finding] = s.analyze(textDocument(text)).findings;
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.accepted, undefined);
    assert.equal(finding?.untrustedNote?.reason, 'lab');
    assert.match(finding!.message, /Restricted Mode/);
    assert.deepEqual(s.profiles.map((p) => p.id), ['global']);
  });
});

describe('review note code actions', () => {
  const config = '!\ninterface Gi0/1\n description Huawei uplink\n!\n';

  async function actions(text: string, interactive = false) {
    const s = service({}, interactive);
    const doc = textDocument(text);
    const diagnostics = (await s.doValidation(doc)).filter((d) => d.code === 'flagged-vendor/huawei');
    return { doc, list: await s.doCodeActions(doc, diagnostics[0]!.range, { diagnostics }) };
  }

  const titled = (list: CodeAction[], title: string) => list.find((a) => a.title.startsWith(title));

  it('accepts for the whole file with a note at the top', async () => {
    const { doc, list } = await actions(config);
    const action = titled(list, 'Accept for the whole file');
    const after = applyWorkspaceEdit(action!.edit!, doc.uri, doc);
    assert.match(after.split('\n')[0]!, /^! vendorlens-accept-file: huawei \| reason: TODO/);
    const reanalysed = service().analyze(textDocument(after)).findings[0]!;
    assert.equal(reanalysed.accepted?.scope, 'file');
  });

  it('removes and renews an existing note', async () => {
    const noted = 'interface Gi0/1\n ! vendorlens-accept: huawei, zte | reason: lab | expires: 2026-11-01\n description Huawei and ZTE\n';
    const { doc, list } = await actions(noted);
    const renew = titled(list, 'Renew review note until 2027-02-27');
    assert.ok(renew, list.map((a) => a.title).join(' | '));
    assert.match(applyWorkspaceEdit(renew.edit!, doc.uri, doc).split('\n')[1]!, /^ ! vendorlens-accept: huawei, zte \| reason: lab \| expires: 2027-02-27$/);
    const remove = titled(list, 'Remove review note')!;
    assert.equal(applyWorkspaceEdit(remove.edit!, doc.uri, doc).split('\n')[1], ' ! vendorlens-accept: zte | reason: lab | expires: 2026-11-01', 'ZTE stays accepted');
  });

  it('hands the note to the client when it can ask for it, and offers vendor details', async () => {
    const { list } = await actions(config, true);
    const accept = titled(list, 'Accept with review note…')!;
    assert.equal(accept.edit, undefined);
    assert.equal(accept.command?.command, 'vendorlens.acceptFinding');
    assert.equal(titled(list, 'Show vendor details: Huawei')?.command?.arguments?.[0], 'huawei');
    const details = service().vendorDetails('huawei')!;
    assert.match(details, /^# Huawei — flagged vendor/);
    assert.match(details, /## Advisories/);
  });
});

describe('policy file edits', () => {
  const entry: SidecarAcceptance = { file: 'boms/q.csv', fingerprint: '0123456789abcdef', vendor: 'zte', evidence: 'ZTE', reason: 'spare: not installed', expires: '2027-01-01' };
  const doc = (text: string) => TextDocument.create(POLICY_URI, 'yaml', 1, text);

  it('appends to an existing list, keeping comments and formatting', () => {
    const text = '# our policy\nschemaVersion: 1\nacceptances:\n    - file: a.csv   # kept\n      fingerprint: ffffffffffffffff\n      vendor: huawei\n      reason: lab\nprofiles: [cz]\n';
    const after = TextDocument.applyEdits(doc(text), [addAcceptanceEdit(doc(text), entry)!]);
    assert.ok(after.startsWith(text.slice(0, text.indexOf('profiles'))), 'nothing before the insertion changes');
    assert.match(after, /reason: lab\n {4}- file: boms\/q\.csv\n {6}fingerprint: "?0123456789abcdef"?\n/);
    assert.match(after, /reason: "spare: not installed"/, 'values YAML could misread are quoted');
    assert.ok(after.endsWith('profiles: [cz]\n'));
  });

  it('adds the list when missing, or replaces an empty one', () => {
    const added = TextDocument.applyEdits(doc('schemaVersion: 1'), [addAcceptanceEdit(doc('schemaVersion: 1'), entry)!]);
    assert.match(added, /^schemaVersion: 1\nacceptances:\n {2}- file: boms\/q\.csv/);
    const empty = 'schemaVersion: 1\nacceptances: []\n';
    assert.match(TextDocument.applyEdits(doc(empty), [addAcceptanceEdit(doc(empty), entry)!]), /^schemaVersion: 1\nacceptances:\n {2}- file: boms\/q\.csv[\s\S]*expires: 2027-01-01\n$/);
  });

  it('removes or renews one entry and nothing else', () => {
    const text = 'acceptances:\n  - file: a.csv\n    fingerprint: ffffffffffffffff\n    vendor: huawei\n    reason: lab\n  - file: boms/q.csv\n    fingerprint: 0123456789abcdef\n    vendor: zte\n    reason: spare\n';
    const match = (a: SidecarAcceptance) => a.fingerprint === entry.fingerprint;
    const removed = TextDocument.applyEdits(doc(text), [removeAcceptanceEdit(doc(text), match)!]);
    assert.equal(removed, 'acceptances:\n  - file: a.csv\n    fingerprint: ffffffffffffffff\n    vendor: huawei\n    reason: lab\n');
    const renewed = TextDocument.applyEdits(doc(text), [renewAcceptanceEdit(doc(text), match, '2027-12-31')!]);
    assert.equal(renewed, text.replace('reason: spare\n', 'reason: spare\n    expires: 2027-12-31\n'));
  });
});
