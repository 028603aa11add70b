// Shared by the Plumb Line integration tests: reach the extension's API, open drafts, wait on events (never on sleeps).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { Catalogue, RuleId } from '../../../src/core';
import { loadCatalogue } from '../../../src/corpusFolder';
import type { CatalogueView } from '../../../src/vscode/catalogueView';
import type { PlumbLineApi } from '../../../src/vscode/extension';

const EXTENSION_ID = 'plumb-line.plumb-line';
const TIMEOUT_MS = 15_000;

/** The extension's API with what the tests compare it against: the catalogue the views got, and one the engine builds here. */
export interface TestApi extends Omit<PlumbLineApi, 'catalogue'> {
  /** What the language server sent the views. */
  view: CatalogueView;
  /** The engine's own catalogue of the extension's corpus, built in the test: the expected values. */
  catalogue: Catalogue;
}

let engineCatalogue: Catalogue | undefined;

export async function plumbLine(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<PlumbLineApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api, 'activate() returned no API');
  const view = await api.catalogue;
  assert.ok(view, 'the language server sent no catalogue (see Output › Plumb Line)');
  engineCatalogue ??= loadCatalogue(join(extension.extensionPath, 'corpus'));
  return { ...api, view, catalogue: engineCatalogue };
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Opens a workspace draft in an editor the way a user does. Unlike `workspace.openTextDocument`, this leaves no
 * extension-held reference, so closing the editor really closes the document.
 */
export async function openDraft(name: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.commands.executeCommand('vscode.open', uri);
  return activeEditorFor(uri);
}

/** A scratch Markdown document, so edits never touch the workspace files. */
let scratches = 0;
export async function openScratch(content: string): Promise<vscode.TextEditor> {
  // Each its own name: VS Code names content-only scratch documents Untitled-1, Untitled-2…, and right after one is
  // closed it can hand the next Untitled-1 the old one's editor and text.
  scratches += 1;
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `scratch-${scratches}.md` });
  const document = await vscode.workspace.openTextDocument(uri);
  const markdown = document.languageId === 'markdown' ? document : await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  const editor = await vscode.window.showTextDocument(markdown);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  assert.equal(editor.document.getText(), content, `${editor.document.uri.toString()} is not the scratch draft just opened`);
  return editor;
}

/** Closes every editor, discarding edits first so no "save changes?" prompt can block the run. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  if (vscode.window.activeTextEditor) await waitFor(vscode.window.onDidChangeActiveTextEditor, () => !vscode.window.activeTextEditor, 'no active editor');
  // A scratch draft closed is gone only once VS Code has disposed of it: until then the next scratch draft, which gets
  // the same name (Untitled-1), could be handed the old one's document.
  const untitled = () => vscode.workspace.textDocuments.filter((document) => document.isUntitled && document.languageId === 'markdown');
  if (untitled().length > 0)
    await waitFor(
      vscode.workspace.onDidCloseTextDocument,
      () => untitled().length === 0,
      () => `${untitled().length} scratch drafts to close`,
    );
}

export function plumbLineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Plumb Line');
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : undefined;
}

export const hasRule = (ruleId: RuleId) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleIdOf(d) === ruleId);

/** Each diagnostic as `rule@line` (0-based), in document order: a whole result compared in one assertion. */
export function ruleLines(diagnostics: vscode.Diagnostic[]): string[] {
  return [...diagnostics].sort((a, b) => a.range.start.compareTo(b.range.start)).map((d) => `${ruleIdOf(d)}@${d.range.start.line}`);
}

/** The 0-based line of the first occurrence of `fragment`, at or after `from`. */
export function lineOf(document: vscode.TextDocument, fragment: string, from = 0): number {
  const offset = document.getText().indexOf(fragment, document.offsetAt(new vscode.Position(from, 0)));
  assert.ok(offset >= 0, `"${fragment}" is not in ${document.uri.path} from line ${from}`);
  return document.positionAt(offset).line;
}

/** Resolves with the Plumb Line diagnostics of `uri` once they satisfy `predicate`, now or after a later change. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  await waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => predicate(plumbLineDiagnostics(uri)),
    () => `${what}; diagnostics of ${uri.path}: ${describeDiagnostics(plumbLineDiagnostics(uri))}`,
  );
  return plumbLineDiagnostics(uri);
}

/**
 * The code actions offered on `range`, once every one titled in `titles` is among them (or the time is up). When the
 * document's set of code action providers changes during a request (other Markdown providers still register just
 * after start-up), VS Code silently drops the answers that arrive late, ours included, so such a request is repeated.
 */
export async function codeActionsOffering(uri: vscode.Uri, range: vscode.Range, titles: string[]): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
    if (titles.every((title) => actions.some((action) => action.title === title)) || Date.now() > deadline) return actions;
  }
}

/** Resolves when `condition` holds, checking now and after each firing of `event`; fails after a timeout. */
export function waitFor<T>(event: vscode.Event<T>, condition: () => boolean, what: string | (() => string)): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`));
    }, TIMEOUT_MS);
    const listener = event(() => {
      if (!condition()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

export function nextEvent<T>(event: vscode.Event<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('Timed out waiting for an event'));
    }, TIMEOUT_MS);
    const listener = event((value) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/** The text of a hover's contents, with Markdown backslash escapes removed. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function activeEditorFor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const matches = () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
  return waitFor(vscode.window.onDidChangeActiveTextEditor, matches, `an editor on ${uri.path}`).then(() => vscode.window.activeTextEditor!);
}

function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${ruleIdOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ');
}
