// The files the extension ships for reading (the corpus, the rule pages) served read-only under their own scheme, so
// every way of reaching them (an evidence link, the Problems panel, a hover, the trees, a rule's code link) opens an
// editor that cannot change or save them.
import {
  Disposable,
  EventEmitter,
  FileSystemError,
  FileType,
  MarkdownString,
  Uri,
  workspace,
  type FileChangeEvent,
  type FileStat,
  type FileSystemProvider,
} from 'vscode';
import type { Source } from '../core/types';

export const SHIPPED_SCHEME = 'plumb-line';

/** The folders served; anything else under the extension stays out of reach. */
const SERVED_FOLDERS = ['corpus', 'docs'];

/** `plumb-line:/corpus/file.md` for the extension's `corpus/file.md`. */
export function shippedUri(relativePath: string): Uri {
  return Uri.from({ scheme: SHIPPED_SCHEME, path: `/${relativePath}` });
}

/** A source's corpus file, served read-only. */
export function corpusFileUri(source: Source): Uri {
  return shippedUri(`corpus/${source.file}`);
}

/** The served folders where the extension's own files are (as the editor may also open them from disk): never drafts. */
export function shippedRoots(extensionUri: Uri): string[] {
  return SERVED_FOLDERS.map((folder) => Uri.joinPath(extensionUri, folder).toString());
}

export class ShippedFiles implements FileSystemProvider {
  private readonly changed = new EventEmitter<FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly extensionUri: Uri) {}

  static register(extensionUri: Uri): Disposable {
    return workspace.registerFileSystemProvider(SHIPPED_SCHEME, new ShippedFiles(extensionUri), {
      isCaseSensitive: true,
      isReadonly: new MarkdownString('Plumb Line ships this file as a source of its knowledge; it cannot be edited here.'),
    });
  }

  /** The extension file behind a shipped URI, or a "not found" for anything outside the served folders. */
  private target(uri: Uri): Uri {
    const parts = uri.path.split('/').filter(Boolean);
    // No way out of the served folders: no dot segments, and no backslash or colon that Windows paths would read as a separator or a drive.
    if (parts.length === 0 || !SERVED_FOLDERS.includes(parts[0]!) || parts.some((part) => part === '..' || part === '.' || /[\\:]/.test(part)))
      throw FileSystemError.FileNotFound(uri);
    return Uri.joinPath(this.extensionUri, ...parts);
  }

  async stat(uri: Uri): Promise<FileStat> {
    if (uri.path === '/') return { type: FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const stat = await workspace.fs.stat(this.target(uri));
    return { ...stat, type: stat.type & ~FileType.SymbolicLink };
  }

  async readDirectory(uri: Uri): Promise<[string, FileType][]> {
    if (uri.path === '/') return SERVED_FOLDERS.map((folder) => [folder, FileType.Directory]);
    return workspace.fs.readDirectory(this.target(uri));
  }

  readFile(uri: Uri): Thenable<Uint8Array> {
    return workspace.fs.readFile(this.target(uri));
  }

  watch(): Disposable {
    // Shipped files change only when the extension is updated, which reloads the window.
    return new Disposable(() => undefined);
  }

  writeFile(uri: Uri): never {
    throw FileSystemError.NoPermissions(uri);
  }

  createDirectory(uri: Uri): never {
    throw FileSystemError.NoPermissions(uri);
  }

  delete(uri: Uri): never {
    throw FileSystemError.NoPermissions(uri);
  }

  rename(uri: Uri): never {
    throw FileSystemError.NoPermissions(uri);
  }
}
