// The contributed languages and TextMate grammars: files present and consistent with the manifest, regexes
// that compile in Oniguruma (VS Code's engine), first-line patterns that claim only their own dialect, and
// real tokenizing with vscode-textmate as the editor does it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { ROOT } from './helpers';

interface Language {
  id: string;
  extensions?: string[];
  firstLine?: string;
  configuration?: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const languages: Language[] = manifest.contributes.languages;
const grammars: { language: string; scopeName: string; path: string }[] = manifest.contributes.grammars;
const DIALECT_LANGUAGES = ['huawei-vrp', 'h3c-comware', 'zte-zxros'];

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** Every `match`/`begin`/`end` regex of a grammar, and every `include`. */
function walkGrammar(node: unknown, regexes: string[], includes: string[]): void {
  if (Array.isArray(node)) node.forEach((n) => walkGrammar(n, regexes, includes));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') regexes.push(value);
      else if (key === 'include' && typeof value === 'string') includes.push(value);
      else walkGrammar(value, regexes, includes);
    }
  }
}

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  onigReady ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return onigReady;
}

const registry = new Registry({
  onigLib: loadOniguruma().then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  })),
  loadGrammar: async (scopeName) => {
    const grammar = grammars.find((g) => g.scopeName === scopeName);
    if (!grammar) return null;
    return parseRawGrammar(readFileSync(join(ROOT, grammar.path), 'utf8'), join(ROOT, grammar.path));
  },
});

/** Tokenizes `text` line by line; returns a lookup of the scopes at the first occurrence of a needle. */
async function tokenize(scopeName: string, text: string) {
  const grammar = (await registry.loadGrammar(scopeName)) as IGrammar;
  assert.ok(grammar, scopeName);
  const lines = text.split('\n');
  const tokens: { line: number; start: number; end: number; scopes: string[] }[] = [];
  let stack = INITIAL;
  lines.forEach((line, i) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) tokens.push({ line: i, start: t.startIndex, end: t.endIndex, scopes: t.scopes });
    stack = result.ruleStack;
  });
  return (needle: string): string => {
    const line = lines.findIndex((l) => l.includes(needle));
    assert.ok(line >= 0, `${needle} in the sample`);
    const at = lines[line]!.indexOf(needle);
    const token = tokens.find((t) => t.line === line && t.start <= at && at < t.end)!;
    assert.equal(lines[line]!.slice(token.start, token.end), needle, `"${needle}" is one token`);
    return token.scopes.slice(1).join(' ') || '(none)';
  };
}

