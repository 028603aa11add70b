// dist/cli.js: one bundle for the command line and the language server, so the engine ships once.
//   plumb-line check …        the CLI (src/cli/main.ts)
//   plumb-line-ls --stdio     the language server (dist/server.js, a two-line stub that calls languageServer())
// The same file also runs as the server's lint worker thread and as the CLI's check workers (src/cli/pool.ts).
import { main } from './cli/main';
import { isCheckWorker, runCheckWorker } from './cli/pool';
import { isLintWorker, runLintWorker } from './server/lintWorker';
import { startNodeServer } from './server/node';

/** Starts the language server on the transport named on the command line (--stdio, --node-ipc, --socket=N). */
export function languageServer(): void {
  startNodeServer(__filename);
}

if (isLintWorker()) runLintWorker();
else if (isCheckWorker()) runCheckWorker();
else if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
