// No control character from a scanned file, a file name or a policy reaches a terminal or a report raw
// (probe M3): ESC [2J clears the screen, OSC 0 sets the window title, OSC 52 writes the clipboard, a bidi
// override reorders what a reviewer reads.
import { strict as assert } from 'node:assert';
import { escapeControlsInJson, showControls, showControlsDeep } from '../../src/core/report/controls';
import { scanTexts } from './reportHelpers';

/** C0 (tab and line ends aside), DEL, C1, line separators and bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ESCAPES = '\u001b[2J\u001b]0;PWNED\u0007\u001b[31m\u009b31m\u202e';

describe('control characters in output (probe M3)', () => {
  it('shows each control as an escape, and leaves other text (tabs, any script) alone', () => {
    assert.equal(showControls('Ingram \u001b[2J\u001b]0;PWNED\u0007Micro'), 'Ingram \\x1b[2J\\x1b]0;PWNED\\x07Micro');
    assert.equal(showControls('a\u009bb\u202ec\u2028d\ne\rf'), 'a\\x9bb\\u202ec\\u2028d\\ne\\rf');
    assert.equal(showControls('华为\tHUAWEI — ok'), '华为\tHUAWEI — ok');
  });

  it('JSON keeps the exact value, with C1 and bidi controls escaped too (JSON.stringify leaves them raw)', () => {
    const value = { name: `x${ESCAPES}y` };
    const json = escapeControlsInJson(JSON.stringify(value));
    assert.doesNotMatch(json, RAW_CONTROL);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('JSON escaping finds a single DEL, C1 control or separator at the end of a long plain text, and leaves other text as it is', () => {
    const plain = `"${'mac address-table static 4419.b6c2.7e15 vlan 40 '.repeat(20_000)}`;
    assert.equal(escapeControlsInJson(`${plain}"`), `${plain}"`);
    assert.equal(escapeControlsInJson(`${plain}é中"`), `${plain}é中"`);
    for (const [raw, escaped] of [['\u007f', '\\u007f'], ['\u0085', '\\u0085'], ['\u2028', '\\u2028'], ['\u202e', '\\u202e']]) {
      assert.equal(escapeControlsInJson(`${plain}${raw}"`), `${plain}${escaped}"`, escaped);
      assert.equal(JSON.parse(escapeControlsInJson(`${plain}${raw}"`)), JSON.parse(`${plain}${raw}"`));
    }
  });

  it('copies only what changes', () => {
    const clean = { a: ['x', { b: 'y' }] };
    assert.equal(showControlsDeep(clean), clean);
    const dirty = { a: ['x', { b: 'y\u001b' }], c: 'z' };
    const shown = showControlsDeep(dirty);
    assert.deepEqual(shown, { a: ['x', { b: 'y\\x1b' }], c: 'z' });
    assert.equal(dirty.a[1] && (dirty.a[1] as { b: string }).b, 'y\u001b', 'the original is untouched');
  });

  it('no report format carries the escapes of a maker cell, a config line or a file name raw', () => {
    const { findings, rendered } = scanTexts({
      'ansi.csv': 'Manufacturer,Part,Description,Qty\n"Ingram \u001b[2J\u001b]0;PWNED\u0007\u001b[31mMicro",ZXR10 5960-56QU-HI,switch,1\n',
      [`evil\u001b[31mname\u001b]0;T\u0007\u202e.cfg`]: `hostname a\n description uplink to HUAWEI ${ESCAPES} NE40E\n`,
    });
    assert.ok(findings.length >= 2, 'both files have findings');
    assert.ok(findings.some((f) => RAW_CONTROL.test(f.excerpt) || RAW_CONTROL.test(f.file)), 'the records keep the real text');
    for (const [format, text] of Object.entries(rendered)) {
      assert.doesNotMatch(text, RAW_CONTROL, `${format} carries a raw control`);
      assert.ok(!text.includes('\u001b'), format);
    }
    assert.match(rendered.text!, /evil\\x1b\[31mname/);
    assert.match(rendered.markdown!, /\\x1b/);
    assert.match(rendered.csv!, /Ingram \\x1b\[2J/);
    // JSON readers get the exact file name back.
    const json = JSON.parse(rendered.json!);
    assert.ok(json.findings.some((f: { file: string }) => f.file === `evil\u001b[31mname\u001b]0;T\u0007\u202e.cfg`));
    // SARIF: the message texts show the escapes; the artifact URI stays the percent-encoded real name.
    const sarif = JSON.parse(rendered.sarif!);
    const results = sarif.runs[0].results as { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.every((r) => !RAW_CONTROL.test(r.message.text)));
    assert.ok(results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.includes('%1B%5B31m')));
  });
});
