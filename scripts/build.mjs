// Bundles the CLI, the extension client (desktop and web) and the language server (Node and web worker)
// with esbuild. data/*.yaml is inlined (as text and parsed) so every bundle carries the knowledge base.
import { build } from 'esbuild';
import { knowledgeLoader, parsedYamlPlugin } from './lib/esbuild-knowledge.mjs';
import { checkedPatterns } from './lib/checked-patterns.mjs';
import { dialectLiterals } from './lib/dialect-literals.mjs';
import { readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

// Start clean, so no stale bundle or source map from another mode is shipped.
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  loader: knowledgeLoader,
  plugins: [parsedYamlPlugin],
  define: {
    VENDORLENS_VERSION: JSON.stringify(pkg.version),
    VENDORLENS_DIALECT_LITERALS: JSON.stringify(JSON.stringify(await dialectLiterals())),
    VENDORLENS_CHECKED_PATTERNS: JSON.stringify(JSON.stringify(await checkedPatterns())),
  },
  logLevel: 'warning',
};
// jsonc-parser's "main" is a UMD build whose internal requires esbuild cannot follow; its ESM build bundles cleanly.
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'] };
// The web build must not pull in Node built-ins: esbuild fails the build if anything does.
const browser = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };

await Promise.all([
  build({ ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The CLI's worker threads load this file next to dist/cli.js.
  build({ ...node, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js' }),
  build({ ...node, entryPoints: ['src/client/node/main.ts'], outfile: 'dist/client/node.js', external: ['vscode'] }),
  build({ ...node, entryPoints: ['src/server/node/main.ts'], outfile: 'dist/server/node.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...browser, entryPoints: ['src/client/browser/main.ts'], outfile: 'dist/client/browser.js', format: 'cjs', external: ['vscode'] }),
  build({ ...browser, entryPoints: ['src/server/browser/main.ts'], outfile: 'dist/server/browser.js', format: 'iife' }),
]);
