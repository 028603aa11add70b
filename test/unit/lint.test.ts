import * as assert from 'node:assert/strict';
import { defaultOptions, lintMarkdown, resolveOptions, type Catalogue, type Finding, type Fix, type LintOptions } from '../../src/core';
import { parseMarkdown } from '../../src/core/markdown';
import { applyEdits, lineAndCharacter, realCatalogue, textAt } from './shared';

const MARKETING_CLOSES = 'Marketing closed the deal.';
const SALES_ADVERTISES = 'Our sales team will launch a TV advertising campaign.';

function withOptions(raw: unknown): LintOptions {
  const { options, problems } = resolveOptions(raw);
  assert.deepEqual(problems, []);
  return options;
}

function fixOf(finding: Finding | undefined, kind: Fix['kind']): Fix {
  assert.ok(finding, `no finding to take a ${kind} fix from`);
  const fix = finding.fixes.find((candidate) => candidate.kind === kind);
  assert.ok(fix, `${finding.ruleId} has no ${kind} fix`);
  return fix;
}

describe('lintMarkdown', () => {
  let catalogue: Catalogue;
  const lint = (text: string, options?: LintOptions) => lintMarkdown(text, catalogue, options);
  const flagged = (text: string, options?: LintOptions) => lint(text, options).map((finding) => [finding.ruleId, textAt(text, finding.span)]);
  before(() => {
    catalogue = realCatalogue();
  });

  describe('findings', () => {
    const text = [MARKETING_CLOSES, '', SALES_ADVERTISES, '', 'Marketing is just sales.', ''].join('\n');

    it('come sorted by position, each span covering the flagged claim (doer to activity)', () => {
      assert.deepEqual(flagged(text), [
        ['marketing-doing-sales', 'Marketing closed the deal'],
        ['sales-doing-marketing', 'sales team will launch a TV advertising campaign'],
        ['conflation', 'Marketing is just sales'],
      ]);
      const offsets = lint(text).map((finding) => finding.span.start.offset);
      assert.deepEqual(
        offsets,
        [...offsets].sort((a, b) => a - b),
      );
    });

    it('use 0-based lines and characters that agree with the offsets', () => {
      const findings = lint(text);
      assert.deepEqual(
        findings.map((finding) => finding.span.start.line),
        [0, 2, 4],
      );
      for (const finding of findings) {
        for (const point of [finding.span.start, finding.span.end]) {
          assert.deepEqual({ line: point.line, character: point.character }, lineAndCharacter(text, point.offset));
        }
      }
    });

    it('carry their exact message, the concept and corpus evidence, and fixes whose replace edits stay inside the span', () => {
      assert.deepEqual(
        lint(text).map((finding) => finding.message),
        [
          '“Marketing” is credited with closing the sale, which is sales work. Write “Sales”, or say how marketing supports sales.',
          '“sales team” is credited with advertising and PR, which is marketing work. Write “marketing”, or say how sales supports marketing.',
          'Sales and marketing are used as synonyms, but they are separate functions (marketing: one-to-many; sales: one-to-one). Name the one you mean.',
        ],
      );
      for (const finding of lint(text)) {
        assert.equal(finding.severity, 'warning');
        for (const passage of finding.evidence) assert.equal(catalogue.corpus.passageById.get(passage.id), passage);
        for (const edit of finding.fixes.filter((fix) => fix.kind === 'replace').flatMap((fix) => fix.edits)) {
          assert.ok(finding.span.start.offset <= edit.span.start.offset && edit.span.end.offset <= finding.span.end.offset);
        }
      }
      assert.deepEqual(
        lint(text).map((finding) => [finding.conceptId, finding.evidence.map((passage) => passage.id)]),
        [
          ['closing', ['linkedin-survey#p7', 'understanding-the-difference#p11']],
          ['advertising-pr', ['not-the-same-thing#p10', 'not-the-same-thing#p4']],
          [undefined, ['seven-differences#p17', 'seven-differences#p24']],
        ],
      );
    });

    it('are empty for empty or blank text', () => {
      assert.deepEqual(lint(''), []);
      assert.deepEqual(lint('\n\n   \n'), []);
    });
  });

  describe('the inconsistency rule', () => {
    it('flags both places and points each at the other', () => {
      const text = 'Marketing will negotiate the discount.\n\nLater, sales will negotiate the discount.\n';
      const findings = lint(text).filter((finding) => finding.ruleId === 'inconsistency');
      assert.deepEqual(
        findings.map((finding) => textAt(text, finding.span)),
        ['Marketing will negotiate the discount', 'sales will negotiate the discount'],
      );
      const [first, second] = findings;
      assert.ok(first && second);
      assert.deepEqual(
        first.related.map((place) => place.span),
        [second.span],
      );
      assert.deepEqual(
        second.related.map((place) => place.span),
        [first.span],
      );
      assert.match(first.message, /line 3/);
      assert.match(second.message, /line 1/);
      assert.equal(first.severity, 'information');
    });

    it('stays quiet when one function does the activity throughout', () => {
      const text = 'Sales will negotiate the discount.\n\nLater, sales will negotiate the discount again.\n';
      assert.deepEqual(
        lint(text).filter((finding) => finding.ruleId === 'inconsistency'),
        [],
      );
    });
  });

  describe('inline control comments', () => {
    it('disable-next-line silences the named rule on the next line only', () => {
      const text = `<!-- plumb-line-disable-next-line marketing-doing-sales -->\n${MARKETING_CLOSES}\n\n${MARKETING_CLOSES}\n`;
      assert.deepEqual(
        lint(text).map((finding) => [finding.ruleId, finding.span.start.line]),
        [['marketing-doing-sales', 3]],
      );
    });

    it('disable-next-line reaches over a blank line to the paragraph below', () => {
      assert.deepEqual(lint(`<!-- plumb-line-disable-next-line marketing-doing-sales -->\n\n${MARKETING_CLOSES}\n`), []);
    });

    it('disable-next-line naming another rule leaves this one on', () => {
      const text = `<!-- plumb-line-disable-next-line sales-doing-marketing -->\n${MARKETING_CLOSES}\n`;
      assert.deepEqual(flagged(text), [['marketing-doing-sales', 'Marketing closed the deal']]);
    });

    it('disable-line without names silences every rule on its own line only', () => {
      const text = `Marketing closed the deal and sales launched the ad campaign. <!-- plumb-line-disable-line -->\n\n${MARKETING_CLOSES}\n`;
      assert.deepEqual(
        lint(text).map((finding) => [finding.ruleId, finding.span.start.line]),
        [['marketing-doing-sales', 2]],
      );
    });

    it('disable-line with names silences just those rules', () => {
      const text = 'Marketing closed the deal and sales launched the ad campaign. <!-- plumb-line-disable-line marketing-doing-sales -->\n';
      assert.deepEqual(flagged(text), [['sales-doing-marketing', 'sales launched the ad campaign']]);
    });

    it('disable … enable with a rule name covers that rule between the comments', () => {
      const text = [
        '<!-- plumb-line-disable marketing-doing-sales -->',
        '',
        MARKETING_CLOSES,
        '',
        SALES_ADVERTISES,
        '',
        '<!-- plumb-line-enable marketing-doing-sales -->',
        '',
        MARKETING_CLOSES,
        '',
      ].join('\n');
      assert.deepEqual(
        lint(text).map((finding) => [finding.ruleId, finding.span.start.line]),
        [
          ['sales-doing-marketing', 4],
          ['marketing-doing-sales', 8],
        ],
      );
    });

    it('disable … enable without names covers every rule between the comments', () => {
      const text = ['<!-- plumb-line-disable -->', '', MARKETING_CLOSES, '', SALES_ADVERTISES, '', '<!-- plumb-line-enable -->', '', MARKETING_CLOSES, ''].join(
        '\n',
      );
      assert.deepEqual(
        lint(text).map((finding) => [finding.ruleId, finding.span.start.line]),
        [['marketing-doing-sales', 8]],
      );
    });

    it('a disable without enable runs to the end of the file', () => {
      const text = `${MARKETING_CLOSES}\n\n<!-- plumb-line-disable -->\n\n${MARKETING_CLOSES}\n\n${SALES_ADVERTISES}\n`;
      assert.deepEqual(
        lint(text).map((finding) => finding.span.start.line),
        [0],
      );
    });

    it('does not count a comment inside a fenced or indented code block, or inline code', () => {
      for (const text of [
        `\`\`\`\n<!-- plumb-line-disable -->\n\`\`\`\n\n${MARKETING_CLOSES}\n`,
        `\`\`\`html\n<!-- plumb-line-disable-next-line -->\n\`\`\`\n${MARKETING_CLOSES}\n`,
        `    <!-- plumb-line-disable -->\n\n${MARKETING_CLOSES}\n`,
        `See \`<!-- plumb-line-disable-line -->\`. ${MARKETING_CLOSES}\n`,
      ]) {
        assert.deepEqual(flagged(text), [['marketing-doing-sales', 'Marketing closed the deal']], JSON.stringify(text));
      }
    });
  });

  describe('options', () => {
    it('a rule set "off" (or false) is silent and the others keep going', () => {
      const text = `${MARKETING_CLOSES}\n\n${SALES_ADVERTISES}\n`;
      assert.equal(lint(text).length, 2);
      for (const value of ['off', false]) {
        assert.deepEqual(flagged(text, withOptions({ rules: { 'marketing-doing-sales': value } })), [
          ['sales-doing-marketing', 'sales team will launch a TV advertising campaign'],
        ]);
      }
    });

    it('applies the configured severity to that rule only', () => {
      const text = `${MARKETING_CLOSES}\n\n${SALES_ADVERTISES}\n`;
      const findings = lint(text, withOptions({ rules: { 'marketing-doing-sales': 'error', 'sales-doing-marketing': 'hint' } }));
      assert.deepEqual(
        findings.map((finding) => [finding.ruleId, finding.severity]),
        [
          ['marketing-doing-sales', 'error'],
          ['sales-doing-marketing', 'hint'],
        ],
      );
    });

    it('extraPhrases teach the linter a team activity on either side', () => {
      assert.deepEqual(lint('Sales will run the webinar.'), []);
      assert.deepEqual(flagged('Sales will run the webinar.', withOptions({ extraPhrases: { marketing: ['run the webinar'] } })), [
        ['sales-doing-marketing', 'Sales will run the webinar'],
      ]);
      assert.deepEqual(lint('Marketing will walk the floor.'), []);
      assert.deepEqual(flagged('Marketing will walk the floor.', withOptions({ extraPhrases: { sales: ['walk the floor'] } })), [
        ['marketing-doing-sales', 'Marketing will walk the floor'],
      ]);
      assert.deepEqual(lint('Marketing will run the webinar.', withOptions({ extraPhrases: { marketing: ['run the webinar'] } })), []);
    });
  });

  describe('resolveOptions', () => {
    it('gives the documented defaults when nothing is set', () => {
      const { options, problems } = resolveOptions(undefined);
      assert.deepEqual(problems, []);
      assert.deepEqual(options, defaultOptions());
      assert.deepEqual(Object.fromEntries(Object.entries(options.rules).map(([id, setting]) => [id, setting.enabled && setting.severity])), {
        conflation: 'warning',
        'sales-doing-marketing': 'warning',
        'marketing-doing-sales': 'warning',
        inconsistency: 'information',
      });
      assert.deepEqual(options.extraPhrases, { marketing: [], sales: [] });
    });

    it('reports each invalid value and falls back to the defaults', () => {
      const { options, problems } = resolveOptions({
        rules: { 'no-such-rule': 'off', conflation: 'loud', inconsistency: 3 },
        extraPhrases: { marketing: 'run the webinar', sales: [42, '', 'book the demo'], finance: [] },
      });
      const expected = [
        /no-such-rule/,
        /conflation.*"loud"/,
        /inconsistency.*3/,
        /extraPhrases\.marketing.*list/,
        /extraPhrases\.sales.*42/,
        /extraPhrases\.sales.*""/,
        /finance/,
      ];
      assert.equal(problems.length, expected.length, problems.join('\n'));
      for (const pattern of expected)
        assert.ok(
          problems.some((problem) => pattern.test(problem)),
          `no problem matches ${pattern}`,
        );
      assert.deepEqual(options.rules, defaultOptions().rules);
      assert.deepEqual(options.extraPhrases, { marketing: [], sales: ['book the demo'] });
    });

    it('rejects settings of the wrong shape as a whole', () => {
      for (const raw of ['strict', 7, ['conflation'], { rules: ['conflation'] }, { extraPhrases: ['run the webinar'] }]) {
        const { options, problems } = resolveOptions(raw);
        assert.equal(problems.length, 1, JSON.stringify(raw));
        assert.deepEqual(options, defaultOptions());
      }
    });

    it('reads the per-rule and per-side keys of the Settings UI beside the object forms, the per-rule key winning', () => {
      const { options, problems } = resolveOptions({
        rules: { conflation: 'off', inconsistency: 'hint' },
        'rules.conflation': 'error',
        'rules.marketing-doing-sales': 'off',
        'rules.no-such-rule': 'off',
        extraPhrases: { marketing: ['run the webinar'], sales: ['book the demo'] },
        'extraPhrases.marketing': ['Host The Meetup', 'run the webinar'],
        'extraPhrases.sales': 'book the demo',
        'extraPhrases.finance': ['close the books'],
      });
      assert.deepEqual(problems, [
        'Unknown rule "no-such-rule" in "rules" (known: conflation, sales-doing-marketing, marketing-doing-sales, inconsistency); ignored.',
        '"extraPhrases.sales" must be a list of phrases; ignored.',
        '"extraPhrases" has the unknown side "finance" (use "marketing" or "sales"); ignored.',
      ]);
      assert.deepEqual(options.rules, {
        conflation: { enabled: true, severity: 'error' },
        'sales-doing-marketing': { enabled: true, severity: 'warning' },
        'marketing-doing-sales': { enabled: false, severity: 'warning' },
        inconsistency: { enabled: true, severity: 'hint' },
      });
      assert.deepEqual(options.extraPhrases, { marketing: ['run the webinar', 'host the meetup'], sales: ['book the demo'] });
      assert.deepEqual(flagged('Sales will host the meetup.', options), [['sales-doing-marketing', 'Sales will host the meetup']]);
    });

    it('normalises team phrases to trimmed lower case', () => {
      const options = withOptions({ extraPhrases: { marketing: ['  Run The Webinar '] } });
      assert.deepEqual(options.extraPhrases.marketing, ['run the webinar']);
      assert.deepEqual(flagged('Sales will run the webinar.', options), [['sales-doing-marketing', 'Sales will run the webinar']]);
    });
  });

  describe('fixes', () => {
    function assertOnlySpanChanged(before: string, after: string, finding: Finding): void {
      const tail = before.length - finding.span.end.offset;
      assert.equal(after.slice(0, finding.span.start.offset), before.slice(0, finding.span.start.offset));
      assert.equal(after.slice(after.length - tail), before.slice(finding.span.end.offset));
    }

    it('the replace fix names the other function and changes nothing outside the span', () => {
      const text = `Intro line.\n\n${SALES_ADVERTISES}\n\nOutro line.\n`;
      const [finding] = lint(text);
      assert.ok(finding);
      const fixed = applyEdits(text, fixOf(finding, 'replace').edits);
      assert.equal(fixed, 'Intro line.\n\nOur marketing team will launch a TV advertising campaign.\n\nOutro line.\n');
      assertOnlySpanChanged(text, fixed, finding);
      assert.deepEqual(lint(fixed), []);
    });

    it('the replace fix keeps case and number', () => {
      const cases: [string, string][] = [
        ['Marketers closed the deal.', 'Salespeople closed the deal.'],
        ['MARKETING closed the deal.', 'SALES closed the deal.'],
        ['The salesperson ran the ad campaign.', 'The marketer ran the ad campaign.'],
      ];
      for (const [text, expected] of cases) {
        const [finding] = lint(text);
        assert.ok(finding, text);
        const fixed = applyEdits(text, fixOf(finding, 'replace').edits);
        assert.equal(fixed, expected);
        assertOnlySpanChanged(text, fixed, finding);
      }
    });

    it('the ignore-line fix, once applied, silences that rule on that line and nothing else', () => {
      const text = `Marketing closed the deal and sales launched the ad campaign.\n\n${MARKETING_CLOSES}\n`;
      const first = lint(text)[0];
      assert.equal(first?.ruleId, 'marketing-doing-sales');
      const fixed = applyEdits(text, fixOf(first, 'ignore-line').edits);
      assert.equal(
        fixed.split('\n')[0],
        'Marketing closed the deal and sales launched the ad campaign. <!-- plumb-line-disable-line marketing-doing-sales -->',
      );
      assert.deepEqual(
        lint(fixed).map((finding) => [finding.ruleId, finding.span.start.line]),
        [
          ['sales-doing-marketing', 0],
          ['marketing-doing-sales', 2],
        ],
      );
    });

    it('the ignore-line fix works in lists, quotes, headings, tables and CRLF files', () => {
      for (const text of [
        `- ${MARKETING_CLOSES}\n- Other.\n`,
        `> ${MARKETING_CLOSES}\n`,
        '# Marketing closed the deal\n',
        `| a | b |\n|---|---|\n| ${MARKETING_CLOSES} | x |\n`,
        `${MARKETING_CLOSES}\r\n\r\nMore text.\r\n`,
        'Yesterday, after lunch, our\nMarketing team closed the deal.\n',
      ]) {
        const [finding] = lint(text);
        assert.equal(finding?.ruleId, 'marketing-doing-sales', JSON.stringify(text));
        assert.deepEqual(lint(applyEdits(text, fixOf(finding, 'ignore-line').edits)), [], JSON.stringify(text));
      }
    });

    it('the ignore-line fix keeps a hard line break at the end of the line', () => {
      const text = `${MARKETING_CLOSES}  \nNext line.\n`;
      const fixed = applyEdits(text, fixOf(lint(text)[0], 'ignore-line').edits);
      const hasBreak = (markdown: string) => JSON.stringify(parseMarkdown(markdown)).includes('"type":"break"');
      assert.ok(hasBreak(text));
      assert.ok(hasBreak(fixed), JSON.stringify(fixed));
    });

    it('the disable-file fix lands after the front matter and silences the rule in the whole file', () => {
      const text = `---\ntitle: Draft\n---\n\n${MARKETING_CLOSES}\n\n${SALES_ADVERTISES}\n\n${MARKETING_CLOSES}\n`;
      const fixed = applyEdits(text, fixOf(lint(text)[0], 'disable-file').edits);
      assert.ok(fixed.startsWith('---\ntitle: Draft\n---\n<!-- plumb-line-disable marketing-doing-sales -->\n'), JSON.stringify(fixed));
      assert.equal(parseMarkdown(fixed).children[0]?.type, 'yaml');
      assert.deepEqual(flagged(fixed), [['sales-doing-marketing', 'sales team will launch a TV advertising campaign']]);
    });

    it('the disable-file fix goes to the top of a file without front matter', () => {
      const text = `${MARKETING_CLOSES}\n`;
      const fixed = applyEdits(text, fixOf(lint(text)[0], 'disable-file').edits);
      assert.ok(fixed.startsWith('<!-- plumb-line-disable marketing-doing-sales -->\n'));
      assert.ok(fixed.endsWith(text));
      assert.deepEqual(lint(fixed), []);
    });
  });

  describe('robustness', () => {
    it('lints a 200 KB single-line paragraph of repeated sentences, finding each one', function () {
      this.timeout(60_000);
      const repeats = Math.ceil((200 * 1024) / (MARKETING_CLOSES.length + 1));
      const text = `${MARKETING_CLOSES} `.repeat(repeats);
      const findings = lint(text);
      assert.equal(findings.length, repeats);
      assert.ok(findings.every((finding) => finding.span.start.line === 0 && textAt(text, finding.span) === 'Marketing closed the deal'));
    });

    it('lints a 200 KB single-line paragraph with no sentence break, finding the one claim at its end', function () {
      this.timeout(120_000);
      const filler = 'marketing sales '.repeat((200 * 1024) / 16);
      const text = `${filler}marketing closed the deal`;
      assert.deepEqual(
        lint(text).map((finding) => [finding.ruleId, finding.span.start.offset, finding.span.end.offset]),
        [['marketing-doing-sales', filler.length, text.length]],
      );
    });

    it('lints deeply nested lists and blockquotes and still finds the claim inside', () => {
      const deep = `${'> '.repeat(200)}${'- '.repeat(100)}${MARKETING_CLOSES}\n`;
      assert.deepEqual(flagged(deep), [['marketing-doing-sales', 'Marketing closed the deal']]);
      const indented = `${Array.from({ length: 60 }, (_, level) => `${'  '.repeat(level)}- > level ${level}`).join('\n')}\n\n${MARKETING_CLOSES}\n`;
      assert.deepEqual(flagged(indented), [['marketing-doing-sales', 'Marketing closed the deal']]);
    });
  });
});