describe('contributed languages and grammars', () => {
  it('every grammar file exists, parses as JSON, and carries the scopeName the manifest gives it', () => {
    assert.deepEqual(grammars.map((g) => g.language).sort(), ['h3c-comware', 'huawei-vrp', 'network-config', 'zte-zxros']);
    for (const g of grammars) {
      assert.ok(existsSync(join(ROOT, g.path)), g.path);
      const grammar = readJson(g.path);
      assert.equal(grammar.scopeName, g.scopeName, g.path);
      assert.equal(g.scopeName, `source.${g.language}`);
      assert.ok(languages.some((l) => l.id === g.language), `${g.language} is a contributed language`);
    }
  });

  it('each language has a comment configuration in its dialect syntax', () => {
    const expected: Record<string, string> = { 'network-config': '!', 'huawei-vrp': '#', 'h3c-comware': '#', 'zte-zxros': '!' };
    for (const language of languages) {
      assert.ok(language.configuration && existsSync(join(ROOT, language.configuration)), `${language.id} configuration`);
      const config = readJson(language.configuration) as { comments: { lineComment: string } };
      assert.equal(config.comments.lineComment, expected[language.id], language.id);
    }
  });

  it('every include resolves, and every regex compiles in Oniguruma', async () => {
    await loadOniguruma();
    for (const g of grammars) {
      const grammar = readJson(g.path) as { repository?: Record<string, unknown> };
      const regexes: string[] = [];
      const includes: string[] = [];
      walkGrammar(grammar, regexes, includes);
      assert.ok(regexes.length > 0, g.path);
      for (const regex of regexes) assert.doesNotThrow(() => new oniguruma.OnigScanner([regex]).dispose(), `${g.path}: ${regex}`);
      for (const include of includes) {
        const [scope, name] = include.startsWith('#') ? [g.scopeName, include.slice(1)] : include.split('#');
        const target = grammars.find((x) => x.scopeName === scope);
        assert.ok(target, `${g.path}: ${include} names a contributed grammar`);
        const repository = (readJson(target.path) as { repository?: Record<string, unknown> }).repository ?? {};
        assert.ok(name === undefined || repository[name], `${g.path}: ${include} exists`);
      }
    }
  });

  it('claims its own extensions and never .conf, .cfg, .txt or .log on their own', () => {
    const byExtension = new Map<string, string>();
    for (const language of languages) {
      for (const extension of language.extensions ?? []) {
        assert.ok(!['.conf', '.cfg', '.txt', '.log', '.config'].includes(extension), `${language.id} claims ${extension}`);
        assert.ok(!byExtension.has(extension), `${extension} claimed twice`);
        byExtension.set(extension, language.id);
      }
    }
    assert.equal(byExtension.get('.vrp'), 'huawei-vrp');
    assert.equal(byExtension.get('.comware'), 'h3c-comware');
    assert.equal(byExtension.get('.zxros'), 'zte-zxros');
  });

  it('first-line patterns recognise their dialect and leave shared or generic first lines alone', () => {
    const firstLine = new Map(languages.map((l) => [l.id, new RegExp(l.firstLine!)]));
    const samples: Record<string, string[]> = {
      'huawei-vrp': ['!Software Version V200R021C10SPC600', 'Huawei Versatile Routing Platform Software', '!Last configuration was updated at 2026-10-14 09:12:44+01:00', "CE12808's Device status:", 'GigabitEthernet0/0/1 current state : UP'],
      'h3c-comware': [' version 7.1.070, Release 6328', '# HPE Comware Software, Version 7.1.070, Release 3507P18', 'H3C Comware Platform Software', 'LLDP neighbor-information of port 1[GigabitEthernet1/0/1]:'],
      'zte-zxros': ['!<if-intf>', 'ZXR10#show running-config', 'ZXR10(config)#', 'ZXCTN 6120H-S', 'xxvgei-1/1/0/24 is up, ifindex: 8225'],
      'network-config': ['Building configuration...', 'Current configuration : 1024 bytes', '#config-version=FGT60F-7.2.5'],
    };
    for (const [id, lines] of Object.entries(samples)) {
      for (const line of lines) {
        const claimed = [...firstLine].filter(([, regex]) => regex.test(line)).map(([language]) => language);
        assert.deepEqual(claimed, [id], line);
      }
    }
    // Shared by VRP and Comware (or by any text): no dialect language may claim them.
    for (const line of ['#', 'sysname agg-sw1', 'return', '!', 'hostname r1', 'interface GigabitEthernet0/0/1', 'Interface  Status  Protocol']) {
      for (const id of DIALECT_LANGUAGES) assert.ok(!firstLine.get(id)!.test(line), `${id} claims "${line}"`);
    }
  });

  it('the client serves every contributed language, and each activates the extension', () => {
    const client = readFileSync(join(ROOT, 'src/client/extension.ts'), 'utf8');
    const selector = client.slice(client.indexOf('export const DOCUMENT_SELECTOR'), client.indexOf('];', client.indexOf('export const DOCUMENT_SELECTOR')));
    for (const language of languages) {
      assert.match(selector, new RegExp(`\\{ language: '${language.id}' \\}`), `DOCUMENT_SELECTOR has ${language.id}`);
      // VS Code ≥ 1.74 activates on a contributed language by itself (manifest.test.ts checks the rest).
      assert.ok(!manifest.activationEvents.includes(`onLanguage:${language.id}`), `onLanguage:${language.id} is implied, not listed`);
    }
  });
});

