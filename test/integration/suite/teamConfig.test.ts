// The team config file in the editor (issue 10, item 3; issue 9, item 14): `.plumb-line.json` / `.plumb-line.yaml`
// in the workspace is honoured under the settings, a change to it re-lints, and a problem in it is shown on its line.
// Everything here lives in its own folder, so the other suites' drafts are not affected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, plumbLine, plumbLineDiagnostics, ruleIdOf, waitFor, waitForDiagnostics, workspaceFile, type TestApi } from './helpers';

const FOLDER = 'team-config';
const DRAFT = `${FOLDER}/notes/plan.md`;
const CLAIM = 'Marketing closed the deal with Acme.';
const TEXT = `# Plan\n\n${CLAIM}\n`;

const write = (name: string, text: string) => vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));

/**
 * Writes a config file and has the extension send the server the new set at once. The file watcher would send it
 * too, but in code-server under load its events can come many seconds late; what is tested here is what the server
 * does with the files.
 */
async function writeConfig(api: TestApi, name: string, text: string | undefined): Promise<void> {
  if (text === undefined) await vscode.workspace.fs.delete(workspaceFile(name));
  else await write(name, text);
  await api.teamConfig.refresh();
}

function updateRules(value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('plumbLine').update('rules', value, vscode.ConfigurationTarget.Workspace);
}

const claimRange = (document: vscode.TextDocument) => {
  const start = document.positionAt(document.getText().indexOf(CLAIM));
  return new vscode.Range(start, start.translate(0, 'Marketing closed the deal'.length));
};

const findingsOf = (uri: vscode.Uri) =>
  plumbLineDiagnostics(uri).map((d) => [ruleIdOf(d), d.severity, d.range.start.line, d.range.start.character, d.range.end.character]);

describe('team config file (issue 10, item 3; issue 9, item 14)', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
    await write(DRAFT, TEXT);
  });

  after(async () => {
    await updateRules(undefined);
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true });
    await api.teamConfig.refresh();
  });

  it('a config file sets a rule, the settings apply on top, and a change to the file re-lints', async () => {
    await writeConfig(api, `${FOLDER}/.plumb-line.json`, '{\n  // our choices\n  "rules": { "marketing-doing-sales": "error" },\n}\n');
    const { document } = await openDraft(DRAFT);
    const range = claimRange(document);
    const flagged = (severity: vscode.DiagnosticSeverity) => [
      ['marketing-doing-sales', severity, range.start.line, range.start.character, range.end.character],
    ];
    const severity = (wanted: vscode.DiagnosticSeverity) => () => JSON.stringify(findingsOf(document.uri)) === JSON.stringify(flagged(wanted));
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      severity(vscode.DiagnosticSeverity.Error),
      () => `an error: ${JSON.stringify(findingsOf(document.uri))}`,
    );

    // A setting the user set wins over the file.
    await updateRules({ 'marketing-doing-sales': 'hint' });
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      severity(vscode.DiagnosticSeverity.Hint),
      () => `a hint: ${JSON.stringify(findingsOf(document.uri))}`,
    );
    await updateRules(undefined);
    await waitFor(vscode.languages.onDidChangeDiagnostics, severity(vscode.DiagnosticSeverity.Error), 'the error again');

    // The file edited on disk: the open draft is linted again with it, the YAML file of a nearer folder included.
    await writeConfig(api, `${FOLDER}/notes/.plumb-line.yaml`, 'rules:\n  marketing-doing-sales: "off"\n');
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, 'the rule switched off by the nearer file');
    await writeConfig(api, `${FOLDER}/notes/.plumb-line.yaml`, undefined);
    await waitFor(vscode.languages.onDidChangeDiagnostics, severity(vscode.DiagnosticSeverity.Error), 'the error once the nearer file is gone');
  });

  it('a problem in a config file is shown on its line, and the rest of the file still applies', async () => {
    const config = `${FOLDER}/.plumb-line.json`;
    await writeConfig(api, config, '{\n  "rules": {\n    "marketing-doing-sales": "error",\n    "conflation": "loud"\n  }\n}\n');
    const { document } = await openDraft(DRAFT);
    const onFile = await waitForDiagnostics(workspaceFile(config), (diagnostics) => diagnostics.length === 1, 'the invalid value flagged in the config file');
    assert.equal(onFile[0]!.range.start.line, 3);
    assert.equal(onFile[0]!.range.start.character, 4);
    assert.equal(onFile[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(onFile[0]!.message, /^Rule "conflation" has the invalid value "loud"/);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics[0]?.severity === vscode.DiagnosticSeverity.Error, 'the valid rule setting applied');

    // A file that does not parse is an error at its line, and drafts are linted without it.
    await writeConfig(api, config, '{\n  "rules": {\n    "marketing-doing-sales" "error"\n  }\n}\n');
    const broken = await waitForDiagnostics(
      workspaceFile(config),
      (diagnostics) => diagnostics[0]?.severity === vscode.DiagnosticSeverity.Error,
      'the syntax error',
    );
    assert.deepEqual(
      broken.map((d) => [d.range.start.line, d.message]),
      [[2, 'not valid JSON: colon expected']],
    );
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics[0]?.severity === vscode.DiagnosticSeverity.Warning, 'the default severity');

    // Fixed, the file loses its diagnostics.
    await writeConfig(api, config, '{ "rules": { "marketing-doing-sales": "error" } }\n');
    await waitForDiagnostics(workspaceFile(config), (diagnostics) => diagnostics.length === 0, 'no problem left in the config file');
  });
});
