#!/usr/bin/env node
// UI checks in a real VS Code: packages the VSIX (npm run package, at most 2 MB), installs it into a
// throw-away code-server, opens a copy of test/fixtures/workspace in headless Debian chromium through
// playwright-core, and checks what only the workbench shows: the squiggle, the hover with the advisory,
// the Problems row (message, source, code with its link), the quick fix writing a review note through the
// keyboard and the input boxes, the VendorLens view after a workspace review, with the status bar, and the
// HTML report exported from it (format quick pick, save dialog, webview), and the workbook view of an XLSX
// (highlighted cells, findings list, hover, Problems by cell) in a light and a dark theme; then the reviewer's
// view under cz: the profile picker's preselection, a VRP .cfg given the VRP grammar with its first-line
// banner, hovers measured against one screen (content height ≤ visible height ≤ 900 px), and accepting a
// finding leaving the file dirty (never saved for the user) with its header still on line 1.
// Screenshots go to test-results/ui/ (one per check, plus failure.png). This is also the proof that the
// packaged VSIX installs and activates.
//
// Knobs: UI_TEST_TIMEOUT_MS (whole run, a hang guard, default 900000), UI_TEST_SKIP_PACKAGE=1 (reuse vendorlens.vsix),
// CHROMIUM_PATH. Exit code 0 when every check passed. The last line reads 'ui: N passed, N failed'.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerArgs, freePort, HarnessError, isolatedEnv, launchChromium, makeRunDirs, seconds, startCodeServer, stopOnExit, tail } from './lib/code-server-harness.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSIX = path.join(projectRoot, 'vendorlens.vsix');
// A guard against what should not ship (source maps, fixtures, a dependency bundled twice), with room for
// the knowledge base, which three bundles carry (the desktop and web servers, and the CLI the tasks run):
// its sourced catalogue and fingerprints grew the VSIX past 1.5 MB (to 1.57 MB) in one session of held-out rounds.
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
const SHOTS = path.join(projectRoot, 'test-results', 'ui');
const FIXTURE = path.join(projectRoot, 'test', 'fixtures', 'workspace');
const CONFIG_FILE = 'edge-rtr1.ios.cfg';
/** A Huawei VRP config VS Code opens as Properties (.cfg): VendorLens gives it the VRP grammar and a banner. */
const VRP_FILE = 'core-sw9.cfg';
const VRP_PATH = path.join('sites', VRP_FILE);
const VIEWPORT = { width: 1440, height: 900 };
/** Built by test/fixtures/boms/spreadsheets.ts (resellerQuoteXlsx); a unit test checks the committed file is that. */
const WORKBOOK_FIXTURE = path.join(projectRoot, 'test', 'fixtures', 'boms', 'reseller-quote.xlsx');
/** The bundled LLDP capture: one Huawei neighbour, which must be one finding naming it, its model and port. */
const LLDP_FILE = 'dc1-core-sw1_show-lldp-neighbors-detail.txt';
const LLDP_EXAMPLE = path.join(projectRoot, 'examples', 'configs', LLDP_FILE);
const WORKBOOK_FILE = 'reseller-quote.xlsx';
const TIMEOUT_MS = Number(process.env.UI_TEST_TIMEOUT_MS || 900_000);
const STEP_TIMEOUT_MS = 30_000;

const say = (msg) => console.error(`[test-ui] ${msg}`);

function packageVsix() {
  if (process.env.UI_TEST_SKIP_PACKAGE && fs.existsSync(VSIX)) return;
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: projectRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new HarnessError(`npm run package failed (${r.status}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n')}`);
  say(`packaged ${path.basename(VSIX)} in ${seconds(started)}`);
}

