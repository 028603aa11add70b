// The rule tables of README.md and docs/rules/README.md, generated from the rule registry between two marker comments.
// `npm run sync:docs` rewrites both files; test/unit/ruleTables.test.ts fails when either drifts from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { RULES, RULE_IDS } from '../src/core';

/** The Markdown files that carry a rule table, relative to the package root. */
export const RULE_TABLE_FILES = ['README.md', 'docs/rules/README.md'];

const START = '<!-- rule-table: generated from src/core/rules/registry.ts by `npm run sync:docs` -->';
const END = '<!-- /rule-table -->';

/** The table for a file in `fromDir` (relative to the package root): each rule's page linked from there. */
export function ruleTable(fromDir: string): string {
  const rows = RULE_IDS.map((id) => {
    const { defaultSeverity, summary, docs } = RULES[id];
    return `| [\`${id}\`](${posix.relative(fromDir, docs)}) | \`${defaultSeverity}\` | ${summary} |`;
  });
  return ['| Rule | Default severity | What it catches |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `markdown` with the text between the markers replaced by the generated table; throws if the markers are missing. */
export function withRuleTable(markdown: string, file: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`${file}: no rule table markers (${START} … ${END})`);
  return `${markdown.slice(0, start)}${START}\n\n${ruleTable(posix.dirname(file))}\n\n${markdown.slice(end)}`;
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  for (const file of RULE_TABLE_FILES) {
    const path = join(root, file);
    writeFileSync(path, withRuleTable(readFileSync(path, 'utf8'), file));
  }
  console.log(`${RULE_TABLE_FILES.join(', ')}: rule tables regenerated from the rule registry.`);
}
