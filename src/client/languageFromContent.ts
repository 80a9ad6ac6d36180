// A config opened as plain text, Properties (.cfg) or a log gets its dialect's grammar when the language
// server recognises the dialect with high confidence. Each document is changed at most once per session:
// a language the user picks afterwards is theirs. vendorlens.detectLanguageFromContent turns it off.
import * as vscode from 'vscode';
import type { DocumentDialectParams } from '../shared/protocol';
import { languageForDialect } from './dialectLanguages';

export class LanguageFromContent {
  /** Documents whose language was set once: never again this session. */
  private readonly changed = new Set<string>();

  constructor(private readonly output: vscode.LogOutputChannel) {}

  async onDialect(params: DocumentDialectParams): Promise<void> {
    if (this.changed.has(params.uri)) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === params.uri);
    if (!document || document.version !== params.version) return;
    if (!vscode.workspace.getConfiguration('vendorlens', document.uri).get<boolean>('detectLanguageFromContent', true)) return;
    const language = languageForDialect(document.languageId, params.dialect, params.confidence);
    if (!language) return;
    this.changed.add(params.uri);
    try {
      await vscode.languages.setTextDocumentLanguage(document, language);
      this.output.info(vscode.l10n.t('{0}: shown as {1}, recognised from its content (vendorlens.detectLanguageFromContent).', vscode.workspace.asRelativePath(document.uri), language));
    } catch (e) {
      this.output.error(String(e));
    }
  }

  /** Whether this session set the document's language (tests wait on it). */
  wasChanged(uri: vscode.Uri): boolean {
    return this.changed.has(uri.toString());
  }
}
