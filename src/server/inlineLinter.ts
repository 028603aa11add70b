// Linting on the server's own thread, one job per turn of the event loop: what a server in a browser's web worker
// does, that worker being already off the editor's thread. A job superseded while it waited is never linted.
import { activityIndex, lintMarkdown, withTeam, wordReadingAt, type Catalogue, type LintOptions, type TermMatch, type WordReading } from '../core';
import type { LintAnswer, Linter } from './server';

interface Job {
  key: string;
  text: string;
  options: LintOptions;
  resolve: (answer: LintAnswer) => void;
  reject: (error: Error) => void;
}

export class InlineLinter implements Linter {
  private readonly queue: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly catalogue: Catalogue) {}

  lint(key: string, text: string, options: LintOptions): Promise<LintAnswer> {
    if (this.disposed) return Promise.resolve({ superseded: true });
    return new Promise((resolve, reject) => {
      this.queue.push({ key, text, options, resolve, reject });
      this.schedule();
    });
  }

  terms(text: string, options: LintOptions): Promise<TermMatch[]> {
    // Between lints, like a hover's other work: no worse than the lint this server would run meanwhile.
    return Promise.resolve(withTeam(this.catalogue, options.team).findTerms(text));
  }

  wordAt(text: string, offset: number, options: LintOptions): Promise<WordReading> {
    return Promise.resolve(wordReadingAt(text, offset, activityIndex(withTeam(this.catalogue, options.team), options.extraPhrases)));
  }

  dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const job of this.queue.splice(0)) job.resolve({ superseded: true });
    return Promise.resolve();
  }

  private schedule(): void {
    // A timer, not a microtask: requests and changes that arrived meanwhile are handled (and can supersede) first.
    if (this.timer === undefined && !this.disposed) this.timer = setTimeout(() => this.work(), 0);
  }

  private work(): void {
    this.timer = undefined;
    const job = this.queue.shift();
    if (!job) return;
    if (this.queue.some((later) => later.key === job.key)) job.resolve({ superseded: true });
    else {
      try {
        const problems: string[] = [];
        job.resolve({ findings: lintMarkdown(job.text, this.catalogue, job.options, (problem) => problems.push(problem)), problems });
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    if (this.queue.length > 0) this.schedule();
  }
}
