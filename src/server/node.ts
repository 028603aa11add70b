// The language server under Node: the corpus read from the installed `corpus/` folder, lints in a worker thread.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { readCorpusFolder } from '../corpusFolder';
import { LintWorker } from './lintWorker';
import { startServer, type ServerHost } from './server';

/** `dist/`'s parent, which holds `corpus/` and `docs/`. */
const ROOT = resolve(__dirname, '..');

/** Starts the server on the transport named on the command line (--stdio, --node-ipc, --socket=N); `workerScript` runs the lint worker. */
export function startNodeServer(workerScript: string): void {
  const host: ServerHost = {
    readCorpus: () => readCorpusFolder(join(ROOT, 'corpus')),
    createLinter: (corpus, _catalogue, log) => new LintWorker(workerScript, corpus, log),
    installedUri: (relative) => pathToFileURL(join(ROOT, relative)).href,
  };
  startServer(createConnection(ProposedFeatures.all), host);
}
