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

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// What to run. Paths relative to the project root.
const EXTENSION_DIR = '.';
const TESTS_ENTRY = 'out/test/integration/index.js';
const WORKSPACE_DIR = 'test/fixtures/workspace';

const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 300_000);
const VERBOSE = /^(1|true|yes)$/i.test(process.env.VSCODE_TEST_VERBOSE || '');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const say = (msg) => console.error(`[test-integration] ${msg}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class HarnessError extends Error {}

function checkInputs() {
  const entry = path.join(projectRoot, TESTS_ENTRY);
  if (!fs.existsSync(entry)) throw new HarnessError(`${TESTS_ENTRY} not found: compile first (npm run compile)`);
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, EXTENSION_DIR, 'package.json'), 'utf8'));
  if (pkg.main && !fs.existsSync(path.join(projectRoot, EXTENSION_DIR, pkg.main))) {
    throw new HarnessError(`extension entry ${pkg.main} not found: build the extension first`);
  }
  if (!fs.existsSync(path.join(projectRoot, WORKSPACE_DIR))) throw new HarnessError(`workspace ${WORKSPACE_DIR} not found`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// The workbench honours the test payload in the URL only with the smoke-test driver enabled.
// Its configuration is JSON in the data-settings attribute of a <meta> tag; amend it before
// the workbench script reads it (MutationObserver callbacks run before the next parser-inserted
// script executes).
const ENABLE_TEST_DRIVER = `(() => {
  if (window.top !== window) return;
  const ID = 'vscode-workbench-web-configuration';
  const patch = () => {
    const el = document.getElementById(ID);
    if (!el || el.dataset.harnessPatched) return !!el;
    const settings = JSON.parse(el.getAttribute('data-settings') || '{}');
    settings.developmentOptions = { ...(settings.developmentOptions || {}), enableSmokeTestDriver: true };
    el.setAttribute('data-settings', JSON.stringify(settings));
    el.dataset.harnessPatched = '1';
    return true;
  };
  if (patch()) return;
  const observer = new MutationObserver(() => { if (patch()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

// A codeAutomationLog entry is a console-style argument list ('%s passing', 2); util.format
// renders it like console.log would (and drops %c styling).
function formatLogEntry(args) {
  const list = Array.isArray(args) ? args : [args];
  return format(...list.map((a) => (a && typeof a === 'object' && 'message' in a && 'stack' in a ? a.stack : a)));
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
  if (!fs.existsSync(CHROMIUM)) {
    throw new HarnessError(`chromium not found at ${CHROMIUM}: run scripts/ensure-debian-packages.sh (or set CHROMIUM_PATH)`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new HarnessError('playwright-core not installed: run npm ci');
  }
  const entryScript = ensureCodeServer({ log: say });

  const started = Date.now();
  // Everything the run writes (profiles, config, sockets, chromium's temp files) goes under one
  // throw-away folder, removed at the end.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-it-'));
  const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp'].map((d) => {
    const p = path.join(tmp, d);
    fs.mkdirSync(p, { recursive: true });
    return [d, p];
  }));
  // Quiet, deterministic workbench: nothing to update, no welcome page, no git scanning.
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
  }, null, 2));

  const port = await freePort();
  const serverLog = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(serverLog, 'a');
  // detached => setsid(): code-server and the extension hosts it forks share a new process
  // group, which we kill as a whole (extension hosts otherwise outlive the server).
  const server = spawn(process.execPath, [
    entryScript,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs['extensions'],
  ], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: dirs['xdg-config'], // else code-server writes ~/.config/code-server/config.yaml
      XDG_DATA_HOME: dirs['xdg-data'], // else ~/.local/share/code-server
      XDG_CACHE_HOME: dirs['xdg-cache'],
      TMPDIR: dirs.tmp, // else vscode-ipc-*.sock files pile up in /tmp
    },
  });
  fs.closeSync(logFd);
  let serverExited = null;
  server.on('exit', (code, signal) => { serverExited = signal || code; });

  // Synchronous, so it also works from 'exit' and signal handlers. SIGKILL: the server is
  // throw-away, and a graceful stop would only add seconds.
  let cleanedUp = false;
  const cleanup = () => {
    if (cleanedUp) return;
    cleanedUp = true;
    if (server.pid) { // no pid (spawn failed) => no group to kill; never signal group "-undefined"
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on('exit', cleanup); // playwright's own exit handler kills chromium
  for (const [sig, num] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(sig, () => { say(`${sig}: stopping`); cleanup(); process.exit(128 + num); });
  }

  let browser;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`timed out after ${TIMEOUT_MS / 1000} s (VSCODE_TEST_TIMEOUT_MS)`)), TIMEOUT_MS);
  });

  const run = (async () => {
    // 1. Server up.
    const base = `http://127.0.0.1:${port}`;
    const healthDeadline = Date.now() + 60_000;
    while ((await httpStatus(`${base}/healthz`)) !== 200) {
      if (serverExited !== null) throw new HarnessError(`code-server exited early (${serverExited})`);
      if (Date.now() > healthDeadline) throw new HarnessError('code-server did not answer /healthz within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
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

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // else chromium leaves ~/.config/chromium/Crash Reports and org.chromium.* in /tmp
      env: { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_CACHE_HOME: dirs['xdg-cache'] },
      // Root needs --no-sandbox; the rest keeps chromium off the (closed) network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
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
