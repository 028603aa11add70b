// The CLI loads dist/engine.js through V8's code cache: a run starts cold every time (Node 20 has no compile cache of
// its own), and compiling the engine's half megabyte of script, lazily, function by function as the run first calls
// each, is a tenth of a 10 KB check. The first run writes what V8 compiled, after the run, so the functions compiled
// lazily are in it; later runs hand it back to V8, which checks that it fits this source and this V8, and rejects it
// otherwise (then the run compiles from source and writes it again). A cache is a speed-up and nothing else: any
// problem with it is ignored and the engine is compiled from source.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** How a load went: compiled from its cache, compiled from source (and cached after the run), or with no cache at all. */
export type CacheUse = 'hit' | 'written' | 'off';

/** What is written when the process exits: each script loaded without a usable cache, and where its cache goes. */
const pending: Array<{ script: Script; file: string }> = [];
let flushOnExit = false;

/**
 * The folder caches go in, or undefined when none may be used: `PLUMB_LINE_NO_CODE_CACHE` (or Node's own
 * `NODE_DISABLE_COMPILE_CACHE`) is set, or the folder is not this user's alone. A cache is code V8 runs, so it is
 * read only from a folder no one else can write to; the folder is made so, and one that is not is left unused.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, base = tmpdir()): string | undefined {
  if (env.PLUMB_LINE_NO_CODE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = process.getuid?.();
  const folder = join(base, `plumb-line-code-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (process.platform !== 'win32' && (stat.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * Loads a self-contained CommonJS script (a bundle that requires only Node's built-ins) as `require` would, its
 * compiled code taken from `folder` when a run before left it there. Returns its `module.exports` and how the cache
 * was used.
 */
export function loadWithCodeCache(file: string, folder: string | undefined): { exports: unknown; cache: CacheUse } {
  if (!folder) return { exports: createRequire(__filename)(file), cache: 'off' };
  const source = readFileSync(file, 'utf8');
  // Named by what it was compiled from: another engine or another Node has a cache of its own.
  const key = createHash('sha256').update(`${process.version} ${process.arch}\0`).update(source).digest('hex').slice(0, 32);
  const cacheFile = join(folder, `${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node's own CommonJS loader puts around a module, so the script sees what it would under require().
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.replace(/^#!.*/, '')}\n});`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const hit = cachedData !== undefined && !script.cachedDataRejected;
  if (!hit) later(script, cacheFile);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cache: hit ? 'hit' : 'written' };
}

function later(script: Script, file: string): void {
  pending.push({ script, file });
  if (flushOnExit) return;
  flushOnExit = true;
  process.once('exit', writeCodeCaches);
}

/** How many caches a folder keeps: one per engine and Node, and an engine of another install or version may share it. */
export const CACHES_KEPT = 4;

/** Writes the caches of the scripts loaded without one (run at exit; for tests, when they choose). */
export function writeCodeCaches(): void {
  for (const { script, file } of pending.splice(0)) {
    try {
      // Written whole under another name, then renamed: a run reading at the same time sees the old file or the new.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, file);
      keepNewest(dirname(file));
    } catch {
      // A cache that cannot be written is only a run that compiles from source again.
    }
  }
}

/** Removes all but the newest CACHES_KEPT caches of a folder, and what a run that died left half written. */
function keepNewest(folder: string): void {
  const entries = readdirSync(folder).map((name) => ({ name, modified: statSync(join(folder, name)).mtimeMs }));
  const caches = entries.filter((entry) => entry.name.endsWith('.v8')).sort((a, b) => b.modified - a.modified);
  const stale = entries.filter((entry) => entry.name.endsWith('.tmp') && entry.modified < Date.now() - 60_000);
  for (const { name } of [...caches.slice(CACHES_KEPT), ...stale]) rmSync(join(folder, name), { force: true });
}
