// A team's own word on sales and marketing (issue 11): its sources, parsed like the bundled articles, its concepts,
// and the concepts and activities it gives to the other side. Merged with the bundled catalogue into one catalogue
// that feeds the tree, the hovers and the linter alike; built once per team key and kept.
import { ActivityIndex, type TeamPhrase } from './activities';
import { Catalogue, normalizeText } from './catalogue';
import { parseSource } from './corpus';
import { Kept } from './kept';
import { inflections } from './morphology';
import type { Concept, ConceptData, Corpus, Passage, Side, Source, TeamChoice, TeamInput, TeamMove } from './types';

/** How many team catalogues are kept per bundled catalogue (a workspace has one or a few chains of config files). */
const KEPT = 4;
/** Team keys name config files and source patterns: a few kilobytes at most. */
const KEPT_KEY_CHARS = 256 * 1024;
const kept = new WeakMap<Catalogue, Kept<Catalogue>>();

/** The id of a team source's passages and sections: `team:` keeps them apart from the bundled articles'. */
const TEAM_PREFIX = 'team:';

export const isTeamConcept = (concept: Concept) => concept.team?.kind === 'added' || concept.id.startsWith(TEAM_PREFIX);

/** Whether a team has anything to add. */
export const hasTeam = (team: TeamInput | undefined): team is TeamInput =>
  team !== undefined && (team.sources.length > 0 || team.concepts.length > 0 || team.moves.length > 0);

/**
 * The catalogue with the team's sources, concepts and moves, or `base` itself when the team adds nothing. Problems
 * (a source that does not parse, a move whose activity the catalogue does not know) are reported once, when built.
 */
export function withTeam(base: Catalogue, team: TeamInput | undefined, onProblem?: (problem: string) => void): Catalogue {
  if (!hasTeam(team)) return base;
  let store = kept.get(base);
  if (!store) {
    store = new Kept<Catalogue>(KEPT, KEPT_KEY_CHARS);
    kept.set(base, store);
  }
  return store.get(team.key, () => buildTeamCatalogue(base, team, onProblem ?? (() => undefined)));
}

