// Runs a snippet of the project's TypeScript at build time and returns what it exports: the snippet is
// bundled with the knowledge base's loaders (as the CLI is) and evaluated in this process. For values the
// build inlines into the bundles, worked out once instead of at every start.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowledgeLoader, parsedYamlPlugin } from './esbuild-knowledge.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `source`: TypeScript resolved from the repository's root, assigning its result to `module.exports`. */
export async function buildTimeValue(source, define = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    loader: knowledgeLoader,
    plugins: [parsedYamlPlugin],
    define,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(join(ROOT, 'package.json')));
  return module.exports;
}
