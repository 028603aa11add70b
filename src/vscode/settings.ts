// Reads the `plumbLine.*` settings for a document's scope, validated by the engine, once per change: the trees and the
// status bar ask on every keystroke and every diagnostics change. The language server reads the same settings and is
// the one that reports invalid values, so they are said once, in its log.
import { EventEmitter, workspace, type ConfigurationChangeEvent, type Disposable, type Uri } from 'vscode';
import { resolveEditorSettings, type EditorSettings } from '../core/editorSettings';

/** The settings section the extension contributes and the language server reads. */
export const SETTINGS_SECTION = 'plumbLine';

export class SettingsReader implements Disposable {
  /** Resolved settings by scope URI (`''` for the window), until the next change of a `plumbLine` setting. */
  private readonly cache = new Map<string, EditorSettings>();
  private readonly changed = new EventEmitter<ConfigurationChangeEvent>();
  /** Fires on a change of a `plumbLine` setting, once the cache is cleared, so a listener reads the new values. */
  readonly onDidChange = this.changed.event;
  private readonly listener = workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
    this.cache.clear();
    this.changed.fire(event);
  });

  /** Settings for a document; with no document, the window's (null scope, so VS Code does not warn about resource settings). */
  read(scope: Uri | undefined): EditorSettings {
    const key = scope?.toString() ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      const config = workspace.getConfiguration(SETTINGS_SECTION, scope ?? null);
      settings = resolveEditorSettings({ enable: config.get('enable'), debounceMs: config.get('debounceMs'), maxFileSizeKB: config.get('maxFileSizeKB') });
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
    this.cache.clear();
  }
}
