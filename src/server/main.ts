// dist/server.js, `plumb-line-ls`: the language server in one bundle for every place it runs, so it ships once.
//   under Node              plumb-line-ls --stdio (or --node-ipc, --socket=N), as the desktop client and other editors start it
//   in Node's worker thread the server's lint worker (the same file, started with a role in its workerData)
//   in a web worker         VS Code for the Web: the client starts dist/engine.js and this file as one script
// Each side is required only where it runs: the web worker has none of Node's built-ins.
/* eslint-disable @typescript-eslint/no-require-imports */

import { onNode } from '../host';

// (No exports: a CommonJS bundle that exports sets `module.exports`, which a worker's classic script does not have.)
if (!onNode()) {
  (require('./browser') as typeof import('./browser')).startBrowserServer();
} else {
  const { isLintWorker, runLintWorker } = require('./lintWorker') as typeof import('./lintWorker');
  if (isLintWorker()) runLintWorker();
  else (require('./node') as typeof import('./node')).startNodeServer(__filename);
}
