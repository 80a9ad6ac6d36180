// Review Workspace over a tree where findings are dense (issue 18): a small tree written by the benchmark's
// generator (scripts/lib/dense-corpus.mjs: MAC tables full of Hikvision and Huawei devices, BOMs of flagged
// rows) under dense-tmp/, reviewed with vendorlens.maxFindingsPerFile at 10. Each file's findings are
// checked against the CLI's scan of the same files (no cap reached there): the review shows at most 10,
// and the cap's diagnostic gives the count of the rest. The VendorLens view's counts must match the
// Problems panel's. The folder and the setting are removed afterwards.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { vendorLensApi, vendorLensExtension } from './vendorLens';
import { configure } from './configure';
import { waitFor } from './waitFor';
import type { ReviewResult } from './reviewResult';

type FindingsNode = { kind: 'group'; group: { id: string; count: number } } | { kind: 'file' } | { kind: 'finding' };

interface VendorLensApi {
  reviewWorkspace(): Promise<ReviewResult>;
  findings: { getChildren(node?: FindingsNode): FindingsNode[]; readonly grouping: string; readonly filter: { severity: string; showAccepted: boolean } };
}

const CAP = 10;
const DENSE_DIR = 'dense-tmp';
const TIMEOUT_MS = 120_000;

function extensionPath(): string {
  return vendorLensExtension().extensionPath;
}

function folder(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0];
  assert.ok(root, 'the test workspace is open');
  return vscode.Uri.joinPath(root.uri, DENSE_DIR);
}

/** Runs node on a script; its standard output. */
function node(args: string[], cwd?: string): string {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  assert.ok(run.stdout, `node ${args.join(' ')} printed nothing: ${run.stderr}`);
  return run.stdout;
}

const isFinding = (d: vscode.Diagnostic) => d.source === 'VendorLens' && /^(flagged|borderline)-vendor\//.test(String(typeof d.code === 'object' ? d.code.value : d.code));
const capDiagnostic = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).find((d) => d.source === 'VendorLens' && (typeof d.code === 'object' ? d.code.value : d.code) === 'too-many-findings');

