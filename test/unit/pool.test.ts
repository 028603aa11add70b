// Checking on worker threads (src/cli/pool.ts) and --shard: the output of a run is the same bytes on any number of
// threads, a small run stays on one, and the shards of a run split its files without overlap or loss.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { corpusDir, realCatalogue, repoRoot, runCli } from './shared';
import { defaultOptions } from '../../src/core';
import { readCorpusFolder } from '../../src/corpusFolder';
import type { Row } from '../../src/cli/formats';
import { checkFile, checkFiles, POOL_MIN_FILES, POOL_MIN_KB, threadsFor, type FileJob, type Outcome, type PoolSetup } from '../../src/cli/pool';

const FILLER = 'The team met on Tuesday to review the plan, the budget and the schedule for the next quarter of the year. ';

/** A note of about 11 KB whose findings differ from one note to the next: which claims it makes, and where. */
function note(index: number): string {
  const claims = [
    `Our marketing team closed the deal with client ${index}.`,
    'Our sales team will launch a TV advertising campaign.',
    'Sales and marketing are the same thing here.',
  ];
  const paragraphs = Array.from({ length: 22 }, (_, at) => `${FILLER.repeat(4)}Item ${index}.${at}.`);
  claims.forEach((claim, which) => {
    if ((index + which) % 3 !== 0) paragraphs.splice((index * 5 + which * 7) % paragraphs.length, 0, claim);
  });
  return `# Note ${index}\n\n${paragraphs.join('\n\n')}\n`;
}

