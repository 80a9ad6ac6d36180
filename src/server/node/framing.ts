// The LSP base protocol's framing on standard input, checked before vscode-jsonrpc reads it: its reader
// drops a message whose Content-Length is not a number and then reads every later one from the wrong
// offset, so the server stalls in silence (probe L8). Once framing is lost nothing after it can be trusted:
// the server says why and exits, and the editor can restart it.
import { Transform, type TransformCallback } from 'node:stream';

/** Header blocks are a line or two; a longer one is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Far above any document the server accepts (vendorlens.maxFileSizeMB); a larger length is not a length. */
const MAX_CONTENT_LENGTH = 1024 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export class FramingError extends Error {}

/** Passes the bytes through unchanged, and fails on the first header that does not frame a message. */
export class FramingGuard extends Transform {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass before the next header; -1 while a header is being read. */
  private bodyLeft = -1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.check(chunk);
    } catch (e) {
      done(e as Error);
      return;
    }
    done(null, chunk);
  }

  private check(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft >= 0) {
        const take = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= take;
        at += take;
        if (this.bodyLeft === 0) this.bodyLeft = -1;
        continue;
      }
      // Reading a header: up to its blank line, which may arrive split across chunks.
      const before = this.header.length;
      this.header = Buffer.concat([this.header, chunk.subarray(at)]);
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) throw new FramingError(`a message header longer than ${MAX_HEADER_BYTES} bytes without its blank line`);
        return;
      }
      const length = contentLength(this.header.subarray(0, end).toString('ascii'));
      at += end + HEADER_END.length - before;
      this.header = Buffer.alloc(0);
      this.bodyLeft = length === 0 ? -1 : length;
    }
  }
}

function contentLength(header: string): number {
  const lines = header.split('\r\n');
  const field = lines.find((line) => /^content-length\s*:/i.test(line));
  if (field === undefined) throw new FramingError(`a message header without Content-Length: ${JSON.stringify(header.slice(0, 100))}`);
  const value = field.slice(field.indexOf(':') + 1).trim();
  if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_CONTENT_LENGTH) throw new FramingError(`an invalid Content-Length: ${JSON.stringify(value.slice(0, 40))}`);
  return Number(value);
}
