// The first hour in the editor, as a user lives it, in a real browser VS Code (issue 9, item 15): code-server serves
// the workbench, Debian's Chromium (playwright-core) clicks, types and hovers, and each step checks what the page
// shows and saves a screenshot. Two hosts, one script:
//   node test/ui/run.mjs desktop   the extension as installed: its language server runs as a Node process
//   node test/ui/run.mjs web       a copy whose manifest has no `main`, so only the `browser` entry can run, in VS
//                                  Code's web-worker extension host, with its language server in a web worker
// Every wait is on a selector or an event, never a fixed pause. Screenshots stay in .vscode-test/ui/<host>/shots.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { CODE_SERVER_VERSION, startCodeServer } from '../../scripts/code-server.mjs';
import { dismissNotifications, expandRow, hoverTerm, openWithQuickOpen } from '../../scripts/workbench.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** @type {unknown} */
const parsedManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** @typedef {{ contributes: { configuration: { properties: Record<string, { markdownDeprecationMessage?: string }> } } }} Contributes */
/** @typedef {{ main?: string, browser: string, publisher: string, name: string, [field: string]: unknown }} Entries */
const manifest = /** @type {Entries & Contributes} */ (parsedManifest);
const timeout = Number(process.env.PLUMB_LINE_TEST_TIMEOUT_MS ?? 60_000);
const host = process.argv[2];
if (host !== 'desktop' && host !== 'web') {
  console.error('Usage: node test/ui/run.mjs desktop|web');
  process.exit(2);
}

// The draft and what the engine says of it (the same checks as the integration suite's conflated.md).
const DRAFT = 'conflated.md';
/** @typedef {{ line: number, column: number, message: string }} Expected */
/** @type {[Expected, Expected]} */
const EXPECTED = [
  { line: 3, column: 1, message: '“Marketing” is credited with closing the sale, which is sales work.' },
  { line: 5, column: 5, message: '“sales team” is credited with advertising and PR, which is marketing work.' },
];
const FIXED_LINE = 'Sales closed the deal with Acme last week.';
const SERVER_WORKER = 'Plumb Line language server';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

const runDir = join(root, '.vscode-test', 'ui', host);
rmSync(runDir, { recursive: true, force: true });
const shotsDir = join(runDir, 'shots');
mkdirSync(shotsDir, { recursive: true });
/** @type {string[]} */
const steps = [];
/** @type {string | undefined} */
let failure;
/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {Page | undefined} */
let page;
/** @type {import('playwright-core').Worker[]} */
const workers = [];
/** @type {string[]} */
const consoleLines = [];

try {
  const extension = host === 'web' ? webOnlyCopy(join(runDir, 'extension')) : root;
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
      // The workspace copy sits inside this repository: no toast offering to open it over the shots.
      'git.openRepositoryInParentFolders': 'never',
    }),
  );
  console.log(
    host === 'web'
      ? `UI checks of the web extension in code-server ${CODE_SERVER_VERSION}'s web-worker extension host`
      : `UI checks of the extension in code-server ${CODE_SERVER_VERSION}, its language server a Node process`,
  );
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
// The screenshots stay for a look; the rest of the run goes.
for (const folder of ['extension', 'workspace', 'user-data', 'extensions']) rmSync(join(runDir, folder), { recursive: true, force: true });
console.log(`${steps.length} UI checks passed (${host}); screenshots in ${shotsDir}`);

/** The extension as VS Code for the Web sees it: the manifest without `main`, and only what the browser entry needs. */
/** @param {string} folder */
function webOnlyCopy(folder) {
  const bundles = [manifest.browser, 'dist/server.js', 'dist/web/corpus.json', 'dist/engine.js'];
  for (const file of bundles) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing; run \`npm run build\` first.`);
  }
  mkdirSync(folder, { recursive: true });
  const { main, ...webManifest } = manifest;
  if (!main) throw new Error('package.json has no `main` to take out');
  writeFileSync(join(folder, 'package.json'), JSON.stringify(webManifest, null, 2));
  for (const path of [...bundles, 'corpus', 'docs', 'media', 'README.md']) cpSync(join(root, path), join(folder, path), { recursive: true });
  return folder;
}

