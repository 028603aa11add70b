// What the team's word adds to a finding or a card: the passages to cite and the sentence that says where the team
// and the bundled sources differ. Plain functions over a catalogue, with no parser behind them, so the hover cards
// (and the extension's helpers that share card.ts) carry none of the engine.
import type { Catalogue } from './catalogue';
import type { Passage } from './types';

/**
 * The passages that back a claim about a concept: where the team's choice differs from the bundled sources, the
 * team's passage first and then the bundled one, so a reader sees both; otherwise the concept's best passages.
 */
export function evidenceFor(catalogue: Catalogue, conceptId: string, count = 2): Passage[] {
  const concept = catalogue.get(conceptId);
  if (!concept) return [];
  if (!concept.team) return concept.passages.slice(0, count);
  const bundled = concept.team.bundledConceptId ? (catalogue.get(concept.team.bundledConceptId)?.passages ?? []) : concept.passages;
  const bundledOnly = bundled.filter((passage) => catalogue.corpus.sourceById.get(passage.sourceId)?.origin !== 'team');
  const team = concept.team.passages.slice(0, 1);
  const rest = concept.team.bundledSide ? bundledOnly : concept.passages.filter((passage) => !team.includes(passage));
  return [...team, ...rest].slice(0, count);
}

/** "Your team gives this to sales (Field playbook); the bundled sources give it to marketing.": what a finding adds. */
export function teamNote(catalogue: Catalogue, conceptId: string): string | undefined {
  const choice = catalogue.get(conceptId)?.team;
  if (!choice?.bundledSide) return undefined;
  const concept = catalogue.get(conceptId)!;
  const source = choice.passages[0] && catalogue.corpus.sourceById.get(choice.passages[0].sourceId);
  const where = source ? ` (${source.title})` : '';
  return `Your team gives this to ${concept.side}${where}; the bundled sources give it to ${choice.bundledSide}.`;
}
