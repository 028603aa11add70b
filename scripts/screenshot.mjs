// Takes the README screenshots: `npm run build && node scripts/screenshot.mjs`.
// Serves code-server on loopback with the extension under development loaded on examples/, drives it with
// headless Chromium through real UI interactions (clicks, keys, mouse moves) and writes
//   media/screenshot.png          – Concepts view expanded, launch-plan.md with squiggles, a hover card open
//   media/screenshot-problems.png – the Problems panel listing the file's findings and their source passages
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { startCodeServer } from './code-server.mjs';
import { dismissNotifications, expandRow, hoverTerm, openWithQuickOpen, waitForAttribute } from './workbench.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @type {unknown} */
const parsedManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = /** @type {{ main: string }} */ (parsedManifest);
const examples = join(root, 'examples');
const stateDir = join(root, '.vscode-test', 'screenshot');
const mediaDir = join(root, 'media');
const viewport = { width: 1400, height: 860 };
const timeout = 30_000;

// What the shots show: a draft with findings, the concept whose term is hovered, and that term in the draft.
const DRAFT = 'launch-plan.md';
// The term sits low in the draft, so its card opens above it and leaves both squiggles in view.
const SIDE = 'Sales';
const CONCEPT = 'Handling objections';
const TERM = 'objections';
// Picked in the Color Theme picker: a `workbench.colorTheme` setting is overridden in an Extension Development
// Host whose extension folder holds the built-in themes (code-server is installed under .vscode-test here).
const THEME = 'Dark Modern';
// Wide enough for concept labels with their "N in draft" counts.
const SIDEBAR_WIDTH = 400;

if (!existsSync(join(root, manifest.main))) fail(`${manifest.main} is missing; run \`npm run build\` first.`);

