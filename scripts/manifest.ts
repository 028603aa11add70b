// The `plumbLine.rules` settings schema in package.json, generated from the rule registry.
// `npm run sync:manifest` rewrites package.json; test/unit/manifest.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULE_IDS } from '../src/core';

const SEVERITY_VALUES = ['off', 'error', 'warning', 'information', 'hint'];

export function rulesSettingSchema(): Record<string, unknown> {
  const defaults = RULE_IDS.map((id) => `\`${id}\` is \`${RULES[id].defaultSeverity}\``).join(', ');
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription: `Severity of each rule, or \`off\`. Rules left out keep their default: ${defaults}. See the rule pages under \`docs/rules/\`.`,
    properties: Object.fromEntries(
      RULE_IDS.map((id) => [id, { type: 'string', enum: SEVERITY_VALUES, default: RULES[id].defaultSeverity, description: `${RULES[id].title}.` }]),
    ),
    additionalProperties: false,
  };
}

if (require.main === module) {
  const path = join(__dirname, '..', '..', 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties['plumbLine.rules'] = rulesSettingSchema();
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('package.json: plumbLine.rules regenerated from the rule registry.');
}
