// esbuild options for the knowledge base in data/*.yaml, shared by the build and the benchmark:
// `import text from 'x.yaml'` inlines the text (what problems are located in), and
// `import value from 'x.yaml?value'` the same document already parsed, as JSON, so that no bundle
// parses YAML at start-up (about 70 ms of every CLI run and language-server start).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export const knowledgeLoader = { '.yaml': 'text' };

export const parsedYamlPlugin = {
  name: 'parsed-yaml',
  setup(build) {
    build.onResolve({ filter: /\.yaml\?value$/ }, (args) => ({ path: resolve(dirname(args.importer), args.path.replace(/\?value$/, '')), namespace: 'parsed-yaml' }));
    build.onLoad({ filter: /.*/, namespace: 'parsed-yaml' }, async (args) => ({
      contents: JSON.stringify(parse(await readFile(args.path, 'utf8'), { maxAliasCount: 100 })),
      loader: 'json',
      watchFiles: [args.path],
    }));
  },
};
