// The ways a sentence credits an activity to sales or to marketing: active and passive voice, relative clauses, roles and
// possessives, owner lists and tables, work handed over ("falls to"), and (in doers.ts) doers named outside the sentence.
import type { ActivityIndex, ActivityMatch } from './activities';
import {
  ADVERBS,
  ASSIGNING_VERBS,
  AUXILIARIES,
  CAUSING_VERBS,
  CHARGE_PHRASES,
  CONSUMING_VERBS,
  COPULA_FORMS,
  DETERMINERS,
  DUTY_NOUNS,
  INPUT_NOUNS,
  KIND_NOUNS,
  NEGATORS,
  NON_ACTIVITY_VERBS,
  NOT_VERBS,
  OBJECT_STOPS,
  OWNERSHIP_KEY,
  OWNERSHIP_VERBS,
  PRAISE,
  PREPOSITIONS,
  PRONOUNS,
  REDUCED_RELATIVE_HEADS,
  RELATIVE_PRONOUNS,
  REVENUE_VERBS,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  SUPPORT_VERBS,
  TIME_NOUNS,
  TITLES,
  VERB_JOINERS,
} from './lexicon';
import { endsNegative, clauseEnd, clauseStart, type Predicate, predicateAfter, words } from './clauses';
import { antecedentCredit, dutyCredit, impliedSubjectCredit, youCredit } from './doers';
import { IRREGULAR_PAST, stemKey } from './morphology';
import { type FunctionSide, type Mention, isWord, mentionAt, otherSide, phraseText, sideOf, wordAt } from './naming';
import type { Sentence, Token } from './prose';

export type { FunctionSide, Mention } from './naming';

/** One claim that a function does an activity. */
export interface Credit {
  sentence: Sentence;
  mention: Mention;
  /** The catalogue activity, when the clause names one. */
  activity?: ActivityMatch | undefined;
  /** What the inconsistency rule compares: the concept id, or "verb:word" for each content word of an object outside the catalogue. */
  keys: string[];
  /** Words for the key, for messages ("run the product webinar"). */
  keyText?: string | undefined;
  /** Token range of the whole claim, agent to activity. */
  from: number;
  to: number;
  /**
   * A doer named outside the sentence: the role in a list's lead-in or heading, or the antecedent of "they". Its mention
   * then points at the activity, names no function word to replace, and this says who the doer is and where.
   */
  doer?: { text: string; line: number; how: 'lead-in' | 'antecedent' };
}

/** The doer's words as written: "our sales team", or the role in the lead-in for a list of duties. */
export function doerText(credit: Credit): string {
  if (credit.doer) return credit.doer.text;
  return phraseText(credit.sentence.tokens, credit.mention);
}

const OWNERSHIP_STEMS = new Set([...OWNERSHIP_VERBS].map(stemKey));
const isOwning = (word: string) => OWNERSHIP_VERBS.has(word) || OWNERSHIP_STEMS.has(stemKey(word));
const verbKeyOf = (word: string) => (isOwning(word) ? OWNERSHIP_KEY : stemKey(word));
function objectHead(tokens: Token[], from: number, end: number): { head: number; first: number } | undefined {
  let index = from;
  while (index < end && DETERMINERS.has(wordAt(tokens, index)?.lower ?? '')) index += 1;
  const first = index;
  let head: number | undefined;
  while (index < end && index - first < 5) {
    const word = wordAt(tokens, index);
    if (!word || OBJECT_STOPS.has(word.lower)) break;
    head = index;
    index += 1;
  }
  const headWord = head === undefined ? undefined : wordAt(tokens, head)?.lower;
  if (head === undefined || headWord === undefined || PRONOUNS.has(headWord) || TIME_NOUNS.has(headWord) || sideOf(headWord)) return undefined;
  return { head, first };
}

function textOf(tokens: Token[], from: number, to: number): string {
  return tokens
    .slice(from, to + 1)
    .map((token) => token.text)
    .join(' ')
    .replace(/ ([,;:.!?])/g, '$1');
}

/** Where the work starts after "be responsible for", "in charge of", "tasked with" at `at`, when a gerund follows. */
function chargeEnd(list: string[], at: number): number | undefined {
  let index = at;
  if (COPULA_FORMS.has(list[index] ?? '')) index += 1;
  const phrase = CHARGE_PHRASES.find((words) => words.every((word, offset) => list[index + offset] === word));
  if (!phrase) return undefined;
  const next = index + phrase.length;
  return /ing$/.test(list[next] ?? '') ? next : undefined;
}

/**
 * The activity a predicate names: a verb with its object, or (after a verb of owning) a noun phrase. Of coordinated
 * verbs ("closed two renewals and also designed the booth backdrop") the first of the side `prefer` wins, else the first.
 */
