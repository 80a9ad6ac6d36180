// Where a streamed report's text goes: part 0 straight to its destination (in batches), the later parts
// kept aside until the end, in memory while small and in an unlinked temporary file past that, so a
// report whose summary comes first (Markdown, HTML, JUnit) costs disk, not memory.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportSink } from '../core/report/writer';

/** Batches of part 0: fewer, larger writes. */
const BATCH_CHARS = 256 * 1024;
/** A part kept aside moves to a temporary file past this many characters. */
const SPOOL_IN_MEMORY_CHARS = 4 * 1024 * 1024;

export type Destination = (data: string | Uint8Array) => void;

let spoolCount = 0;

/** Text and UTF-8 bytes in the order written, as one piece of bytes. */
function concatenated(chunks: readonly (string | Uint8Array)[]): Buffer {
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

class Spool {
  private chunks: (string | Uint8Array)[] = [];
  private chars = 0;
  private fd: number | undefined;
  private bytes = 0;

  append(text: string | Uint8Array): void {
    if (this.fd !== undefined) {
      this.bytes += typeof text === 'string' ? writeSync(this.fd, text) : writeSync(this.fd, text);
      return;
    }
    this.chunks.push(text);
    this.chars += text.length;
    if (this.chars > SPOOL_IN_MEMORY_CHARS) {
      const path = join(tmpdir(), `.vendorlens-spool-${process.pid}-${spoolCount++}`);
      this.fd = openSync(path, 'wx+', 0o600);
      // Unlinked at once: the file lives as long as the descriptor, and nothing is left if the scan dies.
      unlinkSync(path);
      this.bytes += writeSync(this.fd, concatenated(this.chunks));
      this.chunks = [];
    }
  }

  drainTo(out: Destination): void {
    if (this.fd === undefined) {
      if (this.chunks.length > 0) out(this.chunks.every((chunk) => typeof chunk === 'string') ? this.chunks.join('') : concatenated(this.chunks));
      this.chunks = [];
      return;
    }
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let position = 0; position < this.bytes; ) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      // Bytes, not text: a character cut at a chunk's edge is whole again at the destination.
      out(Buffer.from(buffer.subarray(0, n)));
      position += n;
    }
    this.close();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.chunks = [];
  }
}

export class SpooledSink implements ReportSink {
  /** Part 0's text since the last bytes written to it. */
  private batch = '';
  /** Part 0's bytes waiting, in order, before `batch`. */
  private chunks: Uint8Array[] = [];
  private chunkBytes = 0;
  private readonly spools: Spool[] = [];

  constructor(private readonly out: Destination) {}

  write(part: number, text: string | Uint8Array): void {
    if (part !== 0) {
      (this.spools[part] ??= new Spool()).append(text);
    } else if (typeof text === 'string') {
      this.batch += text;
      if (this.batch.length >= BATCH_CHARS) this.flush();
    } else {
      if (this.batch !== '') this.chunks.push(Buffer.from(this.batch));
      this.batch = '';
      this.chunks.push(text);
      this.chunkBytes += text.length;
      if (this.chunkBytes >= BATCH_CHARS) this.flush();
    }
  }

  private flush(): void {
    if (this.chunks.length > 0) {
      if (this.batch !== '') this.chunks.push(Buffer.from(this.batch));
      this.out(concatenated(this.chunks));
    } else if (this.batch !== '') {
      this.out(this.batch);
    }
    this.batch = '';
    this.chunks = [];
    this.chunkBytes = 0;
  }

  /** Everything written, parts in order. */
  finish(): void {
    this.flush();
    for (const spool of this.spools) spool?.drainTo(this.out);
  }

  /** Drops what was not written yet. */
  abort(): void {
    this.batch = '';
    this.chunks = [];
    this.chunkBytes = 0;
    for (const spool of this.spools) spool?.close();
  }
}
