// What a hover says about the words "sales" and "marketing" themselves: whether the word under the cursor names the
// function, as the linter reads it, or is used in another sense ("holiday sales", "sales tax").
import { mentionAt, sideOf, type FunctionSide } from './naming';
import { analyzeMarkdown } from './prose';
import type { Span } from './types';

export interface FunctionWordReading {
  side: FunctionSide;
  /** The word as written. */
  word: string;
  span: Span;
  /** `function` when the linter reads the word as the function, `other` for another sense. */
  sense: 'function' | 'other';
}

/** The reading of a function word ("sales", "marketers", "sales/marketing" parts) under a 0-based offset, if any. */
export function functionWordAt(markdown: string, offset: number): FunctionWordReading | undefined {
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
  const token = sentence.tokens[at];
  const side = token && sideOf(token.lower);
  if (!token || !side) return undefined;
  return { side, word: token.text, span: token.span, sense: mentionAt(sentence.tokens, at) ? 'function' : 'other' };
}
