import type { Severity } from '../types';
import { RULE_IDS as IDS, type RuleId } from './ids';
import { conflation } from './conflation';
import { inconsistency } from './inconsistency';
import { marketingDoingSales } from './marketingDoingSales';
import type { Rule } from './rule';
import { salesDoingMarketing } from './salesDoingMarketing';

export interface RuleInfo {
  id: RuleId;
  title: string;
  defaultSeverity: Severity;
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
    docs: 'docs/rules/conflation.md',
    rule: conflation,
  },
  'sales-doing-marketing': {
    id: 'sales-doing-marketing',
    title: "Sales credited with marketing's work",
    defaultSeverity: 'warning',
    docs: 'docs/rules/sales-doing-marketing.md',
    rule: salesDoingMarketing,
  },
  'marketing-doing-sales': {
    id: 'marketing-doing-sales',
    title: "Marketing credited with sales' work",
    defaultSeverity: 'warning',
    docs: 'docs/rules/marketing-doing-sales.md',
    rule: marketingDoingSales,
  },
  inconsistency: {
    id: 'inconsistency',
    title: 'One activity credited to both functions',
    defaultSeverity: 'information',
    docs: 'docs/rules/inconsistency.md',
    rule: inconsistency,
  },
};
