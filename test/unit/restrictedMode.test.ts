// Restricted Mode and untrusted content: a workspace's policy file and review notes are shown but cannot
// lower anything until the workspace is trusted, and nothing from the workspace is ever run as code —
// product patterns are only RegExp sources, YAML tags such as !!js/function stay strings, and keys
// such as __proto__ pollute nothing.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parsePolicy } from '../../src/core/knowledge/policy';
import { formatModule } from '../../src/core/formats/detect';
import { getLanguageService, type LanguageSettings } from '../../src/core/languageService';
import { FIXED_NOW, knowledge } from './helpers';

const POLICY_URI = 'file:///ws/.vendorlens.yaml';
const CSV_URI = 'file:///ws/quote.csv';

function service(settings: LanguageSettings) {
  const s = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
  s.configure(settings);
  return s;
}

describe('Restricted Mode: workspace policy and notes are shown, without effect', () => {
  const CSV = 'Manufacturer,MPN\nHikvision,DS-2CD2143G2-IU\n';
  const fingerprint = () => service({}).analyze(TextDocument.create(CSV_URI, 'csv', 1, CSV)).findings.find((f) => f.vendorId === 'hikvision')!.fingerprint;
  const policy = () =>
    [
      'schemaVersion: 1',
      'profiles: [info]',
      'severity:',
      '  vendors: { hikvision: hint }',
      '  advisories: { us-ndaa-889: information }',
      'vendors:',
      '  - id: acme',
      '    displayName: ACME',
      '    status: flagged',
      '    names: [{ text: ACME Cams, kind: brand }]',
      '    sources: [{ url: "https://intranet.example/acme", checked: official }]',
      'acceptances:',
      `  - { file: quote.csv, fingerprint: "${fingerprint()}", vendor: hikvision, reason: pilot site, expires: 2027-06-30 }`,
    ].join('\n');

  it('a file note, a line note and a policy acceptance are listed but accept nothing', async () => {
    const untrusted = service({ trusted: false, policy: { uri: POLICY_URI, text: policy() } });
    const config = '! vendorlens-accept-file: zte | reason: lab\ninterface Gi0/1\n ! vendorlens-accept: huawei | reason: spare\n description HUAWEI uplink, ZTE OLT\n';
    const document = TextDocument.create('file:///ws/edge.ios', 'network-config', 1, config);
    const findings = untrusted.analyze(document).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.accepted === undefined, f.untrustedNote?.reason]), [['huawei', true, 'spare'], ['zte', true, 'lab']]);
    assert.ok(findings.every((f) => f.severity === 'error' && /not applied in Restricted Mode/.test(f.message)));
    const hover = await untrusted.doHover(document, findings[0]!.range.start);
    assert.match((hover!.contents as MarkupContent).value, /Restricted Mode keeps it from taking effect/);

    const csv = untrusted.analyze(TextDocument.create(CSV_URI, 'csv', 1, CSV)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(csv.accepted, undefined);
    assert.equal(csv.untrustedNote?.scope, 'policy');
    assert.equal(csv.severity, 'error', 'neither the vendor nor the advisory override, nor the info profile, applies');
    assert.equal(csv.severityNote, undefined);
    assert.deepEqual(untrusted.profiles.map((p) => p.id), ['global']);
  });

  it('additions that only raise findings still apply; the user’s own profile setting still applies', () => {
    const untrusted = service({ trusted: false, policy: { uri: POLICY_URI, text: policy() }, profile: 'cz' });
    assert.deepEqual(untrusted.profiles.map((p) => p.id), ['cz']);
    assert.equal(untrusted.analyze(TextDocument.create('file:///ws/a.txt', 'plaintext', 1, 'NVR from ACME Cams\n')).findings[0]?.vendorId, 'acme');
  });

  it('once the workspace is trusted, the same notes and policy take effect', () => {
    const trusted = service({ trusted: true, policy: { uri: POLICY_URI, text: policy() } });
    const csv = trusted.analyze(TextDocument.create(CSV_URI, 'csv', 1, CSV)).findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(csv.accepted?.reason, 'pilot site');
    assert.equal(csv.severity, 'information');
    assert.deepEqual(trusted.profiles.map((p) => p.id), ['info']);
  });
});

