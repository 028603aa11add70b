// What a hover says about a catalogue term, as Markdown: the concept, its side, its definition and quotes from the
// corpus. Editor-neutral: the VS Code hover adds command links, the language server serves it as it is.
import type { Catalogue } from './catalogue';
import { excerpt } from './excerpt';
import { evidenceFor } from './teamEvidence';
import type { FunctionWordReading } from './wordAt';
import type { Concept, Finding, Passage, Side, Source } from './types';

const MAX_QUOTES = 3;
/** A quote longer than this is shortened around the evidence it holds, so the card stays short. */
const QUOTE_LENGTH = 220;
/** How much weaker than the best quote's evidence another quote's may be and still be shown. */
const RANK_SLACK = 1;

export const SIDE_LABELS: Record<Side, string> = { marketing: 'Marketing', sales: 'Sales', both: 'Both' };

/** Links a card may carry; each returns a Markdown link target, or undefined for no link. */
export interface CardLinks {
  passage?: (passage: Passage) => string | undefined;
  concept?: (concept: Concept) => string | undefined;
}

/**
 * The card: the concept and its side, its definition, the link to it in the sidebar (above the quotes, so it is never
 * below the fold), then the quotes that support it best, a long one shortened around its evidence and a list item
 * shown under the sentence that leads into its list.
 */
export function conceptCard(catalogue: Catalogue, concept: Concept, links: CardLinks = {}): string {
  const parts = [`**${escapeMarkdown(concept.label)}** · ${SIDE_LABELS[concept.side]}${teamMark(concept)}`, escapeMarkdown(concept.definition)];
  const reveal = links.concept?.(concept);
  if (reveal) parts.push(`[Reveal in sidebar](${reveal})`);
  const best = concept.passages[0] ? catalogue.evidenceRank(concept.id, concept.passages[0]) : Infinity;
  const strong = concept.passages.filter((passage) => catalogue.evidenceRank(concept.id, passage) <= best + RANK_SLACK);
  // The team's word first; where it differs from the bundled sources, theirs after it.
  const quotes = concept.team ? evidenceFor(catalogue, concept.id, MAX_QUOTES) : strong.slice(0, MAX_QUOTES);
  for (const passage of quotes) {
    const source = catalogue.corpus.sourceById.get(passage.sourceId);
    if (!source) continue;
    const byline = source.author ? `, ${escapeMarkdown(source.author)}` : source.origin === 'team' ? ' (your team)' : '';
    const open = links.passage?.(passage);
    const text = escapeMarkdown(excerpt(passage.text, QUOTE_LENGTH, catalogue.evidenceIn(concept.id, passage)));
    const quote = passage.leadIn ? `> ${escapeMarkdown(passage.leadIn)}\n>\n> • ${text}` : `> ${text}`;
    parts.push(`${quote}\n>\n> — *${escapeMarkdown(source.title)}*${byline}${open ? ` · [Open passage](${open})` : ''}`);
  }
  return parts.join('\n\n');
}

/** " · your team's" for a team concept, " · your team's choice (the bundled sources: Marketing)" for a moved one. */
function teamMark(concept: Concept): string {
  if (!concept.team) return '';
  if (concept.team.kind === 'added') return " · your team's concept";
  return concept.team.bundledSide ? ` · your team's choice (the bundled sources: ${SIDE_LABELS[concept.team.bundledSide]})` : " · your team's choice";
}

/** Corpus text as literal Markdown on one line: inline syntax and line-start markers are backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&|~]/g, '\\$&')
    .replace(/^[#+-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A passage in curly quotes, shortened around `focus`; quotes the passage already carries are not doubled. */
export function quoted(text: string, max: number, focus?: string): string {
  const inner = text.trim().replace(/^[“"]([^“”"]*)[”"]$/, '$1');
  return `“${excerpt(inner, max, focus)}”`;
}

/** "Title, Author", or the title alone for anonymous sources. */
export function citation(source: Source): string {
  return source.author ? `${source.title}, ${source.author}` : source.title;
}

/** A finding's evidence passage as its related information says it: the quote, shortened around what it shows, and its source. */
export function evidenceText(catalogue: Catalogue, finding: Finding, passage: Passage, source: Source): string {
  return `${quoted(passage.text, 120, catalogue.evidenceIn(finding.conceptId, passage))} — ${citation(source)}`;
}

/** The concept that defines each function's mode of work: what a hover on the word itself shows. */
export const FUNCTION_CONCEPTS: Record<'sales' | 'marketing', string> = { sales: 'one-to-one', marketing: 'one-to-many' };

/**
 * A card for the word "sales" or "marketing" itself: the linter's reading of this use first, then, for the function,
 * its defining concept with quotes.
 */
export function functionCard(catalogue: Catalogue, reading: FunctionWordReading, links: CardLinks = {}): string {
  const word = escapeMarkdown(reading.word);
  if (reading.sense === 'other') {
    return `*${word}* here is not the ${reading.side} function (a quantity, a tax, a season's ${reading.side}…): Plumb Line does not read it as a doer.`;
  }
  const concept = catalogue.get(FUNCTION_CONCEPTS[reading.side]);
  const lead = `*${word}* here names the ${reading.side} function.`;
  return concept ? `${lead}\n\n${conceptCard(catalogue, concept, links)}` : lead;
}
