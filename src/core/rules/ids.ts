// The rule ids, in the order findings of one place are listed: the one list every other mention of a rule derives from.
export const RULE_IDS = ['conflation', 'sales-doing-marketing', 'marketing-doing-sales', 'inconsistency'] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A rule's page, relative to the package root: the diagnostics' code links, the settings' links and the CLI's help URIs. */
export function rulePagePath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}