export function activityIn(index: ActivityIndex, list: string[], given: Predicate, prefer?: FunctionSide): ActivityMatch | undefined {
  // "(is) responsible for collecting…", "in charge of planning…": the work is the verb after the phrase of charge.
  const charge = chargeEnd(list, given.start);
  const predicate = charge !== undefined && charge < given.end ? { ...given, start: charge } : given;
  let first: ActivityMatch | undefined;
  // "spent most of day two negotiating pricing": after a verb of spending time, the -ing verb is the work.
  const spending = /^(spend|spends|spent|spending)$/.test(list[predicate.start] ?? '');
  for (let at = predicate.start; at < predicate.end; at += 1) {
    const word = list[at] ?? '';
    if (endsNegative(word) || word === 'rather' || word === 'instead' || word === 'than') break;
    // Only the predicate's own verbs count: its head, or one joined to it ("call, email and visit", "plans to launch").
    // "responsible for maintaining relationships and for attracting new customers": a gerund after "for" is joined too.
    const gerundAfterFor = list[at - 1] === 'for' && /ing$/.test(word);
    const joined = VERB_JOINERS.has(list[at - 1] ?? '') || /^\w+ly$/.test(list[at - 1] ?? '');
    if (at !== predicate.start && !joined && !(spending && /ing$/.test(word)) && !gerundAfterFor) continue;
    const match = index.verbWithObjectAfter(list, at, predicate.end);
    if (!match) continue;
    if (!prefer || match.side === prefer) return match;
    first ??= match;
    at = match.to;
  }
  if (first) return first;
  const verb = list[predicate.start] ?? '';
  // "gives marketing feedback on the brochure", "works closely with product management": comment and company, not the work.
  if (list.slice(predicate.start, predicate.start + 5).some((word) => INPUT_NOUNS.has(word))) return undefined;
  if (['with', 'closely', 'alongside'].includes(list[predicate.start + 1] ?? '')) return undefined;
  if (isOwning(verb)) return index.nounIn(list, predicate.start + 1, predicate.end);
  // Any other verb of making or doing, with an activity named in its object: "wrote the billboard campaign".
  if (CONSUMING_VERBS.has(verb) || NON_ACTIVITY_VERBS.has(verb) || SUPPORT_VERBS.has(verb)) return undefined;
  // "take on more and more responsibility for customer relationships": what they answer for may come later.
  const answerable = list.slice(predicate.start, predicate.start + 7).some((word) => word === 'responsibility' || word === 'charge' || word === 'ownership');
  return index.nounIn(list, predicate.start + 1, answerable ? predicate.end : Math.min(predicate.end, predicate.start + 7));
}

/** "run the product webinar" → own:product, own:webinar: two claims about one object share a key when they share a content word. */
function objectKeys(verb: string, tokens: Token[], first: number, head: number): string[] {
  // A possessive only says whose: "the account's events" and "the account plan" are not one thing.
  const keyWords = tokens
    .slice(first, head + 1)
    .filter((token, at) => isWord(token) && !DETERMINERS.has(token.lower) && !TIME_NOUNS.has(token.lower) && !(token.possessive && first + at < head));
  return keyWords.map((token) => `${verbKeyOf(verb)}:${stemKey(token.lower)}`);
}

interface GenericActivity {
  keys: string[];
  text: string;
  /** Token range of the verb and its object. */
  from: number;
  to: number;
}

/** An activity outside the catalogue: the verb (verbs of owning as one) and the words of its object. */
export function genericKey(tokens: Token[], verbAt: number, objectFrom: number, objectEnd: number): GenericActivity | undefined {
  if (!isWord(tokens[verbAt])) return undefined;
  const verb = tokens[verbAt].lower;
  if (NON_ACTIVITY_VERBS.has(verb) || SUPPORT_VERBS.has(verb) || AUXILIARIES.has(verb) || CONSUMING_VERBS.has(verb)) return undefined;
  // "should be someone who…", "is a big 'if'": after a copula comes a description, not a verb of doing.
  const passive = tokens[verbAt + 1]?.lower === 'by';
  if (!passive && COPULA_FORMS.has(tokens[verbAt - 1]?.lower ?? '') && !/(ed|en|ing)$/.test(verb) && !IRREGULAR_PAST.has(verb)) return undefined;
  const object = objectHead(tokens, objectFrom, objectEnd);
  if (!object) return undefined;
  return {
    keys: objectKeys(verb, tokens, object.first, object.head),
    text: textOf(tokens, object.first, object.head),
    from: Math.min(verbAt, object.first),
    to: Math.max(verbAt, object.head),
  };
}

