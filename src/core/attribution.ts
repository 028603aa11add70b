// The grammar of who does what: finds the places where a sentence credits an activity to sales or to marketing.
import type { ActivityIndex, ActivityMatch } from './activities';
import {
  ADVERBS, AUXILIARIES, CLAUSE_BREAK_MARKS, CLAUSE_BREAK_WORDS, DETERMINERS, FUNCTION_HEADS, FUNCTION_WORDS, NEGATORS,
  NON_ACTIVITY_VERBS, OBJECT_STOPS, OWNERSHIP_KEY, OWNERSHIP_VERBS, PREPOSITIONS, PRONOUNS, REVENUE_HEADS, REVENUE_MODIFIERS,
  REVENUE_VERBS, ROLE_NOUNS, SUPPORT_VERBS, TITLES, CONSUMING_VERBS, TIME_NOUNS, NOT_VERBS, PRAISE, MAIN_VERB_AUXILIARIES,
  VERB_JOINERS, RELATIVE_PRONOUNS, PARENTHETICAL_STARTS, TEAM_NOUNS, HEADS_THAT_ARE_VERBS, MODIFIED_NOUNS, MODIFIED_NOUNS_THAT_ARE_VERBS, CAUSING_VERBS, ASSIGNING_VERBS, INPUT_NOUNS, SUBJECT_PRONOUNS,
} from './lexicon';
import { antecedentCredit, dutyCredit, youCredit } from './doers';
import { IRREGULAR_PAST, stemKey } from './morphology';
import type { Sentence, Token } from './prose';

export type FunctionSide = 'sales' | 'marketing';

/** A phrase naming a function: "sales", "our marketing team", "sales/marketing" (joint). */
export interface Mention {
  side: FunctionSide | 'joint';
  /** Token index of the function word (the first one, for a joint mention). */
  from: number;
  /** Token index of the last word of the phrase (function word or head noun). */
  to: number;
  /** Token indexes of the function words themselves: what a replace fix rewrites. */
  functionWords: number[];
}

/** One claim that a function does an activity. */
export interface Credit {
  sentence: Sentence;
  mention: Mention;
  /** The catalogue activity, when the clause names one. */
  activity?: ActivityMatch;
  /** What the inconsistency rule compares: the concept id, or "verb:word" for each content word of an object outside the catalogue. */
  keys: string[];
  /** Words for the key, for messages ("run the product webinar"). */
  keyText?: string;
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
  const { tokens } = credit.sentence;
  return tokens.slice(credit.mention.from, credit.mention.to + 1).map((token) => token.text).join(' ');
}

export const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
const OWNERSHIP_STEMS = new Set([...OWNERSHIP_VERBS].map(stemKey));
/** "organizing", "coordinated", "runs": any form of a verb of owning. */
/** After "account": the sales roles that look after accounts. */
const ACCOUNT_ROLES = new Set(['executive', 'executives', 'exec', 'execs', 'rep', 'reps', 'representative', 'representatives', 'manager', 'managers', 'team', 'teams', 'director', 'directors']);
/** Modifiers that make "sales" the selling done somewhere, unless a head noun makes it a team. */
const PLACE_MODIFIERS = new Set(['local', 'regional', 'national', 'international', 'domestic', 'global', 'export', 'overseas']);
const COPULA_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", 'am']);
const isOwning = (word: string) => OWNERSHIP_VERBS.has(word) || OWNERSHIP_STEMS.has(stemKey(word));
const verbKeyOf = (word: string) => (isOwning(word) ? OWNERSHIP_KEY : stemKey(word));
const endsNegative = (word: string) => NEGATORS.has(word) || word.endsWith("n't");

/** The function a word names: "sales", "marketers", and hyphenated kinds like "inside-sales" (not "telemarketing", one word). */
export function sideOf(word: string): FunctionSide | undefined {
  const base = word.includes('-') && !/^multi-?level-/.test(word) ? word.slice(word.lastIndexOf('-') + 1) : word;
  if (FUNCTION_WORDS.sales.has(base)) return 'sales';
  if (FUNCTION_WORDS.marketing.has(base)) return 'marketing';
  return undefined;
}

