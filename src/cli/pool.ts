// Checking files on all cores: each worker thread (the same dist/cli.js, started with a role in its workerData, as the
// language server's lint worker is) holds its own catalogue and reads and lints one file at a time. Every file's
// outcome, from a worker or from the main thread, is made by `checkFile` and handed on in the order of the file list,
// so a run prints the same bytes on any number of threads.
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildCatalogue, lintMarkdown, parseCorpus, type Catalogue, type CorpusFile, type Finding, type LintOptions, withTeam } from '../core';
import { codeCachePending, codeCacheWorthKeeping, keepCodeCaches } from './codeCache';
import { readFailure, readText, type Read } from './files';
import type { CheckedFile } from './formats';

/** Fewer files than this, or fewer kilobytes in all, are checked on the main thread: starting workers would cost more. */
export const POOL_MIN_FILES = 8;
export const POOL_MIN_KB = 256;

/**
 * One file to check. Its options travel with it, so files under different configs can share a worker. Standard input
 * is read on the main thread and comes as `read`.
 */
export type FileJob = { name: string; options: LintOptions } & ({ path: string } | { read: Read });

/** A line for stderr: `fail` lines make the run exit 2, the others only inform. */
export interface Message {
  fail: boolean;
  text: string;
}

/** What checking one file gave: the lines to print about it, in order, and its findings unless it was left out. */
export interface Outcome {
  messages: Message[];
  file?: CheckedFile;
}

export interface PoolSetup {
  catalogue: Catalogue;
  /** The corpus files `catalogue` was built from: each worker builds the same catalogue from them. */
  corpus: CorpusFile[];
  maxFileSize: number;
  /** Threads wanted; undefined means one per available core. */
  jobs?: number | undefined;
  /** The script a worker runs: the bundle that holds this module. */
  script: string;
}

/** Reads and lints one file; never throws, so one bad file is one outcome and the others are still checked. */
export function checkFile(job: FileJob, catalogue: Catalogue, maxFileSize: number): Outcome {
  const { name } = job;
  const messages: Message[] = [];
  let read: Read;
  try {
    read = 'read' in job ? job.read : readText(job.path, maxFileSize);
  } catch (error) {
    return { messages: [{ fail: true, text: readFailure(error, name) }] };
  }
  if ('skipped' in read) return { messages: [{ fail: false, text: `${name}: ${read.skipped}` }] };
  if (read.note) messages.push({ fail: false, text: `${name}: ${read.note}` });
  try {
    // The team's catalogue (its sources, concepts, moves), built and kept per team; the main thread said its problems.
    const known = withTeam(catalogue, job.options.team);
    const findings = lintMarkdown(read.text, known, { ...job.options, team: undefined }, (problem) =>
      messages.push({ fail: true, text: `${name}: ${problem}` }),
    );
    // What this thread compiled of the engine now holds the lint's code, worth keeping as its code cache.
    codeCacheWorthKeeping();
    return { messages, file: { name, text: read.text, findings, catalogue: known } };
  } catch (error) {
    messages.push({ fail: true, text: `${name}: could not be checked (${(error as Error).message})` });
    return { messages };
  }
}

/** How many threads a run takes: one for a small run, else as many as asked, at most one per file. */
export function threadsFor(jobs: readonly FileJob[], wanted: number = availableParallelism()): number {
  if (wanted <= 1 || jobs.length < POOL_MIN_FILES) return 1;
  let bytes = 0;
  for (const job of jobs) {
    if ('read' in job) bytes += 'text' in job.read ? job.read.text.length : 0;
    else {
      try {
        bytes += statSync(job.path).size;
      } catch {
        // Reported when the file is read.
      }
    }
    if (bytes >= POOL_MIN_KB * 1024) return Math.min(wanted, jobs.length);
  }
  return 1;
}