/** A folder over the pool's thresholds: many notes in nested folders, one file not UTF-8 and one binary (stderr lines). */
function writeFolder(dir: string, count: number): void {
  for (let index = 0; index < count; index += 1) {
    const file = path.join(dir, 'docs', `part-${index % 4}`, `note-${String(index).padStart(2, '0')}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, note(index));
  }
  writeFileSync(path.join(dir, 'docs', 'part-1', 'latin1.md'), Buffer.from('Caf\xe9 notes.\n\nOur marketing team closed the deal.\n', 'latin1'));
  writeFileSync(path.join(dir, 'docs', 'part-2', 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
}

describe('checking on worker threads, and --shard', function () {
  this.timeout(240_000);
  let dir: string;
  const run = (...args: string[]) => runCli(dir, args, { timeout: 120_000 });
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumb-line-pool-'));
    writeFolder(dir, 40);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a folder of many files prints the same bytes, on stdout and stderr, on one thread and on workers', () => {
    // The folder is over the thresholds, so --jobs 3 does start three workers.
    const onDisk = readdirSync(path.join(dir, 'docs'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    assert.equal(
      threadsFor(
        onDisk.map((name) => ({ name, options: defaultOptions(), path: path.join(dir, 'docs', name) })),
        3,
      ),
      3,
    );
    for (const format of ['text', 'sarif']) {
      const single = run('check', 'docs', '--format', format, '--jobs', '1');
      const pooled = run('check', 'docs', '--format', format, '--jobs', '3');
      assert.equal(single.status, 1, single.stderr);
      assert.deepEqual(pooled, single, format);
    }
    const text = run('check', 'docs');
    // Two claims in each of the 40 notes, one in latin1.md.
    assert.match(text.stdout, /\n81 findings in 41 files\.\n$/);
    assert.equal(
      text.stderr,
      `plumb-line: ${path.join('docs', 'part-1', 'latin1.md')}: not valid UTF-8: bytes that are not were read as U+FFFD\n` +
        `plumb-line: ${path.join('docs', 'part-2', 'image.md')}: skipped, a binary file (or UTF-16 without a byte order mark)\n`,
    );
  });

  it('the shards of a run are disjoint, their union is the whole run, and a file is in the shard its path hashes to', () => {
    const rows = (...args: string[]) => JSON.parse(run('check', 'docs', '--format', 'json', ...args).stdout) as Row[];
    const whole = rows();
    const shards = [1, 2, 3].map((index) => rows('--shard', `${index}/3`));
    const filesOf = (list: Row[]) => new Set(list.map((row) => row.file));
    const [first, second, third] = shards.map(filesOf) as [Set<string>, Set<string>, Set<string>];
    for (const [a, b] of [
      [first, second],
      [first, third],
      [second, third],
    ] as const) {
      assert.deepEqual(
        [...a].filter((file) => b.has(file)),
        [],
      );
    }
    assert.ok(first.size > 0 && second.size > 0 && third.size > 0, 'every shard has files');
    const key = (row: Row) => JSON.stringify(row);
    assert.deepEqual(shards.flat().map(key).sort(), whole.map(key).sort());
    const shardOf = (file: string) => (createHash('sha256').update(file.split(path.sep).join('/')).digest().readUInt32BE(0) % 3) + 1;
    shards.forEach((list, at) => list.forEach((row) => assert.equal(shardOf(row.file), at + 1, row.file)));
  });

  it('--shard takes only the files of its shard, and an empty shard is a clean run', () => {
    const one = mkdtempSync(path.join(tmpdir(), 'plumb-line-shard-'));
    try {
      writeFileSync(path.join(one, 'a.md'), 'Intro line.\n\nOur marketing team closed the deal.\n');
      // sha256("a.md") starts 0xfecccc97, which is 1 mod 2: shard 2 of 2, so shard 1 of 2 is empty.
      assert.equal(createHash('sha256').update('a.md').digest().readUInt32BE(0) % 2, 1);
      assert.deepEqual(runCli(one, ['check', '.', '--shard', '1/2']), { status: 0, stdout: '0 findings in 0 files.\n', stderr: '' });
      assert.equal(runCli(one, ['check', '.', '--shard', '2/2']).stdout.split('\n').at(-2), '1 finding in 1 file.');
      assert.equal(runCli(one, ['check', '.', '--shard', '1/1']).status, 1);
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  });

  it('refuses a --shard or --jobs it cannot read, with the reason', () => {
    for (const value of ['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3']) {
      const result = run('check', 'docs', '--shard', value);
      assert.equal(result.status, 2, value);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.split('\n')[0], `plumb-line: --shard must be I/N with 1 ≤ I ≤ N, such as 2/4, not "${value}"`);
    }
    for (const value of ['0', '-1', 'two', '1.5']) {
      const result = run('check', 'docs', `--jobs=${value}`);
      assert.equal(result.status, 2, value);
      assert.equal(result.stderr.split('\n')[0], `plumb-line: --jobs must be a whole number, 1 or more, not "${value}"`);
    }
  });

  describe('the pool in-process', () => {
    const options = defaultOptions();
    const jobsFor = (count: number): FileJob[] =>
      Array.from({ length: count }, (_, index) => ({ name: `note-${index}.md`, options, read: { text: note(index) } }));
    const setup = (script: string): PoolSetup => ({
      catalogue: realCatalogue(),
      corpus: readCorpusFolder(corpusDir),
      maxFileSize: 1 << 20,
      jobs: 2,
      script,
    });
    const collect = async (jobs: FileJob[], script: string) => {
      const outcomes: Outcome[] = [];
      await checkFiles(jobs, setup(script), (outcome) => outcomes.push(outcome));
      return outcomes;
    };

    it('stays on one thread under its thresholds, and takes at most one thread per file', () => {
      const small = { name: 'small.md', options, read: { text: 'Short.\n' } };
      const big = { name: 'big.md', options, read: { text: 'x'.repeat(POOL_MIN_KB * 1024) } };
      assert.equal(
        threadsFor(
          Array.from({ length: POOL_MIN_FILES - 1 }, () => big),
          4,
        ),
        1,
      );
      assert.equal(
        threadsFor(
          Array.from({ length: 50 }, () => small),
          4,
        ),
        1,
      );
      assert.equal(
        threadsFor(
          Array.from({ length: POOL_MIN_FILES }, () => big),
          4,
        ),
        4,
      );
      assert.equal(
        threadsFor(
          Array.from({ length: POOL_MIN_FILES }, () => big),
          16,
        ),
        POOL_MIN_FILES,
      );
      assert.equal(
        threadsFor(
          Array.from({ length: POOL_MIN_FILES }, () => big),
          1,
        ),
        1,
      );
      assert.equal(threadsFor(jobsFor(30), 2), 2, 'the notes below are over the thresholds');
    });

    it('hands on the same outcomes as checkFile on the main thread, in file order, the evidence being the main catalogue’s passages', async () => {
      const jobs = jobsFor(30);
      const outcomes = await collect(jobs, path.join(repoRoot, 'dist', 'cli.js'));
      assert.deepEqual(
        outcomes,
        jobs.map((job) => checkFile(job, realCatalogue(), 1 << 20)),
      );
      const passages = new Set(realCatalogue().corpus.passages);
      const evidence = outcomes.flatMap((outcome) => outcome.file?.findings ?? []).flatMap((finding) => finding.evidence);
      assert.ok(evidence.length > 0);
      assert.ok(evidence.every((passage) => passages.has(passage)));
    });

    it('a worker that dies fails only the file it was on, and a new worker takes the next', async () => {
      const scripts = mkdtempSync(path.join(tmpdir(), 'plumb-line-worker-'));
      try {
        writeFileSync(path.join(scripts, 'exits.js'), 'process.exit(3);\n');
        writeFileSync(path.join(scripts, 'throws.js'), "throw new Error('broken');\n");
        const jobs = jobsFor(30);
        const exits = await collect(jobs, path.join(scripts, 'exits.js'));
        assert.deepEqual(
          exits,
          jobs.map((job) => ({ messages: [{ fail: true, text: `${job.name}: could not be checked (the worker thread stopped with exit code 3)` }] })),
        );
        const throws = await collect(jobs, path.join(scripts, 'throws.js'));
        assert.deepEqual(
          throws.map((outcome) => outcome.messages[0]?.text),
          jobs.map((job) => `${job.name}: could not be checked (the worker thread failed: broken)`),
        );
      } finally {
        rmSync(scripts, { recursive: true, force: true });
      }
    });
  });
});
