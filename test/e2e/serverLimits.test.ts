// The language server over stdio applies vendorlens.maxFileSizeMB: a larger document gets one
// diagnostic saying it was skipped, and the server goes on serving the others.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../unit/helpers';

describe('language server limits over stdio', function () {
  this.timeout(120_000);

  it('skips a document over vendorlens.maxFileSizeMB with a diagnostic, and still analyses the next', async () => {
    const server = spawn(process.execPath, [join(ROOT, 'dist', 'server', 'node.js'), '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
    // 0.01 MB: about 10 kB.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ maxFileSizeMB: 0.01 })));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const diagnosticsFor = async (uri: string): Promise<Diagnostic[]> => {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const hit = published.find((p) => p.uri === uri);
        if (hit) return hit.diagnostics;
        assert.ok(Date.now() < deadline, `diagnostics for ${uri}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const big = 'file:///tmp/vendorlens-limits/big.cfg';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text: `uplink HUAWEI\n${'x'.repeat(20_000)}\n` } });
    const skipped = await diagnosticsFor(big);
    assert.deepEqual(skipped.map((d) => d.code), ['skipped-too-large']);
    assert.match(String(skipped[0]!.message), /over the limit of 0\.01 MB/);
    const small = 'file:///tmp/vendorlens-limits/small.cfg';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: 'uplink HUAWEI\n' } });
    assert.deepEqual((await diagnosticsFor(small)).map((d) => d.code), ['flagged-vendor/huawei']);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await new Promise<number | null>((resolve) => server.on('exit', resolve)), 0);
    connection.dispose();
  });
});