function isClauseBreak(token: Token): boolean {
  return token.kind === 'punctuation' ? CLAUSE_BREAK_MARKS.has(token.text) : CLAUSE_BREAK_WORDS.has(token.lower);
}

/** Whether "sales" at `at` is a quantity or another sense ("holiday sales", "sales tax", "12% sales"), not the function. */
export function isRevenueSense(tokens: Token[], at: number): boolean {
  const token = tokens[at];
  if (!isWord(token) || token.lower !== 'sales') return false;
  const previous = tokens[at - 1];
  if (isWord(previous) && (REVENUE_MODIFIERS.has(previous.lower) || /^[\d.,$€£%]+$/.test(previous.lower)) && previous.span.end.line === token.span.start.line) return true;
  const next = tokens[at + 1];
  // "overseeing local and regional sales": the selling done in a place, unless a team follows ("regional sales manager").
  if (isWord(previous) && PLACE_MODIFIERS.has(previous.lower) && !(isWord(next) && FUNCTION_HEADS.has(next.lower))) return true;
  return !token.possessive && isWord(next) && REVENUE_HEADS.has(next.lower);
}

/** The function phrase starting at `at`, if the word there names a function in that sense (not "holiday sales", "sales tax"). */
export function mentionAt(tokens: Token[], at: number): Mention | undefined {
  const token = tokens[at];
  if (!isWord(token)) return undefined;
  // "account executive(s)", "account reps", "account team": sales titles of two words; the fix has no one-word counterpart, so it names no function word.
  if (token.lower === 'account' && isWord(tokens[at + 1]) && ACCOUNT_ROLES.has(tokens[at + 1].lower)) return { side: 'sales', from: at, to: at + 1, functionWords: [] };
  // "business development reps": a sales title of three words.
  if (token.lower === 'business' && tokens[at + 1]?.lower === 'development' && ACCOUNT_ROLES.has(tokens[at + 2]?.lower ?? '')) return { side: 'sales', from: at, to: at + 2, functionWords: [] };
  const side = sideOf(token.lower);
  if (!side || isRevenueSense(tokens, at)) return undefined;
  // The second half of "Sales and Marketing" (a title or a joint team) is no doer on its own.
  const before = tokens[at - 1];
  if (before && (before.lower === 'and' || before.text === '&') && isWord(tokens[at - 2]) && sideOf(tokens[at - 2].lower) && sideOf(tokens[at - 2].lower) !== side) return undefined;
  // "sales/marketing", "sales or marketing": one agent made of both functions.
  const linker = tokens[at + 1];
  const other = tokens[at + 2];
  if (!token.possessive && linker && (linker.text === '/' || linker.lower === 'or') && isWord(other) && sideOf(other.lower) && sideOf(other.lower) !== side) {
    return extendHeads(tokens, { side: 'joint', from: at, to: at + 2, functionWords: [at, at + 2] });
  }
  if (!token.possessive && linker && (linker.lower === 'and' || linker.text === '&') && isWord(other) && sideOf(other.lower) && sideOf(other.lower) !== side) {
    return undefined;
  }
  if (token.possessive) return { side, from: at, to: at, functionWords: [at] };
  const mention = extendHeads(tokens, { side, from: at, to: at, functionWords: [at] });
  return mention.to === at && modifiesNoun(tokens, at) ? undefined : mention;
}

/** "sales lead scoring", "weak marketing planning", "Marketing Qualified Lead": the function word is an adjective here. */
export function modifiesNoun(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (!isWord(next) || next.span.start.line !== tokens[at]!.span.end.line || !MODIFIED_NOUNS.has(next.lower)) return false;
  if (!MODIFIED_NOUNS_THAT_ARE_VERBS.has(next.lower) || next.possessive) return true;
  // "sales calls are…", "sales leads." are nouns; "Sales leads the negotiation", "marketing plans and buys…" are verbs.
  const after = tokens[at + 2];
  if (after === undefined) return true;
  if (after.kind !== 'word') return after.text !== '(';
  // "set sales targets and strategy": a second noun after "and" keeps the first a noun.
  if ((after.lower === 'and' || after.lower === 'or') && MODIFIED_NOUNS.has(tokens[at + 3]?.lower ?? '')) return true;
  return AUXILIARIES.has(after.lower) || MODIFIED_NOUNS.has(after.lower);
}


