// The `vendorlens` task type: `vendorlens scan` (the CLI bundled with the extension, dist/cli.js) over a
// workspace folder, its text output read by the contributed `$vendorlens` problem matcher into the Problems
// panel. Desktop only: the web extension host cannot start a process.
import * as vscode from 'vscode';
import { PROBLEM_MATCHER, scanArguments, TASK_TYPE, type ScanTaskOptions } from './scanCommand';

export interface ScanTaskDefinition extends vscode.TaskDefinition, ScanTaskOptions {
  type: typeof TASK_TYPE;
}

function folderOf(scope: vscode.Task['scope']): vscode.WorkspaceFolder | undefined {
  if (scope !== undefined && typeof scope === 'object') return scope;
  return vscode.workspace.workspaceFolders?.[0];
}

export function scanTask(cli: string, definition: ScanTaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope.Workspace | vscode.TaskScope.Global): vscode.Task {
  const folder = folderOf(scope);
  // The extension host's own executable runs the bundle: Node.js in a remote or web-server host, Electron
  // run as Node.js on the desktop. No `node` on PATH is needed.
  const execution = new vscode.ProcessExecution(process.execPath, scanArguments(cli, definition), {
    cwd: folder?.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
  });
  const name = definition.paths?.length ? `scan ${definition.paths.join(' ')}` : 'scan';
  const task = new vscode.Task(definition, scope, name, 'VendorLens', execution, PROBLEM_MATCHER);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** Offers a scan of each local workspace folder, and runs the `vendorlens` tasks of tasks.json. */
export function registerScanTasks(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => scanTask(cli, { type: TASK_TYPE }, folder)),
    resolveTask: (task) => {
      const definition = task.definition as ScanTaskDefinition;
      if (definition.type !== TASK_TYPE) return undefined;
      // The same definition object: VS Code matches the resolved task to tasks.json by it.
      return scanTask(cli, definition, task.scope ?? vscode.TaskScope.Workspace);
    },
  });
}
