// The workbook view in a real VS Code: an XLSX made by the test fixtures (test/fixtures/boms/spreadsheets.ts,
// resellerQuoteXlsx: a Huawei model row, a ZTE row named by its reseller, an Aztech row) opens in the custom
// editor by default, its two flagged cells highlighted and the Aztech row clean; the Problems panel lists
// both by cell; the reveal command shows a cell; accepting a finding writes the policy file's acceptances
// and the view follows. Files go under workbook-tmp/ and the policy file is removed afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { vendorLensApi, vendorLensExtension, workspaceFile } from './vendorLens';
import { waitFor } from './waitFor';

// The shape of what activate() returns (src/client/extension.ts); this suite compiles on its own.
interface WorkbookViewState {
  sheet?: string;
  message?: string;
  flagged: { place: string; severity: string; accepted: boolean }[];
  merged: string[];
  hidden: string[];
  findings: number;
  revealed?: { place: string; text: string };
}
type FindingsNode = { kind: 'group' | 'file' | 'finding'; finding?: { uri: string } };
interface VendorLensApi {
  reviewWorkspace(): Promise<{ withFindings: number; skipped: { uri: string; reason: string }[] }>;
  workbookViewState(uri: vscode.Uri): Promise<WorkbookViewState | undefined>;
  statusBarText(): string | undefined;
  findings: { getChildren(node?: FindingsNode): FindingsNode[]; getTreeItem(node: FindingsNode): vscode.TreeItem };
}

const VIEW_TYPE = 'vendorlens.workbook';
const EMPTY_POLICY = 'schemaVersion: 1\n';

function vendorLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'VendorLens');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function activeCustomTab(): vscode.TabInputCustom | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input : undefined;
}

