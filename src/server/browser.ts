// The language server in a browser's web worker (VS Code for the Web): the same server, reading messages from the
// worker's port; the corpus comes from the client, which reads it from the extension's files, and lints run inline.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { InlineLinter } from './inlineLinter';
import { startServer } from './server';

/** Starts the server on the worker's global scope, its port to the client. */
export function startBrowserServer(): void {
  // (`never`: the DOM's worker types are not in this project's libs.)
  const scope = globalThis as never;
  startServer(createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), {
    readCorpus: (options) => {
      const corpus = options?.corpus;
      if (!Array.isArray(corpus) || corpus.length === 0) throw new Error('the client sent no corpus files');
      return corpus.filter((file) => typeof file?.file === 'string' && typeof file.text === 'string');
    },
    createLinter: (_corpus, catalogue) => new InlineLinter(catalogue),
  });
}
