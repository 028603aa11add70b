// Clause bounds: where a clause starts and ends, and where a subject's predicate begins after its auxiliaries and asides.
import {
  ADVERBS,
  AUXILIARIES,
  CLAUSE_BREAK_MARKS,
  CLAUSE_BREAK_WORDS,
  DETERMINERS,
  MAIN_VERB_AUXILIARIES,
  NEGATORS,
  PARENTHETICAL_STARTS,
  RELATIVE_PRONOUNS,
  TEAM_NOUNS,
} from './lexicon';
import { isWord, mentionAt, sideOf, wordAt } from './naming';
import type { Token } from './prose';

/** Whether the words of `phrase` stand in `tokens` from `at` on (lower case). */
export const phraseAt = (tokens: Token[], at: number, phrase: string[]) => phrase.every((word, offset) => tokens[at + offset]?.lower === word);

/** Whether any of `phrases` stands anywhere in `tokens`. */
export const hasPhrase = (tokens: Token[], phrases: string[][]) => tokens.some((_, at) => phrases.some((phrase) => phraseAt(tokens, at, phrase)));

export const endsNegative = (word: string) => NEGATORS.has(word) || word.endsWith("n't");

export function isClauseBreak(token: Token | undefined): boolean {
  if (!token) return false;
  return token.kind === 'punctuation' ? CLAUSE_BREAK_MARKS.has(token.text) : CLAUSE_BREAK_WORDS.has(token.lower);
}

/** How far a clause may reach: no real clause is longer, and the bound keeps a pathological run-on line linear. */
const CLAUSE_REACH = 40;

/** Where the clause that contains `at` ends (exclusive). */
export function clauseEnd(tokens: Token[], at: number): number {
  for (let index = at; index < Math.min(tokens.length, at + CLAUSE_REACH); index += 1) {
    if (isClauseBreak(tokens[index])) return index;
    if (index > at && sideOf(wordAt(tokens, index)?.lower ?? '') && mentionAt(tokens, index)) return index;
  }
  return Math.min(tokens.length, at + CLAUSE_REACH);
}

/** Where the clause that contains `at` starts. */
export function clauseStart(tokens: Token[], at: number): number {
  for (let index = at - 1; index >= Math.max(0, at - CLAUSE_REACH); index -= 1) if (isClauseBreak(tokens[index])) return index + 1;
  return Math.max(0, at - CLAUSE_REACH);
}

export interface Predicate {
  start: number;
  end: number;
  negated: boolean;
}

/** After "X, on the other hand," or "X, whoever built the relationship,": where the subject's own predicate starts. */
function skipInterruption(tokens: Token[], from: number): number {
  const next = wordAt(tokens, from + 1);
  if (tokens[from]?.text !== ',' || !next) return from;
  const first = next.lower;
  if (RELATIVE_PRONOUNS.has(first) && first !== 'that') return from + 2;
  if (!PARENTHETICAL_STARTS.has(first) && first !== 'whoever' && first !== 'whichever') return from;
  for (let index = from + 2; index < Math.min(tokens.length, from + 9); index += 1) {
    const token = tokens[index]!;
    if (token.text === ',') return index + 1;
    if (token.kind === 'punctuation') return from;
  }
  return from;
}

/** A determiner or a comparative ("did a…", "needs better…"): after "did" or "needs", an object, so that word is the main verb. */
const opensObject = (word: string): boolean => DETERMINERS.has(word) || /^\w+er$/.test(word);

/** Skips auxiliaries, adverbs and negators after a subject; returns where the main verb starts. */
export function predicateAfter(tokens: Token[], from: number): Predicate | undefined {
  let index = skipInterruption(tokens, from);
  let negated = false;
  while (index < tokens.length && isWord(tokens[index])) {
    const word = tokens[index]!.lower;
    if (endsNegative(word)) negated = true;
    else if (['the', 'a'].includes(word) && TEAM_NOUNS.has(tokens[index + 1]?.lower ?? '') && RELATIVE_PRONOUNS.has(tokens[index + 2]?.lower ?? '')) {
      // "marketing is the team that signs new customers"
      index += 3;
      continue;
    } else if (!AUXILIARIES.has(word) && !ADVERBS.has(word) && !/^\w+ly$/.test(word)) break;
    // "Sales did a competitor analysis", "needs better brochures": before an object these are the main verb.
    else if (MAIN_VERB_AUXILIARIES.has(word) && opensObject(wordAt(tokens, index + 1)?.lower ?? '')) break;
    index += 1;
  }
  if (!isWord(tokens[index])) return undefined;
  return { start: index, end: clauseEnd(tokens, index), negated };
}

const wordLists = new WeakMap<Token[], string[]>();

/** The sentence's words in lower case (punctuation as written), computed once a sentence. */
export function words(tokens: Token[]): string[] {
  let list = wordLists.get(tokens);
  if (!list) {
    list = tokens.map((token) => (token.kind === 'word' ? token.lower : token.text));
    wordLists.set(tokens, list);
  }
  return list;
}