describe('Restricted Mode: a workspace policy cannot remove, shadow or re-attribute a finding (probe M2)', () => {
  const CONFIG = 'hostname a\n description uplink to HUAWEI\n description Huawei Technologies box\n ntp server ntp.huawei.com\n';
  const findingsUnder = (policyText: string | undefined, trusted: boolean) =>
    service({ trusted, policy: policyText === undefined ? undefined : { uri: POLICY_URI, text: policyText } })
      .analyze(TextDocument.create('file:///ws/a.cfg', 'plaintext', 1, CONFIG))
      .findings.map((f) => `L${f.range.start.line} ${f.vendorId} ${f.severity}`);
  const POLICIES: Record<string, string> = {
    exclusions: 'schemaVersion: 1\nextendVendors:\n  huawei:\n    exclusions: ["HUAWEI", "Huawei Technologies"]\n',
    'a longer alias of a borderline vendor around the name': 'schemaVersion: 1\nextendVendors:\n  h3c:\n    names:\n      - { text: "uplink to HUAWEI", kind: alias }\n      - { text: "Huawei Technologies box", kind: alias }\n',
    "another vendor claiming the flagged vendor's own name and domain":
      'schemaVersion: 1\nextendVendors:\n  h3c:\n    names: [{ text: HUAWEI, kind: alias }]\n    domains: [huawei.com]\n',
    'a vendor of its own claiming the name':
      'schemaVersion: 1\nvendors:\n  - id: acme\n    displayName: ACME\n    status: borderline\n    names: [{ text: "uplink to HUAWEI", kind: brand }, { text: "Huawei", kind: alias }]\n    sources: [{ url: "https://intranet.example/acme", checked: official }]\n',
  };
  const withoutPolicy = () => findingsUnder(undefined, false).filter((f) => f.includes('huawei'));

  it('without a policy, every line is a Huawei error (the baseline the policies try to lower)', () => {
    assert.deepEqual(withoutPolicy(), ['L1 huawei error', 'L2 huawei error', 'L3 huawei error']);
  });

  for (const [what, text] of Object.entries(POLICIES)) {
    it(`${what}: untrusted, every Huawei finding stays; trusted, the policy takes effect`, () => {
      const untrusted = findingsUnder(text, false);
      for (const expected of withoutPolicy()) assert.ok(untrusted.includes(expected), `${expected} in ${untrusted.join(', ')}`);
      const trusted = findingsUnder(text, true);
      assert.notDeepEqual(trusted.filter((f) => f.includes('huawei')), withoutPolicy(), 'the same policy does change findings once trusted');
    });
  }

  it("an untrusted policy's additions still find what they name, beside the bundled findings", () => {
    const text = 'schemaVersion: 1\nextendVendors:\n  huawei:\n    names: [{ text: "Hua Wei Tech", kind: alias }]\n';
    const findings = service({ trusted: false, policy: { uri: POLICY_URI, text } })
      .analyze(TextDocument.create('file:///ws/b.cfg', 'plaintext', 1, 'hostname b\n description Hua Wei Tech uplink\n'))
      .findings.map((f) => `L${f.range.start.line} ${f.vendorId}`);
    assert.deepEqual(findings, ['L1 huawei']);
  });

  it('trust granted later re-applies the policy in full; withdrawn, restricts it again', () => {
    const s = service({ trusted: false, policy: { uri: POLICY_URI, text: POLICIES.exclusions! } });
    const huaweiLines = () => s.analyze(TextDocument.create('file:///ws/a.cfg', 'plaintext', 1, CONFIG)).findings.filter((f) => f.vendorId === 'huawei').length;
    assert.equal(huaweiLines(), 3);
    s.configure({ trusted: true, policy: { uri: POLICY_URI, text: POLICIES.exclusions! } });
    assert.ok(huaweiLines() < 3);
    s.configure({ trusted: false, policy: { uri: POLICY_URI, text: POLICIES.exclusions! } });
    assert.equal(huaweiLines(), 3);
  });
});

