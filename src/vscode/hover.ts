// Hover card for a catalogue term: the concept, its side, its definition and quotes from the corpus.
import { Hover, MarkdownString, type HoverProvider, type Position, type TextDocument } from 'vscode';
import type { Catalogue, Concept } from '../core';
import { SIDE_LABELS, toRange } from './convert';

const MAX_QUOTES = 3;

export class TermHoverProvider implements HoverProvider {
  constructor(private readonly catalogue: Catalogue) {}

  provideHover(document: TextDocument, position: Position): Hover | undefined {
    const term = this.catalogue.termAt(document.getText(), document.offsetAt(position));
    const concept = term && this.catalogue.get(term.conceptId);
    if (!term || !concept) return undefined;
    return new Hover(this.card(concept), toRange(term.span));
  }

  private card(concept: Concept): MarkdownString {
    const card = new MarkdownString(undefined, false);
    // Command links run only our own commands, and corpus text is escaped, so nothing else can be triggered.
    card.isTrusted = { enabledCommands: ['plumbLine.openPassage', 'plumbLine.revealConcept'] };
    card.supportHtml = false;
    card.appendMarkdown(`**${escapeMarkdown(concept.label)}** · ${SIDE_LABELS[concept.side]}\n\n`);
    card.appendMarkdown(`${escapeMarkdown(concept.definition)}\n\n`);
    for (const passage of concept.passages.slice(0, MAX_QUOTES)) {
      const source = this.catalogue.corpus.sourceById.get(passage.sourceId);
      if (!source) continue;
      const byline = source.author ? `, ${escapeMarkdown(source.author)}` : '';
      card.appendMarkdown(`> ${escapeMarkdown(passage.text)}\n>\n`);
      card.appendMarkdown(`> — *${escapeMarkdown(source.title)}*${byline} · [Open passage](${commandUri('plumbLine.openPassage', passage.id)})\n\n`);
    }
    card.appendMarkdown(`[Reveal in sidebar](${commandUri('plumbLine.revealConcept', concept.id)})`);
    return card;
  }
}

function commandUri(command: string, argument: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`;
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
