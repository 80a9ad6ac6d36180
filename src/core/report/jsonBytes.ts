// JSON text written straight into UTF-8 bytes. A dense tree's report holds hundreds of thousands of
// findings; building each one's text from strings cost more than finding them (a string made of pieces is
// walked piece by piece when joined, tested and encoded), so the JSON report writes its findings here.
// The bytes are exactly those of the strings the report would write: JSON.stringify's text, with
// escapeControlsInJson applied.
import { escapeControlsInJson } from './controls';

// Every host the core runs in has the WHATWG TextEncoder; the core is compiled without DOM types.
declare const TextEncoder: new () => { encode(input: string): Uint8Array; encodeInto(input: string, into: Uint8Array): { read: number; written: number } };

const encoder = new TextEncoder();

/** UTF-8 of text that is already JSON (control characters escaped): for pieces made once and written often. */
export function jsonPiece(json: string): Uint8Array {
  return encoder.encode(escapeControlsInJson(json));
}

export class JsonBytes {
  private buffer = new Uint8Array(64 * 1024);
  private at = 0;

  get length(): number {
    return this.at;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.at + bytes) size *= 2;
    const larger = new Uint8Array(size);
    larger.set(this.buffer.subarray(0, this.at));
    this.buffer = larger;
  }

  /** Bytes made by `jsonPiece`. */
  piece(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Characters known to be printable ASCII with nothing to escape (the writer's own punctuation and keys). */
  ascii(text: string): void {
    this.reserve(text.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** A number as JSON.stringify writes it. */
  number(value: number): void {
    if (Number.isSafeInteger(value) && value >= 0) {
      if (value < 10) {
        this.reserve(1);
        this.buffer[this.at++] = 48 + value;
        return;
      }
      this.ascii(String(value));
      return;
    }
    this.ascii(JSON.stringify(value));
  }

  /** A string as a JSON literal, quotes included. */
  string(text: string): void {
    // Printable ASCII without quote or backslash (nearly every value) is copied as it is; anything else
    // takes JSON.stringify's way, so the bytes are always those of its text.
    this.reserve(text.length + 2);
    const buffer = this.buffer;
    let at = this.at;
    buffer[at++] = 34; // "
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
        this.escaped(text);
        return;
      }
      buffer[at++] = c;
    }
    buffer[at++] = 34;
    this.at = at;
  }

  private escaped(text: string): void {
    const json = escapeControlsInJson(JSON.stringify(text));
    // At most three bytes per UTF-16 unit.
    this.reserve(json.length * 3);
    this.at += encoder.encodeInto(json, this.buffer.subarray(this.at)).written;
  }

  /** Any JSON value as `JSON.stringify(value, null, 2)` writes it, with every line after the first indented by `indent`. */
  value(value: unknown, indent: string): void {
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number') return this.number(value);
    if (value === null || typeof value !== 'object') {
      this.ascii(JSON.stringify(value) ?? 'null');
      return;
    }
    const inner = indent + '  ';
    if (Array.isArray(value)) {
      if (value.length === 0) return this.ascii('[]');
      value.forEach((item, i) => {
        this.ascii(i === 0 ? '[\n' : ',\n');
        this.ascii(inner);
        this.value(item === undefined || typeof item === 'function' ? null : item, inner);
      });
      this.ascii('\n');
      this.ascii(indent);
      this.ascii(']');
      return;
    }
    let first = true;
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined || typeof member === 'function') continue;
      this.ascii(first ? '{\n' : ',\n');
      this.ascii(inner);
      this.string(key);
      this.ascii(': ');
      first = false;
      this.value(member, inner);
    }
    if (first) return this.ascii('{}');
    this.ascii('\n');
    this.ascii(indent);
    this.ascii('}');
  }

  /** The bytes written since the last call (a copy), and a fresh start. */
  take(): Uint8Array {
    const bytes = this.buffer.slice(0, this.at);
    this.at = 0;
    return bytes;
  }
}
