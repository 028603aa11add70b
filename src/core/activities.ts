import { DOCUMENT_NOUNS, FUNCTION_NAMES, MODIFIED_NOUNS } from './lexicon';
import { inflections } from './morphology';
import type { Concept, LintOptions, Side } from './types';

/** A run of words, each given as the set of its accepted forms. */
type Phrase = Set<string>[];

interface VerbEntry {
  conceptId: string;
  side: Side;
  label: string;
  objects: Phrase[];
  /** The verb names the activity on its own ("marketing should step in and negotiate"). */
  standsAlone?: boolean;
  /** The verb's base form ("run" for "ran", "runs"). */
  lemma?: string | undefined;
}

interface NounEntry {
  conceptId: string;
  side: Side;
  label: string;
  phrase: Phrase;
}

export interface ActivityMatch {
  conceptId: string;
  side: Side;
  label: string;
  /** Token indexes of the matched words (verb and object, or the noun phrase). */
  from: number;
  to: number;
  /** Where the verb is, for a verb-and-object match. */
  verbAt?: number;
  /** The verb's base form, for a verb-and-object match. */
  lemma?: string | undefined;
}

/** Words skipped when matching an object after its verb ("close *the big* deal"). */
const OBJECT_FILLERS = new Set([
  'the',
  'a',
  'an',
  'our',
  'your',
  'their',
  'its',
  'his',
  'her',
  'my',
  'this',
  'that',
  'these',
  'those',
  'new',
  'big',
  'every',
  'each',
  'more',
  'all',
  'any',
  'some',
  'on',
  'with',
  'up',
  'out',
  'to',
  'into',
  'of',
]);
const OBJECT_WINDOW = 7;

function phraseOf(text: string, inflectEvery: boolean): Phrase {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  // "market" inflects to "marketing", which names a function here, never the object "market".
  const forms = (word: string) => inflections(word).filter((form) => form === word || !FUNCTION_NAMES.has(form));
  return words.map((word, index) => new Set(inflectEvery || index === words.length - 1 ? forms(word) : [word]));
}

/** A hyphenated word also matches by its last part: "customer-rewards program" holds "rewards program". */
const lastPart = (word: string | undefined) => word?.slice(word.lastIndexOf('-') + 1);

function matchesAt(words: string[], at: number, phrase: Phrase): boolean {
  const first = phrase[0];
  if (first) {
    const word = words[at] ?? '';
    if (!first.has(word) && !(word.includes('-') && first.has(lastPart(word)!))) return false;
  }
  for (let offset = 1; offset < phrase.length; offset += 1) if (!phrase[offset]!.has(words[at + offset] ?? '')) return false;
  return true;
}

/** For each list of object phrases, the places in it of the phrases that can start with a word: built once per list. */
const objectsByFirst = new WeakMap<Phrase[], Map<string, number[]>>();

function firstWordIndex(objects: Phrase[]): Map<string, number[]> {
  let index = objectsByFirst.get(objects);
  if (!index) {
    index = new Map();
    for (const [place, phrase] of objects.entries()) {
      for (const form of phrase[0] ?? []) {
        const places = index.get(form);
        if (places) places.push(place);
        else index.set(form, [place]);
      }
    }
    objectsByFirst.set(objects, index);
  }
  return index;
}

/**
 * The first of `objects`, in their order, that matches at `at` and ends by `end`: what `objects.find` would give, looking
 * only at the phrases whose first word is the word there or, for a hyphenated word, its last part.
 */
function objectAt(words: string[], at: number, end: number, objects: Phrase[]): Phrase | undefined {
  const index = firstWordIndex(objects);
  const word = words[at] ?? '';
  const whole = index.get(word);
  const part = word.includes('-') ? index.get(lastPart(word)!) : undefined;
  let best = Infinity;
  for (const places of part ? [whole, part] : [whole]) {
    for (const place of places ?? []) {
      if (place >= best) break;
      const phrase = objects[place]!;
      if (at + phrase.length <= end && matchesAt(words, at, phrase)) best = place;
    }
  }
  return objects[best];
}

