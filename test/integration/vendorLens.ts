// The extension under test and its workspace, as every integration suite reaches them.
import * as assert from 'assert';
import * as vscode from 'vscode';

export function vendorLensExtension<Api>(): vscode.Extension<Api> {
  const extension = vscode.extensions.getExtension<Api>('vendorlens.vendorlens');
  assert.ok(extension, 'the extension is installed');
  return extension;
}

/**
 * What activate() returns (src/client/extension.ts, VendorLensApi). The suites compile without the
 * extension's sources, so each states the members it uses as `Api`.
 */
export async function vendorLensApi<Api>(): Promise<Api> {
  const extension = vendorLensExtension<Api>();
  return extension.isActive ? extension.exports : extension.activate();
}

/** A file of the test workspace (test/fixtures). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}
