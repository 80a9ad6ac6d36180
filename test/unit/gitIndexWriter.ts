// Writes git index files for the tests of the walk (src/cli/gitIndex.ts reads them).
import { strToU8 } from 'fflate';

/** A git index (version 2 or 4) listing `paths`, as `git update-index` writes it (checksum aside: it is not read). */
export function gitIndex(paths: string[], version: 2 | 4): Uint8Array {
  const chunks: number[] = [];
  const u32 = (n: number) => chunks.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  chunks.push(...strToU8('DIRC'));
  u32(version);
  u32(paths.length);
  let previous = '';
  for (const path of [...paths].sort()) {
    const start = chunks.length;
    for (let i = 0; i < 10; i++) u32(i === 6 ? 0o100644 : 0); // ctime, mtime, dev, ino, mode, uid, gid, size
    for (let i = 0; i < 20; i++) chunks.push(0); // object id
    chunks.push((path.length >> 8) & 0x0f, path.length & 255);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && previous[common] === path[common]) common++;
      chunks.push(previous.length - common, ...strToU8(path.slice(common)), 0); // strip counts < 128: one byte
    } else {
      chunks.push(...strToU8(path));
      do chunks.push(0);
      while ((chunks.length - start) % 8 !== 0);
    }
    previous = path;
  }
  for (let i = 0; i < 20; i++) chunks.push(0); // checksum
  return Uint8Array.from(chunks);
}
