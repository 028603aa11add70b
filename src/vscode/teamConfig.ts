// The team config files of the workspace (`.plumb-line.json`, `.plumb-line.yaml`), read through workspace.fs (so it
// works in a browser and in Restricted Mode, as text that is never run) and sent to the language server, again each
// time one is created, changed or deleted. The server merges them under the settings and re-lints.
import { EventEmitter, RelativePattern, Uri, languages, workspace, type Disposable, type LogOutputChannel, type TextDocument } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CONFIG_NAMES, MAX_CONFIG_BYTES } from '../core/configNames';
import { describeError } from '../core/editorSettings';
import { CONFIG_FILES_NOTIFICATION, READ_SOURCES_REQUEST, type ConfigFilesParams, type ReadSourcesParams, type ReadSourcesResult } from '../server/protocol';

const GLOB = `**/{${CONFIG_NAMES.join(',')}}`;
/** Changes that come together (a checkout, a save of several files) are sent once. */
const SETTLE_MS = 100;
/** The most team source files one pattern reads, and the most bytes a file may have: sources are short documents. */
const MAX_SOURCES = 200;
const MAX_SOURCE_BYTES = 256 * 1024;
/** Where each workspace folder's team sources are unless `plumbLine.sources` says otherwise (the package.json default). */
const DEFAULT_SOURCES = ['.plumb-line/sources/**/*.md'];

export class TeamConfigFiles implements Disposable {
  private readonly changed = new EventEmitter<void>();
  /** Fires after the server has been sent a new set of config files. */
  readonly onDidSend = this.changed.event;
  private readonly disposables: Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending = Promise.resolve();
  /** Watchers of the team source patterns the server last asked for. */
  private sourceWatchers: Disposable[] = [];

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
      workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('plumbLine.sources') && later()),
      // A config file or team source saved in the editor is sent at once, not when the file watcher gets to it.
      workspace.onDidSaveTextDocument((document) => this.isWatched(document) && later()),
    );
    // The server asks for the team sources its config files name; what it asked for is watched.
    void client.then(
      (running) => running && this.disposables.push(running.onRequest(READ_SOURCES_REQUEST, (params: ReadSourcesParams) => this.readSources(params))),
    );
    this.schedule(0);
  }

  /** Team source patterns the server last asked for, to tell a saved source from any other file. */
  private sourcePatterns: RelativePattern[] = [];

  private isWatched(document: TextDocument): boolean {
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    if ((CONFIG_NAMES as readonly string[]).includes(name)) return true;
    return this.sourcePatterns.some((pattern) => languages.match({ pattern }, document) > 0);
  }

  private async readSources(params: ReadSourcesParams): Promise<ReadSourcesResult> {
    const running = await this.client;
    for (const watcher of this.sourceWatchers.splice(0)) watcher.dispose();
    this.sourcePatterns = [];
    const files: ReadSourcesResult['files'] = [];
    for (const { base, glob } of Array.isArray(params?.patterns) ? params.patterns : []) {
      const pattern = new RelativePattern(Uri.parse(base), glob);
      this.sourcePatterns.push(pattern);
      const watcher = workspace.createFileSystemWatcher(pattern);
      const later = () => this.schedule();
      this.sourceWatchers.push(watcher, watcher.onDidCreate(later), watcher.onDidChange(later), watcher.onDidDelete(later));
      const found: ReadSourcesResult['files'][number] = [];
      const uris = (await workspace.findFiles(pattern, '**/node_modules/**', MAX_SOURCES)).sort((a, b) => a.toString().localeCompare(b.toString()));
      for (const uri of uris) {
        const text = await this.read(uri, MAX_SOURCE_BYTES, 'team source');
        if (text !== undefined && running) found.push({ uri: running.code2ProtocolConverter.asUri(uri), text });
      }
      files.push(found);
    }
    const count = files.reduce((sum, list) => sum + list.length, 0);
    if (count > 0) this.output.info(`Team sources: ${count} file${count === 1 ? '' : 's'}.`);
    return { files };
  }

  /** Reads and sends the config files now, without waiting for the file watcher; resolves once they are sent. */
  refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.send();
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
          const text = await this.read(uri, MAX_CONFIG_BYTES, 'config file');
          if (text === undefined) continue;
          files.push({ uri: running.code2ProtocolConverter.asUri(uri), text });
          read.push(uri);
        }
      }
      const folders = (workspace.workspaceFolders ?? []).map((folder) => {
        const sources = workspace.getConfiguration('plumbLine', folder.uri).get<unknown>('sources');
        const globs = Array.isArray(sources) ? sources.filter((glob): glob is string => typeof glob === 'string') : DEFAULT_SOURCES;
        return { uri: running.code2ProtocolConverter.asUri(folder.uri), sources: globs };
      });
      await running.sendNotification(CONFIG_FILES_NOTIFICATION, { files, folders } satisfies ConfigFilesParams);
      this.output.info(`Team config: ${read.length === 0 ? 'none in the workspace' : read.map((uri) => workspace.asRelativePath(uri)).join(', ')}.`);
      this.changed.fire();
    });
    this.sending = this.sending.catch((error: unknown) => this.output.error(`Could not send the team config files: ${describeError(error)}`));
    return this.sending;
  }

  private async read(uri: Uri, maxBytes: number, what: string): Promise<string | undefined> {
    try {
      const { size } = await workspace.fs.stat(uri);
      if (size > maxBytes) {
        this.output.warn(`${workspace.asRelativePath(uri)}: ${size} bytes is too large for a ${what} (at most ${maxBytes}); left out.`);
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
    for (const disposable of [...this.disposables, ...this.sourceWatchers]) disposable.dispose();
  }
}
