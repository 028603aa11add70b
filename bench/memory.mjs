// node --expose-gc bench/memory.mjs BYTES: lints one prose draft of about BYTES bytes in this fresh process and prints
// JSON with its peak memory above the baseline, and the time the lint took.
//
// Method: lintMarkdown is synchronous, so a timer in this process cannot sample during it. The kernel keeps the
// process's peak resident set size for us instead (VmHWM in /proc/self/status). Once the engine, the catalogue and
// the draft are loaded and a full GC has run, writing "5" to /proc/self/clear_refs resets that peak to the current
// RSS; that RSS is the baseline. After the lint, VmHWM is the highest RSS reached during it (V8 heap, parser
// buffers and garbage not yet collected: what the user's machine has to hold), so peak above baseline =
// VmHWM − baseline. heapUsed just after the lint (before any forced GC) is reported too, as a second view.
// Where /proc is not there (not Linux), it falls back to RSS after the lint, a lower bound, and says so.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { draftOfSize, root } from './drafts.mjs';

// require() is untyped: what it returns is the bundle of bench/engine.ts.
/** @type {unknown} */
const engine = createRequire(import.meta.url)(join(root, 'out', 'bench', 'engine.js'));
const { lintMarkdown, loadCatalogue } = /** @type {typeof import('./engine')} */ (engine);
const bytes = Number(process.argv[2] ?? 5 * 1024 * 1024);
const catalogue = loadCatalogue(join(root, 'corpus'));
// Flattened into one fresh string, so the lint does not pay for joining the pieces.
const text = Buffer.from(draftOfSize(bytes)).toString('utf8');
const size = Buffer.byteLength(text);

/** @param {string} field */
const statusKb = (field) => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : undefined;
};

globalThis.gc?.();
globalThis.gc?.();
let method = 'VmHWM after resetting it through /proc/self/clear_refs';
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  method = 'RSS after the lint (no /proc: a lower bound)';
}
const baselineRss = method.startsWith('VmHWM') ? statusKb('VmRSS') : process.memoryUsage().rss;
const baselineHeap = process.memoryUsage().heapUsed;
const start = performance.now();
const findings = lintMarkdown(text, catalogue);
const lintMs = performance.now() - start;
const heapAfter = process.memoryUsage().heapUsed;
const peakRss = method.startsWith('VmHWM') ? statusKb('VmHWM') : process.memoryUsage().rss;
if (baselineRss === undefined || peakRss === undefined) throw new Error('bench: no VmRSS or VmHWM line in /proc/self/status');
if (!Array.isArray(findings) || findings.length === 0) throw new Error('bench: lintMarkdown found nothing in the memory draft');
console.log(
  JSON.stringify({
    bytes: size,
    findings: findings.length,
    lintMs,
    method,
    gcExposed: typeof globalThis.gc === 'function',
    baselineRssBytes: baselineRss,
    peakRssBytes: peakRss,
    peakAboveBaselineBytes: peakRss - baselineRss,
    peakAboveBaselineMultiple: (peakRss - baselineRss) / size,
    heapUsedAboveBaselineAfterLintBytes: heapAfter - baselineHeap,
  }),
);
