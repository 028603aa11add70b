// Linting off the server's main thread: a worker thread holds its own catalogue and lints one text at a time, so the
// main thread answers hovers, quick fixes and counts at once, however long a lint takes.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildCatalogue, lintMarkdown, parseCorpus, type Catalogue, type CorpusFile, type Finding, type LintOptions } from '../core';
import type { LintAnswer, Linter } from './server';

interface Job {
  id: number;
  /** Jobs with the same key supersede each other: only the newest one queued is linted. */
  key: string;
  text: string;
  options: LintOptions;
}

type Answer = { id: number; findings: Finding[]; problems: string[] } | { id: number; superseded: true } | { id: number; error: string };

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
    if (queue.some((later) => later.key === job.key)) answer({ id: job.id, superseded: true });
    else if (!catalogue) answer({ id: job.id, error: loadError ?? 'no catalogue' });
    else {
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

/** The main thread's side: sends texts to the worker and resolves with their findings; restarts a worker that dies. */
export class LintWorker implements Linter {
  private worker: Worker | undefined;
  private nextId = 0;
  /** Jobs awaiting an answer, each with the worker it was sent to: a worker that dies fails only its own jobs. */
  private readonly pending = new Map<number, { worker: Worker; resolve: (answer: LintAnswer) => void; reject: (error: Error) => void }>();
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly corpus: CorpusFile[],
    private readonly log: (message: string) => void,
  ) {}

  /** Lints `text`; a newer job with the same key makes this one resolve as superseded without being linted. */
  lint(key: string, text: string, options: LintOptions): Promise<LintAnswer> {
    // After shutdown nothing is linted: a job asked for then is as good as superseded.
    if (this.disposed) return Promise.resolve({ superseded: true });
    const worker = this.started();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, key, text, options } satisfies Job);
    });
  }

  /** Stops the worker; jobs still waiting resolve as superseded, and no new one starts a worker. */
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
      else waiting.resolve('superseded' in answer ? { superseded: true } : { findings: answer.findings, problems: answer.problems });
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