function extendHeads(tokens: Token[], mention: Mention): Mention {
  let to = mention.to;
  while (to - mention.to < 2 && isWord(tokens[to + 1]) && !tokens[to].possessive) {
    const next = tokens[to + 1].lower;
    const after = tokens[to + 2];
    const verbFollows = isWord(after) && (AUXILIARIES.has(after.lower) || /ed$/.test(after.lower) || IRREGULAR_PAST.has(after.lower));
    if (!FUNCTION_HEADS.has(next) && !(HEADS_THAT_ARE_VERBS.has(next) && verbFollows)) break;
    to += 1;
  }
  return { ...mention, to };
}

/** How far a clause may reach: no real clause is longer, and the bound keeps a pathological run-on line linear. */
const CLAUSE_REACH = 40;

/** Where the clause that contains `at` ends (exclusive). */
export function clauseEnd(tokens: Token[], at: number): number {
  for (let index = at; index < Math.min(tokens.length, at + CLAUSE_REACH); index += 1) {
    if (isClauseBreak(tokens[index])) return index;
    if (index > at && isWord(tokens[index]) && sideOf(tokens[index].lower) && mentionAt(tokens, index)) return index;
  }
  return Math.min(tokens.length, at + CLAUSE_REACH);
}

/** Where the clause that contains `at` starts. */
function clauseStart(tokens: Token[], at: number): number {
  for (let index = at - 1; index >= Math.max(0, at - CLAUSE_REACH); index -= 1) if (isClauseBreak(tokens[index])) return index + 1;
  return Math.max(0, at - CLAUSE_REACH);
}

export interface Predicate {
  start: number;
  end: number;
  negated: boolean;
}


/** After "X, on the other hand," or "X, who…": where the subject's own predicate starts. */
function skipInterruption(tokens: Token[], from: number): number {
  if (tokens[from]?.text !== ',' || !isWord(tokens[from + 1])) return from;
  const first = tokens[from + 1].lower;
  if (RELATIVE_PRONOUNS.has(first) && first !== 'that') return from + 2;
  if (!PARENTHETICAL_STARTS.has(first)) return from;
  for (let index = from + 2; index < Math.min(tokens.length, from + 9); index += 1) {
    if (tokens[index].text === ',') return index + 1;
    if (tokens[index].kind === 'punctuation') return from;
  }
  return from;
}

/** Skips auxiliaries, adverbs and negators after a subject; returns where the main verb starts. */
export function predicateAfter(tokens: Token[], from: number): Predicate | undefined {
  let index = skipInterruption(tokens, from);
  let negated = false;
  while (index < tokens.length && isWord(tokens[index])) {
    const word = tokens[index].lower;
    if (endsNegative(word)) negated = true;
    else if (['the', 'a'].includes(word) && TEAM_NOUNS.has(tokens[index + 1]?.lower) && RELATIVE_PRONOUNS.has(tokens[index + 2]?.lower)) {
      // "marketing is the team that signs new customers"
      index += 3;
      continue;
    } else if (!AUXILIARIES.has(word) && !ADVERBS.has(word) && !/^\w+ly$/.test(word)) break;
    // "Sales did a competitor analysis", "needs better brochures": before an object these are the main verb.
    else if (MAIN_VERB_AUXILIARIES.has(word) && isWord(tokens[index + 1]) && (DETERMINERS.has(tokens[index + 1].lower) || /^\w+er$/.test(tokens[index + 1].lower))) break;
    index += 1;
  }
  if (!isWord(tokens[index])) return undefined;
  return { start: index, end: clauseEnd(tokens, index), negated };
}

function objectHead(tokens: Token[], from: number, end: number): { head: number; first: number } | undefined {
  let index = from;
  while (index < end && isWord(tokens[index]) && DETERMINERS.has(tokens[index].lower)) index += 1;
  const first = index;
  let head: number | undefined;
  while (index < end && index - first < 5 && isWord(tokens[index]) && !OBJECT_STOPS.has(tokens[index].lower)) {
    head = index;
    index += 1;
  }
  if (head === undefined || PRONOUNS.has(tokens[head].lower) || TIME_NOUNS.has(tokens[head].lower) || sideOf(tokens[head].lower)) return undefined;
  return { head, first };
}

