import type { Severity } from '../types';
import { RULE_IDS as IDS, rulePagePath, type RuleId } from './ids';
import { conflation } from './conflation';
import { inconsistency } from './inconsistency';
import { marketingDoingSales } from './marketingDoingSales';
import type { Rule } from './rule';
import { salesDoingMarketing } from './salesDoingMarketing';

export interface RuleInfo {
  id: RuleId;
  title: string;
  defaultSeverity: Severity;
  /** What it catches, with an example: the rule tables of README.md and docs/rules/README.md (`npm run sync:docs`). */
  summary: string;
  /** Path of the rule's documentation page, relative to the package root. */
  docs: string;
  rule: Rule;
}

export const RULE_IDS: readonly RuleId[] = IDS;

export const RULES: Record<RuleId, RuleInfo> = {
  conflation: {
    id: 'conflation',
    title: 'Sales and marketing used as synonyms',
    defaultSeverity: 'warning',
    summary:
      '"Sales" and "marketing" used as synonyms, or one doer made of both: "marketing is just selling", ' +
      '"sales (a.k.a. marketing)", "sales/marketing closed the deal".',
    docs: rulePagePath('conflation'),
    rule: conflation,
  },
  'sales-doing-marketing': {
    id: 'sales-doing-marketing',
    title: "Sales credited with marketing's work",
    defaultSeverity: 'warning',
    summary:
      "Sales credited with marketing's one-to-many work (research, the 4 Ps, brand, advertising and PR, prospects, collateral): " +
      '"our sales team will launch a TV advertising campaign".',
    docs: rulePagePath('sales-doing-marketing'),
    rule: salesDoingMarketing,
  },
  'marketing-doing-sales': {
    id: 'marketing-doing-sales',
    title: "Marketing credited with sales' work",
    defaultSeverity: 'warning',
    summary:
      "Marketing credited with sales' one-to-one work (new calls, accounts, objections, closing, relationships, negotiation): " +
      '"marketing closed the deal".',
    docs: rulePagePath('marketing-doing-sales'),
    rule: marketingDoingSales,
  },
  inconsistency: {
    id: 'inconsistency',
    title: 'One activity credited to both functions',
    defaultSeverity: 'information',
    summary: 'One activity credited to sales in one place and to marketing in another place of the same document.',
    docs: rulePagePath('inconsistency'),
    rule: inconsistency,
  },
};
