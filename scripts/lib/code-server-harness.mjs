// What the real-VS-Code test runs share: a throw-away code-server (own process group, free port,
// temporary profile with XDG_* and TMPDIR under one folder) and headless Debian chromium.
// Used by scripts/test-integration.mjs (the mocha suite in the extension host), scripts/bench-extension.mjs
// (the workspace review measured in the extension host) and scripts/test-ui.mjs
// (Playwright checks of the workbench with the packaged VSIX installed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Root needs --no-sandbox; the rest keeps chromium off the (closed) network.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A quiet, deterministic workbench: nothing to update, no welcome page, no git scanning. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

export class HarnessError extends Error {}

export const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export function freePort() {
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

export function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** One temp folder for everything a run writes; user settings written into its profile. */
export function makeRunDirs(prefix, settings = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp'].map((d) => {
    const p = path.join(tmp, d);
    fs.mkdirSync(p, { recursive: true });
    return [d, p];
  }));
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return { root: tmp, ...dirs };
}

/** The environment code-server and its children get: XDG_* and TMPDIR inside the run's folder. */
export function isolatedEnv(dirs) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs['xdg-config'], // else code-server writes ~/.config/code-server/config.yaml
    XDG_DATA_HOME: dirs['xdg-data'], // else ~/.local/share/code-server
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp, // else vscode-ipc-*.sock files pile up in /tmp
  };
}

/** Common arguments: no auth, no telemetry or update checks, the run's own profile and extensions folder. */
export function codeServerArgs(dirs) {
  return ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];
}

/**
 * Starts code-server in its own process group (setsid) and returns how to reach and stop it. stop() is
 * synchronous, so it also works from 'exit' and signal handlers; it kills the whole group (extension
 * hosts otherwise outlive the server) and removes the run's folder.
 */
export function startCodeServer({ entryScript, dirs, port, cwd }) {
  const log = path.join(dirs.root, 'code-server.log');
  const logFd = fs.openSync(log, 'a');
  const server = spawn(process.execPath, [entryScript, '--bind-addr', `127.0.0.1:${port}`, ...codeServerArgs(dirs)], {
    cwd,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: isolatedEnv(dirs),
  });
  fs.closeSync(logFd);
  const state = { exited: null, stopped: false };
  server.on('exit', (code, signal) => { state.exited = signal || code; });
  const stop = () => {
    if (state.stopped) return;
    state.stopped = true;
    if (server.pid) { // no pid (spawn failed) => no group to kill; never signal group "-undefined"
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    fs.rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
  };
  const base = `http://127.0.0.1:${port}`;
  const waitHealthy = async (timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while ((await httpStatus(`${base}/healthz`)) !== 200) {
      if (state.exited !== null) throw new HarnessError(`code-server exited early (${state.exited})`);
      if (Date.now() > deadline) throw new HarnessError(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { base, log, stop, waitHealthy };
}

/** Stops the server on normal exit and on Ctrl+C / SIGTERM / SIGHUP. */
export function stopOnExit(stop, say) {
  process.on('exit', stop); // playwright's own exit handler kills chromium
  for (const [sig, num] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(sig, () => { say(`${sig}: stopping`); stop(); process.exit(128 + num); });
  }
}

export async function launchChromium(dirs) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new HarnessError(`chromium not found at ${CHROMIUM}: run scripts/ensure-debian-packages.sh (or set CHROMIUM_PATH)`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new HarnessError('playwright-core not installed: run npm ci');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // else chromium leaves ~/.config/chromium/Crash Reports and org.chromium.* in /tmp
    env: { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_CACHE_HOME: dirs['xdg-cache'] },
    args: CHROMIUM_ARGS,
  });
}

// The workbench honours the test payload in the URL only with the smoke-test driver enabled.
// Its configuration is JSON in the data-settings attribute of a <meta> tag; amend it before
// the workbench script reads it (MutationObserver callbacks run before the next parser-inserted
// script executes).
export const ENABLE_TEST_DRIVER = `(() => {
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
export function formatLogEntry(args) {
  const list = Array.isArray(args) ? args : [args];
  return format(...list.map((a) => (a && typeof a === 'object' && 'message' in a && 'stack' in a ? a.stack : a)));
}
