// Prose drafts of a given size for the peer comparison, built from the repository's own Markdown: examples/*.md
// and test/fixtures/eval/**/*.md, in name order, front matter removed (pasted into one draft it would read as
// setext headings), joined by blank lines and repeated until the draft is big enough. Each draft is cut at a
// paragraph break, so every peer sees whole paragraphs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} dir
 * @returns {string[]}
 */
function markdownUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort((a, b) => relative(root, a).localeCompare(relative(root, b)));
}

/** @param {string} text */
const withoutFrontMatter = (text) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();

/** @type {string[] | undefined} */
let pieces;
/** Every source file's text, once: examples first, then the evaluation fixtures. */
export function sourcePieces() {
  pieces ??= [...markdownUnder(join(root, 'examples')), ...markdownUnder(join(root, 'test', 'fixtures', 'eval'))]
    .map((file) => withoutFrontMatter(readFileSync(file, 'utf8')))
    .filter((text) => text.length > 0);
  return pieces;
}

/**
 * A draft of at least `bytes` bytes (UTF-8), as close above it as a paragraph break allows.
 * @param {number} bytes
 */
export function draftOfSize(bytes) {
  const parts = [];
  let size = 0;
  for (let at = 0; size < bytes; at += 1) {
    const piece = sourcePieces()[at % sourcePieces().length];
    if (piece === undefined) throw new Error('bench: no Markdown under examples/ or test/fixtures/eval/ to build drafts from');
    for (const paragraph of piece.split(/\n{2,}/)) {
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph) + 2;
      if (size >= bytes) break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