/** Each web worker's name, as it gives it (`self.name`). */
async function workerNames() {
  return Promise.all(workers.map((worker) => worker.evaluate(() => self.name).catch(() => '(gone)')));
}

/**
 * Records a passed step and saves what the page showed then, as `NN.png`, or `NN-name.png` for a shot the README shows
 * (`npm run screenshots` picks those by name).
 * @param {string} step
 * @param {string} [name]
 */
async function pass(step, name) {
  steps.push(step);
  if (!page) throw new Error('no workbench page to capture');
  await page.screenshot({ path: join(shotsDir, `${String(steps.length).padStart(2, '0')}${name ? `-${name}` : ''}.png`) });
}

/** @param {Page} page */
async function run(page) {
  await page.locator('.monaco-workbench').waitFor();
  const activityIcon = page.locator('.activitybar [aria-label^="Plumb Line"]').first();
  await activityIcon.waitFor();
  await dismissNotifications(page);

  // The activity-bar icon opens the view; Sources lists the five articles from the catalogue the server parsed.
  await activityIcon.click();
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  const sources = sidebar.locator('.pane', { has: page.locator('.pane-header[aria-label^="Sources"]') });
  const header = sources.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const titles = corpusTitles();
  for (const title of titles) await sources.locator('.monaco-list-row', { hasText: title }).first().waitFor();
  await pass(`the activity-bar icon opens the view, and Sources lists the ${titles.length} articles`);

  // A passage opens the corpus read-only, with the passage selected.
  const passage = firstPassage();
  await expandRow(sources, passage.source);
  await expandRow(sources, passage.section);
  await sources.locator('.monaco-list-row', { hasText: passage.excerpt }).first().click();
  const corpusTab = page.locator(`.tabs-container .tab.active[aria-label^="${passage.file}"]`);
  await corpusTab.waitFor();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await page
    .locator('.statusbar-item', { hasText: `(${passage.length} selected)` })
    .first()
    .waitFor();
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.type('x');
  await page
    .locator('.monaco-editor-overlaymessage', { hasText: /cannot be edited|read-only/i })
    .first()
    .waitFor();
  await pass(`a passage opens ${passage.file} with its ${passage.length} characters selected, and the file cannot be edited`);

  await openWithQuickOpen(page, DRAFT);
  await editor
    .locator('.squiggly-warning')
    .nth(EXPECTED.length - 1)
    .waitFor();
  await pass(`${DRAFT} is linted on open: ${await editor.locator('.squiggly-warning').count()} squiggles`);

  if (host === 'web') {
    // The language server runs in a web worker of its own, named so (see src/vscode/webClient.ts).
    // VS Code names a worker started by the web-worker extension host "ExtensionHostWorker -> <its name>".
    const names = await workerNames();
    const serverName = names.find((name) => name === SERVER_WORKER || name.endsWith(` -> ${SERVER_WORKER}`));
    if (!serverName) throw new Error(`no web worker is named "${SERVER_WORKER}"; workers: ${names.join(', ') || '(none)'}`);
    await pass(`the language server runs in its own web worker, "${serverName}"`);
  }

  // Problems: each finding's message and its place, as the engine gives them.
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  for (const { line, column, message } of EXPECTED) {
    const row = problems.locator('.monaco-list-row', { hasText: message });
    await row.first().waitFor();
    const place = (await row.first().locator('.marker-line').textContent())?.replace(/\s+/g, '');
    if (place !== `[Ln${line},Col${column}]`) throw new Error(`"${message}" is at ${place}, not [Ln ${line}, Col ${column}]`);
  }
  const places = EXPECTED.map(({ line, column }) => `${line}:${column}`).join(', ');
  await pass(`Problems lists both findings with their exact messages and places (${places})`, 'problems');
  await page.keyboard.press('Control+Shift+M');

  // Hover cards: on the word "Marketing" itself, and on a catalogue term, with the links the client trusts.
  const reading = await hoverCard(page, editor, 'Marketing', 'Marketing here names the marketing function.');
  await reading.locator('strong', { hasText: 'One-to-many' }).waitFor();
  await pass('hovering "Marketing" says it names the marketing function, with the one-to-many card');
  await closeHover(page, reading);
  const card = await hoverCard(page, editor, 'advertising', 'Advertising and PR');
  const links = await card.locator('a').allTextContents();
  if (!links.includes('Reveal in sidebar') || !links.includes('Open passage')) throw new Error(`the card's links are ${JSON.stringify(links)}`);
  await pass('hovering "advertising" shows the Advertising and PR card with its Reveal in sidebar and Open passage links', 'hover');
  await closeHover(page, card);

  // The light bulb's preferred fix on the first finding changes only the function word.
  await editor
    .locator('.view-line', { hasText: 'Marketing closed' })
    .first()
    .click({ position: { x: 3, y: 5 } });
  const bulb = page.locator('.monaco-editor .lightBulbWidget').first();
  await bulb.waitFor();
  await bulb.click();
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
  await editor
    .locator('.squiggly-warning')
    .nth(EXPECTED.length - 1)
    .waitFor({ state: 'detached' });
  await pass(`the light bulb's fix rewrites line 3 to "${FIXED_LINE}", and its finding goes`);

  // Check terminology from the command palette: a notification with the count, and its button opens Problems.
  await runCommand(page, 'Plumb Line: Check terminology');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Plumb Line: 1 finding in 1 file.' });
  await toast.waitFor();
  await toast.locator('.monaco-button', { hasText: 'Show Problems' }).click();
  await page.locator('.markers-panel .monaco-list-row', { hasText: EXPECTED[1].message }).first().waitFor();
  await pass('Check terminology says "Plumb Line: 1 finding in 1 file." and its Show Problems button opens the panel');

  // Another draft: a card on "loyalty program".
  await openWithQuickOpen(page, 'hover.md');
  const loyalty = await hoverCard(page, editor, 'loyalty program', 'Loyalty programs');
  await pass('hovering "loyalty program" shows the Loyalty programs card');
  await closeHover(page, loyalty);

  // The walkthrough opens, and its first step opens the sample draft, linted.
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget input').fill('Get started with Plumb Line');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get started with Plumb Line' }).waitFor();
  await page.keyboard.press('Enter');
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.locator('.getting-started-step', { hasText: 'Open a sample draft' }).first().waitFor();
  await walkthrough.locator('.monaco-button, a', { hasText: 'Open the sample draft' }).first().click();
  await page.locator('.tabs-container .tab.active[aria-label*="Untitled"]').waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'Spring launch plan' }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor();
  await pass('the walkthrough opens, and its first step opens the sample draft as an untitled document, linted');

  await checkSettingsUi(page);
}

