// dist/cli.js, `plumb-line check …`: the CLI (src/cli/main.ts). The same file also runs as the CLI's check workers
// (src/cli/pool.ts). The language server is a bundle of its own (src/server/main.ts, dist/server.js).
import { main } from './cli/main';
import { isCheckWorker, runCheckWorker } from './cli/pool';

if (isCheckWorker()) runCheckWorker();
else if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
