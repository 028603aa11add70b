import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULE_TABLE_FILES, withRuleTable } from '../../scripts/ruleTables';
import { RULE_IDS, RULES } from '../../src/core';

// The bundle runs from out/test/unit/.
const root = resolve(__dirname, '../../..');

describe('rule tables', () => {
  for (const file of RULE_TABLE_FILES) {
    it(`${file} has the rule table the rule registry generates`, () => {
      const text = readFileSync(join(root, file), 'utf8');
      assert.ok(text === withRuleTable(text, file), `${file}: the rule table differs from src/core/rules/registry.ts; run \`npm run sync:docs\``);
    });
  }

  for (const id of RULE_IDS) {
    const { docs, title, defaultSeverity } = RULES[id];
    it(`${docs} opens with the title and default severity of the registry`, () => {
      const [heading, , severityLine] = readFileSync(join(root, docs), 'utf8').split('\n');
      const message = `${docs}: the heading or default severity differs from src/core/rules/registry.ts; change the page or the registry`;
      assert.equal(heading, `# ${id}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`, message);
      assert.ok(severityLine?.startsWith(`Default severity: **\`${defaultSeverity}\`**`), message);
    });
  }
});
