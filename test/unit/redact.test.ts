// Secret redaction per dialect (src/core/report/redact.ts): each line is the form a platform writes, and
// the secret in it must not reach a report excerpt, while the words around it (and the vendor name a
// finding is about) stay readable.
import { strict as assert } from 'node:assert';
import { excerpt, REDACTED, redactSecrets } from '../../src/core/report/redact';
import { scanTexts } from './reportHelpers';

/** [line, the secrets it holds] */
type Case = [string, string[]];

const DIALECTS: Record<string, Case[]> = {
  'Cisco IOS / IOS-XE': [
    ['enable password level 15 EnablePass4 ! HUAWEI', ['EnablePass4']],
    ['enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM', ['nhEmQVczB7dqsO', 'X.HsgL6x1il0']],
    ['enable secret level 15 5 $1$pdQG$o8nrSzsGXeaduXrjlvKc91', ['pdQG', 'o8nrSzsGXeaduXrjlvKc91']],
    ['username ops privilege 15 password 0 OpsPass1', ['OpsPass1']],
    ['username netadmin privilege 15 secret 8 $8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs', ['dsYGNam3K1SIJO']],
    ['snmp-server community Pr1vComm RO 10', ['Pr1vComm']],
    ['snmp-server host 192.0.2.9 version 2c TrapComm9', ['TrapComm9']],
    ['snmp-server user huawei-nms NMSGRP v3 auth sha AuthPass1 priv aes 128 PrivPass2', ['AuthPass1', 'PrivPass2']],
    ['snmp-server user nms G v3 auth md5 AuthMd5x priv des PrivDes1', ['AuthMd5x', 'PrivDes1']],
    ['ntp authentication-key 1 md5 NtpSecret3 ! peer ntp.huawei.com', ['NtpSecret3']],
    ['ntp authentication-key 42 md5 0822455D0A16544541 7', ['0822455D0A16544541']],
    [' ip ospf message-digest-key 1 md5 OspfKey5', ['OspfKey5']],
    [' ip ospf authentication-key 7 070C285F4D06', ['070C285F4D06']],
    [' neighbor 192.0.2.1 password 7 BgpKey7x', ['BgpKey7x']],
    [' isis password IsisPass1 level-2', ['IsisPass1']],
    [' area-password AreaPass2', ['AreaPass2']],
    [' domain-password DomainPass3', ['DomainPass3']],
    ['radius-server host 192.0.2.5 auth-port 1812 acct-port 1813 key 7 RadKey05', ['RadKey05']],
    [' key 7 TacKey0A1', ['TacKey0A1']],
    ['tacacs-server key 0 T@cacsKey', ['T@cacsKey']],
    ['crypto isakmp key S3cretPSK address 10.0.0.1', ['S3cretPSK']],
    [' key-string 7 104D000A0618', ['104D000A0618']],
    ['dot11 ssid HUAWEI-AP wpa-psk ascii 0 WifiSecret5', ['WifiSecret5']],
    [' ppp chap password 7 PppChap9', ['PppChap9']],
  ],
  'Cisco NX-OS': [
    ['username admin password 5 $5$KLMNOP$Qrs0Tuv1Wxy2  role network-admin', ['KLMNOP', 'Qrs0Tuv1Wxy2']],
    ['snmp-server user nms network-admin auth md5 0x1234abcd priv aes-128 0x5678ef01 localizedkey', ['0x1234abcd', '0x5678ef01']],
    ['feature tacacs+ ; tacacs-server key 7 "NxTacKey"', ['NxTacKey']],
  ],
  'Cisco IOS XR': [
    [' hello-password hmac-md5 encrypted 0822455D0A16', ['0822455D0A16']],
    [' lsp-password text clear LspClear1', ['LspClear1']],
    ['username admin secret 10 $6$wXyZ$abcdefghijk', ['wXyZ', 'abcdefghijk']],
  ],
  'Arista EOS': [
    ['enable secret sha512 $6$saltsalt$hashhashhash', ['saltsalt', 'hashhashhash']],
    ['username admin privilege 15 role network-admin secret sha512 $6$Ab$Cd', ['$6$Ab']],
    ['snmp-server user nms G v3 auth sha AristaAuth1 priv aes AristaPriv2', ['AristaAuth1', 'AristaPriv2']],
    ['ntp authentication-key 7 md5 7 AristaNtp7', ['AristaNtp7']],
  ],
  'Huawei VRP': [
    [' local-user admin password irreversible-cipher $1a$kB8$Abc$', ['kB8']],
    [' local-user ops password cipher %^%#Yp6#Lb>~R%^%#', ['Yp6#Lb']],
    [' local-user ops password irreversible-cipher @%@%Xy12z@%@%', ['Xy12z']],
    ['snmp-agent community read cipher %^%#Yp6#Lb>~R%^%#', ['Yp6#Lb']],
    ['snmp-agent community write PubWrite1', ['PubWrite1']],
    ['snmp-agent usm-user v3 nms authentication-mode sha AuthV3x privacy-mode aes128 PrivV3x', ['AuthV3x', 'PrivV3x']],
    ['super password level 3 cipher %^%#unterminated blob', ['unterminated']],
    [' pre-shared-key cipher %^%#q1w2e3%^%#', ['q1w2e3']],
    ['radius-server shared-key cipher %#%#RadBlob1%#%#', ['RadBlob1']],
    ['hwtacacs-server shared-key cipher HwtKey42', ['HwtKey42']],
    [' ospf authentication-mode md5 1 cipher OspfHw1', ['OspfHw1']],
    [' isis authentication-mode simple plain IsisHw2', ['IsisHw2']],
    ['ntp-service authentication-keyid 1 authentication-mode md5 cipher NtpHw3', ['NtpHw3']],
    [' security wpa2 psk pass-phrase WlanPsk4 aes', ['WlanPsk4']],
    [' peer 192.0.2.1 password cipher BgpHw5', ['BgpHw5']],
  ],
  'H3C Comware': [
    ['local-user admin class manage ; password hash $h$6$abcdef$ghijkl', ['abcdef']],
    ['snmp-agent usm-user v3 nms g simple authentication-mode sha ComAuth1 privacy-mode aes128 ComPriv2', ['ComAuth1', 'ComPriv2']],
    ['snmp-agent usm-user v3 nms g cipher authentication-mode sha $c$3$abc privacy-mode aes128 $c$3$def', ['$c$3$abc', '$c$3$def']],
    [' key authentication cipher $c$3$RadKeyCw', ['RadKeyCw']],
  ],
  'ZTE ZXROS': [
    ['username admin password ZxPass1 privilege 15', ['ZxPass1']],
    ['enable secret level 15 5 ZxEnable2', ['ZxEnable2']],
    ['snmp-server community encrypted ZxComm3 view AllView ro', ['ZxComm3']],
  ],
  'Juniper Junos': [
    ['set system root-authentication encrypted-password "$6$abc$def";', ['$6$abc']],
    ['  authentication-key "$9$dkQfz6/tOIc"; ## SECRET-DATA', ['dkQfz6']],
    ['  secret "$9$RadSecJ1"; ## SECRET-DATA', ['RadSecJ1']],
    ['  secret "PlainJunos2";', ['PlainJunos2']],
    ['set security ike policy p pre-shared-key ascii-text "$9$IkePsk3"', ['IkePsk3']],
    ['set snmp community PubJunos4 authorization read-only', ['PubJunos4']],
    ['  authentication-password "AuthJ5"; ## SECRET-DATA', ['AuthJ5']],
    ['  privacy-password "PrivJ6";', ['PrivJ6']],
    ['set system login user ops authentication encrypted-password "$1$md5salt$md5hash"', ['md5salt', 'md5hash']],
  ],
  'Fortinet FortiOS': [
    ['set passwd ENC FortiEncBlob6 # edit "Huawei-AR"', ['FortiEncBlob6']],
    ['set psksecret ENC FortiPsk7 # Huawei peer', ['FortiPsk7']],
    ['set password ENC SH2abcdefFortiAdmin8', ['SH2abcdefFortiAdmin8']],
    ['set secret ENC FortiRadius9', ['FortiRadius9']],
    ['set key ENC FortiTacacs10', ['FortiTacacs10']],
    ['set auth-pwd ENC FortiSnmpAuth11', ['FortiSnmpAuth11']],
    ['set priv-pwd ENC FortiSnmpPriv12', ['FortiSnmpPriv12']],
    ['set passphrase ENC FortiWifi13', ['FortiWifi13']],
    ['set sae-password ENC FortiSae14', ['FortiSae14']],
  ],
  'MikroTik RouterOS': [
    ['/user add name=ops group=full password=MtPass1', ['MtPass1']],
    ['/snmp community add authentication-password=MtAuth2 encryption-password=MtPriv3 name=v3', ['MtAuth2', 'MtPriv3']],
    ['/interface wireless security-profiles add authentication-types=wpa2-psk wpa2-pre-shared-key=MtWifi4', ['MtWifi4']],
    ['/ppp secret add name=u password=MtPpp5 service=pppoe', ['MtPpp5']],
    ['/ip ipsec identity add peer=p secret=MtIpsec6', ['MtIpsec6']],
  ],
  'inventories (YAML, JSON, INI)': [
    ['password: hunter2', ['hunter2']],
    ['"psk": "Wifi-Pass-99",', ['Wifi-Pass-99']],
    ['snmp_community = PubIni1', ['PubIni1']],
    ['"passphrase": "YamlPhrase2"', ['YamlPhrase2']],
  ],
};

