// Quick fixes. A replace fix edits only the function words inside the finding's span.
import type { Mention } from './naming';
import { COUNTERPARTS } from './lexicon';
import { pointOf, type ProseDocument, type Token } from './prose';
import type { Fix, Point, RuleId } from './types';

function matchCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model.charAt(0) === model.charAt(0).toUpperCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** "sales team" → "marketing team", "Marketing's" → "Sales'", keeping case, number and the possessive. */
export function replaceFunctionFix(tokens: Token[], mention: Mention): Fix | undefined {
  if (mention.functionWords.length === 0) return undefined;
  const edits = mention.functionWords.map((at) => {
    const token = tokens[at];
    const counterpart = token && COUNTERPARTS.get(token.lower);
    if (!token || !counterpart) return undefined;
    const possessive = token.possessive ? (counterpart.endsWith('s') ? "'" : "'s") : '';
    return { span: token.span, newText: matchCase(counterpart, token.text) + possessive };
  });
  if (edits.some((edit) => !edit)) return undefined;
  const newWords = edits.map((edit) => edit!.newText).join(' ');
  return { title: `Replace with “${newWords}”`, kind: 'replace', edits: edits as Fix['edits'] };
}

/** The end of a line's text, before a carriage return and before trailing spaces (two of which make a hard line break). */
function lineEnd(doc: ProseDocument, line: number): Point {
  const start = doc.lineStarts[line]!;
  const next = doc.lineStarts[line + 1];
  // Walk back from the next line's start over its line ending and trailing blanks: no copy of a long line per finding.
  let end = next === undefined ? doc.text.length : next;
  if (end > start && doc.text[end - 1] === '\n') end -= 1;
  if (end > start && doc.text[end - 1] === '\r') end -= 1;
  while (end > start && (doc.text[end - 1] === ' ' || doc.text[end - 1] === '\t')) end -= 1;
  return { line, character: end - start, offset: end };
}

/** Appends `<!-- plumb-line-disable-line rule -->` to the finding's line: an inline comment that changes nothing in the rendered page. */
export function ignoreLineFix(doc: ProseDocument, ruleId: RuleId, line: number): Fix {
  const at = lineEnd(doc, line);
  const newText = ` <!-- plumb-line-disable-line ${ruleId} -->`;
  return { title: `Ignore ${ruleId} on this line`, kind: 'ignore-line', edits: [{ span: { start: at, end: at }, newText }] };
}

/** Puts `<!-- plumb-line-disable rule -->` at the top of the file, after any front matter. */
export function disableFileFix(doc: ProseDocument, ruleId: RuleId): Fix {
  const offset = doc.frontMatterEnd === 0 ? 0 : doc.text.indexOf('\n', doc.frontMatterEnd) + 1 || doc.text.length;
  const at = pointOf(doc.lineStarts, offset);
  const prefix = offset > 0 && offset === doc.text.length && !doc.text.endsWith('\n') ? '\n' : '';
  const newText = `${prefix}<!-- plumb-line-disable ${ruleId} -->\n\n`;
  return { title: `Disable ${ruleId} in this file`, kind: 'disable-file', edits: [{ span: { start: at, end: at }, newText }] };
}
