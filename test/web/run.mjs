// The web extension, proven in VS Code's web-worker extension host: code-server loads a copy of the extension whose
// manifest has no `main`, so only the `browser` entry (dist/web/extension.js) can run, and its language server runs
// in a web worker (dist/web/server.js). Chromium then does what a user does, and each step checks what the page shows:
// the Sources view, the squiggles with their exact messages and places in Problems, a hover card, and a quick fix
// that rewrites exactly the word it names.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { CODE_SERVER_VERSION, startCodeServer } from '../../scripts/code-server.mjs';
import { dismissNotifications, hoverTerm, openWithQuickOpen } from '../../scripts/workbench.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const timeout = Number(process.env.PLUMB_LINE_TEST_TIMEOUT_MS ?? 60_000);

// The draft and what the engine says of it (the same checks as the desktop suite's conflated.md).
const DRAFT = 'conflated.md';
const EXPECTED = [
  { line: 3, column: 1, message: '“Marketing” is credited with closing the sale, which is sales work.' },
  { line: 5, column: 5, message: '“sales team” is credited with advertising and PR, which is marketing work.' },
];
const FIXED_LINE = 'Sales closed the deal with Acme last week.';
const HOVERED = 'advertising';
const SERVER_WORKER = 'Plumb Line language server';
const CARD_TITLE = 'Advertising and PR';

const runsDir = join(root, '.vscode-test', 'web');
mkdirSync(runsDir, { recursive: true });
const runDir = mkdtempSync(join(runsDir, 'run-'));
const steps = [];
let failure;
let server;
let browser;
let page;
const workers = [];
const consoleLines = [];

try {
  const extension = webOnlyCopy(join(runDir, 'extension'));
  const workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  const userDataDir = join(runDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.ignoreRecommendations': true,
    }),
  );
  console.log(`Running the web extension in code-server ${CODE_SERVER_VERSION}'s web-worker extension host`);
  server = await startCodeServer({
    folder: workspace,
    userDataDir,
    extensionsDir: join(runDir, 'extensions'),
    extensionDevelopmentPath: extension,
    disableWorkspaceTrust: true,
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(timeout);
  page.on('worker', (worker) => {
    workers.push(worker);
    worker.on('console', (message) => consoleLines.push(`worker ${message.type()}: ${message.text()}`));
  });
  // The web-worker extension host logs to the browser's console: kept for a failure's report.
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`page error: ${error.message}`));
  await page.goto(server.url);
  await run(page);
} catch (error) {
  failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (page) await page.screenshot({ path: join(runDir, 'failure.png') }).catch(() => {});
  if (server) failure += `\n--- code-server output (tail) ---\n${server.logTail(30)}`;
  failure += `\n--- web workers ---\n${(await workerNames()).join('\n') || '(none)'}`;
  failure += `\n--- browser console (tail) ---\n${consoleLines.slice(-40).join('\n') || '(none)'}`;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
}
for (const step of steps) console.log(`  ✓ ${step}`);
if (failure) {
  console.error(`  ✗ ${failure}\nLogs and a screenshot of the page: ${runDir}`);
  process.exit(1);
}
rmSync(runDir, { recursive: true, force: true });
console.log(`${steps.length} web checks passed`);

/** The extension as VS Code for the Web sees it: the manifest without `main`, and only what the browser entry needs. */
function webOnlyCopy(folder) {
  for (const file of [manifest.browser, 'dist/web/server.js', 'dist/web/corpus.json']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing; run \`npm run build\` first.`);
  }
  mkdirSync(folder, { recursive: true });
  const { main, ...webManifest } = manifest;
  if (!main) throw new Error('package.json has no `main` to take out');
  writeFileSync(join(folder, 'package.json'), JSON.stringify(webManifest, null, 2));
  for (const path of ['dist/web', 'corpus', 'docs', 'media', 'README.md']) cpSync(join(root, path), join(folder, path), { recursive: true });
  return folder;
}

/** Each web worker's name, as it gives it (`self.name`). */
async function workerNames() {
  return Promise.all(workers.map((worker) => worker.evaluate(() => self.name).catch(() => '(gone)')));
}

function pass(step) {
  steps.push(step);
}

