// Bundles the extension, the CLI and the test suites to CommonJS. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * @param {string} dir
 * @param {string} suffix
 */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** @type {esbuild.BuildOptions & { external: string[] }} */
const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  // Coverage reads each bundle through its source map: a function tree-shaken out of a development bundle has no mapping
  // and would be reported as covered, so development bundles keep every function of the modules they include.
  treeShaking: production,
  external: ['vscode', 'mocha'],
  // jsonc-parser's `main` is a UMD build that requires its parts at run time, which a bundle cannot follow: take its ES modules.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
};

/**
 * VS Code for the Web: the extension in the web-worker extension host, and the language server in a web worker of its own.
 * @type {esbuild.BuildOptions}
 */
const browser = { ...shared, platform: 'browser', target: 'es2022', external: ['vscode'] };

const ENGINE_GLOBAL = 'plumbLineEngine';
const engineIndex = resolve('src/core/index.ts');

/**
 * The engine (src/core) ships once, as dist/engine.js, for the Node side and the web worker alike: a bundle that
 * imports `core` from outside src/core gets `load` instead, and src/core's own imports stay inside the engine.
 * @param {string} load the module that stands for the engine
 * @returns {esbuild.Plugin}
 */
function sharedEngine(load) {
  return {
    name: 'shared-engine',
    setup(build) {
      build.onResolve({ filter: /(^|\/)core(\/index)?$/ }, async (args) => {
        if (args.namespace === 'shared-engine' || args.importer.startsWith(resolve('src/core'))) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, namespace: 'shared-engine' });
        return found.path === engineIndex ? { path: 'engine', namespace: 'shared-engine' } : undefined;
      });
      build.onResolve({ filter: /^\.\/engine\.js$/ }, () => ({ path: './engine.js', external: true }));
      build.onLoad({ filter: /.*/, namespace: 'shared-engine' }, () => ({ contents: load, loader: 'js', resolveDir: resolve('dist') }));
    },
  };
}

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...shared, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist' },
  { ...browser, entryPoints: { extension: 'src/vscode/web.ts' }, outdir: 'dist/web' },
  // `worker`: packages that decode entities through the DOM in a browser page (decode-named-character-reference) have a
  // build for workers, which have no `document`; that build runs under Node as well. A classic script that defines the
  // engine global in a web worker (webClient.ts puts it before dist/web/server.js), and a CommonJS module under Node.
  {
    ...browser,
    entryPoints: { engine: 'src/core/index.ts' },
    outdir: 'dist',
    format: 'iife',
    globalName: ENGINE_GLOBAL,
    conditions: ['worker'],
    footer: { js: `if (typeof module === 'object') module.exports = ${ENGINE_GLOBAL};` },
  },
  {
    ...browser,
    entryPoints: { server: 'src/server/browser.ts' },
    outdir: 'dist/web',
    format: 'iife',
    plugins: [sharedEngine(`module.exports = self.${ENGINE_GLOBAL};`)],
  },
  // The CLI and the language server share one bundle (src/bin.ts); dist/server.js only starts the server from it.
  {
    ...shared,
    entryPoints: { cli: 'src/bin.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [sharedEngine("module.exports = require('./engine.js');")],
  },
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
