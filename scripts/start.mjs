// `npm start`: opens VS Code on a fresh scratch copy of examples/ with the extension under development loaded and a
// sample draft open. Uses the desktop `code` when it is on the PATH; otherwise serves code-server on loopback and
// prints the URL to open. Each run starts afresh (copy, settings and editor state), so nothing tried in it is kept
// and the repository's examples never change.
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './code-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stateDir = join(root, '.vscode-test', 'start');
rmSync(stateDir, { recursive: true, force: true });
const examples = join(stateDir, 'examples');
cpSync(join(root, 'examples'), examples, { recursive: true });
/** The draft that opens beside the workspace: the one the walkthrough and the README screenshot use. */
const sample = join(examples, 'launch-plan.md');
console.log(`A scratch copy of examples/ is in ${examples}; it is replaced on the next \`npm start\`.`);

if (!(await openInDesktopVsCode())) await serveCodeServer();

// Resolves false when there is no `code` command to run.
function openInDesktopVsCode() {
  return new Promise((resolve) => {
    const code = spawn('code', [`--extensionDevelopmentPath=${root}`, examples, sample], { stdio: 'inherit' });
    code.once('error', (error) => {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return resolve(false);
      console.error(`Could not run \`code\`: ${error.message}`);
      process.exit(1);
    });
    code.once('exit', (status) => process.exit(status ?? 1));
  });
}

async function serveCodeServer() {
  let server;
  try {
    server = await startCodeServer({
      folder: examples,
      userDataDir: join(stateDir, 'user-data'),
      extensionsDir: join(stateDir, 'extensions'),
      extensionDevelopmentPath: root,
      openFile: sample,
    });
  } catch (error) {
    console.error(`Could not start code-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = async () => {
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  console.log(`Plumb Line is running in VS Code at ${server.url}`);
  console.log('Press Ctrl+C to stop.');

  const { code, signal } = await server.exited;
  if (stopping) return;
  console.error(`code-server stopped unexpectedly (${signal ?? `code ${code}`}):\n${server.logTail(30)}`);
  process.exit(1);
}
