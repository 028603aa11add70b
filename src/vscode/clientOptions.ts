// What the language client asks of the server, the same on the desktop and in a browser: every Markdown document, the
// `plumbLine` settings, the read-only `plumb-line:` citations, and hover command links limited to our own commands.
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../server/protocol';
import { HOVER_COMMANDS } from './ids';
import { SETTINGS_SECTION } from './settings';
import { shippedRoots } from './shippedFiles';

/** The client's id (its trace setting is `plumbLine.trace.server`) and the name its output shows. */
export const CLIENT_ID = 'plumbLine';
export const CLIENT_NAME = 'Plumb Line';

/** Starts the language server and its client: a Node process on the desktop, a web worker in the browser. */
export type StartClient = (context: ExtensionContext, output: LogOutputChannel) => Promise<BaseLanguageClient>;

export function clientOptions(context: ExtensionContext, output: LogOutputChannel, extra: Partial<InitializationOptions> = {}): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    shippedScheme: true,
    commandLinks: true,
    // However the editor names the extension's own files, the server never lints them as drafts.
    shippedRoots: shippedRoots(context.extensionUri),
    // The team config files come from teamConfig.ts, read through workspace.fs, on the desktop and in a browser alike.
    configFiles: 'client',
    ...extra,
  };
  return {
    // Every Markdown document; the server itself passes over the corpus, rule pages and editors' copies.
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions,
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS }, supportHtml: false },
  };
}
