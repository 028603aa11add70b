// npm run bench: Plumb Line's speed against its peers, in one run, as issue 8 (section 3) asks. Every comparison is
// interleaved (A, B, C, A, B, C …): each figure is a median over rounds and each ratio is taken round by round, so
// a machine that slows down mid-run (it is shared, and has 2 cores) slows every side alike. The sections:
//   whole CLI on a 10 KB draft   node dist/cli.js check (production build) vs bare node, markdownlint-cli2, textlint
//                                with textlint-rule-terminology, alex, write-good: each a fresh process
//   a folder of many files       the CLI on one thread, on workers, by shards, and markdownlint-cli2 (bench/folder.mjs)
//   in-process, 100 KB and 1 MB  lintMarkdown vs remark-parse alone, markdownlint, textlint, write-good, alex
//   keystroke                    re-lint after a one-character edit, 10 KB and 1 MB, after untimed typing elsewhere
//   activation                   loadCatalogue over corpus/, each in a fresh process
//   peak memory                  a 5 MB draft in a fresh process (bench/memory.mjs says how)
//   alex on the repo's drafts    the comparison this bench made before the peers came (each draft, one long draft)
//   adversarial shapes           time per MB at doubling sizes, each in a fresh process (bench/shape.mjs)
//   VSIX                         the extension packaged by vsce from the production bundles, as `npm run package` does
// It prints each section as it goes, then a table of the issue's targets, and writes everything as JSON to
// $BENCH_JSON, or out/bench/results.json.
//
// Settings (environment): BENCH_ROUNDS rounds of the small comparisons (default 9); BENCH_ROUNDS_LARGE rounds at
// 1 MB and of the alex comparison (default 3); BENCH_SHAPES_MAX_KB the largest shape (default 400; 5120 runs the
// issue's full 100 KB to 5 MB); BENCH_FOLDER_FILES and BENCH_FOLDER_KB the folder's files (default 120) and their size
// (default 10 KB); BENCH_QUICK=1 a smoke run: small sizes, few rounds, figures not the issue's.
// A full default run takes about 5 minutes on the 2-core machine, and the folder section about 3 more.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { productBuilds, writeCorpusIndex } from '../scripts/bundles.mjs';
import { markdown as alexMarkdown } from 'alex';
import { draftOfSize, root } from './drafts.mjs';
import { writeFolder } from './folder.mjs';
import { PROBE, cliPeers, loadInProcessPeers, makeWorkDir, peerVersions } from './peers.mjs';
import { shapes } from './shapes.mjs';

/** @typedef {{ median: number, min: number, max: number }} Spread */
/** @typedef {'node' | 'plumb-line' | 'markdownlint-cli2' | 'textlint' | 'alex' | 'write-good'} CliPeerId (bench/peers.mjs) */
/** @typedef {'plumb-line' | 'remark-parse' | 'markdownlint' | 'textlint' | 'write-good' | 'alex'} InProcessPeerId (bench/peers.mjs) */
/**
 * @typedef {{ label: string, argv: string[], ms: Spread, timesMs: number[], outputBytes: number | undefined, overBareNode: Spread,
 *   plumbLineOverThis?: Spread }} CliResult
 */
/** Every command but Plumb Line itself and bare node also has Plumb Line's time over its own. */
/**
 * @typedef {Record<'node' | 'plumb-line', CliResult>
 *   & Record<Exclude<CliPeerId, 'node' | 'plumb-line'>, CliResult & { plumbLineOverThis: Spread }>} CliResults
 */
/** @typedef {{ label: string, ms: Spread, timesMs: number[], msPerMb: number, results: number | undefined, plumbLineOverThis?: Spread }} PeerResult */
/** @typedef {Record<'plumb-line', PeerResult> & Record<Exclude<InProcessPeerId, 'plumb-line'>, PeerResult & { plumbLineOverThis: Spread }>} PeerResults */
/** @typedef {{ bytes: number, rounds: number, peers: PeerResults }} InProcessSection */
/** @typedef {{ bytes: number, rounds: number, ms: Spread, timesMs: number[] }} KeystrokeSection */
/** @typedef {{ plumbLineMs: Spread, alexMs: Spread, plumbLineOverAlex: Spread }} AlexComparison */
/** @typedef {{ moduleMs: number, catalogueMs: number }} ActivationRun bench/activation.mjs's JSON */
/**
 * bench/memory.mjs's JSON.
 * @typedef {{ bytes: number, findings: number, lintMs: number, method: string, gcExposed: boolean, baselineRssBytes: number, peakRssBytes: number,
 *   peakAboveBaselineBytes: number, peakAboveBaselineMultiple: number, heapUsedAboveBaselineAfterLintBytes: number }} MemoryRun
 */