describe('grammar tokens', () => {
  it('Huawei VRP: header, separators, views, undo, interfaces, ciphers, addresses, review notes', async () => {
    const scope = await tokenize(
      'source.huawei-vrp',
      [
        '!Software Version V200R021C10SPC600',
        '#',
        'sysname agg-sw1',
        'vlan batch 10 20',
        'interface Eth-Trunk1',
        ' description to core 10GE1/0/1',
        ' undo shutdown',
        ' # vendorlens-accept: huawei | reason: lab | expires: 2027-01-01',
        'interface 10GE1/0/2',
        ' ip address 10.10.0.2 255.255.255.0',
        'arp static 10.10.0.9 00e0-fc12-3456',
        'local-user admin password irreversible-cipher $1c$abc$',
        '<agg-sw1>display version',
        'return',
      ].join('\n'),
    );
    assert.equal(scope('!Software Version V200R021C10SPC600'), 'comment.line.exclamation.huawei-vrp');
    assert.equal(scope('#'), 'comment.line.number-sign.huawei-vrp');
    assert.equal(scope('agg-sw1'), 'entity.name.tag.hostname.huawei-vrp');
    assert.equal(scope('vlan batch'), 'keyword.other.section.huawei-vrp');
    assert.equal(scope('Eth-Trunk1'), 'entity.name.tag.interface.huawei-vrp');
    assert.equal(scope('to core 10GE1/0/1'), 'string.unquoted.description.huawei-vrp');
    assert.equal(scope('undo'), 'keyword.operator.negation.huawei-vrp');
    assert.equal(scope('vendorlens-accept'), 'comment.line.review-note.vendorlens keyword.control.review-note.vendorlens');
    assert.equal(scope('10GE1/0/2'), 'entity.name.tag.interface.huawei-vrp');
    assert.equal(scope('10.10.0.2'), 'constant.numeric.ipv4.network-config');
    assert.equal(scope('00e0-fc12-3456'), 'constant.numeric.mac-address.network-config');
    assert.equal(scope('$1c$abc$'), 'string.other.secret.huawei-vrp');
    assert.equal(scope('display version'), 'meta.prompt.huawei-vrp string.unquoted.command.huawei-vrp');
    assert.equal(scope('return'), 'keyword.control.return.huawei-vrp');
  });

  it('H3C Comware: version header, Comware interface names, IRF, hashed passwords', async () => {
    const scope = await tokenize(
      'source.h3c-comware',
      [
        '#',
        ' version 7.1.070, Release 6328',
        '#',
        ' irf mac-address persistent timer',
        'interface Bridge-Aggregation1',
        ' port trunk permit vlan 30',
        'interface Ten-GigabitEthernet1/0/49',
        'interface Vlan-interface30',
        ' ip address 10.30.0.3 255.255.255.0',
        'local-user admin class manage',
        ' password hash $h$6$abc==',
        'return',
      ].join('\n'),
    );
    assert.equal(scope('version'), 'keyword.other.version.h3c-comware');
    assert.equal(scope('7.1.070'), 'constant.numeric.version.h3c-comware');
    assert.equal(scope('Release 6328'), 'constant.other.release.h3c-comware');
    assert.equal(scope('irf'), 'keyword.other.section.h3c-comware');
    assert.equal(scope('Bridge-Aggregation1'), 'entity.name.tag.interface.h3c-comware');
    assert.equal(scope('Ten-GigabitEthernet1/0/49'), 'entity.name.tag.interface.h3c-comware');
    assert.equal(scope('Vlan-interface30'), 'entity.name.tag.interface.h3c-comware');
    assert.equal(scope('$h$6$abc=='), 'string.other.secret.h3c-comware');
    assert.equal(scope('return'), 'keyword.control.return.h3c-comware');
  });

  it('ZTE ZXROS: section markers, block ends, prompts, ZTE interface names, comments', async () => {
    const scope = await tokenize(
      'source.zte-zxros',
      [
        'ZXR10#show running-config',
        '!<if-intf>',
        'interface xgei-0/2/0/3',
        '  description customer LAN',
        '  no shutdown',
        '$',
        'interface smartgroup1',
        '$',
        '!</if-intf>',
        '! vendorlens-accept: zte | reason: lab | expires: 2027-01-01',
        '!Management access',
        'snmp-server community public view AllView ro',
      ].join('\n'),
    );
    assert.equal(scope('ZXR10'), 'meta.prompt.zte-zxros entity.name.tag.hostname.zte-zxros');
    assert.equal(scope('show running-config'), 'meta.prompt.zte-zxros string.unquoted.command.zte-zxros');
    assert.equal(scope('if-intf'), 'meta.section-marker.zte-zxros entity.name.section.zte-zxros');
    assert.equal(scope('xgei-0/2/0/3'), 'entity.name.tag.interface.zte-zxros');
    assert.equal(scope('customer LAN'), 'string.unquoted.description.zte-zxros');
    assert.equal(scope('no'), 'keyword.operator.negation.zte-zxros');
    assert.equal(scope('$'), 'punctuation.section.block.end.zte-zxros');
    assert.equal(scope('smartgroup1'), 'entity.name.tag.interface.zte-zxros');
    assert.equal(scope('vendorlens-accept'), 'comment.line.review-note.vendorlens keyword.control.review-note.vendorlens');
    assert.equal(scope('!Management access'), 'comment.line.exclamation.zte-zxros');
    assert.equal(scope('public'), 'string.other.secret.network-config');
  });
});
