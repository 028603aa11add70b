// action.yml and .pre-commit-hooks.yaml, run the way their runners run them: the Action's check step as bash with its
// inputs in the environment, the hook's entry with the staged files as arguments.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runCli } from './shared';

interface Step {
  name: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: Step[] };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
}

const FLAGGED = 'Intro line.\n\nOur marketing team closed the deal.\n';
const CLEAN = 'Marketing builds the brand; sales closes the deal.\n';
const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;
const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('the GitHub Action and the pre-commit hook', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumb-line-ci-'));
    writeFileSync(path.join(dir, 'flagged.md'), FLAGGED);
    writeFileSync(path.join(dir, 'clean.md'), CLEAN);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('action.yml is a composite action whose inputs are each used by a step, and every step names its shell', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'format', 'max-warnings', 'severity', 'output']);
    const steps = JSON.stringify(action.runs.steps);
    for (const input of Object.keys(action.inputs)) assert.ok(steps.includes(`\${{ inputs.${input} }}`), input);
    for (const step of action.runs.steps) assert.equal(step.shell, 'bash', step.name);
  });

  /** The check step as the runner runs it: `bash -e` on its script, with its env and the inputs given (or their defaults). */
  const runAction = (inputs: Record<string, string>) => {
    const step = action.runs.steps.find((candidate) => candidate.name === 'Check Markdown')!;
    const value = (expression: string) =>
      expression.replace(/\$\{\{ (inputs\.([\w-]+)|github\.action_path) \}\}/g, (_match, _whole: string, input?: string) =>
        input ? (inputs[input] ?? action.inputs[input]!.default) : repoRoot,
      );
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, expression]) => [key, value(expression)]));
    const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 15_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it("the Action's check step annotates by default, honours the thresholds, and writes a report to output", () => {
    const annotations = runAction({ paths: 'flagged.md clean.md' });
    assert.equal(annotations.status, 1, annotations.stderr);
    assert.match(annotations.stdout, /^::warning file=flagged\.md,line=3,col=5,endLine=3,endColumn=35,title=marketing-doing-sales::/);
    assert.equal(runAction({ paths: 'flagged.md', 'max-warnings': '1' }).status, 0);
    assert.equal(runAction({ paths: 'flagged.md', severity: 'error' }).status, 0);
    // A glob reaches plumb-line unexpanded, with set -f in the step.
    assert.equal(runAction({ paths: '*.md', format: 'json' }).stdout.includes('"file": "flagged.md"'), true);
    const sarif = runAction({ paths: '.', format: 'sarif', output: 'plumb-line.sarif' });
    assert.equal(sarif.stdout, '');
    assert.equal((JSON.parse(readFileSync(path.join(dir, 'plumb-line.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
  });

  it('.pre-commit-hooks.yaml runs `plumb-line check` (the package bin) on Markdown files given as arguments', () => {
    assert.deepEqual(
      hooks.map((hook) => [hook.id, hook.entry, hook.language, hook.types]),
      [['plumb-line', 'plumb-line check', 'node', ['markdown']]],
    );
    const [bin, ...entryArgs] = hooks[0]!.entry.split(' ');
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(manifest.bin[bin!], './dist/cli.js');
    // pre-commit installs the hook's repository with npm, which builds dist/ through the prepare script.
    assert.equal(manifest.scripts.prepare, 'node esbuild.mjs --production');
    assert.equal(runCli(dir, [...entryArgs, 'clean.md']).status, 0);
    const staged = runCli(dir, [...entryArgs, 'clean.md', 'flagged.md']);
    assert.equal(staged.status, 1);
    assert.match(staged.stdout, /^flagged\.md:3:5: warning .+ \[marketing-doing-sales\]$/m);
  });
});
