// Linting off the server's main thread: a worker thread holds its own catalogue and lints one text at a time, so the
// main thread answers hovers, quick fixes and counts at once, however long a lint takes.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  activityIndex,
  buildCatalogue,
  lintMarkdown,
  parseCorpus,
  withTeam,
  wordReadingAt,
  type Catalogue,
  type CorpusFile,
  type Finding,
  type LintOptions,
  type TermMatch,
  type WordReading,
} from '../core';
import type { LintAnswer, Linter } from './server';

interface Job {
  id: number;
  /** A lint, the catalogue terms of the text (for hovers and counts), or the reading of the word at `offset` (hovers). */
  kind: 'lint' | 'terms' | 'word';
  offset?: number;
  /** Lints with the same key supersede each other: only the newest one queued is linted. Terms are never superseded. */
  key: string;
  text: string;
  options: LintOptions;
}

type Answer =
  | { id: number; findings: Finding[]; problems: string[] }
  | { id: number; terms: TermMatch[] }
  | { id: number; word: WordReading }
  | { id: number; superseded: true }
  | { id: number; error: string };

/** What a job resolves with on the main thread. */
type Reply = LintAnswer | { terms: TermMatch[] } | { word: WordReading };

const ROLE = 'plumb-line-lint-worker';

/** Whether this thread is the lint worker; its code then runs from `runLintWorkerIfAsked`. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** In the worker thread: lint the jobs as they come, the newest per key, until the main thread goes. */
export function runLintWorker(): void {
  const { corpus } = workerData as { corpus: CorpusFile[] };
  const port = parentPort!;
  let catalogue: Catalogue | undefined;
  let loadError: string | undefined;
  try {
    // The same corpus files the main thread parsed, so both threads hold the same catalogue.
    catalogue = buildCatalogue(parseCorpus(corpus));
  } catch (error) {
    loadError = `the corpus could not be loaded (${error instanceof Error ? error.message : String(error)})`;
  }
  const queue: Job[] = [];
  let scheduled = false;
  const work = () => {
    scheduled = false;
    const job = queue.shift();
    if (!job) return;
    const answer = (message: Answer) => port.postMessage(message);
    if (job.kind === 'lint' && queue.some((later) => later.kind === 'lint' && later.key === job.key)) answer({ id: job.id, superseded: true });
    else if (!catalogue) answer({ id: job.id, error: loadError ?? 'no catalogue' });
    else if (job.kind !== 'lint') {
      try {
        const known = withTeam(catalogue, job.options.team);
        if (job.kind === 'terms') answer({ id: job.id, terms: known.findTerms(job.text) });
        else answer({ id: job.id, word: wordReadingAt(job.text, job.offset ?? 0, activityIndex(known, job.options.extraPhrases)) });
      } catch (error) {
        answer({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    } else {
      try {
        const problems: string[] = [];
        answer({ id: job.id, findings: lintMarkdown(job.text, catalogue, job.options, (problem) => problems.push(problem)), problems });
      } catch (error) {
        answer({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
    // One job per turn, so jobs posted meanwhile are queued (and can supersede) before the next one starts.
    if (queue.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(work);
  };
  port.on('message', (job: Job) => {
    queue.push(job);
    schedule();
  });
}

/**
 * From this many characters a text is linted by a worker thread of its own: a long draft's lint takes seconds, and the
 * small drafts' lints must not wait behind it.
 */
export const LARGE_TEXT = 256 * 1024;

/**
 * The main thread's side: sends texts to two worker threads, one for large texts and one for the rest, and resolves
 * with their findings. Each worker starts when its first text comes and is started again if it dies.
 */
export class LintWorker implements Linter {
  private readonly small: Lane;
  private readonly large: Lane;
  private nextId = 0;

  constructor(script: string, corpus: CorpusFile[], log: (message: string) => void) {
    this.small = new Lane(script, corpus, log);
    this.large = new Lane(script, corpus, log);
  }

  /** Lints `text`; a newer job with the same key (in the same worker) makes this one resolve as superseded unlinted. */
  async lint(key: string, text: string, options: LintOptions): Promise<LintAnswer> {
    const answer = await this.laneFor(text).send({ id: ++this.nextId, kind: 'lint', key, text, options });
    return 'findings' in answer || 'superseded' in answer ? answer : { superseded: true };
  }

  async terms(text: string, options: LintOptions): Promise<TermMatch[]> {
    const answer = await this.laneFor(text).send({ id: ++this.nextId, kind: 'terms', key: '', text, options });
    return 'terms' in answer ? answer.terms : [];
  }

  async wordAt(text: string, offset: number, options: LintOptions): Promise<WordReading> {
    const answer = await this.laneFor(text).send({ id: ++this.nextId, kind: 'word', key: '', text, offset, options });
    return 'word' in answer ? answer.word : {};
  }

  private laneFor(text: string): Lane {
    return text.length >= LARGE_TEXT ? this.large : this.small;
  }

  /** Stops both workers; jobs still waiting resolve as superseded, and no new one starts a worker. */
  async dispose(): Promise<void> {
    await Promise.all([this.small.dispose(), this.large.dispose()]);
  }
}

/** One worker thread and the jobs sent to it. */
class Lane {
  private worker: Worker | undefined;
  /** Jobs awaiting an answer, each with the worker it was sent to: a worker that dies fails only its own jobs. */
  private readonly pending = new Map<number, { worker: Worker; resolve: (answer: Reply) => void; reject: (error: Error) => void }>();
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly corpus: CorpusFile[],
    private readonly log: (message: string) => void,
  ) {}

  send(job: Job): Promise<Reply> {
    // After shutdown nothing is linted: a job asked for then is as good as superseded.
    if (this.disposed) return Promise.resolve({ superseded: true });
    const worker = this.started();
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { worker, resolve, reject });
      worker.postMessage(job);
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const waiting of this.pending.values()) waiting.resolve({ superseded: true });
    this.pending.clear();
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: ROLE, corpus: this.corpus } });
    worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else if ('superseded' in answer) waiting.resolve({ superseded: true });
      else if ('terms' in answer) waiting.resolve({ terms: answer.terms });
      else if ('word' in answer) waiting.resolve({ word: answer.word });
      else waiting.resolve({ findings: answer.findings, problems: answer.problems });
    });
    // A worker that dies (out of memory on a pathological text) fails its jobs with the reason; the next job starts a new one.
    const failAll = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(new Error(reason));
      }
    };
    worker.on('error', (error) => {
      this.log(`The lint worker failed: ${error.stack ?? error.message}`);
      failAll(`the lint worker failed (${error.message})`);
    });
    worker.on('exit', (code) => failAll(`the lint worker stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
