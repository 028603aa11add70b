// Shared by sales-doing-marketing and marketing-doing-sales: a function credited with the other side's activity.
import { doerText, type Credit } from '../attribution';
import { replaceFunctionFix } from '../fixes';
import { tokenSpan } from '../prose';
import { evidenceFor, teamNote } from '../teamEvidence';
import type { RuleId } from '../types';
import { activityName, readingOf, type Draft, type Rule } from './rule';

type FunctionSide = 'sales' | 'marketing';

export function misattributionRule(id: RuleId, doer: FunctionSide, owner: FunctionSide): Rule {
  return {
    id,
    check(context) {
      const drafts: Draft[] = [];
      for (const credit of context.credits) {
        if (credit.mention.side !== doer || !credit.activity || credit.activity.side !== owner) continue;
        // Where the team's sources and the bundled ones disagree, the finding says so and cites both.
        const draft = draftFor(id, credit, doer, owner, evidenceFor(context.catalogue, credit.activity.conceptId));
        const note = teamNote(context.catalogue, credit.activity.conceptId);
        drafts.push({ ...draft, message: note ? `${draft.message} ${note}` : draft.message, reading: readingOf(credit, context.catalogue) });
      }
      return drafts;
    },
  };
}

function draftFor(id: RuleId, credit: Credit, doer: FunctionSide, owner: FunctionSide, evidence: Draft['evidence']): Draft {
  const { tokens } = credit.sentence;
  const activity = activityName(credit.activity!.label);
  const wrote = doerText(credit);
  const fix = replaceFunctionFix(tokens, credit.mention);
  const replacement = fix ? fix.title.replace(/^Replace with /, '') : `“${owner}”`;
  return {
    ruleId: id,
    message: `“${wrote}” is credited with ${activity}, which is ${owner} work. Write ${replacement}, or say how ${doer} supports ${owner}.`,
    // The whole claim, doer to activity, is what is wrong; the replace fix edits only the doer's words inside it.
    span: tokenSpan(tokens, credit.from, credit.to),
    conceptId: credit.activity!.conceptId,
    evidence,
    related: [],
    fixes: fix ? [fix] : [],
    ...teachable(credit, doer),
  };
}

/** Auxiliaries and the agent's "by" of a passive claim, left out of its activity phrase: "the deals were closed by" → "close the deals". */
const PASSIVE_WORDS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'by', 'will', 'would', 'has', 'have', 'had', 'get', 'got']);

/** The claim's activity as a team phrase, base form first: "closed the Acme deal" → "close the acme deal". */
function teachable(credit: Credit, doer: FunctionSide): Pick<Draft, 'teach'> {
  const activity = credit.activity!;
  const { tokens } = credit.sentence;
  const words = (from: number, to: number) =>
    tokens
      .slice(from, to + 1)
      .filter((token) => token.kind === 'word')
      .map((token) => token.lower);
  let phrase: string[];
  if (activity.verbAt === undefined || !activity.lemma) phrase = words(activity.from, activity.to);
  else if (activity.verbAt === activity.from) phrase = [activity.lemma, ...words(activity.from + 1, activity.to)];
  else phrase = [activity.lemma, ...words(activity.from, activity.verbAt - 1).filter((word) => !PASSIVE_WORDS.has(word))];
  const text = phrase.join(' ').trim();
  return text ? { teach: { activity: text, side: doer } } : {};
}
