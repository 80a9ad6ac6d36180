// The generated reference pages in docs/reference/ match what scripts/generate-docs.ts writes from the parser's
// option table, package.json, the policy schema and data/: a committed page that differs is stale.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_COMMANDS, COMMON_OPTIONS, optionLabel, parseArgs, usage, UsageError } from '../../src/cli/args';
import { advisoriesReference, generatedPages, knowledgeBase } from '../../scripts/generate-docs';
import { ROOT } from './helpers';

describe('generated reference pages', () => {
  const pages = generatedPages();

  for (const [path, expected] of pages) {
    it(`${path} is up to date`, () => {
      let committed: string;
      try {
        committed = readFileSync(join(ROOT, path), 'utf8');
      } catch {
        assert.fail(`${path} is missing: run npm run docs`);
      }
      assert.ok(committed === expected, `${path} is stale: run npm run docs`);
    });
  }

  it('every page in docs/reference/ is one the generator writes', () => {
    const onDisk = readdirSync(join(ROOT, 'docs', 'reference')).map((name) => `docs/reference/${name}`);
    assert.deepEqual(onDisk.sort(), [...pages.keys()].sort());
  });

  it('documents each option the parser accepts, and the parser accepts each documented option', () => {
    const cli = pages.get('docs/reference/cli.md')!;
    for (const command of CLI_COMMANDS) {
      const help = usage(command.name);
      for (const option of [...command.options, ...COMMON_OPTIONS]) {
        assert.ok(cli.includes(optionLabel(option).replace(/\|/g, '\\|')), `${command.name} ${option.name} missing from cli.md`);
        assert.ok(help.includes(optionLabel(option)), `${command.name} ${option.name} missing from --help`);
      }
      for (const option of command.options) {
        const forms = [`--${option.name}`, ...(option.negatable ? [`--no-${option.name}`] : []), ...(option.short ? [`-${option.short}`] : [])];
        for (const form of forms) {
          const argv = [command.name, ...(option.type === 'string' ? [form, '1'] : [form]), 'operand'];
          try {
            parseArgs(argv);
          } catch (e) {
            assert.ok(e instanceof UsageError);
            assert.doesNotMatch(e.message, /unknown option/, `${argv.join(' ')}: ${e.message}`);
          }
        }
      }
    }
  });

  it('lists every setting and command the manifest contributes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const settings = pages.get('docs/reference/settings.md')!;
    for (const name of Object.keys(manifest.contributes.configuration.properties)) assert.ok(settings.includes(`| \`${name}\` |`), name);
    const commands = pages.get('docs/reference/commands.md')!;
    for (const command of manifest.contributes.commands) assert.ok(commands.includes(`| \`${command.command}\` |`), command.command);
    assert.doesNotMatch(settings + commands, /%[\w.-]+%/, 'every title and description is resolved from package.nls.json');
  });

  it('lists every key of the policy schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'schema', 'policy.schema.json'), 'utf8'));
    const policy = pages.get('docs/reference/policy.md')!;
    for (const key of Object.keys(schema.properties)) assert.ok(policy.includes(`| \`${key}\` |`), key);
    for (const key of Object.keys(schema.$defs.acceptance.properties)) assert.ok(policy.includes(`| \`${key}\` |`), `acceptance ${key}`);
  });

  it('gives each advisory its issuer, date, measure, profiles, link and review date', () => {
    const kb = knowledgeBase();
    const rows = advisoriesReference(kb).split('\n').filter((line) => line.startsWith('| `'));
    assert.equal(rows.length, kb.advisories.length);
    const nukib = rows.find((row) => row.startsWith('| `cz-nukib-2018-huawei-zte`'))!;
    const cells = nukib.split(' | ');
    assert.match(cells[1]!, /^NÚKIB/);
    assert.equal(cells[2], '2018-12-17');
    assert.equal(cells[3], 'warning');
    // cz puts its own warning in force; us-federal lists its instruments by id and leaves it out.
    assert.match(cells[5]!, /\bcz\b/);
    assert.doesNotMatch(cells[5]!, /us-federal/);
    assert.match(cells[6]!, /^\[source\]\(https:\/\/www\.govcert\.cz\//);
    assert.match(cells[7]!, /^\d{4}-\d{2}-\d{2} \|$/);
  });
});