/**
 * The Settings UI filtered to the extension (issue 9, item 13): a dropdown per rule, with every severity and a link
 * that opens the rule's page rendered; a list editor with Add Item per side for the team's phrases.
 * @param {Page} page
 */
async function checkSettingsUi(page) {
  // The editor gets the window's height, so that the settings list shows all four rules at once.
  const panel = page.locator('#workbench\\.parts\\.panel');
  if (await panel.isVisible()) {
    await page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden' });
  }
  // The Settings UI hides deprecated settings that are not set: the rest are listed.
  const settings = Object.values(manifest.contributes.configuration.properties);
  const shown = settings.filter((setting) => !setting.markdownDeprecationMessage).length;
  const settingsEditor = await openSettings(page, `@ext:${manifest.publisher}.${manifest.name}`, shown);
  /** @param {string} key */
  const settingRow = (key) => settingsEditor.locator('.monaco-list-row', { has: page.locator(`[data-key="${key}"]`) });
  const rules = ['conflation', 'sales-doing-marketing', 'marketing-doing-sales', 'inconsistency'];
  for (const rule of rules) {
    const row = settingRow(`plumbLine.rules.${rule}`);
    await row.waitFor();
    const choices = await row.locator('.setting-item-enum select option').allTextContents();
    if (choices.join() !== 'off,error,warning,information,hint') throw new Error(`the ${rule} dropdown offers ${JSON.stringify(choices)}`);
  }
  await pass(`the Settings UI shows a dropdown for each of the ${rules.length} rules, offering off, error, warning, information and hint`, 'settings');

  await settingRow('plumbLine.rules.conflation').locator('a', { hasText: 'Open the rule page' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'conflation.md' }).waitFor();
  // The preview renders the page in a webview, with its heading; a text editor would show the Markdown source.
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe').locator('h1', { hasText: 'Sales and marketing used as synonyms' }).waitFor();
  if ((await page.locator('.editor-group-container.active .monaco-editor').count()) > 0) throw new Error('the rule page opened in a text editor');
  await pass("the conflation setting's link opens the rule's page in the Markdown preview");

  const phrases = await openSettings(page, `@ext:${manifest.publisher}.${manifest.name} extra phrases`, 2);
  for (const side of ['marketing', 'sales']) {
    await phrases
      .locator('.monaco-list-row', { has: page.locator(`[data-key="plumbLine.extraPhrases.${side}"]`) })
      .locator('.setting-item-list .monaco-button', { hasText: 'Add Item' })
      .waitFor();
  }
  await pass('the Settings UI edits plumbLine.extraPhrases.marketing and .sales as lists, each with an Add Item button');
}

