// What the extension's reviewWorkspace() returns (src/client/review/workspaceReview.ts): the integration
// suite compiles on its own, so the shape is stated here once for the tests that read it.
export interface ReviewResult {
  total: number;
  analysed: number;
  withFindings: number;
  skipped: { uri: string; reason: string }[];
  files: { uri: string; findings: number; problems: number }[];
  notShown: { files: number; findings: number; problems: number; limit: number };
  cancelled: boolean;
}
