// Accepting a finding in a file without comments may create the policy file: the reviewer is told which
// file, and that it is part of the edit (Undo removes it).
import * as vscode from 'vscode';
import type { WorkspaceEdit as ProtocolWorkspaceEdit } from 'vscode-languageclient';

/** The files a workspace edit creates. */
export function createdFiles(edit: ProtocolWorkspaceEdit): string[] {
  return (edit.documentChanges ?? []).flatMap((change) => ('kind' in change && change.kind === 'create' ? [change.uri] : []));
}

export function announceCreatedFiles(edit: ProtocolWorkspaceEdit): void {
  for (const uri of createdFiles(edit)) {
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
    void vscode.window.showInformationMessage(vscode.l10n.t('VendorLens created {0} for review decisions on files without comments; Undo removes it.', name));
  }
}
