// A folder of many Markdown files for the CLI's folder comparison (worker threads, shards, markdownlint-cli2): each
// file is a different selection of the paragraphs that bench/drafts.mjs draws from, so no two files are the same text
// and no file is linted from another's kept parses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcePieces } from './drafts.mjs';

/**
 * Writes `count` files of at least `bytes` bytes each under `dir`, ten to a subfolder; returns their total size.
 * @param {string} dir
 * @param {number} count
 * @param {number} bytes
 */
export function writeFolder(dir, count, bytes) {
  const paragraphs = sourcePieces().flatMap((piece) => piece.split(/\n{2,}/));
  if (paragraphs.length === 0) throw new Error('bench: no Markdown under examples/ or test/fixtures/eval/ to build the folder from');
  // A stride prime to the number of paragraphs walks them all before it repeats one.
  const stride = [7919, 7907, 7901].find((prime) => paragraphs.length % prime !== 0) ?? 1;
  let total = 0;
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    const parts = [`# Note ${index}`];
    let size = 0;
    while (size < bytes) {
      const paragraph = paragraphs[(at * stride) % paragraphs.length] ?? '';
      at += 1;
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph) + 2;
    }
    const text = `${parts.join('\n\n')}\n`;
    const folder = join(dir, `part-${String(Math.floor(index / 10)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `note-${String(index).padStart(4, '0')}.md`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}
