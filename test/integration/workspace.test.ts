// The workspace review, the VendorLens view, the status-bar item and validation on save, in a real
// VS Code extension host. Files the tests write go under scratch/ (git-ignored by the fixture itself),
// review-tmp/ and large-tmp.cfg, and are removed afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { vendorLensApi, workspaceFile } from './vendorLens';
import { waitFor } from './waitFor';
import { configure } from './configure';

// The shape of what activate() returns (src/client/extension.ts, VendorLensApi); this suite compiles
// on its own, so it restates the parts it uses.
type FindingsNode =
  | { kind: 'group'; grouping: 'vendor' | 'advisory'; group: { id: string } }
  | { kind: 'file'; file: { uri: string; path: string } }
  | { kind: 'finding'; finding: { severity: string; accepted: boolean } };

interface VendorLensApi {
  reviewWorkspace(options?: { token?: vscode.CancellationToken; onFileDone?: (done: number, total: number) => void }): Promise<{
    total: number;
    analysed: number;
    withFindings: number;
    skipped: { uri: string; reason: string }[];
    cancelled: boolean;
  }>;
  findings: {
    getChildren(node?: FindingsNode): FindingsNode[];
    getTreeItem(node: FindingsNode): vscode.TreeItem;
    readonly grouping: string;
    readonly filter: { severity: string; showAccepted: boolean };
  };
  statusBarText(): string | undefined;
  statusBarAccessibility(): vscode.AccessibilityInformation | undefined;
  documentState(uri: vscode.Uri): Promise<{ run: 'onType' | 'onSave'; version?: number; analysisScheduled: boolean } | null>;
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function remove(name: string): Promise<void> {
  await vscode.workspace.fs.delete(workspaceFile(name), { recursive: true }).then(undefined, () => undefined);
}

function codes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'VendorLens')
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))
    .sort();
}

const HUAWEI_LINE = ' description uplink to HUAWEI NE40E\n';