export function credit(sentence: Sentence, mention: Mention, activity: ActivityMatch | undefined, generic: GenericActivity | undefined): Credit | undefined {
  if (!activity && !generic) return undefined;
  const claimed = activity ?? generic!;
  const to = Math.max(mention.to, claimed.to);
  const from = Math.min(mention.from, claimed.from);
  return { sentence, mention, activity, keys: activity ? [activity.conceptId] : generic!.keys, keyText: activity ? activity.label : generic?.text, from, to };
}

/** Active voice: "our sales team will launch a TV campaign", "Jane in marketing closed the deal". */
/** `skip` words after the function phrase come before its predicate ("who" in a cleft, "for" after thanks). */
function activeCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, skip = 0): Credit | undefined {
  const { tokens } = sentence;
  // "the MQLs marketing sends": a reduced relative clause, whose verb's object is the noun before the function.
  const before = tokens[mention.from - 1];
  if (isWord(before) && REDUCED_RELATIVE_HEADS.test(before.text)) return undefined;
  const predicateFrom = skip > 0 ? mention.to + 1 + skip : isAppositive(tokens, mention) ? mention.to + 2 : afterNamedPerson(tokens, mention.to + 1);
  let predicate = predicateAfter(tokens, predicateFrom);
  // "As CMO she will negotiate…": the function names the pronoun's role.
  if (tokens[mention.from - 1]?.lower === 'as') {
    const pronoun = tokens[mention.to + 1]?.text === ',' ? mention.to + 2 : mention.to + 1;
    if (SUBJECT_PRONOUNS.has(tokens[pronoun]?.lower ?? '')) predicate = predicateAfter(tokens, pronoun + 1);
  }
  // "The best salespeople I know read the plan": a reduced relative clause stands between the subject and its verb.
  if (predicate && ['i', 'we', 'you'].includes(tokens[predicate.start]?.lower ?? '') && isWord(tokens[predicate.start + 1])) {
    predicate = predicateAfter(tokens, predicate.start + 2);
  }
  if (!predicate || predicate.negated) return undefined;
  const verb = tokens[predicate.start]?.lower ?? '';
  // "sales needs marketing to build the brand": the second function is the doer.
  if (sideOf(verb)) return undefined;
  // "helps guide the sales department in creating sales materials": the function does what the gerund names.
  if (verb === 'in' && /ing$/.test(tokens[predicate.start + 1]?.lower ?? '')) predicate = { ...predicate, start: predicate.start + 1 };
  const head = tokens[predicate.start]?.lower ?? '';
  if (head !== verb) {
    const activity = activityIn(index, words(tokens), predicate, otherSide(mention.side));
    return activity ? credit(sentence, mention, activity, undefined) : undefined;
  }
  // "marketing trains the sales team on positioning": the function is an object here, and what follows is no predicate of its own.
  const inCharge = verb === 'in' && tokens[predicate.start + 1]?.lower === 'charge';
  // Verbs of quantities ("marketing spend rose", "sales grew") matter only for the bare words; "our new marketer spends…" acts.
  const bare = mention.from === mention.to && ['sales', 'marketing'].includes(tokens[mention.from]?.lower ?? '');
  if (SUPPORT_VERBS.has(verb) || (bare && REVENUE_VERBS.has(verb)) || (PREPOSITIONS.has(verb) && !inCharge) || DETERMINERS.has(verb) || NOT_VERBS.has(verb)) {
    return undefined;
  }
  const list = words(tokens);
  const relative = relativeAntecedentEnd(tokens, mention) !== undefined;
  const prefer = otherSide(mention.side);
  const activity = (relative ? objectBeforeRelative(index, list, tokens, mention, predicate.start) : undefined) ?? activityIn(index, list, predicate, prefer);
  const generic = activity
    ? undefined
    : relative
      ? genericBeforeRelative(tokens, mention, predicate.start)
      : genericKey(tokens, predicate.start, predicate.start + 1, predicate.end);
  return credit(sentence, mention, activity, generic);
}

/** "Our CMO, Dana Whitfield, will…": skips a name set off by commas after the function phrase. */
function afterNamedPerson(tokens: Token[], from: number): number {
  if (tokens[from]?.text !== ',') return from;
  let at = from + 1;
  const namesPerson = (token: Token | undefined): boolean => isWord(token) && /^[A-Z]/.test(token.text) && !sideOf(token.lower);
  while (at < tokens.length && at - from <= 4 && namesPerson(tokens[at])) at += 1;
  return at > from + 1 && tokens[at]?.text === ',' ? at + 1 : from;
}