describe('Review Workspace over a dense tree', function () {
  this.timeout(TIMEOUT_MS * 2);

  after(async () => {
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('vendorlens.clearReview');
    await configure('vendorlens.maxFindingsPerFile', undefined);
    await configure('vendorlens.review.maxProblems', undefined);
  });

  it('caps each file\'s findings with a diagnostic counting the rest, and completes with the CLI\'s totals', async () => {
    const dir = folder().fsPath;
    const generator = path.join(extensionPath(), 'scripts', 'lib', 'dense-corpus.mjs');
    const written = JSON.parse(node(['--input-type=module', '-e', `import { generateDenseCorpus } from ${JSON.stringify(generator)}; console.log(JSON.stringify(generateDenseCorpus(${JSON.stringify(dir)}, 1)));`])) as { files: number };
    assert.ok(written.files >= 100, `${written.files} files written`);

    // What the CLI finds in each file (the same analysis, without the editor's cap of 10); run in the
    // folder, it names each file relative to it.
    const scan = JSON.parse(node([path.join(extensionPath(), 'dist', 'cli.js'), 'scan', '--format', 'json', '.'], dir)) as { findings: { file: string }[] };
    const expected = new Map<string, number>();
    for (const f of scan.findings) expected.set(path.resolve(dir, f.file), (expected.get(path.resolve(dir, f.file)) ?? 0) + 1);
    assert.ok([...expected.values()].some((n) => n > CAP * 8), 'some file holds more evidence than the cap keeps');
    assert.ok([...expected.values()].some((n) => n > CAP && n <= CAP * 8), 'some file is capped with all its evidence grouped');

    await configure('vendorlens.maxFindingsPerFile', CAP);
    const result = await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
    assert.equal(result.cancelled, false);
    const dense = result.files.filter((f) => vscode.Uri.parse(f.uri).fsPath.startsWith(dir + path.sep));
    assert.equal(dense.length, written.files, 'every file of the dense tree analysed');
    assert.equal(result.skipped.filter((s) => vscode.Uri.parse(s.uri).fsPath.startsWith(dir + path.sep)).length, 0);
    assert.equal(dense.filter((f) => f.findings > 0).length, expected.size, 'the files with findings are the CLI\'s');

    let exact = 0;
    let bounded = 0;
    for (const file of dense) {
      const uri = vscode.Uri.parse(file.uri);
      const all = expected.get(uri.fsPath) ?? 0;
      assert.equal(file.findings, Math.min(all, CAP), `${uri.fsPath}: ${file.findings} findings shown of ${all}`);
      assert.equal(vscode.languages.getDiagnostics(uri).filter(isFinding).length, file.findings, 'as many in the Problems panel');
      const cap = capDiagnostic(uri);
      if (all <= CAP) {
        assert.equal(cap, undefined, `${uri.fsPath}: not capped`);
        continue;
      }
      assert.ok(cap, `${uri.fsPath}: the cap's diagnostic`);
      const exactly = /^Only the first (\d+) of (\d+) findings are shown for this file; (\d+) more are left out \(vendorlens\.maxFindingsPerFile\)\.$/.exec(cap.message);
      const atLeast = /^Only the first (\d+) findings are shown for this file; at least (\d+) more are left out, besides (\d+) further matches that were only counted \(vendorlens\.maxFindingsPerFile\)\.$/.exec(cap.message);
      if (exactly) {
        exact++;
        assert.deepEqual(exactly.slice(1).map(Number), [CAP, all, all - CAP], cap.message);
      } else {
        assert.ok(atLeast, cap.message);
        bounded++;
        const [shown, more, matches] = atLeast.slice(1).map(Number);
        assert.equal(shown, CAP);
        assert.ok(CAP + more! <= all && all <= CAP + more! + matches!, `${all} findings within ${cap.message}`);
      }
    }
    assert.ok(exact > 0 && bounded > 0, `${exact} exact counts, ${bounded} bounds`);

    // The view's groups count what the Problems panel holds, once it has caught up with the review.
    const lens = await vendorLensApi<VendorLensApi>();
    assert.deepEqual([lens.findings.grouping, lens.findings.filter], ['vendor', { severity: 'all', showAccepted: true }], 'each finding counted once, none hidden');
    const inProblems = () => vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + ds.filter(isFinding).length, 0);
    await waitFor('the view to count every finding', () => {
      const inView = lens.findings.getChildren().reduce((n, g) => n + (g.kind === 'group' ? g.group.count : 0), 0);
      return inView === inProblems() ? true : undefined;
    }, { timeoutMs: TIMEOUT_MS, intervalMs: 100 });
  });

  it('keeps the review within vendorlens.review.maxProblems: each file shown whole or not at all, the rest counted', async () => {
    const dir = folder().fsPath;
    const limit = 100;
    await configure('vendorlens.review.maxProblems', limit);
    const result = await (await vendorLensApi<VendorLensApi>()).reviewWorkspace();
    assert.equal(result.cancelled, false);
    const dense = result.files.filter((f) => vscode.Uri.parse(f.uri).fsPath.startsWith(dir + path.sep));
    assert.ok(dense.reduce((n, f) => n + f.findings + f.problems, 0) > limit, 'the tree holds more than the limit');
    assert.ok(result.notShown.files > 0, 'files left out');
    assert.equal(result.notShown.limit, limit, 'the limit the review applied');
    let shown = 0;
    let hiddenFindings = 0;
    for (const file of dense) {
      const inPanel = vscode.languages.getDiagnostics(vscode.Uri.parse(file.uri)).filter((d) => d.source === 'VendorLens').length;
      // A file shown in the first review and left out of this one has nothing left over from before.
      assert.ok(inPanel === 0 || inPanel === file.findings + file.problems, `${file.uri}: ${inPanel} shown of ${file.findings + file.problems}`);
      shown += inPanel;
      if (inPanel === 0) hiddenFindings += file.findings;
    }
    assert.ok(shown > 0 && shown <= limit, `${shown} diagnostics shown, at most ${limit}`);
    assert.ok(result.notShown.findings >= hiddenFindings && hiddenFindings > 0, `${result.notShown.findings} findings counted as not shown, ${hiddenFindings} in the tree`);
  });
});
