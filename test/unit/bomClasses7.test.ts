// BOM and SBOM classes of round 7: package URL namespaces of the makers as registries write them, Ansible's
// network_os id for Huawei CloudEngine, and build-file dependency exclusions (an artifact named to keep it out).
import { strict as assert } from 'node:assert';
import { createPurlMatcher } from '../../src/core/evidence/purl';
import { createVendorNameMatcher } from '../../src/core/evidence/vendorNames';
import type { Field } from '../../src/core/model';
import { knowledge, languageService, textDocument } from './helpers';

function line(text: string): Field {
  return { offset: 0, text, role: 'other' };
}

function vendorsIn(text: string, uri: string, languageId = 'plaintext'): string[] {
  const findings = languageService().analyze(textDocument(text, uri, languageId)).findings;
  return [...new Set(findings.map((f) => f.vendorId))].sort();
}

describe('purl namespaces of flagged makers (bundled data)', () => {
  const purls = createPurlMatcher(knowledge());
  const vendorOf = (text: string) => purls.match(line(text)).map((e) => e.vendorId);

  it('reads Maven groupIds under the makers\' reverse domains, sub-groups included', () => {
    assert.deepEqual(vendorOf('pkg:maven/com.huawei.hms/push@6.11.0.300?type=aar'), ['huawei']);
    assert.deepEqual(vendorOf('pkg:maven/com.huawei.agconnect/agconnect-core@1.9.1.301'), ['huawei']);
    assert.deepEqual(vendorOf('pkg:maven/com.kaspersky.android-components/kaspresso@1.5.3'), ['kaspersky']);
  });

  it('reads the HMS Core npm scope percent-encoded, and GitHub owners whatever their case', () => {
    const [scoped] = purls.match(line('"purl": "pkg:npm/%40hmscore/react-native-hms-location@6.12.0-301"'));
    assert.deepEqual([scoped?.vendorId, scoped?.kind, scoped?.confidence, scoped?.matched], ['huawei', 'purl', 'high', '%40hmscore']);
    assert.deepEqual(vendorOf('pkg:github/KasperskyLab/klogga@1.0.0'), ['kaspersky']);
    assert.deepEqual(vendorOf('pkg:github/HMS-Core/hms-flutter-plugin@v6.11.0'), ['huawei']);
  });

  it('leaves look-alike namespaces and other package types alone', () => {
    assert.deepEqual(vendorOf('pkg:maven/com.huaweicloudx/tool@1'), [], 'com.huaweicloud (Huawei Cloud, round 9) covers its own sub-groups only');
    assert.deepEqual(vendorOf('pkg:maven/com.huaweix/tool@1'), []);
    assert.deepEqual(vendorOf('pkg:npm/%40hmscorex/a@1'), []);
    assert.deepEqual(vendorOf('pkg:npm/kaspersky-like/a@1'), [], 'no namespace');
    assert.deepEqual(vendorOf('pkg:pypi/com.kaspersky/a@1'), [], 'the Maven entry is typed');
    assert.deepEqual(vendorOf('pkg:github/kasperskylabs/x@1'), []);
  });

  it('finds an npm-scoped HMS Core component in a CycloneDX SBOM that names no maker', () => {
    const sbom = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        { type: 'library', name: 'react-native-hms-location', group: '@hmscore', version: '6.12.0-301', purl: 'pkg:npm/%40hmscore/react-native-hms-location@6.12.0-301' },
        { type: 'library', name: 'lodash', version: '4.17.21', purl: 'pkg:npm/lodash@4.17.21' },
      ],
    });
    const findings = languageService().analyze(textDocument(sbom, 'file:///app/bom.json', 'json')).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.evidence.kind]), [['huawei', 'purl']]);
  });
});

