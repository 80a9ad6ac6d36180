// Loaded by scripts/bench-extension.mjs into code-server's extension host (as --extensionTestsPath is):
// runs the command "VendorLens: Review Workspace" over the folder open (the dense tree) and reports, in one
// line 'BENCH-EXTENSION {json}' on the console the harness reads: the time to the first findings in the
// Problems panel and in the VendorLens view, the time to completion, the findings and files counted, the
// language server's peak RSS (VmHWM of its process, a child of this extension host) and this host's, and
// how late the extension host's event loop ran at worst (a responsiveness measure). CommonJS, no build step.
const fs = require('node:fs');
const vscode = require('vscode');

const MB = 1024 * 1024;

/** VmHWM and VmRSS of a process, in bytes (Linux /proc). */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { peak: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return undefined;
  }
}

/** The language server: the child of this extension host running dist/server/node.js. */
function serverPid() {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('dist/server/node.js')) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

function isFindingDiagnostic(d) {
  return d.source === 'VendorLens' && /^(flagged|borderline)-vendor\//.test(String(typeof d.code === 'object' ? d.code.value : d.code));
}

async function run() {
  const extension = vscode.extensions.getExtension('vendorlens.vendorlens');
  if (!extension) throw new Error('the VendorLens extension is not loaded');
  const api = extension.isActive ? extension.exports : await extension.activate();
  const pid = serverPid();
  const before = pid ? memoryOf(pid) : undefined;
  // The views a reviewer looks at while the review runs: the Problems panel and the VendorLens view.
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('vendorlens.findings.focus');

  const started = performance.now();
  const marks = { firstProblems: undefined, firstView: undefined };
  let diagnosticEvents = 0;
  let treeRefreshes = 0;
  const subscriptions = [
    vscode.languages.onDidChangeDiagnostics((e) => {
      diagnosticEvents++;
      if (marks.firstProblems !== undefined) return;
      if (e.uris.some((uri) => vscode.languages.getDiagnostics(uri).some(isFindingDiagnostic))) marks.firstProblems = performance.now() - started;
    }),
    api.findings.onDidChangeTreeData(() => {
      treeRefreshes++;
      if (marks.firstView === undefined && api.findings.getChildren().length > 0) marks.firstView = performance.now() - started;
    }),
  ];
  // How late a 100 ms tick runs: the extension host is busy for that long, and so is everything it serves.
  let worstLagMs = 0;
  let serverPeakSeen = 0;
  let expected = performance.now() + 100;
  const ticker = setInterval(() => {
    const now = performance.now();
    worstLagMs = Math.max(worstLagMs, now - expected);
    expected = now + 100;
    const memory = pid ? memoryOf(pid) : undefined;
    if (memory) serverPeakSeen = Math.max(serverPeakSeen, memory.rss);
  }, 100);

  const result = await vscode.commands.executeCommand('vendorlens.reviewWorkspace');
  const completedMs = performance.now() - started;
  // The view as a reviewer opening it now would get it: the top level and the first group's files.
  const viewStarted = performance.now();
  const groups = api.findings.getChildren();
  const firstGroupFiles = groups.length > 0 ? api.findings.getChildren(groups[0]).length : 0;
  const viewMs = performance.now() - viewStarted;
  clearInterval(ticker);
  for (const s of subscriptions) s.dispose();

  let findings = 0;
  let capped = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      if (isFindingDiagnostic(d)) findings++;
      else if (d.source === 'VendorLens' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'too-many-findings') capped++;
    }
  }
  const server = pid ? memoryOf(pid) : undefined;
  const host = memoryOf(process.pid);
  const report = {
    files: result?.total,
    analysed: result?.analysed,
    withFindings: result?.withFindings,
    skipped: result?.skipped?.length,
    cancelled: result?.cancelled,
    findings,
    cappedFiles: capped,
    firstProblemsMs: marks.firstProblems,
    firstViewMs: marks.firstView,
    completedMs,
    viewGroups: groups.length,
    firstGroupFiles,
    viewMs,
    treeRefreshes,
    diagnosticEvents,
    worstLagMs,
    serverPid: pid,
    serverRssBeforeMb: before && before.rss / MB,
    serverPeakRssMb: server && server.peak / MB,
    serverPeakRssSampledMb: serverPeakSeen / MB,
    hostPeakRssMb: host && host.peak / MB,
    hostHeapUsedMb: process.memoryUsage().heapUsed / MB,
  };
  console.log(`BENCH-EXTENSION ${JSON.stringify(report)}`);
}

module.exports = { run };
