// Activation: load the catalogue once for the views, start the language server (the linter, hovers and quick fixes),
// and register the read-only corpus and the commands.
import { join } from 'node:path';
import { window, type ExtensionContext, type LogOutputChannel, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Catalogue } from '../core';
import { loadCatalogue } from '../corpusFolder';
import { CONCEPT_COUNTS_REQUEST } from '../server/protocol';
import { startLanguageClient } from './client';
import { registerCommands, registerLogged } from './commands';
import { ConceptsTreeProvider } from './conceptsTree';
import { describeError } from './convert';
import { SettingsReader } from './settings';
import { ShippedFiles } from './shippedFiles';
import { SourcesTreeProvider } from './sourcesTree';

/** What `activate` returns: the catalogue and the tree providers, for the integration tests. */
export interface PlumbLineApi {
  catalogue: Catalogue;
  sourcesTree: SourcesTreeProvider;
  conceptsTree: ConceptsTreeProvider;
}

/** The language client once started (undefined when it could not start), for deactivation. */
let client: Promise<LanguageClient | undefined> | undefined;

export function activate(context: ExtensionContext): PlumbLineApi | undefined {
  const output = window.createOutputChannel('Plumb Line', { log: true });
  context.subscriptions.push(output);

  let catalogue: Catalogue;
  try {
    catalogue = loadCatalogue(join(context.extensionPath, 'corpus'));
  } catch (error) {
    output.error(`Could not load the corpus: ${describeError(error)}`);
    registerUnavailable(context, output);
    return undefined;
  }

  const settings = new SettingsReader();
  const started = startLanguageClient(context, output).catch((error: unknown) => {
    // The trees and the corpus still work; the log says why there are no diagnostics.
    output.error(`Could not start the Plumb Line language server: ${describeError(error)}`);
    return undefined;
  });
  const count = async (document: TextDocument): Promise<Map<string, number>> => {
    const running = await started;
    // Without the server the extension host counts, as a last resort; the log already says why.
    if (!running) return catalogue.countOccurrences(document.getText());
    const counts = await running.sendRequest<Record<string, number>>(CONCEPT_COUNTS_REQUEST, { textDocument: { uri: running.code2ProtocolConverter.asUri(document.uri) } });
    return new Map(Object.entries(counts));
  };
  const sourcesTree = new SourcesTreeProvider(catalogue);
  const conceptsTree = new ConceptsTreeProvider(catalogue, settings, context.extensionUri, count);
  const conceptsView = window.createTreeView('plumbLine.concepts', { treeDataProvider: conceptsTree, showCollapseAll: true });
  context.subscriptions.push(
    ShippedFiles.register(context.extensionUri),
    conceptsTree,
    conceptsView,
    window.createTreeView('plumbLine.sources', { treeDataProvider: sourcesTree, showCollapseAll: true }),
  );
  // Activation does not wait for the server: the trees and commands are there at once, and what needs the server waits for it.
  client = started;
  context.subscriptions.push(...registerCommands({ catalogue, client: started, settings, conceptsTree, conceptsView, extensionUri: context.extensionUri, output }));
  return { catalogue, sourcesTree, conceptsTree };
}

export async function deactivate(): Promise<void> {
  const running = await client;
  client = undefined;
  await running?.stop();
}

/** Without a catalogue the views say why, and the commands point to the log instead of failing as "not found". */
function registerUnavailable(context: ExtensionContext, output: LogOutputChannel): void {
  const message = 'The Plumb Line corpus could not be loaded. See Output › Plumb Line.';
  const empty = { getChildren: () => [], getTreeItem: () => ({}) };
  for (const viewId of ['plumbLine.sources', 'plumbLine.concepts']) {
    const view = window.createTreeView(viewId, { treeDataProvider: empty });
    view.message = message;
    context.subscriptions.push(view);
  }
  for (const commandId of ['plumbLine.openPassage', 'plumbLine.revealConcept', 'plumbLine.checkTerminology']) {
    context.subscriptions.push(registerLogged(output, commandId, () => Promise.resolve(output.show(true))));
  }
}