/** "Derek, our top sales rep, is…": the function phrase renames the subject, whose predicate follows the comma. */
function isAppositive(tokens: Token[], mention: Mention): boolean {
  if (tokens[mention.to + 1]?.text !== ',' || RELATIVE_PRONOUNS.has(tokens[mention.to + 2]?.lower ?? '')) return false;
  for (let at = mention.from - 1; at >= Math.max(0, mention.from - 4); at -= 1) {
    if (tokens[at]?.text === ',') return at > 0 && isWord(tokens[at - 1]);
    if (!isWord(tokens[at])) return false;
  }
  return false;
}

/** Where the antecedent of "the conference, which sales is organizing" or "the contract (that) marketing negotiated" ends. */
function relativeAntecedentEnd(tokens: Token[], mention: Mention): number | undefined {
  let at = mention.from - 1;
  while (at >= 0 && DETERMINERS.has(wordAt(tokens, at)?.lower ?? '')) at -= 1;
  if (['which', 'that'].includes(wordAt(tokens, at)?.lower ?? '')) return tokens[at - 1]?.text === ',' ? at - 1 : at;
  return undefined;
}

function objectBeforeRelative(index: ActivityIndex, list: string[], tokens: Token[], mention: Mention, verbAt: number): ActivityMatch | undefined {
  const end = relativeAntecedentEnd(tokens, mention);
  if (end === undefined) return undefined;
  const start = Math.max(0, end - 8);
  const moved = [...list.slice(start, end), list[verbAt] ?? ''];
  const match = index.verbWithObjectBefore(moved, moved.length - 1, 0) ?? index.nounIn(list, start, end);
  return match && { ...match, from: mention.from, to: Math.max(verbAt, mention.to) };
}

function genericBeforeRelative(tokens: Token[], mention: Mention, verbAt: number): GenericActivity | undefined {
  const end = relativeAntecedentEnd(tokens, mention);
  if (end === undefined) return undefined;
  const verb = tokens[verbAt]?.lower ?? '';
  if (NON_ACTIVITY_VERBS.has(verb) || SUPPORT_VERBS.has(verb)) return undefined;
  let head = end - 1;
  while (head >= 0 && !isWord(tokens[head])) head -= 1;
  const headWord = wordAt(tokens, head)?.lower;
  if (headWord === undefined || PRONOUNS.has(headWord) || DETERMINERS.has(headWord) || TIME_NOUNS.has(headWord)) return undefined;
  let first = head;
  const modifies = (token: Token | undefined): boolean => isWord(token) && !DETERMINERS.has(token.lower) && !OBJECT_STOPS.has(token.lower);
  while (first > 0 && modifies(tokens[first - 1]) && head - first < 3) first -= 1;
  return { keys: objectKeys(verb, tokens, first, head), text: textOf(tokens, first, head), from: first, to: verbAt };
}

/** Passive voice: "the deal was closed by marketing", "pricing is handled by the sales team", "Office move (coordinated by sales)". */
function passiveCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, byAt: number): Credit | undefined {
  const { tokens } = sentence;
  let verbAt = byAt - 1;
  const adverb = (lower: string | undefined): boolean => lower !== undefined && (ADVERBS.has(lower) || /^\w+ly$/.test(lower));
  while (verbAt >= 0 && adverb(wordAt(tokens, verbAt)?.lower)) verbAt -= 1;
  const verb = wordAt(tokens, verbAt);
  if (!verb || SUPPORT_VERBS.has(verb.lower)) return undefined;
  // A reduced passive after "(" or "," ("the pilot program, managed by marketing,") takes its object from before the mark.
  const mark = tokens[verbAt - 1];
  const reduced = mark && (mark.text === '(' || mark.text === ',');
  const start = clauseStart(tokens, reduced ? verbAt - 1 : verbAt);
  if (negatorBetween(tokens, start, verbAt)) return undefined;
  const list = words(tokens);
  const objectEnd = reduced ? verbAt - 1 : verbAt;
  const moved = reduced ? [...list.slice(start, objectEnd), verb.lower] : list;
  const found = index.verbWithObjectBefore(moved, reduced ? moved.length - 1 : verbAt, reduced ? 0 : start);
  let activity = found && (reduced ? { ...found, from: found.from + start, to: verbAt } : found);
  activity ??= index.nounIn(list, start, objectEnd);
  let generic: GenericActivity | undefined;
  if (!activity) {
    let auxAt = objectEnd - 1;
    while (auxAt > start && AUXILIARIES.has(list[auxAt] ?? '')) auxAt -= 1;
    generic = reduced || auxAt < verbAt - 1 ? genericKey(tokens, verbAt, start, auxAt + 1) : undefined;
  }
  return credit(sentence, mention, activity, generic);
}

