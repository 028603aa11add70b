import type { ActivityIndex } from '../activities';
import type { Credit } from '../attribution';
import type { Catalogue } from '../catalogue';
import type { ProseDocument } from '../prose';
import type { Finding, RuleId } from '../types';

/** What every rule sees: the analysed document, the credits found in it, the catalogue. */
export interface RuleContext {
  doc: ProseDocument;
  credits: Credit[];
  catalogue: Catalogue;
  activities: ActivityIndex;
}

/** A finding before options give it a severity. */
export type Draft = Omit<Finding, 'severity'>;

export interface Rule {
  id: RuleId;
  check: (context: RuleContext) => Draft[];
}

/** A concept label inside a sentence: "Closing the sale" → "closing the sale", "Advertising and PR" keeps its acronym. */
export function activityName(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The words of tokens `from`..`to` as written, punctuation attached: "our sales team", "launch a TV campaign". */
export function wordsOf(tokens: Credit['sentence']['tokens'], from: number, to: number): string {
  return tokens
    .slice(from, to + 1)
    .map((token) => token.text)
    .join(' ')
    .replace(/ ([,;:.!?)’'])/g, '$1')
    .replace(/([(‘]) /g, '$1')
    .replace(/ ?\/ ?/g, '/');
}

/** How a credit was read, in a writer's words: `“our sales team” → “launch a TV campaign” (Advertising and PR, marketing's work)`. */
export function readingOf(credit: Credit, catalogue: Catalogue): string {
  const { tokens } = credit.sentence;
  const named = credit.doer ? ` (${credit.doer.how === 'lead-in' ? 'named above, on' : 'the antecedent, on'} line ${credit.doer.line + 1})` : '';
  const doer = `“${credit.doer ? credit.doer.text : wordsOf(tokens, credit.mention.from, credit.mention.to)}”${named}`;
  const activity = credit.activity;
  if (!activity) return `${doer} → “${credit.keyText ?? 'this work'}”`;
  const concept = catalogue.get(activity.conceptId);
  const owner = activity.side === 'both' ? 'work of both functions' : activity.side === 'marketing' ? "marketing's work" : "sales' work";
  const inSentence = activity.from <= activity.to && activity.to < tokens.length;
  const words = inSentence ? `“${wordsOf(tokens, activity.from, activity.to)}”` : `“${credit.keyText ?? activity.label}”`;
  return `${doer} → ${words} (${concept?.label ?? activity.label}, ${owner})`;
}
