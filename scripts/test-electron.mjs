#!/usr/bin/env node
// Runs the same mocha suite (out/test/integration/index.js) in VS Code desktop via
// @vscode/test-electron. It downloads VS Code into .vscode-test/ on first use, so it needs
// access to Microsoft's update server: for contributors' machines and hosted CI, not for the
// offline machines (use the default code-server runner there).
//
//   node scripts/test-electron.mjs            or   VSCODE_TEST_RUNNER=electron npm run test:integration
//   VSCODE_TEST_VERSION=stable|insiders|1.x.y (default 1.100.3, the oldest version engines.vscode allows)
//   On Linux without a display, run under `xvfb-run -a`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EXTENSION_DIR = '.';
const TESTS_ENTRY = 'out/test/integration/index.js';
const WORKSPACE_DIR = 'test/fixtures/workspace';

const say = (msg) => console.error(`[test-electron] ${msg}`);

export async function runWithElectron() {
  const entry = path.join(projectRoot, TESTS_ENTRY);
  if (!fs.existsSync(entry)) throw new Error(`${TESTS_ENTRY} not found: compile first (npm run compile)`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    say('warning: no DISPLAY; VS Code desktop will likely fail to start. Run under `xvfb-run -a`.');
  }

  let runTests, TestRunFailedError;
  try {
    ({ runTests, TestRunFailedError } = await import('@vscode/test-electron'));
  } catch {
    throw new Error('@vscode/test-electron not installed: run npm ci');
  }

  const version = process.env.VSCODE_TEST_VERSION || '1.100.3';
  // A private profile, so a running VS Code on a developer's machine neither interferes nor
  // gets its settings and extensions touched.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-electron-'));
  try {
    return await runTests({
      version,
      cachePath: path.join(projectRoot, '.vscode-test'),
      extensionDevelopmentPath: path.resolve(projectRoot, EXTENSION_DIR),
      extensionTestsPath: entry,
      // runTests itself adds --no-sandbox, --disable-updates, --skip-welcome, --disable-workspace-trust.
      launchArgs: [
        path.resolve(projectRoot, WORKSPACE_DIR),
        '--disable-extensions', // other installed extensions; the one under test still loads
        '--disable-gpu',
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
  } catch (err) {
    // The suite ran and failed (or VS Code died): report like the suite's own exit code.
    if (err instanceof TestRunFailedError) {
      say(err.message);
      return err.code || 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    // Anything else is a download or start-up problem.
    throw new Error(`could not run VS Code ${version} via @vscode/test-electron: ${message}\n` +
      'Without access to the VS Code download server, use the default code-server runner (unset VSCODE_TEST_RUNNER).');
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runWithElectron().then(
    (code) => process.exit(Number.isInteger(code) ? code : 1),
    (err) => {
      say(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
