// No network, proved: the built CLI scans every example and fixture, and the built language server runs
// a whole LSP session over stdio, each with every network entry point of Node trapped (sockets, TLS,
// DNS, HTTP/1 and 2, UDP, fetch, WebSocket). Any use would throw and be logged; the log stays empty.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../unit/helpers';

const TRAP = join(ROOT, 'test', 'e2e', 'trapNetwork.cjs');

/** The network calls logged by the trap; fails when the trap was never loaded. */
function networkLog(file: string): string[] {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  assert.ok(lines.some((l) => l.startsWith('# trap loaded')), 'the trap was preloaded');
  return lines.filter((l) => !l.startsWith('#'));
}

function trappedEnv(log: string): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', VENDORLENS_NETWORK_LOG: log, NODE_OPTIONS: '' };
}

describe('no network, proved', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-net-'));

  it('the trap works: a process that does touch the network is caught and logged', () => {
    const log = join(dir, 'control.log');
    const script = "require('node:dns').lookup('example.org', () => {})";
    const result = spawnSync(process.execPath, ['--require', TRAP, '-e', script], { encoding: 'utf8', env: trappedEnv(log) });
    assert.notEqual(result.status, 0);
    assert.deepEqual(networkLog(log), ['dns.lookup("example.org", function)']);
  });

  it('a full CLI scan of the examples and every fixture touches no network entry point', () => {
    const log = join(dir, 'cli.log');
    const result = spawnSync(process.execPath, ['--require', TRAP, join(ROOT, 'dist', 'cli.js'), 'scan', '--format', 'json', 'examples', 'test/fixtures'], { cwd: ROOT, encoding: 'utf8', env: trappedEnv(log) });
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.ok(report.documents.length >= 20 && report.findings.length > 20, 'it really scanned');
    assert.deepEqual(networkLog(log), []);
  });

  it('a language-server session over stdio (open, diagnostics, hover, code actions, lenses, commands, policy) touches none', async () => {
    const log = join(dir, 'lsp.log');
    const workspace = mkdtempSync(join(tmpdir(), 'vendorlens-net-ws-'));
    writeFileSync(join(workspace, '.vendorlens.yaml'), 'schemaVersion: 1\nprofiles: [cz]\n');
    const server = spawn(process.execPath, ['--require', TRAP, join(ROOT, 'dist', 'server', 'node.js'), '--stdio'], { env: trappedEnv(log), stdio: 'pipe' });
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('window/showDocument', () => ({ success: true }));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const root = pathToFileURL(workspace).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const documents = [
      ['core.cfg', 'plaintext', readFileSync(join(ROOT, 'test', 'fixtures', 'configs', 'vrp-dist-sw2.cfg'), 'utf8')],
      ['quote.csv', 'csv', readFileSync(join(ROOT, 'test', 'fixtures', 'workspace', 'quote.csv'), 'utf8')],
      ['hbom.cdx.json', 'json', readFileSync(join(ROOT, 'test', 'fixtures', 'boms', 'site-refresh-hbom.cdx.json'), 'utf8')],
      ['hosts.txt', 'plaintext', 'ntp server ntp.huawei.com\nhttps://support.huawei.com/ pkg:maven/com.huawei/x@1\n'],
    ] as const;
    for (const [name, languageId, text] of documents) {
      const uri = `${root}/${name}`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      const deadline = Date.now() + 90_000;
      let diagnostics: Diagnostic[] | undefined;
      while (!diagnostics && Date.now() < deadline) {
        diagnostics = published.find((p) => p.uri === uri)?.diagnostics;
        if (!diagnostics) await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(diagnostics && diagnostics.length > 0, `diagnostics for ${name}`);
      const first = diagnostics[0]!;
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: first.range.start });
      await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics } });
      await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    }
    const advisory = (await import('../unit/helpers')).knowledge().advisories[0]!.url;
    await connection.sendRequest('workspace/executeCommand', { command: 'vendorlens.openAdvisory', arguments: [advisory] });
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => server.on('exit', resolve));
    connection.dispose();
    assert.equal(code, 0, stderr);
    assert.deepEqual(networkLog(log), [], 'no network entry point was used');
  });
});
