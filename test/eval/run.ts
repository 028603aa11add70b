// npm run eval: prints the linter's precision, recall and F1 on the labelled drafts, and every miss and false alarm.
import { join } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { loadCatalogue } from '../../src/corpusFolder';
import { readLabelledDrafts, scoreDrafts, type Tally } from './score';

const root = join(__dirname, '..', '..', '..');
const score = scoreDrafts(readLabelledDrafts(join(root, 'test', 'fixtures', 'eval')), loadCatalogue(join(root, 'corpus')));
const format = (name: string, t: Tally) =>
  `${name.padEnd(24)} ${t.precision.toFixed(3).padStart(9)} ${t.recall.toFixed(3).padStart(7)} ${t.f1.toFixed(3).padStart(6)}   tp ${t.truePositives} fp ${t.falsePositives} fn ${t.falseNegatives}`;
console.log(`${score.drafts} labelled drafts\n`);
console.log(`${'rule'.padEnd(24)} precision  recall     f1`);
for (const id of RULE_IDS) console.log(format(id, score.perRule[id]));
console.log(format('overall', score.overall));
if (score.mistakes.length > 0) {
  console.log('\nmisses and false alarms:');
  for (const mistake of score.mistakes) console.log(`  ${mistake.kind.padEnd(11)} ${mistake.ruleId.padEnd(22)} ${mistake.file}  (${mistake.reason})`);
}
