// The desktop client: starts the language server (dist/server.js) as a Node process over IPC, so no lint ever runs on
// the extension host.
import type { ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type StartClient } from './clientOptions';

/** Where a debugger attaches to the server when the extension runs in debug mode. */
const SERVER_INSPECT_PORT = 6019;

export const startNodeClient: StartClient = async (context, output) => {
  // Loaded here, not at the top: the bundle is the browser's entry too, and this module needs Node's built-ins.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LanguageClient, TransportKind } = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${SERVER_INSPECT_PORT}`] } },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(context, output));
  await client.start();
  return client;
};
