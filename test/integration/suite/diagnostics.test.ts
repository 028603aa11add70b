import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULES, type RuleId } from '../../../src/core';
import type { CheckResult } from '../../../src/vscode/commands';
import {
  closeAllEditors,
  hasRule,
  lineOf,
  openDraft,
  openScratch,
  plumbLine,
  plumbLineDiagnostics,
  ruleIdOf,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

describe('diagnostics', () => {
  before(plumbLine);
  afterEach(closeAllEditors);

  it("flags each function credited with the other one's work, on its line, with docs and evidence", async () => {
    const { document } = await openDraft('conflated.md');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => hasRule('marketing-doing-sales')(ds) && hasRule('sales-doing-marketing')(ds),
      'marketing-doing-sales and sales-doing-marketing',
    );
    const expectedLines: [RuleId, number][] = [
      ['marketing-doing-sales', lineOf(document, 'Marketing closed the deal')],
      ['sales-doing-marketing', lineOf(document, 'Our sales team will launch')],
    ];
    const expectedReadings: Partial<Record<RuleId, string>> = {
      'marketing-doing-sales': "Read as: “Marketing” → “closed the deal” (Closing the sale, sales' work)",
      'sales-doing-marketing': "Read as: “sales team” → “launch a TV advertising campaign” (Advertising and PR, marketing's work)",
    };
    const expectedMessages: Partial<Record<RuleId, string>> = {
      'marketing-doing-sales': '“Marketing” is credited with closing the sale, which is sales work. Write “Sales”, or say how marketing supports sales.',
      'sales-doing-marketing':
        '“sales team” is credited with advertising and PR, which is marketing work. Write “marketing”, or say how sales supports marketing.',
    };
    // The corpus passages cited, as file and 0-based line.
    const expectedEvidence: Partial<Record<RuleId, [string, number][]>> = {
      'marketing-doing-sales': [
        ['linkedin-survey.md', 22],
        ['understanding-the-difference.md', 27],
      ],
      'sales-doing-marketing': [
        ['not-the-same-thing.md', 26],
        ['not-the-same-thing.md', 14],
      ],
    };
    for (const [ruleId, line] of expectedLines) {
      const diagnostic = diagnostics.find((d) => ruleIdOf(d) === ruleId);
      assert.ok(diagnostic);
      assert.equal(diagnostic.range.start.line, line, `${ruleId} is on the wrong line`);
      assert.equal(diagnostic.message, expectedMessages[ruleId]);
      // The reading comes first among the related information, on the finding's own range.
      const reading = diagnostic.relatedInformation?.[0];
      assert.equal(reading?.message, expectedReadings[ruleId]);
      assert.equal(reading?.location.uri.toString(), document.uri.toString());
      assert.deepEqual(reading?.location.range, diagnostic.range);
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.ok(code.target.path.endsWith(`/${RULES[ruleId].docs}`), `${ruleId} links to ${code.target.toString()}`);
      const evidence = (diagnostic.relatedInformation ?? []).filter((info) => /\/corpus\/[^/]+\.md$/.test(info.location.uri.path));
      const cited = evidence.map((info): [string, number] => [info.location.uri.path.split('/').pop() ?? '', info.location.range.start.line]);
      assert.deepEqual(cited, expectedEvidence[ruleId], `${ruleId} cites other passages`);
      for (const info of evidence) {
        assert.match(info.message, /^“.+” — .+/);
        const corpusText = new TextDecoder().decode(await vscode.workspace.fs.readFile(info.location.uri));
        assert.ok(info.location.range.end.line < corpusText.split('\n').length, 'evidence range lies outside its corpus file');
      }
    }
  });

  it('leaves a draft with correct usage alone', async () => {
    const { document } = await openDraft('clean.md');
    const result = await vscode.commands.executeCommand<CheckResult>('plumbLine.checkTerminology');
    assert.deepEqual(result, { findings: 0, files: 1, tooLarge: 0, failed: 0, cancelled: false, summary: 'Plumb Line: 0 findings in 1 file.' });
    assert.deepEqual(plumbLineDiagnostics(document.uri), []);
  });

  it('never lints the copies editors keep of a draft (local history, backups)', async () => {
    const copy = workspaceFile('.history/conflated-20261201.md');
    await vscode.commands.executeCommand('vscode.open', copy);
    // A draft with findings opened after it: once its diagnostics arrive, the copy has been seen and passed over.
    const { document } = await openDraft('conflated.md');
    await waitForDiagnostics(document.uri, hasRule('marketing-doing-sales'), 'findings in conflated.md');
    assert.deepEqual(plumbLineDiagnostics(copy), []);
  });

  it("clears a document's diagnostics when it closes", async () => {
    const { document } = await openDraft('conflated.md');
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'findings in conflated.md');
    const closed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() !== document.uri.toString()) return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(workspaceFile('conflated.md'), (ds) => ds.length === 0, 'no diagnostics after closing');
  });

  it('drops a finding as soon as the text no longer has the problem', async () => {
    const original = 'Marketing closed the deal with Acme last week.\n';
    const editor = await openScratch(original);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasRule('marketing-doing-sales'), 'marketing-doing-sales in the scratch draft');
    const at = original.indexOf('Marketing');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Marketing'.length)), 'Sales'));
    await waitForDiagnostics(uri, (ds) => !hasRule('marketing-doing-sales')(ds), 'marketing-doing-sales to go away');
  });

  it('re-lints open drafts when a rule is switched off in the settings', async () => {
    const { document } = await openDraft('conflated.md');
    await waitForDiagnostics(document.uri, hasRule('marketing-doing-sales'), 'marketing-doing-sales');
    const config = vscode.workspace.getConfiguration('plumbLine', document.uri);
    const rules = { 'marketing-doing-sales': 'off' };
    await config.update('rules', rules, vscode.ConfigurationTarget.Global);
    try {
      const onlySalesDoingMarketing = (ds: vscode.Diagnostic[]) => !hasRule('marketing-doing-sales')(ds) && hasRule('sales-doing-marketing')(ds);
      await waitForDiagnostics(document.uri, onlySalesDoingMarketing, 'only sales-doing-marketing');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => hasRule('marketing-doing-sales')(plumbLineDiagnostics(document.uri)), 'the rule to come back');
  });
});
