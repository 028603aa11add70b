// The team config files of the workspace (`.plumb-line.json`, `.plumb-line.yaml`), read through workspace.fs (so it
// works in a browser and in Restricted Mode, as text that is never run) and sent to the language server, again each
// time one is created, changed or deleted. The server merges them under the settings and re-lints.
import { EventEmitter, RelativePattern, workspace, type Disposable, type LogOutputChannel, type Uri } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CONFIG_NAMES, MAX_CONFIG_BYTES } from '../core/configNames';
import { describeError } from '../core/editorSettings';
import { CONFIG_FILES_NOTIFICATION, type ConfigFilesParams } from '../server/protocol';

const GLOB = `**/{${CONFIG_NAMES.join(',')}}`;
/** Changes that come together (a checkout, a save of several files) are sent once. */
const SETTLE_MS = 100;

export class TeamConfigFiles implements Disposable {
  private readonly changed = new EventEmitter<void>();
  /** Fires after the server has been sent a new set of config files. */
  readonly onDidSend = this.changed.event;
  private readonly disposables: Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending = Promise.resolve();

  constructor(
    private readonly client: Promise<BaseLanguageClient | undefined>,
    private readonly output: LogOutputChannel,
  ) {
    const watcher = workspace.createFileSystemWatcher(GLOB);
    const later = () => this.schedule();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidChange(later),
      watcher.onDidDelete(later),
      workspace.onDidChangeWorkspaceFolders(later),
    );
    this.schedule(0);
  }

  /** Resolves once the config files as they are now have been sent. */
  flushed(): Promise<void> {
    if (this.timer === undefined) return this.sending;
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.send();
  }

  private schedule(delay = SETTLE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, delay);
  }

  private send(): Promise<void> {
    this.sending = this.sending.then(async () => {
      const running = await this.client;
      if (!running) return;
      const files: ConfigFilesParams['files'] = [];
      const read: Uri[] = [];
      for (const folder of workspace.workspaceFolders ?? []) {
        for (const uri of await workspace.findFiles(new RelativePattern(folder, GLOB), '**/node_modules/**')) {
          const text = await this.read(uri);
          if (text === undefined) continue;
          files.push({ uri: running.code2ProtocolConverter.asUri(uri), text });
          read.push(uri);
        }
      }
      await running.sendNotification(CONFIG_FILES_NOTIFICATION, { files } satisfies ConfigFilesParams);
      this.output.info(`Team config: ${read.length === 0 ? 'none in the workspace' : read.map((uri) => workspace.asRelativePath(uri)).join(', ')}.`);
      this.changed.fire();
    });
    this.sending = this.sending.catch((error: unknown) => this.output.error(`Could not send the team config files: ${describeError(error)}`));
    return this.sending;
  }

  private async read(uri: Uri): Promise<string | undefined> {
    try {
      const { size } = await workspace.fs.stat(uri);
      if (size > MAX_CONFIG_BYTES) {
        this.output.warn(`${workspace.asRelativePath(uri)}: ${size} bytes is too large for a config file (at most ${MAX_CONFIG_BYTES}); left out.`);
        return undefined;
      }
      return new TextDecoder('utf-8').decode(await workspace.fs.readFile(uri));
    } catch (error) {
      this.output.warn(`${workspace.asRelativePath(uri)}: could not be read (${describeError(error)}); left out.`);
      return undefined;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