/**
 * Where a compound of object words ends: "close the first ten distributor deals" matches "distributor" and goes on
 * through "deals", "run the podcast ad campaign" through "campaign", so the span covers the whole object.
 */
function compoundEnd(words: string[], from: number, end: number, objects: Phrase[]): number {
  let at = from;
  for (let next = objectAt(words, at, end, objects); next; next = objectAt(words, at, end, objects)) at += next.length;
  return at;
}

export const CUSTOM_CONCEPT: Record<'marketing' | 'sales', string> = { marketing: 'custom-marketing', sales: 'custom-sales' };

/** An activity phrase of the team's config (a team concept's, or one moved to the other side), matched before the catalogue's. */
export interface TeamPhrase {
  conceptId: string;
  side: Side;
  phrase: string;
}

/** Every activity of the catalogue (and the team's own phrases), indexed by verb form and by noun phrase. */
export class ActivityIndex {
  private readonly verbs = new Map<string, VerbEntry[]>();
  private readonly nouns: NounEntry[] = [];
  /** The noun phrases by each form of their first word, with their place in `nouns` (the first of the longest wins). */
  private readonly nounsByFirst = new Map<string, { entry: NounEntry; order: number }[]>();

  constructor(concepts: Concept[], extraPhrases: LintOptions['extraPhrases'], teamPhrases: readonly TeamPhrase[] = []) {
    // The team's word comes first: where its phrase and the catalogue's match the same words, the team's side counts.
    for (const { conceptId, side, phrase } of teamPhrases) this.addTeamPhrase(conceptId, side, phrase);
    for (const concept of concepts) {
      const base = { conceptId: concept.id, side: concept.side, label: concept.label };
      const terms = new Set(concept.terms);
      for (const pattern of concept.activities) {
        // One list of object phrases per pattern, shared by its verbs.
        const objects = (pattern.objects ?? []).map((object) => phraseOf(object, false));
        for (const verb of pattern.verbs ?? []) this.addVerb(verb, { ...base, objects, standsAlone: terms.has(verb) });
        for (const noun of pattern.nouns ?? []) this.nouns.push({ ...base, phrase: phraseOf(noun, false) });
        // A multi-word object names the activity by itself too ("sales owns the loyalty program"), but not "new product".
        for (const object of pattern.objects ?? []) {
          if (object.includes(' ') && !OBJECT_FILLERS.has(object.split(' ')[0]!)) this.nouns.push({ ...base, phrase: phraseOf(object, false) });
        }
      }
    }
    for (const side of ['marketing', 'sales'] as const) {
      for (const phrase of extraPhrases[side]) this.addTeamPhrase(CUSTOM_CONCEPT[side], side, phrase);
    }
    this.nouns.forEach((entry, order) => {
      for (const form of entry.phrase[0] ?? []) {
        const list = this.nounsByFirst.get(form) ?? [];
        list.push({ entry, order });
        this.nounsByFirst.set(form, list);
      }
    });
  }

  /** A team phrase is "verb object" ("run the webinar") or a noun phrase ("webinars"); both readings are indexed. */
  private addTeamPhrase(conceptId: string, side: Side, text: string): void {
    const [verb, ...rest] = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (verb === undefined) return;
    // Labels read as activities in messages: "run the webinar" → "running the webinar".
    const gerund = rest.length > 0 ? [inflections(verb).find((form) => form.endsWith('ing')) ?? verb, ...rest].join(' ') : verb;
    const entry = { conceptId, side, label: gerund };
    this.nouns.push({ ...entry, phrase: phraseOf(text, false) });
    if (rest.length > 0) {
      const object = rest.filter((word) => !OBJECT_FILLERS.has(word)).join(' ');
      if (object) this.addVerb(verb, { ...entry, objects: [phraseOf(object, false)] });
    }
  }