const wordLists = new WeakMap<Token[], string[]>();

/** The sentence's words in lower case (punctuation as written), computed once a sentence. */
export function words(tokens: Token[]): string[] {
  let list = wordLists.get(tokens);
  if (!list) {
    list = tokens.map((token) => (token.kind === 'word' ? token.lower : token.text));
    wordLists.set(tokens, list);
  }
  return list;
}

function textOf(tokens: Token[], from: number, to: number): string {
  return tokens.slice(from, to + 1).map((token) => token.text).join(' ').replace(/ ([,;:.!?])/g, '$1');
}

/**
 * The activity a predicate names: a verb with its object, or (after a verb of owning) a noun phrase. Of coordinated
 * verbs ("closed two renewals and also designed the booth backdrop") the first of the side `prefer` wins, else the first.
 */
export function activityIn(index: ActivityIndex, list: string[], predicate: Predicate, prefer?: FunctionSide): ActivityMatch | undefined {
  let first: ActivityMatch | undefined;
  for (let at = predicate.start; at < predicate.end; at += 1) {
    const word = list[at];
    if (endsNegative(word) || word === 'rather' || word === 'instead' || word === 'than') break;
    // Only the predicate's own verbs count: its head, or one joined to it ("call, email and visit", "plans to launch").
    if (at !== predicate.start && !VERB_JOINERS.has(list[at - 1]) && !/^\w+ly$/.test(list[at - 1])) continue;
    const match = index.verbWithObjectAfter(list, at, predicate.end);
    if (!match) continue;
    if (!prefer || match.side === prefer) return match;
    first ??= match;
    at = match.to;
  }
  if (first) return first;
  const verb = list[predicate.start];
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

/** The other function: what a doer of `side` would be wrong to be credited with. */
export const otherSide = (side: Mention['side']): FunctionSide | undefined => (side === 'sales' ? 'marketing' : side === 'marketing' ? 'sales' : undefined);

/** "run the product webinar" → own:product, own:webinar: two claims about one object share a key when they share a content word. */
function objectKeys(verb: string, tokens: Token[], first: number, head: number): string[] {
  // A possessive only says whose: "the account's events" and "the account plan" are not one thing.
  return tokens.slice(first, head + 1).filter((token, at) => isWord(token) && !DETERMINERS.has(token.lower) && !TIME_NOUNS.has(token.lower) && !(token.possessive && first + at < head)).map((token) => `${verbKeyOf(verb)}:${stemKey(token.lower)}`);
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
  const verb = tokens[verbAt].lower;
  if (NON_ACTIVITY_VERBS.has(verb) || SUPPORT_VERBS.has(verb) || AUXILIARIES.has(verb) || CONSUMING_VERBS.has(verb)) return undefined;
  // "should be someone who…", "is a big 'if'": after a copula comes a description, not a verb of doing.
  const passive = tokens[verbAt + 1]?.lower === 'by';
  if (!passive && COPULA_FORMS.has(tokens[verbAt - 1]?.lower ?? '') && !/(ed|en|ing)$/.test(verb) && !IRREGULAR_PAST.has(verb)) return undefined;
  const object = objectHead(tokens, objectFrom, objectEnd);
  if (!object) return undefined;
  return { keys: objectKeys(verb, tokens, object.first, object.head), text: textOf(tokens, object.first, object.head), from: Math.min(verbAt, object.first), to: Math.max(verbAt, object.head) };
}

export function credit(sentence: Sentence, mention: Mention, activity: ActivityMatch | undefined, generic: GenericActivity | undefined): Credit | undefined {
  if (!activity && !generic) return undefined;
  const claimed = activity ?? generic!;
  const to = Math.max(mention.to, claimed.to);
  const from = Math.min(mention.from, claimed.from);
  return { sentence, mention, activity, keys: activity ? [activity.conceptId] : generic!.keys, keyText: activity ? activity.label : generic?.text, from, to };
}

/** Active voice: "our sales team will launch a TV campaign", "Jane in marketing closed the deal". */
function activeCredit(index: ActivityIndex, sentence: Sentence, mention: Mention): Credit | undefined {
  const { tokens } = sentence;
  let predicate = predicateAfter(tokens, isAppositive(tokens, mention) ? mention.to + 2 : afterNamedPerson(tokens, mention.to + 1));
  // "As CMO she will negotiate…": the function names the pronoun's role.
  if (tokens[mention.from - 1]?.lower === 'as') {
    const pronoun = tokens[mention.to + 1]?.text === ',' ? mention.to + 2 : mention.to + 1;
    if (SUBJECT_PRONOUNS.has(tokens[pronoun]?.lower ?? '')) predicate = predicateAfter(tokens, pronoun + 1);
  }
  // "The best salespeople I know read the plan": a reduced relative clause stands between the subject and its verb.
  if (predicate && ['i', 'we', 'you'].includes(tokens[predicate.start].lower) && isWord(tokens[predicate.start + 1])) predicate = predicateAfter(tokens, predicate.start + 2);
  if (!predicate || predicate.negated) return undefined;
  const verb = tokens[predicate.start].lower;
  // "sales needs marketing to build the brand": the second function is the doer.
  if (sideOf(verb)) return undefined;
  // "marketing trains the sales team on positioning": the function is an object here, and what follows is no predicate of its own.
  const inCharge = verb === 'in' && tokens[predicate.start + 1]?.lower === 'charge';
  // Verbs of quantities ("marketing spend rose", "sales grew") matter only for the bare words; "our new marketer spends…" acts.
  const bare = mention.from === mention.to && ['sales', 'marketing'].includes(tokens[mention.from].lower);
  if (SUPPORT_VERBS.has(verb) || (bare && REVENUE_VERBS.has(verb)) || (PREPOSITIONS.has(verb) && !inCharge) || DETERMINERS.has(verb) || NOT_VERBS.has(verb)) return undefined;
  const list = words(tokens);
  const relative = relativeAntecedentEnd(tokens, mention) !== undefined;
  const prefer = otherSide(mention.side);
  const activity = relative ? objectBeforeRelative(index, list, tokens, mention, predicate.start) ?? activityIn(index, list, predicate, prefer) : activityIn(index, list, predicate, prefer);
  const generic = activity ? undefined : relative ? genericBeforeRelative(tokens, mention, predicate.start) : genericKey(tokens, predicate.start, predicate.start + 1, predicate.end);
  return credit(sentence, mention, activity, generic);
}

/** "Our CMO, Dana Whitfield, will…": skips a name set off by commas after the function phrase. */
function afterNamedPerson(tokens: Token[], from: number): number {
  if (tokens[from]?.text !== ',') return from;
  let at = from + 1;
  while (at < tokens.length && at - from <= 4 && isWord(tokens[at]) && /^[A-Z]/.test(tokens[at].text) && !sideOf(tokens[at].lower)) at += 1;
  return at > from + 1 && tokens[at]?.text === ',' ? at + 1 : from;
}

/** "Derek, our top sales rep, is…": the function phrase renames the subject, whose predicate follows the comma. */
function isAppositive(tokens: Token[], mention: Mention): boolean {
  if (tokens[mention.to + 1]?.text !== ',' || RELATIVE_PRONOUNS.has(tokens[mention.to + 2]?.lower)) return false;
  for (let at = mention.from - 1; at >= Math.max(0, mention.from - 4); at -= 1) {
    if (tokens[at].text === ',') return at > 0 && isWord(tokens[at - 1]);
    if (!isWord(tokens[at])) return false;
  }
  return false;
}

/** Where the antecedent of "the conference, which sales is organizing" or "the contract (that) marketing negotiated" ends. */
function relativeAntecedentEnd(tokens: Token[], mention: Mention): number | undefined {
  let at = mention.from - 1;
  while (at >= 0 && isWord(tokens[at]) && DETERMINERS.has(tokens[at].lower)) at -= 1;
  if (isWord(tokens[at]) && ['which', 'that'].includes(tokens[at].lower)) return tokens[at - 1]?.text === ',' ? at - 1 : at;
  return undefined;
}

function objectBeforeRelative(index: ActivityIndex, list: string[], tokens: Token[], mention: Mention, verbAt: number): ActivityMatch | undefined {
  const end = relativeAntecedentEnd(tokens, mention);
  if (end === undefined) return undefined;
  const start = Math.max(0, end - 8);
  const moved = [...list.slice(start, end), list[verbAt]];
  const match = index.verbWithObjectBefore(moved, moved.length - 1, 0) ?? index.nounIn(list, start, end);
  return match && { ...match, from: mention.from, to: Math.max(verbAt, mention.to) };
}

function genericBeforeRelative(tokens: Token[], mention: Mention, verbAt: number): GenericActivity | undefined {
  const end = relativeAntecedentEnd(tokens, mention);
  if (end === undefined) return undefined;
  const verb = tokens[verbAt].lower;
  if (NON_ACTIVITY_VERBS.has(verb) || SUPPORT_VERBS.has(verb)) return undefined;
  let head = end - 1;
  while (head >= 0 && !isWord(tokens[head])) head -= 1;
  if (head < 0 || PRONOUNS.has(tokens[head].lower) || DETERMINERS.has(tokens[head].lower) || TIME_NOUNS.has(tokens[head].lower)) return undefined;
  let first = head;
  while (first > 0 && isWord(tokens[first - 1]) && !DETERMINERS.has(tokens[first - 1].lower) && !OBJECT_STOPS.has(tokens[first - 1].lower) && head - first < 3) first -= 1;
  return { keys: objectKeys(verb, tokens, first, head), text: textOf(tokens, first, head), from: first, to: verbAt };
}

/** Passive voice: "the deal was closed by marketing", "pricing is handled by the sales team", "Office move (coordinated by sales)". */
function passiveCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, byAt: number): Credit | undefined {
  const { tokens } = sentence;
  let verbAt = byAt - 1;
  while (verbAt >= 0 && isWord(tokens[verbAt]) && (ADVERBS.has(tokens[verbAt].lower) || /^\w+ly$/.test(tokens[verbAt].lower))) verbAt -= 1;
  if (!isWord(tokens[verbAt]) || SUPPORT_VERBS.has(tokens[verbAt].lower)) return undefined;
  // A reduced passive after "(" or "," ("the pilot program, managed by marketing,") takes its object from before the mark.
  const mark = tokens[verbAt - 1];
  const reduced = mark && (mark.text === '(' || mark.text === ',');
  const start = clauseStart(tokens, reduced ? verbAt - 1 : verbAt);
  for (let at = start; at < verbAt; at += 1) if (endsNegative(tokens[at].lower)) return undefined;
  const list = words(tokens);
  const objectEnd = reduced ? verbAt - 1 : verbAt;
  const moved = reduced ? [...list.slice(start, objectEnd), list[verbAt]] : list;
  const found = index.verbWithObjectBefore(moved, reduced ? moved.length - 1 : verbAt, reduced ? 0 : start);
  let activity = found && (reduced ? { ...found, from: found.from + start, to: verbAt } : found);
  activity ??= index.nounIn(list, start, objectEnd);
  let generic: GenericActivity | undefined;
  if (!activity) {
    let auxAt = objectEnd - 1;
    while (auxAt > start && AUXILIARIES.has(list[auxAt])) auxAt -= 1;
    generic = reduced || auxAt < verbAt - 1 ? genericKey(tokens, verbAt, start, auxAt + 1) : undefined;
  }
  return credit(sentence, mention, activity, generic);
}

