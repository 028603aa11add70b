// The grammar's newer parts, each asserted by the exact words a finding covers, how it was read, and what a fix writes.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintMarkdown, type Catalogue } from '../../src/core';
import { analyzeMarkdown, type Sentence } from '../../src/core/prose';
import { quotations } from '../../src/core/quotes';
import { blocksOf } from '../../src/core/structure';
import { parseMarkdown } from '../../src/core/markdown';
import { applyEdits, corpusDir, realCatalogue, textAt } from './shared';

const READ_BLOG = "“Sales Executive” (named above, on line 1) → “Manage the company blog” (Stories and messaging for many, marketing's work)";

describe('grammar', () => {
  let catalogue: Catalogue;
  before(() => {
    catalogue = realCatalogue();
  });
  /** [rule, words under the span, reading] of each finding. */
  const read = (text: string) => lintMarkdown(text, catalogue).map((finding) => [finding.ruleId, textAt(text, finding.span), finding.reading]);
  const rules = (text: string) => lintMarkdown(text, catalogue).map((finding) => finding.ruleId);
  /** [rule, words under the span] of each finding. */
  const spans = (text: string) => read(text).map(([rule, words]) => [rule, words]);
  /** Each text has no finding at all. */
  const assertQuiet = (texts: string[]) => {
    for (const text of texts) assert.deepEqual(rules(text), [], text);
  };

  describe('doers named outside the sentence', () => {
    it('a role in the lead-in over a list of duties does each duty that names no doer', () => {
      const text = '**Sales Executive**\n\nResponsibilities:\n\n- Manage the company blog\n- Close new accounts\n';
      assert.deepEqual(read(text), [['sales-doing-marketing', 'Manage the company blog', READ_BLOG]]);
    });

    it('a list pasted as lines of one paragraph, each after a bullet glyph, is read as a list under its lead-in', () => {
      // The items on the lines after the lead-in, or as paragraphs of their own after it, with or without full stops.
      const lines = 'Sales Executive responsibilities:\n• Close new accounts\n• Manage the company blog\n• Negotiate renewals.\n';
      assert.deepEqual(read(lines), [['sales-doing-marketing', 'Manage the company blog', READ_BLOG]]);
      const paragraphs = 'Sales Executive responsibilities:\n\n  o Close new accounts\n\n  o Manage the company blog\n';
      assert.deepEqual(read(paragraphs), [['sales-doing-marketing', 'Manage the company blog', READ_BLOG]]);
      // Each bulleted line is a sentence of its own, so one item's words never run into the next.
      const items = analyzeMarkdown(lines).sentences.map((sentence) => [sentence.block, sentence.tokens.map((token) => token.text).join(' ')]);
      assert.deepEqual(items, [
        ['paragraph', 'Sales Executive responsibilities :'],
        ['list-item', 'Close new accounts'],
        ['list-item', 'Manage the company blog'],
        ['list-item', 'Negotiate renewals .'],
      ]);
    });

    it('bulleted lines under a lead-in that lists names, or with no lead-in, are no duties', () => {
      assert.deepEqual(rules('SDRs go by many titles. Some of these titles include:\n\n• Sales Development Rep\n\n• Lead Generation Specialist\n'), []);
      assert.deepEqual(rules('• Lead generation\n• Brand design\n'), []);
      // "o" is a bullet only before a capital: a line may start with the letter in other text.
      assert.deepEqual(
        analyzeMarkdown('Sales Executive duties:\no close accounts\n').sentences.map((sentence) => sentence.block),
        ['paragraph'],
      );
    });

    it('a list item of punctuation alone under a role names no duty (and throws nothing)', () => {
      assert.deepEqual(rules('**Sales Executive**\n\nResponsibilities:\n\n- **\n- Close new accounts\n'), []);
    });

    it('a lead-in that names both functions, or denies the duties, names no role', () => {
      assert.deepEqual(rules('## What sales and marketing each do\n\n- Manage the company blog\n'), []);
      assert.deepEqual(rules('Things never to let sales do:\n\n- Design the logo\n'), []);
    });

    it('"you will" in an ad reads the role from the headings above', () => {
      const text = '# Growth Marketer\n\n## Responsibilities\n\nYou will negotiate the contract with each buyer.\n';
      const [finding] = lintMarkdown(text, catalogue);
      assert.equal(finding?.ruleId, 'marketing-doing-sales');
      assert.equal(textAt(text, finding.span), 'You will negotiate the contract');
      assert.deepEqual(
        finding.fixes.map((fix) => fix.kind),
        ['ignore-line', 'disable-file'],
        'no replace fix: the doer is in another line',
      );
    });

    it("a job description's sentence that opens with a verb has the role in its headings as subject", () => {
      const text =
        '# Regional Sales Manager\n\n## Duties\n\nImplements trade promotions by publishing and tracking trade spending. Establishes sales objectives.\n';
      assert.deepEqual(read(text), [
        [
          'sales-doing-marketing',
          'Implements trade promotions',
          "“Sales Manager” (named above, on line 1) → “Implements trade promotions” (Promotion (the fourth P), marketing's work)",
        ],
      ]);
    });

    it('a pronoun opening the next sentence, or the next paragraph, has the previous subject as antecedent', () => {
      const text = 'Our sales reps visit every store. They explain the range.\n\nThey also design the flyers.\n';
      assert.deepEqual(read(text), [
        [
          'sales-doing-marketing',
          'They also design the flyers',
          "“sales reps” (the antecedent, on line 1) → “design the flyers” (Collateral and web presence, marketing's work)",
        ],
      ]);
    });

    it('"falls to" hands the gerund subject to the function named after it', () => {
      const text = 'Tracking competitors and market trends usually falls to our regional sales managers.\n';
      assert.deepEqual(spans(text), [['sales-doing-marketing', 'Tracking competitors and market trends usually falls to our regional sales managers']]);
    });

    it('"X is a marketing job" and "a sales activity" give X to that function, and the fix names the other', () => {
      const text = 'A trade show is almost always a sales activity.\n';
      const [finding] = lintMarkdown(text, catalogue);
      assert.equal(finding?.ruleId, 'sales-doing-marketing');
      assert.equal(textAt(text, finding.span), 'trade show is almost always a sales');
      const fix = finding.fixes.find((candidate) => candidate.kind === 'replace')!;
      assert.equal(applyEdits(text, fix.edits), 'A trade show is almost always a marketing activity.\n');
    });

    it('"responsible for" and "in charge of" lead to the work that follows them', () => {
      assert.deepEqual(spans('Our sales team is responsible for designing the brochures.'), [
        ['sales-doing-marketing', 'sales team is responsible for designing the brochures'],
      ]);
      assert.deepEqual(spans('Marketing is in charge of negotiating the renewals.'), [
        ['marketing-doing-sales', 'Marketing is in charge of negotiating the renewals'],
      ]);
    });

    it('the function helped "in creating" something does the creating', () => {
      assert.deepEqual(spans('This helps guide the sales department in creating brochures.'), [
        ['sales-doing-marketing', 'sales department in creating brochures'],
      ]);
    });

    it('a cleft with "who" credits the function', () => {
      const text = 'It was marketing who closed the framework agreement.\n';
      assert.deepEqual(spans(text), [['marketing-doing-sales', 'marketing who closed the framework agreement']]);
    });

    it('of coordinated verbs, the one of the other side is read', () => {
      const text = 'Our account team closed two renewals and also designed the booth backdrop.\n';
      assert.deepEqual(spans(text), [['sales-doing-marketing', 'account team closed two renewals and also designed the booth backdrop']]);
    });
  });

  describe('owner tables', () => {
    it('a RACI table credits the Responsible column only', () => {
      const table = [
        '| Activity | Responsible | Consulted |',
        '| --- | --- | --- |',
        '| Deal terms and contract negotiation | Regional Sales Managers | Marketing |',
        '| Trade show booth | Sales team | Marketing |',
        '',
      ].join('\n');
      assert.deepEqual(spans(table), [['sales-doing-marketing', 'Trade show booth | Sales team']]);
    });

    it('a noun-phrase cell starts with a verb only before its object', () => {
      assert.deepEqual(rules('| Tool | Used for | Owner |\n| --- | --- | --- |\n| HubSpot | Email campaigns, lead scoring | Marketing |\n'), []);
    });
  });

  describe('function words that do not name a doer', () => {
    it('a modifier or a term of art is quiet', () => {
      assertQuiet([
        'Sales lead scoring involves collecting data about website visits.',
        'Small firms with weak marketing planning offer discounts too early.',
        'By my reckoning I am an MQL (Marketing Qualified Lead).',
        'The sales team talks to sales qualified leads every morning.',
        'Yes, the sales team is part of the go-to-market team.',
        'Please Don’t Let Your Sales Reps Nurture Leads',
        'Our SDRs call and email the MQLs marketing sends and prospect into firms on our list.',
        'Hire for the two open sales positions before the January trade show.',
      ]);
    });

    it('an ambiguous noun after the function word is a verb before its object', () => {
      assert.deepEqual(rules('Marketing plans and buys all of our TV advertising.'), []);
      assert.deepEqual(spans('Sales plans the TV advertising.'), [['sales-doing-marketing', 'Sales plans the TV advertising']]);
    });
  });

  describe('conflation, use and mention', () => {
    it('names a joint doer as written, spaces kept (issue 9, item 8)', () => {
      const message = (text: string) => lintMarkdown(text, catalogue).map((finding) => finding.message.split(' makes one doer')[0]);
      assert.deepEqual(message('Sales or marketing will negotiate the contract.'), ['“Sales or marketing”']);
      assert.deepEqual(message('Sales/marketing will negotiate the contract.'), ['“Sales/marketing”']);
    });

    it('reported usage and headline questions are talk about the words', () => {
      assertQuiet([
        'You may have heard the terms marketing and sales used interchangeably.',
        'Professionals often use the terms sales and marketing interchangeably.',
        '# Are Marketing And Sales The Same Thing',
        'Sales is part of the marketing mix, also known as the 4P.',
      ]);
    });

    it("the copy's own claims are conflation, with the words of the claim under the span", () => {
      assert.deepEqual(spans('At our size, sales and marketing are not two separate things.'), [
        ['conflation', 'sales and marketing are not two separate things'],
      ]);
      assert.deepEqual(spans('Here sales and marketing is one function with one job.'), [['conflation', 'sales and marketing is one function with one job']]);
      assert.deepEqual(spans('In this plan, "selling" covers all of our promotion work.'), [['conflation', 'selling" covers all of our promotion']]);
      assert.deepEqual(rules('At the top of the funnel, selling is less important than brand awareness.'), []);
    });

    it('a quoted example is a mention; quoted speech that nobody answers is a claim', () => {
      assert.deepEqual(rules('Saying "marketing is just sales" hides the work marketing does.'), []);
      assert.deepEqual(rules('"Marketing is just selling with a nicer logo."\n\nA founder said that to me. It is wrong.\n'), []);
      assert.deepEqual(rules('"For us, marketing and sales are the same thing," said the chief executive.\n'), ['conflation']);
    });

    it('finds quoted examples of two words or more, not single quoted words or speech', () => {
      const text = 'Phrases like "marketing is just sales" and the word "sales". "Sales is marketing," she said.';
      const quoted = (examples: boolean) =>
        quotations(text)
          .filter((quote) => quote.example === examples)
          .map((quote) => text.slice(quote.start, quote.end));
      assert.deepEqual(quoted(true), ['"marketing is just sales"']);
      assert.deepEqual(quoted(false), ['"sales"', '"Sales is marketing,"']);
    });
  });

  describe('inconsistency: one activity, not one concept', () => {
    it('two wordings of one activity conflict', () => {
      const text = 'Marketing ran our presence at MedTech Expo.\n\nSales also owns our trade show program.\n';
      assert.deepEqual(rules(text).filter((rule) => rule === 'inconsistency').length, 2);
    });

    it('two jobs of one concept do not', () => {
      const text = 'Marketing writes the case studies.\n\nSales builds the landing page.\n';
      assert.deepEqual(rules(text), ['sales-doing-marketing']);
    });
  });

  describe('exact places', () => {
    it('spans stay on their words in block quotes, list continuation lines and after entities; the fix edits only the function word', () => {
      const text = [
        '> We met Acme.\n> Marketing closed the deal.',
        'R&amp;D is done. Marketing closed the deal.',
        '- First item\n  continues and Marketing closed the deal.\n',
      ].join('\n\n');
      const findings = lintMarkdown(text, catalogue);
      assert.deepEqual(
        findings.map((finding) => textAt(text, finding.span)),
        ['Marketing closed the deal', 'Marketing closed the deal', 'Marketing closed the deal'],
      );
      const fix = findings[2]!.fixes.find((candidate) => candidate.kind === 'replace')!;
      assert.equal(applyEdits(text, fix.edits), text.replace('continues and Marketing', 'continues and Sales'));
    });

    it('a span covers the whole object, not just its first object word', () => {
      assert.deepEqual(spans('Marketing will close the first ten distributor deals before launch day.\n'), [
        ['marketing-doing-sales', 'Marketing will close the first ten distributor deals'],
      ]);
      assert.deepEqual(spans('Sales will run the podcast ad campaign in August.\n'), [['sales-doing-marketing', 'Sales will run the podcast ad campaign']]);
    });

    it("knows each sentence's block and lead-ins", () => {
      const doc = analyzeMarkdown('# Title\n\nIntro:\n\n- item one\n');
      const leadIns = (sentence: Sentence) =>
        (sentence.leadIns ?? []).map((group) => group.map((lead) => lead.tokens.map((token) => token.text).join(' ')).join(' / '));
      assert.deepEqual(
        doc.sentences.map((sentence) => [sentence.block, leadIns(sentence)]),
        [
          ['heading', []],
          ['paragraph', ['Title']],
          ['list-item', ['Intro :', 'Title']],
        ],
      );
      assert.equal(blocksOf(parseMarkdown('> '.repeat(3000) + 'deep\n')).length, 1, 'deep nesting is walked without recursion');
    });
  });
});

describe('the corpus itself', () => {
  it("flags the survey's explicit conflation, and at most three other places, in the five source articles", () => {
    const catalogue = realCatalogue();
    const found = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => {
        const text = readFileSync(join(corpusDir, name), 'utf8');
        return lintMarkdown(text, catalogue).map((finding) => `${name} ${finding.ruleId} ${textAt(text, finding.span)}`);
      });
    assert.ok(found.includes('linkedin-survey.md conflation Selling is Marketing, and all Marketing is Selling'), found.join('\n'));
    assert.ok(found.length <= 4, found.join('\n'));
  });
});
