// The status-bar item: the active draft's Plumb Line findings, and a click that turns linting as you type off or on
// for the workspace (Check terminology works either way), as Code Spell Checker's and LTeX's items do.
import { EventEmitter, MarkdownString, StatusBarAlignment, languages, window, type Disposable, type StatusBarItem, type Uri } from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../server/protocol';
import { isDraft } from './drafts';
import { COMMANDS } from './ids';
import type { SettingsReader } from './settings';

/** The item's id, under which VS Code keeps whether the user hid it. */
const STATUS_ITEM_ID = 'plumbLine.status';
/** Its place among the items on the right: a higher priority sits further left. */
const STATUS_ITEM_PRIORITY = 100;

export class LintStatus implements Disposable {
  readonly item: StatusBarItem;
  private readonly updated = new EventEmitter<void>();
  /** Fires after the item shows a new state (for the tests). */
  readonly onDidUpdate = this.updated.event;
  private readonly listeners: Disposable[];

  constructor(
    private readonly settings: SettingsReader,
    private readonly extensionUri: Uri,
  ) {
    this.item = window.createStatusBarItem(STATUS_ITEM_ID, StatusBarAlignment.Right, STATUS_ITEM_PRIORITY);
    this.item.name = 'Plumb Line';
    this.item.command = COMMANDS.toggleLinting;
    this.listeners = [
      window.onDidChangeActiveTextEditor(() => this.update()),
      languages.onDidChangeDiagnostics(({ uris }) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (uris.some((uri) => uri.toString() === active)) this.update();
      }),
      // The reader's event, not the workspace's: it comes once the reader has dropped the settings it kept.
      settings.onDidChange((event) => event.affectsConfiguration('plumbLine.enable') && this.update()),
    ];
    this.update();
  }

  /** Shows the active draft's count, or that linting is off; hidden when no draft is active. */
  update(): void {
    const document = window.activeTextEditor?.document;
    if (!document || !isDraft(document, this.extensionUri)) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const findings = languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE).length;
    if (this.settings.read(document.uri).enabled) {
      this.item.text = `$(checklist) ${findings}`;
      this.item.tooltip = new MarkdownString(
        `**Plumb Line**: ${findings === 1 ? '1 finding' : `${findings} findings`} in this draft.\n\n` +
          'Click to stop linting as you type in this workspace; *Check terminology* still works.',
      );
    } else {
      this.item.text = '$(circle-slash) Plumb Line';
      this.item.tooltip = new MarkdownString('**Plumb Line** does not lint as you type in this workspace.\n\nClick to lint as you type again.');
    }
    this.item.show();
    this.updated.fire();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.item.dispose();
    this.updated.dispose();
  }
}
