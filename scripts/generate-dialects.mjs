// Writes data/generated/dialects.json, the dialect fingerprints every bundle carries, from
// data/dialects/<id>.yaml and the shared families in data/dialects/families/ (each validated against
// data/schema/dialect*.schema.json): the same content without the examples, which only the unit test
// (test/unit/dialectData.test.ts) reads. The core compiles it (src/core/formats/dialects/load.ts).
// Same inputs, same bytes.
//   node scripts/generate-dialects.mjs           regenerate (only writes when the content changed)
//   node scripts/generate-dialects.mjs --check   exit 1 when the committed file is out of date
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'data', 'generated', 'dialects.json');
const schema = (name) => JSON.parse(readFileSync(join(root, 'data', 'schema', name), 'utf8'));

/** The dialects and families in `dir`, validated and cross-checked; throws naming each file and what is wrong. */
export function readDialectData(dir = join(root, 'data', 'dialects')) {
  const dialectValidator = new Validator(schema('dialect.schema.json'), '2020-12', false);
  const familyValidator = new Validator(schema('dialect-family.schema.json'), '2020-12', false);
  familyValidator.addSchema(schema('dialect.schema.json'));
  const problems = [];
  const read = (file, validator) => {
    const doc = parse(readFileSync(join(dir, file), 'utf8'));
    const result = validator.validate(doc);
    if (!result.valid) {
      // The leaves say what is wrong; the "did not match"/"Property …" errors above them only repeat where.
      const leaves = result.errors.filter((e) => !e.error.startsWith('Property') && !e.error.includes('did not match'));
      problems.push(...(leaves.length > 0 ? leaves : result.errors).slice(0, 5).map((e) => `data/dialects/${file}: ${e.instanceLocation} ${e.error}`));
    }
    return doc;
  };
  const order = parse(readFileSync(join(dir, 'index.yaml'), 'utf8'))?.dialects;
  if (!Array.isArray(order) || order.some((id) => typeof id !== 'string')) throw new Error('data/dialects/index.yaml: "dialects" must list the dialect ids');
  const familyDir = join(dir, 'families');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'index.yaml').sort();
  const unlisted = files.map((f) => f.slice(0, -5)).filter((id) => !order.includes(id));
  if (unlisted.length > 0) problems.push(`data/dialects/index.yaml does not list ${unlisted.join(', ')}`);
  const familyFiles = existsSync(familyDir) ? readdirSync(familyDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const families = {};
  for (const file of familyFiles) {
    const family = read(`families/${file}`, familyValidator);
    if (family.id !== file.slice(0, -5)) problems.push(`data/dialects/families/${file}: id "${family.id}" is not the file's name`);
    families[family.id] = family;
  }
  const dialects = order.map((id) => {
    if (!existsSync(join(dir, `${id}.yaml`))) {
      problems.push(`data/dialects/index.yaml lists ${id}, which has no data/dialects/${id}.yaml`);
      return undefined;
    }
    const dialect = read(`${id}.yaml`, dialectValidator);
    if (dialect.id !== id) problems.push(`data/dialects/${id}.yaml: id "${dialect.id}" is not the file's name`);
    for (const entry of dialect.fingerprints ?? []) if (entry.family && !families[entry.family]) problems.push(`data/dialects/${id}.yaml: no family "${entry.family}"`);
    return dialect;
  });
  for (const family of Object.values(families)) {
    const includers = new Set(dialects.filter((d) => d?.fingerprints?.some((e) => e.family === family.id)).map((d) => d.id));
    for (const signal of family.signals ?? []) for (const member of signal.in ?? []) if (!includers.has(member)) problems.push(`data/dialects/families/${family.id}.yaml: "${signal.reason}" names ${member}, which does not include the family`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { dialects, families };
}

const runtime = ({ examples: _examples, counterexamples: _counterexamples, ...fields }) => fields;

export function generatedDialects() {
  const { dialects, families } = readDialectData();
  const data = {
    generatedFrom: ['data/dialects/index.yaml', ...dialects.map((d) => `data/dialects/${d.id}.yaml`), ...Object.keys(families).map((id) => `data/dialects/families/${id}.yaml`)],
    families: Object.fromEntries(Object.values(families).map((f) => [f.id, f.signals.map(runtime)])),
    dialects: dialects.map((d) => ({ ...d, fingerprints: d.fingerprints.map((e) => (e.family ? e : runtime(e))) })),
  };
  return `${JSON.stringify(data, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wanted = generatedDialects();
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      console.error('data/generated/dialects.json is out of date: run node scripts/generate-dialects.mjs');
      process.exit(1);
    }
  } else if (current !== wanted) writeFileSync(target, wanted);
}