/** "Competition monitoring is also a goal of the sales department": the activity is the subject, before the copula. */
function dutyOfCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, nounAt: number): Credit | undefined {
  const { tokens } = sentence;
  let copula = nounAt - 1;
  const qualifies = (lower: string): boolean => DETERMINERS.has(lower) || ADVERBS.has(lower) || ['main', 'key', 'chief', 'primary', 'other'].includes(lower);
  while (copula > 0 && qualifies(tokens[copula]?.lower ?? '')) copula -= 1;
  if (!COPULA_FORMS.has(tokens[copula]?.lower ?? '')) return undefined;
  const start = clauseStart(tokens, copula);
  if (negatorBetween(tokens, start, copula)) return undefined;
  const activity = activityInPart(index, tokens, start, copula);
  return activity ? credit(sentence, mention, activity, undefined) : undefined;
}

/** "Cold email is a marketing job now": the activity before the copula is given to the function that names the job. */
function jobCredit(index: ActivityIndex, sentence: Sentence): Credit | undefined {
  const { tokens } = sentence;
  for (let at = 2; at < tokens.length - 1; at += 1) {
    const word = wordAt(tokens, at);
    const side = word ? sideOf(word.lower) : undefined;
    const next = tokens[at + 1]!.lower;
    if (!side || !(DUTY_NOUNS.has(next) || KIND_NOUNS.has(next)) || !['a', 'an', 'the'].includes(tokens[at - 1]!.lower)) continue;
    // "…is a marketing job", "a trade show is almost always a sales activity"
    let copula = at - 2;
    const qualifies = (lower: string): boolean =>
      ADVERBS.has(lower) || /ly$/.test(lower) || ['almost', 'nearly', 'still', 'now', 'very', 'more', 'most'].includes(lower);
    while (copula > 0 && qualifies(tokens[copula]!.lower)) copula -= 1;
    if (!COPULA_FORMS.has(tokens[copula]?.lower ?? '')) continue;
    const start = clauseStart(tokens, copula);
    if (negatorBetween(tokens, start, at)) return undefined;
    const activity = activityInPart(index, tokens, start, copula);
    if (activity) return credit(sentence, { side, from: at, to: at, functionWords: [at] }, activity, undefined);
  }
  return undefined;
}

/** "Negotiating renewals falls to marketing": the activity is the subject, before the verb of handing over. */
function assignedCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, verbAt: number): Credit | undefined {
  const { tokens } = sentence;
  const start = clauseStart(tokens, verbAt);
  if (negatorBetween(tokens, start, verbAt)) return undefined;
  const activity = activityInPart(index, tokens, start, verbAt);
  return activity ? credit(sentence, mention, activity, undefined) : undefined;
}

/** "closing deals is marketing's job", "marketing's role is to negotiate the contract". */
function roleCredit(index: ActivityIndex, sentence: Sentence, mention: Mention): Credit | undefined {
  const { tokens } = sentence;
  const list = words(tokens);
  const after = predicateAfter(tokens, mention.to + 2);
  if (after && !after.negated) {
    const activity = activityIn(index, list, after);
    if (activity) return credit(sentence, mention, activity, undefined);
  }
  const start = clauseStart(tokens, mention.from);
  let copula = mention.from - 1;
  while (copula > start && DETERMINERS.has(list[copula] ?? '')) copula -= 1;
  // "…is marketing's job", and "…is treated as marketing's job".
  const treatedAs = list[copula] === 'as' && ['treated', 'seen', 'considered', 'regarded', 'viewed', 'counted', 'described'].includes(list[copula - 1] ?? '');
  if (treatedAs) copula -= 2;
  if (!['is', 'was', 'are', 'were', "'s"].includes(list[copula] ?? '')) return undefined;
  for (let at = start; at < mention.from; at += 1) if (endsNegative(list[at] ?? '')) return undefined;
  const before: Predicate = { start, end: copula, negated: false };
  const activity = activityIn(index, list, before) ?? index.nounIn(list, start, copula);
  return activity ? credit(sentence, mention, activity, undefined) : undefined;
}

/** A part of a sentence that is nothing but a function phrase ("sales team", "Marketing"), if it is one. */
function wholeMention(tokens: Token[], from: number, end: number, commaQualifies = false): Mention | undefined {
  let at = from;
  while (at < end && DETERMINERS.has(wordAt(tokens, at)?.lower ?? '')) at += 1;
  const mention = mentionAt(tokens, at);
  if (!mention || mention.side === 'joint') return undefined;
  // "SDR team, within two days": what follows a comma only qualifies the owner (not "Sales, Marketing & Operations").
  const namesFunctionLater = tokens.slice(mention.to + 2, end).some((token) => isWord(token) && sideOf(token.lower));
  if (tokens[mention.to + 1]?.text === ',' && commaQualifies && !namesFunctionLater) return mention;
  let last = mention.to + 1;
  while (last < end && tokens[last]?.kind === 'punctuation' && tokens[last]?.text !== '(') last += 1;
  return last >= end || tokens[last]?.text === '(' ? mention : undefined;
}

