// JUnit XML in the Ant/Jenkins shape CI systems read (GitLab `artifacts:reports:junit`, Jenkins, Azure
// Pipelines, CircleCI): testsuites > testsuite(tests, failures, errors, skipped) > testcase(name,
// classname), one test case per file scanned. A file fails with a <failure> per open finding at or
// above --fail-on; a file skipped (binary, over the size limit) is <skipped/>; a file that could not be
// read or analysed is an <error>. Streamed: the cases as files finish, the counts at the top at the end.
import { findingPlace, hasFailedFiles, SEVERITY_RANK, type FileReport } from './scanReport';
import { showControls } from './controls';
import { fileOf, type WriterFactory } from './writer';

/**
 * Text as XML 1.0 character data or an attribute value: controls shown as escapes (XML cannot carry most
 * of them even as references), lone surrogates replaced, markup characters as entities.
 */
export function xmlEscape(text: string): string {
  return showControls(text)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\ufffe\uffff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const SUITE = 'VendorLens scan';

export const junitWriter: WriterFactory = (info, sink) => {
  const threshold = info.failOn === 'none' ? Infinity : SEVERITY_RANK[info.failOn];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  return {
    file(report: FileReport) {
      const file = fileOf(report);
      if (file === undefined) return;
      tests++;
      const classname = `vendorlens.${report.document?.format ?? 'unread'}`;
      const body: string[] = [];
      if (hasFailedFiles(report)) {
        errors++;
        const problem = report.problems[0]!;
        body.push(`      <error message="${xmlEscape(problem.message)}" type="${xmlEscape(problem.code)}"/>`);
      } else if (!report.document) {
        skipped++;
        body.push(`      <skipped message="${xmlEscape(report.problems[0]?.message ?? 'not scanned')}"/>`);
      } else {
        const failing = report.findings.filter((f) => !f.accepted && SEVERITY_RANK[f.severity] >= threshold);
        if (failing.length > 0) failures++;
        for (const f of failing) {
          const message = `${f.severity} at ${findingPlace(f)}: ${f.message}`;
          body.push(`      <failure message="${xmlEscape(message)}" type="${xmlEscape(f.rule)}">${xmlEscape(`${file}:${findingPlace(f)} ${f.vendor} (${f.kind}, ${f.confidence}): ${f.excerpt}`)}</failure>`);
        }
      }
      const open = `    <testcase name="${xmlEscape(file)}" classname="${xmlEscape(classname)}"`;
      sink.write(1, body.length === 0 ? `${open}/>\n` : `${open}>\n${body.join('\n')}\n    </testcase>\n`);
    },
    end() {
      const counts = `tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
      sink.write(0, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="VendorLens" ${counts}>\n  <testsuite name="${SUITE}" ${counts}>\n`);
      sink.write(2, '  </testsuite>\n</testsuites>\n');
    },
  };
};
