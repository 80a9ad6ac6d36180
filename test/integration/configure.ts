// Changes a user setting and waits until the extension host has seen it, so the language client has told
// the server before a test goes on (a late change would re-analyse open files mid-test).
import * as vscode from 'vscode';

export async function configure(key: string, value: unknown): Promise<void> {
  const configuration = vscode.workspace.getConfiguration();
  if (JSON.stringify(configuration.inspect(key)?.globalValue) === JSON.stringify(value)) return;
  const seen = new Promise<void>((resolve) => {
    const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(key)) return;
      subscription.dispose();
      resolve();
    });
  });
  await configuration.update(key, value, vscode.ConfigurationTarget.Global);
  await seen;
}
