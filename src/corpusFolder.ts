import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, parseCorpus, type Catalogue, type CorpusFile } from './core';

/** Reads every Markdown file of a corpus folder, sorted by name. */
export function readCorpusFolder(dir: string): CorpusFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Parses the corpus folder and builds the concept catalogue from it: what the extension does at activation and the CLI at start. */
export function loadCatalogue(corpusDir: string): Catalogue {
  return buildCatalogue(parseCorpus(readCorpusFolder(corpusDir)));
}
