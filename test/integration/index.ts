// Entry point VS Code loads as --extensionTestsPath (code-server via the URL payload, or
// @vscode/test-electron). Runs the compiled *.test.js files next to this file with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  // Mocha captures console.log when it loads; look it up at call time instead, so its output
  // goes through whatever console the extension host installed (that is what gets forwarded
  // to the harness, e.g. via codeAutomationLog in the browser workbench).
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(...args);

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // output ends up in a log, not a terminal
    timeout: 30_000,
    grep: process.env.MOCHA_GREP || undefined,
  });
  const files = findTests(__dirname).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files under ${__dirname}`));
  files.forEach((file) => mocha.addFile(file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0 } = runner.stats ?? {};
        // A plain summary line that CI log readers recognise.
        console.log(`integration: ${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
