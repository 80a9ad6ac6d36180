// In-process analysis time of a 100k-line config, bundled and run by scripts/bench.mjs. Prints JSON:
// the median of several analyses and, as a baseline measured in the same process, the median time to
// split the same text into lines.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../src/core/languageService';
import { bundledKnowledge } from '../src/shared/bundledKnowledge';

const LINES = 100_000;
const RUNS = 15;

/** An IOS-style config of exactly LINES lines: interfaces with descriptions, one in 500 naming a flagged vendor. */
function config(): string {
  const lines: string[] = ['!', 'version 15.2', 'hostname bench-core-1', '!'];
  for (let i = 0; lines.length < LINES; i++) {
    lines.push(
      `interface GigabitEthernet${1 + (i % 4)}/0/${i % 48}`,
      i % 500 === 0 ? ` description uplink to HUAWEI NE40E-X8 port ${i}` : ` description access port ${i} rack ${i % 40}`,
      ` switchport access vlan ${100 + (i % 200)}`,
      ' switchport mode access',
      ' spanning-tree portfast',
      '!',
    );
  }
  return lines.slice(0, LINES).join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const text = config();
const service = getLanguageService({ knowledge: bundledKnowledge() });
const analysis: number[] = [];
// CPU time too: on a shared machine wall time also counts the other processes' turns.
const analysisCpu: number[] = [];
let findings = 0;
for (let run = 0; run < RUNS; run++) {
  const uri = `file:///bench/run-${run}.cfg`;
  const document = TextDocument.create(uri, '', 1, text);
  const cpu = process.cpuUsage();
  const started = performance.now();
  findings = service.analyze(document).findings.length;
  analysis.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  analysisCpu.push((used.user + used.system) / 1000);
  service.forget(uri);
}
const split: number[] = [];
let lineCount = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  lineCount = text.split('\n').length;
  split.push(performance.now() - started);
}
process.stdout.write(
  JSON.stringify({ lines: lineCount, bytes: text.length, findings, runs: RUNS, analysisMs: median(analysis), analysisCpuMs: median(analysisCpu), splitMs: median(split), allAnalysisMs: analysis }) + '\n',
);
