// The CLI's code cache (src/cli/codeCache.ts): what it loads is what require() would, a usable cache is used, a bad one
// is compiled past, and no cache is read from a folder someone else could write to.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

describe('code cache (src/cli/codeCache.ts)', function () {
  this.timeout(60_000);
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
    assert.equal(folder, path.join(base, `plumb-line-code-cache-${process.getuid?.() ?? 'user'}`));
    if (process.platform !== 'win32') assert.equal(readdirSync(base).length, 1);
    assert.equal(cacheFolder({ PLUMB_LINE_NO_CODE_CACHE: '1' }, base), undefined);
    assert.equal(cacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1' }, base), undefined);
  });

  it('uses no folder others can write to, nor a link in its place, nor one it cannot make', function () {
    if (process.platform === 'win32') this.skip();
    const folder = cacheFolder({}, base)!;
    chmodSync(folder, 0o777);
    assert.equal(cacheFolder({}, base), undefined, 'a folder everyone can write to');
    rmSync(folder, { recursive: true });
    const elsewhere = path.join(base, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, folder);
    assert.equal(cacheFolder({}, base), undefined, 'a symbolic link');
    const file = path.join(base, 'a-file');
    writeFileSync(file, '');
    assert.equal(cacheFolder({}, file), undefined, 'under a file');
  });

  it('loads a script as require would and writes its cache after the run', () => {
    const file = path.join(base, 'bundle.js');
    writeFileSync(file, MODULE);
    const folder = cacheFolder({}, base)!;
    const expected = { answer: 42, file, dir: base, joined: path.join('a', 'b') };
    assert.deepEqual(loadWithCodeCache(file, folder), { exports: expected, cache: 'written' });
    assert.deepEqual(readdirSync(folder), [], 'nothing is written before the run ends');
    writeCodeCaches();
    assert.match(readdirSync(folder).join(), /^[0-9a-f]{32}\.v8$/);
    assert.deepEqual(loadWithCodeCache(file, undefined), { exports: expected, cache: 'off' });
  });

  it('a later process uses the cache, compiles past a corrupt one and writes it again, and keys it by the script', () => {
    // Each load in a process of its own: V8 keeps what it compiled in a process, so only a new one reads the file.
    const loader = path.join(base, 'codeCache.js');
    buildSync({
      entryPoints: [path.join(repoRoot, 'src', 'cli', 'codeCache.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: loader,
      logLevel: 'error',
    });
    const file = path.join(base, 'bundle.js');
    writeFileSync(file, MODULE);
    const folder = cacheFolder({}, base)!;
    const load = () => {
      const script = [
        `const { loadWithCodeCache } = require(${JSON.stringify(loader)});`,
        `const { exports, cache } = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(folder)});`,
        'console.log(JSON.stringify([exports.answer, cache]));',
      ].join('\n');
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout) as [number, string];
    };
    assert.deepEqual(load(), [42, 'written']);
    const [cache] = readdirSync(folder);
    assert.deepEqual(load(), [42, 'hit']);
    writeFileSync(path.join(folder, cache!), 'not V8 code');
    assert.deepEqual(load(), [42, 'written'], 'a corrupt cache');
    assert.deepEqual(load(), [42, 'hit'], 'written again');
    writeFileSync(file, MODULE.replace('6 * 7', '6 * 8'));
    assert.deepEqual(load(), [48, 'written'], 'another script');
    assert.equal(readdirSync(folder).length, 2);
  });

  it(`keeps the newest ${CACHES_KEPT} caches and sweeps what a run left half written`, () => {
    const folder = cacheFolder({}, base)!;
    const old = (Date.now() - 3_600_000) / 1000;
    for (let at = 0; at < CACHES_KEPT; at += 1) {
      const name = path.join(folder, `${String(at).repeat(32)}.v8`);
      writeFileSync(name, '');
      utimesSync(name, old + at, old + at);
    }
    writeFileSync(path.join(folder, 'gone.v8.123.tmp'), '');
    utimesSync(path.join(folder, 'gone.v8.123.tmp'), old, old);
    writeFileSync(path.join(folder, 'running.v8.456.tmp'), '');
    const file = path.join(base, 'bundle.js');
    writeFileSync(file, MODULE);
    loadWithCodeCache(file, folder);
    writeCodeCaches();
    const left = readdirSync(folder).sort();
    assert.equal(left.length, CACHES_KEPT + 1);
    assert.ok(!left.includes('00000000000000000000000000000000.v8'), 'the oldest cache goes');
    assert.ok(!left.includes('gone.v8.123.tmp'), 'an old partial file goes');
    assert.ok(left.includes('running.v8.456.tmp'), 'a partial file another run may be writing stays');
  });

  it('the CLI writes the engine’s cache on its first run and gives the same findings from it', () => {
    const temp = path.join(base, 'tmp');
    mkdirSync(temp);
    const draft = path.join(base, 'draft.md');
    writeFileSync(draft, 'Our marketing team closed the deal.\n');
    const run = () =>
      spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', draft, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp },
      });
    const cold = run();
    const folder = path.join(temp, `plumb-line-code-cache-${process.getuid?.() ?? 'user'}`);
    assert.equal(readdirSync(folder).filter((name) => name.endsWith('.v8')).length, 1);
    const warm = run();
    assert.equal(cold.status, 1);
    assert.equal(warm.status, 1);
    assert.equal(warm.stdout, cold.stdout);
    assert.equal((JSON.parse(cold.stdout) as unknown[]).length, 1);
  });
});
