// Where a review note may go: never above the lines a file needs first. A device's config starts with what
// the platform or the backup tool wrote (`!Software Version …`, `#config-version=`, RANCID's block, a VRP
// `#` block opener); structured files start with a prologue (`<?xml …?>`, `%YAML`, `---`). The platform
// lines are data of each dialect (DialectSpec.header); the lines below hold for every file.
import { dialectSpec } from '../formats/dialects/detect';

const ANY_FILE: readonly RegExp[] = [/^\uFEFF?<\?xml[ \t]/, /^\uFEFF?#!/, /^\uFEFF?%YAML[ \t]/, /^\uFEFF?---[ \t]*$/];
/** RANCID writes its own block of `!`-comments (content type, chassis, image, serial) above the config. */
const RANCID_FIRST = /^\uFEFF?!RANCID-CONTENT-TYPE:/;
const RANCID_BLOCK = /^!/;
/** A header longer than this is no header: the note goes at the top as it would without one. */
const MAX_HEADER_LINES = 60;

/** How many of `lines` (the file's first lines) form its header: a note is inserted at this line or below. */
export function headerLineCount(lines: readonly string[], dialectId: string): number {
  const own = dialectSpec(dialectId)?.header ?? [];
  let rancid = false;
  let count = 0;
  let blanks = 0;
  for (const line of lines.slice(0, MAX_HEADER_LINES)) {
    if (count === 0 && RANCID_FIRST.test(line)) rancid = true;
    // A blank line inside the header ("Building configuration..." then "Current configuration") belongs to it.
    if (count > 0 && line.trim() === '') {
      blanks++;
      continue;
    }
    const header = (rancid && RANCID_BLOCK.test(line)) || ANY_FILE.some((r) => r.test(line)) || own.some((r) => r.test(line));
    if (!header) return count;
    count += blanks + 1;
    blanks = 0;
  }
  return count + blanks >= lines.length ? count : 0;
}
