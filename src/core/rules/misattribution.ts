// Shared by sales-doing-marketing and marketing-doing-sales: a function credited with the other side's activity.
import type { Credit } from '../attribution';
import { replaceFunctionFix } from '../fixes';
import type { RuleId } from '../types';
import { activityName, type Draft, type Rule } from './rule';

type FunctionSide = 'sales' | 'marketing';
const NAME: Record<FunctionSide, string> = { sales: 'Sales', marketing: 'Marketing' };
const WHY: Record<FunctionSide, string> = {
  marketing: 'marketing works one-to-many',
  sales: 'sales works one-to-one with each buyer',
};

export function misattributionRule(id: RuleId, doer: FunctionSide, owner: FunctionSide): Rule {
  return {
    id,
    check(context) {
      const drafts: Draft[] = [];
      for (const credit of context.credits) {
        if (credit.mention.side !== doer || !credit.activity || credit.activity.side !== owner) continue;
        drafts.push(draftFor(id, credit, doer, owner, context.catalogue.get(credit.activity.conceptId)?.passages.slice(0, 2) ?? []));
      }
      return drafts;
    },
  };
}

function draftFor(id: RuleId, credit: Credit, doer: FunctionSide, owner: FunctionSide, evidence: Draft['evidence']): Draft {
  const { tokens } = credit.sentence;
  const activity = activityName(credit.activity!.label);
  const wrote = tokens.slice(credit.mention.from, credit.mention.to + 1).map((token) => token.text).join(' ');
  const fix = replaceFunctionFix(tokens, credit.mention);
  return {
    ruleId: id,
    message: `“${wrote}” is credited with ${activity}, work the sources give to ${owner} (${WHY[owner]}). Write ${fix ? fix.title.replace(/^Replace with /, '') : `“${owner}”`} here, or say how ${NAME[doer].toLowerCase()} supports ${owner}.`,
    span: { start: tokens[credit.mention.from].span.start, end: tokens[credit.mention.to].span.end },
    conceptId: credit.activity!.conceptId,
    evidence,
    related: [],
    fixes: fix ? [fix] : [],
  };
}
