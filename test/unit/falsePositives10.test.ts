// False-positive classes the fp10 hunt showed on real text of other origins: .editorconfig glob sections read
// as VRP8 prompts, the MIME word "ds-keypoint" read as a Hikvision DS-K model, Atheros SoC family names
// (AR933X) read as Huawei AR routers, git hashes and colour codes read as Huawei E-numbers, Unicode collation
// weights read as dotted MAC addresses, Diffie-Hellman group names (dh-group14) read as Dahua DH- parts, Zebra
// MC7090 handhelds read as ZTE MC70xx routers and HP302XL ink read as Hytera HP radios. Every text is written
// here; each trap sits next to the real case it must not lose.
import { strict as assert } from 'node:assert';
import { detectDialect } from '../../src/core/formats/dialects/detect';
import { createMacAddressMatcher } from '../../src/core/evidence/macAddresses';
import { flaggedInQuoteRow, knowledge, languageService, productMakersInText, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

describe('false-positive classes of round fp10', () => {
  it('reads an .editorconfig with glob sections as no Huawei VRP device', () => {
    const editorconfig = lines(
      '# top-most EditorConfig file',
      'root = true',
      '',
      '[*]',
      'indent_style = space',
      'indent_size = 2',
      '',
      '[*.md]',
      'trim_trailing_whitespace = false',
      '',
      '[*.{js,ts}]',
      'quote_type = single',
      '',
      '[*_test.go]',
      'indent_style = tab',
      '',
      '[*.json]',
      'insert_final_newline = true',
    );
    assert.notEqual(detectDialect(editorconfig).id, 'huawei-vrp');
    const findings = languageService().analyze(textDocument(editorconfig, 'file:///repo/.editorconfig')).findings;
    assert.deepEqual(findings.map((f) => f.vendorId), []);
  });

  it('still reads a VRP8 session by its two-stage commit prompts', () => {
    const session = lines(
      '[~PE1]interface GigabitEthernet0/3/0',
      '[~PE1-GigabitEthernet0/3/0]ip address 10.1.1.1 255.255.255.252',
      '[*PE1-GigabitEthernet0/3/0]commit',
      '[~PE1-GigabitEthernet0/3/0]quit',
      '[~5G-CORE-01]display this',
    );
    assert.equal(detectDialect(session).id, 'huawei-vrp');
  });

  it('reads empty and thin ar archives (!<arch>, !<thin>) as no ZTE ZXROS config, and ZXROS sections still', () => {
    // glibc's libdl.a and libpthread.a are eight-byte empty archives; a thin archive holds only member headers.
    for (const archive of ['!<arch>\n', lines('!<thin>', '//                                              24        `', 'parser.o/', 'lexer.o/', '/0              0           0     0     644     5520      `')]) {
      assert.equal(detectDialect(archive).id, 'unknown', archive);
      assert.deepEqual(languageService().analyze(textDocument(archive, 'file:///sysroot/usr/lib/libdl.a')).findings.map((f) => f.vendorId), []);
    }
    const zxros = lines('!<if-intf>', 'interface gei-0/1/0/1', '  description uplink', '$', '!</if-intf>', '!<switchvlan>', 'vlan 100', '$', '!</switchvlan>');
    assert.equal(detectDialect(zxros).id, 'zte-zxros');
  });

  it('reads the MIME type application/vnd.ds-keypoint as no Hikvision model, and DS-K codes with digits as one', () => {
    assert.deepEqual(productMakersInText('"application/vnd.ds-keypoint": {"source": "iana", "extensions": ["kpxx"]}'), []);
    assert.deepEqual(productMakersInText('DS-KEYPOINT viewer'), []);
    assert.deepEqual(productMakersInText('door station DS-KV6113-WPE1 and terminal DS-K1T671M'), ['hikvision', 'hikvision']);
    assert.deepEqual(productMakersInText('kit DS-KIS602 at the gate'), ['hikvision']);
  });

  it("reads Atheros SoC family names (AR933X, AR71XX) as no Huawei AR router, and Huawei's AR models still", () => {
    assert.deepEqual(productMakersInText('/* Atheros AR933X SoC */'), []);
    assert.deepEqual(productMakersInText('#define PORT_AR933X 99'), []);
    assert.deepEqual(productMakersInText('ath79: Atheros AR934X rev 3, AR71XX boards'), []);
    assert.deepEqual(productMakersInText('branch router AR6121E and AR651W'), ['huawei', 'huawei']);
  });

  it('reads git short hashes and colour codes as no Huawei E-number, and modem models still', () => {
    assert.deepEqual(productMakersInText('- coverage script [`e5531ba`](https://github.com/example/tool/commit/e5531ba0479d)'), []);
    assert.deepEqual(productMakersInText('Merge e3372ab into main'), []);
    assert.deepEqual(productMakersInText('"f  c #E5827E",'), []);
    assert.deepEqual(productMakersInText('style="fillColor=#E5837F;strokeColor=#E8330D"'), []);
    assert.deepEqual(productMakersInText('backup LTE stick E3372h-153 and hotspot E5573Cs-322'), ['huawei', 'huawei']);
    assert.deepEqual(productMakersInText('hotspot e5573cs-322 (written in lower case)'), ['huawei']);
  });

  it('reads Diffie-Hellman group names (pfs dh-group14) as no Dahua DH- part, and DH- parts still', () => {
    const ipsec = lines('ipsec transform-set tran1', ' esp encryption-algorithm aes-cbc-128', ' pfs dh-group14');
    assert.deepEqual(productMakersInText(ipsec), []);
    assert.deepEqual(productMakersInText('set vpn ipsec esp-group ESP-1 pfs dh-group14'), []);
    assert.deepEqual(productMakersInText('PFS: DH-GROUP1, DH-GROUP2, DH-GROUP5, DH-GROUP14, DH-GROUP24'), []);
    assert.deepEqual(productMakersInText('"dh-group14" (diffie-hellman-group14-sha1), DH-Group14-SHA1'), []);
    assert.deepEqual(flaggedInQuoteRow('', 'DH-GROUP14', 'IKE proposal'), []);
    assert.deepEqual(productMakersInText('recorder DH-XVR5108HS-4KL-I3 and DHI-ARC3008H-W2 panel'), ['dahua', 'dahua']);
    assert.deepEqual(flaggedInQuoteRow('', 'DH-HCVR5104C', 'recorder'), [['dahua', 'medium']]);
  });

  it("reads Zebra's MC70 handhelds (MC7090) as no ZTE MC70xx router, and ZTE's MC7010 still", () => {
    assert.deepEqual(productMakersInText("(3, 'Motorola MC7090'), (4, 'Motorola MC9090ER')"), []);
    assert.deepEqual(productMakersInText('MC67, MC7004, MC7090, MC7094, MC7095, MC7506'), []);
    assert.deepEqual(flaggedInQuoteRow('Zebra', 'MC7090-PK0DJQFA8WR', 'mobile computer'), []);
    assert.deepEqual(flaggedInQuoteRow('', 'MC7010', '5G outdoor router'), [['zte', 'medium']]);
    assert.deepEqual(productMakersInText('5G CPE MC7010 on the roof'), ['zte']);
  });

  it('reads HP ink cartridges (HP302XL) as no Hytera HP radio, and Hytera radios still', () => {
    assert.deepEqual(productMakersInText("('CAR02', 'Cartouche', 'Cartouche HP302XL', 30)"), []);
    assert.deepEqual(productMakersInText('placeholder="Ej: HP302XL-BLK, DELL-BAT-15"'), []);
    assert.deepEqual(flaggedInQuoteRow('HP', 'HP-652XL', 'ink cartridge'), []);
    assert.deepEqual(flaggedInQuoteRow('', 'HP785', 'DMR portable radio'), [['hytera', 'medium']]);
    assert.deepEqual(productMakersInText('12 x HP785 and 2 x MD785G radios'), ['hytera', 'hytera']);
  });

  it('reads Unicode collation weights as no MAC address, and a dotted MAC still', () => {
    const matcher = createMacAddressMatcher(knowledge());
    const found = (text: string) => matcher.match({ offset: 0, text, role: 'text' }).map((e) => e.vendorId);
    assert.deepEqual(found('2F25      ; [.8088.0020.0004] # KANGXI RADICAL WOMAN'), []);
    assert.deepEqual(found('1D30E ; [*1044.0020.0002] # TETRAGRAM FOR BRANCHING OUT'), []);
    assert.deepEqual(found('  10    00e0.fc12.3456    DYNAMIC     Gi1/0/7'), ['huawei']);
    assert.deepEqual(found('Internet  10.0.0.9   4   3cef.8c12.3456  ARPA   Vlan10'), ['dahua']);
  });
});
