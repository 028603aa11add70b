// Conversions between the engine's plain data and VS Code types, shared by the providers.
import { Position, Range, Uri, type TextDocument } from 'vscode';
import { isDraftUri } from '../core/drafts';
import type { Point, Source, Span } from '../core/types';
import { shippedUri } from './shippedFiles';

export function toPosition(point: Point): Position {
  return new Position(point.line, point.character);
}

export function toRange(span: Span): Range {
  return new Range(toPosition(span.start), toPosition(span.end));
}

/** A Markdown document someone is writing: what gets linted and counted. */
export function isDraft(document: TextDocument, extensionUri: Uri): boolean {
  return document.languageId === 'markdown' && isDraftLocation(document.uri, extensionUri);
}

/** Not a file the extension ships (its corpus and rule pages, read-only or from the extension's folder) nor a copy the editor keeps of one. */
export function isDraftLocation(uri: Uri, extensionUri: Uri): boolean {
  return isDraftUri(uri.toString(), ['corpus', 'docs'].map((folder) => Uri.joinPath(extensionUri, folder).toString()));
}

/** A source's corpus file, served read-only. */
export function corpusFileUri(source: Source): Uri {
  return shippedUri(`corpus/${source.file}`);
}

export { describeError } from '../core/editorSettings';
