import type { LintOptions, RuleId, RuleSetting, Severity } from './types';
import { RULES, RULE_IDS } from './rules/registry';

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const MAX_PHRASES = 200;
const MAX_PHRASE_LENGTH = 80;

export function defaultOptions(): LintOptions {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, { enabled: true, severity: RULES[id].defaultSeverity }])) as LintOptions['rules'];
  return { rules, extraPhrases: { marketing: [], sales: [] } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What one place (a config file, the editor's settings) sets: only what it says, so nearer places can override farther ones. */
export interface SettingsLayer {
  rules: Partial<Record<RuleId, Partial<RuleSetting>>>;
  extraPhrases: { marketing: string[]; sales: string[] };
}

/** A problem in settings, with the path of keys to the value it is about (for a config file's line numbers). */
export interface SettingsProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * The entries of `raw` under `prefix.` by their dotted keys (`"rules.conflation": "off"`), as the Settings UI names the
 * settings and as an editor that does not nest them (or a config file copied from settings.json) sends them.
 */
function dottedEntries(raw: Record<string, unknown>, prefix: string): [string, unknown][] {
  return Object.entries(raw).flatMap(([key, value]): [string, unknown][] => (key.startsWith(`${prefix}.`) ? [[key.slice(prefix.length + 1), value]] : []));
}

/**
 * Validates settings (`{ rules, extraPhrases }`, the shape of the `plumbLine.*` settings and of the config file; the
 * per-rule and per-side keys `"rules.<id>"` and `"extraPhrases.<side>"` are read too, a rule's own key winning) into a
 * layer. A rule's value is "off", a severity (which also turns it on), or true/false. Invalid values are reported and
 * left out of the layer, so what lies beneath (another file, the defaults) applies.
 */
export function validateSettings(raw: unknown): { layer: SettingsLayer; problems: SettingsProblem[] } {
  const layer: SettingsLayer = { rules: {}, extraPhrases: { marketing: [], sales: [] } };
  const problems: SettingsProblem[] = [];
  const report = (path: Array<string | number>, message: string) => problems.push({ path, message });
  if (raw === undefined || raw === null) return { layer, problems };
  if (!isRecord(raw)) return { layer, problems: [{ path: [], message: 'Settings must be an object; using the defaults.' }] };

  if (raw.rules !== undefined && raw.rules !== null && !isRecord(raw.rules)) {
    report(['rules'], '"rules" must be an object mapping rule ids to "off" or a severity; using the defaults.');
  }
  // A key of its own per rule (`"rules.conflation"`) comes after the object form, so it wins.
  const objectRules = isRecord(raw.rules) ? Object.entries(raw.rules) : [];
  for (const [id, value] of [...objectRules, ...dottedEntries(raw, 'rules')]) {
    if (!RULE_IDS.includes(id as RuleId)) {
      report(['rules', id], `Unknown rule "${id}" in "rules" (known: ${RULE_IDS.join(', ')}); ignored.`);
      continue;
    }
    const rule = id as RuleId;
    if (value === 'off' || value === false) layer.rules[rule] = { enabled: false };
    else if (value === true) layer.rules[rule] = { enabled: true };
    else if (SEVERITIES.includes(value as Severity)) layer.rules[rule] = { enabled: true, severity: value as Severity };
    else {
      const choices = ['off', ...SEVERITIES].map((s) => `"${s}"`).join(', ');
      report(['rules', id], `Rule "${id}" has the invalid value ${JSON.stringify(value)} (use ${choices}); ignored.`);
    }
  }

  if (raw.extraPhrases !== undefined && raw.extraPhrases !== null && !isRecord(raw.extraPhrases)) {
    report(['extraPhrases'], '"extraPhrases" must be an object like { "marketing": [...], "sales": [...] }; ignored.');
  }
  // The phrases of the object form and of a list per side (`"extraPhrases.marketing"`) are added together.
  const objectPhrases = isRecord(raw.extraPhrases) ? Object.entries(raw.extraPhrases) : [];
  for (const [side, list] of [...objectPhrases, ...dottedEntries(raw, 'extraPhrases')]) {
    if (side !== 'marketing' && side !== 'sales') {
      report(['extraPhrases', side], `"extraPhrases" has the unknown side "${side}" (use "marketing" or "sales"); ignored.`);
      continue;
    }
    if (!Array.isArray(list)) {
      report(['extraPhrases', side], `"extraPhrases.${side}" must be a list of phrases; ignored.`);
      continue;
    }
    list.slice(0, MAX_PHRASES).forEach((phrase: unknown, index) => {
      const normal = typeof phrase === 'string' ? phrase.trim().toLowerCase() : '';
      if (typeof phrase === 'string' && normal && phrase.length <= MAX_PHRASE_LENGTH) {
        if (!layer.extraPhrases[side].includes(normal)) layer.extraPhrases[side].push(normal);
      } else {
        const what = `holds ${JSON.stringify(phrase)}, which is not a phrase of 1 to ${MAX_PHRASE_LENGTH} characters; ignored.`;
        report(['extraPhrases', side, index], `"extraPhrases.${side}" ${what}`);
      }
    });
    if (list.length > MAX_PHRASES)
      report(['extraPhrases', side, MAX_PHRASES], `"extraPhrases.${side}" has more than ${MAX_PHRASES} phrases; the rest are ignored.`);
  }
  return { layer, problems };
}

/** The options that layers come to, the farthest first: a nearer layer's rule setting wins, and the team phrases add up. */
export function optionsFrom(layers: SettingsLayer[]): LintOptions {
  const options = defaultOptions();
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer.rules) as Array<[RuleId, Partial<RuleSetting>]>) Object.assign(options.rules[id], setting);
    for (const side of ['marketing', 'sales'] as const) {
      for (const phrase of layer.extraPhrases[side]) if (!options.extraPhrases[side].includes(phrase)) options.extraPhrases[side].push(phrase);
    }
  }
  return options;
}

/** Validates one set of settings over the defaults: the options, and the problems as sentences. */
export function resolveOptions(raw: unknown): { options: LintOptions; problems: string[] } {
  const { layer, problems } = validateSettings(raw);
  return { options: optionsFrom([layer]), problems: problems.map((problem) => problem.message) };
}
