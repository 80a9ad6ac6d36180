#!/usr/bin/env node
// Installs code-server (a real VS Code workbench + Node extension host) from the npm registry
// into .vscode-test/code-server/, once. Later calls return at once.
//
// Works without internet (npm registry + Debian packages only):
// - @vscode/ripgrep's postinstall downloads rg from GitHub unless a tarball is already in its
//   cache folder under os.tmpdir(); we point TMPDIR at our cache and put Debian's rg there.
// - node-pty's postinstall runs `npx node-gyp` (needs npm_config_yes) and code-server's own
//   postinstall refuses to run as root without npm_config_unsafe_perm.
//
// Usage: node scripts/code-server-install.mjs [--force]
// As a module: `await ensureCodeServer()` returns the path of code-server's entry script.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3, the last line that runs on Node 20

// Fixed by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json (@vscode/ripgrep 1.15.11,
// which fetches ripgrep v13.0.0-10). Re-check both when bumping CODE_SERVER_VERSION.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = path.join(projectRoot, '.vscode-test', 'code-server');
const markerFile = path.join(installDir, `.installed-${CODE_SERVER_VERSION}`);
export const entryScript = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function fail(message) {
  throw new Error(`code-server-install: ${message}`);
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function checkPrerequisites() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`only linux-x64 is supported offline (this is ${process.platform}-${process.arch})`);
  }
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    fail(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is ${process.version}`);
  }
  if (!which('rg')) fail('ripgrep (rg) not found: run scripts/ensure-debian-packages.sh');
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/gssapi/gssapi.h')) {
    fail('Kerberos headers not found (libkrb5-dev): run scripts/ensure-debian-packages.sh');
  }
  for (const tool of ['make', 'g++', 'python3', 'tar']) {
    if (!which(tool)) fail(`${tool} not found; it is needed to build code-server's native modules`);
  }
}

// Puts a tarball of the system rg where @vscode/ripgrep's postinstall looks before downloading.
function seedRipgrepCache(tmpDir) {
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = path.join(cacheDir, RIPGREP_ASSET);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  const rg = fs.realpathSync(which('rg'));
  const staging = fs.mkdtempSync(path.join(tmpDir, 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  const r = spawnSync('tar', ['czf', tarball, '-C', staging, 'rg'], { stdio: 'inherit' });
  fs.rmSync(staging, { recursive: true, force: true });
  if (r.status !== 0) fail('could not create the ripgrep tarball');
}

export function isInstalled() {
  return fs.existsSync(markerFile) && fs.existsSync(entryScript);
}

export function ensureCodeServer({ force = false, log = console.error } = {}) {
  if (!force && isInstalled()) return entryScript;

  checkPrerequisites();
  const started = Date.now();
  log(`code-server-install: installing code-server ${CODE_SERVER_VERSION} into ${path.relative(projectRoot, installDir)}/ (first run only, ~1.5 min)`);

  // Start clean: a half-finished install (interrupted, or failed postinstall) is not reusable.
  fs.rmSync(installDir, { recursive: true, force: true });
  const tmpDir = path.join(installDir, '.tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);

  // Own package.json so npm treats this folder as its own project, not part of the extension's.
  fs.writeFileSync(
    path.join(installDir, 'package.json'),
    JSON.stringify({ name: 'code-server-cache', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2) + '\n',
  );

  const env = {
    ...process.env,
    TMPDIR: tmpDir, // os.tmpdir() of every postinstall, so @vscode/ripgrep finds the seeded tarball
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    // code-server needs its dependencies' install scripts (native modules, its own nested
    // `npm install`); newer npm versions gate them behind an allowScripts policy.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // Hundreds of lines of node-gyp output: to a log file, shown only when something fails.
  const logFile = path.join(installDir, 'install.log');
  log(`code-server-install: npm output goes to ${path.relative(projectRoot, logFile)}`);
  const logFd = fs.openSync(logFile, 'w');
  const r = spawnSync('npm', ['install', '--no-package-lock', '--foreground-scripts'], {
    cwd: installDir,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  if (r.error) fail(`could not run npm: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-60).join('\n');
    fail(`npm install of code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}). Last lines of ${logFile}:\n` +
      `${tail}\nMissing build tools or headers? Run scripts/ensure-debian-packages.sh`);
  }

  const rgBin = path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(entryScript)) fail(`install finished but ${entryScript} is missing`);
  if (!fs.existsSync(rgBin)) fail(`install finished but ${rgBin} is missing (ripgrep postinstall did not run?)`);

  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.writeFileSync(markerFile, `${new Date().toISOString()}\n`);
  log(`code-server-install: done in ${Math.round((Date.now() - started) / 1000)} s`);
  return entryScript;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const force = process.argv.includes('--force');
    const already = !force && isInstalled();
    ensureCodeServer({ force });
    if (already) console.error(`code-server-install: code-server ${CODE_SERVER_VERSION} already installed`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
