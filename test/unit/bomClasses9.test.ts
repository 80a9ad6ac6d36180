// Software classes of round 9: the flagged makers' SDKs as dependency manifests, lock files and build files write
// them. Huawei Cloud's namespaces (Maven com.huaweicloud, GitHub/Go huaweicloud, npm @huaweicloud), HMS Core and
// AppGallery Connect npm scopes, EZVIZ's Maven and GitHub owners; packages of registries without namespaces by
// their names (PyPI, pub.dev, CocoaPods, Cordova plugin ids); native SDK libraries as linkers name them; a POM's
// <groupId> and Gradle's group key; and the JVM package of Kaspersky's mobile SDK in imports.
import { strict as assert } from 'node:assert';
import { createPurlMatcher } from '../../src/core/evidence/purl';
import { detectFormat } from '../../src/core/formats/detect';
import type { Field } from '../../src/core/model';
import { knowledge, languageService, textDocument } from './helpers';

function line(text: string, role: Field['role'] = 'other'): Field {
  return { offset: 0, text, role };
}

/** Vendors found in a file as the command line reads it (no editor language id). */
function vendorsInFile(text: string, uri: string): string[] {
  const findings = languageService().analyze(textDocument(text, uri, '')).findings;
  return [...new Set(findings.map((f) => f.vendorId))].sort();
}

describe('Huawei Cloud, HMS Core and EZVIZ namespaces (bundled data)', () => {
  const purls = createPurlMatcher(knowledge());
  const hits = (text: string) => purls.match(line(text)).map((e) => [e.vendorId, e.matched]);

  it('reads Huawei Cloud SDKs in Maven coordinates, Go module paths, npm scopes and package URLs', () => {
    assert.deepEqual(hits('    implementation "com.huaweicloud.sdk:huaweicloud-sdk-ecs:3.1.90"'), [['huawei', 'com.huaweicloud.sdk']]);
    assert.deepEqual(hits('\tgithub.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.98 // indirect'), [['huawei', 'huaweicloud']]);
    assert.deepEqual(hits('    "@huaweicloud/huaweicloud-sdk-iam": "^3.1.90",'), [['huawei', '@huaweicloud']]);
    assert.deepEqual(hits('pkg:golang/github.com/huaweicloud/huaweicloud-sdk-go-obs@v3.23.4'), [['huawei', 'github.com/huaweicloud']], 'syft and trivy write Go modules so');
    assert.deepEqual(hits('pkg:maven/com.huaweicloud/esdk-obs-java-bundle@3.23.9'), [['huawei', 'com.huaweicloud']]);
  });

  it('reads the HMS Core JavaScript and AppGallery Connect npm scopes', () => {
    assert.deepEqual(hits("import '@hw-hmscore/analytics-web';"), [['huawei', '@hw-hmscore']]);
    assert.deepEqual(hits('const agc = require("@agconnect/api");'), [['huawei', '@agconnect']]);
  });

  it('reads EZVIZ\'s Maven group (io.github.<GitHub owner>) and GitHub organisations as Hikvision', () => {
    assert.deepEqual(hits('    implementation("io.github.ezviz-open:ezviz-sdk:5.20")'), [['hikvision', 'io.github.ezviz-open']]);
    assert.deepEqual(hits('git clone https://github.com/Ezviz-OpenBiz/EZUIKit-JavaScript'), [['hikvision', 'Ezviz-OpenBiz']]);
  });

  it('leaves look-alike owners, scopes and groups alone', () => {
    assert.deepEqual(hits('\tgithub.com/huaweicloudx/tool v1.0.0'), []);
    assert.deepEqual(hits('"@agconnectors/core": "1.0.0"'), []);
    assert.deepEqual(hits('implementation("io.github.ezviz-opener:x:1")'), []);
    assert.deepEqual(hits('\tgithub.com/huandu/xstrings v1.5.0 // indirect'), []);
  });
});