/**
 * Opens the Settings UI (or brings it back) with `query` in its search box, and resolves once it has found `count`
 * settings: the search has settled, and a link clicked then is not re-rendered away under the mouse.
 * @param {Page} page
 * @param {string} query
 * @param {number} count
 */
async function openSettings(page, query, count) {
  await runCommand(page, 'Preferences: Open Settings (UI)');
  const settingsEditor = page.locator('.settings-editor');
  await settingsEditor.waitFor();
  const search = settingsEditor.locator('.settings-header .suggest-input-container');
  await search.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await settingsEditor.locator('.settings-count-widget', { hasText: new RegExp(`^${count} Settings? Found$`) }).waitFor();
  return settingsEditor;
}

/**
 * Hovers `term` in the editor and resolves with the card once it shows `title`.
 * @param {Page} page
 * @param {Locator} editor
 * @param {string} term
 * @param {string} title
 */
async function hoverCard(page, editor, term, title) {
  await hoverTerm(page, editor, term);
  const card = page.locator('.monaco-hover-content', { hasText: title });
  await card.waitFor();
  return card;
}

/**
 * @param {Page} page
 * @param {Locator} card
 */
async function closeHover(page, card) {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 450);
  await card.waitFor({ state: 'hidden' });
}

/**
 * F1, the command's title, Enter.
 * @param {Page} page
 * @param {string} title
 */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title.replace(/\.\.\.$/, '') }).waitFor();
  await page.keyboard.press('Enter');
}

/** The first passage of the first article, as the Sources view shows it, and how many characters it spans. */
function firstPassage() {
  const file = corpusFiles()[0];
  if (file === undefined) throw new Error('dist/web/corpus.json lists no corpus file');
  const text = readFileSync(join(root, 'corpus', file), 'utf8');
  const title = /^title:\s*"(.*)"\s*$/m.exec(text)?.[1];
  const body = text.replace(/^---[\s\S]*?\n---\n/, '');
  const lines = body.split('\n');
  const sectionLine = lines.find((line) => line.startsWith('## '));
  if (!title || !sectionLine) throw new Error(`corpus/${file} has no title, section or paragraph`);
  // The opening passages before the first ## heading sit in the opening section; take the first ## section's first paragraph.
  const after = lines
    .slice(lines.indexOf(sectionLine) + 1)
    .join('\n')
    .trim()
    .split(/\n\s*\n/)[0];
  if (!title || !sectionLine || !after) throw new Error(`corpus/${file} has no title, section or paragraph`);
  const paragraph = after.replace(/\s+/g, ' ').trim();
  return { file, source: title, section: sectionLine.slice(3).trim(), excerpt: paragraph.split(' ').slice(0, 4).join(' '), length: after.length };
}

/** @returns {string[]} the corpus file names, as esbuild.mjs lists them */
function corpusFiles() {
  /** @type {unknown} */
  const files = JSON.parse(readFileSync(join(root, 'dist', 'web', 'corpus.json'), 'utf8'));
  return /** @type {string[]} */ (files);
}

/** The corpus articles' titles, from their front matter. */
function corpusTitles() {
  return corpusFiles().map((file) => {
    const title = /^title:\s*"(.*)"\s*$/m.exec(readFileSync(join(root, 'corpus', file), 'utf8'));
    if (!title) throw new Error(`corpus/${file} has no title`);
    // The group is not optional, so a match always has it.
    return /** @type {string} */ (title[1]);
  });
}
