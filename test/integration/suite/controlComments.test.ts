import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { closeAllEditors, lineOf, openScratch, plumbLine, ruleLines, waitForDiagnostics } from './helpers';

const CLOSED = 'Marketing closed the deal with Acme.';
const LAUNCH = 'Our sales team will launch a TV advertising campaign.';
const SAME = 'Sales and marketing are the same thing.';

/**
 * Waits until every expected finding (`rule@line`) is shown, then checks that nothing else is. A silenced finding has
 * no event of its own, but a document's findings are published together, so once the expected ones are there, the
 * silenced ones would be too.
 */
async function expectFindings(document: vscode.TextDocument, expected: string[]): Promise<void> {
  const diagnostics = await waitForDiagnostics(
    document.uri,
    (ds) => expected.every((finding) => ruleLines(ds).includes(finding)),
    `findings ${expected.join(', ')}`,
  );
  assert.deepEqual(ruleLines(diagnostics), expected);
}

describe('control comments', () => {
  before(plumbLine);
  afterEach(closeAllEditors);

  it('disable-next-line silences the named rule on the next line only', async () => {
    const { document } = await openScratch(
      [
        '# Review',
        '',
        '<!-- plumb-line-disable-next-line marketing-doing-sales -->',
        CLOSED,
        '',
        CLOSED,
        '',
        '<!-- plumb-line-disable-next-line conflation -->',
        CLOSED,
        '',
      ].join('\n'),
    );
    const silenced = lineOf(document, CLOSED);
    const elsewhere = lineOf(document, CLOSED, silenced + 1);
    const otherRuleNamed = lineOf(document, CLOSED, elsewhere + 1);
    await expectFindings(document, [`marketing-doing-sales@${elsewhere}`, `marketing-doing-sales@${otherRuleNamed}`]);
  });

  it('disable … enable silences every rule in between', async () => {
    const { document } = await openScratch(
      ['# Review', '', CLOSED, '', '<!-- plumb-line-disable -->', '', CLOSED, '', LAUNCH, '', SAME, '', '<!-- plumb-line-enable -->', '', LAUNCH, ''].join(
        '\n',
      ),
    );
    const before = lineOf(document, CLOSED);
    const after = lineOf(document, LAUNCH, lineOf(document, 'plumb-line-enable'));
    await expectFindings(document, [`marketing-doing-sales@${before}`, `sales-doing-marketing@${after}`]);
  });

  it('disable-line at the end of a line silences the named rule on that line', async () => {
    const { document } = await openScratch(
      [
        '# Review',
        '',
        `${SAME} <!-- plumb-line-disable-line conflation -->`,
        '',
        `${SAME} <!-- plumb-line-disable-line marketing-doing-sales -->`,
        '',
        SAME,
        '',
      ].join('\n'),
    );
    const otherRuleNamed = lineOf(document, SAME, lineOf(document, SAME) + 1);
    const plain = lineOf(document, SAME, otherRuleNamed + 1);
    await expectFindings(document, [`conflation@${otherRuleNamed}`, `conflation@${plain}`]);
  });

  it('a control comment inside a fenced code block does nothing', async () => {
    const { document } = await openScratch(
      [
        '# Review',
        '',
        '<!-- plumb-line-disable -->',
        '',
        CLOSED,
        '',
        '```markdown',
        '<!-- plumb-line-enable -->',
        '```',
        '',
        SAME,
        '',
        '<!-- plumb-line-enable -->',
        '',
        '```html',
        '<!-- plumb-line-disable -->',
        '```',
        '',
        CLOSED,
        '',
      ].join('\n'),
    );
    const afterFence = lineOf(document, CLOSED, lineOf(document, '```html'));
    await expectFindings(document, [`marketing-doing-sales@${afterFence}`]);
  });
});
