// The engine's findings and cards in Language Server Protocol terms: plain data, no connection, so it is unit-testable.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { evidenceText, RULES, type Catalogue, type Finding, type Severity, type Span } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(span: Span): Range {
  return { start: { line: span.start.line, character: span.start.character }, end: { line: span.end.line, character: span.end.character } };
}

/** Where the server finds the files it ships (the corpus, the rule pages), as URIs an editor can open. */
export interface ShippedLocations {
  corpusFile(file: string): string;
  rulePage(docsPath: string): string;
}

export function toDiagnostic(uri: string, finding: Finding, catalogue: Catalogue, shipped: ShippedLocations): Diagnostic {
  const reading: DiagnosticRelatedInformation[] = finding.reading
    ? [{ location: { uri, range: toRange(finding.span) }, message: `Read as: ${finding.reading}` }]
    : [];
  const related = finding.related.map((place) => ({ location: { uri, range: toRange(place.span) }, message: place.message }));
  const evidence = finding.evidence.flatMap((passage) => {
    const source = catalogue.corpus.sourceById.get(passage.sourceId);
    if (!source) return [];
    // A team source is the team's own file, linked as it is; a bundled article where the client sees the shipped files.
    const uri = source.origin === 'team' ? source.file : shipped.corpusFile(source.file);
    return [{ location: { uri, range: toRange(passage.span) }, message: evidenceText(catalogue, finding, passage, source) }];
  });
  return {
    range: toRange(finding.span),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: shipped.rulePage(RULES[finding.ruleId].docs) },
    message: finding.message,
    relatedInformation: [...reading, ...related, ...evidence],
  };
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The quick fixes of the findings behind the given diagnostics, matched by rule id and range, never by message text. */
export function codeActionsFor(
  uri: string,
  findings: Finding[],
  diagnostics: Diagnostic[],
  /** A fix outside the document (the teach fix, which writes the team config), offered after the replacement. */
  extra?: (finding: Finding, diagnostic: Diagnostic) => CodeAction | undefined,
): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
    const finding = findings.find((candidate) => candidate.ruleId === diagnostic.code && sameRange(toRange(candidate.span), diagnostic.range));
    if (!finding) return [];
    // Editors apply "the" preferred fix on auto-fix, so only the first replacement claims it.
    const preferred = finding.fixes.find((fix) => fix.kind === 'replace');
    const actions: CodeAction[] = finding.fixes.map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix === preferred,
      edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: toRange(edit.span), newText: edit.newText })) } },
    }));
    const added = extra?.(finding, diagnostic);
    if (added) actions.splice(finding.fixes.filter((fix) => fix.kind === 'replace').length, 0, added);
    return actions;
  });
}
