// Bundles the extension, the CLI and the test suites to CommonJS. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeOptions, productBuilds, writeCorpusIndex } from './scripts/bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const shared = nodeOptions(production);

/**
 * @param {string} dir
 * @param {string} suffix
 */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** @type {esbuild.BuildOptions[]} */
const builds = productBuilds(production, 'dist');
if (!production) {
  builds.push(
    // One bundle for all unit tests: the engine is bundled once, so coverage of each source line is counted once.
    {
      ...shared,
      stdin: {
        contents: filesUnder('test/unit', '.test.ts')
          .map((file) => `import './${file.replaceAll('\\', '/')}';`)
          .join('\n'),
        resolveDir: '.',
        sourcefile: 'unit-tests.ts',
        loader: 'ts',
      },
      outfile: 'out/test/unit/all.test.js',
      // commonmark-spec reads its spec.txt beside itself, recheck starts its own native checker, and the TypeScript
      // compiler (read by the ReDoS test) is large: all three are loaded from node_modules at run time.
      external: [...shared.external, 'commonmark-spec', 'recheck', 'typescript'],
    },
    { ...shared, entryPoints: filesUnder('test/integration/suite', '.ts'), outdir: 'out/test/integration/suite' },
    { ...shared, entryPoints: { run: 'test/eval/run.ts' }, outdir: 'out/test/eval' },
    { ...shared, entryPoints: { run: 'test/fuzz/run.ts' }, outdir: 'out/test/fuzz' },
    { ...shared, entryPoints: { manifest: 'scripts/manifest.ts', ruleTables: 'scripts/ruleTables.ts' }, outdir: 'out/scripts' },
    { ...shared, entryPoints: { engine: 'bench/engine.ts' }, outdir: 'out/bench', sourcemap: false },
  );
}

writeCorpusIndex('dist');

if (watch) {
  await Promise.all(builds.map(async (options) => (await esbuild.context(options)).watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // `plumb-line` and `plumb-line-ls` run from a clone as well as from an install, which sets these bits itself.
  for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(bin, 0o755);
}