/** "Competition monitoring is also a goal of the sales department": the activity is the subject, before the copula. */
function dutyOfCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, nounAt: number): Credit | undefined {
  const { tokens } = sentence;
  let copula = nounAt - 1;
  while (copula > 0 && (DETERMINERS.has(tokens[copula].lower) || ADVERBS.has(tokens[copula].lower) || ['main', 'key', 'chief', 'primary', 'other'].includes(tokens[copula].lower))) copula -= 1;
  if (!COPULA_FORMS.has(tokens[copula]?.lower ?? '')) return undefined;
  const start = clauseStart(tokens, copula);
  for (let at = start; at < copula; at += 1) if (endsNegative(tokens[at].lower)) return undefined;
  const activity = activityInPart(index, tokens, start, copula);
  return activity ? credit(sentence, mention, activity, undefined) : undefined;
}

/** Nouns of duty before "of": "a goal of the sales department", "the job of marketing". */
const DUTY_NOUNS = new Set(['goal', 'goals', 'job', 'jobs', 'task', 'tasks', 'responsibility', 'responsibilities', 'duty', 'duties', 'role', 'remit', 'work', 'province', 'domain']);

/** "Negotiating renewals falls to marketing": the activity is the subject, before the verb of handing over. */
function assignedCredit(index: ActivityIndex, sentence: Sentence, mention: Mention, verbAt: number): Credit | undefined {
  const { tokens } = sentence;
  const start = clauseStart(tokens, verbAt);
  for (let at = start; at < verbAt; at += 1) if (endsNegative(tokens[at].lower)) return undefined;
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
  while (copula > start && DETERMINERS.has(list[copula])) copula -= 1;
  // "…is marketing's job", and "…is treated as marketing's job".
  const treatedAs = list[copula] === 'as' && ['treated', 'seen', 'considered', 'regarded', 'viewed', 'counted', 'described'].includes(list[copula - 1] ?? '');
  if (treatedAs) copula -= 2;
  if (!['is', 'was', 'are', 'were', "'s"].includes(list[copula])) return undefined;
  for (let at = start; at < mention.from; at += 1) if (endsNegative(list[at])) return undefined;
  const before: Predicate = { start, end: copula, negated: false };
  const activity = activityIn(index, list, before) ?? index.nounIn(list, start, copula);
  return activity ? credit(sentence, mention, activity, undefined) : undefined;
}

