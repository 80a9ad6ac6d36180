// VendorLens: Export Report in a real VS Code extension host: the review's files (with its .gitignore
// handling) analysed by the language server, rendered with the CLI's report modules, saved into a temp
// folder, and HTML shown in a webview. sites/branch-olt1.cfg holds an SNMP community on a ZTE line: the
// report must show the line with the community redacted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { vendorLensApi, workspaceFile } from './vendorLens';
import { waitFor } from './waitFor';

// The parts of activate()'s API (src/client/extension.ts) this suite uses; it compiles on its own.
interface ExportResult {
  format: string;
  uri: string;
  files: number;
  findings: number;
  accepted: number;
  problems: number;
}
interface VendorLensApi {
  exportReport(args?: { format?: string; target?: vscode.Uri | string }, token?: vscode.CancellationToken): Promise<ExportResult | undefined>;
}

const SECRET = 'S3cr3tC0mm';
const REDACTED_LINE = 'snmp-server community **** RO ZTE-OLT-POLLERS';
const REPORT_VIEW_TYPE = 'vendorlens.report';

/** Runs the command as a keybinding would, with the prompts answered by its argument. */
async function exportTo(format: string, target: vscode.Uri): Promise<{ result: ExportResult; text: string }> {
  const result = await vscode.commands.executeCommand<ExportResult | undefined>('vendorlens.exportReport', { format, target });
  assert.ok(result, `the ${format} export ran`);
  assert.equal(result.uri, target.toString());
  return { result, text: fs.readFileSync(target.fsPath, 'utf8') };
}

describe('report export', () => {
  let outDir: string;
  const ignored = workspaceFile('scratch/report-ignored.cfg');

  before(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorlens-report-'));
    // scratch/ is in the fixture's .gitignore: the export skips it as the review does.
    await vscode.workspace.fs.writeFile(ignored, new TextEncoder().encode('interface Gi0/9\n description uplink to Hytera DMR gateway\n'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('scratch'), { recursive: true }).then(undefined, () => undefined);
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('exports HTML with the summary tables, the fixture\'s findings and secrets redacted, and shows it in a webview', async () => {
    const target = vscode.Uri.file(path.join(outDir, 'vendorlens-report.html'));
    const { result, text } = await exportTo('html', target);
    assert.ok(result.files >= 4, JSON.stringify(result));
    assert.ok(result.findings >= 5, JSON.stringify(result));
    assert.match(text, /^<!DOCTYPE html>/);
    assert.doesNotMatch(text, /<script/i);
    for (const heading of ['Summary', 'Open and accepted', 'By vendor', 'By advisory in force', 'Nearest deadlines', 'Findings', 'Advisories cited']) {
      assert.match(text, new RegExp(`<h[23]>${heading}</h[23]>`), heading);
    }
    for (const file of ['edge-rtr1.ios.cfg', 'quote.csv', 'sites/branch-sw2.cfg', 'sites/branch-olt1.cfg']) {
      assert.ok(text.includes(`<code>${file}</code>`), `${file} has its findings listed`);
    }
    for (const vendor of ['Huawei <code>huawei</code>', 'ZTE <code>zte</code>', 'Hikvision <code>hikvision</code>']) assert.ok(text.includes(vendor), vendor);
    assert.ok(text.includes('WAN uplink to HUAWEI NE40E'), 'the excerpt of the Huawei line');
    assert.ok(text.includes(REDACTED_LINE), 'the SNMP line, its community redacted');
    assert.ok(!text.includes(SECRET), 'the community itself appears nowhere');
    assert.ok(!text.includes('report-ignored.cfg') && !text.includes('<code>hytera</code>'), 'a git-ignored file is not reported');

    const tab = await waitFor('the report webview', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(REPORT_VIEW_TYPE)),
    );
    assert.equal(tab.label, 'VendorLens Report: vendorlens-report.html');
    assert.ok(tab.isActive, 'the report is in front');
  });

  it('exports SARIF with a result per finding at its place, relative paths and redacted secrets', async () => {
    const target = vscode.Uri.file(path.join(outDir, 'vendorlens-report.sarif'));
    const { result, text } = await exportTo('sarif', target);
    assert.ok(!text.includes(SECRET));
    const sarif = JSON.parse(text);
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.equal(run.automationDetails.id, 'vendorlens/global/', 'the profile in effect (none set: global)');
    assert.equal(run.results.length, result.findings);
    const at = (file: string) =>
      run.results
        .filter((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri === file)
        .map((r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => {
          const { startLine, startColumn } = r.locations[0]!.physicalLocation.region;
          return `${r.ruleId}@${startLine}:${startColumn}`;
        });
    // 1-based, as SARIF counts: line 8 of the config, the HUAWEI token after ' description WAN uplink to '.
    assert.deepEqual(at('edge-rtr1.ios.cfg'), ['flagged-vendor/huawei@8:28']);
    assert.deepEqual(at('sites/branch-olt1.cfg'), ['flagged-vendor/zte@3:37']);
    assert.deepEqual(at('sites/branch-sw2.cfg'), ['flagged-vendor/zte@4:24']);
    assert.ok(at('quote.csv').length >= 2);
    for (const r of run.results) assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  });

  it('writes Markdown, CSV and JSON from the same records', async () => {
    for (const [format, extension] of [['markdown', 'md'], ['csv', 'csv'], ['json', 'json']]) {
      const { result, text } = await exportTo(format, vscode.Uri.file(path.join(outDir, `vendorlens-report.${extension}`)));
      // Markdown escapes file names so that they render literally.
      assert.ok(text.includes(format === 'markdown' ? 'sites/branch\\-olt1\\.cfg' : 'sites/branch-olt1.cfg'), format);
      assert.ok(!text.includes(SECRET), format);
      if (format === 'markdown') assert.ok(text.includes('### By vendor') && text.includes('### Nearest deadlines'));
      if (format === 'csv') assert.equal(text.trimEnd().split('\r\n').length, result.findings + 1, 'a header and a row per finding');
      if (format === 'json') assert.equal(JSON.parse(text).findings.length, result.findings);
    }
  });

  it('saves nothing when cancelled', async () => {
    const target = vscode.Uri.file(path.join(outDir, 'cancelled.json'));
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    assert.equal(await (await vendorLensApi<VendorLensApi>()).exportReport({ format: 'json', target }, source.token), undefined);
    assert.ok(!fs.existsSync(target.fsPath));
  });
});
