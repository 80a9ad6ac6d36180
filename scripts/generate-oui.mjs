// Writes data/generated/oui.json: the IEEE MAC-prefix assignments (MA-L 6, MA-M 7, MA-S 9 hex digits)
// of the organisations data/vendors.yaml lists under `ouiOrganizations`, taken from the pinned npm
// package oui-data, with that package's version. Organisation names match case-insensitively and
// exactly on the registry's first line. The file is committed so a diff shows what a registry update
// or a vendors.yaml change adds; running this again with the same inputs writes the same bytes.
//   node scripts/generate-oui.mjs           regenerate (only writes when the content changed)
//   node scripts/generate-oui.mjs --check   exit 1 when the committed file is out of date
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'data', 'generated', 'oui.json');
const require = createRequire(import.meta.url);

const registry = require('oui-data');
const { version } = JSON.parse(readFileSync(join(dirname(require.resolve('oui-data')), 'package.json'), 'utf8'));

const vendors = parse(readFileSync(join(root, 'data', 'vendors.yaml'), 'utf8')).vendors;
const wanted = new Map();
for (const vendor of vendors) for (const org of vendor.ouiOrganizations ?? []) wanted.set(org.toLowerCase(), vendor.id);

const organizations = [];
const indexOf = new Map();
const prefixes = [];
for (const [prefix, entry] of Object.entries(registry)) {
  const org = entry.split('\n', 1)[0].trim();
  if (!wanted.has(org.toLowerCase())) continue;
  if (!indexOf.has(org)) {
    indexOf.set(org, organizations.length);
    organizations.push(org);
  }
  prefixes.push([prefix.toUpperCase(), org]);
}

const found = new Set(organizations.map((o) => o.toLowerCase()));
const missing = [...wanted.keys()].filter((org) => !found.has(org));
if (missing.length > 0) {
  console.error(`generate-oui: not in oui-data ${version}: ${missing.map((m) => `'${m}'`).join(', ')} (fix ouiOrganizations in data/vendors.yaml)`);
  process.exit(1);
}

// Stable order: organisations alphabetically, prefixes by value; one prefix per line for readable diffs.
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
organizations.sort((a, b) => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b));
const orgIndex = new Map(organizations.map((o, i) => [o, i]));
prefixes.sort((a, b) => byText(a[0], b[0]));
const lines = [
  '{',
  `  "source": "oui-data",`,
  `  "version": ${JSON.stringify(version)},`,
  `  "organizations": [\n${organizations.map((o) => `    ${JSON.stringify(o)}`).join(',\n')}\n  ],`,
  `  "prefixes": {\n${prefixes.map(([p, o]) => `    ${JSON.stringify(p)}: ${orgIndex.get(o)}`).join(',\n')}\n  }`,
  '}',
  '',
];
const content = lines.join('\n');
const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;

if (process.argv.includes('--check')) {
  if (current !== content) {
    console.error('generate-oui: data/generated/oui.json is out of date; run `node scripts/generate-oui.mjs` and commit it');
    process.exit(1);
  }
} else if (current !== content) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`generate-oui: wrote ${prefixes.length} prefixes of ${organizations.length} organisations from oui-data ${version}`);
}
