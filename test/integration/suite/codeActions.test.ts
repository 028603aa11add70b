import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lintMarkdown } from '../../../src/core';
import { closeAllEditors, codeActionsOffering, openScratch, plumbLine, ruleIdOf, waitForDiagnostics, type TestApi } from './helpers';

describe('quick fixes', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  after(closeAllEditors);

  it("offers a finding's fixes on its diagnostic, and the preferred one rewrites only that range", async () => {
    const editor = await openScratch('# Review\n\nMarketing closed the deal with Acme last week.\n\nWe met on Tuesday.\n');
    const { document } = editor;
    const [diagnostic] = (
      await waitForDiagnostics(document.uri, (ds) => ds.some((d) => ruleIdOf(d) === 'marketing-doing-sales'), 'marketing-doing-sales')
    ).filter((d) => ruleIdOf(d) === 'marketing-doing-sales');
    assert.ok(diagnostic, 'no marketing-doing-sales diagnostic');

    // The command API does not hand back CodeAction.diagnostics, so the engine's own finding says which fixes to expect.
    const finding = lintMarkdown(document.getText(), api.catalogue).find(
      (f) => f.ruleId === 'marketing-doing-sales' && f.span.start.line === diagnostic.range.start.line,
    );
    assert.ok(finding && finding.fixes.length > 0, 'the engine offers no fixes for this finding');
    const actions = await codeActionsOffering(
      document.uri,
      diagnostic.range,
      finding.fixes.map((fix) => fix.title),
    );
    const fixes = actions.filter((action) => finding.fixes.some((fix) => fix.title === action.title));
    assert.deepEqual(
      fixes.map((action) => action.title),
      finding.fixes.map((fix) => fix.title),
      `offered: ${actions.map((a) => a.title).join(', ')}`,
    );
    for (const fix of fixes) assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `${fix.title} is not a quick fix`);
    const preferred = fixes.filter((fix) => fix.isPreferred);
    assert.deepEqual(
      preferred.map((fix) => fix.title),
      [finding.fixes.find((fix) => fix.kind === 'replace')?.title],
      'the replace fix, and only it, is preferred',
    );
    const [replace] = preferred;
    assert.ok(replace?.edit, 'the replace fix has no edit');
    for (const [uri, edits] of replace.edit.entries()) {
      assert.equal(uri.toString(), document.uri.toString());
      for (const edit of edits) assert.ok(diagnostic.range.contains(edit.range), `edit ${JSON.stringify(edit.range)} lies outside the finding`);
    }

    const before = document.getText();
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    const after = document.getText();
    const suffixLength = before.length - end;
    assert.equal(after.slice(0, start), before.slice(0, start), 'text before the finding changed');
    assert.equal(after.slice(after.length - suffixLength), before.slice(end), 'text after the finding changed');
    assert.notEqual(after, before);

    await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => ruleIdOf(d) === 'marketing-doing-sales'), 'the fixed finding to go away');
  });
});