describe('workbook view', () => {
  const workbook = workspaceFile('workbook-tmp/reseller-quote.xlsx');
  const broken = workspaceFile('workbook-tmp/broken.xlsx');
  const policy = workspaceFile('.vendorlens.yaml');

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The workbook the fixture module builds (a unit test checks the committed file is exactly that).
    const fixture = vscode.Uri.joinPath(vendorLensExtension<VendorLensApi>().extensionUri, 'test', 'fixtures', 'boms', 'reseller-quote.xlsx');
    await vscode.workspace.fs.writeFile(workbook, await vscode.workspace.fs.readFile(fixture));
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('PK\u0003\u0004 this is no workbook'));
    // A policy file with no decisions: one an earlier suite deleted may still be open in the editor (and so in
    // the language server), with what it held then.
    await setPolicy(EMPTY_POLICY);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const open = policyDocument();
    if (open?.isDirty) await open.save();
    // Leave no decision behind for later suites, in the file or in a document still open on it.
    await setPolicy(EMPTY_POLICY);
    await vscode.workspace.fs.delete(policy).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceFile('workbook-tmp'), { recursive: true }).then(undefined, () => undefined);
  });

  function policyDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === policy.toString());
  }

  async function setPolicy(text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(policy, new TextEncoder().encode(text));
    const open = policyDocument();
    if (open && open.getText() !== text) {
      // Reload it from the file (a document whose file was deleted does not follow it by itself).
      await vscode.window.showTextDocument(open);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await waitFor('an open policy document to follow the file', () => (policyDocument() === undefined || policyDocument()!.getText() === text ? true : undefined));
  }

  it('opens as the default editor, highlights the two flagged cells and lists them in Problems by cell', async () => {
    const vendorLens = await vendorLensApi<VendorLensApi>();
    await vscode.commands.executeCommand('vscode.open', workbook);
    const tab = await waitFor('the workbook view to be the active editor', () => activeCustomTab());
    assert.equal(tab.viewType, VIEW_TYPE);
    assert.equal(tab.uri.toString(), workbook.toString());

    const state = await waitFor(
      'the view to show two flagged cells',
      async () => {
        const s = await vendorLens.workbookViewState(workbook);
        return s && s.flagged.length === 2 ? s : undefined;
      },
      { describe: () => vendorLens.workbookViewState(workbook) },
    );
    assert.equal(state.sheet, 'Quote');
    assert.equal(state.message, undefined);
    // Both flagged vendors are errors under the default profile (every advisory in force).
    assert.deepEqual(state.flagged, [
      { place: 'Quote!D3', severity: 'error', accepted: false },
      { place: 'Quote!E4', severity: 'error', accepted: false },
    ]);
    assert.ok(!state.flagged.some((f) => f.place.endsWith('5')), 'the Aztech row is clean');
    // As laid out in the workbook: the merged title, the hidden margin column G and notes row 7, marked.
    assert.deepEqual(state.merged, ['Quote!A1']);
    assert.deepEqual([...state.hidden].sort(), ['7', 'G']);

    const diagnostics = await waitFor('two findings in the Problems panel', () => {
      const found = vendorLensDiagnostics(workbook);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.message.split(':')[0], codeOf(d), d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['Quote!D3', 'flagged-vendor/huawei', 2, 3, 4],
        ['Quote!E4', 'flagged-vendor/zte', 3, 4, 5],
      ],
    );
    assert.match(diagnostics[0]!.message, /NE8000-M8/);
    assert.match(vendorLens.statusBarText() ?? '', /VendorLens/);
  });

  it('reveals a cell from the command, by sheet or by a diagnostic\'s position', async () => {
    const byPlace = await vscode.commands.executeCommand<WorkbookViewState>('vendorlens.revealWorkbookCell', workbook, { sheet: 'Quote', row: 5, column: 3 });
    assert.deepEqual(byPlace?.revealed, { place: 'Quote!C5', text: 'Aztech' });
    const zte = vendorLensDiagnostics(workbook).find((d) => codeOf(d) === 'flagged-vendor/zte')!;
    const byDiagnostic = await vscode.commands.executeCommand<WorkbookViewState>('vendorlens.revealWorkbookCell', workbook.toString(), zte.range.start);
    assert.deepEqual(byDiagnostic?.revealed, { place: 'Quote!E4', text: 'GPON OLT (ZTE ZXA10 C620 inside)' });

    // The findings view lists the workbook's findings and opens them at their cell.
    const vendorLens = await vendorLensApi<VendorLensApi>();
    const inWorkbook = await waitFor('the findings view to list the workbook\'s two findings', () => {
      const nodes: FindingsNode[] = [];
      const walk = (node?: FindingsNode) => vendorLens.findings.getChildren(node).forEach((child) => (nodes.push(child), walk(child)));
      walk();
      const found = nodes.filter((n) => n.kind === 'finding' && n.finding?.uri === workbook.toString());
      return found.length === 2 ? found : undefined;
    });
    assert.equal(vendorLens.findings.getTreeItem(inWorkbook[0]!).command?.command, 'vendorlens.revealWorkbookCell');
  });

  it('accepts a finding into the policy file\'s acceptances and clears its highlight', async () => {
    const vendorLens = await vendorLensApi<VendorLensApi>();
    const zte = vendorLensDiagnostics(workbook).find((d) => codeOf(d) === 'flagged-vendor/zte')!;
    const findingId = (zte as { data?: { findingId?: string } }).data?.findingId;
    assert.ok(findingId, 'the diagnostic carries its finding id');
    const note = { reason: 'OLT replaced in Q1, integration check', ticket: 'CHG-2040', expires: '2027-03-31', by: 'integration' };
    const applied = await vscode.commands.executeCommand<boolean>('vendorlens.acceptWorkbookFinding', { uri: workbook.toString(), findingId }, note);
    assert.equal(applied, true);

    const policyText = await waitFor('the policy file to hold the acceptance', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === policy.toString())?.getText());
    assert.match(policyText, /acceptances:\n {2}- file: workbook-tmp\/reseller-quote\.xlsx\n {4}fingerprint: \S+\n {4}vendor: zte\n {4}evidence: ZTE ZXA10\n {4}reason: OLT replaced in Q1, integration check\n {4}ticket: CHG-2040\n {4}expires: 2027-03-31\n/);

    const state = await waitFor(
      'the view to show the ZTE cell accepted',
      async () => {
        const s = await vendorLens.workbookViewState(workbook);
        return s?.flagged.find((f) => f.place === 'Quote!E4')?.accepted ? s : undefined;
      },
      { describe: () => vendorLens.workbookViewState(workbook) },
    );
    assert.deepEqual(state.flagged, [
      { place: 'Quote!D3', severity: 'error', accepted: false },
      { place: 'Quote!E4', severity: 'information', accepted: true },
    ]);
    const refreshed = await waitFor('the accepted finding as information in Problems', () => {
      const d = vendorLensDiagnostics(workbook).find((x) => codeOf(x) === 'flagged-vendor/zte');
      return d?.severity === vscode.DiagnosticSeverity.Information ? d : undefined;
    });
    assert.equal((refreshed as { data?: { accepted?: boolean } }).data?.accepted, true);
  });

  it('shows a damaged workbook\'s problem in the view, not a blank page', async () => {
    const vendorLens = await vendorLensApi<VendorLensApi>();
    await vscode.commands.executeCommand('vscode.open', broken);
    const state = await waitFor(
      'the view to show why the workbook cannot be read',
      async () => {
        const s = await vendorLens.workbookViewState(broken);
        return s?.message ? s : undefined;
      },
      { describe: () => vendorLens.workbookViewState(broken) },
    );
    assert.match(state.message ?? '', /cannot be read/);
    assert.deepEqual(state.flagged, []);
    assert.deepEqual(vendorLensDiagnostics(broken).map(codeOf), ['spreadsheet-unreadable']);
  });

  it('is covered by the workspace review and the report export as other files are, located by cell', async () => {
    const copy = workspaceFile('workbook-tmp/never-opened.xlsx');
    await vscode.workspace.fs.copy(workbook, copy, { overwrite: true });
    const result = await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
    assert.deepEqual(result.skipped, []);
    const reviewed = await waitFor('the review\'s findings for the workbook no view showed', () => {
      const found = vendorLensDiagnostics(copy);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(reviewed.map((d) => d.message.split(':')[0]), ['Quote!D3', 'Quote!E4']);

    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorlens-workbook-'));
    try {
      const target = vscode.Uri.file(path.join(outDir, 'report.json'));
      const exported = await vscode.commands.executeCommand<{ findings: number } | undefined>('vendorlens.exportReport', { format: 'json', target });
      assert.ok(exported, 'the export ran');
      const report = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { findings: { file: string; location?: string }[] };
      const inCopy = report.findings.filter((f) => f.file === 'workbook-tmp/never-opened.xlsx').map((f) => f.location);
      assert.deepEqual(inCopy, ['Quote!D3', 'Quote!E4']);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
