// Runs the integration suite (out/test/integration/suite) inside a real VS Code extension host: by default
// code-server driven by headless Chromium (works offline), or desktop VS Code through @vscode/test-electron
// when PLUMB_LINE_VSCODE=desktop (downloads VS Code, needs internet and a display).
// Both report through the JSON file named by PLUMB_LINE_TEST_RESULTS, written by suite/index.ts.
// Under code-server the workspace stays untrusted (Restricted Mode), which suite/trust.test.ts checks; the desktop
// run cannot do that, as @vscode/test-electron always passes --disable-workspace-trust. No trust prompt blocks the
// run: the workbench refuses every dialog while extension tests run (it logs "refused to show dialog in tests").
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { CODE_SERVER_VERSION, startCodeServer } from '../../scripts/code-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** @type {unknown} */
const parsedManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = /** @type {{ main: string }} */ (parsedManifest);
const suiteEntry = join(root, 'out', 'test', 'integration', 'suite', 'index.js');
// A fresh folder per run (user data, extensions, results), so runs started at the same time stay apart.
const runsDir = join(root, '.vscode-test', 'integration');
mkdirSync(runsDir, { recursive: true });
const runDir = mkdtempSync(join(runsDir, 'run-'));
// Tests write workspace settings (.vscode/settings.json): each run opens its own copy of the drafts, never the repository's.
const workspace = join(runDir, 'workspace');
cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
const resultsFile = join(runDir, 'results.json');
// With PLUMB_LINE_COVERAGE_DIR, the extension host's coverage goes there (an absolute path: code-server runs elsewhere).
const coverageEnv = process.env.PLUMB_LINE_COVERAGE_DIR ? { PLUMB_LINE_COVERAGE_DIR: resolve(process.env.PLUMB_LINE_COVERAGE_DIR) } : {};
const timeoutMs = Number(process.env.PLUMB_LINE_TEST_TIMEOUT_MS ?? 5 * 60_000);

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (interrupted = true));

let totals = { passed: 0, failed: 0 };
try {
  checkBuilt();
  const report = process.env.PLUMB_LINE_VSCODE === 'desktop' ? await runInDesktopVsCode() : await runInCodeServer();
  totals = printTests(report.tests);
} catch (error) {
  console.error(`Integration tests could not run: ${error instanceof Error ? error.message : String(error)}`);
}
const succeeded = totals.failed === 0 && totals.passed > 0;
// Logs of a failed run stay for a look; a passing run leaves nothing behind.
if (succeeded) rmSync(runDir, { recursive: true, force: true });
else console.error(`Logs of this run: ${runDir}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(succeeded ? 0 : 1);

function checkBuilt() {
  for (const file of [join(root, manifest.main), suiteEntry]) {
    if (!existsSync(file)) throw new Error(`${file} is missing; run \`npm run build\` first.`);
  }
}

async function runInDesktopVsCode() {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: suiteEntry,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(runDir, 'user-data')}`, `--extensions-dir=${join(runDir, 'extensions')}`],
      extensionTestsEnv: { PLUMB_LINE_TEST_RESULTS: resultsFile, ...coverageEnv },
    });
  } catch (error) {
    // runTests also rejects when tests fail; the report then says which.
    if (!existsSync(resultsFile)) throw error;
  }
  return readReport();
}

async function runInCodeServer() {
  const userDataDir = join(runDir, 'user-data');
  console.log(`Running the integration tests in code-server ${CODE_SERVER_VERSION} on ${workspace}`);
  const server = await startCodeServer({
    folder: workspace,
    userDataDir,
    extensionsDir: join(runDir, 'extensions'),
    env: { PLUMB_LINE_TEST_RESULTS: resultsFile, ...coverageEnv },
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteEntry,
  });
  /** @type {string[]} */
  const browserErrors = [];
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    page.on('pageerror', (error) => browserErrors.push(error.message));
    page.on('crash', () => browserErrors.push('The workbench page crashed.'));
    await page.goto(server.url);
    await waitForResults(server, page, () =>
      [
        `--- code-server output (tail) ---\n${server.logTail(30)}`,
        `--- extension host log (tail) ---\n${extensionHostLogTail(userDataDir, 30)}`,
        `--- browser console errors ---\n${browserErrors.slice(-20).join('\n') || '(none)'}`,
      ].join('\n'),
    );
    return readReport();
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

/** @typedef {Awaited<ReturnType<typeof startCodeServer>>} CodeServer */

/**
 * @param {CodeServer} server
 * @param {import('playwright-core').Page} page
 * @param {() => string} diagnostics
 */
async function waitForResults(server, page, diagnostics) {
  /** @type {Awaited<CodeServer['exited']> | undefined} */
  let serverExit;
  // exited never rejects: it resolves with the error too.
  void server.exited.then((exit) => (serverExit = exit));
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(resultsFile)) {
    if (interrupted) throw new Error('interrupted.');
    if (serverExit) throw new Error(`code-server exited (${serverExit.signal ?? `code ${serverExit.code}`}) before the tests reported.\n${diagnostics()}`);
    if (page.isClosed()) throw new Error(`the workbench page closed before the tests reported.\n${diagnostics()}`);
    if (Date.now() > deadline) {
      throw new Error(`no test results in ${resultsFile} after ${timeoutMs / 1000} s.\n${diagnostics()}`);
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

/** @returns {import('./suite/index').TestReport} */
function readReport() {
  if (!existsSync(resultsFile)) throw new Error(`the suite finished without writing ${resultsFile}.`);
  /** @type {unknown} */
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  return /** @type {import('./suite/index').TestReport} */ (report);
}

// Prints one line per test; returns how many passed and failed.
/** @param {import('./suite/index').TestResult[]} tests */
function printTests(tests) {
  for (const test of tests) {
    const title = test.title.join(' › ');
    if (test.state === 'passed') console.log(`  ✓ ${title}`);
    else if (test.state === 'pending') console.log(`  - ${title} (pending)`);
    else console.log(`  ✗ ${title}\n${indent(test.error ?? '(no message)', '      ')}`);
  }
  const passed = tests.filter((test) => test.state === 'passed').length;
  const failed = tests.filter((test) => test.state === 'failed').length;
  if (passed + failed === 0) console.log('No integration tests ran.');
  return { passed, failed };
}

// The newest remote extension host log that code-server wrote under the user data folder.
/**
 * @param {string} userDataDir
 * @param {number} count
 */
function extensionHostLogTail(userDataDir, count) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '(none)';
  const candidates = readdirSync(logs, { recursive: true })
    .filter((name) => String(name).endsWith('remoteexthost.log'))
    .map((name) => join(logs, String(name)))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const newest = candidates[0];
  if (newest === undefined) return '(none)';
  return readFileSync(newest, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}

/**
 * @param {string} text
 * @param {string} prefix
 */
function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
