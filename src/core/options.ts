import type { LintOptions, RuleId, Severity } from './types';
import { RULES, RULE_IDS } from './rules/registry';

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const MAX_PHRASES = 200;
const MAX_PHRASE_LENGTH = 80;

export function defaultOptions(): LintOptions {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, { enabled: true, severity: RULES[id].defaultSeverity }])) as LintOptions['rules'];
  return { rules, extraPhrases: { marketing: [], sales: [] } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The entries of `raw` under `prefix.` by their dotted keys (`"rules.conflation": "off"`), as the Settings UI names the
 * settings and as an editor that does not nest them (or a config file copied from settings.json) sends them.
 */
function dottedEntries(raw: Record<string, unknown>, prefix: string): [string, unknown][] {
  return Object.entries(raw).flatMap(([key, value]): [string, unknown][] => (key.startsWith(`${prefix}.`) ? [[key.slice(prefix.length + 1), value]] : []));
}

/**
 * Validates user settings (`{ rules, extraPhrases }`, the shape of the `plumbLine.*` settings and of the CLI's config file; the
 * per-rule and per-side keys `"rules.<id>"` and `"extraPhrases.<side>"` are read too).
 * A rule's value is "off", a severity, or true/false. Invalid values are reported in `problems` and replaced by defaults.
 */
export function resolveOptions(raw: unknown): { options: LintOptions; problems: string[] } {
  const options = defaultOptions();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { options, problems };
  if (!isRecord(raw)) return { options, problems: ['Settings must be an object; using the defaults.'] };

  if (raw.rules !== undefined && raw.rules !== null && !isRecord(raw.rules)) {
    problems.push('"rules" must be an object mapping rule ids to "off" or a severity; using the defaults.');
  }
  // A key of its own per rule (`"rules.conflation"`) is set after the object form, so it wins.
  for (const [id, value] of [...Object.entries(isRecord(raw.rules) ? raw.rules : {}), ...dottedEntries(raw, 'rules')]) {
    if (!RULE_IDS.includes(id as RuleId)) {
      problems.push(`Unknown rule "${id}" in "rules" (known: ${RULE_IDS.join(', ')}); ignored.`);
      continue;
    }
    const setting = options.rules[id as RuleId];
    if (value === 'off' || value === false) setting.enabled = false;
    else if (value === true) setting.enabled = true;
    else if (SEVERITIES.includes(value as Severity)) Object.assign(setting, { enabled: true, severity: value as Severity });
    else {
      const choices = ['off', ...SEVERITIES].map((s) => `"${s}"`).join(', ');
      problems.push(`Rule "${id}" has the invalid value ${JSON.stringify(value)} (use ${choices}); using "${setting.severity}".`);
    }
  }

  if (raw.extraPhrases !== undefined && raw.extraPhrases !== null && !isRecord(raw.extraPhrases)) {
    problems.push('"extraPhrases" must be an object like { "marketing": [...], "sales": [...] }; ignored.');
  }
  // The phrases of the object form and of a list per side (`"extraPhrases.marketing"`) are added together.
  for (const [side, list] of [...Object.entries(isRecord(raw.extraPhrases) ? raw.extraPhrases : {}), ...dottedEntries(raw, 'extraPhrases')]) {
    if (side !== 'marketing' && side !== 'sales') {
      problems.push(`"extraPhrases" has the unknown side "${side}" (use "marketing" or "sales"); ignored.`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`"extraPhrases.${side}" must be a list of phrases; ignored.`);
      continue;
    }
    const phrases = options.extraPhrases[side];
    for (const phrase of list.slice(0, MAX_PHRASES)) {
      if (typeof phrase !== 'string' || !phrase.trim() || phrase.length > MAX_PHRASE_LENGTH) {
        problems.push(`"extraPhrases.${side}" holds ${JSON.stringify(phrase)}, which is not a phrase of 1 to ${MAX_PHRASE_LENGTH} characters; ignored.`);
      } else if (!phrases.includes(phrase.trim().toLowerCase())) phrases.push(phrase.trim().toLowerCase());
    }
    if (list.length > MAX_PHRASES) problems.push(`"extraPhrases.${side}" has more than ${MAX_PHRASES} phrases; the rest are ignored.`);
  }
  return { options, problems };
}
