// conflation: "sales" and "marketing" equated or swapped as synonyms. Examples: docs/rules/conflation.md
import { hasPhrase, phraseAt } from '../clauses';
import { isRevenueSense, isWord, modifiesNoun, wordAt, writtenText } from '../naming';
import { FUNCTION_HEADS, FUNCTION_NAMES, NEGATORS, OWNERSHIP_KEY, PAST_BELIEF, SAMENESS_CUES, WRONGNESS_MARKERS } from '../lexicon';
import { tokenSpan, type Sentence, type Token } from '../prose';
import { insideAny, type QuotedRange } from '../quotes';
import type { Passage } from '../types';
import { activityName, readingOf, wordsOf, type Draft, type Rule, type RuleContext } from './rule';

type Side = 'sales' | 'marketing';

const COPULAS = new Set(['is', 'are', 'was', 'were', "'s", 'means', 'equals', '=', 'becomes', 'remains', ':']);
/** The copulas that "to" right after makes an analogy or an infinitive. */
const ANALOGY_COPULAS = new Set(['is', 'are', 'was', 'were', "'s"]);
/** Words that may stand between "A is" and "B" in an equation ("marketing is just a fancy word for selling"). */
const EQUATING_FILLERS = new Set(
  `just simply really basically essentially merely only all nothing but more than no another word name term for the
  same as a fancy synonym synonymous with equivalent to identical interchangeable one and thing actually literally fundamentally
  glorified dressed-up dressed up repackaged renamed rebranded called just code polite new other`.split(/\s+/),
);
const AFTER_EQUATED = new Set(['by', 'to', 'in', 'under', 'with', 'dressed', 'and', 'but', 'so', 'or', 'too', 'anyway', 'really', 'after', 'at']);
/** After "are one": what makes the two a single thing ("one function", "one discipline, not two"). */
const ONE_OF_KIND = new Set([
  'function',
  'job',
  'discipline',
  'activity',
  'team',
  'thing',
  'department',
  'process',
  'role',
  'practice',
  'craft',
  'profession',
  'skill',
  'motion',
  'effort',
]);
const SAME_WORDS = new Set(['same', 'synonyms', 'synonymous', 'interchangeable', 'identical', 'equivalent', 'indistinguishable', 'one']);
const SAME_FOLLOWERS = new Set(['thing', 'things', 'function', 'functions', 'job', 'discipline', 'activity', 'department', 'role', 'work']);
/** Between "A and B are" and "the same": "just", "really", "all the", "no different"… */
const SAME_FILLERS = new Set([
  'just',
  'really',
  'basically',
  'essentially',
  'all',
  'the',
  'pretty',
  'much',
  'simply',
  'totally',
  'completely',
  'exactly',
  'practically',
  'effectively',
  'interchangeable',
  'no',
  'different',
  'one',
  'and',
]);
const APPOSITION_MARKERS = [
  ['a.k.a.'],
  ['aka'],
  ['a.k.a'],
  ['also', 'known', 'as'],
  ['otherwise', 'known', 'as'],
  ['also', 'called'],
  ['i.e.'],
  ['ie'],
  ['that', 'is'],
  ['or'],
];

/** "Please stop using sales and marketing as synonyms": the writer argues against the equation. */
const STOP_WORDS = new Set(['stop', 'avoid', 'quit', 'refrain', 'stopped']);

const CUE_REACH = 8;
const DISTINCTION_WORDS = new Set(['distinguish', 'distinguishes', 'differentiate', 'differentiates', 'distinction']);

interface Hit {
  from: number;
  to: number;
  first: Side;
}

const sideAt = (tokens: Token[], at: number): Side | undefined => (isWord(tokens[at]) ? FUNCTION_NAMES.get(tokens[at].lower) : undefined);
const isNegator = (token: Token | undefined): token is Token => isWord(token) && (NEGATORS.has(token.lower) || token.lower.endsWith("n't"));

