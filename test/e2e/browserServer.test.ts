// The web build of the language server (what vscode.dev runs in a web worker) loads in a real browser
// worker, with no Node APIs, validates a document over LSP messages and renders a report.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../unit/helpers';
import { resellerQuoteXlsx } from '../fixtures/boms/spreadsheets';

// Runs in the page: the project's lib settings have no DOM types.
declare const Worker: any;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BUNDLE = join(ROOT, 'dist', 'server', 'browser.js');

describe('language server in a browser web worker', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async function () {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/ensure-debian-packages.sh`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });

  it('initializes, publishes diagnostics, answers a hover and renders a report', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // tsx compiles this test with esbuild's keepNames, whose __name helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const result = await page.evaluate(async (source: string) => {
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const workerErrors: string[] = [];
      worker.onerror = (e: { message: string }) => workerErrors.push(e.message);
      const pending = new Map<number, (value: unknown) => void>();
      const notifications: { method: string; params: any }[] = [];
      worker.onmessage = (event: { data: any }) => {
        const message = event.data;
        if (message.id !== undefined && pending.has(message.id) && message.method === undefined) {
          pending.get(message.id)!(message.result);
        } else if (message.method && message.id !== undefined) {
          // Requests from the server (configuration, readFile): answer plainly.
          worker.postMessage({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
        } else if (message.method) {
          notifications.push(message);
        }
      };
      let next = 1;
      const request = (method: string, params: unknown) =>
        new Promise((resolve) => {
          const id = next++;
          pending.set(id, resolve);
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
      const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
      const init = (await request('initialize', { processId: null, rootUri: null, capabilities: {} })) as { serverInfo: { name: string } };
      notify('initialized', {});
      const uri = 'vscode-vfs://github/example/configs/edge1.cfg';
      notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'hostname edge1\n description uplink to HUAWEI\n' } });
      const deadline = Date.now() + 90_000;
      let diagnostics: any[] | undefined;
      while (!diagnostics && Date.now() < deadline) {
        diagnostics = notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)?.params.diagnostics;
        if (!diagnostics) await new Promise((r) => setTimeout(r, 20));
      }
      const hover = (await request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 24 } })) as { contents: { value: string } } | null;
      // The report export runs the same pure report modules in the worker.
      const file = await request('vendorlens/fileReport', { uri, text: 'hostname edge1\n description uplink to HUAWEI\n', languageId: 'plaintext', display: 'configs/edge1.cfg' });
      const html = (await request('vendorlens/renderReport', { format: 'html', files: [file] })) as string | null;
      worker.terminate();
      return { server: init.serverInfo.name, diagnostics, hover: hover?.contents.value, html, workerErrors };
    }, readFileSync(BUNDLE, 'utf8'));
    assert.deepEqual(errors, []);
    assert.deepEqual(result.workerErrors, []);
    assert.equal(result.server, 'VendorLens');
    assert.ok(result.diagnostics, 'diagnostics were published');
    assert.deepEqual(
      result.diagnostics.map((d: { code: string; range: { start: { line: number; character: number } } }) => [d.code, d.range.start.line, d.range.start.character]),
      [['flagged-vendor/huawei', 1, ' description uplink to '.length]],
    );
    assert.match(result.hover ?? '', /Huawei — flagged vendor/);
    assert.match(result.html ?? '', /<h3>By vendor<\/h3>/);
    assert.match(result.html ?? '', /<code>configs\/edge1\.cfg<\/code>/);
  });

  it('reads and analyses a workbook sent as bytes, as the web extension\'s workbook view does', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.evaluate('globalThis.__name = (f) => f');
    const result = await page.evaluate(
      async ({ source, base64 }: { source: string; base64: string }) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        const workerErrors: string[] = [];
        worker.onerror = (e: { message: string }) => workerErrors.push(e.message);
        const pending = new Map<number, (value: unknown) => void>();
        worker.onmessage = (event: { data: any }) => {
          const message = event.data;
          if (message.id !== undefined && pending.has(message.id) && message.method === undefined) pending.get(message.id)!(message.result);
          else if (message.method && message.id !== undefined) {
            // The policy file: none in this workspace.
            worker.postMessage({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
          }
        };
        let next = 1;
        const request = (method: string, params: unknown) =>
          new Promise<any>((resolve) => {
            const id = next++;
            pending.set(id, resolve);
            worker.postMessage({ jsonrpc: '2.0', id, method, params });
          });
        await request('initialize', { processId: null, rootUri: 'vscode-vfs://github/example', capabilities: {} });
        worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
        const uri = 'vscode-vfs://github/example/boms/reseller-quote.xlsx';
        const view = await request('vendorlens/analyzeWorkbook', { uri, base64 });
        const finding = view.findings.find((f: { data: { vendorId: string } }) => f.data.vendorId === 'zte');
        const edit = await request('vendorlens/workbookAcceptanceEdit', { uri, base64, findingId: finding.id, note: { reason: 'web check', expires: '2027-01-31' } });
        const broken = await request('vendorlens/analyzeWorkbook', { uri, base64: btoa('PK\u0003\u0004 broken') });
        worker.terminate();
        return { view, edit, broken, workerErrors };
      },
      { source: readFileSync(BUNDLE, 'utf8'), base64: Buffer.from(resellerQuoteXlsx()).toString('base64') },
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(result.workerErrors, []);
    assert.deepEqual(result.view.sheets.map((s: { name: string }) => s.name), ['Quote']);
    assert.deepEqual(
      result.view.findings.map((f: { place: string; data: { vendorId: string } }) => [f.place, f.data.vendorId]),
      [
        ['Quote!D3', 'huawei'],
        ['Quote!E4', 'zte'],
      ],
    );
    assert.match(result.view.findings[0].hover, /Huawei — flagged vendor/);
    // The policy file does not exist yet: the edit creates it with the acceptance.
    assert.equal(result.edit.documentChanges[0].kind, 'create');
    assert.equal(result.edit.documentChanges[0].uri, 'vscode-vfs://github/example/.vendorlens.yaml');
    assert.match(result.edit.documentChanges[1].edits[0].newText, /file: boms\/reseller-quote\.xlsx\n.*\n {4}vendor: zte\n {4}evidence: ZTE ZXA10\n {4}reason: web check/s);
    assert.deepEqual(result.broken.sheets, []);
    assert.deepEqual(result.broken.problems.map((p: { code: string }) => p.code), ['spreadsheet-unreadable']);
  });
});
