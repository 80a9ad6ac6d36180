// Validates SARIF against the official 2.1.0 schema (test/fixtures/sarif; draft-04, hence ajv-draft-04).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from './helpers';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));

export function assertValidSarif(log: unknown): void {
  // Round-trip through JSON: the schema judges what a consumer reads, not in-memory objects.
  const ok = validate(JSON.parse(JSON.stringify(log)));
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}
