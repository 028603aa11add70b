// The extension's commands: open a corpus passage, reveal a concept, check the active draft or the workspace.
import {
  ConfigurationTarget,
  ProgressLocation,
  TextEditorRevealType,
  ViewColumn,
  Uri,
  commands,
  window,
  workspace,
  type CancellationToken,
  type Disposable,
  type LogOutputChannel,
  type Range,
  type TreeView,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { describeError, overLimit } from '../core/editorSettings';
import { RULE_IDS, rulePagePath, type RuleId } from '../core/rules/ids';
import type { Range as LspRange } from 'vscode-languageclient';
import {
  CHECK_REQUEST,
  CLEAR_NOTIFICATION,
  OCCURRENCES_REQUEST,
  type CheckResult as FileCheck,
  type ClearParams,
  type OccurrencesParams,
} from '../server/protocol';
import type { CatalogueView } from './catalogueView';
import type { ConceptsElement, ConceptsTreeProvider } from './conceptsTree';
import { toRange } from './convert';
import { isDraft, isDraftLocation } from './drafts';
import { COMMANDS } from './ids';
import { SETTINGS_SECTION, type SettingsReader } from './settings';
import { corpusFileUri, shippedUri } from './shippedFiles';
import type { TeamConfigFiles } from './teamConfig';

export interface CheckResult {
  findings: number;
  /** Files checked. */
  files: number;
  /** Files left out as over `plumbLine.maxFileSizeKB`. */
  tooLarge: number;
  /** Files that could not be read or checked. */
  failed: number;
  /** Whether the check was cancelled before every file was checked. */
  cancelled: boolean;
  /** What the notification said. */
  summary: string;
}

export interface CommandContext {
  /** The catalogue the server sent; undefined when it could not load the corpus. */
  catalogue: () => Promise<CatalogueView | undefined>;
  /** The language server's client, once started; undefined when the server could not start. */
  client: Promise<BaseLanguageClient | undefined>;
  settings: SettingsReader;
  conceptsTree: ConceptsTreeProvider;
  conceptsView: TreeView<ConceptsElement>;
  extensionUri: Uri;
  output: LogOutputChannel;
  teamConfig: TeamConfigFiles;
}

/**
 * Files Check terminology read from disk (not open), whose diagnostics stay until they open: checked again when a
 * setting changes, cleared when they are deleted or renamed.
 */
const checkedFromDisk = new Map<string, Uri>();

export function registerCommands(context: CommandContext): Disposable[] {
  const { output } = context;
  const recheck = (stale: Uri[]) => {
    for (const uri of stale) void checkFile(context, uri).then((result) => result.status === 'failed' && output.warn(`Check terminology: ${result.reason}`));
  };
  return [
    registerLogged(output, COMMANDS.openPassage, (passageId: unknown) => openPassage(context, passageId)),
    registerLogged(output, COMMANDS.revealConcept, (conceptId: unknown) => revealConcept(context, conceptId)),
    registerLogged(output, COMMANDS.checkTerminology, () => checkTerminology(context)),
    registerLogged(output, COMMANDS.toggleLinting, () => toggleLinting(context)),
    registerLogged(output, COMMANDS.openSample, () => openSample(context)),
    registerLogged(output, COMMANDS.nextOccurrence, (conceptId: unknown) => nextOccurrence(context, conceptId)),
    registerLogged(output, COMMANDS.openRulePage, (ruleId: unknown) => openRulePage(ruleId)),
    // The server re-lints open documents when a setting changes; the files checked from disk are checked again here,
    // so a rule switched off leaves no stale finding in Problems.
    context.settings.onDidChange((event) => recheck([...checkedFromDisk.values()].filter((uri) => event.affectsConfiguration(SETTINGS_SECTION, uri)))),
    // And when a team config file changes, all of them: the server has re-linted the open ones.
    context.teamConfig.onDidSend(() => recheck([...checkedFromDisk.values()])),
    // However a file goes (the Explorer, a terminal, git), the watcher sees it; a deleted folder comes as one event.
    ...watchDeletions((gone) => forgetCheckedFromDisk(context, gone)),
    { dispose: () => checkedFromDisk.clear() },
  ];
}

/** Calls `onDelete` for each file or folder of the workspace deleted, or renamed away. */
function watchDeletions(onDelete: (uri: Uri) => void): Disposable[] {
  const watcher = workspace.createFileSystemWatcher('**', true, true, false);
  return [watcher, watcher.onDidDelete(onDelete)];
}

/** Has the server clear the diagnostics of the files checked from disk that were at `gone`, or under it. */
function forgetCheckedFromDisk({ client: started, output }: CommandContext, gone: Uri): void {
  const folder = `${gone.toString()}/`;
  const forgotten = [...checkedFromDisk.entries()]
    .filter(([key]) => key === gone.toString() || key.startsWith(folder))
    .map(([key, uri]) => {
      checkedFromDisk.delete(key);
      return uri;
    });
  if (forgotten.length === 0) return;
  void started.then(async (client) => {
    if (!client) return;
    for (const uri of forgotten) {
      const params: ClearParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } };
      try {
        await client.sendNotification(CLEAR_NOTIFICATION, params);
        output.debug(`${uri.toString(true)} is gone: its findings are cleared.`);
      } catch (error) {
        output.warn(`Could not clear the findings of ${uri.toString(true)}, which is gone: ${describeError(error)}`);
      }
    }
  });
}