describe('a POM\'s <groupId> and Gradle\'s group key are Maven namespaces', () => {
  const purls = createPurlMatcher(knowledge());

  it('reads the groupId element and underlines the group only', () => {
    const text = '        <groupId>com.huaweicloud</groupId>';
    const [hit] = purls.match(line(text));
    assert.deepEqual([hit?.vendorId, text.slice(hit!.start, hit!.end)], ['huawei', 'com.huaweicloud']);
    assert.match(hit!.detail, /Maven groupId "com\.huaweicloud"/);
    assert.deepEqual(purls.match(line('<groupId>com.zaxxer</groupId>')), [], 'HikariCP: no maker of ours');
  });

  it('reads `group: \'…\'` and `group = "…"`, but not in an exclusion on the same line', () => {
    assert.equal(purls.match(line("    implementation group: 'com.huaweicloud.sdk', name: 'huaweicloud-sdk-vpc', version: '3.1.90'"))[0]?.vendorId, 'huawei');
    assert.equal(purls.match(line('agcp = { group = "com.huawei.agconnect", name = "agcp", version = "1.9.1.301" }'))[0]?.vendorId, 'huawei');
    assert.deepEqual(purls.match(line("    exclude group: 'com.huaweicloud.sdk', module: 'huaweicloud-sdk-core'")), []);
  });
});

describe('packages of registries without namespaces, by their names', () => {
  const purls = createPurlMatcher(knowledge());
  const names = (text: string, role: Field['role'] = 'other') => purls.match(line(text, role)).map((e) => [e.vendorId, e.matched, e.confidence]);

  it('reads the Huawei Cloud Python SDK in requirements, setup.py and pyproject lists, imports and purls', () => {
    assert.deepEqual(names('huaweicloudsdkcore>=3.1.70'), [['huawei', 'huaweicloudsdkcore', 'high']]);
    assert.deepEqual(names('        "huaweicloudsdkecs==3.1.90",'), [['huawei', 'huaweicloudsdkecs', 'high']]);
    assert.deepEqual(names('from huaweicloudsdkvpc.v2 import VpcClient'), [['huawei', 'huaweicloudsdkvpc.v2', 'high']]);
    assert.deepEqual(names('"purl": "pkg:pypi/huaweicloudsdkcore@3.1.86"'), [['huawei', 'huaweicloudsdkcore', 'high']]);
    assert.deepEqual(names('# pip install huaweicloudsdkcore.', 'comment'), [['huawei', 'huaweicloudsdkcore', 'low']], 'a sentence\'s full stop is no part of the name');
    assert.deepEqual(names('myhuaweicloudsdkwrapper==1.0'), [], 'inside a longer name');
  });

  it('reads the HMS Core Flutter plugins as pubspec and pubspec.lock keys and Dart imports, not as prose or constants', () => {
    assert.deepEqual(names('  huawei_push: ^6.12.0+300'), [['huawei', 'huawei_push', 'high']]);
    assert.deepEqual(names('  huawei_location:'), [['huawei', 'huawei_location', 'high']]);
    assert.deepEqual(names("import 'package:huawei_map/huawei_map.dart';"), [['huawei', 'huawei_map', 'high']]);
    assert.deepEqual(names('      name: huawei_hmsavailability'), [['huawei', 'huawei_hmsavailability', 'high']]);
    assert.deepEqual(names('We call the huawei_push plugin on start.'), [], 'no key, import or name field');
    assert.deepEqual(names('"HUAWEI_APP_ID": ""'), [], 'pub names are lower case');
    assert.deepEqual(names('  my_huawei_push: ^1.0.0'), [], 'inside a longer name');
  });

  it('reads AppGallery Connect pods and the HMS Core Cordova plugin ids', () => {
    assert.deepEqual(names("  pod 'AGConnectCore', '~> 1.9.0.301'"), [['huawei', 'AGConnectCore', 'high']]);
    assert.deepEqual(names('  - AGConnectAuth (1.9.0.300):'), [['huawei', 'AGConnectAuth', 'high']]);
    assert.deepEqual(names('"file": "plugins/cordova-plugin-hms-location/www/utils.js",'), [['huawei', 'cordova-plugin-hms-location', 'high']]);
    assert.deepEqual(names('cordova plugin add cordova-plugin-hmac-sha256'), []);
    assert.deepEqual(names('copy agconnect-services.plist into the project'), [], 'pod names keep their case');
  });
});