// A fresh profile every run, so no editor, view state or dismissed notice from an earlier run leaks in.
rmSync(stateDir, { recursive: true, force: true });
const userDataDir = join(stateDir, 'user-data');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
writeFileSync(
  join(userDataDir, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.ignoreRecommendations': true,
      'chat.commandCenter.enabled': false,
      'window.commandCenter': false,
      'editor.minimap.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
    },
    null,
    2,
  ),
);

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {Page | undefined} */
let page;
let exitCode = 0;
// code-server runs in its own process group, which Ctrl+C does not reach: stop it here.
const stopAll = async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`Stopping (${signal})…`);
    void stopAll().finally(() => process.exit(130));
  });
}
try {
  server = await startCodeServer({
    folder: examples,
    userDataDir,
    extensionsDir: join(stateDir, 'extensions'),
    extensionDevelopmentPath: root,
    // Our own examples folder: trusting it up front keeps the trust dialog out of the picture.
    disableWorkspaceTrust: true,
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  page.setDefaultTimeout(timeout);
  await page.goto(server.url);
  await takeShots(page);
} catch (error) {
  exitCode = 1;
  console.error(`Screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (page) {
    // What the workbench showed when it failed, to see which dialog or state got in the way.
    const failure = join(stateDir, 'failure.png');
    await page.screenshot({ path: failure }).then(
      () => console.error(`The page at the failure: ${relative(root, failure)}`),
      () => {},
    );
  }
  if (server) console.error(`--- code-server output (tail) ---\n${server.logTail(30)}`);
} finally {
  await stopAll();
}
process.exit(exitCode);

/** @param {Page} page */
async function takeShots(page) {
  await page.locator('.monaco-workbench').waitFor();
  const activityIcon = page.locator('.activitybar [aria-label^="Plumb Line"]').first();
  await activityIcon.waitFor();

  // Open the draft through Quick Open, as a user would.
  await openWithQuickOpen(page, DRAFT);
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-line', { hasText: TERM }).first().waitFor();
  // The extension lints on open: wait for its squiggles.
  await editor.locator('.squiggly-warning').first().waitFor();

  await pickColorTheme(page, THEME);

  // Show the Plumb Line sidebar.
  await activityIcon.click();
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  await sidebar.waitFor();
  await resizeSidebar(page, sidebar, SIDEBAR_WIDTH);
  const conceptsPane = sidebar.locator('.pane', { has: page.locator('.pane-header[aria-label^="Concepts"]') });
  const sourcesPane = sidebar.locator('.pane', { has: page.locator('.pane-header[aria-label^="Sources"]') });
  await conceptsPane.locator('.monaco-list-row').first().waitFor();
  // Fold the Sources view so the Concepts tree gets the height.
  if ((await sourcesPane.locator('.pane-header').getAttribute('aria-expanded')) === 'true') {
    await sourcesPane.locator('.pane-header').click();
    await waitForAttribute(sourcesPane.locator('.pane-header'), 'aria-expanded', 'false');
  }
  await expandRow(conceptsPane, SIDE);
  const conceptRow = await expandRow(conceptsPane, CONCEPT);
  // The concept's passages are its children: wait for the first one, and for the draft counts.
  await conceptsPane.locator(`.monaco-list-row[aria-level="3"]`).first().waitFor();
  await conceptRow.locator('.label-description', { hasText: 'in draft' }).waitFor();

  await dismissNotifications(page);

  // Hover the term in the editor and wait for the card.
  await hoverTerm(page, editor, TERM);
  const hover = page.locator('.monaco-hover-content', { hasText: CONCEPT });
  await hover.waitFor();
  await growHoverToFit(page, hover);
  await settle(page);
  await capture(page, 'screenshot.png');

  // Second shot: the Problems panel for the open draft.
  await page.mouse.move(5, viewport.height / 2);
  await hover.waitFor({ state: 'hidden' });
  await editor.click({ position: { x: 400, y: 10 } });
  // Without the sidebar the panel is as wide as the window, so more of each message fits on its line.
  await page.keyboard.press('Control+B');
  await sidebar.waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  await problems.locator('.monaco-list-row', { hasText: 'is credited with' }).first().waitFor();
  await problems.locator('.monaco-list-row', { hasText: '—' }).first().waitFor();
  await dismissNotifications(page);
  await settle(page);
  await capture(page, 'screenshot-problems.png');
}

// Preferences: Color Theme (Ctrl+K Ctrl+T), then the theme's name.
/** @param {Page} page @param {string} label */
async function pickColorTheme(page, label) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]');
  await input.waitFor();
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.monaco-workbench.vs-dark').waitFor();
}

// Drags the sash on the sidebar's right edge until the sidebar is `width` pixels wide.
/** @param {Page} page @param {Locator} sidebar @param {number} width */
async function resizeSidebar(page, sidebar, width) {
  const box = await sidebar.boundingBox();
  if (!box) throw new Error('the sidebar is not visible, so its edge cannot be dragged');
  const y = box.y + box.height / 2;
  // The sash straddles the sidebar's right edge.
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width - 1, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(
    ([element, wanted]) => Math.abs(element.getBoundingClientRect().width - wanted) <= 2,
    /** @type {const} */ ([await sidebar.elementHandle(), width]),
  );
}

// The card is capped at 250 px high and scrolls; drag its free edge (as a user can) until the whole card shows.
/** @param {Page} page @param {Locator} content */
async function growHoverToFit(page, content) {
  // The hover's content always sits in its scrolling container, so it has a parent element.
  const missing = await content.evaluate((element) => element.scrollHeight - /** @type {HTMLElement} */ (element.parentElement).clientHeight);
  if (missing <= 0) return;
  const resizable = page.locator('.monaco-resizable-hover', { has: content });
  const sash = resizable.locator(':scope > .monaco-sash.horizontal:not(.disabled)').first();
  const above = ((await sash.getAttribute('class')) ?? '').includes('north');
  const box = await sash.boundingBox();
  if (!box) throw new Error("the hover card's sash is not visible, so the card cannot be grown");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, above ? y - missing - 2 : y + missing + 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(
    (element) => element.scrollHeight <= /** @type {HTMLElement} */ (element.parentElement).clientHeight,
    await content.elementHandle(),
  );
  // Rest the pointer inside the card, off its edges and links, so no sash or link is highlighted.
  const card = await content.boundingBox();
  if (!card) throw new Error('the hover card is not visible');
  await page.mouse.move(card.x + card.width - 30, card.y + card.height / 2, { steps: 3 });
}

// A short pause for the workbench's fade-in animations before the capture.
/** @param {Page} page */
async function settle(page) {
  await page.waitForTimeout(400);
}

/** @param {Page} page @param {string} name */
async function capture(page, name) {
  const path = join(mediaDir, name);
  await page.screenshot({ path, type: 'png' });
  // A 128-colour palette keeps a screenshot readable at a third of its size, so the VSIX stays small (Debian's pngquant).
  const quantized = spawnSync('pngquant', ['--force', '--skip-if-larger', '--speed', '1', '--output', path, '128', path]);
  if (quantized.error) console.warn(`pngquant is not installed (apt-get install pngquant): ${relative(root, path)} stays full-colour.`);
  console.log(`Wrote ${relative(root, path)} (${Math.round(statSync(path).size / 1024)} KB).`);
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`Screenshots failed: ${message}`);
  process.exit(1);
}
