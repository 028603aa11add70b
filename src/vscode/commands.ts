// The extension's commands: open a corpus passage, reveal a concept, check the active draft or the workspace.
import { commands, window, workspace, type Disposable, type LogOutputChannel, type TreeView, type Uri } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { overLimit } from '../core/editorSettings';
import { CHECK_REQUEST, type CheckResult as FileCheck } from '../server/protocol';
import type { CatalogueView } from './catalogueView';
import type { ConceptsElement, ConceptsTreeProvider } from './conceptsTree';
import { corpusFileUri, describeError, isDraft, isDraftLocation, toRange } from './convert';
import type { SettingsReader } from './settings';

export interface CheckResult {
  findings: number;
  /** Files checked. */
  files: number;
  /** Files left out as over `plumbLine.maxFileSizeKB`. */
  tooLarge: number;
  /** Files that could not be read or checked. */
  failed: number;
}

export interface CommandContext {
  /** The catalogue the server sent; undefined when it could not load the corpus. */
  catalogue: Promise<CatalogueView | undefined>;
  /** The language server's client, once started; undefined when the server could not start. */
  client: Promise<BaseLanguageClient | undefined>;
  settings: SettingsReader;
  conceptsTree: ConceptsTreeProvider;
  conceptsView: TreeView<ConceptsElement>;
  extensionUri: Uri;
  output: LogOutputChannel;
}

/** Files Check terminology read from disk (not open), whose diagnostics stay until a setting changes or they open. */
const checkedFromDisk = new Map<string, Uri>();

export function registerCommands(context: CommandContext): Disposable[] {
  const { output } = context;
  return [
    registerLogged(output, 'plumbLine.openPassage', (passageId: unknown) => openPassage(context, passageId)),
    registerLogged(output, 'plumbLine.revealConcept', (conceptId: unknown) => revealConcept(context, conceptId)),
    registerLogged(output, 'plumbLine.checkTerminology', () => checkTerminology(context)),
    // The server re-lints open documents when a setting changes; the files checked from disk are checked again here,
    // so a rule switched off leaves no stale finding in Problems.
    workspace.onDidChangeConfiguration((event) => {
      const stale = [...checkedFromDisk.values()].filter((uri) => event.affectsConfiguration('plumbLine', uri));
      for (const uri of stale) void checkFile(context, uri).then((result) => result.status === 'failed' && output.warn(`Check terminology: ${result.reason}`));
    }),
    { dispose: () => checkedFromDisk.clear() },
  ];
}

/** Registers a command whose failures go to the output channel instead of an error dialog. */
export function registerLogged<A extends unknown[], R>(
  output: LogOutputChannel,
  id: string,
  run: (...args: A) => Promise<R>,
): Disposable {
  return commands.registerCommand(id, async (...args: A) => {
    try {
      return await run(...args);
    } catch (error) {
      output.error(`${id} failed: ${describeError(error)}`);
      return undefined;
    }
  });
}

async function openPassage({ catalogue: ready, output }: CommandContext, passageId: unknown): Promise<void> {
  const catalogue = await ready;
  const passage = typeof passageId === 'string' ? catalogue?.passageById.get(passageId) : undefined;
  const source = passage && catalogue?.sourceById.get(passage.sourceId);
  if (!passage || !source) {
    output.warn(`No passage ${JSON.stringify(passageId)} in the corpus.`);
    return;
  }
  // Served read-only (see shippedFiles.ts): the corpus feeds the catalogue and must not change by accident.
  await window.showTextDocument(corpusFileUri(source), { selection: toRange(passage.span), preview: true });
}

async function revealConcept({ conceptsTree, conceptsView, output }: CommandContext, conceptId: unknown): Promise<void> {
  const node = typeof conceptId === 'string' ? await conceptsTree.conceptNode(conceptId) : undefined;
  if (!node) {
    output.warn(`No concept ${JSON.stringify(conceptId)} in the catalogue.`);
    return;
  }
  await conceptsView.reveal(node, { select: true, focus: true, expand: true });
}

/** Lints the active draft, or every Markdown file of the workspace when no draft is active, in the language server. */
async function checkTerminology(context: CommandContext): Promise<CheckResult> {
  const { extensionUri, output } = context;
  const active = window.activeTextEditor?.document;
  const targets =
    active && isDraft(active, extensionUri)
      ? [active.uri]
      : // Dot-folders hold tools' state (.git, .vscode-test, .history), not drafts.
        (await workspace.findFiles('**/*.md', '{**/node_modules/**,**/.*/**}')).filter((uri) => isDraftLocation(uri, extensionUri));
  const results = await Promise.all(targets.map((uri) => checkFile(context, uri)));
  const checked = results.filter((result) => result.status === 'checked');
  const tooLarge = results.filter((result) => result.status === 'too large').length;
  const failed = results.filter((result) => result.status === 'failed');
  for (const failure of failed) output.error(`Check terminology: ${failure.reason}`);
  const result: CheckResult = { findings: checked.reduce((sum, one) => sum + one.findings, 0), files: checked.length, tooLarge, failed: failed.length };
  const notes = [
    ...(tooLarge > 0 ? [`${plural(tooLarge, 'file')} over the size limit`] : []),
    ...(failed.length > 0 ? [`${plural(failed.length, 'file')} failed`] : []),
  ];
  window.setStatusBarMessage(
    `Plumb Line: ${plural(result.findings, 'finding')} in ${plural(result.files, 'file')}${notes.length > 0 ? ` (${notes.join(', ')}; see Output)` : ''}`,
    10_000,
  );
  return result;
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
    return await client.sendRequest<FileCheck>(CHECK_REQUEST, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, text });
  } catch (error) {
    return { status: 'failed', reason: `${uri.toString(true)}: ${describeError(error)}` };
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
