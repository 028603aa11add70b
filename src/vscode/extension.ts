// The extension's one entry, for the desktop (`main`) and VS Code for the Web (`browser`) alike: on the desktop the
// language server runs as a Node process, in a browser in a web worker. One bundle for both ships the language client
// once; each side's transport is loaded only where it runs (client.ts, webClient.ts).
import type { ExtensionContext } from 'vscode';
import { activateWith, deactivateClient, type PlumbLineApi } from './activate';
import { startNodeClient } from './client';
import { onNode } from '../host';
import { startWebClient } from './webClient';

export type { PlumbLineApi } from './activate';

export function activate(context: ExtensionContext): PlumbLineApi {
  return activateWith(context, onNode() ? startNodeClient : startWebClient);
}

export const deactivate = deactivateClient;
