// What a hover card shows (issue 9, items 5 and 6): activities in any inflection, links before the quotes, the
// quotes that support the concept best, shortened around their evidence, and a list item under its lead-in.
import * as assert from 'node:assert/strict';
import { activityAt, activityIndex, conceptCard } from '../../src/core';
import { realCatalogue, textAt } from './shared';

const NO_PHRASES = { marketing: [], sales: [] };

describe('hover cards', () => {
  describe('an activity under the cursor, matched as the linter matches it', () => {
    const reading = (text: string, word: string) => {
      const found = activityAt(text, text.indexOf(word) + 1, activityIndex(realCatalogue(), NO_PHRASES));
      return found && [found.conceptId, textAt(text, found.span)];
    };

    it('a verb and its object in the past tense, from either word', () => {
      const text = 'Marketing closed the deal with Acme last week.';
      assert.deepEqual(reading(text, 'closed'), ['closing', 'closed the deal']);
      assert.deepEqual(reading(text, 'deal'), ['closing', 'closed the deal']);
      assert.equal(reading(text, 'week'), undefined);
    });

    it('the passive, read whole from the participle as from the object', () => {
      const text = 'The renewal was negotiated by the sales team.';
      assert.deepEqual(reading(text, 'negotiated'), ['existing-customers', 'renewal was negotiated']);
      assert.deepEqual(reading(text, 'renewal'), ['existing-customers', 'renewal was negotiated']);
    });

    it('a verb with a noun phrase, and a team phrase from the settings', () => {
      assert.deepEqual(reading('Sales will run the brand campaign on radio.', 'campaign'), ['advertising-pr', 'run the brand campaign']);
      const text = 'Sales will book the venue for Friday.';
      assert.equal(reading(text, 'venue'), undefined);
      const team = activityIndex(realCatalogue(), { marketing: ['book the venue'], sales: [] });
      const withTeam = activityAt(text, text.indexOf('venue'), team);
      assert.deepEqual(withTeam && [withTeam.conceptId, textAt(text, withTeam.span)], ['custom-marketing', 'book the venue']);
    });
  });

  describe('the concept card', () => {
    const links = { concept: () => 'command:reveal', passage: () => 'command:open' };

    it('puts the sidebar link before the quotes, and a list item under the sentence that leads into its list', () => {
      const catalogue = realCatalogue();
      const card = conceptCard(catalogue, catalogue.get('closing')!, links);
      const parts = card.split('\n\n');
      assert.equal(parts[0], '**Closing the sale** · Sales');
      assert.equal(parts[2], '[Reveal in sidebar](command:reveal)');
      assert.ok(
        parts.slice(3).every((part) => part.startsWith('> ')),
        'a quote before the sidebar link',
      );
      const listItem = '> It does not include the following activities --\n>\n> • Overcoming objections and closing sales\n>\n';
      assert.ok(card.includes(`${listItem}> — *Understanding the Difference`), card);
    });

    it('leaves out a quote whose evidence is much weaker than the best one', () => {
      const catalogue = realCatalogue();
      const concept = catalogue.get('loyalty-programs')!;
      assert.equal(concept.passages.length, 2);
      const card = conceptCard(catalogue, concept, links);
      assert.equal(card.match(/^> — /gm)?.length, 1);
      assert.ok(!card.includes('packaging'), 'the packaging passage is quoted for loyalty programs');
    });

    it('shortens a long quote around its evidence', () => {
      const catalogue = realCatalogue();
      for (const concept of catalogue.concepts) {
        const quotes = conceptCard(catalogue, concept)
          .split('\n\n')
          .filter((part) => part.startsWith('> ') && !part.startsWith('> —'));
        for (const quote of quotes) {
          const body = quote.split('\n').at(-3) ?? '';
          assert.ok(body.length <= 260, `${concept.id}: a quote of ${body.length} characters`);
        }
      }
    });
  });
});
