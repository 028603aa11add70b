// What the corpus, catalogue, lint and CLI tests share: where the repo is, the real catalogue, and how to apply a fix.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Catalogue, Span, TextEdit } from '../../src/core';
import { loadCatalogue } from '../../src/corpusFolder';

/** The bundled tests run from out/test/unit. */
export const repoRoot = path.resolve(__dirname, '../../..');
export const corpusDir = path.join(repoRoot, 'corpus');

let catalogue: Catalogue | undefined;

/** The catalogue built from the real corpus, as the extension and the CLI build it; parsed once per test run. */
export function realCatalogue(): Catalogue {
  catalogue ??= loadCatalogue(corpusDir);
  return catalogue;
}

export function textAt(text: string, span: Span): string {
  return text.slice(span.start.offset, span.end.offset);
}

/** Applies edits by offset, last first, so earlier offsets stay valid; edits must not overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.span.start.offset - a.span.start.offset);
  return ordered.reduce((result, edit) => result.slice(0, edit.span.start.offset) + edit.newText + result.slice(edit.span.end.offset), text);
}

/** The 0-based line and character of an offset, counted the way the engine documents its points. */
export function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  // split() always gives at least one part.
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Writes `text` to `relativePath` under `dir`, making the folders on the way: how the CLI tests lay out a project. */
export function writeUnder(dir: string, relativePath: string, text: string): void {
  const file = path.join(dir, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The environment the CLI tests run it in: no colour settings inherited from the shell that runs the tests. */
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'FORCE_COLOR' && key !== 'NO_COLOR'));

/** Runs dist/cli.js as a real process in `cwd`; a run that hangs (on a FIFO, a device) is killed and has status null. */
export function runCli(cwd: string, args: string[], extra: { env?: Record<string, string>; input?: string; timeout?: number } = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: extra.timeout ?? 15_000,
    env: { ...plainEnv, ...extra.env },
    input: extra.input ?? '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
