// No input of any size or depth crashes the engine, and no finding's work grows with the document (issue 7, items 5, 7).
// These assert results, not times: speed is measured by npm run bench.
import * as assert from 'node:assert/strict';
import { lintMarkdown, type Catalogue } from '../../src/core';
import { realCatalogue } from './shared';

const CLAIM = 'Marketing closed the deal and we met Acme. ';

describe('large and deep documents', function () {
  this.timeout(60_000);
  let catalogue: Catalogue;
  before(() => {
    catalogue = realCatalogue();
  });
  const count = (text: string) => lintMarkdown(text, catalogue).filter((finding) => finding.ruleId === 'marketing-doing-sales').length;

  it('a 512 KB paragraph on one line is read in full', () => {
    assert.equal(count(CLAIM.repeat(12_000)), 12_000);
  });

  it('a list of 10,000 items is read in full', () => {
    assert.equal(count('- Marketing closed the deal with Acme, and we met their buyer twice before that.\n'.repeat(10_000)), 10_000);
  });

  it('3,500 levels of block quote are read', () => {
    assert.equal(count(`${'>'.repeat(3_500)} Marketing closed the deal.\n`), 1);
  });

  it('a quote followed by 20,000 lazy lines, and 4,000 quotes of growing depth, are read in full', () => {
    assert.equal(count(`> Notes from the call.\n${'Marketing closed the deal.\n'.repeat(20_000)}`), 20_000);
    assert.equal(count(Array.from({ length: 4_000 }, (_, at) => `${'> '.repeat(at % 30)}Marketing closed the deal.\n\n`).join('')), 4_000);
  });

  it('text between an inline start tag and its end tag is dropped, among thousands of unclosed tags', () => {
    const text = `<span>Marketing closed the deal.</span> ${'<b> Marketing closed the deal. '.repeat(3_000)}<i>Marketing closed the deal.</i>\n`;
    const findings = lintMarkdown(text, catalogue).filter((finding) => finding.ruleId === 'marketing-doing-sales');
    assert.equal(findings.length, 3_000);
    assert.equal(text.slice(findings[0]!.span.start.offset, findings[0]!.span.end.offset), 'Marketing closed the deal');
    assert.equal(findings[0]!.span.start.offset, '<span>Marketing closed the deal.</span> <b> '.length);
  });

  it('an inconsistency names at most three other places and says how many more there are', () => {
    const text = Array.from({ length: 400 }, (_, at) => (at % 2 ? 'Sales closes the deal.' : 'Marketing closes the deal.')).join('\n\n');
    const findings = lintMarkdown(text, catalogue).filter((finding) => finding.ruleId === 'inconsistency');
    assert.equal(findings.length, 400);
    assert.ok(
      findings.every((finding) => finding.related.length === 3),
      'three related places each',
    );
    assert.match(findings[0]!.message, /^Closing the sale is credited to marketing here but to sales on line 3, 7, 11 and 197 more\./);
  });
});

describe('failure containment', () => {
  it('a rule that throws is reported in one line, and every other rule still reports', async () => {
    const { RULES } = await import('../../src/core');
    const rule = RULES.conflation.rule;
    const original = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const problems: string[] = [];
      const text = 'Marketing closed the deal. Marketing is just sales.\n';
      const found = lintMarkdown(text, realCatalogue(), undefined, (problem) => problems.push(problem));
      assert.deepEqual(
        found.map((finding) => finding.ruleId),
        ['marketing-doing-sales'],
      );
      assert.deepEqual(problems, ["the conflation rule failed (boom); its findings are missing, the other rules' are shown"]);
    } finally {
      rule.check = original;
    }
  });

  it('keeps the activity indexes of only the last two sets of team phrases', async () => {
    const { keptIndexes } = await import('../../src/core/lint');
    const { resolveOptions } = await import('../../src/core');
    const catalogue = realCatalogue();
    for (let at = 0; at < 20; at += 1) {
      lintMarkdown('Sales runs the webinar.', catalogue, resolveOptions({ extraPhrases: { marketing: [`run webinar ${at}`], sales: [] } }).options);
    }
    assert.equal(keptIndexes(catalogue), 2);
  });
});

describe('control comments, checked in one pass', () => {
  it('disable … enable covers the lines from the disable comment to the line before enable, for the rule named', () => {
    const text = [
      'Marketing closed the deal.',
      '<!-- plumb-line-disable marketing-doing-sales -->',
      'Marketing closed the deal.',
      'Marketing closed the deal.',
      '<!-- plumb-line-enable marketing-doing-sales -->',
      'Marketing closed the deal.',
      '',
    ].join('\n\n');
    const lines = lintMarkdown(text, realCatalogue())
      .filter((finding) => finding.ruleId === 'marketing-doing-sales')
      .map((finding) => finding.span.start.line);
    assert.deepEqual(lines, [0, 10]);
  });

  it('thousands of disable-line comments each silence only their own line', () => {
    const line = (at: number) => (at % 2 ? 'Marketing closed the deal.' : 'Marketing closed the deal. <!-- plumb-line-disable-line -->');
    const text = Array.from({ length: 2_000 }, (_, at) => line(at)).join('\n\n');
    const findings = lintMarkdown(text, realCatalogue());
    assert.equal(findings.length, 1_000);
    assert.ok(findings.every((finding) => finding.span.start.line % 4 === 2));
  });
});

describe('editor settings', () => {
  it('an enable that is not a boolean, or a debounce that is not a non-negative number, is reported and replaced', async () => {
    const { resolveEditorSettings } = await import('../../src/core');
    assert.deepEqual(resolveEditorSettings({ enable: 'yes', debounceMs: -5 }), {
      enabled: true,
      debounceMs: 300,
      maxFileBytes: 2048 * 1024,
      problems: ['"enable" must be true or false, not "yes"; using true.', '"debounceMs" must be a number of milliseconds, 0 or more, not -5; using 300.'],
    });
    assert.deepEqual(resolveEditorSettings({ enable: false, debounceMs: '200' }).problems, [
      '"debounceMs" must be a number of milliseconds, 0 or more, not "200"; using 300.',
    ]);
    assert.deepEqual(resolveEditorSettings({ enable: false, debounceMs: 0 }), { enabled: false, debounceMs: 0, maxFileBytes: 2048 * 1024, problems: [] });
    assert.deepEqual(resolveEditorSettings({ maxFileSizeKB: 0.5 }).maxFileBytes, 512);
    for (const bad of [0, -1, '2MB', Number.NaN]) {
      const settings = resolveEditorSettings({ maxFileSizeKB: bad });
      assert.equal(settings.maxFileBytes, 2048 * 1024);
      assert.deepEqual(settings.problems, [`"maxFileSizeKB" must be a number of kilobytes above 0, not ${JSON.stringify(bad)}; using 2048.`]);
    }
  });

  it('measures UTF-8 size without encoding: ASCII, accents, CJK, emoji and lone surrogates', async () => {
    const { utf8Length } = await import('../../src/core');
    for (const text of ['', 'plain', 'café', '営業とマーケティング', 'deal 🤝 closed', '\ud83d alone', 'end \udc00', 'x'.repeat(5000)]) {
      assert.equal(utf8Length(text), new TextEncoder().encode(text).length, JSON.stringify(text.slice(0, 20)));
    }
  });
});
