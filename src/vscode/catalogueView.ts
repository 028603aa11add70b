// The catalogue as the views see it: the sources, sections, passages and concepts the language server parsed from the
// corpus, sent once as plain data (see CATALOGUE_REQUEST). The extension host parses nothing and carries no engine.
import type { Passage, Side, Source } from '../core/types';
import type { CatalogueSnapshot } from '../server/protocol';

export interface ViewConcept {
  id: string;
  label: string;
  side: Side;
  definition: string;
  terms: string[];
  /** The passages that support the concept, in the catalogue's order. */
  passages: Passage[];
  /** A concept the team added, or one it moved to the other side. */
  team?: 'added' | 'moved';
}

export class CatalogueView {
  readonly sources: Source[];
  readonly concepts: ViewConcept[];
  readonly passageById = new Map<string, Passage>();
  readonly sourceById = new Map<string, Source>();
  private readonly conceptById = new Map<string, ViewConcept>();

  constructor(snapshot: CatalogueSnapshot) {
    this.sources = snapshot.sources;
    for (const source of this.sources) {
      this.sourceById.set(source.id, source);
      for (const section of source.sections) for (const passage of section.passages) this.passageById.set(passage.id, passage);
    }
    this.concepts = snapshot.concepts.map(({ passageIds, ...concept }) => ({
      ...concept,
      passages: passageIds.flatMap((id) => this.passageById.get(id) ?? []),
    }));
    for (const concept of this.concepts) this.conceptById.set(concept.id, concept);
  }

  get(conceptId: string): ViewConcept | undefined {
    return this.conceptById.get(conceptId);
  }

  bySide(side: Side): ViewConcept[] {
    return this.concepts.filter((concept) => concept.side === side);
  }
}
