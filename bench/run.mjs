// npm run bench: Plumb Line's engine against a peer prose linter on the same Markdown, side by side.
// The peer is alex (retext-equality on the same unified/remark pipeline). Figures are medians of interleaved
// rounds, and the ratio is taken round by round, so a machine that slows down mid-run slows both sides alike.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { markdown as alexMarkdown } from 'alex';
import { shapes } from './shapes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { lintMarkdown, loadCatalogue } = createRequire(import.meta.url)(join(root, 'out', 'bench', 'engine.js'));
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);

const folders = ['examples', 'corpus', join('test', 'fixtures', 'eval', 'drafts'), join('test', 'fixtures', 'eval', 'documents')];
const drafts = folders.flatMap((folder) =>
  readdirSync(join(root, folder)).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(root, folder, name), 'utf8')),
);
const bytes = drafts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
// One long draft too: every draft pasted into a single document, as a long report would be.
const longDraft = drafts.join('\n\n');

/** @param {() => void} fn */
function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// The engine keeps its last few parses (a hover and the linter share one); a per-round comment keeps every round cold.
/**
 * @param {string} text
 * @param {number} round
 */
const fresh = (text, round) => `${text}\n\n<!-- round ${round} -->\n`;

/**
 * @param {string} name
 * @param {(round: number) => void} ours
 * @param {() => void} peer
 */
function compare(name, ours, peer) {
  ours(-1);
  peer();
  const ourTimes = [];
  const peerTimes = [];
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    const a = time(() => ours(round));
    const b = time(peer);
    ourTimes.push(a);
    peerTimes.push(b);
    ratios.push(a / b);
  }
  console.log(
    `${name.padEnd(34)} plumb-line ${median(ourTimes).toFixed(1).padStart(8)} ms   alex ${median(peerTimes).toFixed(1).padStart(8)} ms   ` +
      `ratio ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
  );
}

const catalogueStart = performance.now();
const catalogue = loadCatalogue(join(root, 'corpus'));
console.log(`Catalogue from the corpus (activation work): ${(performance.now() - catalogueStart).toFixed(1)} ms, once`);
console.log(`${drafts.length} drafts, ${(bytes / 1024).toFixed(0)} KiB; ${rounds} interleaved rounds; lower ratio is faster than the peer\n`);

compare(
  `each draft on its own (${drafts.length})`,
  (round) => drafts.forEach((text) => lintMarkdown(fresh(text, round), catalogue)),
  () => drafts.forEach((text) => alexMarkdown(text)),
);
compare('one long draft', (round) => lintMarkdown(fresh(longDraft, round), catalogue), () => alexMarkdown(longDraft));

// Adversarial shapes at doubling sizes: time per MB should stay flat (within 2×) if the work is linear in the input.
// Each size runs in a fresh process (bench/shape.mjs), so one shape's garbage never slows the next.
// BENCH_SHAPES_MAX_KB bounds the largest size (default 1,600 KB; 5120 runs the full 100 KB to 5 MB range).
const maxKb = Number(process.env.BENCH_SHAPES_MAX_KB ?? 1600);
const sizes = [100, 200, 400, 800, 1600, 3200, 5120].filter((kb) => kb <= maxKb);
console.log(`\nadversarial shapes (median of 3 below 2 MB, one run above; ms per MB at each size, and the largest over the smallest):`);
for (const name of Object.keys(shapes)) {
  const perMb = sizes.map((kb) => {
    const args = [join(root, 'bench', 'shape.mjs'), name, String(kb), kb >= 2048 ? '1' : '3'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`bench/shape.mjs ${name} ${kb}: ${run.stderr}`);
    return { kb, msPerMb: Number(run.stdout.trim()) };
  });
  const growth = (perMb.at(-1)?.msPerMb ?? NaN) / (perMb[0]?.msPerMb ?? NaN);
  const points = perMb.map((point) => `${point.kb} KB ${point.msPerMb.toFixed(0)}`).join(' · ');
  console.log(`  ${name.padEnd(20)} ${points} ms/MB   ×${growth.toFixed(2)}${growth > 2 ? '  (super-linear)' : ''}`);
}
