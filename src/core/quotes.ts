// Quoted examples: phrases a document cites in quotation marks as examples of wording ("marketing is just sales",
// "our sales team will launch a TV campaign") mention the words rather than use them, so no rule reports a claim that
// lies wholly inside one. Quoted speech ("Marketing is just sales," she said.) is someone's claim and stays in play.

/** A range of offsets, end exclusive. */
export interface QuotedRange {
  start: number;
  end: number;
}

const SPEECH = 'said|says|say|asked|asks|told|tells|wrote|writes|explained|explains|added|adds|argued|argues|insisted|insists|claimed|claims|put it|puts it';
/** After a quotation: "…," Dholakia says. / "…," said the CEO. / "…," she said. */
export const SPEECH_AFTER = new RegExp(`^[\\s,]*(([A-Z][\\w.'’-]*|he|she|they|we|I)\\s+){0,3}(${SPEECH})\\b`);
/** Before it, in the same sentence and at most 60 characters back: said it to me over coffee last week: "…" / She told us, "…" */
export const SPEECH_BEFORE = new RegExp(`\\b(${SPEECH})\\b`, 'gi');
const SPEECH_REACH = 60;

/** Whether a speech verb ends within SPEECH_REACH characters of the end of `before`, with no sentence break or quote after it. */
function speechJustBefore(before: string): boolean {
  let stop = -1;
  for (let at = before.length - 1; at >= 0 && stop < 0; at -= 1) if ('.!?"“”'.includes(before[at]!)) stop = at;
  const tail = before.slice(stop + 1);
  for (const match of tail.matchAll(SPEECH_BEFORE)) if (tail.length - (match.index + match[0].length) <= SPEECH_REACH) return true;
  return false;
}

/** Whether what follows a quotation on its line is only emphasis marks, spaces and at most one HTML comment. */
function onlyCommentAfter(rest: string): boolean {
  const remainder = rest.slice(/^[\s*_]*/.exec(rest)![0].length).trimEnd();
  return remainder === '' || (remainder.length >= 7 && remainder.startsWith('<!--') && remainder.endsWith('-->') && !/[\r\u2028\u2029]/.test(remainder));
}

/**
 * Whether a quotation reads as someone's speech rather than a cited example: a speech verb just before or after it,
 * or a quotation that is its paragraph's whole text (a pull quote, a block quote).
 */
function isSpeech(text: string, open: number, close: number): boolean {
  if (SPEECH_AFTER.test(text.slice(close + 1, close + 40))) return true;
  const lineStart = text.lastIndexOf('\n', open) + 1;
  const before = text.slice(Math.max(lineStart, open - 80), open);
  if (speechJustBefore(before)) return true;
  const lineEnd = text.indexOf('\n', close);
  const rest = text.slice(close + 1, lineEnd < 0 ? text.length : lineEnd);
  return /^[\s>*_-]*$/.test(text.slice(lineStart, open)) && onlyCommentAfter(rest);
}

/** A quotation: its range, and whether it is a cited example of wording (two words or more, not speech). */
export interface Quotation extends QuotedRange {
  example: boolean;
}

/**
 * The quotations of a text, in order. Quotes pair within a paragraph (a blank line resets them): curly “…”, and
 * straight "…" toggling open and shut. Linear in the text's length.
 */
export function quotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let open = -1;
  let straight = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\n' && text[at + 1] === '\n') open = -1;
    else if (char === '“' || (char === '"' && open < 0)) {
      open = at;
      straight = char === '"';
    } else if ((char === '”' && open >= 0 && !straight) || (char === '"' && open >= 0 && straight)) {
      // A single quoted word ("sales" and "marketing" are synonymous) is a word under discussion, which the rules judge.
      const example = /\S\s+\S/.test(text.slice(open + 1, at)) && !isSpeech(text, open, at);
      found.push({ start: open, end: at + 1, example });
      open = -1;
    }
  }
  return found;
}

/** Whether `[start, end)` lies inside one of the sorted ranges. */
export function insideAny(ranges: QuotedRange[], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  const range = ranges[low];
  return range !== undefined && range.start <= start && end <= range.end;
}
