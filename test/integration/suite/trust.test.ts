import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hasRule, hoverText, openDraft, plumbLine, waitForDiagnostics } from './helpers';

const EXTENSION_ID = 'plumb-line.plumb-line';

// The README promises the extension "runs fully in Restricted Mode"; these tests hold it to that.
describe('Restricted Mode (untrusted workspace)', () => {
  before(function () {
    if (!vscode.workspace.isTrusted) return;
    // The desktop run (@vscode/test-electron) always passes --disable-workspace-trust, so it cannot test Restricted Mode.
    if (process.env.PLUMB_LINE_VSCODE === 'desktop') this.skip();
    assert.fail('the workspace is trusted: the harness is not testing Restricted Mode (code-server must run without --disable-workspace-trust)');
  });

  afterEach(closeAllEditors);

  it('activates and loads its corpus', async () => {
    await plumbLine();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} is not active`);
  });

  it("lints the workspace's drafts", async () => {
    await plumbLine();
    const { document } = await openDraft('conflated.md');
    await waitForDiagnostics(
      document.uri,
      (ds) => hasRule('marketing-doing-sales')(ds) && hasRule('sales-doing-marketing')(ds),
      'marketing-doing-sales and sales-doing-marketing in Restricted Mode',
    );
  });

  it('shows hover cards', async () => {
    await plumbLine();
    const { document } = await openDraft('hover.md');
    const position = document.positionAt(document.getText().indexOf('closing') + 2);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
    const cards = hovers.filter((hover) => hoverText(hover).includes('command:plumbLine.revealConcept'));
    assert.equal(cards.length, 1, `expected one Plumb Line hover card on "closing", got ${hovers.length} hover(s)`);
  });
});