/** The function word at `at` when it is used as a name of the function, not as a modifier ("the marketing process"). */
function functionAt(tokens: Token[], at: number): Side | undefined {
  const side = sideAt(tokens, at);
  if (!side) return undefined;
  if (isRevenueSense(tokens, at)) return undefined;
  const previous = tokens[at - 1];
  const thinkOf = previous?.lower === 'of' && ['think', 'thinks', 'thinking'].includes(tokens[at - 2]?.lower ?? '');
  if (isWord(previous) && ['of', 'for', 'in', 'than', 'about'].includes(previous.lower) && !thinkOf) return undefined;
  return side;
}

/** True when "B" ends the claim: end of clause, or a phrase like "by another name". */
function endsClaim(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  return !next || next.kind === 'punctuation' || AFTER_EQUATED.has(next.lower);
}

const COPULA_ADVERBS = new Set([
  'basically',
  'really',
  'just',
  'essentially',
  'simply',
  'actually',
  'only',
  'merely',
  'effectively',
  'ultimately',
  'fundamentally',
  'truly',
  'always',
  'still',
]);

/** "A is (just) B", "A, which is really B", "A basically means B", "A = B", and "think of A as B". */
function equation(tokens: Token[], at: number, first: Side): Hit | undefined {
  let index = at + 1;
  if (tokens[index]?.text === ',' && tokens[index + 1]?.lower === 'which') index += 2;
  while (COPULA_ADVERBS.has(wordAt(tokens, index)?.lower ?? '')) index += 1;
  // "think of marketing as sales", "we treat marketing as just selling"
  const framing = ['of', 'treat', 'treats', 'see', 'sees', 'view', 'views', 'regard', 'regards'];
  const framedAs = wordAt(tokens, index);
  if (framedAs?.lower === 'as' && framing.includes(tokens[at - 1]?.lower ?? '')) {
    tokens = [...tokens.slice(0, index), { ...framedAs, lower: 'is' }, ...tokens.slice(index + 1)];
  }
  const link = tokens[index];
  if (!link || (link.kind !== 'word' && link.text !== '=' && link.text !== ':')) return undefined;
  if (!COPULAS.has(link.lower)) return undefined;
  // "a salesperson is to marketing what a striker is to scouting": an analogy, or an infinitive ("is to blame"), never one
  // function said to be the other.
  if (ANALOGY_COPULAS.has(link.lower) && wordAt(tokens, index + 1)?.lower === 'to') return undefined;
  // A glossary colon ("Marketing: another word for sales") equates only through a filler such as "another word for".
  const colon = link.text === ':';
  index += 1;
  let fillers = 0;
  const equatingFiller = (word: string) => EQUATING_FILLERS.has(word) && !FUNCTION_NAMES.has(word);
  while (equatingFiller(wordAt(tokens, index)?.lower ?? '') && fillers < 7) {
    index += 1;
    fillers += 1;
  }
  const second = sideAt(tokens, index);
  // "Marketing is really the new sales function": a head noun after the second name ends the claim too.
  while (second && isWord(tokens[index + 1]) && FUNCTION_HEADS.has(tokens[index + 1]!.lower)) index += 1;
  if (!second || second === first || !endsClaim(tokens, index) || (colon && fillers === 0)) return undefined;
  return { from: at, to: index, first };
}

