// The CLI's JSON result: a stable contract that tooling relies on. Add fields; never rename or remove them.
// Three members: `findings`, `problems` (as the records hold them) and `documents` (file, format, dialect).
import { escapeControlsInJson } from './controls';
import { JsonBytes, jsonPiece } from './jsonBytes';
import type { FileReport, ReportFinding } from './scanReport';
import type { ReportSink, WriterFactory } from './writer';

/** `JSON.stringify(value, null, 2)` as an element of a top-level member's array (indented two levels). */
function element(value: unknown): string {
  return '    ' + JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
}

const str = JSON.stringify;

/** Pieces of finding text that many findings share, each encoded once. */
class SharedPieces {
  // Findings of one vendor and profile cite the same list (one array in a record, shared): encoded once
  // per array, and once per content across records (a few dozen lists in a run).
  private readonly byArray = new WeakMap<readonly string[], Uint8Array>();
  private readonly byContent = new Map<string, Uint8Array>();
  private readonly byClass = new Map<string, Uint8Array>();

  advisories(list: string[]): Uint8Array {
    let bytes = this.byArray.get(list);
    if (bytes !== undefined) return bytes;
    const key = list.join('\u0000');
    bytes = this.byContent.get(key);
    if (bytes === undefined) {
      bytes = jsonPiece(list.length === 0 ? '[]' : `[\n${list.map((id) => `        ${str(id)}`).join(',\n')}\n      ]`);
      if (this.byContent.size < 1000) this.byContent.set(key, bytes);
    }
    this.byArray.set(list, bytes);
    return bytes;
  }

  /** From `"vendor"` to the key of `"message"`. */
  classification(f: ReportFinding): Uint8Array {
    const key = `${f.vendor}\u0000${f.kind}\u0000${f.confidence}\u0000${f.severity}`;
    let bytes = this.byClass.get(key);
    if (bytes === undefined) {
      bytes = jsonPiece(`,\n      "vendor": ${str(f.vendor)},\n      "kind": ${str(f.kind)},\n      "confidence": ${str(f.confidence)},\n      "severity": ${str(f.severity)},\n      "message": `);
      if (this.byClass.size < 1000) this.byClass.set(key, bytes);
    }
    return bytes;
  }
}

/**
 * A finding as the contract lists it: the record's fields without the rule, the excerpt and the note,
 * `accepted` as a boolean. `fingerprint` was added in 0.1 (`--baseline` matches on file + fingerprint),
 * then `location` (`Parts!B7`, spreadsheet findings only), then `subject` (the device or product, with its
 * identifiers) and `detail` (the matcher's account). Written as `element` would write that object, in
 * bytes, without building it: this runs once per finding, hundreds of thousands of times in a dense tree.
 */
function writeFinding(f: ReportFinding, fileHead: Uint8Array, shared: SharedPieces, out: JsonBytes): void {
  out.piece(fileHead);
  out.number(f.line);
  out.ascii(',\n      "column": ');
  out.number(f.column);
  out.ascii(',\n      "endLine": ');
  out.number(f.endLine);
  out.ascii(',\n      "endColumn": ');
  out.number(f.endColumn);
  if (f.location !== undefined) {
    out.ascii(',\n      "location": ');
    out.string(f.location);
  }
  out.piece(shared.classification(f));
  out.string(f.message);
  out.ascii(',\n      "advisories": ');
  out.piece(shared.advisories(f.advisories));
  out.ascii(f.accepted !== undefined ? ',\n      "accepted": true,\n      "fingerprint": ' : ',\n      "accepted": false,\n      "fingerprint": ');
  out.string(f.fingerprint);
  if (f.subject) {
    out.ascii(',\n      "subject": ');
    out.value(f.subject, '      ');
  }
  if (f.detail !== undefined) {
    out.ascii(',\n      "detail": ');
    out.string(f.detail);
  }
  out.ascii('\n    }');
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

  /** Before the next element written to `out` by its caller. */
  separate(out: JsonBytes): void {
    out.ascii(this.count++ === 0 ? `  "${this.name}": [\n` : ',\n');
  }

  /** What `out` holds, as elements each preceded by `separate`. */
  write(out: JsonBytes): void {
    if (out.length > 0) this.sink.write(this.part, out.take());
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
  const shared = new SharedPieces();
  const out = new JsonBytes();
  sink.write(0, '{\n');
  const findings = new ArrayMember(sink, 0, 'findings', ',\n');
  const problems = new ArrayMember(sink, 1, 'problems', ',\n');
  const documents = new ArrayMember(sink, 2, 'documents', '\n}\n');
  return {
    file(report: FileReport) {
      let fileHead: Uint8Array | undefined;
      let fileName: string | undefined;
      for (const f of report.findings) {
        if (f.file !== fileName || !fileHead) [fileName, fileHead] = [f.file, jsonPiece(`    {\n      "file": ${str(f.file)},\n      "line": `)];
        findings.separate(out);
        writeFinding(f, fileHead, shared, out);
      }
      findings.write(out);
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
