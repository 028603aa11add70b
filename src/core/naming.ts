// Naming a function: which words name sales or marketing as a doer ("our sales team", "account executives", "sales/marketing"),
// and which only modify a noun or mean revenue ("sales targets", "holiday sales").
import {
  ACCOUNT_ROLES,
  AUXILIARIES,
  FUNCTION_HEADS,
  FUNCTION_WORDS,
  HEADS_THAT_ARE_VERBS,
  MODIFIED_NOUNS,
  MODIFIED_NOUNS_THAT_ARE_VERBS,
  PLACE_MODIFIERS,
  REVENUE_HEADS,
  REVENUE_MODIFIERS,
} from './lexicon';
import { IRREGULAR_PAST } from './morphology';
import type { Token } from './prose';

export type FunctionSide = 'sales' | 'marketing';

/** A mention's words as written: "our sales team", "account executives". */
export const phraseText = (tokens: Token[], mention: { from: number; to: number }) =>
  tokens
    .slice(mention.from, mention.to + 1)
    .map((token) => token.text)
    .join(' ');

/**
 * A mention's words spaced as the source spaces them: "Sales or marketing", "sales/marketing", "**Sales** and
 * marketing" → "Sales and marketing" (markup between the words is left out, a space kept where there was one).
 */
export function writtenText(text: string, tokens: Token[], mention: { from: number; to: number }): string {
  let written = tokens[mention.from]!.text;
  for (let at = mention.from + 1; at <= mention.to; at += 1) {
    const gap = text.slice(tokens[at - 1]!.span.end.offset, tokens[at]!.span.start.offset);
    written += `${/\s/.test(gap) ? ' ' : ''}${tokens[at]!.text}`;
  }
  return written;
}

/** A phrase naming a function: "sales", "our marketing team", "sales/marketing" (joint). */
export interface Mention {
  side: FunctionSide | 'joint';
  /** Token index of the function word (the first one, for a joint mention). */
  from: number;
  /** Token index of the last word of the phrase (function word or head noun). */
  to: number;
  /** Token indexes of the function words themselves: what a replace fix rewrites. */
  functionWords: number[];
}

export const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
/** The word at `at`, or undefined before the first token, past the last, or on punctuation. */
export function wordAt(tokens: readonly Token[], at: number): Token | undefined {
  const token = tokens[at];
  return isWord(token) ? token : undefined;
}
/** "organizing", "coordinated", "runs": any form of a verb of owning. */
/** The function a word names: "sales", "marketers", and hyphenated kinds like "inside-sales" (not "telemarketing", one word). */
export function sideOf(word: string): FunctionSide | undefined {
  const base = word.includes('-') && !/^multi-?level-/.test(word) ? word.slice(word.lastIndexOf('-') + 1) : word;
  if (FUNCTION_WORDS.sales.has(base)) return 'sales';
  if (FUNCTION_WORDS.marketing.has(base)) return 'marketing';
  return undefined;
}

/** Whether "sales" at `at` is a quantity or another sense ("holiday sales", "sales tax", "12% sales"), not the function. */
export function isRevenueSense(tokens: Token[], at: number): boolean {
  const token = tokens[at];
  if (!isWord(token) || token.lower !== 'sales') return false;
  const previous = tokens[at - 1];
  if (isWord(previous) && (REVENUE_MODIFIERS.has(previous.lower) || /^[\d.,$€£%]+$/.test(previous.lower)) && previous.span.end.line === token.span.start.line)
    return true;
  const next = tokens[at + 1];
  // "overseeing local and regional sales": the selling done in a place, unless a team follows ("regional sales manager").
  if (isWord(previous) && PLACE_MODIFIERS.has(previous.lower) && !(isWord(next) && FUNCTION_HEADS.has(next.lower))) return true;
  return !token.possessive && isWord(next) && REVENUE_HEADS.has(next.lower);
}

