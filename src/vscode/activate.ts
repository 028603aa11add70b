// Activation, the same on the desktop and in a browser: start the language server (the corpus parse, the linter,
// hovers and quick fixes), show its catalogue in the two views, and register the read-only corpus and the commands.
import { window, workspace, type ExtensionContext, type TextDocument, type TreeView } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { describeError } from '../core/editorSettings';
import { CATALOGUE_CHANGED_NOTIFICATION, CATALOGUE_REQUEST, CONCEPT_COUNTS_REQUEST, type CatalogueSnapshot } from '../server/protocol';
import { CatalogueView } from './catalogueView';
import type { StartClient } from './clientOptions';
import { registerCommands } from './commands';
import { ConceptsTreeProvider } from './conceptsTree';
import { VIEWS } from './ids';
import { SettingsReader } from './settings';
import { ShippedFiles } from './shippedFiles';
import { SourcesTreeProvider } from './sourcesTree';
import { LintStatus } from './statusBar';
import { registerTeach } from './teach';
import { TeamConfigFiles } from './teamConfig';

/** What `activate` returns, for the integration tests: the catalogue the views show (once the server sent it) and the tree providers. */
export interface PlumbLineApi {
  catalogue: Promise<CatalogueView | undefined>;
  /** The catalogue the views show now: the first one, or the one the server sent after the team's sources changed. */
  currentCatalogue(): Promise<CatalogueView | undefined>;
  sourcesTree: SourcesTreeProvider;
  conceptsTree: ConceptsTreeProvider;
  status: LintStatus;
  settings: SettingsReader;
  teamConfig: TeamConfigFiles;
}

const UNAVAILABLE = 'The Plumb Line corpus could not be loaded. See Output › Plumb Line.';

/** The language client once started (undefined when it could not start), for deactivation. */
let client: Promise<BaseLanguageClient | undefined> | undefined;

export function activateWith(context: ExtensionContext, startClient: StartClient): PlumbLineApi {
  const output = window.createOutputChannel('Plumb Line', { log: true });
  context.subscriptions.push(output);
  const activated = Date.now();

  const started = startClient(context, output).catch((error: unknown) => {
    output.error(`Could not start the Plumb Line language server: ${describeError(error)}`);
    return undefined;
  });
  client = started;
  // The server parses the corpus as it starts and sends its catalogue: one parse serves the views and the linter. The
  // views show the catalogue of the (first) workspace folder, with the team's sources, concepts and moves.
  const fetchCatalogue = async (running: BaseLanguageClient): Promise<CatalogueView | undefined> => {
    const folder = workspace.workspaceFolders?.[0];
    const params = folder ? { uri: `${running.code2ProtocolConverter.asUri(folder.uri).replace(/\/$/, '')}/_` } : null;
    const snapshot = await running.sendRequest<CatalogueSnapshot | null>(CATALOGUE_REQUEST, params);
    return snapshot ? new CatalogueView(snapshot) : undefined;
  };
  let latest: CatalogueView | undefined;
  const catalogue = started.then(async (running) => {
    if (!running) return undefined;
    try {
      const view = await fetchCatalogue(running);
      latest = view;
      if (!view) return undefined;
      const sizes = `${view.sources.length} sources, ${view.passageById.size} passages, ${view.concepts.length} concepts`;
      output.info(`Ready in ${Date.now() - activated} ms: ${sizes}.`);
      return view;
    } catch (error) {
      output.error(`Could not get the catalogue from the language server: ${describeError(error)}`);
      return undefined;
    }
  });

  const count = async (document: TextDocument): Promise<Map<string, number>> => {
    const running = await started;
    if (!running) return new Map();
    const textDocument = { uri: running.code2ProtocolConverter.asUri(document.uri) };
    const counts = await running.sendRequest<Record<string, number>>(CONCEPT_COUNTS_REQUEST, { textDocument });
    return new Map(Object.entries(counts));
  };
  const settings = new SettingsReader();
  const sourcesTree = new SourcesTreeProvider(catalogue);
  const conceptsTree = new ConceptsTreeProvider(catalogue, settings, context.extensionUri, count);
  const conceptsView = window.createTreeView(VIEWS.concepts, { treeDataProvider: conceptsTree, showCollapseAll: true });
  const sourcesView = window.createTreeView(VIEWS.sources, { treeDataProvider: sourcesTree, showCollapseAll: true });
  void catalogue.then((view) => {
    if (!view) for (const shown of [sourcesView, conceptsView] as TreeView<unknown>[]) shown.message = UNAVAILABLE;
  });
  // The team's sources or concepts changed: the views show the new catalogue.
  void started.then((running) =>
    running?.onNotification(CATALOGUE_CHANGED_NOTIFICATION, async () => {
      await catalogue;
      try {
        const view = await fetchCatalogue(running);
        if (!view) return;
        latest = view;
        sourcesTree.replace(view);
        conceptsTree.replace(view);
      } catch (error) {
        output.error(`Could not get the catalogue from the language server: ${describeError(error)}`);
      }
    }),
  );
  const currentCatalogue = async () => {
    await catalogue;
    return latest;
  };
  const status = new LintStatus(settings, context.extensionUri);
  const teamConfig = new TeamConfigFiles(started, output);
  context.subscriptions.push(ShippedFiles.register(context.extensionUri), settings, conceptsTree, conceptsView, sourcesView, status, teamConfig);
  // Activation waits for nothing: the views fill in when the server has sent the catalogue, and the commands wait for it.
  context.subscriptions.push(
    ...registerTeach({ client: started, output }),
    ...registerCommands({
      catalogue: currentCatalogue,
      client: started,
      settings,
      teamConfig,
      conceptsTree,
      conceptsView,
      extensionUri: context.extensionUri,
      output,
    }),
  );
  return { catalogue, currentCatalogue, sourcesTree, conceptsTree, status, settings, teamConfig };
}

export async function deactivateClient(): Promise<void> {
  const running = await client;
  client = undefined;
  await running?.stop();
}
