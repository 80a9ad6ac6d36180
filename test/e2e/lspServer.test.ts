// Drives the built language server over stdio as an LSP editor would (Neovim, Helix, …).
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, CodeLens, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server', 'node.js');
const URI = 'file:///tmp/vendorlens-lsp/edge1.cfg';
const TEXT = 'hostname edge1\ninterface Gi0/1\n description uplink to HUAWEI NE40E\n description Aztech lab\n';

describe('language server over stdio', () => {
  let server: ChildProcessWithoutNullStreams;
  let connection: MessageConnection;
  const published: PublishDiagnosticsParams[] = [];
  let stderr = '';

  before(async () => {
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    server.stderr.on('data', (d) => (stderr += d));
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ profile: 'cz' })));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const result = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    assert.equal((result as { serverInfo: { name: string } }).serverInfo.name, 'VendorLens');
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => server.on('exit', resolve));
    connection.dispose();
    assert.equal(code, 0, stderr);
  });

  async function diagnosticsFor(uri: string, timeoutMs = 90_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hit = published.filter((p) => p.uri === uri).at(-1);
      if (hit) return hit.diagnostics;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`);
  }

  it('publishes diagnostics with the profile the client configures', async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
    const diagnostics = await diagnosticsFor(URI);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics as [Diagnostic];
    assert.deepEqual(d.range, { start: { line: 2, character: 23 }, end: { line: 2, character: 29 } });
    assert.equal(d.source, 'VendorLens');
    assert.equal(d.code, 'flagged-vendor/huawei');
    assert.equal(d.severity, 2, 'the cz profile makes the NÚKIB warning a warning');
    assert.match(d.codeDescription!.href, /govcert\.cz/);
  });

  it('answers hover and code actions', async () => {
    const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 25 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /NÚKIB/);
    const [diagnostic] = await diagnosticsFor(URI);
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.title.startsWith('Open advisory: NÚKIB')));
    assert.ok(actions.some((a) => a.title === 'Accept with review note…' && a.edit?.changes?.[URI]?.length === 1));
  });

  it('says what it holds for a document (vendorlens/documentState): the setting it applies and the version, after every message before it', async () => {
    const state = (await connection.sendRequest('vendorlens/documentState', { uri: URI })) as { run: string; version?: number };
    assert.deepEqual([state.run, state.version], ['onType', 1]);
    const closed = (await connection.sendRequest('vendorlens/documentState', { uri: 'file:///tmp/vendorlens-lsp/never-opened.cfg' })) as { version?: number };
    assert.equal(closed.version, undefined);
    assert.equal(await connection.sendRequest('vendorlens/documentState', {}), null);
  });

  it('shows a BOM summary lens on the first line: flagged items and summed quantities per vendor', async () => {
    const bom = 'file:///tmp/vendorlens-lsp/quote.csv';
    const text = 'Manufacturer;Model;Qty\nHuawei;S5720-28X-SI-AC;4\nIngram Micro;ZXR10 5960-56QU-HI;2\nHUAWEI;NE8000-M8;1\nAztech;HL117EP;9\n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bom, languageId: 'csv', version: 1, text } });
    const capabilities = (await diagnosticsFor(bom)).length;
    assert.ok(capabilities > 0);
    const lenses = (await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: bom } })) as CodeLens[];
    // The open and accepted findings first, then the BOM's totals; both on the first line.
    assert.equal(lenses.length, 2);
    assert.ok(lenses.every((l) => l.range.start.line === 0 && l.range.start.character === 0));
    assert.match(lenses[0]!.command?.title ?? '', /^VendorLens: \d+ open · 0 accepted$/);
    assert.equal(lenses[1]!.command?.title, 'VendorLens: Huawei: 2 items, 5 units · ZTE: 1 item, 2 units');
    const config = (await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as CodeLens[];
    assert.deepEqual(config.filter((l) => /\bitems?\b/.test(l.command?.title ?? '')), [], 'a config has no items to total');
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: bom } });
  });

  it('re-validates on change and clears diagnostics on close', async () => {
    published.length = 0;
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      // The model number is Huawei evidence too: replace the whole device.
      contentChanges: [{ range: { start: { line: 2, character: 23 }, end: { line: 2, character: 35 } }, text: 'Juniper MX204' }],
    });
    assert.deepEqual(await diagnosticsFor(URI), []);
    published.length = 0;
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual(await diagnosticsFor(URI), []);
  });
});
