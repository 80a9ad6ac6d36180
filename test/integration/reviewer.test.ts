// The reviewer's view in a real VS Code: a VRP config opened as Properties gets the VRP grammar and a
// first-line banner; accepting its file-level finding leaves the file unsaved, its header on line 1 and
// the note undoable; and the workspace review counts the same whatever editors are open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { vendorLensApi, workspaceFile } from './vendorLens';
import type { ReviewResult } from './reviewResult';
import { waitFor } from './waitFor';

const VRP_FILE = 'sites/core-sw9.cfg';

interface VendorLensApi {
  reviewWorkspace(): Promise<ReviewResult>;
  documentState(uri: vscode.Uri): Promise<{ version?: number; analysisScheduled: boolean } | null>;
}

function dialectDiagnostic(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'VendorLens' && (d.code as { value: string } | undefined)?.value === 'flagged-vendor/huawei');
}

describe('the reviewer\'s view', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a VRP config opened as Properties gets the VRP grammar, a first-line banner and its diagnostic on the header line', async () => {
    const uri = workspaceFile(VRP_FILE);
    const opened = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(opened);
    const document = await waitFor('the VRP language', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'huawei-vrp'));
    const diagnostic = await waitFor('the file-level finding', () => dialectDiagnostic(uri));
    assert.equal(diagnostic.range.start.line, 0, 'on the header line');
    assert.equal(document.getText(diagnostic.range), document.lineAt(0).text);
    const lenses = await waitFor('the banner', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found.some((l) => /^Huawei VRP device configuration — /.test(l.command?.title ?? '')) ? found : undefined;
    });
    const banner = lenses.find((l) => /device configuration/.test(l.command?.title ?? ''))!;
    assert.equal(banner.range.start.line, 0);
    assert.ok(lenses.some((l) => l.command?.title === 'VendorLens: 1 open · 0 accepted'), lenses.map((l) => l.command?.title).join(' | '));
  });

  it('a language the user picks after VendorLens set one stays', async () => {
    const uri = workspaceFile(VRP_FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const vrp = await waitFor('the VRP language', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'huawei-vrp'));
    // Changing the language closes and re-opens the document: the server analyses it again, publishes its
    // diagnostics and then tells the client its dialect once more, which must change nothing.
    const republished = new Promise<void>((resolve) => {
      const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString()) || !dialectDiagnostic(uri)) return;
        subscription.dispose();
        resolve();
      });
    });
    const chosen = await vscode.languages.setTextDocumentLanguage(vrp, 'plaintext');
    await republished;
    await (await vendorLensApi<VendorLensApi>()).documentState(uri);
    assert.equal(chosen.languageId, 'plaintext');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'plaintext');
  });

  it('accepting the file-level finding leaves the file unsaved, its header on line 1, and one undo removes the note', async () => {
    const uri = workspaceFile(VRP_FILE);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const document = editor.document;
    const diagnostic = await waitFor('the file-level finding', () => dialectDiagnostic(uri));
    const findingId = (diagnostic as vscode.Diagnostic & { data?: { findingId: string } }).data?.findingId;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const accept = actions.find((a) => a.title === 'Accept with review note…')?.command;
    assert.ok(accept, actions.map((a) => a.title).join(' | '));
    assert.ok(findingId === undefined || JSON.stringify(accept.arguments).includes(findingId));
    await vscode.workspace.getConfiguration('vendorlens').update('review.author', 'it-reviewer', vscode.ConfigurationTarget.Global);
    try {
      const note = { reason: 'core switch, replacement ordered', ticket: 'RISK-12', expires: '2099-12-31', on: '2026-11-29' };
      assert.equal(await vscode.commands.executeCommand(accept.command, ...(accept.arguments ?? []), note), true);
    } finally {
      await vscode.workspace.getConfiguration('vendorlens').update('review.author', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok(document.isDirty, 'the file is not saved for the reviewer');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), onDisk, 'nothing was written to disk');
    assert.equal(document.lineAt(0).text, '!Software Version V200R021C00SPC100', 'the header stays on line 1');
    assert.equal(document.lineAt(3).text, '#');
    assert.equal(document.lineAt(4).text, '# vendorlens-accept-file: huawei | reason: core switch, replacement ordered | ticket: RISK-12 | expires: 2099-12-31 | by: it-reviewer | on: 2026-11-29');
    await waitFor('the finding to be accepted', () => (dialectDiagnostic(uri)?.severity === vscode.DiagnosticSeverity.Information ? true : undefined));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), onDisk, 'one undo removes the note');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Review Workspace gives the same counts whatever editors are open, with every file listed', async () => {
    const review = async () => {
      const result = await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
      assert.equal(result.cancelled, false);
      return { total: result.total, analysed: result.analysed, withFindings: result.withFindings, skipped: result.skipped, files: result.files };
    };
    const closed = await review();
    for (const name of ['edge-rtr1.ios.cfg', VRP_FILE, 'quote.csv']) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)), { preview: false });
    }
    await waitFor('the open files to be analysed', () => (dialectDiagnostic(workspaceFile(VRP_FILE)) ? true : undefined));
    const open = await review();
    assert.deepEqual(open, closed);
    assert.equal(closed.analysed, closed.files.length);
    const listed = (name: string) => closed.files.find((f) => f.uri === workspaceFile(name).toString());
    for (const name of ['edge-rtr1.ios.cfg', VRP_FILE, 'quote.csv', 'sites/branch-sw2.cfg']) assert.ok((listed(name)?.findings ?? 0) > 0, `${name} is listed with its findings`);
    assert.equal(closed.withFindings, closed.files.filter((f) => f.findings > 0).length);
  });
});
