// `npm run bench`: generates two deterministic trees (git-ignored, kept for the next run): the ~100 MB
// corpus under bench/corpus/ (configs in six dialects with some flagged evidence and decoys, and BOM
// CSVs) and the dense tree of issue 18 under bench/dense/ (MAC tables and BOMs full of flagged devices,
// ~410,000 findings in 100 MB). For each tree, in one run:
//   1. the CLI's full scan (JSON report): wall and CPU time, peak RSS (main thread and workers are one
//      process), findings per second and bytes per second;
//   2. ripgrep over the same files with the flagged-vendor names (`rg -j1 -c -i -w`), as the baseline;
// then 3. the in-process analysis of a 100k-line config, against splitting the same text into lines.
// Prints the ratios against the targets and writes bench/out/results.json. Needs a build first (`npm run
// bench` makes the production build, minified as the npm package and the VSIX ship it)
// and ripgrep at /usr/bin/rg (Debian package `ripgrep`). Options: --size MB and --dir PATH (the corpus),
// --dense-size MB and --dense-dir PATH (the dense tree), --trees corpus,dense (which to measure), --runs N.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { knowledgeLoader, parsedYamlPlugin } from './lib/esbuild-knowledge.mjs';
import { generateDenseCorpus } from './lib/dense-corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const TARGET_MB = Number(option('--size', '100'));
const CORPUS = option('--dir', join(ROOT, 'bench', 'corpus'));
const OUT = join(ROOT, 'bench', 'out');
const DENSE_MB = Number(option('--dense-size', '100'));
const DENSE = option('--dense-dir', join(ROOT, 'bench', 'dense'));
const TREES = option('--trees', 'corpus,dense').split(',');
const RUNS = Number(option('--runs', '2'));
const DENSE_GENERATOR_VERSION = 1;
const GENERATOR_VERSION = 3;
const RG = '/usr/bin/rg';

// ---------------------------------------------------------------------------------------------
// Deterministic corpus

/** xorshift32: the same seed gives the same corpus on every machine. */
function random(seed) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const FLAGGED = ['HUAWEI NE40E-X8', 'Huawei S5735-L48T4X-A1', 'ZTE ZXR10 5960', 'Hikvision DS-7616NI NVR', 'Dahua IPC-HDW2441T-S', 'Hytera PD985 repeater', 'H3C S6850', 'Kaspersky Security Center'];
const DECOYS = ['Aztech powerline adapter', 'ztevision display', 'Naztec signal controller', 'Shanghai Dahua Scale Factory scale'];
const PLAIN = ['uplink to core', 'server rack', 'AP floor', 'printer', 'camera pole', 'IP phone', 'WAN to ISP', 'backup link', 'storage array', 'ESXi host', 'firewall inside', 'OOB management'];

/** A description: one in 400 names a flagged vendor, one in 600 a decoy that must not be flagged. */
function description(rng, i) {
  const roll = rng.next();
  if (roll < 1 / 400) return `${rng.pick(FLAGGED)} port ${i}`;
  if (roll < 1 / 400 + 1 / 600) return `${rng.pick(DECOYS)} ${i}`;
  return `${rng.pick(PLAIN)} ${rng.int(50)} port ${i}`;
}

