// Whether the code runs on Node or in a browser's web worker: for the extension (Node's extension host or the web one),
// the language server (a process and its worker threads, or a web worker) and the server bundle's engine load
// (scripts/bundles.mjs). Import-free, so every bundle can take it and the unit tests can check it.

/** The globals that tell the hosts apart. */
export interface HostScope {
  process?: { versions?: { node?: unknown } };
  importScripts?: unknown;
}

/**
 * Whether this is Node (the desktop's or a remote's extension host, a server process, a worker thread) rather than a
 * browser's web worker: Node names its version in `process.versions`, and only a web worker has `importScripts`.
 */
export function onNode(scope: HostScope = globalThis): boolean {
  return typeof scope.process?.versions?.node === 'string' && typeof scope.importScripts !== 'function';
}
