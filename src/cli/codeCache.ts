// The CLI loads dist/engine.js through V8's code cache: a run starts cold every time (Node 20 has no compile cache of
// its own), and compiling the engine's half megabyte of script, lazily, function by function as the run first calls
// each, is a tenth of a 10 KB check. A run that checked files writes what V8 compiled, after the run, so the functions
// compiled lazily are in it; later runs hand it back to V8. A cache is a speed-up and nothing else: any problem with
// it is ignored and the engine is compiled from source.
//
// V8 checks little of a cache it is given: its version and flags and the source's length, not the bytes, so a damaged
// cache can crash the process and one compiled from another script of the same length runs as that script. So each
// cache is named by a hash of the source it was compiled from, carries a hash of its own bytes (checked before V8
// sees them), and is read only from a file and a folder that no one else could have written or swapped: the file is
// opened without following a link and checked on the open descriptor, and every folder from the cache's up to the
// root must be ours or root's and writable by no one else (unless, as /tmp, only an entry's owner may rename it).
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Script } from 'node:vm';

/** How a load went: compiled from its cache, compiled from source (cached after the run, if it checks files), or with no cache at all. */
export type CacheUse = 'hit' | 'written' | 'off';

/** What is written when the process exits: each script loaded without a usable cache, and where its cache goes. */
const pending: Array<{ script: Script; file: string; key: string }> = [];
let flushOnExit = false;
/** Whether this run did the work a cache should hold (see `codeCacheWorthKeeping`). */
let worthKeeping = false;

/** How many caches a folder keeps: one per engine and Node, and an engine of another install or version may share it. */
export const CACHES_KEPT = 4;
/** Larger than any cache of the engine (under 1 MB): a bigger file is not read. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
const HASH_BYTES = 32;
/** The sticky bit (fs.constants has no name for it). */
const STICKY = 0o1000;
const sha256 = (...parts: Array<string | Buffer>) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();

/** Whether an environment variable is set to something other than nothing, 0 or false. */
const isOn = (value: string | undefined) => value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());

/**
 * Whether no one but this user (and root) can change what is in a folder: it and every folder above it are ours or
 * root's, and writable by no one else unless sticky (where others may add entries but not rename or remove ours).
 */
function isSafeFolder(folder: string, uid: number): boolean {
  for (let at = folder; ; at = dirname(at)) {
    const stat = lstatSync(at);
    if (!stat.isDirectory() || (stat.uid !== uid && stat.uid !== 0)) return false;
    if ((stat.mode & 0o022) !== 0 && (at === folder || (stat.mode & STICKY) === 0)) return false;
    if (dirname(at) === at) return true;
  }
}

/**
 * The folder caches go in, or undefined when none may be used: `PLUMB_LINE_NO_CODE_CACHE` (or Node's own
 * `NODE_DISABLE_COMPILE_CACHE`) is on, the temporary folder is not an absolute path that exists, or the folder is not
 * safe (see `isSafeFolder`). The folder is made readable and writable by this user alone.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, base = tmpdir()): string | undefined {
  if (isOn(env.PLUMB_LINE_NO_CODE_CACHE) || isOn(env.NODE_DISABLE_COMPILE_CACHE) || !isAbsolute(base)) return undefined;
  // Without owners to compare (Windows), no folder can be shown to be this user's alone: no cache.
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  try {
    // Where the temporary folder really is (macOS's /tmp is a link), so the folders above it are the ones checked.
    const folder = join(realpathSync(base), `plumb-line-code-cache-${uid}`);
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
    return isSafeFolder(folder, uid) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cache's bytes, if its file is a regular file of this user's that no one else can write and it holds the hash of
 * `key` (the source's) and its bytes: a cache of another script, renamed, has the hash of another key.
 */
