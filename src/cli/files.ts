// Which files the CLI checks and how it reads them: never blocks on a FIFO or device, never follows a folder link out of
// the tree or into a loop, and says in one line naming the path why anything was left out.
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { overLimit } from '../core';

/**
 * Folders never walked: dot-folders (Git's store, editors' backups such as `.history` and `.vscode-test`, caches) and
 * installed packages. A folder named on the command line is walked whatever its name.
 */
const skippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';
const MARKDOWN_NAME = /\.(md|markdown)$/i;
/** The path that stands for standard input. */
export const STDIN = '-';

export interface Reporter {
  /** An input that was asked for and could not be read, or is not Markdown: the run exits 2 at the end. */
  fail(reason: string): void;
  /** Something left out on purpose, said so the user knows: the exit code is not changed. */
  skip(reason: string): void;
  /** A folder or glob in which no Markdown file was found: exit 2 unless `--no-error-on-unmatched`. */
  unmatched(reason: string): void;
}

export interface Selection {
  /** Globs of paths to leave out, relative to `cwd`. */
  ignore: string[];
  cwd: string;
}

/** One folder's `.gitignore`: its patterns apply to paths relative to that folder. */
interface GitIgnore {
  folder: string;
  rules: Ignore;
}

/**
 * The `.gitignore` files above a walked folder, up to the root of the Git work tree it is in (none outside a work
 * tree), outermost first: checking `docs/` honours the repository's top-level `.gitignore` as Git would.
 */
function enclosingGitIgnores(folder: string, report: Reporter): GitIgnore[] {
  const above: string[] = [];
  for (let current = dirname(resolve(folder)); ; current = dirname(current)) {
    above.unshift(current);
    if (existsSync(join(current, '.git'))) break;
    if (dirname(current) === current) return [];
  }
  if (existsSync(join(resolve(folder), '.git'))) return [];
  return above.flatMap((ancestor) => readGitIgnore(ancestor, report) ?? []);
}

const posix = (path: string) => path.split(sep).join('/');

/** Whether Git would ignore a path under the `.gitignore` files met on the way down; the deepest file that speaks wins. */
function gitIgnored(path: string, isFolder: boolean, gitignores: readonly GitIgnore[]): boolean {
  let ignored = false;
  for (const { folder, rules } of gitignores) {
    const result = rules.test(posix(relative(folder, path)) + (isFolder ? '/' : ''));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function readGitIgnore(folder: string, report: Reporter): GitIgnore | undefined {
  const file = join(folder, '.gitignore');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') report.skip(`${file}: not read, so not honoured (${readFailure(error, file)})`);
    return undefined;
  }
  return { folder, rules: ignore().add(text) };
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
 * Markdown files under the given paths, in a stable order, each once; `-` (standard input) is passed through in its
 * place. A file named on the command line is followed even when it is a link, and must be a Markdown file. A folder is
 * walked for `.md`/`.markdown` files, leaving out dot-folders, `node_modules` and what its `.gitignore` files ignore;
 * links to files are followed, links to folders are not (so a walk stays inside the tree and cannot loop). A glob
 * (`*.md`, `docs/**`) walks the folder it starts from the same way and keeps the files it matches. Paths matching a
 * `selection.ignore` glob are left out everywhere.
 */
export function markdownFiles(paths: string[], report: Reporter, selection: Selection): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const ignored = picomatch(selection.ignore.map(withoutDotSlash), { dot: true });
  const leftOut = (path: string) => selection.ignore.length > 0 && ignored(posix(relative(selection.cwd, path)));
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
  /** Walks a folder and adds the Markdown files `keep` accepts; returns how many it found. */
  const walkFolder = (folder: string, gitignores: readonly GitIgnore[], keep: (path: string) => boolean): number => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      report.fail(readFailure(error, folder));
      return 0;
    }
    const here = readGitIgnore(folder, report);
    const active = here ? [...gitignores, here] : gitignores;
    let found = 0;
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (leftOut(path) || gitIgnored(path, entry.isDirectory(), active)) continue;
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name)) found += walkFolder(path, active, keep);
        continue;
      }
      if (!MARKDOWN_NAME.test(entry.name) || !keep(path)) continue;
      if (entry.isFile()) {
        add(path);
        found += 1;
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
      if (target.isFile()) {
        add(path);
        found += 1;
      } else if (target.isDirectory()) report.skip(`${path}: skipped, a symbolic link to a folder (links to folders are not followed)`);
      else report.skip(`${path}: skipped, a symbolic link to ${kindOf(target)}`);
    }
    return found;
  };
  for (const path of paths) {
    if (path === STDIN) {
      if (!seen.has(STDIN)) files.push(STDIN);
      seen.add(STDIN);
      continue;
    }
    const glob = picomatch.scan(withoutDotSlash(path));
    if (glob.isGlob) {
      const matches = picomatch(glob.input, { dot: true });
      const found = walkFolder(glob.base || '.', enclosingGitIgnores(glob.base || '.', report), (file) => matches(posix(file)));
      if (found === 0) report.unmatched(`no Markdown files match ${path}`);
      continue;
    }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      report.fail(readFailure(error, path));
      continue;
    }
    if (stats.isDirectory()) {
      if (walkFolder(path, enclosingGitIgnores(path, report), () => true) === 0) report.unmatched(`${path}: no Markdown files found`);
    } else if (!stats.isFile()) report.fail(`cannot read ${path}: ${kindOf(stats)}, not a file or folder`);
    else if (!MARKDOWN_NAME.test(path)) report.fail(`cannot check ${path}: not a Markdown file (plumb-line checks .md and .markdown files)`);
    else if (leftOut(path)) report.skip(`${path}: skipped, it matches --ignore`);
    else add(path);
  }
  return files;
}

/**
 * Whether a file is in shard `index` of `count` (1-based): 1 + the first four bytes of the SHA-256 of its path (as
 * reported: relative to the working folder, here with forward slashes), read as an unsigned big-endian number, mod
 * `count`. A file's shard depends on its path alone, so adding or removing other files never moves it.
 */
export function inShard(name: string, shard: { index: number; count: number }): boolean {
  return (createHash('sha256').update(posix(name)).digest().readUInt32BE(0) % shard.count) + 1 === shard.index;
}

/** picomatch and relative() write no leading "./"; a pattern written with one means the same. */
function withoutDotSlash(pattern: string): string {
  return pattern.replace(/^(\.\/)+/, '');
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

/** Standard input as text, decoded like a file; over `maxBytes` it is skipped. */
export function readStdin(maxBytes: number): Read {
  const bytes = readFileSync(0);
  if (bytes.length > maxBytes) return { skipped: `skipped, ${overLimit(bytes.length, maxBytes, '--max-file-size')}` };
  return decode(bytes);
}
