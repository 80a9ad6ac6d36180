// The extension manifest as VS Code and the marketplace read it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledge, ROOT } from './helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));

function nlsKeys(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/^%([^%]+)%$/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(nlsKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(nlsKeys);
  return [];
}

describe('extension manifest', () => {
  it('runs on the offline test host and activates on what it handles, never on *', () => {
    const [major, minor] = /\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode)!.slice(1).map(Number);
    assert.ok(major === 1 && minor! <= 100, `engines.vscode ${manifest.engines.vscode} must be ≤ 1.100`);
    assert.ok(manifest.activationEvents.length > 0);
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.main && manifest.browser, 'desktop and web entry points');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.description, 'says what Restricted Mode limits');
  });

  it('lists no activation event VS Code derives from the contributions, and each one the client needs', () => {
    // Since VS Code 1.74 the contributions activate the extension themselves: each extension point's
    // activationEventsGenerator adds these (languages, commands, views, custom editors, task types, walkthroughs).
    const [major, minor] = /\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode)!.slice(1).map(Number);
    assert.ok(major! > 1 || minor! >= 74, 'engines.vscode ≥ 1.74 generates them');
    const { languages, commands, views, customEditors, taskDefinitions, walkthroughs } = manifest.contributes;
    const implied = new Set<string>([
      ...languages.map((l: { id: string }) => `onLanguage:${l.id}`),
      ...commands.map((c: { command: string }) => `onCommand:${c.command}`),
      ...Object.values<{ id: string }[]>(views).flat().map((v) => `onView:${v.id}`),
      ...customEditors.map((e: { viewType: string }) => `onCustomEditor:${e.viewType}`),
      ...taskDefinitions.map((t: { type: string }) => `onTaskType:${t.type}`),
      ...walkthroughs.map((w: { id: string }) => `onWalkthrough:${w.id}`),
    ]);
    const events: string[] = manifest.activationEvents;
    assert.deepEqual(events.filter((e) => implied.has(e)), [], 'implied by a contribution');
    assert.equal(new Set(events).size, events.length, 'no duplicates');
    // The client serves these languages (DOCUMENT_SELECTOR): the ones other extensions contribute need an event.
    const client = readFileSync(join(ROOT, 'src/client/extension.ts'), 'utf8');
    const selector = client.slice(client.indexOf('export const DOCUMENT_SELECTOR'), client.indexOf('];', client.indexOf('export const DOCUMENT_SELECTOR')));
    const served = [...selector.matchAll(/language: '([\w-]+)'/g)].map((m) => m[1]!);
    const others = served.filter((id) => !implied.has(`onLanguage:${id}`));
    assert.deepEqual(events.filter((e) => e.startsWith('onLanguage:')).sort(), others.map((id) => `onLanguage:${id}`).sort(), 'an event for each served language no contribution covers, and no other');
    // Files known by name only (an SPDX tag-value file, the policy file) activate through workspaceContains.
    assert.ok(events.includes('workspaceContains:.vendorlens.yaml'));
    assert.ok(events.some((e) => e.startsWith('workspaceContains:') && e.includes('spdx')));
  });

  it('is found under the categories users search, and builds its bundles before vsce packs them', () => {
    assert.deepEqual(manifest.categories.slice(0, 2), ['Linters', 'Programming Languages']);
    assert.match(manifest.scripts['vscode:prepublish'], /scripts\/build\.mjs --production/);
    assert.doesNotMatch(manifest.scripts.package, /build\.mjs/, 'vsce runs vscode:prepublish itself');
    assert.match(manifest.bugs.url, /^https:\/\/github\.com\/.+\/issues$/);
    assert.match(manifest.homepage, /^https:\/\//);
    // The task type runs the bundled CLI: the VSIX carries it and its worker.
    const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const bundle of ['dist/cli.js', 'dist/cli-worker.js']) assert.match(shipped, new RegExp(`^!${bundle.replace('.', '\\.')}$`, 'm'));
  });

  it('depends on the current language client and server majors, and on a yaml without the known advisory', () => {
    const declared = (name: string) => /^\^(\d+)\.(\d+)\.(\d+)$/.exec(manifest.devDependencies[name])!.slice(1).map(Number);
    const installed = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    for (const name of ['vscode-languageclient', 'vscode-languageserver']) {
      assert.ok(declared(name)[0]! >= 11, `${name} ${manifest.devDependencies[name]}`);
      assert.equal(Number(installed(name).version.split('.')[0]), declared(name)[0], `${name} installed on the declared major`);
    }
    // The client checks engines.vscode against its own requirement when it starts.
    const [, needMinor] = /\^1\.(\d+)\./.exec(installed('vscode-languageclient').engines.vscode)!.map(Number);
    const [, ownMinor] = /\^1\.(\d+)\./.exec(manifest.engines.vscode)!.map(Number);
    assert.ok(ownMinor! >= needMinor!, `engines.vscode ${manifest.engines.vscode} covers the client's ${installed('vscode-languageclient').engines.vscode}`);
    // GHSA-f9xv-q969-pqx4 (CVE-2023-2251): yaml >=2.0.0-5 <2.2.2 throws from parseDocument.
    const [major, minor, patch] = declared('yaml');
    assert.ok(major! > 2 || (major === 2 && (minor! > 2 || (minor === 2 && patch! >= 2))), `yaml ${manifest.devDependencies.yaml}`);
  });

  it('gives every command a category and every setting a description and a scope', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'VendorLens', command.command);
    for (const [key, setting] of Object.entries<Record<string, unknown>>(manifest.contributes.configuration.properties)) {
      assert.ok(key.startsWith('vendorlens.'), key);
      assert.ok(setting.markdownDescription || setting.description, `${key} has a description`);
      assert.ok(setting.scope, `${key} has a scope`);
    }
  });

  it('keeps the workspace from setting anything that lowers or removes findings in Restricted Mode (probe M2)', () => {
    // Each setting, by what a workspace could do with it: hide findings (restricted), or only change when,
    // how verbosely or by whom findings are shown (harmless).
    const lowersOrRemoves = {
      'vendorlens.enable': 'false turns the analysis off',
      'vendorlens.profile': 'a milder profile (info) lowers every severity',
      'vendorlens.maxFindingsPerFile': 'a cap of 1 drops the rest of a file',
      'vendorlens.maxFileSizeMB': 'a tiny limit skips every file',
      'vendorlens.review.maxFileSizeKb': 'a tiny limit skips every file of a workspace review',
      'vendorlens.review.maxProblems': 'a tiny limit keeps a workspace review out of the Problems panel',
    };
    const harmless = ['vendorlens.review.author', 'vendorlens.detectLanguageFromContent', 'vendorlens.reviewer', 'vendorlens.noteExpiryDays', 'vendorlens.run', 'vendorlens.timeBudget.warnMs', 'vendorlens.trace.server'];
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual([...settings].sort(), [...Object.keys(lowersOrRemoves), ...harmless].sort(), 'every setting is classified: a new one must be added to one list');
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), Object.keys(lowersOrRemoves).sort());
  });

  it('declares no online service: VendorLens never uses the network', () => {
    assert.ok(!JSON.stringify(manifest).includes('usesOnlineServices'), 'no usesOnlineServices tag or keyword');
  });

  it('resolves every %placeholder% from package.nls.json', () => {
    const keys = nlsKeys(manifest);
    assert.ok(keys.length > 5);
    for (const key of keys) assert.ok(nls[key], `package.nls.json has ${key}`);
  });

  it('offers exactly the knowledge base profiles in the profile setting', () => {
    const setting = manifest.contributes.configuration.properties['vendorlens.profile'];
    assert.deepEqual(setting.enum, ['', ...knowledge().profiles.map((p) => p.id)], 'empty means: from the policy file');
    assert.equal(setting.default, '');
  });

  it('contributes the VendorLens view, its title-bar commands and a walkthrough whose media ship in the VSIX', () => {
    const { views, viewsContainers, walkthroughs, menus, commands } = manifest.contributes;
    const [container] = viewsContainers.activitybar;
    assert.ok(existsSync(join(ROOT, container.icon)), container.icon);
    assert.deepEqual(views[container.id].map((v: { id: string }) => v.id), ['vendorlens.findings']);
    const known = new Set(commands.map((c: { command: string }) => c.command));
    for (const item of menus['view/title']) assert.ok(known.has(item.command), item.command);
    for (const command of ['vendorlens.reviewWorkspace', 'vendorlens.exportReport']) {
      assert.ok(menus['view/title'].some((item: { command: string }) => item.command === command), `${command} in the view's title bar`);
    }
    const [walkthrough] = walkthroughs;
    assert.ok(walkthrough.steps.length >= 4);
    for (const step of walkthrough.steps) assert.ok(existsSync(join(ROOT, step.media.image)), step.media.image);
    const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const folder of ['media', 'examples', 'l10n']) assert.match(shipped, new RegExp(`^!${folder}/\\*\\*$`, 'm'));
    for (const setting of ['vendorlens.run', 'vendorlens.timeBudget.warnMs', 'vendorlens.review.maxFileSizeKb']) {
      assert.ok(manifest.contributes.configuration.properties[setting], setting);
    }
  });
});