/** What a table column's header makes of the names in it: the doer ("Owner", "Responsible", "R"), another role, or neither. */
function roleOfHeader(header: string): 'doer' | 'other' | undefined {
  const text = header
    .toLowerCase()
    .replace(/[()*_]/g, ' ')
    .trim();
  if (/^(r|responsible|owner|owners|owned by|owner team|lead|who|team|dri|done by|driver|does it|run by)$/.test(text)) return 'doer';
  if (/\b(responsible|owner)\b/.test(text)) return 'doer';
  if (/^(a|c|i|s|accountable|approver|approves|consulted|informed|support|supports|reviewer|reviews|backup|sign-off|sign off|escalation)$/.test(text))
    return 'other';
  if (/\b(accountable|consulted|informed|support|approv|review)/.test(text)) return 'other';
  return undefined;
}

/** The first function named anywhere in a part: "Regional Sales Managers", "Customer Marketing". */
function firstMention(tokens: Token[], from: number, end: number): Mention | undefined {
  for (let at = from; at < end; at += 1) {
    const mention = mentionAt(tokens, at);
    if (mention && mention.side !== 'joint') return mention;
  }
  return undefined;
}

/** "Customer case studies (product marketing)": the owner in parentheses at the end of a part; returns where "(" is. */
function ownerInParentheses(tokens: Token[], from: number, end: number): { mention: Mention; open: number } | undefined {
  let close = end - 1;
  while (close > from && tokens[close]?.kind === 'punctuation' && tokens[close]?.text !== ')') close -= 1;
  if (tokens[close]?.text !== ')') return undefined;
  let open = close - 1;
  while (open > from && tokens[open]?.text !== '(' && close - open < 6) open -= 1;
  if (tokens[open]?.text !== '(' || open <= from) return undefined;
  const mention = wholeMention(tokens, open + 1, close);
  return mention ? { mention, open } : undefined;
}

/**
 * The activity a part of a sentence names. In an owner's list or table the part is a noun phrase, whose only verb can be
 * its first word ("Plan the booth", but not the "email" of "Thank-you email to B-leads"); elsewhere any verb counts.
 */
function activityInPart(index: ActivityIndex, tokens: Token[], from: number, end: number, verbFirstOnly = false): ActivityMatch | undefined {
  const list = words(tokens);
  let start = from;
  while (start < end && !isWord(tokens[start])) start += 1;
  // In a noun phrase ("Email campaigns, lead scoring") the first word is a verb only before its object's determiner.
  const imperative =
    !verbFirstOnly ||
    DETERMINERS.has(list[start + 1] ?? '') ||
    /ing$/.test(list[start] ?? '') ||
    /^(every|each|all|new|our|your|their|its)$/.test(list[start + 1] ?? '');
  for (let at = start; at < (verbFirstOnly ? Math.min(end, start + (imperative ? 1 : 0)) : end); at += 1) {
    const match = index.verbWithObjectAfter(list, at, end);
    if (match) return match;
  }
  return index.nounIn(list, from, end);
}

/** "Market research: sales team", "Sales: pricing and packaging", and owner tables: one part names the function, another the activity. */
function ownerCredits(index: ActivityIndex, sentence: Sentence): Credit[] {
  const { tokens } = sentence;
  const parts: [number, number][] = [];
  if (sentence.cells) sentence.cells.forEach((start, at) => parts.push([start, (sentence.cells![at + 1] ?? tokens.length + 1) - 1]));
  else {
    const colon = tokens.findIndex((token) => token.text === ':' || token.text === '—' || token.text === '–');
    if (colon <= 0) return [];
    parts.push([0, colon], [colon + 1, tokens.length]);
  }
  // "Customer case studies (product marketing): written up from…": the owner of the part before the colon.
  if (!sentence.cells && parts.length === 2) {
    const [from, end] = parts[0]!;
    const inParentheses = ownerInParentheses(tokens, from, end);
    const activity = inParentheses && activityInPart(index, tokens, from, inParentheses.open, true);
    if (inParentheses && activity) {
      const owner = inParentheses.mention;
      return [credit(sentence, owner, activity, undefined)!];
    }
  }
  // A RACI or owner table: the doer is in the column headed "Responsible" / "Owner" / "R", whatever the others name.
  const roles = sentence.headers?.map(roleOfHeader);
  if (roles?.some(Boolean)) {
    const doerColumn = roles.indexOf('doer');
    const [from, end] = parts[doerColumn] ?? [0, 0];
    const owner = doerColumn >= 0 ? firstMention(tokens, from, end) : undefined;
    if (!owner) return [];
    for (const [column, [cellFrom, cellEnd]] of parts.entries()) {
      if (roles[column] || cellEnd <= cellFrom) continue;
      const activity = activityInPart(index, tokens, cellFrom, cellEnd, true);
      if (activity) return [credit(sentence, owner, activity, undefined)!];
    }
    return [];
  }
  const owners = parts.map(([from, end]) => (end > from ? wholeMention(tokens, from, end, !sentence.cells) : undefined));
  const owner = owners.find(Boolean);
  if (!owner || owners.filter(Boolean).length > 1) return [];
  const credits: Credit[] = [];
  parts.forEach(([from, end], at) => {
    if (owners[at] || end <= from) return;
    // "Account Executive: is a person who is responsible for…": a clause after the colon is read as a predicate.
    const clause = !sentence.cells && ['is', 'are', 'who', 'which'].includes(tokens[from]?.lower ?? '');
    const activity = clause
      ? activityIn(index, words(tokens), { start: from, end, negated: false }, otherSide(owner.side))
      : activityInPart(index, tokens, from, end, true);
    if (activity) credits.push(credit(sentence, owner, activity, undefined)!);
  });
  return credits.slice(0, 1);
}