/** Registers a command whose failures go to the output channel instead of an error dialog. */
export function registerLogged<A extends unknown[], R>(output: LogOutputChannel, id: string, run: (...args: A) => Promise<R>): Disposable {
  return commands.registerCommand(id, async (...args: A) => {
    try {
      return await run(...args);
    } catch (error) {
      output.error(`${id} failed: ${describeError(error)}`);
      return undefined;
    }
  });
}

async function openPassage({ catalogue: current, output }: CommandContext, passageId: unknown): Promise<void> {
  const catalogue = await current();
  const passage = typeof passageId === 'string' ? catalogue?.passageById.get(passageId) : undefined;
  const source = passage && catalogue?.sourceById.get(passage.sourceId);
  if (!passage || !source) {
    output.warn(`No passage ${JSON.stringify(passageId)} in the corpus.`);
    return;
  }
  // The bundled corpus is served read-only (see shippedFiles.ts): it feeds the catalogue and must not change by
  // accident. A team source is the team's own file, opened as it is.
  const uri = source.origin === 'team' ? Uri.parse(source.file) : corpusFileUri(source);
  await window.showTextDocument(uri, { selection: toRange(passage.span), preview: true });
}

async function revealConcept({ conceptsTree, conceptsView, output }: CommandContext, conceptId: unknown): Promise<void> {
  const node = typeof conceptId === 'string' ? await conceptsTree.conceptNode(conceptId) : undefined;
  if (!node) {
    output.warn(`No concept ${JSON.stringify(conceptId)} in the catalogue.`);
    return;
  }
  await conceptsView.reveal(node, { select: true, focus: true, expand: true });
}

/**
 * Lints the active draft, or every Markdown file of the workspace when no draft is active, in the language server.
 * A workspace check shows its progress and can be cancelled; either way a notification gives the counts, with a way
 * to the Problems panel, and the log has one line per file and the summary.
 */
async function checkTerminology(context: CommandContext): Promise<CheckResult> {
  const { extensionUri, output } = context;
  const active = window.activeTextEditor?.document;
  const targets =
    active && isDraft(active, extensionUri)
      ? [active.uri]
      : // Dot-folders hold tools' state (.git, .vscode-test, .history), not drafts.
        (await workspace.findFiles('**/*.md', '{**/node_modules/**,**/.*/**}')).filter((uri) => isDraftLocation(uri, extensionUri));
  const started = Date.now();
  const results =
    targets.length === 1
      ? [await checkFile(context, targets[0]!)]
      : await window.withProgress(
          { location: ProgressLocation.Notification, title: 'Plumb Line: checking terminology', cancellable: true },
          (progress, cancel) => {
            const step = WHOLE_PROGRESS / targets.length;
            return checkAll(context, targets, cancel, (done) => progress.report({ increment: step, message: `${done} of ${plural(targets.length, 'file')}` }));
          },
        );
  const checked = results.filter((result) => result.status === 'checked');
  const tooLarge = results.filter((result) => result.status === 'too large').length;
  const failed = results.filter((result) => result.status === 'failed');
  for (const failure of failed) output.error(`Check terminology: ${failure.reason}`);
  const findings = checked.reduce((sum, one) => sum + one.findings, 0);
  const cancelled = results.length < targets.length;
  const notes = [
    ...(cancelled ? [`cancelled after ${plural(results.length, 'file')} of ${targets.length}`] : []),
    ...(tooLarge > 0 ? [`${plural(tooLarge, 'file')} over the size limit`] : []),
    ...(failed.length > 0 ? [`${plural(failed.length, 'file')} failed`] : []),
  ];
  const counts = `${plural(findings, 'finding')} in ${plural(checked.length, 'file')}`;
  const summary = `Plumb Line: ${counts}${notes.length > 0 ? ` (${notes.join(', ')}; see Output › Plumb Line)` : ''}.`;
  output.info(`Check terminology: ${summary.replace(/^Plumb Line: /, '')} ${Date.now() - started} ms.`);
  // Not awaited: the command's result does not wait for the notification to be read.
  void window
    .showInformationMessage(summary, SHOW_PROBLEMS)
    .then((choice) => choice === SHOW_PROBLEMS && commands.executeCommand('workbench.actions.view.problems'));
  return { findings, files: checked.length, tooLarge, failed: failed.length, cancelled, summary };
}

const SHOW_PROBLEMS = 'Show Problems';
/** A progress notification's bar is full when the increments reported add up to this (a percentage). */
const WHOLE_PROGRESS = 100;

