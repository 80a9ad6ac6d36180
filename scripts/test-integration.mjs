#!/usr/bin/env node
// Runs the mocha suite (out/test/integration/index.js) inside a real VS Code extension host.
//
//   VSCODE_TEST_RUNNER=code-server (default): offline. A throw-away code-server 4.100.3
//       (= VS Code 1.100.3) serves the workbench; headless Debian chromium opens it with the
//       extensionDevelopmentPath/extensionTestsPath payload; the extension host (Node, on the
//       server) runs the suite. Installs code-server into .vscode-test/code-server on first use.
//   VSCODE_TEST_RUNNER=electron: @vscode/test-electron (downloads VS Code desktop; needs internet
//       and, on Linux without a display, xvfb-run). See scripts/test-electron.mjs.
//
// Other knobs: VSCODE_TEST_TIMEOUT_MS (whole run, default 300000), VSCODE_TEST_VERBOSE=1 (also
// print the workbench's start-up log and page errors), CHROMIUM_PATH (default /usr/bin/chromium),
// MOCHA_GREP (reaches the extension host, see test/integration/index.ts).
// Exit code: the suite's (0 = all passed); 1 on any harness failure or timeout.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENABLE_TEST_DRIVER, formatLogEntry, freePort, HarnessError, launchChromium, makeRunDirs, seconds, startCodeServer, stopOnExit, tail } from './lib/code-server-harness.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// What to run. Paths relative to the project root.
const EXTENSION_DIR = '.';
const TESTS_ENTRY = 'out/test/integration/index.js';
const WORKSPACE_DIR = 'test/fixtures/workspace';

const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 300_000);
const VERBOSE = /^(1|true|yes)$/i.test(process.env.VSCODE_TEST_VERBOSE || '');

const say = (msg) => console.error(`[test-integration] ${msg}`);

function checkInputs() {
  const entry = path.join(projectRoot, TESTS_ENTRY);
  if (!fs.existsSync(entry)) throw new HarnessError(`${TESTS_ENTRY} not found: compile first (npm run compile)`);
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, EXTENSION_DIR, 'package.json'), 'utf8'));
  if (pkg.main && !fs.existsSync(path.join(projectRoot, EXTENSION_DIR, pkg.main))) {
    throw new HarnessError(`extension entry ${pkg.main} not found: build the extension first`);
  }
  if (!fs.existsSync(path.join(projectRoot, WORKSPACE_DIR))) throw new HarnessError(`workspace ${WORKSPACE_DIR} not found`);
}


// Workbench log lines that say nothing about the tests (hidden unless VSCODE_TEST_VERBOSE=1).
// The gallery is unreachable offline, hence the open-vsx.org error.
const WORKBENCH_NOISE = [
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(renderer-/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /ENOTFOUND open-vsx\.org/,
];

// The suite index ends with this line ('integration: 2 passed, 0 failed').
const SUMMARY = /^\w+: \d+ passed, \d+ failed/;

async function runWithCodeServer() {
  const { ensureCodeServer, CODE_SERVER_VERSION } = await import('./code-server-install.mjs');
  checkInputs();
  const entryScript = ensureCodeServer({ log: say });

  const started = Date.now();
  // Everything the run writes (profiles, config, sockets, chromium's temp files) goes under one
  // throw-away folder, removed at the end.
  const dirs = makeRunDirs('vscode-it-');
  const port = await freePort();
  const server = startCodeServer({ entryScript, dirs, port, cwd: projectRoot });
  const serverLog = server.log;
  const cleanup = server.stop;
  stopOnExit(cleanup, say);

  let browser;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`timed out after ${TIMEOUT_MS / 1000} s (VSCODE_TEST_TIMEOUT_MS)`)), TIMEOUT_MS);
  });

  const run = (async () => {
    // 1. Server up.
    const { base } = server;
    await server.waitHealthy();
    say(`code-server ${CODE_SERVER_VERSION} up on port ${port} after ${seconds(started)}`);

    // 2. Workbench with the test payload; the extension host runs the suite, then the
    // workbench calls codeAutomationExit with its result.
    const remote = (rel) => `vscode-remote://127.0.0.1:${port}${path.resolve(projectRoot, rel)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(EXTENSION_DIR)],
      ['extensionTestsPath', remote(TESTS_ENTRY).replace(/\.js$/, '')],
    ];
    const url = `${base}/?folder=${encodeURIComponent(path.resolve(projectRoot, WORKSPACE_DIR))}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await launchChromium(dirs);
    const page = await browser.newPage();
    let settle;
    let summary;
    const exited = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    exited.catch(() => {}); // it may settle after we stopped waiting (e.g. browser closed in finally)
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host's console (mocha's reporter) and the workbench's own log share this
      // channel, unmarked. Print everything but the workbench's known start-up chatter.
      const line = formatLogEntry(args);
      if (SUMMARY.test(line)) summary = line;
      if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(line))) return;
      console.log(type === 'info' || type === 'log' ? line : `[${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle.resolve(Number(code)));
    await page.addInitScript(ENABLE_TEST_DRIVER);
    if (VERBOSE) page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    page.on('crash', () => settle.reject(new HarnessError('the workbench page crashed')));
    browser.on('disconnected', () => settle.reject(new HarnessError('chromium went away')));

    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // Without the driver flag the workbench ignores the payload and the run would only time out.
    const patched = await page.evaluate(() => document.getElementById('vscode-workbench-web-configuration')?.dataset.harnessPatched);
    if (!patched) {
      throw new HarnessError('could not enable the smoke-test driver: no #vscode-workbench-web-configuration ' +
        `in the page at ${base}/ (did code-server's workbench HTML change?)`);
    }
    say(`workbench loading (${seconds(started)}); waiting for the suite`);
    const code = await exited;
    say(`suite finished with exit code ${code} after ${seconds(started)}`);
    if (summary) console.log(summary); // repeated so that it is the run's closing line
    return code;
  })();
  run.catch(() => {}); // when the timeout wins, its later rejection is expected

  try {
    return await Promise.race([run, timeout]);
  } catch (err) {
    if (err instanceof HarnessError) {
      err.message += `\n--- code-server log (last lines) ---\n${tail(serverLog)}\n---`;
    }
    throw err;
  } finally {
    clearTimeout(timer);
    await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    cleanup();
  }
}

async function main() {
  const runner = (process.env.VSCODE_TEST_RUNNER || 'code-server').toLowerCase();
  if (runner === 'electron') {
    const { runWithElectron } = await import('./test-electron.mjs');
    return runWithElectron().catch((err) => { throw new HarnessError(err instanceof Error ? err.message : String(err)); });
  }
  if (runner !== 'code-server') {
    throw new HarnessError(`unknown VSCODE_TEST_RUNNER=${runner} (use code-server or electron)`);
  }
  return runWithCodeServer();
}

main().then(
  (code) => process.exit(Number.isInteger(code) ? code : 1),
  (err) => {
    say(err instanceof HarnessError ? err.message : (err?.stack || String(err)));
    process.exit(1);
  },
);