/** The function phrase starting at `at`, if the word there names a function in that sense (not "holiday sales", "sales tax"). */
export function mentionAt(tokens: Token[], at: number): Mention | undefined {
  const token = tokens[at];
  if (!isWord(token)) return undefined;
  // "account executive(s)", "account reps", "account team": sales titles of two words; the fix has no one-word counterpart,
  // so it names no function word.
  if (token.lower === 'account' && ACCOUNT_ROLES.has(wordAt(tokens, at + 1)?.lower ?? '')) {
    return extendHeads(tokens, { side: 'sales', from: at, to: at + 1, functionWords: [] });
  }
  // "our reps", "your rep": bare reps in business copy are sales reps (not "support reps", which has its own modifier).
  if (/^reps?$/.test(token.lower) && ['our', 'your', 'the', 'their', 'my'].includes(tokens[at - 1]?.lower ?? '')) {
    return { side: 'sales', from: at, to: at, functionWords: [] };
  }
  // "business development reps": a sales title of three words.
  if (token.lower === 'business' && tokens[at + 1]?.lower === 'development' && ACCOUNT_ROLES.has(tokens[at + 2]?.lower ?? '')) {
    return { side: 'sales', from: at, to: at + 2, functionWords: [] };
  }
  const side = sideOf(token.lower);
  if (!side || isRevenueSense(tokens, at)) return undefined;
  // The second half of "Sales and Marketing" (a title or a joint team) is no doer on its own.
  const before = tokens[at - 1];
  const firstHalf = sideOf(wordAt(tokens, at - 2)?.lower ?? '');
  if (before && (before.lower === 'and' || before.text === '&') && firstHalf && firstHalf !== side) return undefined;
  // "sales/marketing", "sales or marketing": one agent made of both functions.
  const linker = tokens[at + 1];
  const other = tokens[at + 2];
  if (!token.possessive && linker && (linker.text === '/' || linker.lower === 'or') && isWord(other) && sideOf(other.lower) && sideOf(other.lower) !== side) {
    return extendHeads(tokens, { side: 'joint', from: at, to: at + 2, functionWords: [at, at + 2] });
  }
  if (!token.possessive && linker && (linker.lower === 'and' || linker.text === '&') && isWord(other) && sideOf(other.lower) && sideOf(other.lower) !== side) {
    return undefined;
  }
  if (token.possessive) return { side, from: at, to: at, functionWords: [at] };
  const mention = extendHeads(tokens, { side, from: at, to: at, functionWords: [at] });
  return mention.to === at && modifiesNoun(tokens, at) ? undefined : mention;
}

/** Determiners that make "sales lead", "marketing plan" after them a noun: no one writes "each sales leads the call". */
const COMPOUND_DETERMINERS = new Set(['a', 'an', 'each', 'every', 'any', 'no', 'another', 'this', 'that', 'one']);

/** "sales lead scoring", "weak marketing planning", "Marketing Qualified Lead": the function word is an adjective here. */
export function modifiesNoun(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  // "all sales and promotional activities": an adjective coordinated with another before a modified noun.
  const other = tokens[at + 2];
  if ((next?.lower === 'and' || next?.lower === 'or') && isWord(other) && !sideOf(other.lower) && MODIFIED_NOUNS.has(tokens[at + 3]?.lower ?? '')) return true;
  if (!isWord(next) || next.span.start.line !== tokens[at]!.span.end.line || !MODIFIED_NOUNS.has(next.lower)) return false;
  if (!MODIFIED_NOUNS_THAT_ARE_VERBS.has(next.lower) || next.possessive) return true;
  // "each sales lead", "every marketing plan": after a determiner the two words are one noun, not a doer and its verb.
  if (COMPOUND_DETERMINERS.has(tokens[at - 1]?.lower ?? '')) return true;
  // "sales calls are…", "sales leads." are nouns; "Sales leads the negotiation", "marketing plans and buys…" are verbs.
  const after = tokens[at + 2];
  if (after === undefined) return true;
  if (after.kind !== 'word') return after.text !== '(';
  // "set sales targets and strategy": a second noun after "and" keeps the first a noun.
  if ((after.lower === 'and' || after.lower === 'or') && MODIFIED_NOUNS.has(tokens[at + 3]?.lower ?? '')) return true;
  return AUXILIARIES.has(after.lower) || MODIFIED_NOUNS.has(after.lower);
}

export function extendHeads(tokens: Token[], mention: Mention): Mention {
  let to = mention.to;
  while (to - mention.to < 2 && !tokens[to]?.possessive) {
    const next = wordAt(tokens, to + 1)?.lower;
    if (next === undefined) break;
    const after = tokens[to + 2];
    const verbFollows = isWord(after) && (AUXILIARIES.has(after.lower) || /ed$/.test(after.lower) || IRREGULAR_PAST.has(after.lower));
    if (!FUNCTION_HEADS.has(next) && !(HEADS_THAT_ARE_VERBS.has(next) && verbFollows)) break;
    to += 1;
  }
  return { ...mention, to };
}

/** The other function: what a doer of `side` would be wrong to be credited with. */
export const otherSide = (side: Mention['side']): FunctionSide | undefined => (side === 'sales' ? 'marketing' : side === 'marketing' ? 'sales' : undefined);
