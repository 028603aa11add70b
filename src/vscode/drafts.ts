// Which documents are drafts someone is writing, what gets linted and counted: the engine's answer from the URI, with
// the places the extension's own files are seen from.
import type { TextDocument, Uri } from 'vscode';
import { isDraftUri } from '../core/drafts';
import { shippedRoots } from './shippedFiles';

/** A Markdown document someone is writing: what gets linted and counted. */
export function isDraft(document: TextDocument, extensionUri: Uri): boolean {
  return document.languageId === 'markdown' && isDraftLocation(document.uri, extensionUri);
}

/** Not a file the extension ships (its corpus and rule pages, read-only or from the extension's folder) nor a copy the editor keeps of one. */
export function isDraftLocation(uri: Uri, extensionUri: Uri): boolean {
  return isDraftUri(uri.toString(), shippedRoots(extensionUri));
}
