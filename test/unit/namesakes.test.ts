// False positives on text that names no flagged maker: people and places that share a vendor's name, and
// third-party accessories described by the gear they fit. Each trap sits beside the real case it must not lose.
import { strict as assert } from 'node:assert';
import namesakes from '../../data/namesakes.json';
import { flaggedInQuoteRow, languageService, productMakersInText, textDocument, underlined } from './helpers';

function vendorsIn(text: string, uri = 'test://test/notes.md'): string[] {
  return [...new Set(underlined(textDocument(text, uri, 'markdown'), languageService()).map((f) => f.vendor))].sort();
}

describe('namesakes: people and places', () => {
  it('keeps its word lists sourced and written as names are written', () => {
    assert.ok(namesakes.sources.length > 0 && namesakes.sources.every((s) => /^https?:\/\//.test(s.url) && s.note.length > 0));
    for (const surname of namesakes.surnames) assert.match(surname, /^\p{Lu}\p{Ll}+$/u, surname);
    assert.ok(namesakes.placeWords.includes('Road') && namesakes.placeWords.includes('路'));
  });

  it('reads a paper, a code header and an address book with no flagged maker in them', () => {
    const text = [
      '/**',
      ' * @file dense_ops.h',
      ' * @author Dahua Lin',
      ' */',
      '[12] Chen Wei, Kai Zhou, and Dahua Lin. A study of video models. 2024.',
      'Contact: Wang Huawei, 88 Huawei Road, Shenzhen',
      'Clinic: 3 Dongdan Dahua Rd., Dongcheng; 北京市东城区大华路 12 号',
    ].join('\n');
    assert.deepEqual(vendorsIn(text), []);
  });

  it('still finds the makers in the same kinds of text', () => {
    const text = [
      '/**',
      ' * @file dahua_client.h: talks to Dahua NVRs over the private protocol',
      ' */',
      'Uplink: Huawei S5735-L24T4S-A1 in the riser',
      '仓库：华为路由器 AX3 两台',
    ].join('\n');
    assert.deepEqual(vendorsIn(text), ['dahua', 'huawei']);
  });
});

describe('third-party gear described by what it fits', () => {
  it('is no finding of the maker it fits, for every flagged equipment maker', () => {
    for (const text of [
      'SFP-10G-LR, Huawei compatible, 1310 nm, 10 km',
      'GPON OLT SFP module compatible with ZTE C320 / C300',
      'Fully compatible with Hikvision NVRs and third-party ONVIF systems',
      'Junction box, Dahua-compatible mounting plate',
      'Earpiece compatible with Hytera PD785 and PD705',
      'BL2010 battery, Hytera-compatible, 2000 mAh',
    ]) {
      assert.deepEqual(vendorsIn(text), [], text);
    }
  });

  it('still finds the maker\'s own gear and a legal name after the same words', () => {
    assert.deepEqual(vendorsIn('Hytera PD785 radio, compatible with the old chargers'), ['hytera']);
    assert.deepEqual(vendorsIn('GPON OLT ZTE C320, SFP modules compatible with it'), ['zte']);
    assert.deepEqual(vendorsIn('Switches compatible with Huawei Technologies Co., Ltd. optics'), ['huawei']);
    assert.deepEqual(productMakersInText('Earpiece compatible with Hytera PD785; spare Hytera PD705 radio'), ['hytera']);
  });

  it('leaves a quote row of the maker\'s own model alone', () => {
    assert.deepEqual(flaggedInQuoteRow('Hytera', 'PD785', 'DMR portable radio'), [['hytera', 'high']]);
  });
});

describe('namesake companies across a document', () => {
  const scaleDriver = [
    '// Label printing for Shanghai Dahua Scale TM-30F barcode scales, over TCP port 4001.',
    'enum ScaleProtocol {',
    '    Dahua = 0,',
    '    Rongta = 1,',
    '}',
    '// Dahua: three digits per byte for the product name.',
  ];

  it('reads the bare name as the scale maker in a file that names the scale maker', () => {
    assert.deepEqual(vendorsIn(scaleDriver.join('\n'), 'test://test/ScaleCodec.cs'), []);
    // Wherever the scale maker's name stands: after the bare mentions too.
    assert.deepEqual(vendorsIn([...scaleDriver.slice(1), scaleDriver[0]!].join('\n'), 'test://test/ScaleCodec.cs'), []);
  });

  it('keeps Dahua where the same file holds other evidence of it, and without the scale maker\'s name', () => {
    const withCamera = [...scaleDriver, '// The shop camera is a Dahua IPC-HFW2431S-S-S2 on the same VLAN.'].join('\n');
    assert.deepEqual(vendorsIn(withCamera, 'test://test/ScaleCodec.cs'), ['dahua']);
    const legalName = [...scaleDriver, '// Not to be confused with Zhejiang Dahua Technology Co., Ltd.'].join('\n');
    assert.deepEqual(vendorsIn(legalName, 'test://test/ScaleCodec.cs'), ['dahua']);
    assert.deepEqual(vendorsIn(scaleDriver.slice(1).join('\n'), 'test://test/ScaleCodec.cs'), ['dahua']);
  });
});
