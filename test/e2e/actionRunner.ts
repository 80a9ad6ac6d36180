// A local stand-in for the GitHub Actions runner, enough to run this repository's composite action.yml:
// it fills in the inputs (with their defaults), evaluates the `${{ … }}` expressions the Action uses,
// runs each `run:` step with bash as the runner does (`bash --noprofile --norc -eo pipefail FILE`, in
// the step's working directory, with GITHUB_OUTPUT and the other runner files), stops at the first
// failing step, and reads the step and Action outputs back. An expression or step kind it does not know
// fails the test instead of being skipped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

interface ActionStep {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionManifest {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRun {
  id?: string;
  name?: string;
  status: number;
  stdout: string;
  stderr: string;
}

export interface ActionRun {
  steps: StepRun[];
  /** The Action's outputs, as a workflow reads them with steps.<id>.outputs. */
  outputs: Record<string, string>;
  /** What the steps appended to GITHUB_STEP_SUMMARY. */
  summary: string;
  runnerTemp: string;
}

export function readAction(path: string): ActionManifest {
  return parse(readFileSync(path, 'utf8')) as ActionManifest;
}

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: ${heredoc[1]} has no closing ${heredoc[2]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    } else if (line.trim() !== '') {
      throw new Error(`GITHUB_OUTPUT: cannot read the line ${JSON.stringify(line)}`);
    }
  }
  return outputs;
}

export interface RunOptions {
  actionPath: string;
  workspace: string;
  inputs: Record<string, string>;
  /** Extra environment for every step (the job's env). */
  env?: Record<string, string>;
}

export function runCompositeAction(manifest: ActionManifest, options: RunOptions): ActionRun {
  assert(manifest.runs.using === 'composite', `runs.using is ${manifest.runs.using}`);
  for (const name of Object.keys(options.inputs)) assert(name in manifest.inputs, `unexpected input '${name}'`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(manifest.inputs)) {
    const value = options.inputs[name] ?? input.default ?? '';
    assert(!input.required || value !== '', `input '${name}' is required`);
    inputs[name] = value;
  }
  const runnerTemp = mkdtempSync(join(options.workspace, '..', 'runner-temp-'));
  const summaryFile = join(runnerTemp, '_step_summary');
  writeFileSync(summaryFile, '');
  const stepOutputs: Record<string, Record<string, string>> = {};
  const stepIds = new Set(manifest.runs.steps.flatMap((step) => (step.id ? [step.id] : [])));
  const contexts: Record<string, (path: string[]) => string | undefined> = {
    inputs: ([name]) => (name !== undefined && name in inputs ? inputs[name] : undefined),
    github: ([name]) => ({ action_path: options.actionPath, workspace: options.workspace })[name ?? ''],
    runner: ([name]) => ({ temp: runnerTemp })[name ?? ''],
    // Outputs of a step of this Action; one not set, or of a step that did not run, reads as empty, as on the runner.
    steps: ([id, outputs, name]) => (id !== undefined && outputs === 'outputs' && name !== undefined && stepIds.has(id) ? (stepOutputs[id]?.[name] ?? '') : undefined),
  };
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (expression, reference: string) => {
      const [context, ...path] = reference.split('.');
      const value = contexts[context!]?.(path);
      if (value === undefined) throw new Error(`the runner shim cannot evaluate ${expression}`);
      return value;
    });
  const assertNoExpressionLeft = (text: string, where: string) => assert(!text.includes('${{'), `${where} holds an expression the shim did not evaluate: ${text}`);

  const steps: StepRun[] = [];
  for (const [index, step] of manifest.runs.steps.entries()) {
    assert(step.uses === undefined && step.if === undefined, `step ${index} needs the real runner (uses/if)`);
    assert(step.shell === 'bash' && typeof step.run === 'string', `step ${index} is a bash run step`);
    const stepDir = join(runnerTemp, `_step${index}`);
    mkdirSync(stepDir);
    const outputFile = join(stepDir, 'output');
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? runnerTemp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ENV: join(stepDir, 'env'),
      GITHUB_PATH: join(stepDir, 'path'),
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      ...options.env,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value));
    const script = evaluate(step.run!);
    assertNoExpressionLeft(script, `step ${index}'s script`);
    const scriptFile = join(stepDir, 'script.sh');
    writeFileSync(scriptFile, script);
    const cwd = resolve(options.workspace, evaluate(step['working-directory'] ?? '.'));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], { cwd, env, encoding: 'utf8' });
    const run: StepRun = { id: step.id, name: step.name, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    steps.push(run);
    if (step.id) stepOutputs[step.id] = parseOutputFile(readFileSync(outputFile, 'utf8'));
    // A failing step ends a composite action: the later steps do not run.
    if (run.status !== 0) break;
  }
  const outputs: Record<string, string> = {};
  for (const [name, output] of Object.entries(manifest.outputs)) outputs[name] = evaluate(output.value);
  return { steps, outputs, summary: readFileSync(summaryFile, 'utf8'), runnerTemp };
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`action runner shim: ${message}`);
}
