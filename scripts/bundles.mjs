// The bundle options that esbuild.mjs and the bench share, so the bench times the CLI and packages the VSIX exactly
// as they ship and a new option cannot reach one and not the other.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ENGINE_GLOBAL = 'plumbLineEngine';
const engineIndex = resolve(root, 'src/core/index.ts');
const coreDir = resolve(root, 'src/core');

/**
 * @param {boolean} production
 * @returns {import('esbuild').BuildOptions & { external: string[] }}
 */
export function nodeOptions(production) {
  return {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    // Coverage reads each bundle through its source map: a function tree-shaken out of a development bundle has no
    // mapping and would be reported as covered, so development bundles keep every function of the modules they include.
    treeShaking: production,
    external: ['vscode', 'mocha'],
    // jsonc-parser's `main` is a UMD build that requires its parts at run time, which a bundle cannot follow: take its
    // ES modules.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
  };
}

/**
 * VS Code for the Web: the extension in the web-worker extension host, and the language server in a web worker of its own.
 * @param {boolean} production
 * @returns {import('esbuild').BuildOptions}
 */
export function browserOptions(production) {
  return { ...nodeOptions(production), platform: 'browser', target: 'es2022', external: ['vscode'] };
}

/**
 * The engine (src/core) ships once, as dist/engine.js, for the Node side and the web worker alike: a bundle that
 * imports `core` from outside src/core gets `load` instead, and src/core's own imports stay inside the engine.
 * @param {string} load the module that stands for the engine
 * @returns {import('esbuild').Plugin}
 */
export function sharedEngine(load) {
  return {
    name: 'shared-engine',
    setup(build) {
      build.onResolve({ filter: /(^|\/)core(\/index)?$/ }, async (args) => {
        if (args.namespace === 'shared-engine' || args.importer.startsWith(coreDir)) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, namespace: 'shared-engine' });
        return found.path === engineIndex ? { path: 'engine', namespace: 'shared-engine' } : undefined;
      });
      build.onResolve({ filter: /^\.\/engine\.js$/ }, () => ({ path: './engine.js', external: true }));
      build.onLoad({ filter: /.*/, namespace: 'shared-engine' }, () => ({ contents: load, loader: 'js', resolveDir: root }));
    },
  };
}

/**
 * dist/engine.js. `worker`: packages that decode entities through the DOM in a browser page
 * (decode-named-character-reference) have a build for workers, which have no `document`; that build runs under Node as
 * well. A classic script that defines the engine global in a web worker (webClient.ts puts it before
 * dist/server.js), and a CommonJS module under Node.
 * @param {boolean} production
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function engineBuild(production, outdir) {
  return {
    ...browserOptions(production),
    entryPoints: { engine: 'src/core/index.ts' },
    outdir,
    format: 'iife',
    globalName: ENGINE_GLOBAL,
    conditions: ['worker'],
    footer: { js: `if (typeof module === 'object') module.exports = ${ENGINE_GLOBAL};` },
  };
}

/**
 * dist/server.js, `plumb-line-ls`: the language server (src/server/main.ts) in one bundle for Node, its lint worker
 * thread and the browser's web worker. The `browser` condition lets it take vscode-languageserver's browser transport,
 * exported under that condition only. In the web worker the engine is the global dist/engine.js defines (the client
 * starts both as one script); under Node it is dist/engine.js beside it.
 * @param {boolean} production
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function serverBuild(production, outdir) {
  return {
    ...nodeOptions(production),
    entryPoints: { server: 'src/server/main.ts' },
    outdir,
    conditions: ['browser'],
    banner: { js: '#!/usr/bin/env node' },
    plugins: [sharedEngine(`module.exports = require('./src/host').onNode() ? require('./engine.js') : self.${ENGINE_GLOBAL};`)],
  };
}

/**
 * dist/cli.js: the CLI (src/bin.ts), which loads dist/engine.js beside it through V8's code cache (src/cli/codeCache.ts).
 * @param {boolean} production
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function cliBuild(production, outdir) {
  const load = [
    "const { cacheFolder, loadWithCodeCache } = require('./src/cli/codeCache');",
    "module.exports = loadWithCodeCache(require('node:path').join(__dirname, 'engine.js'), cacheFolder()).exports;",
  ].join('\n');
  return {
    ...nodeOptions(production),
    entryPoints: { cli: 'src/bin.ts' },
    outdir,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [sharedEngine(load)],
  };
}

/**
 * dist/extension.js, both `main` and `browser` (src/vscode/extension.ts): the `browser` condition lets it take the
 * language client's browser transport, which that package exports under that condition only.
 * @param {boolean} production
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function extensionBuild(production, outdir) {
  return { ...nodeOptions(production), entryPoints: { extension: 'src/vscode/extension.ts' }, outdir, conditions: ['browser'] };
}

/**
 * Writes `<outdir>/web/corpus.json`, the corpus files' names: a browser cannot list the extension's folder, so the web
 * client reads the files named here (see webClient.ts).
 * @param {string} outdir
 */
export function writeCorpusIndex(outdir) {
  mkdirSync(join(outdir, 'web'), { recursive: true });
  const names = readdirSync(join(root, 'corpus'))
    .filter((name) => name.endsWith('.md'))
    .sort();
  writeFileSync(join(outdir, 'web', 'corpus.json'), `${JSON.stringify(names)}\n`);
}

/**
 * The product's bundles in `outdir`, as `node esbuild.mjs` writes them to dist/: the extension, the engine, the
 * language server and the CLI.
 * @param {boolean} production
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions[]}
 */
export function productBuilds(production, outdir) {
  return [extensionBuild(production, outdir), engineBuild(production, outdir), serverBuild(production, outdir), cliBuild(production, outdir)];
}
