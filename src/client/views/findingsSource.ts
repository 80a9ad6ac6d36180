// Findings as the VendorLens views see them: read from VS Code's diagnostics, so the views show exactly
// what the Problems panel shows — open files (the language server's diagnostics) and closed files (the
// workspace review's) alike — and work the same on the web. Each finding diagnostic carries its vendor,
// advisories and acceptance in `data` (see FindingData in src/core/services/diagnostics.ts).
import * as vscode from 'vscode';
import type { FindingRecord, FindingSeverity } from './findingsModel';

export const DIAGNOSTIC_SOURCE = 'VendorLens';
const FINDING_CODE = /^(?:flagged|borderline)-vendor\/(.+)$/;

interface FindingData {
  vendorId?: string;
  advisoryIds?: string[];
  advisoriesInForce?: string[];
  accepted?: boolean;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, FindingSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function codeValue(code: vscode.Diagnostic['code']): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
}

/** The VendorLens finding a diagnostic reports, or undefined for anything else (parse problems, other tools). */
export function findingOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic, path?: string): FindingRecord | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const vendorFromCode = FINDING_CODE.exec(codeValue(diagnostic.code) ?? '')?.[1];
  if (!vendorFromCode) return undefined;
  // The language client keeps LSP `data` on the diagnostics it converts.
  const data = ((diagnostic as { data?: unknown }).data ?? {}) as FindingData;
  return {
    uri: uri.toString(),
    path: path ?? displayPath(uri),
    line: diagnostic.range.start.line,
    character: diagnostic.range.start.character,
    endLine: diagnostic.range.end.line,
    endCharacter: diagnostic.range.end.character,
    message: diagnostic.message,
    severity: SEVERITY[diagnostic.severity],
    vendorId: data.vendorId ?? vendorFromCode,
    advisoryIds: data.advisoryIds ?? [],
    advisoriesInForce: data.advisoriesInForce ?? [],
    accepted: data.accepted === true,
  };
}

export function findingsOfDiagnostics(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): FindingRecord[] {
  if (diagnostics.length === 0) return [];
  // One path for the file: asRelativePath per diagnostic cost a dense file's thousand findings a thousand calls.
  const path = displayPath(uri);
  return diagnostics.flatMap((d) => findingOf(uri, d, path) ?? []);
}

export function findingsIn(uri: vscode.Uri): FindingRecord[] {
  return findingsOfDiagnostics(uri, vscode.languages.getDiagnostics(uri));
}

/** Fires (debounced) when VendorLens diagnostics change anywhere. */
export function onDidChangeFindings(listener: (uris: readonly vscode.Uri[]) => void, delayMs = 150): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = new Map<string, vscode.Uri>();
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) changed.set(uri.toString(), uri);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const uris = [...changed.values()];
      changed.clear();
      listener(uris);
    }, delayMs);
  });
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subscription.dispose();
  });
}
