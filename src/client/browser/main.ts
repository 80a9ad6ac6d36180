// Web entry point (vscode.dev, github.dev): the language server runs in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { activateClient, CLIENT_ID, CLIENT_NAME, type VendorLensApi } from '../extension';

// The web extension host provides Worker; the project's lib settings do not include the DOM.
declare const Worker: new (url: string) => never;

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<VendorLensApi> {
  const workerUrl = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js');
  const worker = new Worker(workerUrl.toString(true));
  const activated = await activateClient(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, options, worker));
  client = activated.client;
  return activated.api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