  private addVerb(lemma: string, entry: VerbEntry): void {
    const withLemma = { ...entry, lemma: lemma.toLowerCase() };
    for (const form of inflections(lemma.toLowerCase())) {
      const list = this.verbs.get(form) ?? [];
      list.push(withLemma);
      this.verbs.set(form, list);
    }
  }

  isActivityVerb(word: string): boolean {
    return this.verbs.has(word);
  }

  /** The activity a verb at `at` names with an object after it (active voice), within `[at, end)`. */
  verbWithObjectAfter(words: string[], at: number, end: number): ActivityMatch | undefined {
    const entries = this.verbs.get(words[at] ?? '') ?? [];
    for (const entry of entries) {
      let index = at + 1;
      let skipped = 0;
      while (index < end && skipped <= OBJECT_WINDOW) {
        const object = objectAt(words, index, end, entry.objects);
        if (object) {
          const to = compoundEnd(words, index + object.length, end, entry.objects) - 1;
          return { conceptId: entry.conceptId, side: entry.side, label: entry.label, from: at, to, verbAt: at, lemma: entry.lemma };
        }
        index += 1;
        skipped += 1;
      }
    }
    const alone = entries.find((entry) => entry.standsAlone);
    return alone && { conceptId: alone.conceptId, side: alone.side, label: alone.label, from: at, to: at, verbAt: at, lemma: alone.lemma };
  }

  /** The activity a participle at `at` names with its object before it (passive voice), within `[start, at)`. */
  verbWithObjectBefore(words: string[], at: number, start: number): ActivityMatch | undefined {
    for (const entry of this.verbs.get(words[at] ?? '') ?? []) {
      for (let index = at - 1; index >= Math.max(start, at - OBJECT_WINDOW - 6); index -= 1) {
        const object = objectAt(words, index, at, entry.objects);
        if (object) return { conceptId: entry.conceptId, side: entry.side, label: entry.label, from: index, to: at, verbAt: at, lemma: entry.lemma };
      }
    }
    return undefined;
  }

  /** The first activity noun phrase within `[start, end)`. */
  nounIn(words: string[], start: number, end: number): ActivityMatch | undefined {
    for (let index = start; index < end; index += 1) {
      // Only phrases whose first word is here (or, for a hyphenated word, its last part) can match: the first of the longest wins.
      let best: NounEntry | undefined;
      let bestOrder = Infinity;
      const word = words[index] ?? '';
      // "sales-qualified leads", "marketing-sourced pipeline": a phrase joined to a function name is a term of art.
      const joined = word.includes('-') && FUNCTION_NAMES.has(word.slice(0, word.indexOf('-')));
      const part = joined ? word : (lastPart(word) ?? word);
      for (const candidates of part === word ? [this.nounsByFirst.get(word)] : [this.nounsByFirst.get(word), this.nounsByFirst.get(part)]) {
        for (const { entry, order } of candidates ?? []) {
          if (index + entry.phrase.length > end || !matchesAt(words, index, entry.phrase)) continue;
          const length = entry.phrase.length;
          if (length > (best?.phrase.length ?? 0) || (length === best?.phrase.length && order < bestOrder)) {
            best = entry;
            bestOrder = order;
          }
        }
      }
      // "sales qualified leads", "marketing content": a function word before the phrase makes it a term of art, no claim.
      if (best && FUNCTION_NAMES.has(words[index - 1] ?? '') && MODIFIED_NOUNS.has(words[index] ?? '')) {
        index += best.phrase.length - 1;
        continue;
      }
      // "a renewal objection guide", "the pricing page template": a phrase that modifies a document names the document.
      const after = best ? index + best.phrase.length : index;
      const joinsAfter = ['and', 'or', ',', '&', '/'].includes(words[after] ?? '');
      if (best && (DOCUMENT_NOUNS.has(words[after] ?? '') || (!joinsAfter && DOCUMENT_NOUNS.has(words[after + 1] ?? '')))) {
        index += best.phrase.length - 1;
        continue;
      }
      if (best) return { conceptId: best.conceptId, side: best.side, label: best.label, from: index, to: index + best.phrase.length - 1 };
    }
    return undefined;
  }
}
