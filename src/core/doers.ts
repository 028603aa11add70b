// Doers named outside the sentence that credits them: a role in the lead-in or heading over a list of duties
// ("**Sales Executive** — responsibilities:" then "- Manage the company blog"), the role a job ad is for ("You will…"),
// and the antecedent of a pronoun that opens the next sentence ("Our sales reps… They also design the flyers.").
import type { ActivityIndex, ActivityMatch } from './activities';
import { activityIn, credit, genericKey, type Credit } from './attribution';
import { clauseEnd, hasPhrase, predicateAfter, words } from './clauses';
import { isRevenueSense, isWord, mentionAt, otherSide, phraseText, sideOf, type FunctionSide, type Mention, wordAt } from './naming';
import {
  CONSUMING_VERBS,
  CONTRACTED,
  DETERMINERS,
  DUTY_CUES,
  NAME_CUES,
  DUTY_VERBS,
  NEGATORS,
  NON_ACTIVITY_VERBS,
  OPENING_PREPOSITIONS,
  POSSESSED_DUTIES,
  ROLE_NOUNS_OF_LEAD_INS,
  SUBJECT_PRONOUNS,
  SUPPORT_VERBS,
} from './lexicon';
import type { Sentence, Token } from './prose';

interface Role {
  side: FunctionSide;
  text: string;
  line: number;
}

/** The function mentions of a sentence, sales or marketing (a joint "sales/marketing" names no one role). */
function mentionsIn(sentence: Sentence): Mention[] {
  const found: Mention[] = [];
  const { tokens } = sentence;
  for (let at = 0; at < tokens.length; at += 1) {
    const side = isWord(tokens[at]) ? sideOf(tokens[at]!.lower) : undefined;
    // In a lead-in, "Sales Job Duties" and "working in the sales field" name the role too.
    const roleWord = side && ROLE_NOUNS_OF_LEAD_INS.has(tokens[at + 1]?.lower ?? '') && !isRevenueSense(tokens, at);
    const mention = roleWord ? { side, from: at, to: at + 1, functionWords: [at] } : mentionAt(tokens, at);
    if (!mention) continue;
    found.push(mention);
    at = mention.to;
  }
  return found;
}

const hasCue = (sentences: Sentence[]) => sentences.some((sentence) => hasPhrase(sentence.tokens, DUTY_CUES));

/** A heading or paragraph that is nothing but a role: "Sales Executive", "**Marketing Coordinator**", "Sales Manager:". */
function isBareTitle(sentences: Sentence[], mention: Mention): boolean {
  if (sentences.length !== 1) return false;
  const wordsOnly = sentences[0]!.tokens.filter(isWord);
  const first = wordsOnly.findIndex((token) => token === sentences[0]!.tokens[mention.from]);
  return first >= 0 && first <= 2 && wordsOnly.length - first <= mention.to - mention.from + 2;
}

/**
 * The one role that the lead-ins of a sentence name, when they announce duties ("responsibilities", "you will",
 * "duties include") or are a bare role title. Lead-ins naming both functions, or none, give no role.
 */
export function leadInRole(sentence: Sentence): Role | undefined {
  const groups = sentence.leadIns ?? [];
  let cued = false;
  for (const group of groups.slice(0, 3)) {
    cued ||= hasCue(group);
    const mentions = group.flatMap((lead) => mentionsIn(lead).map((mention) => ({ lead, mention })));
    const sides = new Set(mentions.map(({ mention }) => mention.side));
    if (sides.size > 1 || sides.has('joint')) return undefined;
    if (mentions.length === 0) continue;
    const { lead, mention } = mentions[0]!;
    if (!cued && !isBareTitle(group, mention)) return undefined;
    // "Things never to let sales do:", "What sales should not own": a list of what the role does not do.
    // Only the line that introduces the list counts ("…never to let sales do:"), not a remark before it ("…are not static.").
    const introduces = (sentence: Sentence) => sentence.block === 'heading' || sentence.tokens[sentence.tokens.length - 1]?.text === ':';
    const negates = (sentence: Sentence) => sentence.tokens.some((token) => NEGATORS.has(token.lower) || token.lower.endsWith("n't"));
    if (group.some((sentence) => introduces(sentence) && negates(sentence))) return undefined;
    // "Some of these titles include:", "Also known as:": a list of the role's names, not of its duties.
    if (group.some((sentence) => introduces(sentence) && hasPhrase(sentence.tokens, NAME_CUES))) return undefined;
    return { side: mention.side as FunctionSide, text: phraseText(lead.tokens, mention), line: lead.tokens[mention.from]!.span.start.line };
  }
  return undefined;
}

