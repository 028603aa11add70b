import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, plumbLine, plumbLineDiagnostics, waitFor, waitForDiagnostics, type TestApi } from './helpers';

describe('status-bar item (issue 9, item 12)', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('plumbLine').update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it("shows the active draft's findings, and a click turns linting as you type off and on for the workspace", async () => {
    const { status } = api;
    const { document } = await openDraft('conflated.md');
    const found = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 2, 'the two findings of conflated.md');
    await waitFor(
      status.onDidUpdate,
      () => status.item.text === `$(checklist) ${found.length}`,
      () => `"$(checklist) 2", last "${status.item.text}"`,
    );
    assert.equal(status.item.command, 'plumbLine.toggleLinting');

    const off = await vscode.commands.executeCommand<boolean>(status.item.command);
    assert.equal(off, false);
    assert.equal(vscode.workspace.getConfiguration('plumbLine').inspect('enable')?.workspaceValue, false);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, 'no findings once linting is off');
    await waitFor(
      status.onDidUpdate,
      () => status.item.text === '$(circle-slash) Plumb Line',
      () => `the off state, last "${status.item.text}"`,
    );

    const on = await vscode.commands.executeCommand<boolean>(status.item.command);
    assert.equal(on, true);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === found.length, 'the findings back once linting is on');
    await waitFor(
      status.onDidUpdate,
      () => status.item.text === `$(checklist) ${found.length}`,
      () => `"$(checklist) 2" again, last "${status.item.text}"`,
    );
    const lines = (diagnostics: vscode.Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.range.start.line);
    assert.deepEqual(lines(plumbLineDiagnostics(document.uri)), lines(found));
  });
});
