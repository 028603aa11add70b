import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckResult } from '../../../src/vscode/commands';
import {
  closeAllEditors,
  openDraft,
  plumbLine,
  plumbLineDiagnostics,
  ruleIdOf,
  ruleLines,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
  type TestApi,
} from './helpers';

describe('commands', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  afterEach(closeAllEditors);

  it('Check terminology checks the active Markdown editor', async () => {
    const { document } = await openDraft('conflated.md');
    const result = await vscode.commands.executeCommand<CheckResult>('plumbLine.checkTerminology');
    assert.deepEqual(result, { findings: 2, files: 1, tooLarge: 0, failed: 0, cancelled: false, summary: 'Plumb Line: 2 findings in 1 file.' });
    assert.equal(plumbLineDiagnostics(document.uri).length, result.findings);
  });

  it('Check terminology checks every Markdown file of the workspace when no Markdown editor is active', async () => {
    await closeAllEditors();
    const markdown = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
    const result = await vscode.commands.executeCommand<CheckResult>('plumbLine.checkTerminology');
    // Every Markdown file but the copies in dot-folders (.history holds one with findings).
    const drafts = markdown.filter((uri) => !uri.path.includes('/.history/'));
    assert.ok(markdown.length > drafts.length, 'the workspace has a local-history copy to pass over');
    assert.equal(result.files, drafts.length);
    assert.deepEqual(plumbLineDiagnostics(workspaceFile('.history/conflated-20261201.md')), []);
    assert.ok(result.findings > 0, 'no findings in the workspace');
    assert.ok(plumbLineDiagnostics(workspaceFile('conflated.md')).length > 0, 'conflated.md, checked from disk, has no diagnostics');
    assert.deepEqual(plumbLineDiagnostics(workspaceFile('clean.md')), []);
  });

  it('after a setting changes, the files Check terminology read from disk are checked again (issue 9, item 10)', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand<CheckResult>('plumbLine.checkTerminology');
    const uri = workspaceFile('conflated.md');
    const found = plumbLineDiagnostics(uri);
    assert.ok(found.length > 0, 'conflated.md, checked from disk, has no diagnostics');
    const off = Object.fromEntries([...new Set(found.flatMap((diagnostic) => ruleIdOf(diagnostic) ?? []))].map((ruleId) => [ruleId, 'off'] as const));
    const settings = vscode.workspace.getConfiguration('plumbLine');
    try {
      await settings.update('rules', off, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0, 'no diagnostics left on conflated.md once its rules are off');
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === found.length, 'the findings back once the rules are on again');
  });

  it('Open source passage opens the corpus file with the passage selected', async () => {
    const passage = api.catalogue.corpus.passages[0];
    assert.ok(passage, 'the corpus has no passages');
    const source = api.catalogue.corpus.sourceById.get(passage.sourceId);
    assert.ok(source);
    await vscode.commands.executeCommand('plumbLine.openPassage', passage.id);
    await waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith(`/corpus/${source.file}`) === true,
      `an editor on corpus/${source.file}`,
    );
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.offsetAt(editor.selection.start), passage.span.start.offset);
    assert.equal(editor.document.offsetAt(editor.selection.end), passage.span.end.offset);
    await assertReadOnly(editor.document);
  });

  it('a file Check terminology read from disk loses its findings when it is deleted or renamed (issue 12, item 6)', async () => {
    await closeAllEditors();
    const draft = await vscode.workspace.fs.readFile(workspaceFile('conflated.md'));
    const deleted = workspaceFile('checked-then-deleted.md');
    const renamed = workspaceFile('checked-then-renamed.md');
    const renamedTo = workspaceFile('checked-then-renamed.txt');
    try {
      for (const uri of [deleted, renamed]) await vscode.workspace.fs.writeFile(uri, draft);
      await vscode.commands.executeCommand<CheckResult>('plumbLine.checkTerminology');
      const expected = ruleLines(plumbLineDiagnostics(workspaceFile('conflated.md')));
      assert.ok(expected.length > 0, 'conflated.md, checked from disk, has no diagnostics');
      for (const uri of [deleted, renamed]) {
        await waitForDiagnostics(uri, (found) => ruleLines(found).join() === expected.join(), `the findings of ${uri.path}`);
      }

      // As a terminal or git would: straight on the disk, so only a watcher can tell.
      await vscode.workspace.fs.delete(deleted);
      await vscode.workspace.fs.rename(renamed, renamedTo);
      for (const uri of [deleted, renamed]) await waitForDiagnostics(uri, (found) => found.length === 0, `no findings left on ${uri.path}, which is gone`);
      assert.deepEqual(ruleLines(plumbLineDiagnostics(workspaceFile('conflated.md'))), expected, 'a file still there keeps its findings');
    } finally {
      for (const uri of [deleted, renamed, renamedTo]) {
        try {
          await vscode.workspace.fs.delete(uri);
        } catch {
          // Gone already, as the test meant.
        }
      }
    }
  });

  it('every way to a corpus passage opens it read-only: evidence links, a direct open', async () => {
    const { document } = await openDraft('conflated.md');
    const [diagnostic] = await waitForDiagnostics(document.uri, (found) => found.length > 0, 'diagnostics on conflated.md');
    const evidence = (diagnostic!.relatedInformation ?? []).find((info) => info.location.uri.path.startsWith('/corpus/'));
    assert.ok(evidence, 'the finding cites a corpus passage');
    const uri = evidence.location.uri;
    assert.equal(vscode.workspace.fs.isWritableFileSystem(uri.scheme), false);
    // What the Problems panel and an evidence link do: open the URI in an editor.
    await vscode.commands.executeCommand('vscode.open', uri);
    const opened = () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
    await waitFor(vscode.window.onDidChangeActiveTextEditor, opened, `an editor on ${uri.toString()}`);
    await assertReadOnly(vscode.window.activeTextEditor!.document);
    assert.deepEqual(plumbLineDiagnostics(uri), [], `${uri.toString()} is linted`);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('lost'))), /NoPermissions|permission/i);
    const outside = vscode.Uri.from({ scheme: uri.scheme, path: '/package.json' });
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(outside)), /EntryNotFound|FileNotFound/);
  });

  it("a finding's rule link opens the rule page rendered in the Markdown preview, never as a draft (issue 9, item 7)", async () => {
    const { document } = await openDraft('conflated.md');
    const [diagnostic] = await waitForDiagnostics(document.uri, (found) => found.length > 0, 'diagnostics on conflated.md');
    const code = diagnostic!.code;
    assert.ok(typeof code === 'object' && code.target, 'the finding links its rule page');
    const page = code.target;
    assert.equal(vscode.workspace.fs.isWritableFileSystem(page.scheme), false);
    // What the Problems panel does with the link.
    await vscode.commands.executeCommand('vscode.open', page);
    const previews = () => allTabs().filter((tab) => isMarkdownPreviewOf(tab, page));
    await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => previews().length > 0, `a Markdown preview of ${page.toString()}`);
    const isPage = (uri: vscode.Uri) => uri.toString() === page.toString();
    assert.deepEqual(
      allTabs().filter((tab) => tab.input instanceof vscode.TabInputText && isPage(tab.input.uri)),
      [],
      'a text tab shows the page',
    );
    assert.deepEqual(
      vscode.window.visibleTextEditors.filter((editor) => isPage(editor.document.uri)),
      [],
      'a text editor shows the page',
    );
    // The preview reads the page as a Markdown document, so the language server has it; it must not lint it.
    assert.ok(
      vscode.workspace.textDocuments.some((open) => isPage(open.uri) && open.languageId === 'markdown'),
      'the page is not open',
    );
    assert.deepEqual(plumbLineDiagnostics(page), [], `${page.toString()} is linted`);
  });

  it("a setting's rule link opens that rule's page in the Markdown preview, the same page a finding links (issue 9, item 13)", async () => {
    const { document } = await openDraft('conflated.md');
    const [diagnostic] = await waitForDiagnostics(document.uri, (found) => found.length > 0, 'diagnostics on conflated.md');
    const code = diagnostic!.code;
    assert.ok(typeof code === 'object' && code.target, 'the finding links its rule page');
    await closeAllEditors();
    // The settings' links run the command with the rule id (see scripts/manifest.ts).
    await vscode.commands.executeCommand('plumbLine.openRulePage', String(code.value));
    const previews = () => allTabs().filter((tab) => isMarkdownPreviewOf(tab, code.target));
    await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => previews().length > 0, `a Markdown preview of ${code.target.toString()}`);
    assert.deepEqual(
      allTabs().map((tab) => tab.label),
      previews().map((tab) => tab.label),
      'the command opened something besides the page',
    );
  });
});

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

/** The built-in Markdown preview: its custom editor on the file, or the preview panel (which names no file) titled after it. */
function isMarkdownPreviewOf(tab: vscode.Tab, uri: vscode.Uri): boolean {
  const { input } = tab;
  if (input instanceof vscode.TabInputCustom) return input.viewType.includes('markdown.preview') && input.uri.toString() === uri.toString();
  const name = uri.path.split('/').pop() ?? '';
  return input instanceof vscode.TabInputWebview && input.viewType.includes('markdown.preview') && tab.label.includes(name);
}

/** Typing into the active editor, as a user would by accident, changes nothing and leaves nothing to save. */
async function assertReadOnly(document: vscode.TextDocument): Promise<void> {
  assert.equal(vscode.window.activeTextEditor?.document, document, 'the document is in the active editor');
  const before = document.getText();
  await vscode.commands.executeCommand('type', { text: 'typed by accident ' });
  assert.equal(document.getText(), before, `${document.uri.toString()} took typing`);
  assert.equal(document.isDirty, false);
}