/** "A and B are the same (thing)", "A and B are synonyms". */
function pairSame(tokens: Token[], at: number, first: Side): Hit | undefined {
  const linker = tokens[at + 1];
  if (!linker || !['and', '&', 'or'].includes(linker.lower)) return undefined;
  const second = sideAt(tokens, at + 2);
  if (!second || second === first) return undefined;
  let index = at + 3;
  if (!['are', 'is', 'were', 'mean', 'means', 'seem', 'look', 'sound', 'remain'].includes(wordAt(tokens, index)?.lower ?? '')) return undefined;
  index += 1;
  // "sales and marketing is one function with one job"
  if (tokens[index]?.lower === 'one' && ONE_OF_KIND.has(tokens[index + 1]?.lower ?? '')) return { from: at, to: index + 1, first };
  let fillers = 0;
  const sameFiller = (word: string) => !SAME_WORDS.has(word) && SAME_FILLERS.has(word);
  while (sameFiller(wordAt(tokens, index)?.lower ?? '') && fillers < 4) {
    index += 1;
    fillers += 1;
  }
  const word = tokens[index];
  if (!isWord(word)) {
    return tokens[index - 1]?.lower === 'different' && tokens[index - 2]?.lower === 'no' ? { from: at, to: index - 1, first } : undefined;
  }
  if (!SAME_WORDS.has(word.lower)) return undefined;
  if (word.lower === 'same' || word.lower === 'one') {
    const next = tokens[index + 1];
    // "one and the same", "one function", "one job with two names".
    if (word.lower === 'one' && isWord(next) && ONE_OF_KIND.has(next.lower)) return { from: at, to: index + 1, first };
    if (word.lower === 'one' && !(next?.lower === 'and' && tokens[index + 2]?.lower === 'the')) return undefined;
    if (word.lower === 'same' && isWord(next) && !SAME_FOLLOWERS.has(next.lower)) return undefined;
    const end = word.lower === 'one' ? index + 3 : isWord(next) ? index + 1 : index;
    return { from: at, to: end, first };
  }
  return { from: at, to: index, first };
}

/** "sales (a.k.a. marketing)", "the marketing function (i.e., sales)", "marketing (the sales team, basically)". */
function apposition(tokens: Token[], at: number, first: Side): Hit | undefined {
  let index = at + 1;
  while (FUNCTION_HEADS.has(wordAt(tokens, index)?.lower ?? '')) index += 1;
  const open = tokens[index];
  if (!open || (open.text !== '(' && open.text !== ',')) return undefined;
  index += 1;
  const marker = APPOSITION_MARKERS.find((words) => phraseAt(tokens, index, words));
  if (marker) index += marker.length;
  else if (open.text === ',') return undefined;
  if (tokens[index]?.text === ',') index += 1;
  while (['the', 'our', 'a', 'your', 'their'].includes(wordAt(tokens, index)?.lower ?? '')) index += 1;
  const second = sideAt(tokens, index);
  if (!second || second === first) return undefined;
  while (FUNCTION_HEADS.has(wordAt(tokens, index + 1)?.lower ?? '')) index += 1;
  if (open.text === '(') {
    // "(or marketing, as we tend to call the whole thing here)": a naming aside may run longer.
    const naming = tokens.slice(index + 1, index + 14).some((token) => ['call', 'called', 'known', 'name', 'named'].includes(token.lower));
    let close = index + 1;
    while (close < tokens.length && close - index < (naming ? 14 : 4) && tokens[close]?.text !== ')' && !sideAt(tokens, close)) close += 1;
    return tokens[close]?.text === ')' ? { from: at, to: close, first } : undefined;
  }
  const close = tokens[index + 1];
  const closes = !close || close.kind === 'punctuation' || (isWord(close) && ['as', 'if'].includes(close.lower));
  if (!closes) return undefined;
  // "sales, or marketing as some call it" and "sales, or marketing if you prefer" rename; "sales, or marketing, or both" does not.
  if (marker?.[0] === 'or' && !(isWord(close) && ['as', 'if'].includes(close.lower))) return undefined;
  return { from: at, to: index, first };
}

