// The desktop entry (`main`): the language server runs as a Node process.
import type { ExtensionContext } from 'vscode';
import { activateWith, deactivateClient, type PlumbLineApi } from './activate';
import { startNodeClient } from './client';

export type { PlumbLineApi } from './activate';

export function activate(context: ExtensionContext): PlumbLineApi {
  return activateWith(context, startNodeClient);
}

export const deactivate = deactivateClient;
