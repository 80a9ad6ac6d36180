// The pictures of the guide (docs/images/) come from the UI checks: `npm run test:ui` drives the packaged
// extension in code-server and saves a screenshot per check in test-results/ui/; this script copies the ones
// the guide shows under stable names. Every file in docs/images/ is one of IMAGES (test/unit/docsImages.test.ts).
//   npm run test:ui && npm run docs:images
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHOTS_DIR = join(ROOT, 'test-results', 'ui');
export const IMAGES_DIR = join(ROOT, 'docs', 'images');
/** GitHub shows a picture of this size at once; the guide's pages stay light to clone. */
export const MAX_IMAGE_BYTES = 300 * 1024;

/** docs/images/<name> ← test-results/ui/<shot> (named in scripts/test-ui.mjs). */
export const IMAGES = [
  { name: 'squiggle.png', shot: '01-squiggle.png' },
  { name: 'hover.png', shot: '02-hover.png' },
  { name: 'problems.png', shot: '03-problems.png' },
  { name: 'quick-fixes.png', shot: '04-quick-fixes.png' },
  { name: 'review-note.png', shot: '05-review-note.png' },
  { name: 'findings-view.png', shot: '06-findings-view.png' },
  { name: 'html-report.png', shot: '07-html-report.png' },
  { name: 'workbook.png', shot: '08-workbook-light.png' },
  { name: 'vrp-banner.png', shot: '11-vrp-banner.png' },
  { name: 'lldp-neighbour.png', shot: '14-lldp-neighbour.png' },
];

function main() {
  const missing = IMAGES.filter((image) => !statSync(join(SHOTS_DIR, image.shot), { throwIfNoEntry: false }));
  if (missing.length > 0) {
    console.error(`docs-images: ${missing.map((m) => m.shot).join(', ')} not in test-results/ui/: run npm run test:ui first`);
    process.exit(1);
  }
  mkdirSync(IMAGES_DIR, { recursive: true });
  const wanted = new Set(IMAGES.map((image) => image.name));
  for (const name of readdirSync(IMAGES_DIR)) if (!wanted.has(name)) rmSync(join(IMAGES_DIR, name));
  for (const image of IMAGES) {
    const size = statSync(join(SHOTS_DIR, image.shot)).size;
    if (size > MAX_IMAGE_BYTES) {
      console.error(`docs-images: ${image.shot} is ${Math.round(size / 1024)} KB, over ${MAX_IMAGE_BYTES / 1024} KB`);
      process.exit(1);
    }
    copyFileSync(join(SHOTS_DIR, image.shot), join(IMAGES_DIR, image.name));
    console.log(`docs/images/${image.name} ← test-results/ui/${image.shot} (${Math.round(size / 1024)} KB)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