/** A sentence naming both functions with a word that makes them one ("two words for the same job", "interchangeably", "same difference"). */
function sentenceWide(tokens: Token[], examples: QuotedRange[]): Hit | undefined {
  const named: { at: number; side: Side }[] = [];
  tokens.forEach((token, at) => {
    // A word inside a quoted example ("marketing is just selling") is mentioned, not named.
    const quoted = insideAny(examples, token.span.start.offset, token.span.end.offset);
    const side = quoted || isRevenueSense(tokens, at) || !namesFunction(tokens, at) ? undefined : sideAt(tokens, at);
    if (side) named.push({ at, side });
  });
  const first = named[0];
  const second = named.find((entry) => entry.side !== first?.side);
  if (!first || !second || Math.abs(second.at - first.at) > 12) return undefined;
  // "we don't distinguish between sales and marketing", "no distinction between…": denying the difference equates them.
  for (const [at, token] of tokens.entries()) {
    if (!DISTINCTION_WORDS.has(token.lower) || !tokens.slice(Math.max(0, at - 3), at).some(isNegator)) continue;
    if (Math.abs(at - first.at) <= CUE_REACH) return { from: Math.min(at, first.at, second.at), to: Math.max(at, first.at, second.at), first: first.side };
  }
  let stopped = false;
  for (const [at, token] of tokens.entries()) {
    // "stop using them as synonyms" argues against the claim; "we've stopped pretending there's a line" makes it.
    stopped ||= STOP_WORDS.has(token.lower) && !['pretending', 'pretend'].includes(tokens[at + 1]?.lower ?? '');
    const cue = SAMENESS_CUES.find((words) => phraseAt(tokens, at, words));
    if (!cue) continue;
    const end = at + cue.length - 1;
    // The cue has to sit with the two names, not in another clause of a long sentence.
    const near = end >= Math.min(first.at, second.at) - CUE_REACH && at <= Math.max(first.at, second.at) + CUE_REACH;
    if (!near || stopped || tokens.slice(Math.max(0, at - 4), at).some(isNegator)) continue;
    return { from: Math.min(first.at, second.at, at), to: Math.max(first.at, second.at, end), first: first.side };
  }
  return undefined;
}

/** The sentence reports the equation as wrong or given up: "mistakenly think", "a myth", "we used to think", "we once believed". */
function dismissesClaim(tokens: Token[]): boolean {
  const pastBelief = (token: Token, at: number): boolean =>
    PAST_BELIEF.has(token.lower) && (tokens[at - 1]?.lower === 'once' || (tokens[at - 1]?.lower === 'to' && tokens[at - 2]?.lower === 'used'));
  return tokens.some((token, at) => (isWord(token) && WRONGNESS_MARKERS.has(token.lower)) || pastBelief(token, at));
}

function negatedOrDismissed(sentence: Sentence, hit: Hit): boolean {
  const { tokens } = sentence;
  for (let at = hit.from; at <= hit.to; at += 1) {
    const token = tokens[at];
    if (isNegator(token)) return !['no'].includes(token.lower) || tokens[at + 1]?.lower === 'longer';
  }
  // "Marketing is just selling – it isn't." / "…are the same? They aren't."
  const after = tokens.slice(hit.to + 1, hit.to + 5);
  return after.some((token) => isNegator(token)) && after.some((token) => ['they', 'it', 'that'].includes(token.lower));
}

/** "…the same thing. They aren't." / "They don't.": the next sentence takes the claim back. */
function rebutted(next: Sentence | undefined): boolean {
  const all = next?.tokens.filter(isWord) ?? [];
  // A short answer ("They aren't.", "It is not.", "That's not true."), not a longer thought ("That doesn't mean everyone…").
  const words = all.slice(0, 4);
  return all.length <= 4 && ['they', 'it', 'that', "that's", 'this'].includes(words[0]?.lower ?? '') && words.some(isNegator);
}

/** "as if they meant the same thing": a comparison with what is not so. */
function counterfactual(tokens: Token[]): boolean {
  return tokens.some((token, at) => token.lower === 'as' && ['if', 'though'].includes(tokens[at + 1]?.lower ?? ''));
}

/** Phrases that make the function words themselves the topic: "the terms", "both words", "terms like". */
const WORD_TOPICS = [['misused'], ['misuse'], ['heard'], ['hear'], ['often', 'confused'], ['mixed', 'up'], ['mix', 'up']];
/** Part-of claims, which the sources themselves make ("selling is a small part of marketing"): membership, not sameness. */
const MEMBERSHIP = [
  ['part', 'of'],
  ['subset', 'of'],
  ['component', 'of'],
  ['element', 'of'],
  ['piece', 'of'],
  ['falls', 'under'],
  ['belongs', 'to'],
  ['branch', 'of'],
];
const ASSERTING = new Set(['is', 'are', 'was', 'were', 'means', 'mean', "they're", "it's"]);
const FIRST_PERSON = new Set(['we', 'i', "we've", "i've", "we're", "i'm"]);

/**
 * The sentence talks about the words, not with them: "the terms are often used interchangeably", "people use them
 * interchangeably" (someone else's usage, reported), "you may have heard", "commonly misused".
 */
