// Lints Markdown drafts on open and after a pause in typing, and publishes the findings as diagnostics.
import {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Location,
  Uri,
  languages,
  workspace,
  type Disposable,
  type LogOutputChannel,
  type TextDocument,
} from 'vscode';
import { describeSize, evidenceText, lintMarkdown, RULES, utf8Length, type Catalogue, type Finding, type Severity } from '../core';
import { corpusFileUri, describeError, isDraft, toRange } from './convert';
import { shippedUri } from './shippedFiles';
import type { SettingsReader } from './settings';

export const DIAGNOSTIC_SOURCE = 'Plumb Line';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface LintResult {
  /** Document version the findings were computed from; undefined for a file linted from disk. */
  version: number | undefined;
  findings: Finding[];
}

export class DiagnosticsController implements Disposable {
  private readonly collection = languages.createDiagnosticCollection('plumb-line');
  private readonly results = new Map<string, LintResult>();
  /** Latest lint request per document; a scheduled lint runs only if it is still the latest. */
  private readonly generations = new Map<string, number>();
  private lastGeneration = 0;
  /** Documents skipped as too large, each reported once until it is linted again. */
  private readonly tooLarge = new Set<string>();
  private readonly listeners: Disposable[];

  constructor(
    private readonly catalogue: Catalogue,
    private readonly settings: SettingsReader,
    private readonly extensionUri: Uri,
    private readonly output: LogOutputChannel,
  ) {
    this.listeners = [
      workspace.onDidOpenTextDocument((document) => this.requestLint(document, false)),
      workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.requestLint(event.document, true);
      }),
      workspace.onDidCloseTextDocument((document) => {
        this.generations.delete(document.uri.toString());
        this.tooLarge.delete(document.uri.toString());
        this.clear(document.uri);
      }),
      workspace.onDidChangeConfiguration((event) => {
        for (const document of workspace.textDocuments) {
          if (event.affectsConfiguration('plumbLine', document.uri)) this.requestLint(document, false);
        }
      }),
    ];
    for (const document of workspace.textDocuments) this.requestLint(document, false);
  }

  isLintable(document: TextDocument): boolean {
    return isDraft(document, this.extensionUri);
  }

  /**
   * Lints now and publishes. Undefined when the engine failed (the previous diagnostics stay), and `'too large'` when
   * the text is over `plumbLine.maxFileSizeKB` (its diagnostics are cleared and the output channel says so once).
   */
  lintDocument(document: TextDocument): Finding[] | 'too large' | undefined {
    return this.lintText(document.uri, document.getText(), document.version);
  }

  /** Lints a workspace file: its open document if there is one, else its text on disk. */
  async lintFile(uri: Uri): Promise<Finding[] | 'too large' | undefined> {
    const open = workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return this.lintDocument(open);
    try {
      // A file on disk is measured before it is read, so a huge one is never loaded.
      if (this.isTooLarge(uri, (await workspace.fs.stat(uri)).size)) return 'too large';
      return this.lintText(uri, new TextDecoder().decode(await workspace.fs.readFile(uri)), undefined);
    } catch (error) {
      this.output.error(`Could not read ${uri.toString(true)}: ${describeError(error)}`);
      return undefined;
    }
  }

  /** The findings behind the current diagnostics, if they were computed from this very version of the document. */
  findingsFor(document: TextDocument): Finding[] {
    const result = this.results.get(document.uri.toString());
    return result?.version === document.version ? result.findings : [];
  }

  dispose(): void {
    this.generations.clear();
    for (const listener of this.listeners) listener.dispose();
    this.collection.dispose();
  }

  private requestLint(document: TextDocument, afterEdit: boolean): void {
    if (!this.isLintable(document)) return;
    const key = document.uri.toString();
    const generation = ++this.lastGeneration;
    this.generations.set(key, generation);
    const { enabled, debounceMs } = this.settings.read(document.uri);
    if (!enabled) {
      this.clear(document.uri);
      return;
    }
    setTimeout(() => {
      // Dropped when a newer edit, a close or deactivation came in meanwhile.
      if (this.generations.get(key) === generation) this.lintDocument(document);
    }, afterEdit ? debounceMs : 0);
  }

  private lintText(uri: Uri, text: string, version: number | undefined): Finding[] | 'too large' | undefined {
    const { options } = this.settings.read(uri);
    if (this.isTooLarge(uri, utf8Length(text))) return 'too large';
    try {
      const findings = lintMarkdown(text, this.catalogue, options, (problem) => this.output.error(`${uri.toString(true)}: ${problem}`));
      this.results.set(uri.toString(), { version, findings });
      this.collection.set(uri, findings.map((finding) => this.toDiagnostic(uri, finding)));
      return findings;
    } catch (error) {
      this.output.error(`Could not lint ${uri.toString(true)}: ${describeError(error)}`);
      return undefined;
    }
  }

  /** Over the size limit: its diagnostics are cleared and the output channel says so, once per file until it fits again. */
  private isTooLarge(uri: Uri, bytes: number): boolean {
    const key = uri.toString();
    const { maxFileBytes } = this.settings.read(uri);
    if (bytes <= maxFileBytes) {
      this.tooLarge.delete(key);
      return false;
    }
    this.clear(uri);
    if (!this.tooLarge.has(key)) {
      this.tooLarge.add(key);
      this.output.warn(`${uri.toString(true)}: not checked, ${describeSize(bytes)} is over the ${describeSize(maxFileBytes)} limit (plumbLine.maxFileSizeKB)`);
    }
    return true;
  }

  private clear(uri: Uri): void {
    this.results.delete(uri.toString());
    this.collection.delete(uri);
  }

  private toDiagnostic(uri: Uri, finding: Finding): Diagnostic {
    const diagnostic = new Diagnostic(toRange(finding.span), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: shippedUri(RULES[finding.ruleId].docs) };
    const related = finding.related.map(
      (place) => new DiagnosticRelatedInformation(new Location(uri, toRange(place.span)), place.message),
    );
    const evidence = finding.evidence.flatMap((passage) => {
      const source = this.catalogue.corpus.sourceById.get(passage.sourceId);
      if (!source) return [];
      const location = new Location(corpusFileUri(source), toRange(passage.span));
      return [new DiagnosticRelatedInformation(location, evidenceText(this.catalogue, finding, passage, source))];
    });
    // The reading comes first: it says how the sentence was understood, so a wrong reading is plain to see.
    const reading = finding.reading ? [new DiagnosticRelatedInformation(new Location(uri, toRange(finding.span)), `Read as: ${finding.reading}`)] : [];
    diagnostic.relatedInformation = [...reading, ...related, ...evidence];
    return diagnostic;
  }
}
