// The team's own sources and concepts in the editor (issue 11): a team source in the Sources view, its passage quoted
// in a hover and linked from a diagnostic, and a moved activity changing what is flagged. The files are written at the
// workspace's top, where the views look, and removed afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TeamGroup } from '../../../src/vscode/sourcesTree';
import {
  codeActionsOffering,
  closeAllEditors,
  hoverText,
  openDraft,
  plumbLine,
  plumbLineDiagnostics,
  ruleIdOf,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
  type TestApi,
} from './helpers';

const PLAYBOOK = '.plumb-line/sources/playbook.md';
const PLAYBOOK_TEXT = '# Field playbook\n\n## Events\n\nAt Acme the sales team runs every trade show, from the booth to the follow-up calls.\n';
const BROKEN = '.plumb-line/sources/broken.md';
const CONFIG = '.plumb-line.json';
const CONFIG_TEXT = JSON.stringify(
  {
    moves: [{ activity: 'run trade shows', side: 'sales', source: 'runs every trade show' }],
    concepts: [{ id: 'field-days', label: 'Field days', side: 'sales', definition: 'Days a rep spends on site with a customer.', terms: ['field day'] }],
  },
  null,
  2,
);
const DRAFT = 'team-draft.md';
const CLAIM = 'Marketing runs the trade shows.';

const write = (name: string, text: string) => vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));

describe('team sources and concepts (issue 11)', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
    await write(DRAFT, `# Events\n\n${CLAIM}\n\nOur field day is in May.\n`);
    await write(PLAYBOOK, PLAYBOOK_TEXT);
    // A source whose front matter does not parse is left out, with a line in the log; the rest still loads.
    await write(BROKEN, '---\ntitle: [unclosed\n---\n\n# Broken\n\nText.\n');
    await write(CONFIG, CONFIG_TEXT);
    // At once, not when the file watcher gets to it (many seconds late in code-server under load).
    await api.teamConfig.refresh();
    await waitFor(api.sourcesTree.onDidChangeTreeData, () => api.sourcesTree.teamSources().length > 0, 'the team sources in the Sources view');
  });

  after(async () => {
    await closeAllEditors();
    for (const name of [CONFIG, '.plumb-line', DRAFT, 'teach']) await vscode.workspace.fs.delete(workspaceFile(name), { recursive: true });
    await api.teamConfig.refresh();
    // The other suites see the bundled catalogue again, in both views (each is given it in its own turn).
    await waitFor(api.sourcesTree.onDidChangeTreeData, () => api.sourcesTree.teamSources().length === 0, 'the team sources gone from the Sources view');
    await waitFor(api.conceptsTree.onDidChangeTreeData, () => api.conceptsTree.teamConcepts().length === 0, 'the team concepts gone from the Concepts view');
  });

  it('lists a team source in the Sources view, in a group of its own after the bundled articles', async () => {
    const root = await api.sourcesTree.getChildren();
    const group = root.at(-1) as TeamGroup;
    assert.equal(root.length, 6);
    assert.equal(api.sourcesTree.getTreeItem(group).label, 'Your team');
    const sources = await api.sourcesTree.getChildren(group);
    assert.deepEqual(
      sources.map((source) => api.sourcesTree.getTreeItem(source).label),
      ['Field playbook'],
    );
  });

  it('a moved activity is flagged by the team choice, and the diagnostic links the team passage and the bundled one', async () => {
    const { document } = await openDraft(DRAFT);
    const [finding] = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0, 'the moved activity flagged');
    assert.ok(finding);
    assert.deepEqual(
      [plumbLineDiagnostics(document.uri).length, ruleIdOf(finding), finding.range.start.line, finding.range.start.character, finding.range.end.character],
      [1, 'marketing-doing-sales', 2, 0, CLAIM.length - 1],
    );
    assert.match(finding.message, / Your team gives this to sales \(Field playbook\); the bundled sources give it to marketing\.$/);
    // After the reading (on the draft itself), the evidence: the team's passage, then the bundled article's.
    const [team, bundled] = (finding.relatedInformation ?? []).filter((related) => related.location.uri.toString() !== document.uri.toString());
    assert.equal(team?.location.uri.toString(), workspaceFile(PLAYBOOK).toString());
    assert.equal(team?.location.range.start.line, 4);
    assert.match(team?.message ?? '', /^“At Acme the sales team runs every trade show.*” — Field playbook$/);
    assert.equal(bundled?.location.uri.scheme, 'plumb-line');
  });

  it("hover cards quote the team passage for the moved activity, and show the team's concept", async () => {
    const { document } = await openDraft(DRAFT);
    const at = (fragment: string) => document.positionAt(document.getText().indexOf(fragment) + 2);
    const [moved] = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('trade shows'))) ?? [];
    assert.ok(moved, 'no card on the moved activity');
    const text = hoverText(moved);
    assert.match(text, /^\*\*Running trade shows\*\* · Sales · your team's choice \(the bundled sources: Marketing\)/);
    assert.match(
      text,
      /> At Acme the sales team runs every trade show, from the booth to the follow-up calls\.\n>\n> — \*Field playbook\* \(your team\) · \[Open passage\]/,
    );
    const [added] = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('field day'))) ?? [];
    assert.ok(added, 'no card on the team concept');
    assert.match(hoverText(added), /^\*\*Field days\*\* · Sales · your team's concept\n\nDays a rep spends on site with a customer\./);
  });

  it('opens a team passage in its own file with the passage selected', async () => {
    await vscode.commands.executeCommand('plumbLine.openPassage', 'team:playbook#p1');
    await waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () => vscode.window.activeTextEditor?.document.uri.toString() === workspaceFile(PLAYBOOK).toString(),
      'the playbook',
    );
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'At Acme the sales team runs every trade show, from the booth to the follow-up calls.');
  });

  it('the teach quick fix records the team choice in the config file, keeping its formatting, and the finding goes away', async () => {
    await write('teach/deal.md', '# Deals\n\nMarketing closed the Acme deal.\n');
    const { document } = await openDraft('teach/deal.md');
    const [finding] = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 1, 'the claim flagged');
    assert.ok(finding);
    const title = "In our team, closing the acme deal is marketing's work";
    const actions = await codeActionsOffering(document.uri, finding.range, [title]);
    assert.deepEqual(
      actions.filter((action) => action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind)).map((action) => action.title),
      ['Replace with “Sales”', title, 'Ignore marketing-doing-sales on this line', 'Disable marketing-doing-sales in this file'],
    );
    const teach = actions.find((action) => action.title === title)!;
    const written = await vscode.commands.executeCommand<{ written?: vscode.Uri; problem?: string }>(
      teach.command!.command,
      ...((teach.command!.arguments ?? []) as unknown[]),
    );
    assert.equal(written?.written?.toString(), workspaceFile(CONFIG).toString(), written?.problem);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, 'no finding once the team said so');
    const config = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(CONFIG)));
    // The file as it was, with one more move after the last one, at its indentation.
    const before = CONFIG_TEXT.slice(0, CONFIG_TEXT.indexOf('\n  ],\n  "concepts"'));
    assert.equal(
      config.slice(0, config.indexOf('\n  ],\n  "concepts"')),
      `${before},\n    {\n      "activity": "close the acme deal",\n      "side": "marketing"\n    }`,
    );
    assert.equal(config.slice(config.indexOf('\n  ],\n  "concepts"')), CONFIG_TEXT.slice(CONFIG_TEXT.indexOf('\n  ],\n  "concepts"')));
  });
});
