// The `vendorlens/*` messages between the VS Code client and the language server. Other editors never
// send them: everything they need is standard LSP. Types only and constants, so the client bundle
// does not pull in the server.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ReportFormat } from '../core/report/render';
import type { FileReport } from '../core/report/scanReport';
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
  /** The compact record reports are written from, for one file of the report export (text in the request). */
  fileReport: 'vendorlens/fileReport',
  /** Writes a report from those records with the report modules the CLI uses, under the folder's profiles. */
  renderReport: 'vendorlens/renderReport',
  /** Server → client: read a workspace file (the web worker has no file system). */
  readFile: 'vendorlens/readFile',
  /**
   * Server → client notification, to a client that asks for it (initializationOptions.dialectNotifications):
   * the config dialect recognised in an open document, so the client can give it that dialect's grammar.
   */
  documentDialect: 'vendorlens/documentDialect',
  /** Client → server notification: the workspace was trusted. */
  trustChanged: 'vendorlens/trustChanged',
  /**
   * What the server holds for a document: the settings it applies and the version it has. Answered after
   * every message sent before it, so a client (and a test) can wait for a setting or an edit to reach the
   * server instead of waiting for time to pass.
   */
  documentState: 'vendorlens/documentState',
  /** Reads and analyses an XLSX/ODS workbook whose bytes come with the request, for the workbook view. */
  analyzeWorkbook: 'vendorlens/analyzeWorkbook',
  /** The policy-file edit accepting one finding of a workbook (bytes in the request). */
  workbookAcceptanceEdit: 'vendorlens/workbookAcceptanceEdit',
  /** The report record of a workbook (bytes in the request), for the report export. */
  workbookFileReport: 'vendorlens/workbookFileReport',
} as const;

export interface DocumentDialectParams {
  uri: string;
  version: number;
  /** A dialect id ('huawei-vrp', 'cisco-ios', 'unknown'…). */
  dialect: string;
  confidence: 'high' | 'medium' | 'low';
}

export interface DocumentStateResult {
  /** The settings the server applies to the document (as pulled from the client). */
  run: 'onType' | 'onSave';
  /** The version of the document the server holds; undefined when it is not open there. */
  version?: number;
  /** Whether an analysis of it is waiting to run (the typing delay). */
  analysisScheduled: boolean;
}

/** A workbook's bytes travel base64-encoded: JSON-RPC carries no binary. */
export interface AnalyzeWorkbookParams {
  uri: string;
  base64: string;
}

export interface WorkbookFileReportParams extends AnalyzeWorkbookParams {
  /** The file as the report names it: its workspace-relative path. */
  display: string;
}

export interface WorkbookAcceptanceEditParams extends AnalyzeWorkbookParams {
  findingId: string;
  note: NoteInput;
}

export type { WorkbookView, WorkbookFindingView, WorkbookSheetView, WorkbookProblemView } from '../core/services/workbook';

export interface AnalyzeTextParams {
  uri: string;
  text: string;
  languageId?: string;
}

export interface AnalyzeTextResult {
  diagnostics: Diagnostic[];
  elapsedMs: number;
}

export interface FileReportParams {
  uri: string;
  text: string;
  languageId?: string;
  /** The file as the report names it: its workspace-relative path. */
  display: string;
}

export interface RenderReportParams {
  format: ReportFormat;
  /** In report order. */
  files: FileReport[];
  /** A resource of the workspace folder whose settings and policy file decide the profiles. */
  uri?: string;
}

export type { FileReport, ReportFormat };

/** The names the VS Code client shows in its views (the knowledge base in effect for a folder). */
export interface KnowledgeSummary {
  vendors: { id: string; displayName: string; status: 'flagged' | 'borderline' }[];
  advisories: { id: string; title: string; issuer: string; jurisdiction: string; date: string; url: string }[];
  profiles: { id: string; title: string }[];
  /** The profiles in effect for the workspace (setting, else policy file, else the default). */
  activeProfiles?: { id: string; title: string }[];
  /** Version and review date of the knowledge base, and whether it is over 180 days old (by the date alone). */
  dataVersion?: string;
  reviewedOn?: string;
  dataOld?: boolean;
}

