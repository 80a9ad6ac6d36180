// GitHub Actions workflow commands (`::error file=…,line=…::message`): each open finding becomes an
// annotation on the pull request's diff. Escaping follows the documented syntax (as @actions/core writes
// it): in the message %, CR and LF; in a property also : and ,. Other control characters are shown as
// escapes, so a file's content cannot start a workflow command of its own.
import { showControls } from './controls';
import type { ReportFinding, ReportProblem } from './scanReport';
import type { WriterFactory } from './writer';

const COMMAND: Record<ReportFinding['severity'], 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeAnnotationProperty(showControls(String(v)))}`)
    .join(',');
  return `::${name} ${props}::${escapeAnnotationData(showControls(message))}\n`;
}

function findingAnnotation(f: ReportFinding): string {
  const place = f.location ? `${f.location}: ` : '';
  return command(
    COMMAND[f.severity],
    { file: f.file, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `VendorLens: ${f.vendor} (${f.rule})` },
    `${place}${f.message}`,
  );
}

function problemAnnotation(p: ReportProblem): string {
  const where = p.line > 0 ? { line: p.line, col: p.column > 0 ? p.column : undefined } : {};
  return command(p.severity === 'information' ? 'notice' : p.severity, { file: p.file, ...where, title: `VendorLens: ${p.code}` }, p.message);
}

/** The annotations, streamed: one per finding listed, as each file finishes, then one per problem; nothing at all for a clean scan. */
export const githubWriter: WriterFactory = (info, sink) => ({
  file(report) {
    let text = '';
    for (const f of report.findings) if (info.includeAccepted || !f.accepted) text += findingAnnotation(f);
    if (text !== '') sink.write(0, text);
    if (report.problems.length > 0) sink.write(1, report.problems.map(problemAnnotation).join(''));
  },
  end() {},
});
