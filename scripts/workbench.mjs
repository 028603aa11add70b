// Driving the VS Code workbench in a browser as a user does (Quick Open, tree rows, hovers, toasts), for the
// screenshots and the web extension's test. Each step waits on what the page shows, never on a fixed pause.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

// Quick Open (Ctrl+P), the file's name, Enter: resolves once its tab is active.
/**
 * @param {Page} page
 * @param {string} name
 */
export async function openWithQuickOpen(page, name) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.locator('.monaco-workbench').click({ position: { x: viewport.width / 2, y: viewport.height / 2 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

// Expands a tree row by its label (clicking its twistie) unless it is open already; returns the row.
/**
 * @param {Locator} pane
 * @param {string} label
 */
export async function expandRow(pane, label) {
  const row = pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    await row.locator('.monaco-tl-twistie').click();
    await waitForAttribute(row, 'aria-expanded', 'true');
  }
  return row;
}

// Moves the mouse onto the first occurrence of `term` in the editor's rendered lines.
/**
 * @param {Page} page
 * @param {Locator} editor
 * @param {string} term
 */
export async function hoverTerm(page, editor, term) {
  const box = await editor
    .locator('.view-line', { hasText: term })
    .first()
    .evaluate((line, wanted) => {
      // The editor renders spaces as no-break spaces, and one term may span several token spans.
      /** @type {Node[]} */
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      // A text node's textContent is never null; `?? ''` says so to the types.
      const text = nodes.map((node) => (node.textContent ?? '').replace(/\u00a0/g, ' ')).join('');
      const at = text.indexOf(wanted);
      if (at < 0) return null;
      /**
       * @param {number} offset
       * @returns {[Node, number]}
       */
      const locate = (offset) => {
        for (const node of nodes) {
          if (offset <= (node.textContent ?? '').length) return [node, offset];
          offset -= (node.textContent ?? '').length;
        }
        // `text` holds `wanted`, so there is a last text node.
        const last = /** @type {Node} */ (nodes.at(-1));
        return [last, (last.textContent ?? '').length];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + wanted.length));
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    }, term);
  if (!box) throw new Error(`"${term}" is not on the editor's rendered lines.`);
  // Two moves: the editor shows hovers on mouse movement, not on a pointer that merely appears.
  await page.mouse.move(box.x + box.width / 2 - 5, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
}

// Closes any notification toast (e.g. a welcome or a recommendation) with its own close button.
/** @param {Page} page */
export async function dismissNotifications(page) {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  for (let count = await toasts.count(); count > 0; count = await toasts.count()) {
    const close = toasts.first().locator('.codicon-notifications-clear, .codicon-close').first();
    await close.click();
    await page.waitForFunction((before) => document.querySelectorAll('.notifications-toasts .notification-toast').length < before, count);
  }
}

/**
 * @param {Locator} locator
 * @param {string} name
 * @param {string} value
 */
export async function waitForAttribute(locator, name, value) {
  const handle = await locator.elementHandle();
  await locator
    .page()
    .waitForFunction(([element, attribute, wanted]) => element.getAttribute(attribute) === wanted, /** @type {const} */ ([handle, name, value]));
}

/** @param {string} text */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
