// The CLI's JSON result: a stable contract that tooling relies on. Add fields; never rename or remove them.
// Three members: `findings`, `problems` (as the records hold them) and `documents` (file, format, dialect).
import { escapeControlsInJson } from './controls';
import type { FileReport, ReportFinding } from './scanReport';
import type { ReportSink, WriterFactory } from './writer';

/** `JSON.stringify(value, null, 2)` as an element of a top-level member's array (indented two levels). */
function element(value: unknown): string {
  return '    ' + JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
}

const str = JSON.stringify;

/**
 * A finding as the contract lists it: the record's fields without the rule, the excerpt and the note,
 * `accepted` as a boolean. `fingerprint` was added in 0.1 (`--baseline` matches on file + fingerprint),
 * then `location` (`Parts!B7`, spreadsheet findings only), then `subject` (the device or product, with its
 * identifiers) and `detail` (the matcher's account). Written as `element` would write that object, without
 * building it: this runs once per finding, hundreds of thousands of times in a dense tree. The advisory
 * list is written once per list (findings of a vendor share one).
 */
function findingElement(f: ReportFinding, fileJson: string, advisoryJson: (list: string[]) => string): string {
  return (
    `    {\n      "file": ${fileJson},\n      "line": ${f.line},\n      "column": ${f.column},\n      "endLine": ${f.endLine},\n      "endColumn": ${f.endColumn},\n` +
    (f.location !== undefined ? `      "location": ${str(f.location)},\n` : '') +
    `      "vendor": ${str(f.vendor)},\n      "kind": ${str(f.kind)},\n      "confidence": ${str(f.confidence)},\n      "severity": ${str(f.severity)},\n` +
    `      "message": ${str(f.message)},\n      "advisories": ${advisoryJson(f.advisories)},\n      "accepted": ${f.accepted !== undefined},\n` +
    `      "fingerprint": ${str(f.fingerprint)}` +
    (f.subject ? `,\n      "subject": ${JSON.stringify(f.subject, null, 2).replace(/\n/g, '\n      ')}` : '') +
    (f.detail !== undefined ? `,\n      "detail": ${str(f.detail)}` : '') +
    '\n    }'
  );
}

/** One top-level array member streamed into a part of its own. */
class ArrayMember {
  private count = 0;
  constructor(
    private readonly sink: ReportSink,
    private readonly part: number,
    private readonly name: string,
    private readonly after: string,
  ) {}

  /** Elements, each already JSON text, escaped here in one pass. */
  add(elements: readonly string[]): void {
    if (elements.length === 0) return;
    const lead = this.count === 0 ? `  "${this.name}": [\n` : ',\n';
    this.count += elements.length;
    this.sink.write(this.part, escapeControlsInJson(lead + elements.join(',\n')));
  }

  end(): void {
    this.sink.write(this.part, (this.count === 0 ? `  "${this.name}": []` : '\n  ]') + this.after);
  }
}

/**
 * The JSON report, streamed: `findings` first, as they come; `problems` and `documents` after, from parts
 * of their own.
 */
export const jsonWriter: WriterFactory = (_info, sink) => {
  // Findings of one vendor and profile cite the same list (one array in a record, shared): written once
  // per array, and once per content across records (a few dozen lists in a run).
  const byArray = new WeakMap<readonly string[], string>();
  const byContent = new Map<string, string>();
  const advisoryJson = (list: string[]) => {
    let text = byArray.get(list);
    if (text !== undefined) return text;
    const key = list.join('\u0000');
    text = byContent.get(key);
    if (text === undefined) {
      text = list.length === 0 ? '[]' : `[\n${list.map((id) => `        ${str(id)}`).join(',\n')}\n      ]`;
      if (byContent.size < 1000) byContent.set(key, text);
    }
    byArray.set(list, text);
    return text;
  };
  sink.write(0, '{\n');
  const findings = new ArrayMember(sink, 0, 'findings', ',\n');
  const problems = new ArrayMember(sink, 1, 'problems', ',\n');
  const documents = new ArrayMember(sink, 2, 'documents', '\n}\n');
  return {
    file(report: FileReport) {
      let fileJson = '';
      let fileName: string | undefined;
      findings.add(
        report.findings.map((f) => {
          if (f.file !== fileName) [fileName, fileJson] = [f.file, str(f.file)];
          return findingElement(f, fileJson, advisoryJson);
        }),
      );
      problems.add(report.problems.map(element));
      if (report.document) documents.add([element(report.document)]);
    },
    end() {
      findings.end();
      problems.end();
      documents.end();
    },
  };
};
