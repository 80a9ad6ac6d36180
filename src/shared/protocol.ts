// The `vendorlens/*` messages between the VS Code client and the language server. Other editors never
// send them: everything they need is standard LSP. Types only and constants, so the client bundle
// does not pull in the server.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AcceptanceScope, NoteInput } from '../core/services/codeActions';

export interface AcceptanceEditParams {
  uri: string;
  findingId: string;
  scope: AcceptanceScope;
  note: NoteInput;
}

export const Requests = {
  acceptanceEdit: 'vendorlens/acceptanceEdit',
  vendorDetails: 'vendorlens/vendorDetails',
  /** Analyses a file the editor has not opened (the workspace review): its text comes with the request. */
  analyzeText: 'vendorlens/analyzeText',
  knowledgeSummary: 'vendorlens/knowledgeSummary',
  /** Server → client: read a workspace file (the web worker has no file system). */
  readFile: 'vendorlens/readFile',
  /** Client → server notification: the workspace was trusted. */
  trustChanged: 'vendorlens/trustChanged',
} as const;

export interface AnalyzeTextParams {
  uri: string;
  text: string;
  languageId?: string;
}

export interface AnalyzeTextResult {
  diagnostics: Diagnostic[];
  elapsedMs: number;
}

/** The names the VS Code client shows in its views (the knowledge base in effect for a folder). */
export interface KnowledgeSummary {
  vendors: { id: string; displayName: string; status: 'flagged' | 'borderline' }[];
  advisories: { id: string; title: string; issuer: string; jurisdiction: string; date: string; url: string }[];
  profiles: { id: string; title: string }[];
}

