// The `vendorlens` task type in a real VS Code: the provider's scan task runs the bundled CLI in the task
// terminal, and the `$vendorlens` problem matcher fills the Problems panel from its output.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceFile } from './vendorLens';
import { waitFor } from './waitFor';

const MATCHER_SOURCE = 'vendorlens scan';

function diagnosticsFrom(uri: vscode.Uri, source: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

describe('vendorlens task and problem matcher', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs `vendorlens scan` as a task and puts its findings in the Problems panel where the language server puts them', async function () {
    this.timeout(120_000);
    await vscode.extensions.getExtension('vendorlens.vendorlens')?.activate();
    const tasks = await vscode.tasks.fetchTasks({ type: 'vendorlens' });
    const folder = vscode.workspace.workspaceFolders![0]!;
    const scan = tasks.find((t) => typeof t.scope === 'object' && t.scope.uri.toString() === folder.uri.toString() && t.name === 'scan');
    assert.ok(scan, `a scan task for the folder; offered: ${tasks.map((t) => t.name).join(', ')}`);
    assert.equal(scan.source, 'VendorLens');

    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.definition.type !== 'vendorlens') return;
        listener.dispose();
        resolve(e.exitCode);
      });
    });
    await vscode.tasks.executeTask(scan);
    // Huawei and ZTE under the default profile: errors, so the scan exits 1 as a linter does.
    assert.equal(await ended, 1);

    const file = workspaceFile('sites/branch-sw2.cfg');
    const fromTask = await waitFor('the problem matcher\'s diagnostics', () => {
      const found = diagnosticsFrom(file, MATCHER_SOURCE);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 60_000, describe: () => JSON.stringify(vscode.languages.getDiagnostics(file)) });
    assert.ok(fromTask.every((d) => d.code === 'zte'), JSON.stringify(fromTask.map((d) => d.code)));
    assert.ok(fromTask.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(diagnosticsFrom(workspaceFile('edge-rtr1.ios.cfg'), MATCHER_SOURCE).some((d) => d.code === 'huawei'), 'the other files of the folder too');

    // The language server, given the file, finds the same things at the same places.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const fromServer = await waitFor('the language server\'s diagnostics', () => {
      const found = diagnosticsFrom(file, 'VendorLens');
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 30_000 });
    const starts = (list: vscode.Diagnostic[]) => list.map((d) => `${d.range.start.line}:${d.range.start.character}`).sort();
    assert.deepEqual(starts(fromTask), starts(fromServer));
  });
});
