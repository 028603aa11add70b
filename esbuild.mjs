// Bundles the extension, the CLI and the test suites to CommonJS. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserOptions, cliBuild, engineBuild, ENGINE_GLOBAL, nodeOptions, sharedEngine } from './scripts/bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const shared = nodeOptions(production);
const browser = browserOptions(production);

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
const builds = [
  // The desktop's and the browser's entry in one (src/vscode/extension.ts): the `browser` condition lets it take the
  // language client's browser transport, which that package exports under that condition only.
  { ...shared, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist', conditions: ['browser'] },
  engineBuild(production, 'dist'),
  {
    ...browser,
    entryPoints: { server: 'src/server/browser.ts' },
    outdir: 'dist/web',
    format: 'iife',
    plugins: [sharedEngine(`module.exports = self.${ENGINE_GLOBAL};`)],
  },
  cliBuild(production, 'dist'),
];
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

// plumb-line-ls: the language server from the shared bundle.
mkdirSync('dist/web', { recursive: true });
// A browser cannot list the extension's folder: the web client reads the corpus files named here (see webClient.ts).
writeFileSync(
  'dist/web/corpus.json',
  `${JSON.stringify(
    readdirSync('corpus')
      .filter((name) => name.endsWith('.md'))
      .sort(),
  )}\n`,
);
writeFileSync(
  'dist/server.js',
  "#!/usr/bin/env node\n// plumb-line-ls: the language server, from the bundle it shares with the CLI.\nrequire('./cli.js').languageServer();\n",
);
chmodSync('dist/server.js', 0o755);
rmSync('dist/server.js.map', { force: true });

if (watch) {
  await Promise.all(builds.map(async (options) => (await esbuild.context(options)).watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
