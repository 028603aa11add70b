// node bench/shape.mjs NAME KB ROUNDS: lints one adversarial shape of that size in this fresh process and prints
// the median time per MB. bench/run.mjs runs it once per shape and size. NAME "prose" is the peer comparison's
// prose draft (bench/drafts.mjs) instead, for the linearity of ordinary text.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { draftOfSize } from './drafts.mjs';
import { shapes } from './shapes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// require() is untyped: what it returns is the bundle of bench/engine.ts.
/** @type {unknown} */
const engine = createRequire(import.meta.url)(join(root, 'out', 'bench', 'engine.js'));
const { lintMarkdown, loadCatalogue } = /** @type {typeof import('./engine')} */ (engine);
const [name, kb, rounds = '3'] = process.argv.slice(2);
const make = name === 'prose' ? (/** @type {number} */ size) => draftOfSize(size * 1024) : name === undefined ? undefined : shapes[name];
if (!make) throw new Error(`no shape "${name}"; the shapes are: ${Object.keys(shapes).join(', ')}`);
const catalogue = loadCatalogue(join(root, 'corpus'));
// One small lint of the same shape first, untimed: otherwise the smallest size pays for the JIT's warm-up and looks
// slower per MB than the larger ones, which would hide growth.
lintMarkdown(make(16), catalogue);
const text = make(Number(kb));
const mb = Buffer.byteLength(text) / 1024 ** 2;
const times = Array.from({ length: Number(rounds) }, (_, round) => {
  // A per-round comment keeps every round cold (the engine keeps its last few parses).
  const input = `${text}\n\n<!-- round ${round} -->\n`;
  const start = performance.now();
  lintMarkdown(input, catalogue);
  return performance.now() - start;
});
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(((median ?? NaN) / mb).toFixed(1));
