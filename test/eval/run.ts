// npm run eval: line-level precision, recall and F1 per rule, for the short drafts and the whole documents, with every
// miss and every false alarm (and how the linter read it). `npm run eval -- FOLDER…` scores other labelled folders.
import { basename, join } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { loadCatalogue } from '../../src/corpusFolder';
import { readLabelledFolder, scoreTexts, type Score, type Tally } from './score';

const root = join(__dirname, '..', '..', '..');
const catalogue = loadCatalogue(join(root, 'corpus'));
const args = process.argv.slice(2);
const quiet = args.includes('--summary');
const folders = args.filter((arg) => !arg.startsWith('--'));
const sets =
  folders.length > 0
    ? folders.map((folder) => ({ name: basename(folder), folder }))
    : [
        { name: 'short drafts', folder: join(root, 'test', 'fixtures', 'eval', 'drafts') },
        { name: 'whole documents', folder: join(root, 'test', 'fixtures', 'eval', 'documents') },
      ];

const format = (name: string, t: Tally) =>
  `${name.padEnd(24)} ${t.precision.toFixed(3).padStart(9)} ${t.recall.toFixed(3).padStart(7)} ${t.f1.toFixed(3).padStart(6)}   ` +
  `tp ${t.truePositives} fp ${t.falsePositives} fn ${t.falseNegatives}`;

function report(name: string, score: Score): void {
  const kb = score.bytes / 1024;
  console.log(
    `\n## ${name}: ${score.texts} files, ${kb.toFixed(1)} KB, ${score.findings} findings, ` +
      `${((score.overall.falsePositives / kb) * 10).toFixed(2)} false alarms per 10 KB\n`,
  );
  console.log(`${'rule'.padEnd(24)} precision  recall     f1`);
  for (const id of RULE_IDS) console.log(format(id, score.perRule[id]));
  console.log(format('overall', score.overall));
  if (quiet || score.mistakes.length === 0) return;
  console.log('\nmisses and false alarms:');
  for (const m of score.mistakes) {
    console.log(`  ${m.kind.padEnd(11)} ${m.ruleId.padEnd(22)} ${m.file}:${m.line}  ${m.text.slice(0, 140)}`);
    if (m.reading) console.log(`  ${''.padEnd(34)} read as: ${m.reading}`);
  }
}

for (const set of sets) report(set.name, scoreTexts(readLabelledFolder(set.folder), catalogue));
