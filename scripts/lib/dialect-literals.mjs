// The literals each dialect fingerprint regex needs (regex/requiredLiteral.ts), worked out at build time
// and inlined into the bundles as a JSON string (parsed on first use): reading 600 regexes' syntax took a tenth of every CLI start and language
// server start, in each worker thread again. Keyed by `flags/source`; a regex not in the table (a bundle
// built without it, the tests running the sources) is read at run time as before.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowledgeLoader, parsedYamlPlugin } from './esbuild-knowledge.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function dialectLiterals() {
  const entry = `
    import { DIALECTS } from './src/core/formats/dialects/detect';
    import { requiredLiterals } from './src/core/regex/requiredLiteral';
    const table = {};
    for (const dialect of DIALECTS) for (const f of dialect.fingerprints) for (const regex of f.gate ? [f.regex, f.gate] : [f.regex]) table[regex.flags + '/' + regex.source] = requiredLiterals(regex) ?? null;
    module.exports = table;`;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    loader: knowledgeLoader,
    plugins: [parsedYamlPlugin],
    define: { VENDORLENS_DIALECT_LITERALS: 'undefined' },
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(join(ROOT, 'package.json')));
  return module.exports;
}
