// Which extension host the extension runs in, told apart without the `vscode` module so the unit tests can check it.

/** The globals that tell the hosts apart. */
export interface HostScope {
  process?: { versions?: { node?: unknown } };
  importScripts?: unknown;
}

/**
 * Whether this extension host is Node's (the desktop, a remote, code-server's server side) rather than a browser's web
 * worker: Node names its version in `process.versions`, and only a worker has `importScripts`.
 */
export function onNode(scope: HostScope = globalThis): boolean {
  return typeof scope.process?.versions?.node === 'string' && typeof scope.importScripts !== 'function';
}
