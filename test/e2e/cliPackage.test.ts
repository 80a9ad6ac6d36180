// The npm package as users get it: `npm pack` ships only what runs, and the packed CLI installs and scans
// with no build step, no node_modules of the project and no network (the bundles carry their dependencies).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../unit/helpers';

function npm(args: string[], cwd: string) {
  // The packed bundles are the ones the suite built (dist/); the package's prepack builds them afresh.
  const result = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, `npm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('npm package', function () {
  this.timeout(120_000);

  it('packs the CLI and language server bundles, the schemas and the documents, and nothing else', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json'], ROOT));
    const files = (packed.files as { path: string }[]).map((f) => f.path).sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'data/schema/advisories.schema.json',
      'data/schema/catalogue.schema.json',
      'data/schema/dialect-family.schema.json',
      'data/schema/dialect.schema.json',
      'data/schema/policy.schema.json',
      'data/schema/profiles.schema.json',
      'data/schema/vendors.schema.json',
      'dist/cli-worker.js',
      'dist/cli.js',
      'dist/server/node.js',
      'package.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // Everything the bundles use is inside them: installing the package fetches nothing.
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies to install');
    for (const bin of Object.values(manifest.bin as Record<string, string>)) assert.ok(files.includes(bin), `${bin} is packed`);
  });

  it('installs from the tarball offline and scans examples/ from another folder, with npx too', () => {
    const work = mkdtempSync(join(tmpdir(), 'vendorlens-pack-'));
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT));
    const tarball = join(work, packed.filename);
    npm(['install', '--global', '--offline', '--prefix', join(work, 'prefix'), tarball], work);
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const examples = join(ROOT, 'examples');

    const scan = spawnSync(join(work, 'prefix', 'bin', 'vendorlens'), ['scan', '--format', 'json', examples], { cwd: elsewhere, encoding: 'utf8' });
    assert.equal(scan.status, 1, scan.stderr);
    const report = JSON.parse(scan.stdout);
    assert.ok(report.documents.length >= 5, 'examples/ scanned');
    assert.ok(report.findings.some((f: { vendor: string }) => f.vendor === 'huawei'));

    const version = spawnSync(join(work, 'prefix', 'bin', 'vendorlens'), ['-V'], { cwd: elsewhere, encoding: 'utf8' });
    assert.match(version.stdout, /^\d+\.\d+\.\d+\nknowledge base \d{4}\.\d{2}\.\d+ reviewed on \d{4}-\d{2}-\d{2}/);
    const lsp = spawnSync(join(work, 'prefix', 'bin', 'vendorlens-lsp'), ['--version'], { cwd: elsewhere, encoding: 'utf8' });
    assert.equal(lsp.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

    const npx = spawnSync('npx', ['--yes', '--offline', '--cache', join(work, 'npm-cache'), '--package', tarball, 'vendorlens', 'scan', '--format', 'sarif', examples], { cwd: elsewhere, encoding: 'utf8' });
    assert.equal(npx.status, 1, npx.stderr);
    assert.equal(JSON.parse(npx.stdout).version, '2.1.0');
  });
});
