// The README's screenshots, from the UI tests (issue 9, item 15): `npm run screenshots` runs the desktop UI suite, then
// takes the shots it saved under a name (test/ui/run.mjs, `pass(step, name)`), scales each down in Chromium and writes
// it to media/ as a JPEG. They are kept out of the VSIX (.vscodeignore); the README links them by relative path.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const shotsDir = join(root, '.vscode-test', 'ui', 'desktop', 'shots');
/** The named shots the README shows (the Problems shot has the Sources and Concepts trees beside it). */
const NAMES = ['hover', 'problems', 'settings'];
/** Wide enough to read the hover card and Problems at a README's width, small enough to stay near 100 KB. */
const WIDTH = 1000;
const JPEG_QUALITY = 0.8;

if (!process.argv.includes('--no-run')) {
  const run = spawnSync(process.execPath, [join(root, 'test', 'ui', 'run.mjs'), 'desktop'], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('The UI suite failed: no screenshot was changed.');
    process.exit(1);
  }
}

const files = readdirSync(shotsDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const name of NAMES) {
    const shot = files.find((file) => file.endsWith(`-${name}.png`));
    if (!shot) throw new Error(`the UI suite saved no shot named "${name}" in ${shotsDir}`);
    const png = readFileSync(join(shotsDir, shot)).toString('base64');
    const jpeg = await page.evaluate(
      async ({ png, width, quality }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = Math.round((image.height * width) / image.width);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.imageSmoothingQuality = 'high';
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/jpeg', quality).slice('data:image/jpeg;base64,'.length);
      },
      { png, width: WIDTH, quality: JPEG_QUALITY },
    );
    const target = join(root, 'media', `screenshot-${name}.jpg`);
    writeFileSync(target, Buffer.from(jpeg, 'base64'));
    console.log(`${relative(root, target)}: ${Math.round(statSync(target).size / 1024)} KB, from ${shot}`);
  }
} finally {
  await browser.close();
}
