// The rule ids, in the order findings of one place are listed: the one list every other mention of a rule derives from.
export const RULE_IDS = ['conflation', 'sales-doing-marketing', 'marketing-doing-sales', 'inconsistency'] as const;

export type RuleId = (typeof RULE_IDS)[number];