function talksAboutWords(tokens: Token[]): boolean {
  if (hasPhrase(tokens, WORD_TOPICS)) return true;
  // “Sales” and “marketing”, each in quotation marks, are words being talked about, unless the copy owns the claim ("in our org").
  const quotedWords = tokens.filter(
    (token, at) => FUNCTION_NAMES.has(token.lower) && QUOTE_MARKS.has(tokens[at - 1]?.text ?? '') && QUOTE_MARKS.has(tokens[at + 1]?.text ?? ''),
  );
  // (A sentence that asserts it, "they're the same thing", "the terms are interchangeable", still makes the claim.)
  const asserts = tokens.some((token) => ASSERTING.has(token.lower) || /'re$/.test(token.lower));
  if (quotedWords.length >= 2 && !asserts && !tokens.some((token) => FIRST_PERSON.has(token.lower) || ['our', 'us', 'here'].includes(token.lower))) return true;
  const loosely = tokens.findIndex((token) => token.lower === 'interchangeably' || token.lower === 'synonyms' || token.lower === 'synonymously');
  if (loosely < 0) return false;
  // "…are often used interchangeably": a report of usage. "We use sales and marketing interchangeably": the writer's own.
  let use = loosely - 1;
  while (use >= 0 && !/^(use|uses|used|using)$/.test(tokens[use]!.lower)) use -= 1;
  if (use < 0) return false;
  const passive = (word: string | undefined) => /^(are|is|were|was|get|gets|being|be|been)$/.test(word ?? '');
  if (tokens[use]!.lower === 'used' && (passive(tokens[use - 1]?.lower) || passive(tokens[use - 2]?.lower))) return true;
  const subject = tokens.slice(Math.max(0, use - 3), use).some((token) => FIRST_PERSON.has(token.lower));
  return !subject;
}

/** A quoted view is someone else's when the copy answers it: "It is a tidy line, and it is wrong.", "But he's wrong." */
function answered(sentences: Sentence[]): boolean {
  // "not just brand recognition", "not only…" add to a claim rather than answer it.
  const answers = (tokens: Token[], at: number) =>
    (isNegator(tokens[at]) && !['just', 'only', 'merely', 'simply'].includes(tokens[at + 1]?.lower ?? '')) ||
    WRONGNESS_MARKERS.has(tokens[at]!.lower) ||
    REBUTTALS.has(tokens[at]!.lower);
  return sentences.some((sentence) => sentence.tokens.some((_, at) => answers(sentence.tokens, at)));
}

const REBUTTALS = new Set(['disagree', 'disagrees', 'untrue', 'false', 'nonsense', 'however', 'stopped', 'wrong']);

/** A function word that only modifies a noun ("marketing funnels", "sales tasks") names no function. */
const namesFunction = (tokens: Token[], at: number) => !modifiesNoun(tokens, at);

/** "No longer should you see sales and marketing as separate functions": told not to tell them apart. */
function notSeenApart(tokens: Token[], first: Side, at: number): Hit | undefined {
  const pairedAs = ['and', '&'].includes(tokens[at + 1]?.lower ?? '') && FUNCTION_NAMES.has(tokens[at + 2]?.lower ?? '') && tokens[at + 3]?.lower === 'as';
  if (!pairedAs) return undefined;
  if (!['separate', 'distinct', 'different', 'two'].includes(tokens[at + 4]?.lower ?? '')) return undefined;
  const before = tokens.slice(Math.max(0, at - 6), at);
  const regards = (token: Token): boolean => ['see', 'treat', 'view', 'think', 'regard', 'consider', 'run', 'manage'].includes(token.lower);
  if (!before.some(isNegator) || !before.some(regards)) return undefined;
  return { from: at, to: at + 4, first };
}

/** "sales and marketing are not two separate things", "aren't two different disciplines": denying there are two. */
function deniesTwo(tokens: Token[], first: Side, at: number): Hit | undefined {
  for (let index = at + 1; index < Math.min(tokens.length, at + 10); index += 1) {
    if (!isNegator(tokens[index]) || tokens[index + 1]?.lower !== 'two') continue;
    let end = index + 2;
    while (isWord(tokens[end]) && ['separate', 'different', 'distinct', 'independent', 'unrelated'].includes(tokens[end]!.lower)) end += 1;
    if (isWord(tokens[end]) && TWO_KINDS.has(tokens[end]!.lower)) return { from: at, to: end, first };
  }
  return undefined;
}

const TWO_KINDS = new Set([
  'things',
  'disciplines',
  'functions',
  'jobs',
  'departments',
  'activities',
  'teams',
  'worlds',
  'practices',
  'professions',
  'processes',
  'roles',
  'skills',
  'efforts',
]);

/** "Selling is promotion", "'selling' covers all of our promotion work": the work of one side defined as the other's. */
function definedAsOther(tokens: Token[], at: number, first: Side): Hit | undefined {
  if (first !== 'sales' || tokens[at]!.lower !== 'selling') return undefined;
  let index = at + 1;
  while (QUOTE_MARKS.has(tokens[index]?.text ?? '') || (isWord(tokens[index]) && COPULA_ADVERBS.has(tokens[index]!.lower))) index += 1;
  const verb = tokens[index]?.lower ?? '';
  if (!DEFINING_VERBS.has(verb)) return undefined;
  if (verb === 'refers' && tokens[index + 1]?.lower !== 'to') return undefined;
  for (let end = index + 1; end < Math.min(tokens.length, index + 7); end += 1) {
    if (tokens[end]!.kind !== 'word') break;
    if (PROMOTION_WORDS.has(tokens[end]!.lower)) return { from: at, to: end, first };
    // Only words that keep it a definition may come between: "covers all of our promotion work", not "is less important than".
    if (!DEFINITION_FILLERS.has(tokens[end]!.lower)) break;
  }
  return undefined;
}

const DEFINITION_FILLERS = new Set([
  'to',
  'all',
  'of',
  'the',
  'our',
  'your',
  'its',
  'just',
  'simply',
  'really',
  'basically',
  'essentially',
  'nothing',
  'but',
  'a',
  'an',
  'form',
  'kind',
  'type',
  'about',
  'mostly',
  'mainly',
  'actually',
  'only',
  'any',
  'every',
  'company',
  "company's",
  'shop',
  'that',
]);
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);
const DEFINING_VERBS = new Set(['is', 'means', 'covers', 'refers', 'equals', 'includes', 'involves', "'s"]);
/** The core of marketing's one-to-many work, as the sources name it. */
const PROMOTION_WORDS = new Set(['promotion', 'promotions', 'promotional', 'advertising', 'ads', 'publicity', 'pr', 'branding', 'brand']);

