// Activation: load the catalogue once, then register the views, the linter, the hover, the quick fixes and the commands.
import { join } from 'node:path';
import { languages, window, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { Catalogue } from '../core';
import { loadCatalogue } from '../corpusFolder';
import { FixProvider } from './codeActions';
import { registerCommands, registerLogged } from './commands';
import { ConceptsTreeProvider } from './conceptsTree';
import { describeError } from './convert';
import { DiagnosticsController } from './diagnostics';
import { TermHoverProvider } from './hover';
import { SettingsReader } from './settings';
import { ShippedFiles } from './shippedFiles';
import { SourcesTreeProvider } from './sourcesTree';

/** What `activate` returns: the catalogue and the tree providers, for the integration tests. */
export interface PlumbLineApi {
  catalogue: Catalogue;
  sourcesTree: SourcesTreeProvider;
  conceptsTree: ConceptsTreeProvider;
}

const MARKDOWN = { language: 'markdown' };

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

  const settings = new SettingsReader(output);
  const sourcesTree = new SourcesTreeProvider(catalogue);
  const conceptsTree = new ConceptsTreeProvider(catalogue, settings, context.extensionUri);
  const conceptsView = window.createTreeView('plumbLine.concepts', { treeDataProvider: conceptsTree, showCollapseAll: true });
  const diagnostics = new DiagnosticsController(catalogue, settings, context.extensionUri, output);
  context.subscriptions.push(
    ShippedFiles.register(context.extensionUri),
    conceptsTree,
    conceptsView,
    window.createTreeView('plumbLine.sources', { treeDataProvider: sourcesTree, showCollapseAll: true }),
    diagnostics,
    languages.registerHoverProvider(MARKDOWN, new TermHoverProvider(catalogue)),
    languages.registerCodeActionsProvider(MARKDOWN, new FixProvider(diagnostics), {
      providedCodeActionKinds: FixProvider.providedCodeActionKinds,
    }),
    ...registerCommands({ catalogue, diagnostics, conceptsTree, conceptsView, extensionUri: context.extensionUri, output }),
  );
  return { catalogue, sourcesTree, conceptsTree };
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
    context.subscriptions.push(registerLogged(output, commandId, async () => output.show(true)));
  }
}