describe('secret redaction per dialect (probe M4)', () => {
  for (const [dialect, cases] of Object.entries(DIALECTS)) {
    describe(dialect, () => {
      for (const [line, secrets] of cases) {
        it(`hides ${secrets.join(', ')} in: ${line.trim().slice(0, 60)}`, () => {
          const out = redactSecrets(line);
          for (const secret of secrets) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
          assert.ok(out.includes(REDACTED), out);
        });
      }
    });
  }

  it('redacts the forms the probe found leaking into exactly the value, keeping the words that say what it is', () => {
    const expected: [string, string][] = [
      ['snmp-server user huawei-nms NMSGRP v3 auth sha AuthPass1 priv aes 128 PrivPass2', 'snmp-server user huawei-nms NMSGRP v3 auth sha **** priv aes 128 ****'],
      ['ntp authentication-key 1 md5 NtpSecret3 ! peer ntp.huawei.com', 'ntp authentication-key 1 md5 **** ! peer ntp.huawei.com'],
      ['enable password level 15 EnablePass4 ! HUAWEI', 'enable password level 15 **** ! HUAWEI'],
      ['dot11 ssid HUAWEI-AP wpa-psk ascii 0 WifiSecret5', 'dot11 ssid HUAWEI-AP wpa-psk ascii 0 ****'],
      ['set passwd ENC FortiEncBlob6 # edit "Huawei-AR"', 'set passwd ENC **** # edit "Huawei-AR"'],
      ['set psksecret ENC FortiPsk7 # Huawei peer', 'set psksecret ENC **** # Huawei peer'],
    ];
    for (const [line, redacted] of expected) assert.equal(redactSecrets(line), redacted);
  });

  it('leaves lines without secrets alone, including the methods and levels that look like values', () => {
    for (const line of [
      ' description uplink to HUAWEI NE40E',
      ' authentication-mode aaa',
      'snmp-server group NMSGRP v3 priv',
      'interface GigabitEthernet0/0/1',
      ' ip address 192.0.2.1 255.255.255.0',
    ]) {
      assert.equal(redactSecrets(line), line);
    }
  });

  it('keeps an excerpt of a finding on a secret line free of the secret, with the vendor name', () => {
    const line = 'snmp-server user huawei-nms NMSGRP v3 auth sha AuthPass1 priv aes 128 PrivPass2';
    const shown = excerpt(line, line.indexOf('huawei'), 'huawei');
    assert.ok(shown.includes('huawei-nms'));
    assert.ok(!/AuthPass1|PrivPass2/.test(shown), shown);
  });

  it('no secret of the probe file reaches any report format', () => {
    const secrets = ['AuthPass1', 'PrivPass2', 'NtpSecret3', 'EnablePass4', 'WifiSecret5', 'FortiEncBlob6', 'FortiPsk7'];
    const file = [
      'snmp-server user huawei-nms NMSGRP v3 auth sha AuthPass1 priv aes 128 PrivPass2',
      'ntp authentication-key 1 md5 NtpSecret3 ! peer ntp.huawei.com',
      'enable password level 15 EnablePass4 ! HUAWEI',
      'dot11 ssid HUAWEI-AP wpa-psk ascii 0 WifiSecret5',
      'set passwd ENC FortiEncBlob6 # edit "Huawei-AR"',
      'set psksecret ENC FortiPsk7 # Huawei peer',
      '',
    ].join('\n');
    const reports = scanTexts({ 'secrets.cfg': file });
    assert.ok(reports.findings.length >= 6, `a finding on every line: ${reports.findings.length}`);
    for (const [format, text] of Object.entries(reports.rendered)) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in the ${format} report`);
    }
  });
});
