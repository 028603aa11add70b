// Reads the `plumbLine.*` settings for a document's scope, validated by the engine. The language server reads the
// same settings and is the one that reports invalid values, so they are said once, in its log.
import { workspace, type Uri } from 'vscode';
import { resolveEditorSettings, type EditorSettings } from '../core/editorSettings';

export class SettingsReader {
  /** Settings for a document; with no document, the window's (null scope, so VS Code does not warn about resource settings). */
  read(scope: Uri | undefined): EditorSettings {
    const config = workspace.getConfiguration('plumbLine', scope ?? null);
    return resolveEditorSettings({ enable: config.get('enable'), debounceMs: config.get('debounceMs'), maxFileSizeKB: config.get('maxFileSizeKB') });
  }
}