/** Checks the files a few at a time, in order, until all are done or the user cancels; returns the results so far. */
async function checkAll(context: CommandContext, targets: Uri[], cancel: CancellationToken, onDone: (done: number) => void): Promise<FileCheck[]> {
  const results: FileCheck[] = [];
  for (let at = 0; at < targets.length && !cancel.isCancellationRequested; at += CHECKS_AT_ONCE) {
    results.push(...(await Promise.all(targets.slice(at, at + CHECKS_AT_ONCE).map((uri) => checkFile(context, uri)))));
    onDone(results.length);
  }
  return results;
}

/** How many files a workspace check sends the server at once: enough to keep it busy, few enough to cancel promptly. */
const CHECKS_AT_ONCE = 8;

/**
 * Selects a concept's next occurrence in the draft (a term, or a claim flagged as the concept's work) after the
 * cursor, round to the first after the last, and returns it; what the Concepts view's "N in draft" runs.
 */
async function nextOccurrence({ client: started, extensionUri, output }: CommandContext, conceptId: unknown): Promise<Range | undefined> {
  const editor = window.activeTextEditor ?? window.visibleTextEditors.find((candidate) => isDraft(candidate.document, extensionUri));
  const client = await started;
  if (typeof conceptId !== 'string' || !editor || !isDraft(editor.document, extensionUri) || !client) return undefined;
  const params: OccurrencesParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) }, conceptId };
  const places = (await client.sendRequest<LspRange[]>(OCCURRENCES_REQUEST, params)).map((range) => client.protocol2CodeConverter.asRange(range));
  if (places.length === 0) {
    output.info(`No occurrence of ${conceptId} in ${editor.document.uri.toString(true)} any more.`);
    return undefined;
  }
  const next = places.find((place) => place.start.isAfter(editor.selection.start)) ?? places[0]!;
  await window.showTextDocument(editor.document, { viewColumn: editor.viewColumn ?? ViewColumn.Active, selection: next });
  editor.revealRange(next, TextEditorRevealType.InCenterIfOutsideViewport);
  return next;
}

/** A rule's page, rendered in the Markdown preview (the `plumb-line:/docs` association): the settings' links run this. */
async function openRulePage(ruleId: unknown): Promise<void> {
  if (!RULE_IDS.includes(ruleId as RuleId)) throw new Error(`No rule is called ${JSON.stringify(ruleId)} (known: ${RULE_IDS.join(', ')}).`);
  await commands.executeCommand('vscode.open', shippedUri(rulePagePath(ruleId as RuleId)));
}

/** The walkthrough's first step: the sample launch plan as an untitled draft, so nothing the user tries is saved. */
async function openSample({ extensionUri }: CommandContext): Promise<void> {
  const sample = await workspace.fs.readFile(Uri.joinPath(extensionUri, 'media', 'walkthrough', 'sample-draft.md'));
  const document = await workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(sample) });
  await window.showTextDocument(document);
}

/**
 * Turns linting as you type off or on for the workspace (for the user, without a folder open), and returns whether it
 * is now on. A folder's own setting that would still win is changed too, so the click always does what it says.
 */
async function toggleLinting({ settings, output }: CommandContext): Promise<boolean> {
  const scope = window.activeTextEditor?.document.uri;
  const enable = !settings.read(scope).enabled;
  const config = workspace.getConfiguration(SETTINGS_SECTION, scope ?? null);
  const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  await config.update('enable', enable, target);
  if (scope && config.inspect('enable')?.workspaceFolderValue !== undefined) await config.update('enable', enable, ConfigurationTarget.WorkspaceFolder);
  output.info(`Linting as you type is ${enable ? 'on' : 'off'} ${target === ConfigurationTarget.Workspace ? 'in this workspace' : 'for this user'}.`);
  return enable;
}

/** One file checked by the server: an open document as it is in the editor, any other as it is on disk. */
async function checkFile({ client: started, settings, output }: CommandContext, uri: Uri): Promise<FileCheck> {
  const client = await started;
  if (!client) return { status: 'failed', reason: `${uri.toString(true)}: the language server is not running (see the log above)` };
  try {
    const document = workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    // The server has only the Markdown documents; one open in another language mode is sent as it is in the editor.
    let text: string | undefined = document && document.languageId !== 'markdown' ? document.getText() : undefined;
    if (document) checkedFromDisk.delete(uri.toString());
    else {
      checkedFromDisk.set(uri.toString(), uri);
      // A file on disk is measured before it is read, so a huge one is never loaded.
      const { maxFileBytes } = settings.read(uri);
      const { size } = await workspace.fs.stat(uri);
      if (size > maxFileBytes) {
        output.warn(`${uri.toString(true)}: not checked, ${overLimit(size, maxFileBytes, 'plumbLine.maxFileSizeKB')}`);
        return { status: 'too large' };
      }
      text = new TextDecoder().decode(await workspace.fs.readFile(uri));
    }
    const result = await client.sendRequest<FileCheck>(CHECK_REQUEST, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, text });
    if (result.status === 'checked') output.debug(`Checked ${uri.toString(true)}: ${plural(result.findings, 'finding')}.`);
    return result;
  } catch (error) {
    return { status: 'failed', reason: `${uri.toString(true)}: ${describeError(error)}` };
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