/** The activity a duty names from its first word: "Plan and buy our TV advertising", "Contract negotiation". */
function dutyActivity(index: ActivityIndex, tokens: Token[], from: number, prefer: FunctionSide): ActivityMatch | undefined {
  const list = words(tokens);
  const first = list[from];
  // Not NON_ACTIVITY_VERBS here: those are verbs of quantities ("sales rose"), and "Call on your biggest accounts" is a duty.
  if (first === undefined || SUPPORT_VERBS.has(first) || CONSUMING_VERBS.has(first)) return undefined;
  const end = Math.min(tokens.length, from + 14);
  // "The website, the LinkedIn page and the monthly email": a duty named as things, whose nouns are no verbs.
  if (DETERMINERS.has(first)) return index.nounIn(list, from, end);
  const predicate = { start: from, end, negated: false };
  return activityIn(index, list, predicate, prefer) ?? index.nounIn(list, from, Math.min(end, from + 6));
}

const pointer = (side: FunctionSide, at: number): Mention => ({ side, from: at, to: at, functionWords: [] });

/** A credit whose doer is named elsewhere: its mention points at `at` and names no function word, `doer` says who. */
function creditElsewhere(
  sentence: Sentence,
  at: number,
  activity: ActivityMatch | undefined,
  generic: ReturnType<typeof genericKey>,
  doer: Role & { how: 'lead-in' | 'antecedent' },
): Credit | undefined {
  const found = credit(sentence, pointer(doer.side, at), activity, generic);
  return found && { ...found, doer: { text: doer.text, line: doer.line, how: doer.how } };
}

/** A list item that names no function, under a lead-in that names one role: the role does the duty. */
export function dutyCredit(index: ActivityIndex, sentence: Sentence): Credit | undefined {
  if (sentence.block !== 'list-item' || sentence.isQuestion) return undefined;
  const role = leadInRole(sentence);
  if (!role) return undefined;
  let from = 0;
  while (from < sentence.tokens.length && !isWord(sentence.tokens[from])) from += 1;
  // An item of punctuation alone ("- **") names no duty.
  if (from >= sentence.tokens.length) return undefined;
  const activity = dutyActivity(index, sentence.tokens, from, otherSide(role.side)!);
  // A duty outside the catalogue ("Set up the customer advisory board") can still conflict with another place.
  const generic =
    activity || DETERMINERS.has(sentence.tokens[from]?.lower ?? '')
      ? undefined
      : genericKey(sentence.tokens, from, from + 1, clauseEnd(sentence.tokens, from + 1));
  if (!activity && !generic) return undefined;
  return creditElsewhere(sentence, activity?.from ?? from, activity, generic, { ...role, how: 'lead-in' });
}

/**
 * "Implements trade promotions by publishing…" in a job description: a sentence that opens with a verb of the
 * catalogue in the third person has the role its headings name as subject.
 */
export function impliedSubjectCredit(index: ActivityIndex, sentence: Sentence): Credit | undefined {
  const { tokens } = sentence;
  const first = tokens[0];
  if (!isWord(first) || sentence.isQuestion || sentence.block !== 'paragraph' || !/^[A-Z][a-z]+s$/.test(first.text)) return undefined;
  const list = words(tokens);
  const role = leadInRole(sentence);
  if (!role) return undefined;
  const activity = activityIn(index, list, { start: 0, end: clauseEnd(tokens, 1), negated: false }, otherSide(role.side));
  if (!activity || activity.verbAt === undefined) return undefined;
  return creditElsewhere(sentence, 0, activity, undefined, { ...role, how: 'lead-in' });
}

