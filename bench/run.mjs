// npm run bench: Plumb Line's engine against a peer prose linter on the same Markdown, side by side.
// The peer is alex (retext-equality on the same unified/remark pipeline). Figures are medians of interleaved
// rounds, and the ratio is taken round by round, so a machine that slows down mid-run slows both sides alike.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { markdown as alexMarkdown } from 'alex';

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

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The engine keeps its last few parses (a hover and the linter share one); a per-round comment keeps every round cold.
const fresh = (text, round) => `${text}\n\n<!-- round ${round} -->\n`;

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
    `${name.padEnd(34)} plumb-line ${median(ourTimes).toFixed(1).padStart(8)} ms   alex ${median(peerTimes).toFixed(1).padStart(8)} ms   ratio ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
  );
}

const catalogueStart = performance.now();
const catalogue = loadCatalogue(join(root, 'corpus'));
console.log(`Catalogue from the corpus (activation work): ${(performance.now() - catalogueStart).toFixed(1)} ms, once`);
console.log(`${drafts.length} drafts, ${(bytes / 1024).toFixed(0)} KiB; ${rounds} interleaved rounds; lower ratio is faster than the peer\n`);

compare(`each draft on its own (${drafts.length})`, (round) => drafts.forEach((text) => lintMarkdown(fresh(text, round), catalogue)), () => drafts.forEach((text) => alexMarkdown(text)));
compare('one long draft', (round) => lintMarkdown(fresh(longDraft, round), catalogue), () => alexMarkdown(longDraft));

// Adversarial shapes at doubling sizes: time per MB should stay flat (within 2×) if the work is linear in the input.
// BENCH_SHAPES_MAX_KB bounds the largest size (default 1,600 KB, so the whole bench stays within a few minutes).
const shapes = {
  'one long line': (kb) => 'Marketing closed the deal and we met Acme. '.repeat(Math.ceil((kb * 1024) / 43)),
  'a long list': (kb) => '- Marketing closed the deal.\n'.repeat(Math.ceil((kb * 1024) / 29)),
  'nested lists': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 60) }, (_, at) => `${'  '.repeat(at % 40)}- Marketing closed the deal.\n`).join(''),
  'deep block quotes': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 70) }, (_, at) => `${'> '.repeat(at % 30)}Marketing closed the deal.\n`).join(''),
  'quote after quote': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 56) }, (_, at) => `${'> '.repeat(at % 30)}Marketing closed the deal.\n\n`).join(''),
  'lazy quote lines': (kb) => `> Notes from the call.\n${'Marketing closed the deal.\n'.repeat(Math.ceil((kb * 1024) / 27))}`,
  'unclosed inline tags': (kb) => '<b> Marketing closed the deal. '.repeat(Math.ceil((kb * 1024) / 31)),
  'control comments': (kb) => 'Marketing closed the deal. <!-- plumb-line-disable-line conflation -->\n\n'.repeat(Math.ceil((kb * 1024) / 72)),
  'alternating owners': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 26) }, (_, at) => (at % 2 ? 'Sales closes the deal.' : 'Marketing closes the deal.')).join('\n\n'),
  'table rows': (kb) => `| Task | Owner |\n| --- | --- |\n${'| Closing the deal | Marketing |\n'.repeat(Math.ceil((kb * 1024) / 32))}`,
};
const maxKb = Number(process.env.BENCH_SHAPES_MAX_KB ?? 1600);
console.log('\nadversarial shapes (median of 3; ms per MB at each size, and the largest over the smallest):');
for (const [name, make] of Object.entries(shapes)) {
  const perMb = [];
  for (let kb = 100; kb <= maxKb; kb *= 2) {
    const text = make(kb);
    const mb = Buffer.byteLength(text) / 1024 ** 2;
    const times = [0, 1, 2].map((round) => time(() => lintMarkdown(fresh(text, round), catalogue)));
    perMb.push({ kb, msPerMb: median(times) / mb });
  }
  const growth = perMb[perMb.length - 1].msPerMb / perMb[0].msPerMb;
  console.log(`  ${name.padEnd(20)} ${perMb.map((point) => `${point.kb} KB ${point.msPerMb.toFixed(0)}`).join(' · ')} ms/MB   ×${growth.toFixed(2)}${growth > 2 ? '  (super-linear)' : ''}`);
}