/** Every credit in a sentence; `before` holds the sentences before it, nearest first, where a pronoun's antecedent may be. */
export function findCredits(index: ActivityIndex, sentence: Sentence, before: Sentence[] = []): Credit[] {
  if (sentence.isQuestion) return [];
  const owned = ownerCredits(index, sentence);
  if (owned.length > 0) return owned;
  const { tokens } = sentence;
  const credits: Credit[] = [];
  let named = false;
  for (let at = 0; at < tokens.length; at += 1) {
    const mention = mentionAt(tokens, at);
    if (!mention) continue;
    named = true;
    const found = creditFor(index, sentence, mention);
    if (found) credits.push(found);
    at = mention.to;
  }
  const job = jobCredit(index, sentence);
  if (job) credits.push(job);
  if (credits.length > 0) return credits;
  // No function credited here ("hiring and training sales staff" names one only as an object): the doer may be named in a
  // lead-in over a list, a job ad's heading, or the sentence before. A sentence that names one is not a duty of the lead-in's.
  if (named) {
    const antecedent = antecedentCredit(index, sentence, before);
    return antecedent ? [antecedent] : [];
  }
  const elsewhere =
    dutyCredit(index, sentence) ?? youCredit(index, sentence) ?? impliedSubjectCredit(index, sentence) ?? antecedentCredit(index, sentence, before);
  return elsewhere ? [elsewhere] : [];
}

/** "the sales team's radio campaign", "marketing's biggest win was negotiating the contract". */
function possessiveCredit(index: ActivityIndex, sentence: Sentence, mention: Mention): Credit | undefined {
  const { tokens } = sentence;
  if (ROLE_NOUNS.has(wordAt(tokens, mention.to + 1)?.lower ?? '')) return roleCredit(index, sentence, mention);
  const list = words(tokens);
  const end = clauseEnd(tokens, mention.to + 1);
  const nounEnd = Math.min(end, mention.to + 6);
  const owned = index.nounIn(list, mention.to + 1, nounEnd);
  if (owned) return credit(sentence, mention, owned, undefined);
  const copula = list.slice(mention.to + 1, nounEnd).findIndex((word) => ['is', 'was', 'are', 'were'].includes(word));
  if (copula < 0) return undefined;
  const predicate = predicateAfter(tokens, mention.to + 2 + copula);
  return predicate && !predicate.negated ? credit(sentence, mention, activityIn(index, list, predicate), undefined) : undefined;
}

/** Whether a negator ("not", "never", "doesn't") stands among the tokens from `from` up to `to` (exclusive). */
function negatorBetween(tokens: Token[], from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (endsNegative(tokens[at]?.lower ?? '')) return true;
  return false;
}

const negatedBefore = (tokens: Token[], at: number): boolean => negatorBetween(tokens, clauseStart(tokens, at), at);

