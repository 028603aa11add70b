// Starts the language server (dist/server.js, a Node process) and connects the editor to it: diagnostics, hovers and
// quick fixes come from the server, so no lint ever runs on the extension host.
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../server/protocol';

/** The commands a hover card may run; no other command link is trusted. */
export const HOVER_COMMANDS = ['plumbLine.openPassage', 'plumbLine.revealConcept'];

export async function startLanguageClient(context: ExtensionContext, output: LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { shippedScheme: true, commandLinks: true };
  const clientOptions: LanguageClientOptions = {
    // Every Markdown document; the server itself passes over the corpus, rule pages and editors' copies.
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: 'plumbLine' },
    initializationOptions,
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS }, supportHtml: false },
  };
  const client = new LanguageClient('plumbLine', 'Plumb Line', serverOptions, clientOptions);
  await client.start();
  return client;
}