/** "**Selling.** Our word for marketing.": a glossary term in one sentence, its gloss in the next. */
function glossHit(sentence: Sentence, previous: Sentence | undefined): Hit | undefined {
  if (!previous || previous.blockStart !== sentence.blockStart) return undefined;
  const term = previous.tokens.filter(isWord);
  if (term.length !== 1) return undefined;
  const termSide = FUNCTION_NAMES.get(term[0]!.lower);
  const { tokens } = sentence;
  const named = tokens.findIndex((token) => FUNCTION_NAMES.has(token.lower) && FUNCTION_NAMES.get(token.lower) !== termSide);
  if (!termSide || named < 0 || !hasPhrase(tokens.slice(0, named), SAMENESS_CUES)) return undefined;
  return { from: 0, to: named, first: termSide };
}

function findHits(sentence: Sentence, next: Sentence | undefined, previous: Sentence | undefined, examples: QuotedRange[]): Hit[] {
  if (sentence.isQuestion || rebutted(next)) return [];
  const { tokens: all } = sentence;
  for (let at = 0; at < all.length; at += 1) {
    const side = functionAt(all, at);
    const hit = side && (deniesTwo(all, side, at) ?? notSeenApart(all, side, at) ?? definedAsOther(all, at, side));
    if (hit) return [hit];
  }
  const gloss = glossHit(sentence, previous);
  if (gloss) return [gloss];
  if (talksAboutWords(sentence.tokens) || hasPhrase(sentence.tokens, MEMBERSHIP)) return [];
  const { tokens } = sentence;
  const hits: Hit[] = [];
  const wide = sentenceWide(tokens, examples);
  if (wide) hits.push(wide);
  for (let at = 0; at < tokens.length; at += 1) {
    const first = functionAt(tokens, at);
    if (!first) continue;
    const hit = equation(tokens, at, first) ?? pairSame(tokens, at, first) ?? apposition(tokens, at, first);
    if (!hit) continue;
    // Overlapping readings of one claim make one hit over all their words ("sales (a.k.a. marketing)" with its ")").
    const overlapping = hits.find((other) => other.from <= hit.to && hit.from <= other.to);
    if (overlapping) {
      overlapping.from = Math.min(overlapping.from, hit.from);
      overlapping.to = Math.max(overlapping.to, hit.to);
    } else hits.push(hit);
  }
  if (hits.length === 0 || dismissesClaim(tokens) || counterfactual(tokens)) return [];
  const quoted = (token: Token) => insideAny(examples, token.span.start.offset, token.span.end.offset);
  return hits.filter((hit) => !negatedOrDismissed(sentence, hit) && !quoted(tokens[hit.from]!) && !quoted(tokens[hit.to]!));
}