function readCache(file: string, key: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // No link followed, and no wait on a pipe or device put in its place.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size <= HASH_BYTES || stat.size > MAX_CACHE_BYTES) return undefined;
    if (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) return undefined;
      read += count;
    }
    const data = bytes.subarray(HASH_BYTES);
    return sha256(key, data).equals(bytes.subarray(0, HASH_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Loads a self-contained CommonJS script (a bundle that requires only Node's built-ins) as `require` would, its
 * compiled code taken from `folder` when a run before left it there. Returns its `module.exports` and how the cache
 * was used.
 */
export function loadWithCodeCache(file: string, folder: string | undefined): { exports: unknown; cache: CacheUse } {
  if (!folder) return { exports: createRequire(__filename)(file), cache: 'off' };
  const source = readFileSync(file);
  // Named by what it was compiled from: another engine or another Node has a cache of its own.
  // V8 rejects a cache made under other flags, so each set of flags has its own rather than rewriting one in turn.
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const key = sha256(`${process.version} ${process.arch} ${flags}\0`, source).toString('hex').slice(0, 32);
  const cacheFile = join(folder, `${key}.v8`);
  const cachedData = readCache(cacheFile, key);
  // The wrapper Node's own CommonJS loader puts around a module, so the script sees what it would under require().
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8').replace(/^#!.*/, '')}\n});`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const hit = cachedData !== undefined && !script.cachedDataRejected;
  if (!hit) later(script, cacheFile, key);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cache: hit ? 'hit' : 'written' };
}

function later(script: Script, file: string, key: string): void {
  pending.push({ script, file, key });
  if (flushOnExit) return;
  flushOnExit = true;
  process.once('exit', keepCodeCaches);
}

/** Whether a script was loaded without a usable cache, so one is still to be written. */
export function codeCachePending(): boolean {
  return pending.length > 0;
}

/** Writes the caches still to be written if this thread did the work they should hold (see `codeCacheWorthKeeping`). */
export function keepCodeCaches(): void {
  if (worthKeeping) writeCodeCaches();
}

/**
 * Says that this run checked files, so what V8 compiled is worth keeping: a run that only prints its version or its
 * help compiles a sliver of the engine, and a cache of that would stand, never rewritten, for every run after it.
 */
export function codeCacheWorthKeeping(): void {
  worthKeeping = true;
}

/** Writes the caches of the scripts loaded without one (at exit, when worth keeping; for tests, when they choose). */
export function writeCodeCaches(): void {
  for (const { script, file, key } of pending.splice(0)) {
    // A name of this process's and thread's own, made new (never through a link), written whole, then renamed: a
    // run reading at the same time sees the old file or the new.
    const partial = `${file}.${process.pid}-${threadId}.tmp`;
    let fd: number | undefined;
    let made = false;
    try {
      const data = script.createCachedData();
      fd = openSync(partial, 'wx', 0o600);
      made = true;
      writeFileSync(fd, Buffer.concat([sha256(key, data), data]));
      const written = fd;
      fd = undefined;
      closeSync(written);
      renameSync(partial, file);
      made = false;
      keepNewest(dirname(file), file);
    } catch {
      // A cache that cannot be written (a full disk, say) is only a run that compiles from source again.
      if (fd !== undefined) closeSync(fd);
      if (made) rmSync(partial, { force: true });
    }
  }
}

/**
 * Removes all but the newest CACHES_KEPT caches of a folder (never `written`, the one just written, whatever the
 * others' dates say), and what a run that died left half written. What cannot be removed is left.
 */
function keepNewest(folder: string, written: string): void {
  const modified = (name: string) => {
    try {
      return lstatSync(join(folder, name)).mtimeMs;
    } catch {
      return undefined;
    }
  };
  // An entry gone since the listing (a parallel run renamed its partial file) is passed over.
  const entries = readdirSync(folder).flatMap((name) => {
    const time = modified(name);
    return time === undefined ? [] : [{ name, modified: time }];
  });
  const caches = entries.filter((entry) => entry.name.endsWith('.v8') && join(folder, entry.name) !== written).sort((a, b) => b.modified - a.modified);
  const stale = entries.filter((entry) => entry.name.endsWith('.tmp') && entry.modified < Date.now() - 60_000);
  for (const { name } of [...caches.slice(CACHES_KEPT - 1), ...stale]) {
    try {
      rmSync(join(folder, name), { force: true });
    } catch {
      // A folder of that name, say: not ours to clear.
    }
  }
}
