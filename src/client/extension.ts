// The VS Code side: starts the VendorLens language server for the documents it handles.
// Shared by the desktop (Node) and web (browser) entry points, which only differ in how the client is made.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

export const CLIENT_ID = 'vendorlens';
export const CLIENT_NAME = 'VendorLens';

/** What VendorLens analyses: its own config language, plain text (captures, backups) and BOMs (delimited, CycloneDX, SPDX, inventories). */
export const DOCUMENT_SELECTOR = [
  { language: 'network-config' },
  { language: 'plaintext' },
  { language: 'csv' },
  { language: 'tsv' },
  { language: 'log' },
  { language: 'properties', pattern: '**/*.{cfg,conf}' },
  { language: 'json' },
  { language: 'jsonc', pattern: '**/*.{cdx,bom,spdx}.json' },
  { language: 'yaml' },
  { language: 'xml' },
  { pattern: '**/*.spdx' },
];

export function clientOptions(outputChannel: vscode.OutputChannel): LanguageClientOptions {
  return {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'vendorlens' },
    outputChannel,
    diagnosticCollectionName: 'vendorlens',
  };
}

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

export async function activateClient(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<BaseLanguageClient> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(output);
  const client = createClient(clientOptions(output));
  context.subscriptions.push(
    vscode.commands.registerCommand('vendorlens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('vendorlens.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
  );
  await client.start();
  return client;
}
