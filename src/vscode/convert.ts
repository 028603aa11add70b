// Conversions between the engine's plain data and VS Code types, shared by the providers.
import { Position, Range, Uri, type TextDocument } from 'vscode';
import type { Point, Source, Span } from '../core';
import { SHIPPED_SCHEME, shippedUri } from './shippedFiles';

export function toPosition(point: Point): Position {
  return new Position(point.line, point.character);
}

export function toRange(span: Span): Range {
  return new Range(toPosition(span.start), toPosition(span.end));
}

/** Output panes, git's old revisions and the extension's own read-only files are Markdown too, but not drafts anyone is writing. */
const NON_DRAFT_SCHEMES = new Set(['output', 'git', SHIPPED_SCHEME]);

/** Folders of editor state that hold copies of Markdown files: VS Code's local history and backups, the Local History extension's .history. */
const EDITOR_STATE = /\/(User\/History|Backups|\.history)\//;

/** A Markdown document someone is writing: what gets linted and counted. */
export function isDraft(document: TextDocument, extensionUri: Uri): boolean {
  return document.languageId === 'markdown' && !NON_DRAFT_SCHEMES.has(document.uri.scheme) && isDraftLocation(document.uri, extensionUri);
}

/** Not a file the extension ships (its corpus and rule pages, when opened from the extension's folder) nor a copy the editor keeps of one. */
export function isDraftLocation(uri: Uri, extensionUri: Uri): boolean {
  const shipped = ['corpus', 'docs'].some((folder) => {
    const root = Uri.joinPath(extensionUri, folder);
    return uri.scheme === root.scheme && uri.path.startsWith(`${root.path}/`);
  });
  return !shipped && !EDITOR_STATE.test(uri.path);
}

/** A source's corpus file, served read-only. */
export function corpusFileUri(source: Source): Uri {
  return shippedUri(`corpus/${source.file}`);
}

export { SIDE_LABELS, citation } from '../core';

/** For the output channel: the stack when there is one, so engine failures can be traced. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