describe('native SDK libraries as build files link them', () => {
  const purls = createPurlMatcher(knowledge());
  const libs = (text: string) => purls.match(line(text)).map((e) => [e.vendorId, e.matched, e.confidence]);

  it('reads Hikvision\'s HCNetSDK and Dahua\'s NetSDK in link flags, library files and headers (high)', () => {
    assert.deepEqual(libs('LIBS += -L$$PWD/lib -lHCNetSDK -lPlayCtrl'), [['hikvision', 'HCNetSDK', 'high']]);
    assert.deepEqual(libs('COPY lib/libhcnetsdk.so /usr/lib/'), [['hikvision', 'hcnetsdk', 'high']]);
    assert.deepEqual(libs('#include "incEn/HCNetSDK.h"'), [['hikvision', 'HCNetSDK', 'high']]);
    assert.deepEqual(libs('win32:LIBS += ../lib/win32/dhnetsdk.lib'), [['dahua', 'dhnetsdk', 'high']]);
    assert.deepEqual(libs('target_link_libraries(app dhconfigsdk pthread)'), [['dahua', 'dhconfigsdk', 'medium']]);
  });

  it('takes the bare name for medium evidence, and leaves longer names and other libraries alone', () => {
    assert.deepEqual(libs('ENV LD_LIBRARY_PATH=/opt/hcnetsdk/lib'), [['hikvision', 'hcnetsdk', 'medium']]);
    assert.deepEqual(libs('LD_LIBRARY_PATH=$ROOT/HCNetSDKCom'), []);
    assert.deepEqual(libs('public static class CHCNetSDKWrapper {}'), []);
    assert.deepEqual(libs('LIBS += -lmynetsdk -lnetsdkx'), []);
  });
});

describe('the JVM package of Kaspersky\'s mobile SDK in imports', () => {
  const purls = createPurlMatcher(knowledge());

  it('reads Java and Kotlin imports of com.kavsdk, not other packages or a prose mention', () => {
    const [hit] = purls.match(line('import com.kavsdk.antivirus.Scanner;'));
    assert.deepEqual([hit?.vendorId, hit?.matched, hit?.confidence], ['kaspersky', 'com.kavsdk.antivirus', 'high']);
    assert.equal(purls.match(line('import com.kavsdk.license.SdkLicense'))[0]?.vendorId, 'kaspersky');
    assert.deepEqual(purls.match(line('import com.kavsdkexample.core.app.Utils;')), [], 'a longer package');
    assert.deepEqual(purls.match(line('the com.kavsdk.antivirus package scans files')), [], 'no import');
  });
});

describe('file paths inside SBOMs say where a file is, not who made it', () => {
  const spdx = (files: string) =>
    `SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: netparse\nDocumentNamespace: https://example.org/netparse\nCreator: Tool: example-1.0\nCreated: 2026-01-01T00:00:00Z\n\nPackageName: netparse\nSPDXID: SPDXRef-Package-netparse\nPackageVersion: 2.1.0\nPackageSupplier: Organization: Example Networks Ltd\nPackageDownloadLocation: NOASSERTION\nFilesAnalyzed: true\n\n${files}`;
  const findingsIn = (text: string, uri: string, languageId: string) =>
    languageService().analyze(textDocument(text, uri, languageId)).findings.map((f) => [f.vendorId, f.evidence.matched]);

  it('takes no maker\'s name from an SPDX FileName, but still reads a maker\'s library file there', () => {
    const parsers = 'FileName: ./tests/fixtures/huawei/display_version.txt\nSPDXID: SPDXRef-File-1\n\nFileName: ./netparse/parsers/huawei_vrp.py\nSPDXID: SPDXRef-File-2\n';
    assert.deepEqual(findingsIn(spdx(parsers), 'file:///sbom/netparse.spdx', 'spdx'), []);
    const sdk = 'FileName: ./camera-bridge/lib/libhcnetsdk.so\nSPDXID: SPDXRef-File-3\n';
    assert.deepEqual(findingsIn(spdx(sdk), 'file:///sbom/bridge.spdx', 'spdx'), [['hikvision', 'hcnetsdk']]);
  });

  it('takes no maker\'s name from a CycloneDX occurrence or a scanner\'s path property', () => {
    const bom = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        { type: 'library', name: 'netparse', version: '2.1.0', purl: 'pkg:pypi/netparse@2.1.0', evidence: { occurrences: [{ location: '/app/tests/huawei/show_run.txt' }] } },
        { type: 'library', name: 'textfsm', version: '1.1.3', properties: [{ name: 'syft:location:0:path', value: '/usr/lib/python3/site-packages/templates/hikvision_isapi.textfsm' }] },
      ],
    });
    assert.deepEqual(findingsIn(bom, 'file:///sbom/app.cdx.json', 'json'), []);
  });
});

