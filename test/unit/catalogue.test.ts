import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Catalogue, ConceptData } from '../../src/core';
import { normalizeText } from '../../src/core/catalogue';
import { realCatalogue, repoRoot, textAt } from './shared';

const concepts = JSON.parse(readFileSync(path.join(repoRoot, 'src/core/concepts.json'), 'utf8')) as ConceptData[];
const isPhrase = (value: unknown) => typeof value === 'string' && value === value.trim().toLowerCase() && value.length > 0 && !/\s{2}/.test(value);

describe('concepts.json as data', () => {
  it('holds at least 20 concepts with unique ids', () => {
    assert.ok(Array.isArray(concepts));
    assert.ok(concepts.length >= 20, `only ${concepts.length} concepts`);
    const ids = concepts.map((concept) => concept.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate concept ids');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every concept a side, a label, a definition, terms and evidence', () => {
    for (const concept of concepts) {
      assert.ok(['marketing', 'sales', 'both'].includes(concept.side), `${concept.id}: side ${concept.side}`);
      assert.ok(concept.label.trim().length > 0, `${concept.id}: no label`);
      assert.ok(concept.definition.trim().length > 20, `${concept.id}: no real definition`);
      assert.ok(concept.terms.length > 0, `${concept.id}: no terms`);
      assert.ok(concept.evidence.length > 0, `${concept.id}: no evidence`);
      for (const phrase of [...concept.terms, ...concept.evidence]) assert.ok(isPhrase(phrase), `${concept.id}: “${phrase}” is not a lower-case phrase`);
      assert.ok(Array.isArray(concept.activities), `${concept.id}: activities must be a list`);
    }
  });

  it('shares no term between two concepts (hyphens and spaces alike)', () => {
    const owner = new Map<string, string>();
    for (const concept of concepts) {
      for (const term of concept.terms) {
        const key = term.replace(/-/g, ' ');
        const previous = owner.get(key);
        assert.ok(previous === undefined || previous === concept.id, `“${term}” belongs to both ${previous} and ${concept.id}`);
        owner.set(key, concept.id);
      }
    }
  });

  it('writes activity verbs as lemmas and pairs objects with verbs', () => {
    for (const concept of concepts) {
      for (const pattern of concept.activities) {
        assert.ok((pattern.verbs?.length ?? 0) > 0 || (pattern.nouns?.length ?? 0) > 0, `${concept.id}: an activity with neither verbs nor nouns`);
        if (pattern.objects) assert.ok(pattern.verbs?.length, `${concept.id}: objects without verbs`);
        for (const verb of pattern.verbs ?? []) {
          assert.match(verb, /^[a-z]+(-[a-z]+)*$/, `${concept.id}: verb “${verb}” is not one lower-case word`);
          assert.doesNotMatch(verb, /(.{4,}ing|ed)$|[^su]s$/, `${concept.id}: verb “${verb}” looks inflected, not a lemma`);
        }
        for (const phrase of [...(pattern.objects ?? []), ...(pattern.nouns ?? [])]) {
          assert.ok(isPhrase(phrase), `${concept.id}: “${phrase}” is not a lower-case phrase`);
        }
      }
    }
  });
});

describe('the catalogue built from the corpus', () => {
  let catalogue: Catalogue;
  before(() => {
    catalogue = realCatalogue();
  });

  it('keeps every concept of the data file, in order', () => {
    assert.deepEqual(
      catalogue.concepts.map((concept) => concept.id),
      concepts.map((concept) => concept.id),
    );
  });

  it('finds at least one supporting passage for every concept, each containing one of its evidence phrases', () => {
    for (const concept of catalogue.concepts) {
      assert.ok(concept.passages.length > 0, `${concept.id} has no supporting passage`);
      const phrases = concept.evidence.map(normalizeText);
      for (const passage of concept.passages) {
        assert.ok(catalogue.corpus.passageById.get(passage.id) === passage, `${concept.id}: ${passage.id} is not a corpus passage`);
        assert.ok(
          phrases.some((phrase) => normalizeText(passage.text).includes(phrase)),
          `${concept.id}: ${passage.id} holds none of its evidence`,
        );
      }
    }
  });

  it('has the topics the sources name, each on its side', () => {
    const required: Record<string, string[]> = {
      sales: ['closing', 'negotiation-tco', 'objection-handling', 'new-calls', 'existing-customers', 'relationships', 'one-to-one', 'selling-concept'],
      marketing: [
        'price',
        'place',
        'promotion',
        'product',
        'market-research',
        'brand-reputation',
        'advertising-pr',
        'loyalty-programs',
        'big-data',
        'prospect-definition',
        'collateral',
        'stories-to-many',
        'one-to-many',
        'marketing-concept',
      ],
    };
    for (const [side, ids] of Object.entries(required)) {
      for (const id of ids) {
        assert.ok(catalogue.get(id), `missing concept ${id}`);
        assert.equal(catalogue.get(id)!.side, side, `${id} should be on the ${side} side`);
      }
    }
  });

  it("lists each side's concepts in catalogue order, and only that side's", () => {
    assert.deepEqual(
      catalogue.bySide('sales').map((concept) => concept.id),
      [
        'one-to-one',
        'new-calls',
        'existing-customers',
        'objection-handling',
        'closing',
        'relationships',
        'negotiation-tco',
        'selling-concept',
        'persuasion',
        'sales-presentation',
      ],
    );
    assert.deepEqual(
      catalogue.bySide('marketing').map((concept) => concept.id),
      [
        'product',
        'price',
        'place',
        'promotion',
        'market-research',
        'brand-reputation',
        'advertising-pr',
        'stories-to-many',
        'big-data',
        'prospect-definition',
        'collateral',
        'loyalty-programs',
        'one-to-many',
        'marketing-concept',
        'marketing-strategy',
      ],
    );
  });

  it('recognises each term, written on its own, as its own concept', () => {
    for (const concept of catalogue.concepts) {
      for (const term of concept.terms) {
        const text = `We discussed ${term} today.`;
        const matches = catalogue.findTerms(text);
        assert.equal(matches.length, 1, `“${term}” gave ${matches.length} matches`);
        const [match] = matches;
        assert.ok(match);
        assert.equal(match.conceptId, concept.id, `“${term}” was read as ${match.conceptId}`);
        assert.equal(textAt(text, match.span), term);
      }
    }
  });
});

describe('Catalogue.findTerms, countOccurrences and termAt', () => {
  let catalogue: Catalogue;
  before(() => {
    catalogue = realCatalogue();
  });

  const draft = [
    '---',
    'title: loyalty program and closing',
    '---',
    '',
    'Our loyalty program helps, and closing is for the reps.',
    '',
    'Use `loyalty program` and `closing` as inline code.',
    '',
    '```md',
    'loyalty program closing',
    '```',
    '',
    '<!-- loyalty program closing -->',
    '',
    'See [the docs](https://example.com/loyalty-program/closing) and <https://example.com/closing>.',
    '',
  ].join('\n');

  it('finds terms in prose with their spans, and only there', () => {
    const matches = catalogue.findTerms(draft);
    assert.deepEqual(
      matches.map((match) => [match.conceptId, match.term]),
      [
        ['loyalty-programs', 'loyalty program'],
        ['closing', 'closing'],
      ],
    );
    const proseLine = draft.split('\n').indexOf('Our loyalty program helps, and closing is for the reps.');
    const lineStart = draft.indexOf('Our loyalty');
    for (const match of matches) {
      assert.equal(textAt(draft, match.span), match.term);
      assert.equal(match.span.start.line, proseLine);
      assert.equal(match.span.end.line, proseLine);
      assert.equal(match.span.start.character, match.span.start.offset - lineStart);
      assert.equal(match.span.end.character, match.span.end.offset - lineStart);
    }
  });

  it('reads link text as prose', () => {
    const text = 'Read about our [loyalty program](https://example.com/closing).';
    assert.deepEqual(
      catalogue.findTerms(text).map((match) => textAt(text, match.span)),
      ['loyalty program'],
    );
  });

  it('prefers the longest term at a place, across concepts', () => {
    const text = 'Our brand story and our brand both matter.';
    const matches = catalogue.findTerms(text);
    assert.deepEqual(
      matches.map((match) => [match.conceptId, textAt(text, match.span)]),
      [
        ['stories-to-many', 'brand story'],
        ['brand-reputation', 'brand'],
      ],
    );
  });

  it('counts plurals and inflections under their concept', () => {
    const text = 'Loyalty programs, a loyalty program, and two loyalty programmes. Objections and one objection. Closed deals and a closed deal.';
    const counts = catalogue.countOccurrences(text);
    assert.equal(counts.get('loyalty-programs'), 3);
    assert.equal(counts.get('objection-handling'), 2);
    assert.equal(counts.get('closing'), 2);
    assert.equal(counts.get('price'), undefined);
  });

  it('returns the term under an offset, and nothing between terms', () => {
    const inside = draft.indexOf('program helps');
    const match = catalogue.termAt(draft, inside);
    assert.equal(match?.conceptId, 'loyalty-programs');
    assert.equal(textAt(draft, match.span), 'loyalty program');
    assert.equal(catalogue.termAt(draft, draft.indexOf('helps') + 2), undefined);
    assert.equal(catalogue.termAt(draft, draft.indexOf('`closing`') + 2), undefined);
  });
});
