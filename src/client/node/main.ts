// Desktop entry point: the language server runs in a Node process over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { activateClient, CLIENT_ID, CLIENT_NAME, type VendorLensApi } from '../extension';
import { registerScanTasks } from './scanTask';
import { gitUserName } from './gitUserName';
import { localFiles } from './localFiles';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<VendorLensApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'node.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Before the client starts: a task run at start-up must find its provider.
  context.subscriptions.push(registerScanTasks(context));
  const activated = await activateClient(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options), { gitUserName, files: localFiles });
  client = activated.client;
  return activated.api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
