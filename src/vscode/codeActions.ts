// Offers a finding's fixes as quick fixes on its diagnostic, matched by rule id and range, never by message text.
import {
  CodeAction,
  CodeActionKind,
  WorkspaceEdit,
  type CodeActionContext,
  type CodeActionProvider,
  type Diagnostic,
  type Range,
  type TextDocument,
} from 'vscode';
import { RULE_IDS, type Fix, type RuleId } from '../core';
import { toRange } from './convert';
import { DIAGNOSTIC_SOURCE, type DiagnosticsController } from './diagnostics';

export class FixProvider implements CodeActionProvider {
  static readonly providedCodeActionKinds = [CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(document: TextDocument, _range: Range, context: CodeActionContext): CodeAction[] {
    const findings = this.diagnostics.findingsFor(document);
    return context.diagnostics.flatMap((diagnostic) => {
      const ruleId = ruleIdOf(diagnostic);
      const finding = ruleId && findings.find((f) => f.ruleId === ruleId && toRange(f.span).isEqual(diagnostic.range));
      if (!finding) return [];
      // VS Code applies "the" preferred fix on auto-fix, so only the first replacement claims it.
      const preferred = finding.fixes.find((fix) => fix.kind === 'replace');
      return finding.fixes.map((fix) => toCodeAction(document, diagnostic, fix, fix === preferred));
    });
  }
}

function ruleIdOf(diagnostic: Diagnostic): RuleId | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'object') return undefined;
  const value = diagnostic.code.value;
  return RULE_IDS.find((id) => id === value);
}

function toCodeAction(document: TextDocument, diagnostic: Diagnostic, fix: Fix, isPreferred: boolean): CodeAction {
  const action = new CodeAction(fix.title, CodeActionKind.QuickFix);
  action.edit = new WorkspaceEdit();
  for (const edit of fix.edits) action.edit.replace(document.uri, toRange(edit.span), edit.newText);
  action.diagnostics = [diagnostic];
  action.isPreferred = isPreferred;
  return action;
}
