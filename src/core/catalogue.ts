import conceptData from './concepts.json';
import type { TeamPhrase } from './activities';
import { inflections } from './morphology';
import { analyzeMarkdown, tokenSpan, type Token } from './prose';
import type { Concept, ConceptData, Corpus, Passage, Side, TeamChoice, TermMatch } from './types';

const MAX_PASSAGES = 8;
const UNINFLECTED = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'for', 'on', 'in', 'with', 'by', 'at', 'as']);

/** Lower case, straight quotes, one space: how passages and evidence phrases are compared. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');
}

/**
 * Passages that contain the concept's evidence phrases, best first. The phrases are listed best first in concepts.json:
 * a passage holding an earlier phrase comes first, then one holding more phrases, then corpus order. `texts` are the
 * passages' texts normalized, in corpus order.
 */
function supportingPassages(corpus: Corpus, texts: readonly string[], concept: ConceptData): Passage[] {
  const phrases = concept.evidence.map(normalizeText);
  return corpus.passages
    .map((passage, order) => {
      const text = texts[order]!;
      const matched = phrases.flatMap((phrase, rank) => (text.includes(phrase) ? [rank] : []));
      return { passage, order, best: matched[0] ?? Infinity, count: matched.length };
    })
    .filter((entry) => entry.count > 0)
    .sort((a, b) => a.best - b.best || b.count - a.count || a.order - b.order)
    .slice(0, MAX_PASSAGES)
    .map((entry) => entry.passage);
}

interface TermPattern {
  conceptId: string;
  term: string;
  words: Set<string>[];
}

function termPattern(conceptId: string, term: string): TermPattern {
  // Hyphens and spaces are interchangeable in terms ("one-to-one", "one to one"); the tokenizer keeps hyphenated words whole.
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  return { conceptId, term, words: words.map((word) => new Set(UNINFLECTED.has(word) ? [word] : inflections(word))) };
}

/** The one concept catalogue: feeds the tree, the hovers and the linter. */
export class Catalogue {
  readonly concepts: Concept[];
  private readonly byId: Map<string, Concept>;
  private readonly patterns: TermPattern[];

  constructor(
    readonly corpus: Corpus,
    data: Array<ConceptData & { team?: TeamChoice }>,
    /** The team's activity phrases, matched before the catalogue's (see team.ts). */
    readonly teamPhrases: readonly TeamPhrase[] = [],
  ) {
    const texts = corpus.passages.map((passage) => normalizeText(passage.text));
    this.concepts = data.map((concept) => ({ ...concept, passages: supportingPassages(corpus, texts, concept) }));
    this.byId = new Map(this.concepts.map((concept) => [concept.id, concept]));
    this.patterns = this.concepts
      .flatMap((concept) => concept.terms.map((term) => termPattern(concept.id, term)))
      .sort((a, b) => b.words.length - a.words.length);
  }

  get(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  bySide(side: Side): Concept[] {
    return this.concepts.filter((concept) => concept.side === side);
  }

  /** Catalogue terms in the prose of a Markdown document (code, HTML, front matter and URLs skipped), longest match first. */
  findTerms(markdown: string): TermMatch[] {
    const matches: TermMatch[] = [];
    for (const sentence of analyzeMarkdown(markdown).sentences) {
      const words = sentence.tokens.filter((token): token is Token => token.kind === 'word');
      for (let at = 0; at < words.length; at += 1) {
        const pattern = this.patterns.find((candidate) =>
          candidate.words.every((forms, offset) => forms.has(words[at + offset]?.lower.replace(/'$/, '') ?? '')),
        );
        if (!pattern) continue;
        matches.push({ conceptId: pattern.conceptId, term: pattern.term, span: tokenSpan(words, at, at + pattern.words.length - 1) });
        at += pattern.words.length - 1;
      }
    }
    return matches;
  }

  /** The evidence phrase of a concept that a passage holds (the best one), to centre an excerpt on. */
  /** How well a passage supports a concept: the rank of the first evidence phrase it holds (0 is best), Infinity for none. */
  evidenceRank(conceptId: string, passage: Passage): number {
    const phrase = this.evidenceIn(conceptId, passage);
    return phrase === undefined ? Infinity : this.byId.get(conceptId)!.evidence.indexOf(phrase);
  }

  evidenceIn(conceptId: string | undefined, passage: Passage): string | undefined {
    const concept = conceptId === undefined ? undefined : this.byId.get(conceptId);
    const text = normalizeText(passage.text);
    return concept?.evidence.find((phrase) => text.includes(normalizeText(phrase)));
  }

  /** The term under a 0-based offset, if any. */
  termAt(markdown: string, offset: number): TermMatch | undefined {
    return this.findTerms(markdown).find((match) => match.span.start.offset <= offset && offset <= match.span.end.offset);
  }

  /** How often each concept occurs in a document, by concept id. */
  countOccurrences(markdown: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const match of this.findTerms(markdown)) counts.set(match.conceptId, (counts.get(match.conceptId) ?? 0) + 1);
    return counts;
  }
}

export function buildCatalogue(corpus: Corpus, data: ConceptData[] = conceptData as ConceptData[]): Catalogue {
  return new Catalogue(corpus, data);
}
