// Exact places in everyday Markdown (issue 7, items 1, 2 and 4): for every finding the source text under its span holds
// the doer and the activity its reading names, the point's line and character agree with its offset, and the replace
// fix rewrites only the function word, whatever the block, the line endings, a BOM, entities, escapes or emoji.
import * as assert from 'node:assert/strict';
import { lintMarkdown, type Catalogue, type Point } from '../../src/core';
import { applyEdits, realCatalogue } from './shared';

const CLAIM = 'Marketing closed the deal.';
const SHAPES: Record<string, string> = {
  paragraphs: `We met Acme.\n\n${CLAIM}\n`,
  'a multi-line block quote': `> We met Acme.\n> ${CLAIM}\n`,
  'a nested list with a continuation line': `- Notes\n  - First item\n    continues here. ${CLAIM}\n`,
  'a table row': `| Step | Owner |\n| --- | --- |\n| Closing the deal | Marketing |\n`,
  'entities and escapes': `R&amp;D is done, \\*twice\\*. ${CLAIM}\n`,
  'CRLF line endings': `We met Acme.\r\n\r\n${CLAIM}\r\n`,
  'a BOM': `\ufeffWe met Acme.\n\n${CLAIM}\n`,
  'lone CR line endings': `We met Acme.\r\r${CLAIM}\r`,
  'emoji and other astral characters': `🚀 We met Acme 𝒜. ${CLAIM}\n`,
  'a hard-wrapped paragraph': `We met Acme last week and,\nafter two calls, ${CLAIM}\n`,
};

/** Line and character of an offset, with "\n", "\r\n" and a lone "\r" as line endings (as VS Code counts). */
function pointOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

const at = (point: Point) => ({ line: point.line, character: point.character });

describe('exact places across Markdown shapes', () => {
  let catalogue: Catalogue;
  before(() => {
    catalogue = realCatalogue();
  });

  for (const [shape, text] of Object.entries(SHAPES)) {
    it(`${shape}: the span holds the doer and the activity, and the fix touches only the function word`, () => {
      const findings = lintMarkdown(text, catalogue).filter((finding) => finding.ruleId === 'marketing-doing-sales');
      assert.equal(findings.length, 1, `one finding on ${JSON.stringify(text)}`);
      const finding = findings[0]!;
      const under = text.slice(finding.span.start.offset, finding.span.end.offset);
      assert.match(under, /\bMarketing\b/, 'the span holds the doer');
      assert.match(under, /(closed the deal|Closing the deal)/, 'the span holds the activity');
      assert.deepEqual(at(finding.span.start), pointOf(text, finding.span.start.offset));
      assert.deepEqual(at(finding.span.end), pointOf(text, finding.span.end.offset));
      const fix = finding.fixes.find((candidate) => candidate.kind === 'replace');
      assert.ok(fix);
      assert.deepEqual(
        fix.edits.map((edit) => text.slice(edit.span.start.offset, edit.span.end.offset)),
        ['Marketing'],
      );
      assert.equal(applyEdits(text, fix.edits), text.replace('| Marketing |', '| Sales |').replace(`${CLAIM}`, CLAIM.replace('Marketing', 'Sales')));
    });
  }

  it('a control comment silences its own line after a BOM and with lone CR line endings', () => {
    for (const text of [`\ufeff${CLAIM} <!-- plumb-line-disable-line -->\n`, `We met Acme.\r<!-- plumb-line-disable-next-line -->\r${CLAIM}\r`]) {
      assert.deepEqual(
        lintMarkdown(text, catalogue).map((finding) => finding.ruleId),
        [],
        JSON.stringify(text),
      );
    }
  });

  it('"ignore on this line" lands at the end of the finding\'s own line with lone CR line endings', () => {
    const text = `We met Acme.\r${CLAIM}\rMore text.\r`;
    const [finding] = lintMarkdown(text, catalogue);
    const ignore = finding!.fixes.find((candidate) => candidate.kind === 'ignore-line')!;
    assert.equal(applyEdits(text, ignore.edits), `We met Acme.\r${CLAIM} <!-- plumb-line-disable-line marketing-doing-sales -->\rMore text.\r`);
  });
});