function evidence(context: RuleContext): Passage[] {
  const pick = (id: string) => context.catalogue.get(id)?.passages.slice(0, 1) ?? [];
  return [...pick('one-to-many'), ...pick('one-to-one')];
}

const MESSAGE = 'Sales and marketing are used as synonyms, but they are separate functions (marketing: one-to-many; sales: one-to-one). Name the one you mean.';
const JOINT_MESSAGE = (doer: string, activity: string) => `“${doer}” makes one doer of two functions for ${activity}. Name the one that does it.`;

export const conflation: Rule = {
  id: 'conflation',
  check(context) {
    const drafts: Draft[] = [];
    for (const [at, sentence] of context.doc.sentences.entries()) {
      // One finding a sentence: "All selling is marketing, and all marketing is selling" is one claim.
      const hits = findHits(sentence, context.doc.sentences[at + 1], context.doc.sentences[at - 1], context.doc.examples)
        // A claim inside a quotation ("A founder told me: “Marketing is just sales.”") is someone else's when the copy answers it.
        .filter((hit) => {
          const { start, end } = tokenSpan(sentence.tokens, hit.from, hit.to);
          return !(insideAny(context.doc.quotations, start.offset, end.offset) && answered(context.doc.sentences.slice(at, at + 6)));
        });
      if (hits.length === 0) continue;
      const from = Math.min(...hits.map((hit) => hit.from));
      const to = Math.max(...hits.map((hit) => hit.to));
      drafts.push({
        ruleId: 'conflation',
        message: MESSAGE,
        reading: `“${wordsOf(sentence.tokens, from, to)}”, the copy's own claim that the two are one`,
        span: tokenSpan(sentence.tokens, from, to),
        evidence: evidence(context),
        related: [],
        fixes: [],
      });
    }
    // "sales/marketing closed the deal": one agent made of both functions.
    for (const credit of context.credits) {
      // Outside the catalogue only a claim of owning counts ("sales/marketing runs the launch"), not "sales/marketing costs rose".
      if (credit.mention.side !== 'joint' || (!credit.activity && !credit.keys.some((key) => key.startsWith(`${OWNERSHIP_KEY}:`)))) continue;
      const { tokens } = credit.sentence;
      const concept = credit.activity && context.catalogue.get(credit.activity.conceptId);
      drafts.push({
        ruleId: 'conflation',
        message: JOINT_MESSAGE(
          writtenText(context.doc.text, tokens, credit.mention),
          concept ? activityName(concept.label) : `“${credit.keyText ?? 'this work'}”`,
        ),
        reading: `${readingOf(credit, context.catalogue)}, one doer made of both functions`,
        span: tokenSpan(tokens, credit.mention.from, credit.mention.to),
        conceptId: concept?.id,
        evidence: concept ? concept.passages.slice(0, 2) : evidence(context),
        related: [],
        fixes: [],
      });
    }
    return drafts;
  },
};
