import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'plumb-line.plumb-line';

describe('activation', () => {
  it('activates when a Markdown document from the workspace opens', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in the extension host`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');

    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');

    // Opening the document fires onLanguage:markdown; activate() waits for that activation to finish.
    await extension.activate();
    assert.ok(extension.isActive, `${extensionId} is not active after opening ${document.uri.path}`);
  });
});