const DIALECTS = {
  ios(rng, host, ports) {
    const out = ['!', `! Last configuration change at 10:${rng.int(60)}:00 UTC Mon Mar 4 2024`, 'version 15.2', `hostname ${host}`, '!', 'enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', '!'];
    for (let i = 0; i < ports; i++) {
      out.push(`interface GigabitEthernet${1 + (i % 4)}/0/${i % 48}`, ` description ${description(rng, i)}`, ` switchport access vlan ${100 + rng.int(200)}`, ' switchport mode access', ' spanning-tree portfast', '!');
    }
    out.push('snmp-server community Pr1vate RO', 'ntp server 10.0.0.1', 'end');
    return out;
  },
  eos(rng, host, ports) {
    const out = ['! Command: show running-config', '! device: ' + host + ' (DCS-7050SX3-48YC8, EOS-4.28.3M)', '!', `hostname ${host}`, '!'];
    for (let i = 0; i < ports; i++) {
      out.push(`interface Ethernet${i + 1}`, `   description ${description(rng, i)}`, `   switchport access vlan ${100 + rng.int(200)}`, '!');
    }
    out.push('management api http-commands', '   no shutdown', '!', 'end');
    return out;
  },
  vrp(rng, host, ports) {
    const out = ['!Software Version V200R019C10SPC500', `#`, `sysname ${host}`, '#', 'snmp-agent community read cipher %^%#Yp6#Lb>~R%^%#', '#'];
    for (let i = 0; i < ports; i++) {
      out.push(`interface GigabitEthernet0/0/${i % 48}`, ` description ${description(rng, i)}`, ' port link-type access', ` port default vlan ${100 + rng.int(200)}`, '#');
    }
    out.push('return');
    return out;
  },
  comware(rng, host, ports) {
    const out = ['#', ' version 7.1.070, Release 6635', '#', ` sysname ${host}`, '#'];
    for (let i = 0; i < ports; i++) {
      out.push(`interface GigabitEthernet1/0/${i % 48}`, ` description ${description(rng, i)}`, ` port access vlan ${100 + rng.int(200)}`, '#');
    }
    out.push('local-user admin class manage', ' password hash $h$6$abc', '#', 'return');
    return out;
  },
  junos(rng, host, ports) {
    const out = ['## Last commit: 2024-03-04 10:00:00 UTC by admin', 'version 21.4R3;', 'system {', `    host-name ${host};`, '    root-authentication {', '        encrypted-password "$6$abc$def"; ## SECRET-DATA', '    }', '}', 'interfaces {'];
    for (let i = 0; i < ports; i++) {
      out.push(`    ge-0/0/${i % 48} {`, `        description "${description(rng, i)}";`, '        unit 0 {', '            family ethernet-switching {', `                vlan members v${100 + rng.int(200)};`, '            }', '        }', '    }');
    }
    out.push('}');
    return out;
  },
  nxos(rng, host, ports) {
    const out = ['!Command: show running-config', '!Running configuration last done at: Mon Mar  4 10:00:00 2024', '', 'version 9.3(8) Bios:version 05.45', `hostname ${host}`, 'feature lacp', ''];
    for (let i = 0; i < ports; i++) {
      out.push(`interface Ethernet1/${i + 1}`, `  description ${description(rng, i)}`, '  switchport', `  switchport access vlan ${100 + rng.int(200)}`, '  no shutdown', '');
    }
    return out;
  },
};

const MAKERS = ['Cisco', 'Juniper Networks', 'Arista', 'HPE Aruba', 'Dell EMC', 'Fortinet', 'Axis Communications', 'Ubiquiti', 'Palo Alto Networks', 'APC'];
const FLAGGED_MAKERS = ['Huawei', 'HUAWEI TECHNOLOGIES CO.,LTD', 'ZTE Corporation', 'Hikvision', 'Zhejiang Dahua Technology Co., Ltd.', '华为'];

function bom(rng, rows) {
  const out = ['Item;Manufacturer;Part Number;Description;Qty;Unit price'];
  for (let i = 1; i <= rows; i++) {
    const roll = rng.next();
    const maker = roll < 1 / 150 ? rng.pick(FLAGGED_MAKERS) : roll < 1 / 150 + 1 / 300 ? 'Aztech' : rng.pick(MAKERS);
    out.push(`${i};${maker};PN-${rng.int(1e6)}-${rng.int(100)};"${rng.pick(PLAIN)} module, ${rng.int(48)} ports";${1 + rng.int(20)};${rng.int(5000)},${rng.int(100)}`);
  }
  return out;
}

function generateCorpus() {
  // The stamp lives outside the corpus so that the scanned files are exactly the generated ones.
  mkdirSync(OUT, { recursive: true });
  const stamp = join(OUT, `corpus-${CORPUS.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
  const wanted = { version: GENERATOR_VERSION, megabytes: TARGET_MB };
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === JSON.stringify(wanted)) return;
  rmSync(CORPUS, { recursive: true, force: true });
  const rng = random(20261129);
  const target = TARGET_MB * 1024 * 1024;
  const names = Object.keys(DIALECTS);
  let total = 0;
  for (let n = 0; total < target; n++) {
    let lines;
    let path;
    if (n % 8 === 7) {
      lines = bom(rng, 200 + rng.int(3000));
      path = join(CORPUS, 'boms', `site-${String(n % 97).padStart(2, '0')}`, `quote-${n}.csv`);
    } else {
      const dialect = names[n % names.length];
      const host = `${dialect}-sw${n}`;
      lines = DIALECTS[dialect](rng, host, 100 + rng.int(1500));
      path = join(CORPUS, 'configs', dialect, `dc${n % 7}`, `${host}.cfg`);
    }
    const text = lines.join('\n') + '\n';
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    total += Buffer.byteLength(text);
  }
  writeFileSync(stamp, JSON.stringify(wanted));
}

function corpusStats(dir) {
  let files = 0;
  let bytes = 0;
  const visit = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (entry.isFile() && !entry.name.startsWith('.')) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  visit(dir);
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Runs a command; returns wall time, exit code and (for node) the peak RSS the probe reports. */
function measure(command, commandArgs, { probe = false, stdoutFile } = {}) {
  const probeFile = join(OUT, 'rusage.json');
  rmSync(probeFile, { force: true });
  const env = { ...process.env, NO_COLOR: '1' };
  if (probe) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${join(OUT, 'rss-probe.cjs')}`.trim();
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe';
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (stdoutFile) closeSync(out);
  if (result.error) throw result.error;
  const rusage = probe && existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, 'utf8')) : undefined;
  return {
    seconds,
    code: result.status,
    stdout: result.stdout ?? Buffer.alloc(0),
    stderr: result.stderr.toString(),
    peakRssMb: rusage ? rusage.maxRSS / 1024 : undefined,
    // CPU seconds of all threads: on a shared machine, wall time also counts other processes' turns.
    cpuSeconds: rusage ? (rusage.userCPUTime + rusage.systemCPUTime) / 1e6 : undefined,
  };
}

