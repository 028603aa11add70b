// The examples on each rule page (docs/rules/<rule>.md) are the rule's tests: on every ```markdown fires span="…" block a
// finding of the rule covers exactly those words (and its replace fix gives fixed="…"), and on every ```markdown quiet
// block the rule stays quiet.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { lintMarkdown, RULE_IDS, RULES, type RuleId } from '../../src/core';
import { parseMarkdown } from '../../src/core/markdown';
import { loadCatalogue } from '../../src/corpusFolder';

// The bundle runs from out/test/unit/.
const root = resolve(__dirname, '../../..');
const rulesDir = join(root, 'docs', 'rules');

type Expectation = 'fires' | 'quiet';

interface Example {
  expect: Expectation;
  text: string;
  /** For a firing example: the words a finding of the rule must cover exactly, and the text its replace fix must give. */
  span?: string | undefined;
  fixed?: string | undefined;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
}

/** The ```markdown fires / ```markdown quiet blocks of a page; a ```markdown block with no label is an illustration. */
function examplesIn(file: string): { examples: Example[]; badLabels: string[] } {
  const examples: Example[] = [];
  const badLabels: string[] = [];
  visit(parseMarkdown(readFileSync(file, 'utf8')), 'code', (node: Code) => {
    if (node.lang !== 'markdown' || !node.meta) return;
    const meta = node.meta.trim();
    const line = node.position?.start.line ?? 0;
    // ```markdown fires span="…" fixed="…"  or  ```markdown quiet
    const match = /^(fires|quiet)((?:\s+(?:span|fixed)="[^"]*")*)$/.exec(meta);
    if (!match) {
      badLabels.push(`line ${line}: "${meta}"`);
      return;
    }
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(match[2] ?? '')?.[1];
    examples.push({ expect: match[1] as Expectation, text: node.value, line, span: attribute('span'), fixed: attribute('fixed') });
  });
  return { examples, badLabels };
}

const pages = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => ({ ruleId: name.slice(0, -'.md'.length) as RuleId, file: join(rulesDir, name) }))
  .map((page) => ({ ...page, ...examplesIn(page.file) }));

describe('rule documentation', () => {
  const catalogue = loadCatalogue(join(root, 'corpus'));

  describe('pages', () => {
    for (const id of RULE_IDS) {
      it(`${id} has a page with at least 3 firing and 3 quiet examples`, () => {
        assert.ok(existsSync(join(root, RULES[id].docs)), `RULES['${id}'].docs points to ${RULES[id].docs}, which does not exist`);
        const page = pages.find((candidate) => candidate.ruleId === id);
        assert.ok(page, `no page docs/rules/${id}.md`);
        assert.equal(join(root, RULES[id].docs), page.file);
        const count = (expect: Expectation) => page.examples.filter((example) => example.expect === expect).length;
        assert.ok(count('fires') >= 3, `${id}: ${count('fires')} firing examples, want at least 3`);
        assert.ok(count('quiet') >= 3, `${id}: ${count('quiet')} quiet examples, want at least 3`);
      });
    }

    it('every page is named after a rule', () => {
      for (const page of pages) assert.ok(RULE_IDS.includes(page.ruleId), `docs/rules/${page.ruleId}.md names no rule (known: ${RULE_IDS.join(', ')})`);
    });

    // A misspelt label would silently drop an example from the tests.
    it('every labelled markdown example says "fires" or "quiet"', () => {
      for (const page of pages) assert.deepEqual(page.badLabels, [], `docs/rules/${page.ruleId}.md has examples with unknown labels`);
    });

    it('the index lists every rule with its default severity', () => {
      const index = readFileSync(join(rulesDir, 'README.md'), 'utf8');
      for (const id of RULE_IDS) {
        const row = index.split('\n').find((line) => line.startsWith('|') && line.includes(`(${id}.md)`));
        assert.ok(row, `docs/rules/README.md has no table row linking to ${id}.md`);
        const severity = `\`${RULES[id].defaultSeverity}\``;
        assert.ok(row.includes(severity), `docs/rules/README.md: the ${id} row should give the default severity ${severity}`);
      }
    });
  });

  for (const page of pages.filter((candidate) => RULE_IDS.includes(candidate.ruleId))) {
    describe(`${page.ruleId} examples`, () => {
      for (const example of page.examples) {
        const firstLine = example.text.split('\n').find((line) => line.trim() !== '') ?? '';
        it(`${page.ruleId} ${example.expect === 'fires' ? 'fires on' : 'stays quiet on'}: ${firstLine}`, () => {
          const hits = lintMarkdown(example.text, catalogue).filter((finding) => finding.ruleId === page.ruleId);
          const where = `docs/rules/${page.ruleId}.md:${example.line}`;
          if (example.expect === 'quiet') {
            assert.deepEqual(
              hits.map((hit) => hit.message),
              [],
              `${where}: expected ${page.ruleId} to stay quiet on\n${example.text}`,
            );
            return;
          }
          assert.ok(hits.length > 0, `${where}: expected ${page.ruleId} to fire on\n${example.text}`);
          assert.ok(example.span, `${where}: a firing example names the words its finding covers, as span="…"`);
          const covered = hits.map((hit) => example.text.slice(hit.span.start.offset, hit.span.end.offset));
          const hit = hits[covered.indexOf(example.span)];
          assert.ok(hit, `${where}: no ${page.ruleId} finding covers exactly "${example.span}" (covered: ${covered.map((words) => `"${words}"`).join(', ')})`);
          const fix = hit.fixes.find((candidate) => candidate.kind === 'replace');
          if (example.fixed === undefined) assert.equal(fix, undefined, `${where}: the finding has a replace fix; name its result as fixed="…"`);
          else {
            assert.ok(fix, `${where}: expected a replace fix giving "${example.fixed}"`);
            const edited = [...fix.edits]
              .sort((a, b) => b.span.start.offset - a.span.start.offset)
              .reduce((text, edit) => text.slice(0, edit.span.start.offset) + edit.newText + text.slice(edit.span.end.offset), example.text);
            assert.equal(edited.trim(), example.fixed);
          }
        });
      }
    });
  }
});
