// The workbook view's webview script (media/workbook/view.js) in headless chromium, with the webview host's
// API stood in for: only the rows in sight are in the DOM however long the sheet, revealing a far cell draws
// it, flagged cells carry their severity and the hover text stays text, merged and hidden cells are marked,
// accepting posts the finding back, and a workbook that could not be read shows its message.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../unit/helpers';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCRIPT = readFileSync(join(ROOT, 'media', 'workbook', 'view.js'), 'utf8');
const STYLE = readFileSync(join(ROOT, 'media', 'workbook', 'view.css'), 'utf8');
const ROWS = 100_000;

// Runs in the page: the project's lib settings have no DOM types.
declare const window: any;
declare const document: any;

function finding(id: string, row: number, column: number, severity: string, hover: string) {
  return { id, sheet: 'Parts', row, column, place: `Parts!${String.fromCharCode(64 + column)}${row}`, severity, accepted: false, message: `finding ${id}`, code: 'flagged-vendor/huawei', hover, data: {} };
}

function bigView() {
  const rows: [number, [number, string][]][] = [[1, [[1, 'Parts list']]], [2, [[1, 'Item'], [2, 'Model'], [3, 'Qty']]]];
  for (let row = 3; row <= ROWS; row++) rows.push([row, [[1, String(row - 2)], [2, `model ${row}`], [3, '1']]]);
  return {
    format: 'xlsx',
    sheets: [{ name: 'Parts', rowCount: ROWS, columnCount: 3, rows, hiddenRows: [[5, 5]], hiddenColumns: [[3, 3]], merges: [[1, 1, 1, 3]] }],
    findings: [finding('huawei', 3, 2, 'error', '### Huawei — flagged vendor\n\nEvidence: model `NE8000` \\<b\\>bold\\</b\\>'), finding('far', 90_000, 2, 'warning', 'far away')],
    problems: [],
    cellsOmitted: 0,
  };
}

describe('workbook view webview', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  before(async function () {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/ensure-debian-packages.sh`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    await page.setContent(`<!DOCTYPE html><html><head></head><body><div id="app" data-strings='{"accept":"Accept…","hidden":"Hidden in the workbook"}'></div></body></html>`);
    await page.addStyleTag({ content: STYLE });
    page.on('pageerror', (e) => errors.push(String(e)));
    // tsx compiles this test with esbuild's keepNames, whose __name helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(() => {
      window.posted = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => window.posted.push(m), getState: () => undefined, setState: () => undefined });
    });
    await page.addScriptTag({ content: SCRIPT });
  });

  afterEach(async () => {
    await page?.close();
    assert.deepEqual(errors.splice(0), [], 'no errors in the page');
  });

  const posted = (): Promise<any[]> => page.evaluate(() => window.posted);
  // As JSON text: playwright's own serialisation of 100,000 rows takes far longer than JSON.parse.
  const send = (message: unknown) => page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));

  it('draws only the rows in sight of a 100,000-row sheet, and the far rows when revealed', async () => {
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    await send({ type: 'model', view: bigView() });
    await page.waitForSelector('.cell.flagged');
    const drawn = await page.locator('.row').count();
    assert.ok(drawn > 10 && drawn < 100, `${drawn} rows in the DOM`);
    assert.deepEqual(await page.locator('.cell.flagged').evaluateAll((cells: any[]) => cells.map((c) => [c.textContent, c.className])), [['model 3', 'cell flagged severity-error']]);

    await send({ type: 'reveal', sheet: 'Parts', row: 90_000, column: 2, requestId: 7 });
    await page.waitForFunction(() => window.posted.some((m: any) => m.requestId === 7));
    const answer = (await posted()).find((m) => m.requestId === 7);
    assert.deepEqual(answer.state.revealed, { place: 'Parts!B90000', text: 'model 90000' });
    assert.deepEqual(answer.state.flagged, [{ place: 'Parts!B90000', severity: 'warning', accepted: false }]);
    assert.equal(await page.locator('.row[aria-rowindex="90000"] .cell.active').textContent(), 'model 90000');
    assert.ok((await page.locator('.row').count()) < 100, 'still only the rows in sight');
  });

  it('shows the hover as text, marks merged and hidden cells, and posts an acceptance', async () => {
    await send({ type: 'model', view: bigView() });
    await page.locator('.cell.flagged').hover();
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor();
    assert.equal(await tooltip.textContent(), 'Huawei — flagged vendor\n\nEvidence: model NE8000 <b>bold</b>');
    assert.equal(await tooltip.locator('b').count(), 0, 'markup in the hover stays text');

    assert.equal(await page.locator('.cell.merged').textContent(), 'Parts list');
    assert.equal(await page.locator('.cell.merged').getAttribute('aria-colspan'), '3');
    assert.deepEqual(await page.locator('.header.hidden-line').allTextContents(), ['C', '5']);

    await page.locator('.finding', { hasText: 'finding huawei' }).click();
    await page.locator('.detail button', { hasText: 'Accept…' }).click();
    assert.deepEqual((await posted()).at(-1), { type: 'accept', findingId: 'huawei' });
  });

  it('moves the active cell with the keyboard', async () => {
    await send({ type: 'model', view: bigView() });
    await page.waitForSelector('.cell.active');
    await page.locator('.grid').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.cell.active').textContent(), 'model 3');
    await page.keyboard.press('Control+End');
    assert.equal(await page.locator('.cell.active').getAttribute('data-row'), String(ROWS));
  });

  it('shows why a workbook could not be read instead of a blank page', async () => {
    await send({ type: 'model', view: { format: 'xlsx', sheets: [], findings: [], cellsOmitted: 0, problems: [{ severity: 'error', code: 'spreadsheet-encrypted', message: 'This XLSX workbook cannot be read: it is password-protected (encrypted).' }] } });
    const banner = page.locator('.banner');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /password-protected/);
    assert.equal(await page.locator('.grid').isVisible(), false);
  });
});
