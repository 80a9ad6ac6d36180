// Devices and products as the unit, in a real VS Code: the bundled LLDP capture gives one finding for its
// Huawei neighbour (named, with its model and port, the other evidence as related information), a camera
// seen in both the MAC and the ARP table is one finding, and Export Report writes the flagged-asset register.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const TIMEOUT_MS = 60_000;

interface ExportResult {
  format: string;
  uri: string;
  findings: number;
}

async function openExample(example: string): Promise<vscode.Uri> {
  const opened = await vscode.commands.executeCommand<string>('vendorlens.openExample', example);
  assert.ok(opened?.endsWith(`/examples/${example}`), opened);
  return vscode.Uri.parse(opened);
}

/** The file's VendorLens diagnostics once the server has published some. */
function findingsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `VendorLens diagnostics for ${path.basename(uri.fsPath)}`,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'VendorLens' && String(d.code && typeof d.code === 'object' ? d.code.value : d.code).startsWith('flagged-vendor/'));
      return diagnostics.length > 0 ? diagnostics : undefined;
    },
    { timeoutMs: TIMEOUT_MS, describe: () => JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message)) },
  );
}

const vendorOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code).replace('flagged-vendor/', '');

describe('devices and products as the unit', function () {
  this.timeout(2 * TIMEOUT_MS);

  it('the LLDP capture gives one finding for its Huawei neighbour, naming it, its model and the port', async () => {
    const findings = await findingsOf(await openExample('configs/dc1-core-sw1_show-lldp-neighbors-detail.txt'));
    const huawei = findings.filter((d) => vendorOf(d) === 'huawei');
    assert.equal(huawei.length, 1, JSON.stringify(huawei.map((d) => d.message)));
    const [neighbour] = huawei;
    for (const part of ['dist-sw2', 'S5735-L48T4X-A1', 'Te1/0/1']) assert.ok(neighbour!.message.includes(part), `${part} in: ${neighbour!.message}`);
    assert.ok((neighbour!.relatedInformation ?? []).length >= 2, 'its MAC, banner and copyright lines are related information');
  });

  it('a camera seen in the MAC table and in the ARP table is one finding, with its MAC and IP', async () => {
    const findings = await findingsOf(await openExample('configs/bldg2-access-sw4_show-mac-arp.txt'));
    const cameras = findings.filter((d) => vendorOf(d) === 'hikvision');
    assert.equal(cameras.length, 1, JSON.stringify(cameras.map((d) => d.message)));
    assert.match(cameras[0]!.message, /44:19:B6:C2:7E:15/);
    assert.match(cameras[0]!.message, /10\.40\.0\.23/);
    assert.ok((cameras[0]!.relatedInformation ?? []).length >= 1, 'the other sighting is related information');
  });

  it('Export Report writes the flagged-asset register as CSV for Excel, one row per device or product', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorlens-register-'));
    try {
      const target = vscode.Uri.file(path.join(outDir, 'register.csv'));
      const result = await vscode.commands.executeCommand<ExportResult | undefined>('vendorlens.exportReport', { format: 'register-csv', target });
      assert.ok(result, 'the export ran');
      assert.equal(result.format, 'register-csv');
      const text = fs.readFileSync(target.fsPath, 'utf8');
      assert.ok(text.startsWith('\uFEFFvendor,kind,device kind,hostname,model,MAC'), text.slice(0, 80));
      const rows = text.split('\r\n').filter((line) => line !== '').slice(1);
      assert.equal(rows.length, result.findings, 'a row per finding exported');
      assert.ok(rows.some((row) => row.startsWith('Huawei,device,')), 'the VRP file is a device row');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
