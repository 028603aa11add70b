import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lintMarkdown, type Fix } from '../../../src/core';
import {
  closeAllEditors,
  codeActionsOffering,
  hasRule,
  lineOf,
  openScratch,
  plumbLine,
  ruleIdOf,
  ruleLines,
  waitForDiagnostics,
  type TestApi,
} from './helpers';

const CLOSED = 'Marketing closed the deal with Acme.';
const LAUNCH = 'Our sales team will launch a TV advertising campaign.';

describe('quick fixes: silencing and replacing', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  afterEach(closeAllEditors);

  /** The code action offered on `diagnostic` for the engine's fix of that kind (matched by the fix's title). */
  async function offeredFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, kind: Fix['kind']): Promise<vscode.CodeAction> {
    const finding = lintMarkdown(document.getText(), api.catalogue).find(
      (f) =>
        f.ruleId === ruleIdOf(diagnostic) && f.span.start.line === diagnostic.range.start.line && f.span.start.character === diagnostic.range.start.character,
    );
    const fix = finding?.fixes.find((f) => f.kind === kind);
    assert.ok(fix, `the engine offers no ${kind} fix for ${ruleIdOf(diagnostic)} on line ${diagnostic.range.start.line}`);
    const actions = await codeActionsOffering(document.uri, diagnostic.range, [fix.title]);
    const action = actions.find((a) => a.title === fix.title);
    assert.ok(action?.edit, `"${fix.title}" is not offered; offered: ${actions.map((a) => a.title).join(', ')}`);
    return action;
  }

  async function apply(action: vscode.CodeAction): Promise<void> {
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)), `"${action.title}" did not apply`);
  }

  it('"Ignore … on this line" adds a control comment to that line only, and its finding goes away', async () => {
    const { document } = await openScratch(['# Review', '', CLOSED, '', 'We met on Tuesday.', '', CLOSED, ''].join('\n'));
    const first = lineOf(document, CLOSED);
    const second = lineOf(document, CLOSED, first + 1);
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ruleLines(ds).join() === `marketing-doing-sales@${first},marketing-doing-sales@${second}`,
      'marketing-doing-sales on both lines',
    );
    const diagnostic = diagnostics.find((d) => d.range.start.line === first)!;

    const before = document.getText();
    const lineStart = document.offsetAt(new vscode.Position(first, 0));
    const lineEnd = document.offsetAt(document.lineAt(first).range.end);
    await apply(await offeredFix(document, diagnostic, 'ignore-line'));
    const after = document.getText();
    const suffixLength = before.length - lineEnd;
    assert.equal(after.slice(0, lineStart), before.slice(0, lineStart), 'text before the line changed');
    assert.equal(after.slice(after.length - suffixLength), before.slice(lineEnd), 'text after the line changed');
    assert.equal(after.slice(lineStart, after.length - suffixLength), `${CLOSED} <!-- plumb-line-disable-line marketing-doing-sales -->`);

    await waitForDiagnostics(document.uri, (ds) => ruleLines(ds).join() === `marketing-doing-sales@${second}`, `only the finding on line ${second} to stay`);
  });

  for (const { where, frontMatter } of [
    { where: 'right after the front matter', frontMatter: '---\ntitle: Quarter in review\n---\n' },
    { where: 'at the top of a file without front matter', frontMatter: '' },
  ]) {
    it(`"Disable … in this file" puts a control comment ${where}, and the rule's findings go away`, async () => {
      const body = `\n# Review\n\n${CLOSED}\n\n${LAUNCH}\n`;
      const { document } = await openScratch(frontMatter + body);
      const diagnostics = await waitForDiagnostics(
        document.uri,
        (ds) => hasRule('marketing-doing-sales')(ds) && hasRule('sales-doing-marketing')(ds),
        'marketing-doing-sales and sales-doing-marketing',
      );
      const diagnostic = diagnostics.find((d) => ruleIdOf(d) === 'marketing-doing-sales')!;

      await apply(await offeredFix(document, diagnostic, 'disable-file'));
      const after = document.getText();
      assert.ok(after.startsWith(frontMatter), 'the front matter changed');
      assert.ok(after.endsWith(body), 'the text after the front matter changed');
      assert.match(after.slice(frontMatter.length, after.length - body.length), /^<!-- plumb-line-disable marketing-doing-sales -->\n+$/);

      // The other rule's finding, on its shifted line, shows the document was linted again.
      const launch = lineOf(document, LAUNCH);
      await waitForDiagnostics(document.uri, (ds) => ruleLines(ds).join() === `sales-doing-marketing@${launch}`, 'only sales-doing-marketing to stay');
    });
  }

  for (const [sentence, fixed] of [
    ['Marketers closed the Acme deal.', 'Salespeople closed the Acme deal.'],
    ['Last week the marketers closed the Acme deal.', 'Last week the salespeople closed the Acme deal.'],
    ['MARKETING closed the Acme deal.', 'SALES closed the Acme deal.'],
  ] as const) {
    it(`the replace fix keeps case and number: "${sentence}" → "${fixed}"`, async () => {
      const draft = (line: string) => `# Review\n\n${line}\n\nWe met on Tuesday.\n`;
      const { document } = await openScratch(draft(sentence));
      const diagnostics = await waitForDiagnostics(document.uri, hasRule('marketing-doing-sales'), 'marketing-doing-sales');
      const diagnostic = diagnostics.find((d) => ruleIdOf(d) === 'marketing-doing-sales')!;

      await apply(await offeredFix(document, diagnostic, 'replace'));
      assert.equal(document.getText(), draft(fixed));
      await waitForDiagnostics(document.uri, (ds) => !hasRule('marketing-doing-sales')(ds), 'marketing-doing-sales to go away');
    });
  }
});