/** @typedef {{ bytes: number, msPerMb: number, from: string }} ProsePoint */
/** @typedef {{ points: { kb: number, msPerMb: number }[], growth: number, spread: number }} ShapeResult */
/** @typedef {{ target: string, value: string, met: boolean | null }} Target */
/**
 * Everything the run measures; `meta` is there from the start, each other section is filled in as the run reaches it.
 * @typedef {object} Results
 * @property {{ date: string, node: string, platform: string, cpus: number, loadAverageAtStart: number[], quick: boolean, rounds: number,
 *   largeRounds: number, gcBetweenMeasurements: boolean, versions: Record<string, string | null>, loadAverageAtEnd?: number[], seconds?: number }} meta
 * @property {{ draftBytes: number, rounds: number, note: string, commands: CliResults }} cli
 * @property {{ files: number, bytes: number, findings: number, threads: number, rounds: number, note: string,
 *   commands: Record<string, { label: string, argv: string[], ms: Spread, timesMs: number[], overOneThread: Spread }>,
 *   slowestShard: { ms: Spread, overOneThread: Spread } }} folder
 * @property {{ small: InProcessSection, large: InProcessSection }} inProcess
 * @property {{ small: KeystrokeSection, large: KeystrokeSection }} keystroke
 * @property {{ drafts: number, bytes: number, rounds: number, eachOnItsOwn: AlexComparison, oneLongDraft: AlexComparison }} alexOnDrafts
 * @property {{ processes: number, catalogueMs: Spread, moduleLoadMs: Spread, timesMs: number[], note: string }} activation
 * @property {MemoryRun} memory
 * @property {{ prose: { points: [ProsePoint, ProsePoint, ProsePoint], growth: number, spread: number }, shapes: Record<string, ShapeResult> }} linearity
 * @property {{ bytes: number, files: Record<string, number> }} vsix
 * @property {Target[]} targets
 */

