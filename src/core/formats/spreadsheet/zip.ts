// ZIP archives read from bytes, for spreadsheets (XLSX and ODS are ZIP archives of XML parts).
// The container is parsed here (a few fixed records, APPNOTE.TXT) so that every size is checked before
// it is trusted; only raw DEFLATE decoding comes from fflate (its `Inflate` stream, never its unzip).
// Bounds: an entry count, a budget of inflated bytes for the whole archive, members inflated in small
// slices so that no declared or actual size can make one allocation large, and each member's declared
// size and CRC-32 checked.
import { Inflate, strFromU8 } from 'fflate';

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Bytes inflated over all the members read, together. */
  maxInflatedBytes: number;
}

export type ZipFailure = 'corrupt' | 'encrypted' | 'unsupported' | 'too-large';

export class ZipError extends Error {
  constructor(
    readonly failure: ZipFailure,
    message: string,
  ) {
    super(message);
  }
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  has(name: string): boolean;
  /** Inflates one member, handing it over in pieces; what it inflates counts towards the archive's budget. */
  read(name: string, onData: (chunk: Uint8Array) => void): void;
  /** A small member (at most `maxBytes` inflated) as text; undefined when absent or larger. */
  readText(name: string, maxBytes: number): string | undefined;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8_NAME = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const METHOD_AES = 99;
/** Compressed bytes per push: DEFLATE expands at most ~1032:1, so one push yields at most ~17 MB. */
const INFLATE_SLICE = 16 * 1024;

/** Starts with a local file header, or is an empty archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function updateCrc(crc: number, data: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MiB`;
}

function corrupt(message: string): ZipError {
  return new ZipError('corrupt', message);
}

export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  /** A 64-bit size or offset; anything past 2^53 is corrupt here anyway. */
  const u64 = (at: number) => {
    const high = u32(at + 4);
    if (high >= 0x200000) throw corrupt('a ZIP64 size is out of range');
    return high * 0x1_0000_0000 + u32(at);
  };
  const within = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  // The end-of-central-directory record: the last 22 bytes, unless an archive comment (≤ 65,535 bytes) follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corrupt('the end of the ZIP archive is missing (the file is truncated or not an archive)');
  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryOffset = u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (!within(locator, 20) || u32(locator) !== ZIP64_END_LOCATOR) throw corrupt('the ZIP64 end record is missing');
    const zip64End = u64(locator + 8);
    if (!within(zip64End, 56) || u32(zip64End) !== ZIP64_END) throw corrupt('the ZIP64 end record is damaged');
    count = u64(zip64End + 32);
    directorySize = u64(zip64End + 40);
    directoryOffset = u64(zip64End + 48);
  }
  if (count > limits.maxEntries) throw new ZipError('too-large', `the archive lists ${count} entries, more than the ${limits.maxEntries} a spreadsheet plausibly has`);
  if (!within(directoryOffset, directorySize)) throw corrupt('the ZIP central directory lies outside the file');

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  const directoryEnd = directoryOffset + directorySize;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || u32(at) !== CENTRAL_HEADER) throw corrupt(`entry ${i + 1} of the ZIP central directory is damaged`);
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) throw corrupt(`entry ${i + 1} of the ZIP central directory runs past its end`);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: strFromU8(nameBytes, (flags & FLAG_UTF8_NAME) === 0),
      flags,
      method: u16(at + 10),
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      uncompressedSize: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    };
    readZip64Sizes(entry, view, at + 46 + nameLength, extraLength);
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    at = next;
  }

  let inflatedTotal = 0;
  function dataOf(entry: ZipEntry): Uint8Array {
    const local = entry.localHeaderOffset;
    if (!within(local, 30) || u32(local) !== LOCAL_HEADER) throw corrupt(`the local header of ${entry.name} is damaged`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (!within(start, entry.compressedSize)) throw corrupt(`${entry.name} runs past the end of the file`);
    return bytes.subarray(start, start + entry.compressedSize);
  }

  function read(name: string, onData: (chunk: Uint8Array) => void): void {
    const entry = entries.get(name);
    if (!entry) throw corrupt(`${name} is missing`);
    if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || entry.method === METHOD_AES) {
      throw new ZipError('encrypted', `${name} is encrypted`);
    }
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
      throw new ZipError('unsupported', `${name} uses ZIP compression method ${entry.method}; spreadsheets use DEFLATE (8) or none (0)`);
    }
    if (entry.uncompressedSize > limits.maxInflatedBytes - inflatedTotal) {
      throw new ZipError('too-large', `${name} declares ${entry.uncompressedSize} bytes inflated, more than is left of the ${mebibytes(limits.maxInflatedBytes)} VendorLens inflates from one archive`);
    }
    const data = dataOf(entry);
    let produced = 0;
    let crc = 0;
    // An error thrown by the consumer passes through fflate untouched; anything else fflate throws means bad data.
    let consumerError: { error: unknown } | undefined;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      inflatedTotal += chunk.length;
      // A member that inflates past its declared size is damaged or a bomb built to defeat the check above.
      if (produced > entry.uncompressedSize) throw corrupt(`${name} inflates past its declared size of ${entry.uncompressedSize} bytes`);
      if (inflatedTotal > limits.maxInflatedBytes) throw new ZipError('too-large', `it inflates to more than the ${mebibytes(limits.maxInflatedBytes)} VendorLens inflates from one archive`);
      crc = updateCrc(crc, chunk);
      try {
        onData(chunk);
      } catch (error) {
        consumerError = { error };
        throw error;
      }
    };
    if (entry.method === METHOD_STORED) {
      if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(`${name} is stored with two different sizes`);
      for (let i = 0; i < data.length; i += INFLATE_SLICE) take(data.subarray(i, Math.min(i + INFLATE_SLICE, data.length)));
    } else {
      const inflater = new Inflate((chunk) => {
        if (chunk.length > 0) take(chunk);
      });
      try {
        if (data.length === 0) inflater.push(data, true);
        for (let i = 0; i < data.length; i += INFLATE_SLICE) inflater.push(data.subarray(i, Math.min(i + INFLATE_SLICE, data.length)), i + INFLATE_SLICE >= data.length);
      } catch (error) {
        if (consumerError) throw consumerError.error;
        if (error instanceof ZipError) throw error;
        throw corrupt(`${name} cannot be inflated (${(error as Error).message ?? String(error)})`);
      }
    }
    if (produced !== entry.uncompressedSize) throw corrupt(`${name} inflates to ${produced} bytes, not the ${entry.uncompressedSize} its header declares`);
    if (crc !== entry.crc) throw corrupt(`${name} fails its CRC-32 check`);
  }

  return {
    has: (name) => entries.has(name),
    read,
    readText(name, maxBytes) {
      const entry = entries.get(name);
      if (!entry || entry.uncompressedSize > maxBytes) return undefined;
      const chunks: Uint8Array[] = [];
      read(name, (chunk) => chunks.push(chunk.slice()));
      const all = new Uint8Array(entry.uncompressedSize);
      let offset = 0;
      for (const chunk of chunks) {
        all.set(chunk, offset);
        offset += chunk.length;
      }
      return strFromU8(all);
    },
  };
}

/** Sizes and offset that do not fit 32 bits are in the entry's ZIP64 extra field, in this order, only when saturated. */
function readZip64Sizes(entry: ZipEntry, view: DataView, extraStart: number, extraLength: number): void {
  const saturated = entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff;
  if (!saturated) return;
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > extraStart + extraLength) break;
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next64 = (): number => {
        if (field + 8 > at + 4 + size) throw corrupt(`the ZIP64 field of ${entry.name} is too short`);
        const high = view.getUint32(field + 4, true);
        if (high >= 0x200000) throw corrupt(`a ZIP64 size of ${entry.name} is out of range`);
        const value = high * 0x1_0000_0000 + view.getUint32(field, true);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next64();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next64();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next64();
      return;
    }
    at += 4 + size;
  }
  throw corrupt(`${entry.name} declares a ZIP64 size but has no ZIP64 field`);
}
