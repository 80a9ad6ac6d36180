// GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues, each with
// description, check_name, fingerprint, severity and location.path + location.lines.begin, as documented
// at https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format. GitLab shows them in the
// merge request widget and the pipeline's Code Quality tab. Streamed: an issue per finding as its file finishes.
import type { FindingSeverity } from '../model';
import { textHash } from '../review/fingerprint';
import { escapeControlsInJson, showControls } from './controls';
import type { ReportFinding, ReportProblem } from './scanReport';
import type { WriterFactory } from './writer';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
}

/** A ban in force is what a merge must not add: critical. Blocker is left to people. */
const SEVERITY: Record<FindingSeverity, GitlabSeverity> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };
const PROBLEM_SEVERITY: Record<ReportProblem['severity'], GitlabSeverity> = { error: 'major', warning: 'minor', information: 'info' };

function findingIssue(f: ReportFinding): GitlabIssue {
  const place = f.location ? `${f.location}: ` : '';
  return {
    description: showControls(`${f.accepted ? 'Accepted: ' : ''}${place}${f.message}`),
    check_name: f.rule,
    // Unique in the report (GitLab compares a branch's fingerprints with the target's): the file and the
    // finding's own fingerprint, which survives line shifts.
    fingerprint: textHash(`${f.file}\u0000${f.fingerprint}`),
    severity: f.accepted ? 'info' : SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: Math.max(1, f.line) } },
  };
}

function problemIssue(p: ReportProblem, occurrence: number): GitlabIssue {
  return {
    description: showControls(p.location ? `${p.location}: ${p.message}` : p.message),
    check_name: `vendorlens/${p.code}`,
    fingerprint: textHash(`${p.file}\u0000${p.code}\u0000${occurrence}`),
    severity: PROBLEM_SEVERITY[p.severity],
    location: { path: p.file, lines: { begin: Math.max(1, p.line) } },
  };
}

export const gitlabWriter: WriterFactory = (info, sink) => {
  let count = 0;
  const add = (issue: GitlabIssue) => sink.write(0, (count++ === 0 ? '[\n  ' : ',\n  ') + escapeControlsInJson(JSON.stringify(issue)));
  return {
    file(report) {
      for (const f of report.findings) if (info.includeAccepted || !f.accepted) add(findingIssue(f));
      // A file not (fully) read belongs in the merge request; a skipped binary or an information note does not.
      report.problems.forEach((p, i) => {
        if (p.severity !== 'information') add(problemIssue(p, i));
      });
    },
    end() {
      sink.write(0, count === 0 ? '[]\n' : '\n]\n');
    },
  };
};
