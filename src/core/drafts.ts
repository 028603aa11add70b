// Which Markdown documents are drafts someone is writing, told from their URI alone: the same answer for the VS Code
// extension, the language server and any editor behind it.

/** Output panes, git's old revisions and the extension's own read-only files are Markdown too, but not drafts. */
const NON_DRAFT_SCHEMES = new Set(['output', 'git', 'plumb-line', 'vscode-userdata', 'vscode-local-history']);

/**
 * Folders of editor state that hold copies of Markdown files: the Local History extension's `.history`, and the local
 * history and backups in the user-data folder of VS Code and its builds (desktop, Insiders, OSS, VSCodium, code-server,
 * a remote server). A `Backups` folder of someone's own is a draft like any other.
 */
const EDITOR_STATE =
  /\/(?:\.history|(?:Code|Code - Insiders|Code - OSS|VSCodium|code-server|\.vscode-server\/data|\.vscode-server-insiders\/data|\.vscode-remote\/data)\/(?:User\/History|Backups))\//i;

/**
 * The scheme, authority and path of a URI string, the path decoded and normalised: `//` and `/./` made `/`, and a
 * Windows drive letter (`/C:/`, `/c%3A/`) in lower case, as VS Code writes it.
 */
function schemeAndPath(uri: string): { scheme: string; authority: string; path: string } {
  const match = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/i.exec(uri);
  if (!match) return { scheme: '', authority: '', path: uri };
  let path = decodeURIComponentSafe(match[3]!).replaceAll('\\', '/');
  path = path.replace(/\/(?:\.?\/)+/g, '/');
  path = path.replace(/^\/([A-Za-z]):(?=\/|$)/, (_, drive: string) => `/${drive.toLowerCase()}:`);
  return { scheme: match[1]!.toLowerCase(), authority: (match[2] ?? '').toLowerCase(), path };
}

/** On Windows drives paths compare without case, as the file system does. */
const samePrefix = (path: string, root: string) => (/^\/[a-z]:/.test(root) ? path.toLowerCase().startsWith(root.toLowerCase()) : path.startsWith(root));

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
  const { scheme, authority, path } = schemeAndPath(uri);
  if (NON_DRAFT_SCHEMES.has(scheme)) return false;
  for (const root of shippedRoots) {
    const shipped = schemeAndPath(root);
    if (shipped.scheme === scheme && shipped.authority === authority && samePrefix(path, `${shipped.path.replace(/\/$/, '')}/`)) return false;
  }
  return !EDITOR_STATE.test(path);
}