// The bench's own failures (a peer missing, or one that found nothing on its probe) start with "bench:" and are
// printed without a stack; anything else keeps its stack.
process.on('uncaughtException', (error) => {
  console.error(`\n${String(error?.message).startsWith('bench') ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
});
// require() is untyped: what it returns is the bundle of bench/engine.ts.
/** @type {unknown} */
const engine = createRequire(import.meta.url)(join(root, 'out', 'bench', 'engine.js'));
const { lintMarkdown, loadCatalogue, forgetKept } = /** @type {typeof import('./engine')} */ (engine);
const quick = process.env.BENCH_QUICK === '1';
/**
 * @param {string} name
 * @param {number} fallback
 */
const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`bench: ${name} must be a whole number ≥ 1, not "${process.env[name]}"`);
  return value;
};
const rounds = count('BENCH_ROUNDS', quick ? 2 : 9);
const largeRounds = count('BENCH_ROUNDS_LARGE', quick ? 1 : 3);
const KB = 1024;
const MB = 1024 * KB;
// The issue's sizes; a quick run keeps the shape of the run and shrinks the big drafts.
const sizes = quick ? { cli: 10 * KB, small: 100 * KB, large: 200 * KB, memory: 1 * MB } : { cli: 10 * KB, small: 100 * KB, large: 1 * MB, memory: 5 * MB };
const shapesMaxKb = count('BENCH_SHAPES_MAX_KB', quick ? 100 : 400);
// The issue's folder is 2,000 files of about 10 KB (BENCH_FOLDER_FILES=2000); the default keeps the bench's time down.
const folderFiles = count('BENCH_FOLDER_FILES', quick ? 40 : 120);
const folderKb = count('BENCH_FOLDER_KB', 10);
const runStart = performance.now();
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc) console.log('(node was started without --expose-gc: no GC between measurements; `npm run bench` passes it)');

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // `?? NaN`: an empty list's median is NaN, as undefined arithmetic made it before the types.
  return (sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2) ?? NaN;
};
/**
 * @param {number[]} values
 * @returns {Spread}
 */
const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
/** @param {number} value */
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
/** @param {number} value */
const times = (value) => `${value.toFixed(2)}×`;
/** @param {number} bytes */
const sizeLabel = (bytes) => (bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / KB)} KB`);
// The engine keeps its last few parses (a hover and the linter share one); a per-round comment keeps every round cold.
/**
 * @param {string} text
 * @param {number | string} round
 */
const fresh = (text, round) => `${text}\n\n<!-- round ${round} -->\n`;
// One flat string (not a rope of pieces), so no peer pays for joining another's input.
/** @param {string} text */
const flat = (text) => Buffer.from(text, 'utf8').toString('utf8');
/** "ours / peer" as words: 0.5 → "2.00× faster", 2 → "2.00× slower". */
/**
 * @param {number} n
 * @param {string} word
 */
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** @param {number} ratio */
const relative = (ratio) => (ratio <= 1 ? `${times(1 / ratio)} faster` : `${times(ratio)} slower`);

/**
 * A Markdown-style table, padded so that it reads in a terminal too.
 * @param {string[]} headers
 * @param {(string | number | undefined)[][]} rows
 */
function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  /** @param {(string | number | undefined)[]} cells */
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** @type {Results} */
const results = /** @type {Results} */ ({
  meta: {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    loadAverageAtStart: loadavg(),
    quick,
    rounds,
    largeRounds,
    gcBetweenMeasurements: Boolean(globalThis.gc),
    versions: peerVersions(),
  },
});

// ── The production CLI, built into a temp folder ───────────────────────────────────────────────────────────────────
// The CLI as it ships (`node esbuild.mjs --production`: dist/cli.js loading dist/engine.js beside it, from the options
// both share in scripts/bundles.mjs), written to a temp folder beside a copy of corpus/ (the CLI reads ../corpus from
// its own folder), so the repository's dist/ stays the development build that `npm run bench` made.
const work = makeWorkDir();
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const cliPath = join(work, 'dist', 'cli.js');
cpSync(join(root, 'corpus'), join(work, 'corpus'), { recursive: true });
// All the product's bundles, as `node esbuild.mjs --production` writes them: the VSIX section packages them too.
await Promise.all(productBuilds(true, join(work, 'dist')).map((options) => esbuild.build(options)));
writeCorpusIndex(join(work, 'dist'));

// ── Whole CLI on a 10 KB draft ─────────────────────────────────────────────────────────────────────────────────────
{
  const draft = draftOfSize(sizes.cli);
  const draftFile = join(work, 'draft.md');
  const probeFile = join(work, 'probe.md');
  writeFileSync(draftFile, draft);
  writeFileSync(probeFile, PROBE);
  const commands = cliPeers({ cliPath });
  /**
   * @param {import('./peers.mjs').CliPeer} command
   * @param {string} file
   */
  const argsFor = (command, file) => (typeof command.args === 'function' ? command.args(file) : command.args);
  /**
   * @param {import('./peers.mjs').CliPeer} command
   * @param {string} file
   */
  const spawn = (command, file) => {
    const start = performance.now();
    const run = spawnSync(process.execPath, argsFor(command, file), { cwd: work, encoding: 'utf8', maxBuffer: 64 * MB });
    const elapsed = performance.now() - start;
    if (run.error) throw new Error(`bench: could not start ${command.label}: ${run.error.message}`);
    return { run, elapsed };
  };
  /**
   * @param {import('./peers.mjs').CliPeer} command
   * @param {import('./peers.mjs').Run} run
   */
  const describe = (command, run) => {
    const signal = run.signal ? `, signal ${run.signal}` : '';
    const output = `${run.stdout}\n${run.stderr}`.trim().slice(0, 2000);
    return `${command.label} (exit ${run.status}${signal}):\n${output}`;
  };
  // Before any timing: each command must find its own mistake in the probe file, and run cleanly on the draft.
  /** @type {Record<string, number>} */
  const outputBytes = {};
  for (const command of commands) {
    const probe = spawn(command, probeFile).run;
    if (!command.probe(probe)) {
      throw new Error(`bench: ${describe(command, probe)}\n— it did not report its expected finding on the probe file, so timing it would time a no-op`);
    }
    const warm = spawn(command, draftFile).run;
    if (!command.ok(warm)) throw new Error(`bench: ${describe(command, warm)}\n— it did not run cleanly on the draft`);
    outputBytes[command.id] = Buffer.byteLength(warm.stdout) + Buffer.byteLength(warm.stderr);
  }
  /** @type {Record<string, number[]>} */
  const elapsed = Object.fromEntries(commands.map((command) => [command.id, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const command of commands) {
      const { run, elapsed: took } = spawn(command, draftFile);
      if (!command.ok(run)) throw new Error(`bench: round ${round}: ${describe(command, run)}`);
      elapsed[command.id]?.push(took);
    }
  }
  /**
   * @param {string} a
   * @param {string} b
   */
  const perRound = (a, b) => (elapsed[a] ?? []).map((value, round) => value / (elapsed[b]?.[round] ?? NaN));
  results.cli = {
    draftBytes: Buffer.byteLength(draft),
    rounds,
    note: 'wall time of each whole process (spawnSync), all started with the same node; ratios taken round by round',
    // Keyed by the ids of cliPeers, which gives every command but these two Plumb Line's time over its own.
    commands: /** @type {CliResults} */ (
      Object.fromEntries(
        commands.map((command) => [
          command.id,
          {
            label: command.label,
            argv: ['node', ...argsFor(command, '<draft.md>').map((arg) => arg.replace(work, '<tmp>').replace(root, '<repo>/'))],
            ms: spread(elapsed[command.id] ?? []),
            timesMs: elapsed[command.id] ?? [],
            outputBytes: outputBytes[command.id],
            overBareNode: spread(perRound(command.id, 'node')),
            ...(command.id === 'plumb-line' || command.id === 'node' ? {} : { plumbLineOverThis: spread(perRound('plumb-line', command.id)) }),
          },
        ]),
      )
    ),
  };
  console.log(`\nWhole CLI on a ${sizeLabel(results.cli.draftBytes)} draft, ${plural(rounds, 'interleaved round')} (each a fresh process):\n`);
  console.log(
    table(
      ['command', 'median ms', '× bare node', 'Plumb Line / it'],
      Object.values(results.cli.commands).map((entry) => [
        entry.label,
        ms(entry.ms.median),
        times(entry.overBareNode.median),
        entry.plumbLineOverThis ? `${times(entry.plumbLineOverThis.median)} (ours ${relative(entry.plumbLineOverThis.median)})` : '',
      ]),
    ),
  );
}

// ── A folder of many files: one thread, worker threads, shards, markdownlint-cli2 ─────────────────────────────────
// Issue 10 (item 13): the CLI over a folder of generated files (bench/folder.mjs) on one thread and on one worker per
// core, each shard of `--shard I/N` (N the cores) on one thread, as N CI jobs would run them, and markdownlint-cli2 on
// the same folder. Before timing, the workers' output must be the one thread's, byte for byte, and the shards' findings
// must add up to the whole run's.
{
  const folderBytes = writeFolder(join(work, 'folder'), folderFiles, folderKb * KB);
  const threads = availableParallelism();
  const markdownlintCli2 = cliPeers({ cliPath }).find((peer) => peer.id === 'markdownlint-cli2');
  if (!markdownlintCli2 || typeof markdownlintCli2.args !== 'function') throw new Error('bench: bench/peers.mjs has no markdownlint-cli2 command');
  const check = [cliPath, 'check', 'folder'];
  /** @type {{ id: string, label: string, args: string[] }[]} */
  const commands = [
    { id: 'one-thread', label: 'Plumb Line `check --jobs 1`', args: [...check, '--jobs', '1'] },
    { id: 'workers', label: `Plumb Line \`check\` (${plural(threads, 'worker')})`, args: [...check, '--jobs', String(threads)] },
    ...Array.from({ length: threads }, (_, at) => ({
      id: `shard-${at + 1}`,
      label: `Plumb Line \`check --shard ${at + 1}/${threads} --jobs 1\``,
      args: [...check, '--shard', `${at + 1}/${threads}`, '--jobs', '1'],
    })),
    { id: 'markdownlint-cli2', label: 'markdownlint-cli2', args: markdownlintCli2.args('folder/**/*.md') },
  ];
  /** @param {string[]} args */
  const spawnIn = (args) => {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8', maxBuffer: 256 * MB });
    return { run, elapsed: performance.now() - start };
  };
  /** "12 findings in 3 files." → [12, 3] */
  /** @param {string} stdout */
  const summary = (stdout) => (/(\d+) findings? in (\d+) files?\.\n$/.exec(stdout) ?? []).slice(1).map(Number);
  /** @type {Record<string, import('node:child_process').SpawnSyncReturns<string>>} */
  const first = Object.fromEntries(commands.map((command) => [command.id, spawnIn(command.args).run]));
  const whole = first['one-thread'];
  if (!whole || whole.status !== 1 || whole.stderr !== '') throw new Error(`bench: the one-thread run over the folder failed: ${whole?.stderr}`);
  if (first.workers?.stdout !== whole.stdout || first.workers?.stderr !== whole.stderr) {
    throw new Error('bench: the run on workers did not print what the run on one thread printed');
  }
  const shardTotals = commands.filter((command) => command.id.startsWith('shard-')).map((command) => summary(first[command.id]?.stdout ?? ''));
  const [findings = NaN, files = NaN] = summary(whole.stdout);
  if (shardTotals.reduce((sum, [count = NaN]) => sum + count, 0) !== findings || shardTotals.reduce((sum, [, count = NaN]) => sum + count, 0) !== files) {
    throw new Error(`bench: the shards' findings (${JSON.stringify(shardTotals)}) do not add up to the whole run's (${findings} in ${files} files)`);
  }
  const peerRun = first['markdownlint-cli2'];
  if (!peerRun || !markdownlintCli2.ok(peerRun)) throw new Error(`bench: markdownlint-cli2 did not run cleanly on the folder: ${peerRun?.stderr}`);
  /** @type {Record<string, number[]>} */
  const elapsed = Object.fromEntries(commands.map((command) => [command.id, []]));
  for (let round = 0; round < largeRounds; round += 1) {
    for (const command of commands) elapsed[command.id]?.push(spawnIn(command.args).elapsed);
  }
  const oneThread = elapsed['one-thread'] ?? [];
  /** @param {number[]} times */
  const overOneThread = (times) => spread(times.map((value, round) => value / (oneThread[round] ?? NaN)));
  const shardIds = commands.filter((command) => command.id.startsWith('shard-')).map((command) => command.id);
  // The wall time of a run split over N CI jobs is its slowest shard's.
  const slowestShard = oneThread.map((_, round) => Math.max(...shardIds.map((id) => elapsed[id]?.[round] ?? NaN)));
  results.folder = {
    files: folderFiles,
    bytes: folderBytes,
    findings,
    threads,
    rounds: largeRounds,
    note: 'wall time of each whole process; shards each on one thread, run one after another; ratios taken round by round',
    commands: Object.fromEntries(
      commands.map((command) => [
        command.id,
        {
          label: command.label,
          argv: ['node', ...command.args.map((arg) => arg.replace(work, '<tmp>').replace(root, '<repo>/'))],
          ms: spread(elapsed[command.id] ?? []),
          timesMs: elapsed[command.id] ?? [],
          overOneThread: overOneThread(elapsed[command.id] ?? []),
        },
      ]),
    ),
    slowestShard: { ms: spread(slowestShard), overOneThread: overOneThread(slowestShard) },
  };
  console.log(
    `\nA folder of ${folderFiles} files (${sizeLabel(folderBytes)}, ${findings} findings), ${plural(largeRounds, 'interleaved round')} ` +
      `(each a fresh process; BENCH_FOLDER_FILES, BENCH_FOLDER_KB):\n`,
  );
  console.log(
    table(
      ['command', 'median ms', '× one thread'],
      [
        ...Object.values(results.folder.commands).map((entry) => [entry.label, ms(entry.ms.median), times(entry.overOneThread.median)]),
        [
          `slowest of the ${threads} shards (a run split over ${threads} CI jobs)`,
          ms(results.folder.slowestShard.ms.median),
          times(results.folder.slowestShard.overOneThread.median),
        ],
      ],
    ),
  );
}

// ── In-process: 100 KB and 1 MB ────────────────────────────────────────────────────────────────────────────────────
const catalogue = loadCatalogue(join(root, 'corpus'));
const peers = await loadInProcessPeers({ lintMarkdown, catalogue, forgetKept });
// Its two sections are filled in below.
results.inProcess = /** @type {Results['inProcess']} */ ({});

/**
 * @template T
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<{ value: T, elapsed: number }>}
 */
async function timed(fn) {
  gc();
  const start = performance.now();
  const value = await fn();
  return { value, elapsed: performance.now() - start };
}

// Warm-up, untimed, once for all the in-process sections: every peer three times on the 100 KB draft, so the JIT and
// lazily loaded code stay out of the timed rounds (Plumb Line's first two lints of 100 KB take up to twice the later
// ones).
for (let pass = 0; pass < 3; pass += 1) {
  const warmText = flat(fresh(draftOfSize(sizes.small), `warm-up ${pass}`));
  for (const peer of peers) await peer.run(warmText);
}

/**
 * @param {number} bytes
 * @param {number} roundCount
 * @returns {Promise<InProcessSection>}
 */
async function inProcess(bytes, roundCount) {
  const text = draftOfSize(bytes);
  /** @type {Record<string, number[]>} */
  const elapsed = Object.fromEntries(peers.map((peer) => [peer.id, []]));
  /** @type {Record<string, number>} */
  const found = {};
  for (let round = 0; round < roundCount; round += 1) {
    // Every peer gets the same input, new each round (so Plumb Line's recent-parse cache never answers).
    const input = flat(fresh(text, round));
    for (const peer of peers) {
      const { value, elapsed: took } = await timed(() => peer.run(input));
      if (!(value > 0)) throw new Error(`bench: ${peer.label} produced nothing on the ${sizeLabel(bytes)} draft (round ${round})`);
      elapsed[peer.id]?.push(took);
      found[peer.id] = value;
    }
  }
  const section = {
    bytes: Buffer.byteLength(text),
    rounds: roundCount,
    // Keyed by the ids of loadInProcessPeers, which gives every peer but Plumb Line Plumb Line's time over its own.
    peers: /** @type {PeerResults} */ (
      Object.fromEntries(
        peers.map((peer) => [
          peer.id,
          {
            label: peer.label,
            ms: spread(elapsed[peer.id] ?? []),
            timesMs: elapsed[peer.id] ?? [],
            msPerMb: median(elapsed[peer.id] ?? []) / (Buffer.byteLength(text) / MB),
            // Findings for the linters; for remark-parse alone, the number of top-level nodes.
            results: found[peer.id],
            ...(peer.id === 'plumb-line'
              ? {}
              : { plumbLineOverThis: spread((elapsed['plumb-line'] ?? []).map((value, round) => value / (elapsed[peer.id]?.[round] ?? NaN))) }),
          },
        ]),
      )
    ),
  };
  console.log(`\nIn-process on ${sizeLabel(section.bytes)} of prose Markdown, ${plural(roundCount, 'interleaved round')}:\n`);
  console.log(
    table(
      ['peer', 'median ms', 'results', 'Plumb Line / it'],
      Object.values(section.peers).map((entry) => [
        entry.label,
        ms(entry.ms.median),
        entry.results,
        entry.plumbLineOverThis ? `${times(entry.plumbLineOverThis.median)} (ours ${relative(entry.plumbLineOverThis.median)})` : '',
      ]),
    ),
  );
  return section;
}

// ── Keystroke: re-lint after a one-character edit ──────────────────────────────────────────────────────────────────
// The draft is linted once, then each round types one more character in the middle of the document (as a writer
// would) and times the re-lint of the new text: every text is new, so only reuse of unchanged work can make it fast.
// As the in-process rounds come after a warm-up, so do these: a writer's server has re-linted many keystrokes before
// this one, and the path a keystroke takes (kept chunks and blocks, one chunk parsed again) is not the one a first
// lint warms. The warm-up types three times as many characters as the timed rounds, a quarter of the way in, untimed,
// so no text it lints is one the timed rounds lint.
/**
 * @param {string} text
 * @param {number} at
 * @param {number} roundCount
 * @param {string} tag
 * @returns {number[]} how long each re-lint took
 */
function typeInto(text, at, roundCount, tag) {
  let current = flat(fresh(text, tag));
  lintMarkdown(current, catalogue);
  // One collection before the series, none between keystrokes: an editor forces none, and right after a forced full
  // collection the same re-lint took 2–3× as long here (with no collection during it, by --trace-gc).
  gc();
  /** @type {number[]} */
  const elapsed = [];
  for (let round = 0; round < roundCount; round += 1) {
    current = flat(`${current.slice(0, at)}s${current.slice(at)}`);
    const start = performance.now();
    const findings = lintMarkdown(current, catalogue);
    elapsed.push(performance.now() - start);
    if (findings.length === 0) throw new Error('bench: the keystroke re-lint found nothing');
  }
  return elapsed;
}

/**
 * @param {number} bytes
 * @param {number} roundCount
 * @returns {KeystrokeSection}
 */
function keystroke(bytes, roundCount) {
  const text = draftOfSize(bytes);
  typeInto(text, text.indexOf(' ', Math.floor(text.length / 4)), 3 * roundCount, 'keystroke warm-up');
  const elapsed = typeInto(text, text.indexOf(' ', Math.floor(text.length / 2)), roundCount, 'keystroke');
  const section = { bytes: Buffer.byteLength(text), rounds: roundCount, ms: spread(elapsed), timesMs: elapsed };
  console.log(
    `Keystroke in a ${sizeLabel(section.bytes)} draft ` +
      `(after ${3 * roundCount} untimed keystrokes elsewhere in it: lint once, then type one character mid-document ` +
      `and re-lint, ${plural(roundCount, 'time')}): median ${ms(section.ms.median)} ms`,
  );
  return section;
}

results.inProcess.small = await inProcess(sizes.small, rounds);
results.inProcess.large = await inProcess(sizes.large, largeRounds);
console.log('');
results.keystroke = { small: keystroke(sizes.cli, rounds), large: keystroke(sizes.large, largeRounds) };

// ── Alex on the repository's own drafts (this bench's comparison before the peers came) ───────────────────────────
{
  const folders = ['examples', 'corpus', join('test', 'fixtures', 'eval', 'drafts'), join('test', 'fixtures', 'eval', 'documents')];
  let drafts = folders.flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(join(root, folder, name), 'utf8')),
  );
  if (quick) drafts = drafts.slice(0, 40);
  const bytes = drafts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  // One long draft too: every draft pasted into a single document, as a long report would be.
  const longDraft = drafts.join('\n\n');
  // No warm-up of its own: both sides ran many times in the sections above.
  /**
   * @param {string} name
   * @param {(round: number) => void} ours
   * @param {() => void} peer
   * @returns {AlexComparison}
   */
  const compare = (name, ours, peer) => {
    /** @type {number[]} */
    const ourTimes = [];
    /** @type {number[]} */
    const peerTimes = [];
    for (let round = 0; round < largeRounds; round += 1) {
      gc();
      let start = performance.now();
      ours(round);
      ourTimes.push(performance.now() - start);
      gc();
      start = performance.now();
      peer();
      peerTimes.push(performance.now() - start);
    }
    const ratios = ourTimes.map((value, round) => value / (peerTimes[round] ?? NaN));
    console.log(
      `${name.padEnd(34)} plumb-line ${ms(median(ourTimes)).padStart(8)} ms   alex ${ms(median(peerTimes)).padStart(8)} ms   ` +
        `ratio ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
    );
    return { plumbLineMs: spread(ourTimes), alexMs: spread(peerTimes), plumbLineOverAlex: spread(ratios) };
  };
  console.log(
    `\nAlex on the repository's ${drafts.length} drafts (${Math.round(bytes / KB)} KB), ` +
      `${plural(largeRounds, 'interleaved round')}; lower ratio is faster than alex:`,
  );
  results.alexOnDrafts = {
    drafts: drafts.length,
    bytes,
    rounds: largeRounds,
    eachOnItsOwn: compare(
      `each draft on its own (${drafts.length})`,
      (round) => {
        // Cold, as alex is: no chunk or paragraph kept from an earlier round.
        forgetKept();
        drafts.forEach((text) => lintMarkdown(fresh(text, round), catalogue));
      },
      () => drafts.forEach((text) => alexMarkdown(text)),
    ),
    oneLongDraft: compare(
      'one long draft',
      (round) => {
        forgetKept();
        lintMarkdown(fresh(longDraft, round), catalogue);
      },
      () => alexMarkdown(longDraft),
    ),
  };
}

// ── Fresh processes: activation, peak memory ───────────────────────────────────────────────────────────────────────
/**
 * A fresh node process's last line of output, as JSON.
 * @param {string[]} args
 * @param {string} what
 * @returns {unknown}
 */
function child(args, what) {
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * MB });
  if (run.status !== 0) throw new Error(`bench: ${what} failed (exit ${run.status}${run.signal ? `, ${run.signal}` : ''}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
}
{
  const runs = Array.from(
    { length: Math.max(3, rounds) },
    () => /** @type {ActivationRun} */ (child([join(root, 'bench', 'activation.mjs')], 'bench/activation.mjs')),
  );
  results.activation = {
    processes: runs.length,
    catalogueMs: spread(runs.map((run) => run.catalogueMs)),
    moduleLoadMs: spread(runs.map((run) => run.moduleMs)),
    timesMs: runs.map((run) => run.catalogueMs),
    note: 'loadCatalogue(corpus/) in a fresh process, after the engine bundle is loaded (its load time is moduleLoadMs)',
  };
  console.log(
    `\nActivation (loadCatalogue over corpus/, cold, ${runs.length} fresh processes): ` +
      `median ${ms(results.activation.catalogueMs.median)} ms ` +
      `(min ${ms(results.activation.catalogueMs.min)}, max ${ms(results.activation.catalogueMs.max)}); ` +
      `loading the engine bundle before it ${ms(results.activation.moduleLoadMs.median)} ms`,
  );
}
{
  results.memory = /** @type {MemoryRun} */ (child(['--expose-gc', join(root, 'bench', 'memory.mjs'), String(sizes.memory)], 'bench/memory.mjs'));
  const memory = results.memory;
  console.log(
    `Peak memory on a ${sizeLabel(memory.bytes)} draft (fresh process): ` +
      `${(memory.peakAboveBaselineBytes / MB).toFixed(0)} MB above a ${(memory.baselineRssBytes / MB).toFixed(0)} MB baseline = ` +
      `${memory.peakAboveBaselineMultiple.toFixed(1)}× the file; the lint took ${ms(memory.lintMs)} ms`,
  );
}

// ── Linearity: prose, and the adversarial shapes ───────────────────────────────────────────────────────────────────
// Time per MB at each size; growth is the largest size's over the smallest's (above 1: slower per MB as the input
// grows; the issue's bound is 1.5, judged on growth); spread, the slowest point's over the fastest, is kept as well,
// since one noisy point moves it.
{
  // Every point from a fresh process, as for the shapes: the 100 KB and 1 MB drafts through bench/shape.mjs (median
  // of 3 at 100 KB, one run at 1 MB), the 5 MB one from the memory run (one lint).
  /**
   * @param {number} kb
   * @param {number} runs
   * @returns {ProsePoint}
   */
  const proseAt = (kb, runs) => {
    const run = spawnSync(process.execPath, [join(root, 'bench', 'shape.mjs'), 'prose', String(kb), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`bench/shape.mjs prose ${kb}: ${run.stderr}`);
    return { bytes: Buffer.byteLength(draftOfSize(kb * KB)), msPerMb: Number(run.stdout.trim()), from: `bench/shape.mjs, median of ${runs}` };
  };
  /** @type {[ProsePoint, ProsePoint, ProsePoint]} */
  const points = [
    proseAt(sizes.small / KB, 3),
    proseAt(sizes.large / KB, 1),
    { bytes: results.memory.bytes, msPerMb: results.memory.lintMs / (results.memory.bytes / MB), from: 'the memory run, one lint' },
  ];
  const perMb = points.map((point) => point.msPerMb);
  // Its shapes are filled in below.
  results.linearity = /** @type {Results['linearity']} */ ({
    prose: { points, growth: (perMb[perMb.length - 1] ?? NaN) / (perMb[0] ?? NaN), spread: Math.max(...perMb) / Math.min(...perMb) },
  });
  const proseLine = points.map((point) => `${sizeLabel(point.bytes)} ${point.msPerMb.toFixed(0)}`).join(' · ');
  console.log(`\nProse, ms per MB (each in a fresh process): ${proseLine}   ×${results.linearity.prose.growth.toFixed(2)}`);
}
{
  // Each size runs in a fresh process (bench/shape.mjs), so one shape's garbage never slows the next.
  const shapeSizes = [100, 200, 400, 800, 1600, 3200, 5120].filter((kb) => kb <= shapesMaxKb);
  /** @param {number} kb */
  const shapeRounds = (kb) => (kb <= 100 ? 3 : 1);
  console.log(
    '\nAdversarial shapes (ms per MB at each size, each in a fresh process after a small warm-up lint; median of 3 at 100 KB, one run above; ' +
      `the largest over the smallest; BENCH_SHAPES_MAX_KB=${shapesMaxKb}):`,
  );
  results.linearity.shapes = {};
  for (const name of Object.keys(shapes)) {
    const perMb = shapeSizes.map((kb) => {
      const run = spawnSync(process.execPath, [join(root, 'bench', 'shape.mjs'), name, String(kb), String(shapeRounds(kb))], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (run.status !== 0) throw new Error(`bench/shape.mjs ${name} ${kb}: ${run.stderr}`);
      return { kb, msPerMb: Number(run.stdout.trim()) };
    });
    const first = perMb[0];
    const last = perMb[perMb.length - 1];
    if (!first || !last) throw new Error(`bench: BENCH_SHAPES_MAX_KB=${shapesMaxKb} leaves no shape size to run (the smallest is 100)`);
    const growth = last.msPerMb / first.msPerMb;
    results.linearity.shapes[name] = {
      points: perMb,
      growth,
      spread: Math.max(...perMb.map((point) => point.msPerMb)) / Math.min(...perMb.map((point) => point.msPerMb)),
    };
    console.log(
      `  ${name.padEnd(20)} ${perMb.map((point) => `${point.kb} KB ${point.msPerMb.toFixed(0)}`).join(' · ')} ms/MB   ` +
        `×${growth.toFixed(2)}${growth > 1.5 ? '  (super-linear)' : ''}`,
    );
  }
}

// ── VSIX: the extension as the Marketplace gets it ─────────────────────────────────────────────────────────────────
// The temp folder's production bundles (built above) and the files .vscodeignore lets in, packaged by vsce, as
// `npm run package` does in the repository; the folder's drafts and peer configs are outside what .vscodeignore lets in.
{
  for (const path of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'docs', 'media'])
    cpSync(join(root, path), join(work, path), { recursive: true });
  const vsixFile = join(work, 'plumb-line.vsix');
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsixFile], { cwd: work, stdio: 'pipe' });
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: work, encoding: 'utf8' }).split('\n').filter(Boolean);
  results.vsix = { bytes: statSync(vsixFile).size, files: Object.fromEntries(listed.map((file) => [file, statSync(join(work, file)).size])) };
  console.log(`\nVSIX: ${(results.vsix.bytes / KB).toFixed(0)} KB packaged, ${plural(listed.length, 'file')}`);
}

// ── The issue's targets ────────────────────────────────────────────────────────────────────────────────────────────
{
  const cli = results.cli.commands;
  const small = results.inProcess.small.peers;
  const worstShape = Object.entries(results.linearity.shapes).sort((a, b) => b[1].growth - a[1].growth)[0];
  if (!worstShape) throw new Error('bench: no adversarial shape was run');
  const shapeRange = `${worstShape[1].points[0]?.kb} KB → ${sizeLabel(shapesMaxKb * KB)}`;
  /**
   * @param {string} name
   * @param {string} value
   * @param {boolean | null} met
   * @returns {Target}
   */
  const target = (name, value, met, measured = true) => ({ target: name, value, met: measured ? met : null });
  results.targets = [
    target(
      `whole CLI ${sizeLabel(results.cli.draftBytes)} ≤ 2.5× bare node`,
      times(cli['plumb-line'].overBareNode.median),
      cli['plumb-line'].overBareNode.median <= 2.5,
    ),
    target(
      'whole CLI ≥ 2× faster than markdownlint-cli2',
      `${times(1 / cli['markdownlint-cli2'].plumbLineOverThis.median)} (ours ${relative(cli['markdownlint-cli2'].plumbLineOverThis.median)})`,
      1 / cli['markdownlint-cli2'].plumbLineOverThis.median >= 2,
    ),
    target(
      'whole CLI ≥ 3× faster than textlint + terminology',
      `${times(1 / cli.textlint.plumbLineOverThis.median)} (ours ${relative(cli.textlint.plumbLineOverThis.median)})`,
      1 / cli.textlint.plumbLineOverThis.median >= 3,
    ),
    target(
      `in-process ${sizeLabel(results.inProcess.small.bytes)} ≤ 1.5× remark-parse alone`,
      times(small['remark-parse'].plumbLineOverThis.median),
      small['remark-parse'].plumbLineOverThis.median <= 1.5,
    ),
    target(
      `in-process ${sizeLabel(results.inProcess.small.bytes)} faster than markdownlint`,
      `${times(small.markdownlint.plumbLineOverThis.median)} (ours ${relative(small.markdownlint.plumbLineOverThis.median)})`,
      small.markdownlint.plumbLineOverThis.median < 1,
    ),
    target(
      `linear, prose ${sizeLabel(results.linearity.prose.points[0].bytes)} → ${sizeLabel(results.memory.bytes)}: ms/MB within 1.5×`,
      times(results.linearity.prose.growth),
      results.linearity.prose.growth <= 1.5,
    ),
    target(`linear, adversarial shapes ${shapeRange}: within 1.5×`, `${times(worstShape[1].growth)} worst (${worstShape[0]})`, worstShape[1].growth <= 1.5),
    target(
      `keystroke re-lint, ${sizeLabel(results.keystroke.small.bytes)} draft ≤ 5 ms`,
      `${ms(results.keystroke.small.ms.median)} ms`,
      results.keystroke.small.ms.median <= 5,
    ),
    target(
      `keystroke re-lint, ${sizeLabel(results.keystroke.large.bytes)} draft ≤ 50 ms`,
      `${ms(results.keystroke.large.ms.median)} ms`,
      results.keystroke.large.ms.median <= 50,
    ),
    target(
      'activation (corpus parse + catalogue, cold) ≤ 60 ms',
      `${ms(results.activation.catalogueMs.median)} ms`,
      results.activation.catalogueMs.median <= 60,
    ),
    target(
      `peak memory, ${sizeLabel(results.memory.bytes)} draft ≤ 4× its size above baseline`,
      times(results.memory.peakAboveBaselineMultiple),
      results.memory.peakAboveBaselineMultiple <= 4,
    ),
    target('VSIX ≤ 300 KB', `${(results.vsix.bytes / KB).toFixed(0)} KB`, results.vsix.bytes <= 300 * KB),
  ];
  /** @param {boolean | null} met */
  const verdict = (met) => (met === null ? '—' : met ? 'met' : 'NOT met');
  console.log(`\nIssue 8 targets${quick ? ' (BENCH_QUICK: smaller drafts and fewer rounds than the issue asks; not a verdict)' : ''}:\n`);
  console.log(
    table(
      ['target', 'measured', ''],
      results.targets.map((row) => [row.target, row.value, verdict(row.met)]),
    ),
  );
}

results.meta.loadAverageAtEnd = loadavg();
results.meta.seconds = (performance.now() - runStart) / 1000;
const jsonPath = process.env.BENCH_JSON || join(root, 'out', 'bench', 'results.json');
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${results.meta.seconds.toFixed(0)} s; load average ${results.meta.loadAverageAtStart.map((value) => value.toFixed(1)).join(' ')} at the start, ` +
    `${results.meta.loadAverageAtEnd.map((value) => value.toFixed(1)).join(' ')} at the end. JSON: ${jsonPath}`,
);