function installVsix(entryScript, dirs) {
  const r = spawnSync(process.execPath, [entryScript, ...codeServerArgs(dirs), '--install-extension', VSIX], { env: isolatedEnv(dirs), encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(output)) throw new HarnessError(`--install-extension failed (${r.status}):\n${output.trim()}`);
}

/** Line and column (0-based) of the first occurrence of `needle` in the fixture file. */
function positionOf(file, needle) {
  const lines = fs.readFileSync(path.join(FIXTURE, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) };
}

async function main() {
  const started = Date.now();
  packageVsix();
  const size = fs.statSync(VSIX).size;
  const checks = [];
  const record = (name, ok, detail = '') => {
    checks.push({ name, ok });
    console.log(`  ${ok ? '✔' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  };
  record('VSIX is at most 2 MB', size <= MAX_VSIX_BYTES, `${(size / 1024).toFixed(0)} KB`);

  const { ensureCodeServer } = await import('./code-server-install.mjs');
  const entryScript = ensureCodeServer({ log: say });
  const dirs = makeRunDirs('vscode-ui-', {
    'editor.hover.delay': 150,
    'editor.minimap.enabled': false,
    'workbench.tips.enabled': false,
    'vendorlens.reviewer': 'ui-check',
  });
  installVsix(entryScript, dirs);
  record('the VSIX installs into code-server', true);
  // A copy: the quick fix writes into the file.
  const workspace = path.join(dirs.root, 'workspace');
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  fs.copyFileSync(WORKBOOK_FIXTURE, path.join(workspace, WORKBOOK_FILE));

  const port = await freePort();
  const server = startCodeServer({ entryScript, dirs, port, cwd: projectRoot });
  stopOnExit(server.stop, say);
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });

  let browser;
  try {
    await server.waitHealthy();
    browser = await launchChromium(dirs);
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    // A failed expectation ends the run: later checks build on earlier ones.
    const check = async (name, body) => {
      try {
        const detail = await body();
        record(name, true, typeof detail === 'string' ? detail : '');
      } catch (err) {
        record(name, false, err instanceof Error ? err.message.split('\n')[0] : String(err));
        await shot('failure').catch(() => {});
        throw new HarnessError(`check failed: ${name}`);
      }
    };

    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    say(`workbench up after ${seconds(started)}`);

    const editor = page.locator('.editor-instance .monaco-editor').first();
    /**
     * The hover's content height against what the widget shows: it fits when nothing is scrolled away
     * (content scrollHeight ≤ the visible height) and the widget is at most one screen tall.
     */
    // Measured where each hover is shown, judged by the last check: a hover a few pixels too tall must not
    // keep the checks after it from running.
    const hoverSizes = [];
    // A hover shows after the pointer rests on a token; a move that lands where the pointer already is (or
    // comes while the editor is still busy) shows none. So the pointer comes in again until the hover is there.
    /**
     * Hovers a target until the hover holding `hasText` shows. Its box is read again on each attempt: a
     * CodeLens arriving above the first line moves every line down after the target was found.
     */
    const hoverOn = async (target, hasText) => {
      const hover = page.locator('.monaco-hover:visible', { hasText });
      for (let attempt = 0; attempt < 5; attempt++) {
        const box = await target.boundingBox();
        const x = box.x + Math.min(40, box.width / 2);
        const y = box.y + box.height / 2;
        await page.mouse.move(5, 5);
        await page.mouse.move(x - 3, y);
        await page.mouse.move(x, y, { steps: 3 });
        if (await hover.waitFor({ timeout: 8_000 }).then(() => true, () => false)) return hover;
      }
      await hover.waitFor();
      return hover;
    };
    const hoverFits = async (hover, name) => {
      const m = await hover.evaluate((el) => {
        const content = el.querySelector('.monaco-hover-content') ?? el;
        const scroller = el.querySelector('.monaco-scrollable-element') ?? el;
        return { content: content.scrollHeight, visible: scroller.clientHeight, widget: el.getBoundingClientRect().height };
      });
      const detail = `${name}: content ${m.content} px, visible ${m.visible} px, widget ${Math.round(m.widget)} px of ${VIEWPORT.height}`;
      hoverSizes.push({ fits: m.content <= m.visible + 1 && m.widget <= VIEWPORT.height, detail });
      return detail;
    };
    /** The editor's visible lines in order (Monaco positions them absolutely, not in DOM order). */
    const visibleLines = () =>
      editor.locator('.view-lines .view-line').evaluateAll((els) =>
        els
          .map((e) => ({ top: parseFloat(e.style.top), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((l) => l.text),
      );
    /** Runs a command from the palette by its title. */
    /** Hovers the first squiggle of a kind: the hover holds each expected text and fits on one screen. */
    const checkHover = async (squiggle, expected, name) => {
      const hover = await hoverOn(editor.locator(squiggle).first(), 'Huawei — flagged vendor');
      const text = await hover.innerText();
      for (const part of expected) if (!text.includes(part)) throw new Error(`hover lacks ${JSON.stringify(part)}`);
      return hoverFits(hover, name);
    };
    const runCommand = async (title) => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first().waitFor();
      await page.keyboard.press('Enter');
    };
    /**
     * Opens a workspace file with Quick Open. The workbench is given focus first: after a webview or a whole
     * editor group closes, focus can rest on the page itself, where Ctrl+P is the browser's, not VS Code's.
     */
    const quickOpen = async (name) => {
      await page.locator('.monaco-workbench .part.editor').click();
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
    };
    await check('the config opens and the Huawei token gets a squiggle', async () => {
      await quickOpen(CONFIG_FILE);
      await editor.locator('.squiggly-error').first().waitFor();
      await shot('01-squiggle');
      return `after ${seconds(started)}`;
    });

    await check('the hover names the vendor and the leading advisory with its links (global)', async () => {
      const size = await checkHover('.squiggly-error', ['Requires:', 'Official source', 'Show vendor details', 'Context: interface GigabitEthernet0/0/0'], 'IOS finding under global');
      await shot('02-hover');
      await page.mouse.move(5, 5);
      return size;
    });

    await check('the Problems panel lists the finding with message, source and code link', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'HUAWEI' }).first();
      await row.waitFor();
      const text = await row.innerText();
      for (const expected of ['Huawei name "HUAWEI"', 'VendorLens', 'flagged-vendor/huawei']) {
        if (!text.includes(expected)) throw new Error(`row lacks ${JSON.stringify(expected)}: ${text}`);
      }
      const link = row.locator('a.monaco-link', { hasText: 'flagged-vendor/huawei' });
      const href = (await link.getAttribute('href')) ?? (await link.getAttribute('title')) ?? '';
      if (!/^https:\/\//.test(href)) throw new Error(`the code links to ${JSON.stringify(href)}`);
      await shot('03-problems');
      return href;
    });

    await check('the quick fix asks for reason, ticket and expiry and writes the review note', async () => {
      // Put the cursor on the token with Go to Line (the keyboard only: overlays swallow clicks).
      const { line, character } = positionOf(CONFIG_FILE, 'HUAWEI');
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`${line + 1}:${character + 2}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const widget = page.locator('.action-widget');
      await widget.waitFor();
      await widget.locator('.monaco-list-row', { hasText: 'Accept with review note…' }).waitFor();
      await shot('04-quick-fixes');
      for (let i = 0; i < 20; i++) {
        const focused = await widget.locator('.monaco-list-row.focused').innerText().catch(() => '');
        if (focused.includes('Accept with review note…')) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      const input = page.locator('.quick-input-widget');
      const answer = async (title, text) => {
        await input.locator('.quick-input-title', { hasText: title }).waitFor();
        if (text) await page.keyboard.type(text);
        await page.keyboard.press('Enter');
      };
      await answer('(1/3)', 'leased carrier CPE, UI check');
      await answer('(2/3)', 'CHG-4711');
      await answer('(3/3)', '');
      await editor.locator('.view-lines', { hasText: 'vendorlens-accept: huawei | reason: leased carrier CPE, UI check | ticket: CHG-4711' }).waitFor();
      // Accepted: the finding stays, as information.
      await editor.locator('.squiggly-info').first().waitFor();
      await shot('05-review-note');
    });

    await check('the review note is not saved for the reviewer: the file stays dirty, the disk unchanged', async () => {
      await page.locator('.tab.active.dirty').waitFor();
      const onDisk = fs.readFileSync(path.join(workspace, CONFIG_FILE), 'utf8');
      if (onDisk.includes('vendorlens-accept')) throw new Error('the note was written to disk');
      if (onDisk !== fs.readFileSync(path.join(FIXTURE, CONFIG_FILE), 'utf8')) throw new Error('the file on disk changed');
      // The reviewer saves when ready: then, and only then, the note reaches the disk.
      await page.locator('.tab.active.dirty').click();
      await page.keyboard.press('Control+S');
      await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
      if (!fs.readFileSync(path.join(workspace, CONFIG_FILE), 'utf8').includes('vendorlens-accept')) throw new Error('the saved file lacks the note');
      return 'tab dirty, disk as before; saved by the reviewer';
    });

    await check('after Review Workspace the VendorLens view lists vendors, files and findings; the status bar counts', async () => {
      await runCommand('VendorLens: Review Workspace');
      const toast = page.locator('.notification-toast', { hasText: 'VendorLens reviewed' });
      await toast.waitFor();
      await toast.locator('.monaco-button', { hasText: 'Show Findings' }).click();
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Findings' }) });
      for (const label of ['Huawei', 'Hikvision', 'ZTE', 'quote.csv', 'branch-sw2.cfg']) {
        await view.locator('.monaco-list-row', { hasText: label }).first().waitFor();
      }
      const status = page.locator('.statusbar-item', { hasText: 'VendorLens' });
      await status.waitFor();
      await shot('06-findings-view');
      return (await status.innerText()).replace(/\s+/g, ' ');
    });

    await check('Export Report saves the HTML report and shows it in a webview with its summary tables', async () => {
      await runCommand('View: Hide Panel');
      await runCommand('VendorLens: Export Report');
      const input = page.locator('.quick-input-widget');
      await input.locator('.quick-input-list .monaco-list-row', { hasText: 'HTML' }).first().waitFor();
      await page.keyboard.type('HTML');
      await page.keyboard.press('Enter');
      // code-server's save dialog is a quick input holding the default path: accept it.
      await input.locator('input').waitFor();
      await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value?.endsWith('vendorlens-report.html'));
      await page.keyboard.press('Enter');
      // The webview's content sits in an iframe inside the webview's iframe.
      const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await report.locator('h1', { hasText: 'VendorLens report' }).waitFor();
      for (const heading of ['By vendor', 'By advisory in force', 'Nearest deadlines']) await report.locator('h3', { hasText: heading }).waitFor();
      await report.locator('td', { hasText: 'snmp-server community **** RO ZTE-OLT-POLLERS' }).first().waitFor();
      const saved = path.join(workspace, 'vendorlens-report.html');
      if (!fs.existsSync(saved)) throw new Error(`${saved} was not written`);
      if (fs.readFileSync(saved, 'utf8').includes('S3cr3tC0mm')) throw new Error('the saved report holds the SNMP community');
      // The progress notification stays up a moment after the export ends; keep it out of the picture.
      await page.locator('.notification-toast', { hasText: 'exporting a report' }).waitFor({ state: 'hidden' });
      await shot('07-html-report');
      return `${(fs.statSync(saved).size / 1024).toFixed(0)} KB`;
    });

    // The webview's content sits in an iframe inside the webview's iframe; the workbook view is the last one opened.
    const workbookView = () => page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
    await check('a workbook opens in the workbook view: flagged cells highlighted, findings beside, Problems by cell (light theme)', async () => {
      await runCommand('View: Close All Editors');
      await quickOpen(WORKBOOK_FILE);
      const view = workbookView();
      await view.locator('.cell.severity-error').nth(1).waitFor();
      const flagged = await view.locator('.cell.flagged').allInnerTexts();
      if (flagged.join('|') !== 'NE8000-M8|GPON OLT (ZTE ZXA10 C620 inside)') throw new Error(`flagged cells: ${flagged.join(' | ')}`);
      if ((await view.locator('.cell', { hasText: 'Aztech' }).getAttribute('class'))?.includes('flagged')) throw new Error('the Aztech cell is flagged');
      await view.locator('.cell.merged', { hasText: 'Reseller quote RQ-311' }).waitFor();
      await view.locator('.header.hidden-line', { hasText: 'G' }).waitFor();
      await view.locator('.finding', { hasText: 'Quote!E4' }).waitFor();
      await page.keyboard.press('Control+Shift+M');
      for (const place of ['Quote!D3', 'Quote!E4']) await page.locator('.markers-panel .monaco-list-row', { hasText: place }).first().waitFor();
      // The hover: the advisory text of the text editor's hover, over the flagged cell.
      await view.locator('.cell.flagged').first().hover();
      await view.locator('.tooltip', { hasText: 'Huawei — flagged vendor' }).waitFor();
      await shot('08-workbook-light');
    });

    await check('the workbook view follows a dark theme', async () => {
      await page.mouse.move(5, 5);
      // The toggle has no picker to type into: the theme picker's typing races its marketplace search,
      // which fails offline, and the web workbench does not watch the settings file for a theme change.
      await runCommand('Preferences: Toggle between Light/Dark Themes');
      await page.locator('.monaco-workbench.vs-dark').waitFor();
      const view = workbookView();
      await view.locator('body.vscode-dark').waitFor();
      await view.locator('.finding', { hasText: 'Quote!D3' }).click();
      await view.locator('.detail', { hasText: 'NE8000-M8' }).waitFor();
      await shot('09-workbook-dark');
    });

    await check('the profile picker preselects the profile in effect (no policy file: the default), and cz is chosen', async () => {
      await runCommand('View: Close All Editors');
      await runCommand('VendorLens: Select Jurisdiction Profile…');
      const input = page.locator('.quick-input-widget');
      await input.locator('.quick-input-list .monaco-list-row', { hasText: 'Default (no policy file)' }).waitFor();
      const row = input.locator('.quick-input-list .monaco-list-row.focused');
      const focused = (await row.innerText()).replace(/\s+/g, ' ');
      // The label and its description (the profile id) are separate elements: innerText runs them together.
      const id = (await row.locator('.label-description').first().innerText()).trim();
      if (id !== 'global') throw new Error(`preselected: ${focused} (${id})`);
      await shot('10-profile-picker');
      await page.keyboard.type('Czech');
      await input.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Czech' }).waitFor();
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
      return `preselected "${focused}"`;
    });

    await check('a VRP config opened as Properties gets the VRP grammar and a first-line banner naming the device and the NÚKIB warning', async () => {
      await quickOpen(VRP_FILE);
      await page.locator('.statusbar-item', { hasText: 'Huawei VRP' }).first().waitFor();
      // The profile chosen just before reaches the server on its own: the banner names NÚKIB once it has.
      const banner = editor.locator('.codelens-decoration', { hasText: 'Huawei VRP device configuration' }).filter({ hasText: 'NÚKIB' });
      await banner.waitFor();
      const bannerText = (await banner.innerText()).replace(/\s+/g, ' ');
      await editor.locator('.squiggly-warning').first().waitFor();
      // Highlighted: the VRP grammar gives "sysname core-sw9" more than one token colour.
      const colours = await editor.locator('.view-line', { hasText: 'sysname' }).first().evaluate((line) => new Set([...line.querySelectorAll('span span')].map((s) => s.className)).size);
      if (colours < 2) throw new Error(`"sysname" line has ${colours} token class(es): not highlighted`);
      const lines = await visibleLines();
      if (!lines[0]?.startsWith('!Software Version')) throw new Error(`line 1: ${lines[0]}`);
      await shot('11-vrp-banner');
      return `${bannerText}; ${colours} token classes on "sysname"`;
    });

    await check('the hover of the file-level finding under cz leads with the NÚKIB warning', async () => {
      const size = await checkHover('.squiggly-warning', ['NÚKIB', 'Requires:', 'Review: open', 'Show vendor details'], 'VRP file-level finding under cz');
      await shot('12-vrp-hover-cz');
      await page.mouse.move(5, 5);
      return size;
    });

    await check('accepting the VRP finding leaves the file dirty with "!Software Version" still on line 1 and the note below the header', async () => {
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type('1:3');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const widget = page.locator('.action-widget');
      await widget.waitFor();
      await widget.locator('.monaco-list-row', { hasText: 'Accept with review note…' }).waitFor();
      for (let i = 0; i < 20; i++) {
        const focused = await widget.locator('.monaco-list-row.focused').innerText().catch(() => '');
        if (focused.includes('Accept with review note…')) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      const input = page.locator('.quick-input-widget');
      for (const [title, text] of [['(1/3)', 'core switch, replacement ordered'], ['(2/3)', 'RISK-12'], ['(3/3)', '']]) {
        await input.locator('.quick-input-title', { hasText: title }).waitFor();
        if (text) await page.keyboard.type(text);
        await page.keyboard.press('Enter');
      }
      await editor.locator('.view-lines', { hasText: 'vendorlens-accept-file: huawei | reason: core switch, replacement ordered' }).waitFor();
      await page.locator('.tab.active.dirty').waitFor();
      await editor.locator('.squiggly-info').first().waitFor();
      const lines = await visibleLines();
      const noteAt = lines.findIndex((l) => l.includes('vendorlens-accept-file'));
      if (!lines[0]?.startsWith('!Software Version')) throw new Error(`line 1: ${lines[0]}`);
      if (noteAt !== 4 || lines[3] !== '#') throw new Error(`the note is on line ${noteAt + 1}, after ${JSON.stringify(lines[3])}`);
      const onDisk = fs.readFileSync(path.join(workspace, VRP_PATH), 'utf8');
      if (onDisk !== fs.readFileSync(path.join(FIXTURE, VRP_PATH), 'utf8')) throw new Error('the file was saved');
      await shot('13-vrp-accepted-dirty');
      return `note on line ${noteAt + 1}; tab dirty; disk unchanged`;
    });

    await check('the LLDP capture gives one finding for its Huawei neighbour, naming it, its model and the port', async () => {
      // Added only now: its related rows would push the other checks' rows out of the Problems panel's view.
      fs.copyFileSync(LLDP_EXAMPLE, path.join(workspace, LLDP_FILE));
      await quickOpen(LLDP_FILE);
      await runCommand('Problems: Focus on Problems View');
      const neighbours = page.locator('.markers-panel .monaco-list-row', { hasText: 'LLDP neighbour on' });
      await neighbours.filter({ hasText: 'Huawei' }).first().waitFor();
      // The panel's list re-renders while the capture's diagnostics arrive: read it until it holds one Huawei
      // neighbour (or the time is up, and the last reading is reported).
      const huaweiRows = async () => (await neighbours.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')).filter((t) => t.includes('Huawei'));
      let huawei = await huaweiRows();
      for (const deadline = Date.now() + 30_000; huawei.length !== 1 && Date.now() < deadline; huawei = await huaweiRows()) await page.waitForTimeout(200);
      if (huawei.length !== 1) throw new Error(`${huawei.length} Huawei neighbour findings: ${huawei.join(' | ')}`);
      for (const part of ['dist-sw2', 'S5735-L48T4X-A1', 'Te1/0/1']) if (!huawei[0].includes(part)) throw new Error(`the finding lacks ${part}: ${huawei[0]}`);
      await shot('14-lldp-neighbour');
      return huawei[0].slice(0, 90);
    });

    await check('every hover fits on one screen: its content is no taller than what the widget shows, the widget at most 900 px', async () => {
      if (hoverSizes.length < 2) throw new Error(`only ${hoverSizes.length} hover(s) measured`);
      const tooTall = hoverSizes.filter((h) => !h.fits);
      if (tooTall.length > 0) throw new Error(`the hover scrolls: ${tooTall.map((h) => h.detail).join('; ')}`);
      return hoverSizes.map((h) => h.detail).join('; ');
    });
  } finally {
    await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    const log = server.log;
    if (checks.some((c) => !c.ok)) say(`code-server log (last lines):\n${tail(log, 20)}`);
    server.stop();
  }
  return checks;
}

let timer;
const timeout = new Promise((_, reject) => {
  timer = setTimeout(() => reject(new HarnessError(`timed out after ${TIMEOUT_MS / 1000} s (UI_TEST_TIMEOUT_MS)`)), TIMEOUT_MS);
});
const started = Date.now();
Promise.race([main(), timeout]).then(
  (checks) => {
    clearTimeout(timer);
    const failed = checks.filter((c) => !c.ok).length;
    say(`done in ${seconds(started)}; screenshots in ${path.relative(projectRoot, SHOTS)}/`);
    console.log(`ui: ${checks.length - failed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  },
  (err) => {
    clearTimeout(timer);
    say(err instanceof HarnessError ? err.message : (err?.stack || String(err)));
    console.log('ui: 0 passed, 1 failed');
    process.exit(1);
  },
);
