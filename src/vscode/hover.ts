// Hover card for a catalogue term: the engine's card, with links that run only our own two commands.
import { Hover, MarkdownString, type HoverProvider, type Position, type TextDocument } from 'vscode';
import { conceptCard, type Catalogue } from '../core';
import { toRange } from './convert';

export class TermHoverProvider implements HoverProvider {
  constructor(private readonly catalogue: Catalogue) {}

  provideHover(document: TextDocument, position: Position): Hover | undefined {
    const term = this.catalogue.termAt(document.getText(), document.offsetAt(position));
    const concept = term && this.catalogue.get(term.conceptId);
    if (!term || !concept) return undefined;
    const card = new MarkdownString(
      conceptCard(this.catalogue, concept, {
        passage: (passage) => commandUri('plumbLine.openPassage', passage.id),
        concept: (shown) => commandUri('plumbLine.revealConcept', shown.id),
      }),
    );
    // Command links run only our own commands, and corpus text is escaped, so nothing else can be triggered.
    card.isTrusted = { enabledCommands: ['plumbLine.openPassage', 'plumbLine.revealConcept'] };
    card.supportHtml = false;
    return new Hover(card, toRange(term.span));
  }
}

function commandUri(command: string, argument: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`;
}