/** "You will run the trade-show calendar" in an ad whose heading names the role. */
export function youCredit(index: ActivityIndex, sentence: Sentence): Credit | undefined {
  const { tokens } = sentence;
  const at = tokens.findIndex(isWord);
  if (at < 0 || !/^you('ll|'d)?$/.test(tokens[at]!.lower) || sentence.isQuestion) return undefined;
  const role = leadInRole(sentence);
  if (!role) return undefined;
  // "You'll", split as "You ' ll", and "you will" both lead to the verb.
  let after = at + 1;
  while (tokens[after] && (tokens[after]!.text === "'" || CONTRACTED.has(tokens[after]!.lower))) after += 1;
  const predicate = predicateAfter(tokens, after);
  if (!predicate || predicate.negated) return undefined;
  const verb = tokens[predicate.start]!.lower;
  if (SUPPORT_VERBS.has(verb) || NON_ACTIVITY_VERBS.has(verb)) return undefined;
  const activity = activityIn(index, words(tokens), predicate, otherSide(role.side));
  if (!activity) return undefined;
  return creditElsewhere(sentence, at, activity, undefined, { ...role, how: 'lead-in' });
}

/** The subject of a sentence, when it is a function phrase: "Our sales reps…", "Product marketing, led by…", "Our two sales reps". */
function subjectMention(sentence: Sentence): Mention | undefined {
  const { tokens } = sentence;
  // "At Meridian Scientific, the salespeople wrote…": an opening phrase before the subject.
  let start = 0;
  if (OPENING_PREPOSITIONS.has(wordAt(tokens, 0)?.lower ?? '')) {
    const comma = tokens.findIndex((token) => token.text === ',');
    if (comma > 0 && comma <= 6) start = comma + 1;
  }
  for (let at = start; at < Math.min(tokens.length, start + 5); at += 1) {
    if (!isWord(tokens[at])) return undefined;
    const mention = mentionAt(tokens, at);
    if (mention) return mention.side === 'joint' ? undefined : mention;
  }
  return undefined;
}

const startsWithPronoun = (sentence: Sentence) => isWord(sentence.tokens[0]) && SUBJECT_PRONOUNS.has(sentence.tokens[0].lower);

/** "Their duties include hiring reps and generating leads": where the duties start after a possessive pronoun, if it is one. */
function possessiveDutiesEnd(tokens: Token[]): number | undefined {
  if (!isWord(tokens[0]) || !['their', 'his', 'her'].includes(tokens[0].lower)) return undefined;
  let at = 1;
  if (isWord(tokens[at]) && ['main', 'key', 'daily', 'core', 'other', 'primary'].includes(tokens[at]!.lower)) at += 1;
  if (!isWord(tokens[at]) || !POSSESSED_DUTIES.has(tokens[at]!.lower)) return undefined;
  return isWord(tokens[at + 1]) && DUTY_VERBS.has(tokens[at + 1]!.lower) ? at + 2 : undefined;
}

/**
 * "Our two sales reps visit each home. They explain running costs.\n\nThey also write the newsletter.": "they" (or
 * "their duties include…") is the
 * subject of the nearest sentence before it that is not itself "they…", in a paragraph (not across a heading or a list).
 */
export function antecedentCredit(index: ActivityIndex, sentence: Sentence, before: Sentence[]): Credit | undefined {
  const duties = possessiveDutiesEnd(sentence.tokens);
  const inProse = sentence.block === 'paragraph' || sentence.block === 'list-item';
  if (sentence.isQuestion || (!startsWithPronoun(sentence) && duties === undefined) || !inProse) return undefined;
  let antecedent: { sentence: Sentence; mention: Mention } | undefined;
  for (const previous of before.slice(0, 4)) {
    if (previous.block !== 'paragraph' || (sentence.block === 'list-item' && previous.blockStart !== sentence.blockStart)) break;
    if (startsWithPronoun(previous)) continue;
    const mention = subjectMention(previous);
    if (mention) antecedent = { sentence: previous, mention };
    break;
  }
  if (!antecedent) return undefined;
  const { tokens } = sentence;
  // A list of duties runs to the end of the sentence, past the functions it names as objects ("training sales staff").
  const predicate = duties === undefined ? predicateAfter(tokens, 1) : { start: duties, end: Math.min(tokens.length, duties + 40), negated: false };
  if (!predicate || predicate.negated) return undefined;
  const verb = tokens[predicate.start]!.lower;
  if (SUPPORT_VERBS.has(verb) || NON_ACTIVITY_VERBS.has(verb)) return undefined;
  const side = antecedent.mention.side as FunctionSide;
  const activity = activityIn(index, words(tokens), predicate, otherSide(side));
  if (!activity) return undefined;
  const line = antecedent.sentence.tokens[antecedent.mention.from]!.span.start.line;
  return creditElsewhere(sentence, 0, activity, undefined, { side, text: phraseText(antecedent.sentence.tokens, antecedent.mention), line, how: 'antecedent' });
}
