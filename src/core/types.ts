// Plain data shared by the engine, the CLI and the editor glue. No `vscode` import here.
import type { RuleId } from './rules/ids';

/** A point in a text: 0-based line and character (UTF-16 code units, as VS Code counts), plus the 0-based offset. */
export interface Point {
  line: number;
  character: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

export type Side = 'marketing' | 'sales' | 'both';

/** One article of the corpus, parsed from `corpus/<file>.md`. */
export interface Source {
  id: string;
  title: string;
  author?: string | undefined;
  date?: string | undefined;
  /** File name relative to the corpus folder, e.g. `drucker-not-the-same.md`; for a team source, its URI or path. */
  file: string;
  sections: Section[];
  /** `team`: one of the team's own sources (`.plumb-line/sources/`, the config's `sources`), not a bundled article. */
  origin?: 'team';
}

/** A heading and the passages under it; the passages before the first `##` heading sit in a section titled "Introduction". */
export interface Section {
  id: string;
  sourceId: string;
  title: string;
  span: Span;
  passages: Passage[];
}

/** A quotable unit of the corpus: a paragraph, a list item or a block-quoted paragraph. */
export interface Passage {
  id: string;
  sourceId: string;
  sectionId: string;
  kind: 'paragraph' | 'list-item' | 'quote';
  /** The passage as plain text (Markdown syntax removed), verbatim from the article. */
  text: string;
  span: Span;
  /**
   * For a list item, the last sentence of the paragraph just before its list, which often decides what the item
   * means ("It does not include the following activities --" over "Overcoming objections and closing sales").
   */
  leadIn?: string;
}

export interface Corpus {
  sources: Source[];
  passages: Passage[];
  passageById: Map<string, Passage>;
  sourceById: Map<string, Source>;
}

/** How an activity is recognised in a clause: a verb with one of its objects, or a noun phrase naming the activity. */
export interface ActivityPattern {
  /** Verb lemmas, e.g. `close`; any inflection matches. */
  verbs?: string[];
  /** Object head nouns or short phrases that must follow the verb (or precede it, in the passive). */
  objects?: string[];
  /** Noun phrases that name the activity on their own, e.g. `market research`, `cold calling`. */
  nouns?: string[];
}

/** A concept as written in `concepts.json`. */
export interface ConceptData {
  id: string;
  label: string;
  side: Side;
  definition: string;
  /** Words and phrases that signal the concept in a draft (hover and occurrence counts). Lower case. */
  terms: string[];
  /** Phrases whose presence in a corpus passage marks it as supporting evidence. Lower case. */
  evidence: string[];
  /** Activities credited to a function; drive the attribution rules. */
  activities: ActivityPattern[];
}

export interface Concept extends ConceptData {
  /** Supporting passages found in the parsed corpus, best first. */
  passages: Passage[];
  /** What the team's config says of this concept: its own (`added`), or moved from the side the bundled sources give it. */
  team?: TeamChoice;
}

/** A team's word on a concept: where the team's choice differs from the bundled sources, both are kept. */
export interface TeamChoice {
  kind: 'added' | 'moved';
  /** The side the bundled sources give it (for a moved concept or activity). */
  bundledSide?: Side;
  /** The bundled concept a moved activity belongs to there, whose passages say the other side. */
  bundledConceptId?: string;
  /** The team's passages that say so (found by the config's `source` phrase), best first. */
  passages: Passage[];
}

/** A concept the team adds in its config file. */
export interface TeamConceptData {
  id: string;
  label: string;
  side: Side;
  definition: string;
  terms: string[];
  /** Activity phrases ("run the roadshow", "roadshows") credited to the concept's side. */
  activities: string[];
  /** A phrase of a team source that says so: its passages are quoted first. */
  source?: string;
}

/** A bundled concept, or an activity phrase, given to the other side by the team. */
export interface TeamMove {
  /** A bundled concept's id, or */
  concept?: string;
  /** an activity phrase ("run trade shows"). */
  activity?: string;
  side: 'marketing' | 'sales';
  source?: string;
}

/** What the team adds to the bundled catalogue: its sources (read by the host), its concepts and its moves. */
export interface TeamInput {
  /** Equal keys mean equal team data: the catalogue built for it is kept under this key. */
  key: string;
  sources: Array<{ file: string; text: string }>;
  concepts: TeamConceptData[];
  moves: TeamMove[];
}

export interface TermMatch {
  conceptId: string;
  term: string;
  span: Span;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Derived from the registry's list of ids (rules/ids.ts). */
export type { RuleId };

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  /** Edits lie inside the finding's span, except control-comment insertions which add a whole new line. */
  edits: TextEdit[];
  kind: 'replace' | 'ignore-line' | 'disable-file';
}

export interface RelatedPlace {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Says what is wrong and what to write instead. */
  message: string;
  /** How the sentence was read, in a writer's words: the doer, the activity, the concept and its side. */
  reading?: string;
  span: Span;
  conceptId?: string | undefined;
  /** Corpus passages that back the finding. */
  evidence: Passage[];
  /** Other places in the same document (the inconsistency rule points each place at the other). */
  related: RelatedPlace[];
  fixes: Fix[];
  /**
   * For a function credited with the other one's work: the activity as a team phrase ("run the trade shows") and the
   * doer's side, which the team config's "moves" can make right ("In our team, … is marketing's work").
   */
  teach?: { activity: string; side: 'marketing' | 'sales' };
}

export interface RuleSetting {
  enabled: boolean;
  severity: Severity;
}

export interface LintOptions {
  rules: Record<RuleId, RuleSetting>;
  /** Team-specific activity phrases per side, e.g. `{ marketing: ['run the webinar'] }`. */
  extraPhrases: { marketing: string[]; sales: string[] };
  /** The team's sources, concepts and moves, when it has any. */
  team?: TeamInput | undefined;
}
