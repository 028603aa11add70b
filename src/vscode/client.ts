// The desktop client: starts the language server (dist/server.js) as a Node process over IPC, so no lint ever runs on
// the extension host.
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, type StartClient } from './clientOptions';

export const startNodeClient: StartClient = async (context, output) => {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const client = new LanguageClient('plumbLine', 'Plumb Line', serverOptions, clientOptions(context, output));
  await client.start();
  return client;
};
