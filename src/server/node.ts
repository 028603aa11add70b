// The language server under Node: the corpus read from the installed `corpus/` folder, lints in a worker thread.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { CONFIG_NAMES, MAX_CONFIG_BYTES, describeSize } from '../core';
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
    readConfigFile: (folderUri) => {
      let folder: string;
      try {
        folder = fileURLToPath(`${folderUri}/`);
      } catch {
        // A file: URI that names no local path (another host's share) has no config files here.
        return undefined;
      }
      for (const name of CONFIG_NAMES) {
        const path = join(folder, name);
        const stats = statSync(path, { throwIfNoEntry: false });
        if (!stats?.isFile()) continue;
        if (stats.size > MAX_CONFIG_BYTES) throw new Error(`${name} is ${describeSize(stats.size)}, more than a config file may be`);
        return { uri: `${folderUri}/${name}`, text: readFileSync(path, 'utf8') };
      }
      return undefined;
    },
  };
  startServer(createConnection(ProposedFeatures.all), host);
}
