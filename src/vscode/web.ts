// The browser entry (`browser`, VS Code for the Web): the language server runs in a web worker.
import type { ExtensionContext } from 'vscode';
import { activateWith, deactivateClient, type PlumbLineApi } from './activate';
import { startWebClient } from './webClient';

export function activate(context: ExtensionContext): PlumbLineApi {
  return activateWith(context, startWebClient);
}

export const deactivate = deactivateClient;
