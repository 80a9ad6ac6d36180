// Runs the built `vendorlens eval --products` over the sourced sample product list and over a planted lookalike.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vendorlens eval --products', () => {
  it('scores the sample list per row kind and maker, and passes', () => {
    const { code, stdout, stderr } = run(['eval', '--products', 'test/fixtures/products/catalogue-sample.tsv']);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /17 products of flagged makers, 10 lookalikes/);
    assert.match(stdout, /^ {2}model only +17 \/ 17 +100\.0 %/m);
    assert.match(stdout, /^ {2}reseller named +17 \/ 17 +100\.0 %/m);
    assert.match(stdout, /^ {2}OEM relabel +2 \/ 2 +100\.0 %/m);
    assert.match(stdout, /^Lookalikes flagged \(must be none\): 0$/m);
    assert.match(stdout, /^ {2}dahua +5\/5 +5\/5 +5\/5 +2\/2$/m);
  });

  it('exits 1 and lists the row when a lookalike is flagged; JSON for tooling', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-products-'));
    const file = join(dir, 'planted.tsv');
    writeFileSync(file, 'model\ttrue_maker\tkind\nDS-7608NI-K2\tnone\tlookalike\nS5735-L24T4S-A\thuawei\tproduct\n');
    const text = run(['eval', '--products', file]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /line 2: DS-7608NI-K2 \(model only, maker ""\) flagged as hikvision/);
    const json = run(['eval', '--format', 'json', '--products', file]);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.passed, false);
    assert.equal(parsed.products[0].byKind['model only'].found, 1);
  });

  it('a missing file or a list without the needed columns is a usage error', () => {
    assert.equal(run(['eval', '--products', 'no/such.tsv']).code, 2);
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-products-'));
    writeFileSync(join(dir, 'bad.tsv'), 'name\tmaker\nx\ty\n');
    const bad = run(['eval', '--products', join(dir, 'bad.tsv')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /model.*true_maker/);
  });
});