/** "run trade shows" → "Running trade shows": an activity phrase as a concept label. */
export function activityLabel(phrase: string): string {
  const [verb = '', ...rest] = phrase.trim().split(/\s+/);
  const gerund = rest.length > 0 ? (inflections(verb.toLowerCase()).find((form) => form.endsWith('ing')) ?? verb) : verb;
  const label = [gerund, ...rest].join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function teamSources(team: TeamInput, onProblem: (problem: string) => void): Source[] {
  const sources: Source[] = [];
  const ids = new Set<string>();
  for (const file of team.sources) {
    const stem = file.file.slice(file.file.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
    let id = `${TEAM_PREFIX}${stem}`;
    for (let n = 2; ids.has(id); n += 1) id = `${TEAM_PREFIX}${stem}-${n}`;
    ids.add(id);
    try {
      sources.push(parseSource(file, { id, origin: 'team' }));
    } catch (error) {
      onProblem(`team source ${file.file}: ${(error as Error).message}; left out`);
    }
  }
  return sources;
}

function mergedCorpus(base: Corpus, added: Source[]): Corpus {
  const sources = [...base.sources, ...added];
  const passages = [...base.passages, ...added.flatMap((source) => source.sections.flatMap((section) => section.passages))];
  return {
    sources,
    passages,
    passageById: new Map(passages.map((passage) => [passage.id, passage])),
    sourceById: new Map(sources.map((source) => [source.id, source])),
  };
}

/** The passages of team sources that hold a phrase, in corpus order. */
function teamPassagesWith(corpus: Corpus, phrase: string | undefined): Passage[] {
  if (!phrase?.trim()) return [];
  const wanted = normalizeText(phrase.trim());
  return corpus.passages.filter((passage) => corpus.sourceById.get(passage.sourceId)?.origin === 'team' && normalizeText(passage.text).includes(wanted));
}

/** The bundled concept and side an activity phrase is read as, the way the linter would read it. */
function bundledReading(index: ActivityIndex, phrase: string): { conceptId: string; side: Side } | undefined {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  const match = index.verbWithObjectAfter(words, 0, words.length) ?? index.nounIn(words, 0, words.length);
  return match && { conceptId: match.conceptId, side: match.side };
}

const dataOf = ({ passages: _passages, team: _team, ...data }: Concept): ConceptData => data;

function buildTeamCatalogue(base: Catalogue, team: TeamInput, onProblem: (problem: string) => void): Catalogue {
  const corpus = mergedCorpus(base.corpus, teamSources(team, onProblem));
  const bundledIndex = new ActivityIndex(base.concepts, { marketing: [], sales: [] });
  const conceptMoves = new Map<string, TeamMove>();
  for (const move of team.moves) if (move.concept !== undefined) conceptMoves.set(move.concept, move);
  const sourcePhrase = new Map<string, string | undefined>();

  const data: Array<ConceptData & { team?: TeamChoice }> = base.concepts.map((concept) => {
    const move = conceptMoves.get(concept.id);
    if (!move || move.side === concept.side) return dataOf(concept);
    sourcePhrase.set(concept.id, move.source);
    const evidence = move.source ? [move.source.toLowerCase(), ...concept.evidence] : concept.evidence;
    return { ...dataOf(concept), side: move.side, evidence, team: { kind: 'moved', bundledSide: concept.side, passages: [] } };
  });

  const phrases: TeamPhrase[] = [];
  for (const added of team.concepts) {
    if (base.get(added.id)) {
      onProblem(`team concept "${added.id}": the bundled catalogue has a concept with this id; left out (move it instead)`);
      continue;
    }
    sourcePhrase.set(added.id, added.source);
    const evidence = [added.source, ...added.terms, added.label]
      .filter((phrase): phrase is string => Boolean(phrase?.trim()))
      .map((phrase) => phrase.toLowerCase());
    data.push({ ...added, evidence, activities: [], team: { kind: 'added', passages: [] } });
    for (const phrase of added.activities) phrases.push({ conceptId: added.id, side: added.side, phrase });
  }

  team.moves.forEach((move, order) => {
    if (move.activity === undefined) return;
    const reading = bundledReading(bundledIndex, move.activity);
    const id = `${TEAM_PREFIX}activity-${order + 1}`;
    const bundled = reading && base.get(reading.conceptId);
    if (!reading) onProblem(`team move "${move.activity}": no activity of the catalogue reads so; it is added as the team's ${move.side} work`);
    sourcePhrase.set(id, move.source);
    const label = activityLabel(move.activity);
    const definition = bundled
      ? `Your team gives ${label.toLowerCase()} to ${move.side}; the bundled sources count it under ${bundled.label} (${bundled.side}).`
      : `Your team gives ${label.toLowerCase()} to ${move.side}.`;
    const choice: TeamChoice = { kind: 'moved', passages: [] };
    if (bundled && bundled.side !== move.side) {
      choice.bundledSide = bundled.side;
      choice.bundledConceptId = bundled.id;
    }
    data.push({ id, label, side: move.side, definition, terms: [], evidence: move.source ? [move.source.toLowerCase()] : [], activities: [], team: choice });
    phrases.push({ conceptId: id, side: move.side, phrase: move.activity });
  });

  const catalogue = new Catalogue(corpus, data, phrases);
  for (const concept of catalogue.concepts) {
    if (!concept.team) continue;
    const stated = teamPassagesWith(corpus, sourcePhrase.get(concept.id));
    concept.team.passages = stated.length > 0 ? stated : concept.passages.filter((passage) => corpus.sourceById.get(passage.sourceId)?.origin === 'team');
    if (sourcePhrase.get(concept.id) && stated.length === 0)
      onProblem(`"${sourcePhrase.get(concept.id)}" (the source of "${concept.label}") is in no team source`);
  }
  return catalogue;
}
