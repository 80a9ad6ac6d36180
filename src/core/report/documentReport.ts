// What the Markdown and HTML reports share: one streamed writer for a document with a head (title, scan
// facts, summary tables), a section per file with findings listed, the advisories cited and the problems
// met. Each format gives its markup (a DocumentLayout); the order of parts and what is counted are here.
import type { Advisory, KnowledgeBase, Profile } from '../model';
import { showControlsInDocument } from './controls';
import type { OmittedFindings, ReportFinding, ReportProblem } from './scanReport';
import { SummaryCounter, type ReportSummary } from './summary';
import type { RunInfo, WriterFactory } from './writer';

/** What a document's head says about the run. */
export type DocumentHead = Pick<RunInfo, 'kb' | 'profiles' | 'generatedOn' | 'toolVersion'> & { omitted: OmittedFindings };

export interface DocumentLayout {
  /** Title, scan facts, summary tables, what was left out, and the Findings heading; `listed` findings are listed. */
  head(head: DocumentHead, summary: ReportSummary, files: number, listed: number): string[];
  /** A file's findings; `total` is how many it has when fewer are listed. */
  file(kb: KnowledgeBase, file: string, findings: readonly ReportFinding[], total: number): string[];
  advisories(advisories: readonly Advisory[]): string[];
  problemsHead: readonly string[];
  problem(p: ReportProblem): string;
  /** Lines after the last problem, when there were any. */
  problemsEnd: readonly string[];
  /** The document's last lines. */
  end: readonly string[];
  /** At most this many findings are listed; `unlisted` says how many more there are. */
  maxListed: number;
  unlisted(count: number): string[];
}

/**
 * A document report, streamed: file sections as they finish (part 1, then a note of any not listed),
 * problems as met (part 3); the head with the summary (part 0), the advisories cited (part 2) and the
 * end once the last file is in.
 */
export function documentWriter(layout: DocumentLayout): WriterFactory {
  return (info, sink) => {
    const tally = new DocumentTally(info.kb, info.profiles, info.includeAccepted);
    let listed = 0;
    let unlisted = 0;
    // Lines after the head's first are written with the line break before them: the document is its lines joined by \n.
    const write = (part: number, lines: readonly string[]) => sink.write(part, showControlsInDocument(lines.map((l) => '\n' + l).join('')));
    return {
      file(report) {
        const problemsBefore = tally.problems;
        const shown = tally.take(report);
        const room = Math.max(0, layout.maxListed - listed);
        if (shown.length > 0 && room > 0) write(1, layout.file(info.kb, shown[0]!.file, shown.slice(0, room), shown.length));
        listed += Math.min(room, shown.length);
        unlisted += shown.length - Math.min(room, shown.length);
        if (report.problems.length > 0) write(3, [...(problemsBefore === 0 ? layout.problemsHead : []), ...report.problems.map(layout.problem)]);
      },
      end(totals) {
        const head = { ...info, omitted: { accepted: tally.notListed, inBaseline: totals.inBaseline } };
        const [first, ...rest] = layout.head(head, tally.counter.summary(info.generatedOn), tally.files, listed + unlisted);
        sink.write(0, first!);
        write(0, rest);
        if (unlisted > 0) write(1, layout.unlisted(unlisted));
        write(2, layout.advisories(tally.citedAdvisories()));
        write(3, [...(tally.problems > 0 ? layout.problemsEnd : []), ...layout.end]);
      },
    };
  };
}

/**
 * What a streamed document report (Markdown, HTML) keeps of a run: the summary counts of every finding,
 * the advisories its listed findings cite, how many it leaves out as accepted, and the files and problems met.
 */
class DocumentTally {
  readonly counter: SummaryCounter;
  private readonly cited = new Set<string>();
  files = 0;
  notListed = 0;
  problems = 0;

  constructor(
    private readonly kb: KnowledgeBase,
    profiles: readonly Profile[],
    private readonly includeAccepted: boolean,
  ) {
    this.counter = new SummaryCounter(kb, profiles);
  }

  /** Counts a file's record and returns the findings the report lists (accepted ones only on request). */
  take(report: { document?: unknown; findings: readonly ReportFinding[]; problems: readonly unknown[] }): ReportFinding[] {
    if (report.document) this.files++;
    const shown: ReportFinding[] = [];
    for (const f of report.findings) {
      this.counter.add(f);
      if (this.includeAccepted || !f.accepted) {
        shown.push(f);
        for (const id of f.advisories) this.cited.add(id);
      } else this.notListed++;
    }
    this.problems += report.problems.length;
    return shown;
  }

  /** The advisories the listed findings cite, in the order first met. */
  citedAdvisories(): Advisory[] {
    return [...this.cited].map((id) => this.kb.advisoryById.get(id)).filter((a): a is Advisory => a !== undefined);
  }
}
