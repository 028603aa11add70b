// What the language client asks of the server, the same on the desktop and in a browser: every Markdown document, the
// `plumbLine` settings, the read-only `plumb-line:` citations, and hover command links limited to our own commands.
import { Uri, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../server/protocol';
import { HOVER_COMMANDS } from './ids';

/** Starts the language server and its client: a Node process on the desktop, a web worker in the browser. */
export type StartClient = (context: ExtensionContext, output: LogOutputChannel) => Promise<BaseLanguageClient>;

export function clientOptions(context: ExtensionContext, output: LogOutputChannel, extra: Partial<InitializationOptions> = {}): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    shippedScheme: true,
    commandLinks: true,
    // However the editor names the extension's own files, the server never lints them as drafts.
    shippedRoots: ['corpus', 'docs'].map((folder) => Uri.joinPath(context.extensionUri, folder).toString()),
    ...extra,
  };
  return {
    // Every Markdown document; the server itself passes over the corpus, rule pages and editors' copies.
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: 'plumbLine' },
    initializationOptions,
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS }, supportHtml: false },
  };
}
