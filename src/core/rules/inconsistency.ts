// inconsistency: one activity credited to sales in one place and to marketing in another. Examples: docs/rules/inconsistency.md
import type { ActivityIndex } from '../activities';
import type { Credit } from '../attribution';
import { DETERMINERS, FUNCTION_NAMES, TIME_NOUNS } from '../lexicon';
import { stemKey } from '../morphology';
import type { Span } from '../types';
import { activityName, readingOf, type Draft, type Rule } from './rule';

const spanOf = (credit: Credit): Span => ({ start: credit.sentence.tokens[credit.from].span.start, end: credit.sentence.tokens[credit.to].span.end });
const other = (side: 'sales' | 'marketing') => (side === 'sales' ? 'marketing' : 'sales');

/**
 * "Marketing puts the ball in play. Sales puts the ball away.", "…hosts the spring meetup. …hosts the fall meetup.":
 * back-to-back sentences of one paragraph that give the two functions different parts of one thing draw a contrast.
 * Only for activities outside the catalogue, whose sides the catalogue cannot tell.
 */
function isContrast(text: string, a: Credit, b: Credit): boolean {
  // Same words for the object ("runs the partner portal" / "maintains the partner portal") make a conflict, not a contrast.
  if (a.activity || b.activity || a.keyText?.toLowerCase() === b.keyText?.toLowerCase()) return false;
  const [first, second] = a.sentence.span.start.offset < b.sentence.span.start.offset ? [a, b] : [b, a];
  const between = text.slice(first.sentence.span.end.offset, second.sentence.span.start.offset);
  return !/\n\s*\n/.test(between) && between.trim().length <= 1;
}

/**
 * What two claims must share to be one activity: for a catalogue activity, its concept and a content word of the matched
 * words ("runs the webinar series" and "the webinar series, hosted by sales"); two different jobs of one concept ("writes
 * the case studies", "builds the landing page") are not one activity. Outside the catalogue, the verb and object words.
 */
function keysOf(credit: Credit, activities: ActivityIndex): string[] {
  const { activity } = credit;
  if (!activity) return credit.keys;
  const { tokens } = credit.sentence;
  // A verb-and-object match starts at its verb, which says less about the activity than its object does.
  const from = activities.isVerb(tokens[activity.from]?.lower ?? '') && activity.to > activity.from ? activity.from + 1 : activity.from;
  const content = tokens
    .slice(from, activity.to + 1)
    .filter((token) => token.kind === 'word' && !DETERMINERS.has(token.lower) && !FUNCTION_NAMES.has(token.lower) && !TIME_NOUNS.has(token.lower) && !/^\d/.test(token.lower) && !KEY_FILLERS.has(token.lower))
    .map((token) => `${activity.conceptId}:${stemKey(token.lower)}`);
  return content.length > 0 ? content : [activity.conceptId];
}

const KEY_FILLERS = new Set(['new', 'big', 'every', 'each', 'more', 'all', 'any', 'some', 'on', 'with', 'up', 'out', 'to', 'into', 'of', 'for', 'and', 'or', 'in', 'at', 'own', 'first', 'next', 'last', 'annual', 'monthly', 'weekly', 'quarterly']);

export const inconsistency: Rule = {
  id: 'inconsistency',
  check(context) {
    const byKey = new Map<string, Credit[]>();
    for (const credit of context.credits) {
      if (credit.mention.side === 'joint') continue;
      for (const key of keysOf(credit, context.activities)) byKey.set(key, [...(byKey.get(key) ?? []), credit]);
    }
    const drafts: Draft[] = [];
    const flagged = new Set<Credit>();
    for (const credits of byKey.values()) {
      if (!credits.some((credit) => credit.mention.side === 'sales') || !credits.some((credit) => credit.mention.side === 'marketing')) continue;
      for (const credit of credits) {
        if (flagged.has(credit)) continue;
        const side = credit.mention.side as 'sales' | 'marketing';
        const opposite = credits.filter((candidate) => candidate.mention.side === other(side) && candidate.sentence !== credit.sentence && !isContrast(context.doc.text, credit, candidate));
        if (opposite.length === 0) continue;
        flagged.add(credit);
        const concept = credit.activity && context.catalogue.get(credit.activity.conceptId);
        const what = concept ? activityName(concept.label) : `“${credit.keyText}”`;
        const lines = opposite.map((place) => spanOf(place).start.line + 1).join(', ');
        drafts.push({
          ruleId: 'inconsistency',
          message: `${what[0].toUpperCase()}${what.slice(1)} is credited to ${side} here but to ${other(side)} on line ${lines}. Give it to one function throughout, or say how the two share it.`,
          span: spanOf(credit),
          conceptId: concept?.id,
          evidence: concept ? concept.passages.slice(0, 1) : [],
          reading: `${readingOf(credit, context.catalogue)}; elsewhere ${opposite.map((place) => `${readingOf(place, context.catalogue)} on line ${spanOf(place).start.line + 1}`).join(', ')}`,
          related: opposite.map((place) => ({ span: spanOf(place), message: `Credited to ${other(side)} here` })),
          fixes: [],
        });
      }
    }
    return drafts;
  },
};
