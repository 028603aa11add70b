// node bench/activation.mjs: one cold activation in this fresh process. Prints JSON: how long loading the engine
// bundle took, and how long loadCatalogue took over corpus/ (parsing the corpus Markdown and building the catalogue,
// the work the extension and the CLI do at start). bench/run.mjs runs it in several fresh processes and takes the median.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const loadStart = performance.now();
// require() is untyped: what it returns is the bundle of bench/engine.ts.
/** @type {unknown} */
const engine = createRequire(import.meta.url)(join(root, 'out', 'bench', 'engine.js'));
const { loadCatalogue } = /** @type {typeof import('./engine')} */ (engine);
const moduleMs = performance.now() - loadStart;
const start = performance.now();
const catalogue = loadCatalogue(join(root, 'corpus'));
const catalogueMs = performance.now() - start;
if (!catalogue) throw new Error('bench: loadCatalogue returned nothing');
console.log(JSON.stringify({ moduleMs, catalogueMs }));
