// Runs inside a real VS Code extension host (code-server offline, or @vscode/test-electron):
// the installed extension, its language server and the editor's own providers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceFile } from './vendorLens';
import { waitFor } from './waitFor';

function vendorLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'VendorLens');
}

async function openEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the fixture`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

describe('VendorLens in VS Code', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('vendorlens').update('profile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates and underlines the flagged vendor in a config, not Aztech', async () => {
    const editor = await openEditor('edge-rtr1.ios.cfg');
    const uri = editor.document.uri;
    const diagnostics = await waitFor('diagnostics on the config', () => {
      const found = vendorLensDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(vscode.extensions.getExtension('vendorlens.vendorlens')?.isActive, 'the extension is active');
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    const [d] = diagnostics;
    assert.ok(d.range.isEqual(rangeOf(editor.document, 'HUAWEI')), `range ${JSON.stringify(d.range)}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'flagged-vendor/huawei');
    assert.equal(code.target.scheme, 'https');
    const aztechLine = rangeOf(editor.document, 'Aztech').start.line;
    assert.ok(vscode.languages.getDiagnostics(uri).every((x) => x.range.start.line !== aztechLine));
  });

  it('hover explains the vendor and the leading advisory, trusting only the extension\'s own command links', async () => {
    const editor = await openEditor('edge-rtr1.ios.cfg');
    const position = rangeOf(editor.document, 'HUAWEI').start.translate(0, 2);
    const hovers = await waitFor('a VendorLens hover', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return result.some((h) => h.contents.some((c) => (c as vscode.MarkdownString).value?.includes('flagged vendor'))) ? result : undefined;
    });
    const markdown = hovers.flatMap((h) => h.contents as vscode.MarkdownString[]).find((c) => c.value.includes('flagged vendor'))!;
    assert.match(markdown.value, /Huawei — flagged vendor/);
    assert.match(markdown.value, /Context: interface GigabitEthernet0\/0\/0/);
    assert.match(markdown.value, /Requires: /);
    assert.match(markdown.value, /\[Official source\]\(https:/);
    assert.match(markdown.value, /\[Show vendor details[^\]]*\]\(command:vendorlens\.showVendor\?/);
    // Never trusted as a whole: at most the extension's own two commands run from it.
    const trusted = markdown.isTrusted as boolean | { enabledCommands: readonly string[] } | undefined;
    assert.notEqual(trusted, true, 'hover markdown is not trusted as a whole');
    if (typeof trusted === 'object') assert.deepEqual([...trusted.enabledCommands].sort(), ['vendorlens.acceptFinding', 'vendorlens.showVendor']);
  });

  it('quick fixes: advisory links and an undoable review note that accepts the finding', async () => {
    const editor = await openEditor('edge-rtr1.ios.cfg');
    const document = editor.document;
    const original = document.getText();
    const [diagnostic] = await waitFor('diagnostics', () => {
      const found = vendorLensDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    });
    const actions = await waitFor('quick fixes', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic!.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return found.length > 0 ? found : undefined;
    });
    const titles = actions.map((a) => a.title);
    const open = actions.filter((a) => a.title.startsWith('Open advisory: '));
    // The advisories in force under the profile, at most three, the lead one preferred; the vendor's details last.
    assert.ok(open.length > 0 && open.length <= 3, titles.join(' | '));
    assert.equal(open.filter((a) => a.isPreferred).length, 1, 'one advisory link is the preferred fix');
    assert.match(titles.at(-1)!, /^Show vendor details: /);
    const accept = actions.find((a) => a.title === 'Accept with review note…');
    const command = accept?.command;
    assert.equal(command?.command, 'vendorlens.acceptFinding', titles.join(' | '));
    // The command asks for reason, ticket and expiry; the second argument answers for the reviewer. `by:` comes from the setting.
    await vscode.workspace.getConfiguration('vendorlens').update('review.author', 'it-reviewer', vscode.ConfigurationTarget.Global);
    const note = { reason: 'leased carrier CPE, removal planned', ticket: 'CHG-4711', expires: '2099-12-31', on: '2026-11-29' };
    try {
      assert.equal(await vscode.commands.executeCommand(command!.command, ...(command!.arguments ?? []), note), true);
    } finally {
      await vscode.workspace.getConfiguration('vendorlens').update('review.author', undefined, vscode.ConfigurationTarget.Global);
    }
    const noteLine = document.lineAt(diagnostic!.range.start.line);
    assert.equal(noteLine.text, ' ! vendorlens-accept: huawei | reason: leased carrier CPE, removal planned | ticket: CHG-4711 | expires: 2099-12-31 | by: it-reviewer | on: 2026-11-29');
    assert.ok(document.isDirty, 'the note is not saved for the reviewer');
    const accepted = await waitFor('the finding to be accepted', () => {
      const [d] = vendorLensDiagnostics(document.uri);
      return d?.severity === vscode.DiagnosticSeverity.Information && d.message.includes('[accepted:') ? d : undefined;
    });
    // An expiry in the past makes the finding active again, saying why.
    const expires = document.getText(noteLine.range).indexOf('2099-12-31');
    const past = new vscode.WorkspaceEdit();
    past.replace(document.uri, new vscode.Range(noteLine.lineNumber, expires, noteLine.lineNumber, expires + 10), '2020-01-31');
    assert.ok(await vscode.workspace.applyEdit(past));
    await waitFor('the expired note to reopen the finding', () => {
      const [d] = vendorLensDiagnostics(document.uri);
      return d?.severity === vscode.DiagnosticSeverity.Error && d.message.includes('expired on 2020-01-31') ? d : undefined;
    });
    await vscode.commands.executeCommand('undo');
    await waitFor('the finding to be accepted again', () => {
      const [d] = vendorLensDiagnostics(document.uri);
      return d?.severity === accepted.severity ? d : undefined;
    });
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo removes the note');
    await waitFor('the finding to be open again', () => {
      const [d] = vendorLensDiagnostics(document.uri);
      return d?.severity === vscode.DiagnosticSeverity.Error ? d : undefined;
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('underlines the exact cells of a CSV quote, with the row as related information', async () => {
    const editor = await openEditor('quote.csv');
    const document = editor.document;
    const diagnostics = await waitFor('diagnostics on the CSV', () => {
      const found = vendorLensDiagnostics(document.uri);
      return found.length >= 2 ? found : undefined;
    });
    // One finding per vendor per row: the maker cell, with the rest of the row's evidence related to it.
    const texts = diagnostics.map((d) => document.getText(d.range)).sort();
    assert.deepEqual(texts, ['Hikvision', 'Huawei']);
    const hikvision = diagnostics.find((d) => document.getText(d.range) === 'Hikvision')!;
    assert.ok(hikvision.range.isEqual(rangeOf(document, 'Hikvision')));
    const cell = rangeOf(document, ',Huawei,');
    const makerCell = new vscode.Range(cell.start.translate(0, 1), cell.end.translate(0, -1));
    const huaweiMaker = diagnostics.find((d) => d.range.isEqual(makerCell));
    assert.ok(huaweiMaker, 'the maker cell is underlined');
    const related = huaweiMaker.relatedInformation ?? [];
    assert.ok(related.length >= 1, 'the description in the same row is related');
    assert.ok(related.every((r) => r.location.range.start.line === makerCell.start.line && r.location.uri.toString() === document.uri.toString()));
  });

  it('severity follows the profile: a warning under cz (NÚKIB), an error under us-federal (§889)', async () => {
    const editor = await openEditor('edge-rtr1.ios.cfg');
    const severity = (wanted: vscode.DiagnosticSeverity) => () =>
      vendorLensDiagnostics(editor.document.uri).find((d) => d.severity === wanted && d.code && (d.code as { value: string }).value === 'flagged-vendor/huawei');
    const profiles = vscode.workspace.getConfiguration('vendorlens');
    await profiles.update('profile', 'cz', vscode.ConfigurationTarget.Global);
    const warning = await waitFor('a warning under cz', severity(vscode.DiagnosticSeverity.Warning));
    assert.match(warning.message, /NÚKIB/);
    await profiles.update('profile', 'us-federal', vscode.ConfigurationTarget.Global);
    await waitFor('an error under us-federal', severity(vscode.DiagnosticSeverity.Error));
    await profiles.update('profile', 'info', vscode.ConfigurationTarget.Global);
    await waitFor('information under the info profile', severity(vscode.DiagnosticSeverity.Information));
  });

  it('reports the policy file\'s errors in it, and applies it when fixed', async () => {
    const policyUri = workspaceFile('.vendorlens.yaml');
    const write = (text: string) => vscode.workspace.fs.writeFile(policyUri, new TextEncoder().encode(text));
    await write('schemaVersion: 1\nprofiles: [cz, mars]\n');
    try {
      const policy = await vscode.workspace.openTextDocument(policyUri);
      await vscode.window.showTextDocument(policy);
      const [problem] = await waitFor('a diagnostic in the policy file', () => {
        const found = vendorLensDiagnostics(policyUri);
        return found.length > 0 ? found : undefined;
      });
      assert.match(problem!.message, /unknown profile 'mars'/);
      assert.equal(problem!.range.start.line, 1);
      const fix = new vscode.WorkspaceEdit();
      fix.replace(policyUri, policy.lineAt(1).range, 'profiles: [cz]');
      await vscode.workspace.applyEdit(fix);
      await policy.save();
      await waitFor('the policy file to be clean', () => (vendorLensDiagnostics(policyUri).length === 0 ? true : undefined));
      const editor = await openEditor('edge-rtr1.ios.cfg');
      await waitFor('the policy profile (cz) to apply', () =>
        vendorLensDiagnostics(editor.document.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(policyUri);
    }
  });
});
