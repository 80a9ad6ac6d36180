#!/usr/bin/env node
// `npm run bench:extension` (issue 18, the extension part): opens the dense tree (scripts/lib/dense-corpus.mjs,
// 100 MB by default, kept under bench/dense/ as `npm run bench` keeps it) as the folder of a throw-away
// code-server, the offline VS Code the integration tests use, with the extension loaded from this checkout;
// runs "VendorLens: Review Workspace" there (scripts/lib/bench-extension-host.js, in the extension host) with
// the Problems panel and the VendorLens view open, and prints: the time to the first findings in the
// Problems panel and in the view, the time to completion, the language server's peak RSS (VmHWM of its
// process), the extension host's, how late the extension host's event loop and the workbench's renderer
// answered at worst, and the load average. Writes bench/out/extension.json. Needs `npm run build` first.
// Not part of `npm test` nor `npm run bench`: a run takes minutes.
// Options: --size MB (default 100), --dir PATH (default bench/dense), --max-findings N (vendorlens.maxFindingsPerFile).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDenseCorpus } from './lib/dense-corpus.mjs';
import { ENABLE_TEST_DRIVER, formatLogEntry, freePort, HarnessError, launchChromium, makeRunDirs, seconds, startCodeServer, stopOnExit, tail } from './lib/code-server-harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZE_MB = Number(option('--size', '100'));
const DENSE = path.resolve(option('--dir', path.join(ROOT, 'bench', 'dense')));
const MAX_FINDINGS = option('--max-findings', undefined);
const OUT = path.join(ROOT, 'bench', 'out');
/** The same stamp as scripts/bench.mjs writes: the tree is made again only when its generator or size changed. */
const DENSE_GENERATOR_VERSION = 1;
const HOST_MODULE = path.join('scripts', 'lib', 'bench-extension-host');
const TIMEOUT_MS = Number(process.env.BENCH_EXTENSION_TIMEOUT_MS || 1_800_000);
const MB = 1024 * 1024;

const say = (msg) => console.error(`[bench-extension] ${msg}`);

function generateDense() {
  fs.mkdirSync(OUT, { recursive: true });
  const stamp = path.join(OUT, `dense-${DENSE.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
  const wanted = { version: DENSE_GENERATOR_VERSION, megabytes: SIZE_MB };
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === JSON.stringify(wanted)) return;
  say(`writing the dense tree (${SIZE_MB} MB) to ${DENSE}`);
  fs.rmSync(DENSE, { recursive: true, force: true });
  generateDenseCorpus(DENSE, SIZE_MB);
  fs.writeFileSync(stamp, JSON.stringify(wanted));
}

function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'node.js'))) throw new HarnessError('dist/ not found: npm run build first');
  generateDense();
  const tree = treeSize(DENSE);
  const { ensureCodeServer, CODE_SERVER_VERSION } = await import('./code-server-install.mjs');
  const entryScript = ensureCodeServer({ log: say });
  const settings = MAX_FINDINGS ? { 'vendorlens.maxFindingsPerFile': Number(MAX_FINDINGS) } : {};
  const dirs = makeRunDirs('vscode-bench-', settings);
  const port = await freePort();
  const server = startCodeServer({ entryScript, dirs, port, cwd: ROOT });
  stopOnExit(server.stop, say);
  let browser;
  const loadBefore = os.loadavg();
  const started = Date.now();
  try {
    await server.waitHealthy();
    say(`code-server ${CODE_SERVER_VERSION} up; ${tree.files} files, ${(tree.bytes / MB).toFixed(1)} MB in ${DENSE}`);
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(ROOT, p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote('.')],
      ['extensionTestsPath', remote(HOST_MODULE)],
    ];
    const url = `${server.base}/?folder=${encodeURIComponent(DENSE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await launchChromium(dirs);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let report;
    let settle;
    const exited = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    exited.catch(() => {});
    await page.exposeFunction('codeAutomationLog', (type, entry) => {
      const line = formatLogEntry(entry);
      const match = /^BENCH-EXTENSION (\{.*\})$/.exec(line);
      if (match) report = JSON.parse(match[1]);
      else if (type === 'error') console.error(`[extension host] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle.resolve(Number(code)));
    await page.addInitScript(ENABLE_TEST_DRIVER);
    page.on('crash', () => settle.reject(new HarnessError('the workbench page crashed')));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // The renderer's responsiveness: how long a trivial evaluation takes to come back while the review runs.
    let worstRendererMs = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const sent = performance.now();
        await page.evaluate(() => 1).catch(() => undefined);
        worstRendererMs = Math.max(worstRendererMs, performance.now() - sent);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new HarnessError(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timeout]);
    probing = false;
    await probe;
    if (code !== 0 || !report) throw new HarnessError(`the measurement failed (exit code ${code})\n--- code-server log ---\n${tail(server.log)}`);
    const loadAfter = os.loadavg();
    const result = {
      date: new Date().toISOString(),
      tree: { dir: DENSE, files: tree.files, megabytes: tree.bytes / MB },
      maxFindingsPerFile: MAX_FINDINGS ? Number(MAX_FINDINGS) : 'default',
      ...report,
      worstRendererMs,
      cpus: os.cpus().length,
      loadAverage: { before: loadBefore, after: loadAfter },
      wallSeconds: (Date.now() - started) / 1000,
    };
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'extension.json'), `${JSON.stringify(result, null, 2)}\n`);
    const s = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
    const mb = (n) => (n === undefined ? '—' : `${n.toFixed(0)} MB`);
    console.log(`Review Workspace over ${tree.files} files, ${(tree.bytes / MB).toFixed(0)} MB (${report.analysed} analysed, ${report.withFindings} with findings, ${report.skipped} skipped)`);
    console.log(`  findings in the Problems panel: ${report.findings} (${report.cappedFiles} files capped)`);
    console.log(`  first findings: Problems panel ${s(report.firstProblemsMs)}, VendorLens view ${s(report.firstViewMs)}`);
    console.log(`  completed: ${s(report.completedMs)}; the view's top level then built in ${report.viewMs.toFixed(0)} ms (${report.treeRefreshes} view refreshes during the review)`);
    console.log(`  language server RSS: ${mb(report.serverRssBeforeMb)} before, peak ${mb(report.serverPeakRssMb)} (VmHWM)`);
    console.log(`  extension host peak RSS: ${mb(report.hostPeakRssMb)}; heap used at the end ${mb(report.hostHeapUsedMb)}`);
    console.log(`  worst delay: extension host event loop ${report.worstLagMs.toFixed(0)} ms, workbench renderer ${worstRendererMs.toFixed(0)} ms`);
    console.log(`  load average (1/5/15 min): before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs; ${seconds(started)} in all`);
  } finally {
    await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    say(err instanceof HarnessError ? err.message : (err?.stack ?? String(err)));
    process.exit(1);
  },
);
