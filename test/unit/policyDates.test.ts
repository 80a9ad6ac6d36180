// Dates in a policy file are checked against the calendar, as review notes in files are (probe L4):
// an acceptance "until 9999-99-99" or "2027-02-30" is a problem, and accepts nothing.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../../src/core/knowledge/policy';
import { knowledge, languageService } from './helpers';

const POLICY_URI = 'file:///ws/.vendorlens.yaml';
const CSV_URI = 'file:///ws/quote.csv';
const CSV = 'Manufacturer,MPN\nHuawei,S5735-L24T4S-A1\n';

const policyWith = (fingerprint: string, expires: string) =>
  `schemaVersion: 1\nacceptances:\n  - file: quote.csv\n    fingerprint: ${fingerprint}\n    vendor: huawei\n    reason: test\n    expires: "${expires}"\n`;

describe('policy dates (probe L4)', () => {
  const fingerprint = languageService().analyze(TextDocument.create(CSV_URI, 'csv', 1, CSV)).findings.find((f) => f.vendorId === 'huawei')!.fingerprint;

  for (const expires of ['9999-99-99', '2027-13-45', '2027-02-30', '2027-00-10']) {
    it(`rejects expires: "${expires}" with a located problem, and the acceptance accepts nothing`, () => {
      const text = policyWith(fingerprint, expires);
      const { problems } = parsePolicy({ file: POLICY_URI, text }, knowledge());
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0]!.message, /is not a date/);
      assert.equal(problems[0]!.line, 7, 'on the expires line');
      const finding = languageService({ trusted: true, policy: { uri: POLICY_URI, text } })
        .analyze(TextDocument.create(CSV_URI, 'csv', 1, CSV))
        .findings.find((f) => f.vendorId === 'huawei')!;
      assert.equal(finding.accepted, undefined);
    });
  }

  it('accepts a real date, 29 February of a leap year included', () => {
    for (const expires of ['2028-02-29', '2099-12-31']) {
      const text = policyWith(fingerprint, expires);
      assert.deepEqual(parsePolicy({ file: POLICY_URI, text }, knowledge()).problems, []);
      const finding = languageService({ trusted: true, policy: { uri: POLICY_URI, text } })
        .analyze(TextDocument.create(CSV_URI, 'csv', 1, CSV))
        .findings.find((f) => f.vendorId === 'huawei')!;
      assert.equal(finding.accepted?.expires, expires);
    }
  });

  it("rejects an impossible date of the policy's own advisory", () => {
    const text = [
      'schemaVersion: 1',
      'advisories:',
      '  - { id: my-adv, issuer: Me, jurisdiction: cz, date: "2024-02-30", instrument: Rule, measure: ban, vendors: [huawei], scope: all, requires: nothing, url: "https://example.cz/r", sources: [{ url: "https://example.cz/", checked: official }] }',
    ].join('\n');
    const { problems } = parsePolicy({ file: POLICY_URI, text }, knowledge());
    assert.ok(problems.some((p) => /'2024-02-30' is not a date/.test(p.message)), JSON.stringify(problems));
  });
});
