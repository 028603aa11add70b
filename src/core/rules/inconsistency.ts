// inconsistency: one activity credited to sales in one place and to marketing in another. Examples: docs/rules/inconsistency.md
import type { Credit } from '../attribution';
import { DETERMINERS, FUNCTION_NAMES, KEY_FILLERS, TIME_NOUNS } from '../lexicon';
import { stemKey } from '../morphology';
import families from '../words/families.json';
import { tokenSpan } from '../prose';
import type { Span } from '../types';
import { activityName, readingOf, type Draft, type Rule } from './rule';

const spanOf = (credit: Credit): Span => tokenSpan(credit.sentence.tokens, credit.from, credit.to);
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
 * What two claims must share to be one activity: for a catalogue activity, its concept and a word of its object, or a
 * word of the same family ("ran our presence at the expo" and "owns our trade show program"; "set the bundle prices" and
 * "the discount schedule was set by sales"). Two different jobs of one concept ("writes the case studies", "builds the
 * landing page") are not one activity. Outside the catalogue: the verb and the object's words.
 */
function keysOf(credit: Credit): string[] {
  const { activity } = credit;
  if (!activity) return credit.keys;
  const { tokens } = credit.sentence;
  const keys = new Set<string>();
  for (let at = activity.from; at <= activity.to; at += 1) {
    const token = tokens[at];
    if (!token || token.kind !== 'word') continue;
    if (
      DETERMINERS.has(token.lower) ||
      FUNCTION_NAMES.has(token.lower) ||
      TIME_NOUNS.has(token.lower) ||
      /^\d/.test(token.lower) ||
      KEY_FILLERS.has(token.lower)
    )
      continue;
    const family = FAMILY_OF.get(token.lower) ?? FAMILY_OF.get(lastPart(token.lower));
    // The verb says less than the object, unless it names the activity's family ("phone every lead", "negotiate").
    if (at === activity.verbAt && !family) continue;
    keys.add(`${activity.conceptId}:${family ?? stemKey(token.lower)}`);
  }
  return keys.size > 0 ? [...keys] : [activity.conceptId];
}

const lastPart = (word: string) => word.slice(word.lastIndexOf('-') + 1);
const FAMILY_OF = new Map(Object.entries(families.families).flatMap(([family, members]) => members.map((member) => [member, family] as const)));

/** How many of the other places a finding names and links: the first few, and how many more there are. */
const MAX_RELATED = 3;

export const inconsistency: Rule = {
  id: 'inconsistency',
  check(context) {
    const byKey = new Map<string, Credit[]>();
    for (const credit of context.credits) {
      if (credit.mention.side === 'joint') continue;
      for (const key of keysOf(credit)) {
        const group = byKey.get(key);
        if (group) group.push(credit);
        else byKey.set(key, [credit]);
      }
    }
    const drafts: Draft[] = [];
    const flagged = new Set<Credit>();
    for (const credits of byKey.values()) {
      const bySide = {
        sales: credits.filter((credit) => credit.mention.side === 'sales'),
        marketing: credits.filter((credit) => credit.mention.side === 'marketing'),
      };
      if (bySide.sales.length === 0 || bySide.marketing.length === 0) continue;
      // How many credits of each side a sentence holds, so "and N more" is counted without a pass per finding.
      const perSentence = new Map<Credit['sentence'], { sales: number; marketing: number }>();
      for (const credit of credits) {
        const counts = perSentence.get(credit.sentence) ?? { sales: 0, marketing: 0 };
        counts[credit.mention.side as 'sales' | 'marketing'] += 1;
        perSentence.set(credit.sentence, counts);
      }
      for (const credit of credits) {
        if (flagged.has(credit)) continue;
        const side = credit.mention.side as 'sales' | 'marketing';
        // The first few places on the other side (bounded work per finding), and how many there are in all.
        const others = bySide[other(side)];
        const opposite: Credit[] = [];
        for (const candidate of others) {
          if (candidate.sentence === credit.sentence || isContrast(context.doc.text, credit, candidate)) continue;
          opposite.push(candidate);
          if (opposite.length === MAX_RELATED) break;
        }
        if (opposite.length === 0) continue;
        flagged.add(credit);
        const more = opposite.length === MAX_RELATED ? others.length - (perSentence.get(credit.sentence)?.[other(side)] ?? 0) - MAX_RELATED : 0;
        const concept = credit.activity && context.catalogue.get(credit.activity.conceptId);
        const what = concept ? activityName(concept.label) : `“${credit.keyText}”`;
        const lines = opposite.map((place) => spanOf(place).start.line + 1).join(', ') + (more > 0 ? ` and ${more} more` : '');
        const places = opposite.map((place) => `${readingOf(place, context.catalogue)} on line ${spanOf(place).start.line + 1}`).join(', ');
        drafts.push({
          ruleId: 'inconsistency',
          message:
            `${what.charAt(0).toUpperCase()}${what.slice(1)} is credited to ${side} here but to ${other(side)} on line ${lines}. ` +
            'Give it to one function throughout, or say how the two share it.',
          span: spanOf(credit),
          conceptId: concept?.id,
          evidence: concept ? concept.passages.slice(0, 1) : [],
          reading: `${readingOf(credit, context.catalogue)}; elsewhere ${places}${more > 0 ? ` and ${more} more` : ''}`,
          related: opposite.map((place) => ({ span: spanOf(place), message: `Credited to ${other(side)} here` })),
          fixes: [],
        });
      }
    }
    return drafts;
  },
};
