// Code lenses follow a settings change: a client that supports workspace/codeLens/refresh is asked to
// fetch them again once a document has been analysed under the new settings, so a VRP file's first-line
// banner names the instrument the new profile leads with (and a client without that support is never asked).
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeLens, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server', 'node.js');
const URI = 'file:///tmp/vendorlens-lsp/core-sw9.cfg';
const VRP = '!Software Version V200R021C00SPC100\n#\nsysname core-sw9\n#\ninterface Vlanif10\n ip address 10.9.10.1 255.255.255.0\n#\nreturn\n';

/** Polls until `probe` gives a value; the limit only guards against a hang. */
async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startServer(refreshSupport: boolean, settings: { profile: string }) {
  const server: ChildProcessWithoutNullStreams = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const refreshes: number[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ ...settings })));
  connection.onRequest('workspace/codeLens/refresh', () => {
    refreshes.push(published.length);
    return null;
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, ...(refreshSupport ? { codeLens: { refreshSupport: true } } : {}) } },
  });
  await connection.sendNotification('initialized', {});
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => server.on('exit', resolve));
    connection.dispose();
  };
  const banner = async () => {
    const lenses = (await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as CodeLens[];
    return lenses.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Huawei VRP device configuration')) ?? '';
  };
  return { connection, published, refreshes, stop, banner };
}

describe('language server: code lenses after a settings change', () => {
  it('asks a client that supports it to refresh code lenses, and the banner then names the new profile’s instrument', async () => {
    const settings = { profile: 'global' };
    const lsp = await startServer(true, settings);
    try {
      await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'huawei-vrp', version: 1, text: VRP } });
      await until('diagnostics', () => (lsp.published.some((p) => p.uri === URI) ? true : undefined));
      assert.doesNotMatch(await lsp.banner(), /NÚKIB/);
      assert.deepEqual(lsp.refreshes, [], 'nothing changed yet: no refresh');

      settings.profile = 'cz';
      const before = lsp.published.length;
      await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await until('a code lens refresh', () => (lsp.refreshes.length > 0 ? true : undefined));
      assert.ok(lsp.refreshes[0]! > before, 'asked after the document was analysed again');
      assert.match(await lsp.banner(), /^Huawei VRP device configuration — NÚKIB/);
    } finally {
      await lsp.stop();
    }
  });

  it('never sends the request to a client that does not announce refresh support', async () => {
    const settings = { profile: 'global' };
    const lsp = await startServer(false, settings);
    try {
      await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'huawei-vrp', version: 1, text: VRP } });
      await until('diagnostics', () => (lsp.published.some((p) => p.uri === URI) ? true : undefined));
      settings.profile = 'cz';
      const before = lsp.published.length;
      await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await until('diagnostics under the new profile', () => (lsp.published.slice(before).some((p) => p.uri === URI) ? true : undefined));
      assert.deepEqual(lsp.refreshes, []);
      assert.match(await lsp.banner(), /NÚKIB/, 'lenses asked for afresh still follow the new profile');
    } finally {
      await lsp.stop();
    }
  });
});
