// Which files the CLI checks and how it reads them: never blocks on a FIFO or device, never follows a folder link out of
// the tree or into a loop, and says in one line naming the path why anything was left out.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { overLimit } from '../core';

/** Folders never walked: installed packages, Git's own store, and the Local History extension's copies of drafts. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.history']);
const MARKDOWN_NAME = /\.(md|markdown)$/i;

export interface Reporter {
  /** An input that was asked for and could not be read: the run exits 2 at the end. */
  fail(reason: string): void;
  /** Something left out on purpose, said so the user knows: the exit code is not changed. */
  skip(reason: string): void;
}

/** What a thing that is not a regular file is, in words; a directory entry answers the same questions as its stats. */
function kindOf(stats: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a path could not be read, in one line that names it. */
export function readFailure(error: unknown, fallback: string): string {
  const failure = error as NodeJS.ErrnoException;
  const path = failure.path ?? fallback;
  if (failure.code === 'ENOENT') return `cannot read ${path}: no such file or folder`;
  if (failure.code === 'EACCES' || failure.code === 'EPERM') return `cannot read ${path}: permission denied`;
  if (failure.code === 'ELOOP') return `cannot read ${path}: too many levels of symbolic links`;
  if (failure.code) return `cannot read ${path}: ${failure.code}`;
  return `${fallback}: ${failure.message}`;
}

/**
 * Markdown files under the given paths, in a stable order, each once. A path named on the command line is followed
 * even when it is a link, and is checked whatever its extension. Inside a folder, only `.md`/`.markdown` files are
 * taken; links to files are followed, links to folders are not (so a walk stays inside the tree and cannot loop).
 */
export function markdownFiles(paths: string[], report: Reporter): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // Checked again when read; keep the name as given.
    }
    if (!seen.has(real)) {
      seen.add(real);
      files.push(path);
    }
  };
  const walkFolder = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      report.fail(readFailure(error, folder));
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walkFolder(path);
        continue;
      }
      if (!MARKDOWN_NAME.test(entry.name)) continue;
      if (entry.isFile()) {
        add(path);
        continue;
      }
      if (!entry.isSymbolicLink()) {
        report.skip(`${path}: skipped, ${kindOf(entry)}`);
        continue;
      }
      let target: Stats;
      try {
        target = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        report.skip(`${path}: skipped, ${code === 'ENOENT' ? 'a broken symbolic link' : readFailure(error, path)}`);
        continue;
      }
      if (target.isFile()) add(path);
      else if (target.isDirectory()) report.skip(`${path}: skipped, a symbolic link to a folder (links to folders are not followed)`);
      else report.skip(`${path}: skipped, a symbolic link to ${kindOf(target)}`);
    }
  };
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      report.fail(readFailure(error, path));
      continue;
    }
    if (stats.isDirectory()) walkFolder(path);
    else if (stats.isFile()) add(path);
    else report.fail(`cannot read ${path}: ${kindOf(stats)}, not a file or folder`);
  }
  return files;
}

export type Read = { text: string; note?: string } | { skipped: string };

/** How many leading bytes are looked at for a NUL, as Git does to tell binary files. */
const SNIFF_BYTES = 8000;

/**
 * Reads one file as text. It is opened without blocking and checked to be a regular file under `maxBytes` before a
 * byte is read, so a FIFO or device swapped in after the walk cannot hang the run. UTF-8 (with or without a BOM) and
 * UTF-16 with a BOM are decoded; a file with NUL bytes and no UTF-16 BOM is skipped as binary; bytes that are not
 * UTF-8 are read as U+FFFD and said so. A BOM is kept as U+FEFF, which the engine expects.
 * Throws (with the path) only when the file cannot be opened or read.
 */
export function readText(path: string, maxBytes: number): Read {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { skipped: `skipped, ${kindOf(stats)}` };
    if (stats.size > maxBytes) return { skipped: `skipped, ${overLimit(stats.size, maxBytes, '--max-file-size')}` };
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (count === 0) break;
      filled += count;
    }
    return decode(bytes.subarray(0, filled));
  } finally {
    closeSync(fd);
  }
}

/** Text from a file's bytes, by its byte order mark; see readText. */
export function decode(bytes: Uint8Array): Read {
  const utf32le = bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0;
  const utf32be = bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff;
  if (utf32le || utf32be) return { skipped: 'skipped, a UTF-32 file (save it as UTF-8)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes) };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { skipped: 'skipped, a binary file (or UTF-16 without a byte order mark)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), note: 'not valid UTF-8: bytes that are not were read as U+FFFD' };
  }
}
