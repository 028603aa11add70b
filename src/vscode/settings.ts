// Reads the `plumbLine.*` settings for a document's scope and validates them through the engine.
import { workspace, type LogOutputChannel, type Uri } from 'vscode';
import { resolveEditorSettings, resolveOptions, type LintOptions } from '../core';

export interface DocumentSettings {
  /** Lint automatically on open and while typing. */
  enabled: boolean;
  debounceMs: number;
  /** Documents larger than this (UTF-8 bytes) are not linted. */
  maxFileBytes: number;
  options: LintOptions;
}

export class SettingsReader {
  /** Each invalid value is reported once, not on every keystroke. */
  private readonly reported = new Set<string>();

  constructor(private readonly output: LogOutputChannel) {}

  /** Settings for a document; with no document, the window's (null scope, so VS Code does not warn about resource settings). */
  read(scope: Uri | undefined): DocumentSettings {
    const config = workspace.getConfiguration('plumbLine', scope ?? null);
    const { options, problems } = resolveOptions({ rules: config.get('rules'), extraPhrases: config.get('extraPhrases') });
    const editor = resolveEditorSettings({ enable: config.get('enable'), debounceMs: config.get('debounceMs'), maxFileSizeKB: config.get('maxFileSizeKB') });
    for (const problem of [...problems, ...editor.problems]) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.output.warn(`Settings: ${problem}`);
    }
    return { enabled: editor.enabled, debounceMs: editor.debounceMs, maxFileBytes: editor.maxFileBytes, options };
  }
}