describe('CSAF advisories and VEX documents', () => {
  const csaf = (vendor: string, product: string) =>
    JSON.stringify(
      {
        document: { category: 'csaf_vex', csaf_version: '2.0', publisher: { category: 'vendor', name: 'Example Integrator', namespace: 'https://integrator.example' }, title: 'VEX for the site kit' },
        product_tree: { branches: [{ category: 'vendor', name: vendor, branches: [{ category: 'product_name', name: product, branches: [{ category: 'product_version', name: '5.7.3', product: { product_id: 'P1', name: `${product} 5.7.3` } }] }] }] },
        vulnerabilities: [{ cve: 'CVE-2021-36260', product_status: { known_not_affected: ['P1'] } }],
      },
      null,
      2,
    );
  const findingsIn = (text: string) => languageService().analyze(textDocument(text, 'file:///vex/site.csaf.json', 'json')).findings;

  it('reads a CSAF document in the editor, taking a vendor branch\'s name as the maker of the products below it', () => {
    const text = csaf('Hikvision', 'DS-2CD2143G2-I');
    assert.equal(detectFormat({ uri: 'file:///vex/site.csaf.json', languageId: 'json', text }), 'inventory-json');
    const branch = findingsIn(text).find((f) => f.evidence.field.role === 'maker');
    assert.deepEqual([branch?.vendorId, branch?.evidence.confidence, branch?.evidence.field.row?.part], ['hikvision', 'high', 'DS-2CD2143G2-I']);
  });

  it('takes no maker from the publisher of the advisory or from another vendor\'s branch', () => {
    assert.deepEqual(findingsIn(csaf('Axis Communications', 'M3106-L Mk II')), []);
  });

  it('reads an OpenVEX statement\'s product by its package URL', () => {
    const vex = JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', statements: [{ vulnerability: { name: 'CVE-2024-0001' }, products: [{ '@id': 'pkg:maven/com.huawei.hms/push@6.11.0.300' }], status: 'not_affected' }] });
    assert.deepEqual(findingsIn(vex).map((f) => [f.vendorId, f.evidence.kind]), [['huawei', 'purl']]);
  });
});

describe('manifests of round 9 end to end (command line, no language id)', () => {
  it('finds the SDKs in a go.mod, a requirements file, a Podfile, a pubspec and a qmake project that name no maker', () => {
    assert.deepEqual(vendorsInFile('module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.76\n)\n', 'file:///app/go.mod'), ['huawei']);
    assert.deepEqual(vendorsInFile('requests>=2.31\nhuaweicloudsdkcore>=3.1.70\nhuaweicloudsdkobs>=3.24.1\n', 'file:///app/requirements.txt'), ['huawei']);
    assert.deepEqual(vendorsInFile("platform :ios, '13.0'\ntarget 'Shop' do\n  pod 'AGConnectCore'\n  pod 'Alamofire'\nend\n", 'file:///app/Podfile'), ['huawei']);
    assert.deepEqual(vendorsInFile('name: shop\ndependencies:\n  flutter:\n    sdk: flutter\n  huawei_push: ^6.12.0+300\n', 'file:///app/pubspec.yaml'), ['huawei']);
    assert.deepEqual(vendorsInFile('TEMPLATE = app\nSOURCES += main.cpp\nLIBS += -L./lib -lhcnetsdk -lHCCore\n', 'file:///viewer/viewer.pro'), ['hikvision']);
  });

  it('finds a PyPI component of a CycloneDX SBOM by its purl name', () => {
    const sbom = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        { type: 'library', name: 'huaweicloudsdkcore', version: '3.1.86', purl: 'pkg:pypi/huaweicloudsdkcore@3.1.86' },
        { type: 'library', name: 'requests', version: '2.31.0', purl: 'pkg:pypi/requests@2.31.0' },
      ],
    });
    const findings = languageService().analyze(textDocument(sbom, 'file:///app/bom.cdx.json', 'json')).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.evidence.kind]), [['huawei', 'purl']]);
  });

  it('finds nothing in manifests that only hold look-alike letters or other makers\' SDKs', () => {
    assert.deepEqual(vendorsInFile('<dependency>\n  <groupId>com.zaxxer</groupId>\n  <artifactId>HikariCP</artifactId>\n</dependency>\n', 'file:///svc/pom.xml'), []);
    assert.deepEqual(vendorsInFile('{\n  "dependencies": {\n    "@aztec/aztec.js": "^0.8.7",\n    "ethers": "^5.7"\n  }\n}\n', 'file:///dapp/package.json'), []);
    assert.deepEqual(vendorsInFile('require (\n\tgithub.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.0.209\n\tgithub.com/huandu/xstrings v1.5.0\n)\n', 'file:///svc/go.mod'), []);
    assert.deepEqual(vendorsInFile("dependencies {\n    implementation 'com.hihonor.mcs:push:7.0.61.303'\n    implementation 'com.umeng.umsdk:xiaomi-push:6.0.1'\n}\n", 'file:///app/build.gradle'), []);
  });
});
