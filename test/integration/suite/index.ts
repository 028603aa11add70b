// Entry point the extension host calls (as @vscode/test-electron and code-server's extensionTestsPath expect):
// runs every *.test.js next to it and reports the results through the file named by PLUMB_LINE_TEST_RESULTS.
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string[];
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

export interface TestReport {
  passed: number;
  failed: number;
  tests: TestResult[];
}

export async function run(): Promise<void> {
  const tests: TestResult[] = [];
  const coverage = await startCoverage();
  try {
    await runMocha(tests);
  } catch (error) {
    tests.push({ title: ['(loading or running the integration suite)'], state: 'failed', error: errorText(error) });
  }
  await coverage?.();
  const report: TestReport = {
    passed: tests.filter((test) => test.state === 'passed').length,
    failed: tests.filter((test) => test.state === 'failed').length,
    tests,
  };
  writeReport(report);
  if (report.failed > 0) throw new Error(`${report.failed} integration test(s) failed.`);
}

function runMocha(tests: TestResult[]): Promise<void> {
  // PLUMB_LINE_TEST_GREP runs only the tests whose full title matches it (a developer's shortcut; CI runs them all).
  const grep = process.env.PLUMB_LINE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => tests.push({ title: test.titlePath(), state: 'passed' }));
    runner.on('pending', (test) => tests.push({ title: test.titlePath(), state: 'pending' }));
    // Also fires for failing hooks, whose titles read like `"before each" hook for "…"`.
    runner.on('fail', (test, error) => tests.push({ title: test.titlePath(), state: 'failed', error: errorText(error) }));
  });
}

/**
 * With PLUMB_LINE_COVERAGE_DIR set, records the extension host's block coverage of the extension's own bundle while the
 * suite runs, through the inspector (V8 writes NODE_V8_COVERAGE only on a normal exit, and code-server is stopped by
 * signal), and writes it where c8 reads V8 coverage, so `c8 report` merges it with the unit run's.
 */
async function startCoverage(): Promise<(() => Promise<void>) | undefined> {
  const dir = process.env.PLUMB_LINE_COVERAGE_DIR;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  return async () => {
    const { result } = (await post('Profiler.takePreciseCoverage')) as { result: Array<{ url: string }> };
    session.disconnect();
    // Only the extension's bundle: the rest of VS Code would be megabytes of coverage nobody reads.
    const ours = result.filter((script) => script.url.endsWith('/dist/extension.js'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `coverage-extension-host-${process.pid}.json`), JSON.stringify({ result: ours }));
  };
}

function writeReport(report: TestReport): void {
  const file = process.env.PLUMB_LINE_TEST_RESULTS;
  if (!file) return;
  // Written whole and renamed, so the launcher watching for the file never reads half of it.
  writeFileSync(`${file}.partial`, JSON.stringify(report, null, 2));
  renameSync(`${file}.partial`, file);
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
