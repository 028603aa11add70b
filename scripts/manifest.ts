// The rule settings of package.json, generated from the rule registry: one `plumbLine.rules.<id>` dropdown per rule for
// the Settings UI, and the older `plumbLine.rules` object, still read but deprecated.
// `npm run sync:manifest` rewrites package.json; test/unit/manifest.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULE_IDS } from '../src/core';
import { COMMANDS } from '../src/vscode/ids';

const SEVERITY_CHOICES: [value: string, meaning: string][] = [
  ['off', 'Not checked.'],
  ['error', 'An error in Problems, red squiggles.'],
  ['warning', 'A warning in Problems, yellow squiggles.'],
  ['information', 'An information in Problems, blue squiggles.'],
  ['hint', 'Not in Problems; dots under the first characters.'],
];

/** Where the rule settings sit in the Settings UI, after `plumbLine.enable` (0) and before the phrase lists. */
const FIRST_RULE_ORDER = 10;

/** A link that opens a rule's page rendered in the Markdown preview, from a setting's description. */
export function rulePageLink(id: string): string {
  return `command:${COMMANDS.openRulePage}?${encodeURIComponent(JSON.stringify([id]))}`;
}

/** The `plumbLine.rules` object and the per-rule settings, in the order package.json lists them. */
export function ruleSettingsSchema(): Record<string, Record<string, unknown>> {
  const defaults = RULE_IDS.map((id) => `\`${id}\` is \`${RULES[id].defaultSeverity}\``).join(', ');
  const perRule = RULE_IDS.map((id) => `\`#plumbLine.rules.${id}#\``).join(', ');
  return {
    // Listed before the per-rule keys: VS Code builds the defaults in this order, and an object set after them would hide them.
    'plumbLine.rules': {
      type: 'object',
      default: {},
      scope: 'resource',
      markdownDescription: `Severity of each rule, or \`off\`, as one object. Rules left out keep their default: ${defaults}.`,
      markdownDeprecationMessage:
        `Set each rule on its own instead: ${perRule}. ` +
        "This object is still read, and a rule's own setting wins over it when it is below the object in the same file.",
      properties: Object.fromEntries(
        RULE_IDS.map((id) => [
          id,
          { type: 'string', enum: SEVERITY_CHOICES.map(([value]) => value), default: RULES[id].defaultSeverity, description: `${RULES[id].title}.` },
        ]),
      ),
      additionalProperties: false,
    },
    ...Object.fromEntries(
      RULE_IDS.map((id, index) => [
        `plumbLine.rules.${id}`,
        {
          type: 'string',
          enum: SEVERITY_CHOICES.map(([value]) => value),
          enumDescriptions: SEVERITY_CHOICES.map(([, meaning]) => meaning),
          default: RULES[id].defaultSeverity,
          scope: 'resource',
          order: FIRST_RULE_ORDER + index,
          markdownDescription: `${RULES[id].summary} [Open the rule page](${rulePageLink(id)}) for its examples, or choose \`off\` to stop checking it.`,
        },
      ]),
    ),
  };
}

/** The manifest's settings with the rule settings replaced, where `plumbLine.rules` was. */
export function withRuleSettings(properties: Record<string, unknown>): Record<string, unknown> {
  const generated = ruleSettingsSchema();
  const isRuleSetting = (key: string) => key === 'plumbLine.rules' || key.startsWith('plumbLine.rules.');
  const keys = Object.keys(properties);
  const at = keys.findIndex(isRuleSetting);
  const kept = keys.filter((key) => !isRuleSetting(key));
  const before = at === -1 ? kept : kept.filter((key) => keys.indexOf(key) < at);
  const after = kept.filter((key) => !before.includes(key));
  return {
    ...Object.fromEntries(before.map((key) => [key, properties[key]])),
    ...generated,
    ...Object.fromEntries(after.map((key) => [key, properties[key]])),
  };
}

if (require.main === module) {
  const path = join(__dirname, '..', '..', 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties = withRuleSettings(manifest.contributes.configuration.properties);
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('package.json: plumbLine.rules and the per-rule settings regenerated from the rule registry.');
}
