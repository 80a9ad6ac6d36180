// The language server's options as the VS Code client uses them: translations passed at initialize,
// validation only on save (vendorlens.run), the time budget, vendorlens/analyzeText for closed files, and the
// report export's vendorlens/fileReport and vendorlens/renderReport.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { readBundle } from '../../scripts/l10n';
import { ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server', 'node.js');
const TEXT = 'hostname edge1\ninterface Gi0/1\n description uplink to HUAWEI NE40E\n';

describe('language server options (VS Code client)', () => {
  let server: ChildProcessWithoutNullStreams;
  let connection: MessageConnection;
  const published: PublishDiagnosticsParams[] = [];
  const logged: string[] = [];
  const settings = { profile: 'cz', run: 'onSave', timeBudget: { warnMs: 1000 } };

  before(async () => {
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { l10nBundle: readBundle(join(ROOT, 'l10n', 'bundle.l10n.cs.json')) },
    });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => server.on('exit', resolve));
    connection.dispose();
  });

  async function nextDiagnostics(uri: string, after: number, timeoutMs = 90_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hit = published.slice(after).filter((p) => p.uri === uri).at(-1);
      if (hit) return hit.diagnostics;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`);
  }

  it('speaks the language of the bundle the client passes', async () => {
    const uri = 'file:///tmp/vendorlens-lsp/cs.cfg';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: TEXT } });
    const [d] = await nextDiagnostics(uri, 0);
    // The advisory titles come from the knowledge base, in English; the sentence around them is Czech.
    assert.match(String(d!.message), /^Huawei název „HUAWEI“ v interface Gi0\/1\. .+ \(CZ, 2018-12-17\)$/);
    const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 25 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /označený dodavatel/);
  });

  it('with run: onSave, validates on open and save, not on each change', async () => {
    const uri = 'file:///tmp/vendorlens-lsp/on-save.cfg';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'hostname a\n' } });
    assert.deepEqual(await nextDiagnostics(uri, 0), []);
    const mark = published.length;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT }] });
    // A hover answered means the change was processed; then wait out the typing delay (300 ms) twice over.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(published.slice(mark).filter((p) => p.uri === uri).length, 0, 'nothing published while typing');
    await connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const diagnostics = await nextDiagnostics(uri, mark);
    assert.deepEqual(diagnostics.map((d) => d.code), ['flagged-vendor/huawei']);
  });

  it('analyses the text of a closed file on request, with the finding data the views group by', async () => {
    const result = (await connection.sendRequest('vendorlens/analyzeText', { uri: 'file:///tmp/vendorlens-lsp/closed.cfg', text: TEXT, languageId: 'plaintext' })) as {
      diagnostics: Diagnostic[];
      elapsedMs: number;
    };
    assert.equal(result.diagnostics.length, 1);
    const data = result.diagnostics[0]!.data as { vendorId: string; advisoryIds: string[]; advisoriesInForce: string[]; accepted: boolean };
    assert.equal(data.vendorId, 'huawei');
    assert.ok(data.advisoriesInForce.includes('cz-nukib-2018-huawei-zte'), JSON.stringify(data));
    assert.ok(data.advisoryIds.length >= data.advisoriesInForce.length);
    assert.equal(data.accepted, false);
    assert.ok(result.elapsedMs >= 0);
  });

  it('gives the report record of a file and renders reports under the configured profile', async () => {
    const text = `${TEXT} snmp-server community S3cr3tC0mm RO ! polled by the Huawei NMS\n`;
    const file = (await connection.sendRequest('vendorlens/fileReport', { uri: 'file:///tmp/vendorlens-lsp/report.cfg', text, languageId: 'plaintext', display: 'sites/report.cfg' })) as {
      document: { file: string; format: string };
      findings: { file: string; line: number; vendor: string; excerpt: string; severity: string }[];
    };
    assert.deepEqual(file.document, { file: 'sites/report.cfg', format: 'text', dialect: 'unknown' });
    assert.deepEqual(file.findings.map((f) => [f.file, f.line, f.vendor, f.severity]), [
      ['sites/report.cfg', 3, 'huawei', 'warning'],
      ['sites/report.cfg', 4, 'huawei', 'warning'],
    ]);
    assert.equal(file.findings[1]!.excerpt, 'snmp-server community **** RO ! polled by the Huawei NMS');

    const render = (format: string) => connection.sendRequest('vendorlens/renderReport', { format, files: [file] }) as Promise<string | null>;
    const markdown = (await render('markdown'))!;
    assert.match(markdown, /^# VendorLens report/);
    assert.match(markdown, /Profile \*\*cz\*\*/, 'the profile of the settings');
    assert.match(markdown, /### By advisory in force\n\n.*\n.*\n\| NÚKIB/);
    assert.ok(!markdown.includes('S3cr3tC0mm'));
    const sarif = JSON.parse((await render('sarif'))!);
    assert.equal(sarif.runs[0].automationDetails.id, 'vendorlens/cz/');
    assert.equal(sarif.runs[0].results.length, 2);
    assert.match((await render('html'))!, /^<!DOCTYPE html>/);
    assert.equal(await render('pdf'), null, 'an unknown format');
  });

  it('says when a file took longer than the time budget', async () => {
    settings.timeBudget.warnMs = 1;
    try {
      await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const big = Array.from({ length: 20_000 }, (_, i) => ` description port ${i} to HUAWEI NE40E`).join('\n');
      const result = (await connection.sendRequest('vendorlens/analyzeText', { uri: 'file:///tmp/vendorlens-lsp/big.cfg', text: big })) as { diagnostics: Diagnostic[]; elapsedMs: number };
      assert.ok(result.elapsedMs > 1, `${result.elapsedMs} ms`);
      const slow = result.diagnostics.find((d) => d.code === 'slow-analysis');
      assert.ok(slow, 'an information diagnostic says it was slow');
      assert.equal(slow.severity, 3);
      assert.ok(logged.some((l) => l.includes('big.cfg')), 'and the output says so');
    } finally {
      settings.timeBudget.warnMs = 1000;
    }
  });
});
