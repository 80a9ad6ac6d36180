// The dialect languages in a real VS Code: a file gets Huawei VRP, H3C Comware or ZTE ZXROS by its
// extension or its first line, is highlighted by the dialect's grammar, and is analysed by the server.
import * as assert from 'assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

function diagnosticsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics on ${uri.fsPath}`, () => {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'VendorLens');
    return found.length > 0 ? found : undefined;
  });
}

describe('dialect languages', () => {
  // Outside the workspace, so the workspace's own fixtures stay as they are.
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-languages-'));
  const files: Record<string, { text: string; language: string; vendor: string }> = {
    'dist-sw2.vrp': { text: '#\nsysname dist-sw2\n#\nvlan batch 10 20\n#\ninterface Vlanif10\n#\nreturn\n', language: 'huawei-vrp', vendor: 'huawei' },
    // No extension: the first line decides.
    'access-sw3': { text: ' version 7.1.070, Release 6328\n#\n sysname access-sw3\n#\ninterface Vlan-interface30\n#\nreturn\n', language: 'h3c-comware', vendor: 'h3c' },
    'pe7-capture': { text: '!<if-intf>\ninterface gei-0/1/0/2\n  description to agg-sw1\n$\n!</if-intf>\n', language: 'zte-zxros', vendor: 'zte' },
  };

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const [name, expected] of Object.entries(files)) {
    it(`${name} opens as ${expected.language} and gets a ${expected.vendor} finding`, async () => {
      const path = join(dir, name);
      writeFileSync(path, expected.text);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, expected.language);
      const diagnostics = await diagnosticsOf(document.uri);
      assert.ok(
        diagnostics.some((d) => (d.code as { value: string }).value.endsWith(`/${expected.vendor}`)),
        JSON.stringify(diagnostics.map((d) => d.message)),
      );
    });
  }

  it("comments a line in each dialect's own syntax", async () => {
    for (const [name, prefix] of [['dist-sw2.vrp', '#'], ['pe7-capture', '!']] as const) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, name)));
      const editor = await vscode.window.showTextDocument(document);
      // The command acts on the focused editor: wait until it is this one, then for the edit to land.
      await waitFor(`${name} to be the active editor`, () => (vscode.window.activeTextEditor?.document === document ? true : undefined));
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      await vscode.commands.executeCommand('editor.action.commentLine');
      await waitFor(`${name}: line 2 commented with '${prefix} '`, () => (document.lineAt(1).text.startsWith(`${prefix} `) ? true : undefined));
      await vscode.commands.executeCommand('undo');
      await waitFor(`${name}: the comment undone`, () => (document.isDirty ? undefined : true));
    }
  });
});
