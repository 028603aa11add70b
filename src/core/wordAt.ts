// What a hover says about the words "sales" and "marketing" themselves: whether the word under the cursor names the
// function, as the linter reads it, or is used in another sense ("holiday sales", "sales tax").
import type { ActivityIndex, ActivityMatch } from './activities';
import { words } from './clauses';
import { mentionAt, sideOf, type FunctionSide } from './naming';
import { analyzeMarkdown, tokenSpan, type Sentence } from './prose';
import type { Span } from './types';

export interface FunctionWordReading {
  side: FunctionSide;
  /** The word as written. */
  word: string;
  span: Span;
  /** `function` when the linter reads the word as the function, `other` for another sense. */
  sense: 'function' | 'other';
}

/** The sentence and the index of the word under a 0-based offset, if a word is there. */
function wordUnder(markdown: string, offset: number): { sentence: Sentence; at: number } | undefined {
  const { sentences } = analyzeMarkdown(markdown);
  // The last sentence starting at or before the offset (sentences are in document order).
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sentences[middle]!.span.start.offset <= offset) low = middle;
    else high = middle - 1;
  }
  const sentence = sentences[low];
  if (!sentence || sentence.span.start.offset > offset || offset > sentence.span.end.offset) return undefined;
  const at = sentence.tokens.findIndex((token) => token.kind === 'word' && token.span.start.offset <= offset && offset <= token.span.end.offset);
  return at < 0 ? undefined : { sentence, at };
}

/** The reading of a function word ("sales", "marketers", "sales/marketing" parts) under a 0-based offset, if any. */
export function functionWordAt(markdown: string, offset: number): FunctionWordReading | undefined {
  const under = wordUnder(markdown, offset);
  const token = under?.sentence.tokens[under.at];
  const side = token && sideOf(token.lower);
  if (!under || !token || !side) return undefined;
  return { side, word: token.text, span: token.span, sense: mentionAt(under.sentence.tokens, under.at) ? 'function' : 'other' };
}

/** How far from the word under the cursor an activity phrase may start or end and still hold it. */
const ACTIVITY_REACH = 14;

/**
 * The catalogue activity whose words hold the word under a 0-based offset, matched as the linter matches them: a
 * verb and its object in any inflection ("closed the first ten deals", "the renewal was negotiated"), or a noun
 * phrase ("loyalty program"). What a hover shows the concept card of when the word is no catalogue term.
 */
export function activityAt(markdown: string, offset: number, index: ActivityIndex): { conceptId: string; span: Span } | undefined {
  const under = wordUnder(markdown, offset);
  if (!under) return undefined;
  const { sentence, at } = under;
  const list = words(sentence.tokens);
  const holds = (match: ActivityMatch | undefined): match is ActivityMatch => match !== undefined && match.from <= at && at <= match.to;
  // Every reading that holds the word, the widest kept: "the renewal was negotiated" over "negotiated" alone.
  const readings: ActivityMatch[] = [];
  for (let verb = at; verb >= Math.max(0, at - ACTIVITY_REACH); verb -= 1) {
    const match = index.verbWithObjectAfter(list, verb, list.length);
    if (holds(match)) readings.push(match);
  }
  for (let participle = at; participle < Math.min(list.length, at + ACTIVITY_REACH); participle += 1) {
    const match = index.verbWithObjectBefore(list, participle, 0);
    if (holds(match)) readings.push(match);
  }
  for (let start = Math.max(0, at - ACTIVITY_REACH); start <= at; start += 1) {
    const match = index.nounIn(list, start, Math.min(list.length, at + ACTIVITY_REACH));
    if (holds(match)) readings.push(match);
  }
  const widest = readings.reduce<ActivityMatch | undefined>((best, match) => (!best || match.to - match.from > best.to - best.from ? match : best), undefined);
  return widest && { conceptId: widest.conceptId, span: tokenSpan(sentence.tokens, widest.from, widest.to) };
}

/** What a hover shows for a word that is no catalogue term: "sales" or "marketing" itself, or an activity. */
export interface WordReading {
  reading?: FunctionWordReading;
  activity?: { conceptId: string; span: Span };
}

/** The reading of the word under a 0-based offset, with the activities of `index`: the function word first. */
export function wordReadingAt(markdown: string, offset: number, index: ActivityIndex): WordReading {
  const reading = functionWordAt(markdown, offset);
  if (reading) return { reading };
  const activity = activityAt(markdown, offset, index);
  return activity ? { activity } : {};
}
