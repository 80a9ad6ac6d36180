// Writes data/generated/catalogue.json, the product catalogue every bundle carries: the model families of
// data/catalogue/<maker>.yaml (each with its source), the relabels and lookalikes there, and the models listed
// by the NetBox device-type library as kept in data/sources/netbox-device-types.json (CC0, with each file's
// commit). A listed model takes the family whose pattern matches it; one that a lookalike pattern matches, or
// that is shorter than 5 characters (too generic on its own), is left out. Same inputs, same bytes.
//   node scripts/generate-catalogue.mjs           regenerate (only writes when the content changed)
//   node scripts/generate-catalogue.mjs --check   exit 1 when the committed file is out of date
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'data', 'generated', 'catalogue.json');
const catalogueDir = join(root, 'data', 'catalogue');
const netboxFile = 'data/sources/netbox-device-types.json';

const files = readdirSync(catalogueDir).filter((f) => f.endsWith('.yaml')).sort();
const families = [];
const relabels = [];
const lookalikes = [];
for (const file of files) {
  const doc = parse(readFileSync(join(catalogueDir, file), 'utf8'));
  for (const family of doc.families ?? []) families.push({ id: family.id, vendor: doc.maker, ...withoutId(family) });
  relabels.push(...(doc.relabels ?? []));
  lookalikes.push(...(doc.lookalikes ?? []));
}

function withoutId(entry) {
  const { id: _id, ...rest } = entry;
  return rest;
}

const netbox = JSON.parse(readFileSync(join(root, netboxFile), 'utf8'));
const regex = (pattern) => new RegExp(pattern, 'iu');
const compiledFamilies = families.map((f) => ({ f, re: regex(f.pattern) }));
const compiledLookalikes = lookalikes.map((l) => regex(l.pattern));
/** The model a library file names: its stem, without a leading maker word ("Huawei-2288H-V5", "Huawei_CE6820H"). */
function modelOf(file, maker) {
  const stem = file.split('/').pop().replace(/\.ya?ml$/i, '');
  return stem.replace(new RegExp(`^${maker}[-_ ]`, 'i'), '');
}
const key = (model) => model.toUpperCase().replace(/[\s_-]+/g, '-');
const seen = new Set();
const models = [];
for (const entry of netbox.deviceTypes) {
  const model = modelOf(entry.file, entry.maker);
  if (model.length < 5 || seen.has(`${entry.maker} ${key(model)}`)) continue;
  if (compiledLookalikes.some((re) => re.test(model))) continue;
  seen.add(`${entry.maker} ${key(model)}`);
  const own = compiledFamilies.filter(({ f }) => f.vendor === entry.maker && !f.where);
  const family = (own.find(({ f, re }) => !f.catchAll && re.test(model)) ?? own.find(({ re }) => re.test(model)))?.f.id;
  models.push({
    vendor: entry.maker,
    model,
    ...(entry.part_number ? { partNumber: entry.part_number } : {}),
    ...(family ? { family } : {}),
    source: { library: `${netbox.source} (${netbox.licence})`, file: entry.file, commit: entry.commit, url: `${netbox.url}/blob/${entry.commit}/${encodeURI(entry.file)}` },
  });
}

const problems = [];
const ids = new Set();
for (const entry of [...families, ...relabels, ...lookalikes]) {
  if (ids.has(entry.id)) problems.push(`duplicate id ${entry.id}`);
  ids.add(entry.id);
  if (!entry.source?.url) problems.push(`${entry.id} has no source`);
}
if (problems.length > 0) {
  console.error(`generate-catalogue: ${problems.join('; ')}`);
  process.exit(1);
}

const content = `${JSON.stringify({ generatedFrom: [...files.map((f) => `data/catalogue/${f}`), netboxFile], families, models, relabels, lookalikes }, null, 1)}\n`;
const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (current !== content) {
    console.error('generate-catalogue: data/generated/catalogue.json is out of date; run `node scripts/generate-catalogue.mjs` and commit it');
    process.exit(1);
  }
} else if (current !== content) {
  writeFileSync(target, content);
  const per = (list, field) => Object.entries(list.reduce((n, x) => ({ ...n, [x[field]]: (n[x[field]] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`generate-catalogue: ${families.length} families (${per(families, 'vendor')}), ${models.length} listed models (${per(models, 'vendor')}), ${relabels.length} relabels, ${lookalikes.length} lookalikes`);
}