async function run(page) {
  await page.locator('.monaco-workbench').waitFor();
  const activityIcon = page.locator('.activitybar [aria-label^="Plumb Line"]').first();
  await activityIcon.waitFor();
  await dismissNotifications(page);

  await openWithQuickOpen(page, DRAFT);
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.squiggly-warning').nth(EXPECTED.length - 1).waitFor();
  pass(`${DRAFT} is linted on open: ${await editor.locator('.squiggly-warning').count()} squiggles`);

  // The language server runs in a web worker of its own, named so (see src/vscode/webClient.ts).
  // VS Code names a worker started by the web-worker extension host "ExtensionHostWorker -> <its name>".
  const names = await workerNames();
  const serverName = names.find((name) => name === SERVER_WORKER || name.endsWith(` -> ${SERVER_WORKER}`));
  if (!serverName) throw new Error(`no web worker is named "${SERVER_WORKER}"; workers: ${names.join(', ') || '(none)'}`);
  pass(`the language server runs in its own web worker, "${serverName}"`);

  // Problems: each finding's message and its place, as the engine gives them.
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  for (const { line, column, message } of EXPECTED) {
    const row = problems.locator('.monaco-list-row', { hasText: message });
    await row.first().waitFor();
    const place = (await row.first().locator('.marker-line').textContent())?.replace(/\s+/g, '');
    if (place !== `[Ln${line},Col${column}]`) throw new Error(`"${message}" is at ${place}, not [Ln ${line}, Col ${column}]`);
  }
  pass(`Problems lists both findings with their exact messages and places (${EXPECTED.map(({ line, column }) => `${line}:${column}`).join(', ')})`);
  await page.keyboard.press('Control+Shift+M');

  // A hover card on a catalogue term, with the passage links the client trusts.
  await hoverTerm(page, editor, HOVERED);
  const card = page.locator('.monaco-hover-content', { hasText: CARD_TITLE });
  await card.waitFor();
  const links = await card.locator('a').allTextContents();
  if (!links.includes('Reveal in sidebar') || !links.includes('Open passage')) throw new Error(`the card's links are ${JSON.stringify(links)}`);
  pass(`hovering "${HOVERED}" shows the ${CARD_TITLE} card with its Open passage and Reveal in sidebar links`);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 450);
  await card.waitFor({ state: 'hidden' });

  // The quick fix on the first finding: put the cursor on "Marketing", Ctrl+., take the replacement.
  await editor.locator('.view-line', { hasText: 'Marketing closed' }).first().click({ position: { x: 3, y: 5 } });
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row[aria-label="Replace with “Sales”"]');
  await fix.waitFor();
  // The preferred fix comes first among the fixes and has the focus: Enter applies it, as the widget's title says.
  if (!(await fix.getAttribute('class'))?.includes('focused')) throw new Error('the replacement is not the focused quick fix');
  await page.keyboard.press('Enter');
  await editor.locator('.view-line', { hasText: FIXED_LINE }).waitFor();
  const lines = (await editor.locator('.view-line').allTextContents()).map((text) => text.replace(/\u00a0/g, ' ').trimEnd());
  if (!lines.includes(FIXED_LINE) || lines.some((text) => text.includes('Marketing closed'))) {
    throw new Error(`after the fix the lines are ${JSON.stringify(lines)}`);
  }
  await editor.locator('.squiggly-warning').nth(EXPECTED.length - 1).waitFor({ state: 'detached' });
  pass(`the quick fix rewrites line 3 to "${FIXED_LINE}", and its finding goes`);

  // Check terminology from the command palette: a notification with the count, and its button opens Problems.
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.fill('>Plumb Line: Check terminology');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Check terminology' }).waitFor();
  await page.keyboard.press('Enter');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Plumb Line: 1 finding in 1 file.' });
  await toast.waitFor();
  await toast.locator('.monaco-button', { hasText: 'Show Problems' }).click();
  await page.locator('.markers-panel .monaco-list-row', { hasText: EXPECTED[1].message }).first().waitFor();
  pass('Check terminology says "Plumb Line: 1 finding in 1 file." and its Show Problems button opens the panel');

  // The Sources view: the five articles, from the catalogue the server parsed in its worker.
  await activityIcon.click();
  const sources = page.locator('#workbench\\.parts\\.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Sources"]') });
  const header = sources.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const expected = readdirTitles();
  for (const title of expected) await sources.locator('.monaco-list-row', { hasText: title }).first().waitFor();
  pass(`the Sources view lists the ${expected.length} articles`);
}

/** The corpus articles' titles, from their front matter. */
function readdirTitles() {
  const files = JSON.parse(readFileSync(join(root, 'dist', 'web', 'corpus.json'), 'utf8'));
  return files.map((file) => {
    const title = /^title:\s*"(.*)"\s*$/m.exec(readFileSync(join(root, 'corpus', file), 'utf8'));
    if (!title) throw new Error(`corpus/${file} has no title`);
    return title[1];
  });
}