describe('workspace review, view and status bar', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of ['files.exclude', 'vendorlens.review.maxFileSizeKb', 'vendorlens.run']) await configure(key, undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('vendorlens.clearReview');
    for (const name of ['scratch', 'review-tmp', 'large-tmp.cfg']) await remove(name);
  });

  it('reviews closed files into the Problems panel, skipping .gitignore, files.exclude and large files', async () => {
    const ignored = await write('scratch/ignored.cfg', `interface Gi0/1\n${HUAWEI_LINE}`);
    const excluded = await write('review-tmp/excluded/x.cfg', `interface Gi0/1\n${HUAWEI_LINE}`);
    const large = await write('large-tmp.cfg', `interface Gi0/1\n${HUAWEI_LINE}${'!\n'.repeat(3000)}`);
    await configure('files.exclude', { '**/excluded': true });
    await configure('vendorlens.review.maxFileSizeKb', 4);

    const result = await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
    assert.equal(result.cancelled, false);
    assert.deepEqual(codes(workspaceFile('sites/branch-sw2.cfg')), ['flagged-vendor/zte'], 'a file no editor opened');
    assert.deepEqual(codes(workspaceFile('edge-rtr1.ios.cfg')), ['flagged-vendor/huawei']);
    assert.ok(codes(workspaceFile('quote.csv')).length >= 2);
    assert.deepEqual(codes(ignored), [], 'git-ignored');
    assert.deepEqual(codes(excluded), [], 'files.exclude');
    assert.deepEqual(codes(large), [], 'over vendorlens.review.maxFileSizeKb');
    assert.deepEqual(result.skipped.map((s) => [s.uri.split('/').pop(), s.reason]), [['large-tmp.cfg', 'size']]);
    // Files still open from earlier tests are the language server's, not the review's: total counts them.
    assert.ok(result.total >= 4 && result.withFindings >= 1, JSON.stringify(result));
  });

  it('an opened file shows the language server\'s diagnostics only, and the review\'s again once closed', async () => {
    const uri = workspaceFile('sites/branch-sw2.cfg');
    await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The server's diagnostics carry the document version; the review's collection is emptied on open.
    const onlyServer = await waitFor('one diagnostic, from the language server', () => {
      const all = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'VendorLens');
      return all.length === 1 ? all : undefined;
    });
    assert.equal(onlyServer.length, 1);
    // Unsaved edits go with the editor: the review reads the file from disk again.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'banner motd HUAWEI\n'));
    await waitFor('the edit to be analysed', () => (codes(uri).includes('flagged-vendor/huawei') ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the review\'s diagnostics of the file on disk', () => (codes(uri).join() === 'flagged-vendor/zte' ? true : undefined));
  });

  it('can be cancelled part-way', async () => {
    for (let i = 0; i < 40; i++) await write(`review-tmp/bulk/sw${i}.cfg`, `interface Gi0/${i}\n description to ZTE core\n`);
    const source = new vscode.CancellationTokenSource();
    const result = await (await vendorLensApi<VendorLensApi>()).reviewWorkspace({ token: source.token, onFileDone: (done) => done >= 3 && source.cancel() });
    assert.equal(result.cancelled, true);
    assert.ok(result.total >= 40, `${result.total} files`);
    assert.ok(result.analysed < result.total, `${result.analysed} of ${result.total} analysed`);
    await remove('review-tmp/bulk');
  });

  it('analyses a file again when it changes on disk, once a review has run', async () => {
    await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
    const uri = await write('review-tmp/changing.cfg', `interface Gi0/1\n${HUAWEI_LINE}`);
    await waitFor('the new file to be analysed', () => (codes(uri).join() === 'flagged-vendor/huawei' ? true : undefined));
    await write('review-tmp/changing.cfg', 'interface Gi0/1\n description uplink to ZTE core\n');
    await waitFor('the changed file to be analysed again', () => (codes(uri).join() === 'flagged-vendor/zte' ? true : undefined));
    await remove('review-tmp/changing.cfg');
    await waitFor('a deleted file to lose its findings', () => (codes(uri).length === 0 ? true : undefined));
  });

  it('feeds the VendorLens view: vendor → file → finding, by advisory, with filters', async () => {
    const lens = await vendorLensApi<VendorLensApi>();
    await lens.reviewWorkspace();
    const tree = lens.findings;
    const labelOf = (node: FindingsNode) => String(tree.getTreeItem(node).label);
    const roots = await waitFor('vendor groups with names', () => {
      const found = tree.getChildren();
      return found.some((n) => labelOf(n) === 'Huawei') ? found : undefined;
    });
    assert.deepEqual(roots.map((n) => n.kind), roots.map(() => 'group'));
    const huawei = roots.find((n) => labelOf(n) === 'Huawei')!;
    assert.match(String(tree.getTreeItem(huawei).description), /^(1 finding in 1 file|\d+ findings in (1 file|\d+ files))/);
    const files = tree.getChildren(huawei);
    const edge = files.find((n) => n.kind === 'file' && n.file.uri.endsWith('/edge-rtr1.ios.cfg'));
    assert.ok(edge, files.map((f) => (f.kind === 'file' ? f.file.path : f.kind)).join());
    const [finding] = tree.getChildren(edge);
    const item = tree.getTreeItem(finding!);
    assert.equal(item.command?.command, 'vscode.open');
    const selection = (item.command!.arguments![1] as { selection: vscode.Range }).selection;
    assert.equal(selection.start.line, 7, 'the HUAWEI token of edge-rtr1.ios.cfg');

    await vscode.commands.executeCommand('vendorlens.findings.groupByAdvisory');
    try {
      const advisories = tree.getChildren();
      assert.ok(advisories.length > 1);
      assert.ok(advisories.every((n) => n.kind === 'group' && n.grouping === 'advisory'));
      assert.ok(advisories.some((n) => /NÚKIB/.test(labelOf(n))), advisories.map(labelOf).join(' | '));
      const shown = () => tree.getChildren().flatMap((g) => tree.getChildren(g)).flatMap((f) => tree.getChildren(f));
      const severities = (nodes: FindingsNode[]) => new Set(nodes.map((n) => (n.kind !== 'finding' ? n.kind : n.finding.accepted ? 'accepted' : n.finding.severity)));
      // Accepted findings follow their own switch, whatever their severity.
      await vscode.commands.executeCommand('vendorlens.findings.filterSeverity', 'warning');
      const warningsUp = shown();
      assert.ok(warningsUp.length > 0);
      assert.deepEqual([...severities(warningsUp)].filter((s) => !['error', 'warning', 'accepted'].includes(s)), []);
      await vscode.commands.executeCommand('vendorlens.findings.filterSeverity', 'error');
      assert.deepEqual([...severities(shown())].filter((s) => !['error', 'accepted'].includes(s)), []);
      await vscode.commands.executeCommand('vendorlens.findings.hideAccepted');
      assert.equal(tree.filter.showAccepted, false);
    } finally {
      await vscode.commands.executeCommand('vendorlens.findings.groupByVendor');
      await vscode.commands.executeCommand('vendorlens.findings.filterSeverity', 'all');
      await vscode.commands.executeCommand('vendorlens.findings.showAccepted');
    }
    assert.equal(tree.grouping, 'vendor');
  });

  it('shows the active file\'s counts in the status bar', async () => {
    const lens = await vendorLensApi<VendorLensApi>();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('edge-rtr1.ios.cfg')));
    // One finding: an error or a warning, depending on the profile earlier tests left in effect; the profile follows the counts.
    const text = await waitFor('the status-bar item', () => {
      const counts = /^VendorLens \$\(error\) (\d+) \$\(warning\) (\d+) \$\(info\) (\d+) · [a-z0-9,-]+$/.exec(lens.statusBarText() ?? '');
      return counts && counts.slice(1).map(Number).reduce((a, b) => a + b) === 1 ? counts[0] : undefined;
    });
    assert.ok(text);
    // A screen reader hears the counts in words, not the codicon names, and that the item is a button.
    const [, errors, warnings, information] = /\$\(error\) (\d+) \$\(warning\) (\d+) \$\(info\) (\d+)/.exec(text)!;
    const accessibility = lens.statusBarAccessibility();
    assert.equal(accessibility?.role, 'button');
    assert.ok(accessibility?.label.includes(`Errors: ${errors}; Warnings: ${warnings}; Information: ${information}`), accessibility?.label);
    assert.doesNotMatch(accessibility?.label ?? '', /\$\(/);
    const clean = await write('review-tmp/clean.cfg', 'hostname clean\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(clean));
    await waitFor('no findings', () => (lens.statusBarText()?.includes('no findings') ? true : undefined));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '# not analysed' }));
    await waitFor('the item to hide for other files', () => (lens.statusBarText() === undefined ? true : undefined));
  });

  it('opens a bundled example from the walkthrough, with its findings', async () => {
    const opened = await vscode.commands.executeCommand<string>('vendorlens.openExample', 'configs/dc1-core-sw1.ios.cfg');
    assert.ok(opened?.endsWith('/examples/configs/dc1-core-sw1.ios.cfg'), opened);
    await waitFor('findings in the example', () => (codes(vscode.Uri.parse(opened)).includes('flagged-vendor/huawei') ? true : undefined));
  });

  it('with vendorlens.run onSave, analyses an edit when it is saved, not while typing', async () => {
    await configure('vendorlens.run', 'onSave');
    const uri = await write('review-tmp/on-save.cfg', `interface Gi0/1\n${HUAWEI_LINE}`);
    const vendorLens = await vendorLensApi<VendorLensApi>();
    // The setting reaches the server in a notification of its own: wait until the server applies it.
    await waitFor('the server applies run: onSave', async () => ((await vendorLens.documentState(uri))?.run === 'onSave' ? true : undefined));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('analysis on open', () => (codes(uri).join() === 'flagged-vendor/huawei' ? true : undefined));
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), ' description backup to ZTE core\n'));
    // Once the server holds the edited version, it has decided what to do with it: nothing, while typing.
    const state = await waitFor('the server has the edit', async () => {
      const s = await vendorLens.documentState(uri);
      return s?.version === editor.document.version ? s : undefined;
    });
    assert.equal(state.analysisScheduled, false, 'no analysis scheduled while typing');
    assert.deepEqual(codes(uri), ['flagged-vendor/huawei'], 'not analysed while typing');
    await editor.document.save();
    await waitFor('analysis on save', () => (codes(uri).join() === 'flagged-vendor/huawei,flagged-vendor/zte' ? true : undefined));
  });
});
