// Naming a function and bounding a clause: the two small modules the ways of crediting are built on.
import * as assert from 'node:assert/strict';
import { clauseEnd, predicateAfter } from '../../src/core/clauses';
import { isRevenueSense, mentionAt, modifiesNoun } from '../../src/core/naming';
import { analyzeMarkdown } from '../../src/core/prose';

const tokensOf = (text: string) => analyzeMarkdown(text).sentences[0]!.tokens;
const at = (text: string, word: string) => tokensOf(text).findIndex((token) => token.text === word);
/** The words of the mention starting at `word`, or undefined when the word there names no doer. */
const mention = (text: string, word: string) => {
  const tokens = tokensOf(text);
  const found = mentionAt(tokens, at(text, word));
  return (
    found && {
      side: found.side,
      words: tokens
        .slice(found.from, found.to + 1)
        .map((token) => token.text)
        .join(' '),
    }
  );
};

describe('naming a function', () => {
  it('takes the head nouns that make a team or a person', () => {
    assert.deepEqual(mention('Our sales team will launch it.', 'sales'), { side: 'sales', words: 'sales team' });
    assert.deepEqual(mention('The product marketing manager writes it.', 'marketing'), { side: 'marketing', words: 'marketing manager' });
    assert.deepEqual(mention('Our account reps call weekly.', 'account'), { side: 'sales', words: 'account reps' });
    assert.deepEqual(mention('Our business development reps call weekly.', 'business'), { side: 'sales', words: 'business development reps' });
    assert.deepEqual(mention('Sales/marketing will negotiate.', 'Sales'), { side: 'joint', words: 'Sales / marketing' });
  });

  it('leaves modifiers, revenue and titles alone', () => {
    assert.equal(mention('Sales lead scoring involves data.', 'Sales'), undefined);
    assert.equal(mention('Holiday sales rose 12%.', 'sales'), undefined);
    assert.equal(mention('We oversee local and regional sales, promotions and campaigns.', 'sales'), undefined);
    assert.equal(mention('Our VP of Sales and Marketing spoke.', 'Marketing'), undefined);
    assert.equal(isRevenueSense(tokensOf('Our regional sales manager called.'), at('Our regional sales manager called.', 'sales')), false);
  });

  it('reads an ambiguous noun as a verb before its object, and as a noun before a verb', () => {
    assert.equal(modifiesNoun(tokensOf('Marketing plans the launch.'), 0), false);
    assert.equal(modifiesNoun(tokensOf('Sales targets are up.'), 0), true);
    assert.equal(modifiesNoun(tokensOf('They set sales targets and strategy.'), 2), true);
  });
});

describe('clause bounds', () => {
  it('finds the verb after auxiliaries and asides', () => {
    const text = 'Sales, on the other hand, will quickly close the deal.';
    const tokens = tokensOf(text);
    const predicate = predicateAfter(tokens, 1);
    assert.equal(tokens[predicate!.start]!.text, 'close');
    assert.equal(predicate!.negated, false);
    assert.equal(predicateAfter(tokensOf('Marketing does not close deals.'), 1)!.negated, true);
  });

  it('ends a clause at a break word or at the next function named', () => {
    const text = 'Marketing builds the brand while sales closes the deal.';
    const tokens = tokensOf(text);
    assert.equal(tokens[clauseEnd(tokens, 1)]!.text, 'while');
    const other = 'Marketing builds the brand and sales closes the deal.';
    assert.equal(tokensOf(other)[clauseEnd(tokensOf(other), 1)]!.text, 'sales');
  });
});
