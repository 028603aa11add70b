// The extension's commands: open a corpus passage, reveal a concept, check the active draft or the workspace.
import { commands, window, workspace, type Disposable, type LogOutputChannel, type TreeView, type Uri } from 'vscode';
import type { Catalogue } from '../core';
import type { ConceptsElement, ConceptsTreeProvider } from './conceptsTree';
import { corpusFileUri, describeError, isDraftLocation, toRange } from './convert';
import type { DiagnosticsController } from './diagnostics';

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
  catalogue: Catalogue;
  diagnostics: DiagnosticsController;
  conceptsTree: ConceptsTreeProvider;
  conceptsView: TreeView<ConceptsElement>;
  extensionUri: Uri;
  output: LogOutputChannel;
}

export function registerCommands(context: CommandContext): Disposable[] {
  const { output } = context;
  return [
    registerLogged(output, 'plumbLine.openPassage', (passageId: unknown) => openPassage(context, passageId)),
    registerLogged(output, 'plumbLine.revealConcept', (conceptId: unknown) => revealConcept(context, conceptId)),
    registerLogged(output, 'plumbLine.checkTerminology', () => checkTerminology(context)),
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

async function openPassage({ catalogue, output }: CommandContext, passageId: unknown): Promise<void> {
  const passage = typeof passageId === 'string' ? catalogue.corpus.passageById.get(passageId) : undefined;
  const source = passage && catalogue.corpus.sourceById.get(passage.sourceId);
  if (!passage || !source) {
    output.warn(`No passage ${JSON.stringify(passageId)} in the corpus.`);
    return;
  }
  // Served read-only (see shippedFiles.ts): the corpus feeds the catalogue and must not change by accident.
  await window.showTextDocument(corpusFileUri(source), { selection: toRange(passage.span), preview: true });
}

async function revealConcept({ conceptsTree, conceptsView, output }: CommandContext, conceptId: unknown): Promise<void> {
  const node = typeof conceptId === 'string' ? conceptsTree.conceptNode(conceptId) : undefined;
  if (!node) {
    output.warn(`No concept ${JSON.stringify(conceptId)} in the catalogue.`);
    return;
  }
  await conceptsView.reveal(node, { select: true, focus: true, expand: true });
}

/** Lints the active draft, or every Markdown file of the workspace when no draft is active. */
async function checkTerminology({ diagnostics, extensionUri }: CommandContext): Promise<CheckResult> {
  const active = window.activeTextEditor?.document;
  const results =
    active && diagnostics.isLintable(active)
      ? [diagnostics.lintDocument(active)]
      : await Promise.all(
          // Dot-folders hold tools' state (.git, .vscode-test, .history), not drafts.
          (await workspace.findFiles('**/*.md', '{**/node_modules/**,**/.*/**}'))
            .filter((uri) => isDraftLocation(uri, extensionUri))
            .map((uri) => diagnostics.lintFile(uri)),
        );
  const checked = results.filter((findings) => Array.isArray(findings));
  const tooLarge = results.filter((findings) => findings === 'too large').length;
  const failed = results.length - checked.length - tooLarge;
  const result: CheckResult = { findings: checked.reduce((sum, findings) => sum + findings.length, 0), files: checked.length, tooLarge, failed };
  const notes = [...(tooLarge > 0 ? [`${plural(tooLarge, 'file')} over the size limit`] : []), ...(failed > 0 ? [`${plural(failed, 'file')} failed`] : [])];
  window.setStatusBarMessage(
    `Plumb Line: ${plural(result.findings, 'finding')} in ${plural(result.files, 'file')}${notes.length > 0 ? ` (${notes.join(', ')}; see Output)` : ''}`,
    10_000,
  );
  return result;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