describe('nothing from the workspace runs as code', () => {
  /** Fails the test if anything calls eval or the Function constructor while `work` runs. */
  async function withoutEval<T>(work: () => Promise<T> | T): Promise<T> {
    const original = { eval: globalThis.eval, Function: globalThis.Function };
    const calls: string[] = [];
    globalThis.eval = ((code: string) => {
      calls.push(`eval ${code}`);
      throw new Error('eval called');
    }) as typeof eval;
    globalThis.Function = new Proxy(original.Function, {
      construct(_target, args) {
        calls.push(`new Function ${args.join(',')}`);
        throw new Error('Function called');
      },
      apply(_target, _this, args) {
        calls.push(`Function ${args.join(',')}`);
        throw new Error('Function called');
      },
    });
    try {
      return await work();
    } finally {
      globalThis.eval = original.eval;
      globalThis.Function = original.Function;
      assert.deepEqual(calls, [], 'no code was evaluated');
    }
  }

  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__vendorlensPwned;
    delete (Object.prototype as Record<string, unknown>).names;
  });

  it('a product pattern carrying a JavaScript payload is only ever a RegExp source', async () => {
    const payload = "^X(?:'\\);globalThis\\.__vendorlensPwned=1;//)?$";
    const text = `schemaVersion: 1\nextendVendors:\n  huawei:\n    productPatterns: [{ pattern: ${JSON.stringify(payload)}, family: payload }]\n`;
    await withoutEval(async () => {
      const s = service({ policy: { uri: POLICY_URI, text } });
      assert.deepEqual(s.policy.problems, []);
      const document = TextDocument.create(CSV_URI, 'csv', 1, "Manufacturer,Model\nAcme,X');globalThis.__vendorlensPwned=1;//\nAcme,X\n");
      const findings = s.analyze(document).findings;
      await s.doHover(document, findings[0]!.range.start);
      await s.doCodeActions(document, findings[0]!.range, { diagnostics: await s.doValidation(document) });
      assert.deepEqual(findings.map((f) => document.getText(f.range)), ["X');globalThis.__vendorlensPwned=1;//", 'X'], 'matched as text');
    });
    assert.equal((globalThis as Record<string, unknown>).__vendorlensPwned, undefined);
  });

  const TAGGED = [
    'schemaVersion: 1',
    'vendors:',
    '  - id: acme',
    '    displayName: !!js/function "function () { globalThis.__vendorlensPwned = 1 }"',
    '    status: flagged',
    '    statusNote: !<tag:yaml.org,2002:js/undefined> ""',
    '    names: [{ text: !!js/regexp /ACME/, kind: brand }]',
    '    sources: [{ url: "https://x.example", checked: official }]',
  ].join('\n');

  it('YAML custom tags (!!js/function, js/regexp, js/undefined) in a policy file stay plain strings, never functions', async () => {
    await withoutEval(() => {
      const { policy, problems } = parsePolicy({ file: POLICY_URI, text: TAGGED }, knowledge());
      const vendor = policy?.vendors?.[0];
      assert.equal(typeof vendor?.displayName, 'string');
      assert.equal(typeof vendor?.statusNote, 'string');
      assert.equal(typeof vendor?.names[0]?.text, 'string');
      assert.deepEqual(problems, []);
    });
    assert.equal((globalThis as Record<string, unknown>).__vendorlensPwned, undefined);
  });

  it('YAML custom tags in a workspace inventory are values like any other, never functions', async () => {
    const text = 'devices:\n  - manufacturer: !!js/function "function () { globalThis.__vendorlensPwned = 1 }"\n    model: !!js/undefined Huawei S5720\n';
    await withoutEval(() => {
      const parsed = formatModule('inventory-yaml').parse(text);
      assert.ok(parsed.fields.every((f) => typeof f.text === 'string'));
      assert.ok(parsed.problems.some((p) => /tag/i.test(p.message)), 'the unknown tag is reported');
    });
    assert.equal((globalThis as Record<string, unknown>).__vendorlensPwned, undefined);
  });

  it('a __proto__ key in a policy file pollutes no prototype', () => {
    const text = 'schemaVersion: 1\nextendVendors:\n  __proto__:\n    names: [{ text: Polluted, kind: alias }]\n';
    const s = service({ policy: { uri: POLICY_URI, text } });
    assert.equal(({} as Record<string, unknown>).names, undefined);
    assert.ok(s.policy.problems.length > 0 || s.policy.value !== undefined);
    assert.equal(s.analyze(TextDocument.create('file:///ws/a.txt', 'plaintext', 1, 'Polluted\n')).findings.length, 0);
  });
});