/** Checks the files, on the main thread or on workers (see `threadsFor`), and hands each outcome to `take` in file order. */
export async function checkFiles(jobs: readonly FileJob[], setup: PoolSetup, take: (outcome: Outcome) => void): Promise<void> {
  const threads = threadsFor(jobs, setup.jobs);
  if (threads === 1) {
    for (const job of jobs) take(checkFile(job, setup.catalogue, setup.maxFileSize));
    return;
  }
  const outcomes: (Outcome | undefined)[] = [];
  let handed = 0;
  let next = 0;
  const settle = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    for (let ready = outcomes[handed]; ready; ready = outcomes[handed]) {
      outcomes[handed] = undefined;
      handed += 1;
      take(ready);
    }
  };
  const workers = new Set<Worker>();
  let cacheAsked = false;
  await new Promise<void>((done) => {
    // One file in flight per worker: a worker that dies takes only the file it was on with it.
    const start = () => {
      const worker = new Worker(setup.script, { workerData: { role: ROLE, corpus: setup.corpus, maxFileSize: setup.maxFileSize } satisfies WorkerSetup });
      workers.add(worker);
      let current: number | undefined;
      const feed = () => {
        if (next < jobs.length) {
          current = next++;
          worker.postMessage({ index: current, job: jobs[current]! } satisfies Request);
        } else if (!cacheAsked && codeCachePending()) {
          // The engine had no code cache: the first worker to run out of files writes it (it has linted, if any of
          // its files could be read; the main thread has not), says so, and is ended then.
          cacheAsked = true;
          current = undefined;
          worker.postMessage({ finish: true } satisfies Request);
        } else {
          current = undefined;
          workers.delete(worker);
          void worker.terminate();
          if (workers.size === 0) done();
        }
      };
      worker.on('message', (answer: Answer | Finished) => {
        if ('finished' in answer) {
          workers.delete(worker);
          void worker.terminate();
          if (workers.size === 0) done();
          return;
        }
        settle(answer.index, withEvidence(answer.outcome, withTeam(setup.catalogue, jobs[answer.index]!.options.team)));
        feed();
      });
      // Out of memory on a pathological file, say: that file fails with the reason, and a new worker takes the rest.
      const lost = (reason: string) => {
        if (!workers.delete(worker)) return;
        if (current !== undefined) settle(current, { messages: [{ fail: true, text: `${jobs[current]!.name}: could not be checked (${reason})` }] });
        if (next < jobs.length) start();
        else if (workers.size === 0) done();
      };
      worker.on('error', (error) => lost(`the worker thread failed: ${error.message}`));
      worker.on('exit', (code) => lost(`the worker thread stopped with exit code ${code}`));
      feed();
    };
    for (let count = 0; count < threads; count += 1) start();
  });
}

const ROLE = 'plumb-line-check-worker';

interface WorkerSetup {
  role: typeof ROLE;
  corpus: CorpusFile[];
  maxFileSize: number;
}

/** A file to check, or the word that there are no more: write the code cache, then end. */
type Request = { index: number; job: FileJob } | { finish: true };

/** A finding as it crosses threads: its evidence by passage id, so the passages' text is not copied with every finding. */
type SentFinding = Omit<Finding, 'evidence'> & { evidence: string[] };
type SentOutcome = { messages: Message[]; file?: Omit<CheckedFile, 'findings'> & { findings: SentFinding[] } };

interface Answer {
  index: number;
  outcome: SentOutcome;
}

/** A worker's word that it has written the code cache it was asked for, and may be ended. */
interface Finished {
  finished: true;
}

/** The main thread's passages for the ids a worker sent: both catalogues were built from the same corpus and team files. */
function withEvidence({ messages, file }: SentOutcome, catalogue: Catalogue): Outcome {
  if (!file) return { messages };
  const findings = file.findings.map((finding) => ({ ...finding, evidence: finding.evidence.map((id) => catalogue.corpus.passageById.get(id)!) }));
  return { messages, file: { ...file, findings, catalogue } };
}

/** Whether this thread is a check worker; its code then runs from `runCheckWorker`. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** In a worker thread: check each file the main thread sends and answer with its outcome. */
export function runCheckWorker(): void {
  const { corpus, maxFileSize } = workerData as WorkerSetup;
  const port = parentPort!;
  const catalogue = buildCatalogue(parseCorpus(corpus));
  port.on('message', (request: Request) => {
    if ('finish' in request) {
      keepCodeCaches();
      port.postMessage({ finished: true } satisfies Finished);
      return;
    }
    const { index, job } = request;
    const { messages, file } = checkFile(job, catalogue, maxFileSize);
    // The catalogue stays here (the main thread has its own); passages go back as their ids.
    const sent: SentOutcome = file
      ? {
          messages,
          file: {
            name: file.name,
            text: file.text,
            findings: file.findings.map((finding) => ({ ...finding, evidence: finding.evidence.map((passage) => passage.id) })),
          },
        }
      : { messages };
    port.postMessage({ index, outcome: sent } satisfies Answer);
  });
}
