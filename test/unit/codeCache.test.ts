// The CLI's code cache (src/cli/codeCache.ts): what it loads is what require() would, a sound cache is used, a damaged,
// foreign or misplaced one is compiled past (never handed to V8, which would crash on it or run it), and no cache is
// read from a folder someone else could write to or swap.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cacheFolder, CACHES_KEPT, loadWithCodeCache, writeCodeCaches } from '../../src/cli/codeCache';
import { repoRoot } from './shared';

// esbuild at run time, not bundled into the test bundle: it bundles the loader for the child processes.
const { buildSync } = createRequire(__filename)('esbuild') as typeof import('esbuild');

const MODULE = [
  '#!/usr/bin/env node',
  "const { join } = require('node:path');",
  'function answer() { return 6 * 7; }',
  'module.exports = { answer: answer(), file: __filename, dir: __dirname, joined: join("a", "b") };',
  '',
].join('\n');
const posix = process.platform !== 'win32';
const folderName = `plumb-line-code-cache-${process.getuid?.()}`;

describe('code cache (src/cli/codeCache.ts)', function () {
  this.timeout(60_000);
  // Windows has no owners to check a folder by, so the cache is off there (tested below); the rest is POSIX.
  if (!posix) {
    it('is off on Windows', () => assert.equal(cacheFolder({}, tmpdir()), undefined));
    return;
  }
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'plumb-line-code-cache-test-'));
  });
  afterEach(() => {
    chmodSync(base, 0o700);
    rmSync(base, { recursive: true, force: true });
  });

  it('makes a folder of its own, this user’s alone, unless told not to', () => {
    const folder = cacheFolder({}, base);
    assert.equal(folder, path.join(base, folderName));
    assert.deepEqual(readdirSync(base), [folderName]);
    assert.equal(cacheFolder({ PLUMB_LINE_NO_CODE_CACHE: '1' }, base), undefined);
    assert.equal(cacheFolder({ NODE_DISABLE_COMPILE_CACHE: 'true' }, base), undefined);
    assert.equal(cacheFolder({ PLUMB_LINE_NO_CODE_CACHE: '0', NODE_DISABLE_COMPILE_CACHE: '' }, base), folder, '0 and nothing leave it on');
  });

  it('makes no folder under a temporary folder that is relative, missing or a file', () => {
    assert.equal(cacheFolder({}, 'relative/tmp'), undefined);
    assert.equal(cacheFolder({}, path.join(base, 'missing', 'deeper')), undefined);
    assert.deepEqual(readdirSync(base), [], 'nothing made on the way');
    const file = path.join(base, 'a-file');
    writeFileSync(file, '');
    assert.equal(cacheFolder({}, file), undefined);
  });

  it('uses no folder others can write to, nor a link in its place, nor one under a folder others could swap it in', function () {
    const folder = cacheFolder({}, base)!;
    chmodSync(folder, 0o777);
    assert.equal(cacheFolder({}, base), undefined, 'a folder everyone can write to');
    chmodSync(folder, 0o700);
    chmodSync(base, 0o777);
    assert.equal(cacheFolder({}, base), undefined, 'under a folder everyone can write to, without the sticky bit');
    chmodSync(base, 0o1777);
    assert.equal(cacheFolder({}, base), folder, 'under a sticky one, as /tmp is');
    chmodSync(base, 0o700);
    rmSync(folder, { recursive: true });
    const elsewhere = path.join(base, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, folder);
    assert.equal(cacheFolder({}, base), undefined, 'a symbolic link');
  });

  it('loads a script as require would and writes its cache, with its own hash, after the run', () => {
    const file = path.join(base, 'bundle.js');
    writeFileSync(file, MODULE);
    const folder = cacheFolder({}, base)!;
    const expected = { answer: 42, file, dir: base, joined: path.join('a', 'b') };
    assert.deepEqual(loadWithCodeCache(file, folder), { exports: expected, cache: 'written' });
    assert.deepEqual(readdirSync(folder), [], 'nothing is written before the run ends');
    writeCodeCaches();
    const [cache] = readdirSync(folder);
    assert.match(cache!, /^[0-9a-f]{32}\.v8$/);
    assert.ok(readFileSync(path.join(folder, cache!)).length > 32);
    assert.deepEqual(loadWithCodeCache(file, undefined), { exports: expected, cache: 'off' });
  });

  describe('in fresh processes (V8 keeps what it compiled in a process, so only a new one reads the file)', () => {
    let loader: string;
    let file: string;
    let folder: string;
    before(() => {
      const shared = mkdtempSync(path.join(tmpdir(), 'plumb-line-code-cache-loader-'));
      loader = path.join(shared, 'codeCache.js');
      buildSync({
        entryPoints: [path.join(repoRoot, 'src', 'cli', 'codeCache.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: loader,
        logLevel: 'error',
      });
    });
    after(() => rmSync(path.dirname(loader), { recursive: true, force: true }));
    beforeEach(() => {
      file = path.join(base, 'bundle.js');
      writeFileSync(file, MODULE);
      folder = cacheFolder({}, base)!;
    });

    /** Loads the script in a new process that checked files (so the cache is worth keeping), or one that did not. */
    const load = (keep = true) => {
      const script = [
        `const { codeCacheWorthKeeping, loadWithCodeCache } = require(${JSON.stringify(loader)});`,
        `const { exports, cache } = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(folder)});`,
        keep ? 'codeCacheWorthKeeping();' : '',
        'console.log(JSON.stringify([exports.answer, cache]));',
      ].join('\n');
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout) as [number, string];
    };
    const cacheFile = () =>
      path.join(
        folder,
        readdirSync(folder).find((name) => name.endsWith('.v8'))!,
      );

    it('uses the cache a run that checked files wrote, and writes none for a run that did not', () => {
      assert.deepEqual(load(false), [42, 'written']);
      assert.deepEqual(readdirSync(folder), []);
      assert.deepEqual(load(), [42, 'written']);
      assert.deepEqual(load(), [42, 'hit']);
    });

    it('compiles past a cache damaged anywhere, and writes it again', () => {
      load();
      const sound = readFileSync(cacheFile());
      for (const at of [0, 40, Math.floor(sound.length / 2), sound.length - 1]) {
        const damaged = Buffer.from(sound);
        damaged[at] = damaged[at]! ^ 0xff;
        writeFileSync(cacheFile(), damaged);
        assert.deepEqual(load(), [42, 'written'], `a byte flipped at ${at}`);
        assert.deepEqual(load(), [42, 'hit'], `written again after the flip at ${at}`);
      }
      writeFileSync(cacheFile(), sound.subarray(0, 100));
      assert.deepEqual(load(), [42, 'written'], 'cut short');
    });

    it('never runs the cache of another script of the same length put in its place', () => {
      load();
      const own = cacheFile();
      // The same length, other code: V8 itself would take its cache for this script's.
      writeFileSync(file, MODULE.replace('6 * 7', '6 * 8'));
      assert.deepEqual(load(), [48, 'written']);
      const other = readdirSync(folder)
        .map((name) => path.join(folder, name))
        .find((name) => name !== own)!;
      writeFileSync(file, MODULE);
      renameSync(other, own);
      assert.deepEqual(load(), [42, 'written']);
    });

    it('reads no pipe, folder or link in the cache’s place, and replaces a pipe with the cache', function () {
      load();
      const own = cacheFile();
      rmSync(own);
      spawnSync('mkfifo', [own]);
      assert.deepEqual(load(), [42, 'written'], 'a pipe (read, it would never end)');
      assert.deepEqual(load(), [42, 'hit'], 'the pipe replaced');
      rmSync(own);
      mkdirSync(own);
      assert.deepEqual(load(), [42, 'written'], 'a folder');
      assert.deepEqual(readdirSync(folder), [path.basename(own)], 'no half-written file left');
      rmSync(own, { recursive: true });
      const decoy = path.join(base, 'decoy.v8');
      load();
      renameSync(own, decoy);
      symlinkSync(decoy, own);
      assert.deepEqual(load(), [42, 'written'], 'a link to a sound cache');
    });
  });

  it(`keeps the newest ${CACHES_KEPT} caches and sweeps what a run left half written`, () => {
    const folder = cacheFolder({}, base)!;
    const old = (Date.now() - 3_600_000) / 1000;
    // One dated in the future (a clock set wrong): newer than the cache about to be written, which stays all the same.
    const dates = [old, old + 1, old + 2, old + 7_200];
    for (let at = 0; at < CACHES_KEPT; at += 1) {
      const name = path.join(folder, `${String(at).repeat(32)}.v8`);
      writeFileSync(name, '');
      utimesSync(name, dates[at]!, dates[at]!);
    }
    writeFileSync(path.join(folder, 'gone.v8.123.tmp'), '');
    utimesSync(path.join(folder, 'gone.v8.123.tmp'), old, old);
    writeFileSync(path.join(folder, 'running.v8.456.tmp'), '');
    const file = path.join(base, 'bundle.js');
    writeFileSync(file, MODULE.replace('6 * 7', '6 * 9'));
    loadWithCodeCache(file, folder);
    writeCodeCaches();
    const left = readdirSync(folder).sort();
    assert.equal(left.length, CACHES_KEPT + 1);
    assert.ok(!left.includes('00000000000000000000000000000000.v8'), 'the oldest cache goes');
    assert.ok(left.includes('33333333333333333333333333333333.v8'), 'the one dated in the future stays');
    assert.equal(left.filter((name) => /^[0-9a-f]{32}\.v8$/.test(name) && !/^(\d)\1+\.v8$/.test(name)).length, 1, 'the one just written stays');
    assert.ok(!left.includes('gone.v8.123.tmp'), 'an old partial file goes');
    assert.ok(left.includes('running.v8.456.tmp'), 'a partial file another run may be writing stays');
  });

  it('the CLI writes the engine’s cache when it checked files (not for --version) and gives the same findings from it', () => {
    const temp = path.join(base, 'tmp');
    mkdirSync(temp, { mode: 0o700 });
    const draft = path.join(base, 'draft.md');
    writeFileSync(draft, 'Our marketing team closed the deal.\n');
    const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp, PLUMB_LINE_NO_CODE_CACHE: '' };
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env });
    const folder = path.join(temp, folderName);
    assert.equal(run('--version').status, 0);
    assert.deepEqual(readdirSync(folder), [], '--version compiles too little to keep');
    const cold = run('check', draft, '--format', 'json');
    const [cache] = readdirSync(folder).filter((name) => name.endsWith('.v8'));
    const written = statSync(path.join(folder, cache!));
    const warm = run('check', draft, '--format', 'json');
    // A cache V8 took is not written again: the same file, untouched, is the sign it was used.
    assert.deepEqual(readdirSync(folder), [cache]);
    const after = statSync(path.join(folder, cache!));
    assert.deepEqual([after.ino, after.mtimeMs], [written.ino, written.mtimeMs]);
    assert.deepEqual([cold.status, warm.status, warm.stderr], [1, 1, '']);
    assert.equal(warm.stdout, cold.stdout);
    assert.equal((JSON.parse(cold.stdout) as unknown[]).length, 1);
  });

  it('a run on worker threads writes the cache too (a worker does, before it ends), and gives the same findings from it', () => {
    const temp = path.join(base, 'tmp');
    mkdirSync(temp, { mode: 0o700 });
    const drafts = path.join(base, 'drafts');
    mkdirSync(drafts);
    // Enough for workers: 8 files or more, 256 KB or more.
    const draft = `Our marketing team closed the deal.\n\n${'The quarterly plan covers the new product line and its launch dates.\n\n'.repeat(450)}`;
    for (let at = 0; at < 10; at += 1) writeFileSync(path.join(drafts, `d${at}.md`), draft);
    const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp, PLUMB_LINE_NO_CODE_CACHE: '' };
    const run = () =>
      spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', drafts, '--jobs', '2', '--format', 'json'], {
        encoding: 'utf8',
        env,
        timeout: 60_000,
      });
    const cold = run();
    const folder = path.join(temp, folderName);
    const [cache] = readdirSync(folder);
    assert.match(cache!, /^[0-9a-f]{32}\.v8$/);
    const written = statSync(path.join(folder, cache!));
    const warm = run();
    assert.equal(statSync(path.join(folder, cache!)).mtimeMs, written.mtimeMs, 'the warm run used it');
    assert.deepEqual([cold.status, warm.status, cold.stderr, warm.stderr], [1, 1, '', '']);
    assert.equal(warm.stdout, cold.stdout);
    assert.equal((JSON.parse(cold.stdout) as unknown[]).length, 10);
  });
});