/** A part of a sentence that is nothing but a function phrase ("sales team", "Marketing"), if it is one. */
function wholeMention(tokens: Token[], from: number, end: number, commaQualifies = false): Mention | undefined {
  let at = from;
  while (at < end && isWord(tokens[at]) && DETERMINERS.has(tokens[at].lower)) at += 1;
  const mention = mentionAt(tokens, at);
  if (!mention || mention.side === 'joint') return undefined;
  // "SDR team, within two days": what follows a comma only qualifies the owner (not "Sales, Marketing & Operations").
  if (tokens[mention.to + 1]?.text === ',' && commaQualifies && !tokens.slice(mention.to + 2, end).some((token) => isWord(token) && sideOf(token.lower))) return mention;
  let last = mention.to + 1;
  while (last < end && tokens[last].kind === 'punctuation' && tokens[last].text !== '(') last += 1;
  return last >= end || tokens[last].text === '(' ? mention : undefined;
}

/** "Customer case studies (product marketing)": the owner in parentheses at the end of a part; returns where "(" is. */
function ownerInParentheses(tokens: Token[], from: number, end: number): { mention: Mention; open: number } | undefined {
  let close = end - 1;
  while (close > from && tokens[close].kind === 'punctuation' && tokens[close].text !== ')') close -= 1;
  if (tokens[close]?.text !== ')') return undefined;
  let open = close - 1;
  while (open > from && tokens[open].text !== '(' && close - open < 6) open -= 1;
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
  for (let at = start; at < (verbFirstOnly ? Math.min(end, start + 1) : end); at += 1) {
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
      return [{ sentence, mention: owner, activity, keys: [activity.conceptId], keyText: activity.label, from: Math.min(owner.from, activity.from), to: Math.max(owner.to, activity.to) }];
    }
  }
  const owners = parts.map(([from, end]) => (end > from ? wholeMention(tokens, from, end, !sentence.cells) : undefined));
  const owner = owners.find(Boolean);
  if (!owner || owners.filter(Boolean).length > 1) return [];
  const credits: Credit[] = [];
  parts.forEach(([from, end], at) => {
    if (owners[at] || end <= from) return;
    const activity = activityInPart(index, tokens, from, end, true);
    if (activity) credits.push({ sentence, mention: owner, activity, keys: [activity.conceptId], keyText: activity.label, from: Math.min(owner.from, activity.from), to: Math.max(owner.to, activity.to) });
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
  if (named) return credits;
  // No function named here: the doer may be named in a lead-in over a list, a job ad's heading, or the sentence before.
  const elsewhere = dutyCredit(index, sentence) ?? youCredit(index, sentence) ?? antecedentCredit(index, sentence, before);
  return elsewhere ? [elsewhere] : [];
}

/** "the sales team's radio campaign", "marketing's biggest win was negotiating the contract". */
function possessiveCredit(index: ActivityIndex, sentence: Sentence, mention: Mention): Credit | undefined {
  const { tokens } = sentence;
  if (isWord(tokens[mention.to + 1]) && ROLE_NOUNS.has(tokens[mention.to + 1].lower)) return roleCredit(index, sentence, mention);
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

function negatedBefore(tokens: Token[], at: number): boolean {
  for (let index = clauseStart(tokens, at); index < at; index += 1) if (endsNegative(tokens[index].lower)) return true;
  return false;
}

function creditFor(index: ActivityIndex, sentence: Sentence, mention: Mention): Credit | undefined {
  const { tokens } = sentence;
  let before = mention.from - 1;
  while (before >= 0 && isWord(tokens[before]) && DETERMINERS.has(tokens[before].lower) && tokens[before].lower !== 'new') before -= 1;
  // "by our regional sales managers", "falls to the product marketing manager": up to two modifiers may stand between.
  for (let skipped = 1; skipped <= 2 && isWord(tokens[before - skipped + 1]) && !sideOf(tokens[before - skipped + 1].lower); skipped += 1) {
    let by = before - skipped;
    while (by >= 0 && isWord(tokens[by]) && DETERMINERS.has(tokens[by].lower)) by -= 1;
    if (tokens[by]?.lower === 'by' || (tokens[by]?.lower === 'to' && ASSIGNING_VERBS.has(tokens[by - 1]?.lower ?? ''))) {
      before = by;
      break;
    }
  }
  const previous = tokens[before];
  // "Marketing, not sales, decides the price": the function is named to deny it the work.
  if (previous && (NEGATORS.has(previous.lower) || ['unlike', 'than', 'instead'].includes(previous.lower) || (previous.lower === 'of' && tokens[before - 1]?.lower === 'instead'))) return undefined;
  const head = tokens[mention.to];
  // "As marketers take on more responsibility…": at the start of a sentence "as" joins a clause whose subject this is.
  if (previous?.lower === 'as' && before === 0 && !SUBJECT_PRONOUNS.has(tokens[mention.to + 1]?.lower ?? '') && tokens[mention.to + 1]?.text !== ',') return activeCredit(index, sentence, mention);
  // "As CMO, she will negotiate…": the function names the role of the pronoun that does the work.
  if (previous?.lower === 'as' && SUBJECT_PRONOUNS.has(tokens[mention.to + (tokens[mention.to + 1]?.text === ',' ? 2 : 1)]?.lower ?? '')) return activeCredit(index, sentence, mention);
  if (head.possessive) return possessiveCredit(index, sentence, mention);
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
  if (tokens[mention.to + 1]?.text === ',' && ['who', 'which'].includes(tokens[mention.to + 2]?.lower)) return activeCredit(index, sentence, mention);
  // "Thanks to the sales team for running the study": praise credits the work.
  if (previous?.lower === 'to' && PRAISE.has(tokens[before - 1]?.lower) && tokens[mention.to + 1]?.lower === 'for') return activeCredit(index, sentence, { ...mention, to: mention.to + 1 });
  // "Don't expect marketing to negotiate": the infinitive's doer sits under the negation.
  if (tokens[mention.to + 1]?.lower === 'to' && negatedBefore(tokens, mention.from)) return undefined;
  // "Never let your sales reps nurture leads": advice against, not a credit.
  if (isWord(previous) && CAUSING_VERBS.has(previous.lower) && negatedBefore(tokens, before)) return undefined;
  // "It was marketing who closed the deal", "marketers who close deals": the relative clause says what the function does.
  if (tokens[mention.to + 1]?.lower === 'who') return activeCredit(index, sentence, { ...mention, to: mention.to + 1 });
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
