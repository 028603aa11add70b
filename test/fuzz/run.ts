// npm run fuzz: checks the engine's properties on 10,000 random documents (or `npm run fuzz -- N`) and prints the count.
import { join } from 'node:path';
import { loadCatalogue } from '../../src/corpusFolder';
import { runProperties } from './properties';

const runs = Number(process.argv[2] ?? 10_000);
runProperties(loadCatalogue(join(__dirname, '..', '..', '..', 'corpus')), runs);
console.log(
  `${runs} random documents: no throw, every span inside its text with exact line and character, ` +
    'every replace fix on a function word, same findings twice.',
);
