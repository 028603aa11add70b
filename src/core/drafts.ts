// Which Markdown documents are drafts someone is writing, told from their URI alone: the same answer for the VS Code
// extension, the language server and any editor behind it.

/** Output panes, git's old revisions and the extension's own read-only files are Markdown too, but not drafts. */
const NON_DRAFT_SCHEMES = new Set(['output', 'git', 'plumb-line']);

/** Folders of editor state that hold copies of Markdown files: VS Code's local history and backups, the Local History extension's .history. */
const EDITOR_STATE = /\/(User\/History|Backups|\.history)\//;

/** The scheme and path of a URI string (`file:///a/b.md` → `file`, `/a/b.md`), without decoding anything else. */
function schemeAndPath(uri: string): { scheme: string; path: string } {
  const match = /^([a-z][a-z0-9+.-]*):(?:\/\/[^/?#]*)?([^?#]*)/i.exec(uri);
  return match ? { scheme: match[1]!.toLowerCase(), path: decodeURIComponentSafe(match[2]!) } : { scheme: '', path: uri };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A draft: not of a non-draft scheme, not one of the files the extension ships (under `shippedRoots`, URIs of the
 * extension's corpus and docs folders), and not a copy an editor keeps.
 */
export function isDraftUri(uri: string, shippedRoots: readonly string[] = []): boolean {
  const { scheme, path } = schemeAndPath(uri);
  if (NON_DRAFT_SCHEMES.has(scheme)) return false;
  for (const root of shippedRoots) {
    const shipped = schemeAndPath(root);
    if (shipped.scheme === scheme && path.startsWith(`${shipped.path.replace(/\/$/, '')}/`)) return false;
  }
  return !EDITOR_STATE.test(path);
}
