// The web build of the language server (what vscode.dev runs in a web worker) loads in a real browser
// worker, with no Node APIs, validates a document over LSP messages and renders a report.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../unit/helpers';

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
});