function flaggedWords() {
  const vendors = parse(readFileSync(join(ROOT, 'data', 'vendors.yaml'), 'utf8')).vendors;
  const words = vendors.filter((v) => v.status === 'flagged').flatMap((v) => v.names.map((n) => n.text));
  return [...new Set(words)];
}

async function analysisBench() {
  const outfile = join(OUT, 'bench-analysis.cjs');
  // mainFields as in scripts/build.mjs: jsonc-parser's UMD main does not bundle.
  await build({ entryPoints: [join(ROOT, 'scripts', 'bench-analysis.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], loader: knowledgeLoader, plugins: [parsedYamlPlugin], logLevel: 'warning' });
  const r = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`analysis benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const fmt = (n, digits = 1) => n.toFixed(digits);

/** The dense tree, made again only when its generator or size changed. */
function generateDense() {
  mkdirSync(OUT, { recursive: true });
  const stamp = join(OUT, `dense-${DENSE.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
  const wanted = { version: DENSE_GENERATOR_VERSION, megabytes: DENSE_MB };
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === JSON.stringify(wanted)) return;
  rmSync(DENSE, { recursive: true, force: true });
  generateDenseCorpus(DENSE, DENSE_MB);
  writeFileSync(stamp, JSON.stringify(wanted));
}

/** How often each needle occurs in a (large) file, read in chunks: a JSON report of a dense tree is gigabytes. */
function countInFile(path, needles) {
  const counts = needles.map(() => 0);
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  const keep = Math.max(...needles.map((n) => n.length)) - 1;
  let carry = '';
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      // latin1: one character per byte, so needles (ASCII) are found at any byte offset.
      const text = carry + buffer.toString('latin1', 0, n);
      needles.forEach((needle, i) => {
        for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) if (at + needle.length > carry.length) counts[i]++;
      });
      carry = text.slice(-keep);
    }
  } finally {
    closeSync(fd);
  }
  return counts;
}

/** Scans one tree with the CLI and with ripgrep, alternating, best of RUNS each. */
function measureTree(name, dir, words, cli) {
  const stats = corpusStats(dir);
  const report = join(OUT, `${name}-report.json`);
  const rgArgs = ['-j1', '-c', '-i', '-w', '--no-ignore', ...words.flatMap((w) => ['-e', w]), dir];
  const cliArgs = [cli, 'scan', '--format', 'json', '--fail-on', 'none', '--no-progress', dir];
  measure(RG, rgArgs); // warm the page cache so neither tool pays for the first read
  const runs = { cli: [], rg: [] };
  for (let i = 0; i < RUNS; i++) {
    // The report goes to a file, as a CI job writes it: not through this process's memory.
    runs.cli.push(measure(process.execPath, cliArgs, { probe: true, stdoutFile: report }));
    runs.rg.push(measure(RG, rgArgs));
  }
  const best = (list) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const scan = best(runs.cli);
  const rg = best(runs.rg);
  if (scan.code !== 0) throw new Error(`the scan of ${dir} failed (exit ${scan.code}): ${scan.stderr}`);
  const [findings, documents, problems] = countInFile(report, ['\n      "fingerprint": ', '\n      "dialect": ', '\n      "code": ']);
  rmSync(report, { force: true });
  const rgLines = rg.stdout.toString().trim().split('\n').filter(Boolean).reduce((n, line) => n + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
  return {
    corpus: { files: stats.files, megabytes: stats.bytes / 1048576, dir },
    cli: {
      seconds: runs.cli.map((r) => r.seconds),
      cpuSeconds: runs.cli.map((r) => r.cpuSeconds),
      bestSeconds: scan.seconds,
      peakRssMb: Math.max(...runs.cli.map((r) => r.peakRssMb ?? 0)),
      documents,
      findings,
      problems,
      findingsPerSecond: findings / scan.seconds,
      megabytesPerSecond: stats.bytes / 1048576 / scan.seconds,
    },
    ripgrep: { seconds: runs.rg.map((r) => r.seconds), bestSeconds: rg.seconds, matchingLines: rgLines, words: words.length, megabytesPerSecond: stats.bytes / 1048576 / rg.seconds },
    scanRatio: scan.seconds / rg.seconds,
  };
}

/** Issue 18's targets: the dense tree may cost more per byte than the sparse corpus, not more memory than 300 MB. */
const TARGETS = { corpus: { scanRatio: 4, peakRssMb: 200 }, dense: { scanRatio: 8, peakRssMb: 300 } };

async function main() {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli) || !existsSync(join(ROOT, 'dist', 'cli-worker.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  if (!existsSync(RG)) throw new Error(`ripgrep is not installed at ${RG}: install the Debian package \`ripgrep\` (apt-get install ripgrep) for the baseline`);
  mkdirSync(OUT, { recursive: true });
  // Reports the process's own peak RSS at exit: worker threads live in the same process, so this covers them.
  writeFileSync(join(OUT, 'rss-probe.cjs'), `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(join(OUT, 'rusage.json'))}, JSON.stringify(process.resourceUsage())));\n`);

  const generationStarted = performance.now();
  if (TREES.includes('corpus')) generateCorpus();
  if (TREES.includes('dense')) generateDense();
  console.log(`Trees ready in ${fmt((performance.now() - generationStarted) / 1000)} s`);

  const words = flaggedWords();
  const trees = {};
  for (const name of TREES) {
    const dir = { corpus: CORPUS, dense: DENSE }[name];
    if (!dir) throw new Error(`unknown tree '${name}': corpus or dense`);
    trees[name] = measureTree(name, dir, words, cli);
  }
  const analysis = await analysisBench();

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    trees,
    analysis,
    targets: { ...TARGETS, analysisMs: 30 },
  };
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  for (const [name, t] of Object.entries(trees)) {
    const target = TARGETS[name];
    console.log('');
    console.log(`${name}: ${t.corpus.files} files, ${fmt(t.corpus.megabytes)} MB in ${t.corpus.dir}`);
    console.log(`  CLI full scan    ${fmt(t.cli.bestSeconds, 2)} s (runs: ${t.cli.seconds.map((s, i) => `${fmt(s, 2)} s wall / ${fmt(t.cli.cpuSeconds[i] ?? 0, 2)} s CPU`).join(', ')}), ${t.cli.documents} files, ${t.cli.findings} findings`);
    console.log(`                   ${Math.round(t.cli.findingsPerSecond)} findings/s, ${fmt(t.cli.megabytesPerSecond)} MB/s`);
    console.log(`  rg -j1 -c -i -w  ${fmt(t.ripgrep.bestSeconds, 2)} s (runs: ${t.ripgrep.seconds.map((s) => fmt(s, 2)).join(', ')}), ${t.ripgrep.matchingLines} lines with one of ${t.ripgrep.words} flagged-vendor names, ${fmt(t.ripgrep.megabytesPerSecond)} MB/s`);
    console.log(`  scan / ripgrep   ${fmt(t.scanRatio, 2)}×   target ≤ ${target.scanRatio}×      ${verdict(t.scanRatio <= target.scanRatio)}`);
    console.log(`  peak RSS         ${fmt(t.cli.peakRssMb, 0)} MB   target ≤ ${target.peakRssMb} MB  ${verdict(t.cli.peakRssMb <= target.peakRssMb)}`);
  }
  console.log('');
  console.log(
    `100k-line config   ${fmt(analysis.analysisMs, 1)} ms median of ${analysis.runs} (CPU ${fmt(analysis.analysisCpuMs, 1)} ms; splitting into lines: ${fmt(analysis.splitMs, 2)} ms, ratio ${fmt(analysis.analysisMs / analysis.splitMs, 1)}×)   target ≤ 30 ms  ${verdict(analysis.analysisMs <= 30)}`,
  );
  console.log(`\nResults: ${join(OUT, 'results.json')}`);
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exitCode = 1;
});
