// The localisable messages of the extension, collected from the source: every call of `t('…')` (the core
// and the server, through @vscode/l10n) and `vscode.l10n.t('…')` (the client). The English text is the key.
//   npx tsx scripts/l10n.ts          rewrites l10n/bundle.l10n.json (the English bundle translators start from)
//   npx tsx scripts/l10n.ts --check  exits 1 when it is stale or a translation lacks a key
// test/unit/l10n.test.ts runs the same checks.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where localised code lives; the CLI prints English only and is left out. */
const SOURCE_DIRS = ['src/core', 'src/server', 'src/client', 'src/shared'];
export const BUNDLE_DIR = join(ROOT, 'l10n');
export const ENGLISH_BUNDLE = join(BUNDLE_DIR, 'bundle.l10n.json');

export interface Collected {
  messages: Set<string>;
  /** Calls whose first argument is not a string literal: their key cannot be known before run time. */
  problems: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `t(…)` or `….l10n.t(…)`. */
function isTranslationCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n';
}

export function collectMessages(root = ROOT): Collected {
  const messages = new Set<string>();
  const problems: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isTranslationCall(node)) {
        const [first] = node.arguments;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.add(first.text);
        else {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          problems.push(`${relative(root, file)}:${line + 1}: the first argument of t() must be a string literal`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, problems };
}

export function readBundle(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** Placeholders such as {0}, sorted: a translation must keep every one. */
export function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

function englishBundle(messages: Set<string>): string {
  const sorted = [...messages].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(sorted.map((m) => [m, m])), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { messages, problems } = collectMessages();
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const wanted = englishBundle(messages);
  if (process.argv.includes('--check')) {
    const current = readFileSync(ENGLISH_BUNDLE, 'utf8');
    if (current !== wanted) {
      console.error('l10n/bundle.l10n.json is stale: run npx tsx scripts/l10n.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(ENGLISH_BUNDLE, wanted);
    console.log(`l10n/bundle.l10n.json: ${messages.size} messages`);
  }
}
