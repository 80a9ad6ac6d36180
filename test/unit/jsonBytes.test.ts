// The JSON report writes its findings straight into UTF-8 bytes: those bytes must be exactly the text
// JSON.stringify gives, with the report's control-character escapes, for any value a finding can hold.
import { strict as assert } from 'node:assert';
import { escapeControlsInJson } from '../../src/core/report/controls';
import { JsonBytes, jsonPiece } from '../../src/core/report/jsonBytes';

const decoded = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** What the report would write for `value` as a member `indent` deep. */
const expected = (value: unknown, indent: string) => escapeControlsInJson(JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`));

const STRINGS = [
  '',
  'Huawei NE40E-X8 (GigabitEthernet0/0/1)',
  'quote " and backslash \\ and slash /',
  'tab\there, newline\nthere, CR\r, NUL \u0000, ESC \u001b[2J, DEL \u007f',
  'C1 \u0085 \u009b controls',
  'separators \u2028 \u2029, bidi \u202a \u202e \u2066 \u2069',
  'Latin-1 é ñ ß, Czech Úřad, euro €, CJK 华为, emoji 📷',
  'lone surrogates \ud800 and \udfff',
  '~ printable ASCII edge }',
];

describe('JSON written as bytes', () => {
  it('writes every string as JSON.stringify would, with controls escaped', () => {
    for (const text of STRINGS) {
      const out = new JsonBytes();
      out.string(text);
      assert.equal(decoded(out.take()), expected(text, ''), JSON.stringify(text));
    }
  });

  it('writes numbers, nested objects and arrays with the indentation of JSON.stringify(value, null, 2)', () => {
    const values: unknown[] = [
      0, 7, 10, 123456789, -3, 1.5, Number.MAX_SAFE_INTEGER + 2, NaN, true, false, null,
      {},
      [],
      { kind: 'host', identifiers: { mac: '44:19:B6:C2:7E:15', localPort: 'Gi1/0/17' }, seenAs: 'MAC table', skipped: undefined },
      { list: [1, 'two', { three: [] }, [], undefined], empty: {}, nested: { deeper: { text: STRINGS[5] } } },
      STRINGS,
    ];
    for (const value of values) {
      for (const indent of ['', '      ']) {
        const out = new JsonBytes();
        out.value(value, indent);
        assert.equal(decoded(out.take()), expected(value, indent), `${JSON.stringify(value)} at ${indent.length}`);
      }
    }
  });

  it('grows past its first buffer and starts afresh after each take', () => {
    const out = new JsonBytes();
    const long = 'a'.repeat(100_000);
    out.ascii('[');
    out.string(long);
    out.ascii(',');
    out.piece(jsonPiece(JSON.stringify('sep\u2028')));
    out.ascii(']');
    assert.equal(decoded(out.take()), `["${long}","sep\\u2028"]`);
    assert.equal(out.length, 0);
    out.number(42);
    assert.equal(decoded(out.take()), '42');
  });
});
