// SARIF stays schema-valid whatever URL a policy gives an advisory (probe L6): an IRI (Czech intranet
// path), `[ ] { } |`, a stray `%`: each becomes a valid URI, percent-encoded as UTF-8.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { webUrl } from '../../src/core/report/links';
import { renderReport } from '../../src/core/report/render';
import type { SarifLog } from '../../src/core/report/sarif';
import { summarizeAnalysis } from '../../src/core/report/scanReport';
import { languageService } from './helpers';
import { assertValidSarif } from './sarifSchema';

const URLS: [string, string][] = [
  ['https://intranet.example.cz/bezpečnost/pravidla', 'https://intranet.example.cz/bezpe%C4%8Dnost/pravidla'],
  ['https://example.com/a[1]{2}|3', 'https://example.com/a%5B1%5D%7B2%7D%7C3'],
  ['https://example.com/100%zz/ok%20done', 'https://example.com/100%25zz/ok%20done'],
  ['https://例え.jp/パス?q=値#frag', 'https://%E4%BE%8B%E3%81%88.jp/%E3%83%91%E3%82%B9?q=%E5%80%A4#frag'],
  ['http://[2001:db8::1]:8080/x y', 'http://[2001:db8::1]:8080/x%20y'],
  ['https://example.com/it\'s (draft)', 'https://example.com/it%27s%20%28draft%29'],
];

describe('advisory URLs in reports (probe L6)', () => {
  for (const [url, expected] of URLS) {
    it(`${url} → ${expected}`, () => assert.equal(webUrl(url), expected));
  }

  it('still drops what is not http(s)', () => {
    assert.equal(webUrl('javascript:alert(1)'), undefined);
    assert.equal(webUrl('file:///etc/passwd'), undefined);
  });

  it('gives schema-valid SARIF for a policy vendor whose advisory and source URLs are IRIs and odd characters', () => {
    const [iri, odd] = ['https://intranet.example.cz/bezpečnost/pravidla', 'https://intranet.example.cz/a[1]{x}|%zz'];
    const policy = [
      'schemaVersion: 1',
      'vendors:',
      '  - id: acme',
      '    displayName: ACME',
      '    status: flagged',
      '    names: [{ text: ACME Cams, kind: brand }]',
      `    sources: [{ url: '${odd}', checked: official }]`,
      'advisories:',
      `  - { id: my-adv, issuer: Me, jurisdiction: cz, date: "2024-01-01", instrument: Interni pravidlo, measure: ban, vendors: [acme], scope: all, requires: nothing, url: '${iri}', sources: [{ url: '${odd}', checked: official }] }`,
    ].join('\n');
    const service = languageService({ trusted: true, policy: { uri: 'file:///ws/.vendorlens.yaml', text: policy } });
    assert.deepEqual(service.policy.problems, []);
    const document = TextDocument.create('file:///ws/a.txt', 'plaintext', 1, 'NVR from ACME Cams\n');
    const record = summarizeAnalysis(service.knowledge, 'a.txt', document, service.analyze(document));
    assert.equal(record.findings[0]?.vendor, 'acme');
    const log = JSON.parse(renderReport('sarif', [record], { kb: service.knowledge, profiles: service.profiles, toolVersion: '9.9.9', generatedOn: '2026-11-29' })) as SarifLog;
    assertValidSarif(log);
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id.endsWith('/acme'))!;
    assert.equal(rule.helpUri, 'https://intranet.example.cz/bezpe%C4%8Dnost/pravidla');
  });
});