function creditFor(index: ActivityIndex, sentence: Sentence, mention: Mention): Credit | undefined {
  const { tokens } = sentence;
  let before = mention.from - 1;
  while (before >= 0 && DETERMINERS.has(wordAt(tokens, before)?.lower ?? '') && tokens[before]?.lower !== 'new') before -= 1;
  // "by our regional sales managers", "falls to the product marketing manager": up to two modifiers may stand between.
  const modifier = (token: Token | undefined): boolean => isWord(token) && !sideOf(token.lower);
  for (let skipped = 1; skipped <= 2 && modifier(tokens[before - skipped + 1]); skipped += 1) {
    let by = before - skipped;
    while (by >= 0 && DETERMINERS.has(wordAt(tokens, by)?.lower ?? '')) by -= 1;
    if (tokens[by]?.lower === 'by' || (tokens[by]?.lower === 'to' && ASSIGNING_VERBS.has(tokens[by - 1]?.lower ?? ''))) {
      before = by;
      break;
    }
  }
  const previous = tokens[before];
  // "Marketing, not sales, decides the price": the function is named to deny it the work.
  const insteadOf = previous?.lower === 'of' && tokens[before - 1]?.lower === 'instead';
  if (previous && (NEGATORS.has(previous.lower) || ['unlike', 'than', 'instead'].includes(previous.lower) || insteadOf)) return undefined;
  // "As marketers take on more responsibility…": at the start of a sentence "as" joins a clause whose subject this is.
  const following = tokens[mention.to + 1];
  if (previous?.lower === 'as' && before === 0 && !SUBJECT_PRONOUNS.has(following?.lower ?? '') && following?.text !== ',') {
    return activeCredit(index, sentence, mention);
  }
  // "As CMO, she will negotiate…": the function names the role of the pronoun that does the work.
  const pronoun = tokens[mention.to + (following?.text === ',' ? 2 : 1)];
  if (previous?.lower === 'as' && SUBJECT_PRONOUNS.has(pronoun?.lower ?? '')) return activeCredit(index, sentence, mention);
  if (tokens[mention.to]?.possessive) return possessiveCredit(index, sentence, mention);
  // "Tracking competitors falls to our account reps, who report back": the work is handed to the function to do.
  if (previous?.lower === 'to' && ASSIGNING_VERBS.has(tokens[before - 1]?.lower ?? '')) {
    const assigned = assignedCredit(index, sentence, mention, before - 1);
    if (assigned) return assigned;
  }
  // "ProPoints is run by our marketing team, which designs the catalogue": the passive claim comes first.
  if (previous?.lower === 'by' && tokens[mention.to + 1]?.text === ',') {
    const passive = passiveCredit(index, sentence, mention, before);
    if (passive) return passive;
  }
  // "talk to sales, who are building the course": the relative clause says what the function does, whatever precedes it.
  if (tokens[mention.to + 1]?.text === ',' && ['who', 'which'].includes(tokens[mention.to + 2]?.lower ?? '')) {
    return activeCredit(index, sentence, mention);
  }
  // "Thanks to the sales team for running the study": praise credits the work.
  if (previous?.lower === 'to' && PRAISE.has(tokens[before - 1]?.lower ?? '') && tokens[mention.to + 1]?.lower === 'for') {
    return activeCredit(index, sentence, mention, 1);
  }
  // "Don't expect marketing to negotiate": the infinitive's doer sits under the negation.
  if (tokens[mention.to + 1]?.lower === 'to' && negatedBefore(tokens, mention.from)) return undefined;
  // "Never let your sales reps nurture leads": advice against, not a credit.
  if (isWord(previous) && CAUSING_VERBS.has(previous.lower) && negatedBefore(tokens, before)) return undefined;
  // "It was marketing who closed the deal", "marketers who close deals": the relative clause says what the function does.
  if (tokens[mention.to + 1]?.lower === 'who') return activeCredit(index, sentence, mention, 1);
  // "Market analysis and competition monitoring are also goals of the sales department".
  if (previous?.lower === 'of' && DUTY_NOUNS.has(tokens[before - 1]?.lower ?? '')) {
    const duty = dutyOfCredit(index, sentence, mention, before - 1);
    if (duty) return duty;
  }
  if (isWord(previous)) {
    const word = previous.lower;
    if (word === 'by') return passiveCredit(index, sentence, mention, before);
    if ((word === 'to' || word === 'for') && tokens[mention.to + 1]?.lower === 'to') return activeCredit(index, sentence, mention);
    // "Jane in marketing", "Tom from sales", "our VP of Sales": the person is the doer; "nobody in marketing" does nothing.
    const person = tokens[before - 1];
    if (['in', 'from', 'on', 'at'].includes(word) || (word === 'of' && isWord(person) && TITLES.has(person.lower))) {
      if (!isWord(person) || PREPOSITIONS.has(person.lower) || AUXILIARIES.has(person.lower)) return undefined;
      // "relies on the sales engineer", "works with sales": a verb before the preposition makes the function its object.
      if (CONSUMING_VERBS.has(person.lower) || SUPPORT_VERBS.has(person.lower)) return undefined;
      if (NEGATORS.has(person.lower) || (person.lower === 'one' && tokens[before - 2]?.lower === 'no')) return undefined;
      return activeCredit(index, sentence, mention);
    }
    if (PREPOSITIONS.has(word)) return undefined;
  }
  return activeCredit(index, sentence, mention);
}