describe('package coordinates as build files and manifests write them (purl namespaces)', () => {
  const purls = createPurlMatcher(knowledge());

  it('reads Maven/Gradle group:artifact[:version] under a maven namespace, underlining the group', () => {
    const [hit] = purls.match(line('    implementation("com.huawei.hms:push:6.13.0.300")'));
    assert.deepEqual([hit?.vendorId, hit?.kind, hit?.matched, hit?.confidence], ['huawei', 'purl', 'com.huawei.hms', 'high']);
    assert.match(hit!.detail, /Maven coordinates "com\.huawei\.hms:push"/);
    assert.equal(purls.match(line('const val huaweiLocation = "com.huawei.hms:location:${Versions.huaweiLocation}"'))[0]?.vendorId, 'huawei');
    assert.equal(purls.match(line('androidTestImplementation("com.kaspersky.android-components:kaspresso:1.5.3")'))[0]?.vendorId, 'kaspersky');
    assert.equal(purls.match({ offset: 0, text: '// com.huawei.hms:push:6.1.0.300 -> 6.13', role: 'comment' })[0]?.confidence, 'low');
  });

  it('reads npm scoped names in manifests and imports', () => {
    const [dep] = purls.match(line('    "@hmscore/react-native-hms-push": "^6.12.0-303",'));
    assert.deepEqual([dep?.vendorId, dep?.matched], ['huawei', '@hmscore']);
    assert.match(dep!.detail, /npm package "@hmscore\/react-native-hms-push"/);
    assert.equal(purls.match(line('import HMSMap from "@hmscore/react-native-hms-map";'))[0]?.vendorId, 'huawei');
  });

  it('reads GitHub repository addresses by their owner (download locations, git remotes, Go module paths)', () => {
    const text = 'PackageDownloadLocation: git+https://github.com/HMS-Core/hms-flutter-plugin.git';
    const [hit] = purls.match(line(text));
    assert.deepEqual([hit?.vendorId, hit?.matched, text.slice(hit!.start, hit!.end)], ['huawei', 'HMS-Core', 'HMS-Core']);
    assert.match(hit!.detail, /GitHub repository "HMS-Core\/hms-flutter-plugin"/);
    assert.equal(purls.match(line('git@github.com:KasperskyLab/klogga.git'))[0]?.vendorId, 'kaspersky');
    assert.deepEqual(purls.match(line('https://github.com/HMS-Core-Fans/x')), [], 'another owner');
    assert.deepEqual(purls.match(line('https://notgithub.com/HMS-Core/x')), []);
  });

  it('leaves other groups, host:port, e-mail addresses, paths and a purl\'s own body alone', () => {
    assert.deepEqual(purls.match(line('implementation("com.huaweiclouds.sdk:core:3.1.5")')), []);
    assert.deepEqual(purls.match(line('maven { url "https://developer.huawei.com/repo/" }')), []);
    assert.deepEqual(purls.match(line('huawei-push = { grouping = "com.huawei.hms" }')), [], 'only a group key is a group (round 9 reads `group = "…"`)');
    assert.deepEqual(purls.match(line('mail dev@hmscore/team or /opt/@hmscore/x')), []);
    assert.deepEqual(purls.match(line('see org.example.huawei:thing')), []);
    const both = purls.match(line('"purl": "pkg:npm/%40hmscore/react-native-hms-push@6.12.0-303"'));
    assert.deepEqual(both.map((e) => e.matched), ['%40hmscore'], 'one finding: the purl');
  });

  it('finds HMS Core in a package.json that names no maker, and one finding for a Gradle line', () => {
    const manifest = '{\n  "name": "field-app",\n  "dependencies": {\n    "@hmscore/react-native-hms-location": "^6.12.0-301",\n    "react-native": "0.72.0"\n  }\n}\n';
    // As the CLI reads it (no editor language id: a manifest that is no inventory is searched as text).
    assert.deepEqual(vendorsIn(manifest, 'file:///app/package.json', ''), ['huawei']);
    const gradle = 'dependencies {\n    implementation("com.huawei.hms:push:6.13.0.300")\n}\n';
    const findings = languageService().analyze(textDocument(gradle, 'file:///app/build.gradle.kts')).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.evidence.kind, f.evidence.matched]), [['huawei', 'purl', 'com.huawei.hms']]);
  });
});

describe('Ansible network_os and GitHub owner names', () => {
  const names = createVendorNameMatcher(knowledge());

  it('reads community.network.ce (Huawei CloudEngine) in INI and YAML inventories, not look-alike collections', () => {
    assert.deepEqual(vendorsIn('[core:vars]\nansible_network_os=community.network.ce\nansible_connection=ansible.netcommon.network_cli\n', 'file:///inv/hosts.ini'), ['huawei']);
    assert.deepEqual(vendorsIn('all:\n  vars:\n    ansible_network_os: community.network.ce\n', 'file:///inv/hosts.txt'), ['huawei']);
    assert.deepEqual(names.match(line('ansible_network_os=community.network.cnos')), [], 'Lenovo CNOS');
    assert.deepEqual(names.match(line('ansible_network_os=community.network.ceos')), []);
  });

  it('reads the KasperskyLab owner in a download location, not a longer word', () => {
    const [hit] = names.match(line('PackageDownloadLocation: git+https://github.com/KasperskyLab/Kaspresso.git'));
    assert.deepEqual([hit?.vendorId, hit?.matched], ['kaspersky', 'KasperskyLab']);
    assert.deepEqual(names.match(line('https://github.com/KasperskyLabsFan/tools')), []);
  });
});

describe('build-file dependency exclusions', () => {
  const names = createVendorNameMatcher(knowledge());
  const vendorOf = (text: string) => names.match(line(text)).map((e) => e.vendorId);

  it('ignores a maker named only to exclude its artifact (Gradle Kotlin, Groovy, map form; sbt)', () => {
    assert.deepEqual(vendorOf('        exclude(group = "com.huawei.hms", module = "hmscoreinstaller")'), []);
    assert.deepEqual(vendorOf("    exclude group: 'com.huawei.hms', module: 'push'"), []);
    assert.deepEqual(vendorOf('    exclude(mapOf("group" to "com.huawei.hms", "module" to "ads-identifier"))'), []);
    assert.deepEqual(vendorOf('libraryDependencies += ("org.acme" % "sdk" % "1.0").exclude("com.huawei.hms", "push")'), []);
    assert.deepEqual(vendorOf('excludeAll(ExclusionRule(organization = "com.kaspersky.android-components"))'), []);
  });

  it('still reads the same coordinates when they are declared, also on the line after an exclusion', () => {
    assert.deepEqual(vendorOf('    runtimeOnly("com.huawei.hms:ads-identifier:3.4.62.300")'), ['huawei']);
    assert.deepEqual(vendorOf('    implementation("com.huawei.hms:push:6.13.0.300") { exclude(group = "org.other") }'), ['huawei']);
    const gradle = 'configurations.all {\n    exclude(group = "com.huawei.hms", module = "stats")\n}\ndependencies {\n    implementation("com.huawei.hms:location:6.12.0.300")\n}\n';
    const findings = languageService().analyze(textDocument(gradle, 'file:///app/build.gradle.kts')).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.range.start.line]), [['huawei', 4]]);
  });
});
