// The browser client (VS Code for the Web): the language server runs in a web worker (dist/server.js). Having no
// files of its own there, it gets the corpus from here, read from the extension's files through `workspace.fs`.
import { Uri, workspace } from 'vscode';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type StartClient } from './clientOptions';

/** The corpus files' names, written beside the web bundles at build time: a browser cannot list an extension's folder. */
const CORPUS_INDEX = 'dist/web/corpus.json';
/** The server's web worker, by name (`self.name` inside it). */
export const SERVER_WORKER_NAME = 'Plumb Line language server';

/** What the web-worker extension host's Worker offers: its nested workers have no addEventListener. */
interface HostWorker {
  postMessage(message: unknown): void;
  onmessage: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}
type WorkerConstructor = new (url: string, options?: { name?: string }) => HostWorker;
interface BlobUrls {
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
}

export const startWebClient: StartClient = async (context, output) => {
  // Loaded here, not at the top: the bundle is the desktop's entry too, and each side's transport installs its own runtime.
  const { BrowserMessageReader, BrowserMessageWriter, LanguageClient } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('vscode-languageclient/browser') as typeof import('vscode-languageclient/browser');
  const decoder = new TextDecoder();
  const read = async (relative: string) => decoder.decode(await workspace.fs.readFile(Uri.joinPath(context.extensionUri, ...relative.split('/'))));
  const files: unknown = JSON.parse(await read(CORPUS_INDEX));
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) throw new Error(`${CORPUS_INDEX} does not list the corpus files`);
  const corpus = await Promise.all(files.map(async (file: string) => ({ file, text: await read(`corpus/${file}`) })));
  // The server's script is read like the corpus and started from a blob: URL. A worker cannot be started from the
  // extension's own URI wherever that is not plain http(s) (code-server and other remotes refuse vscode-remote: ones).
  // The engine it runs is the one the Node side runs (dist/engine.js, see esbuild.mjs): one script, the engine first.
  const { Blob, URL } = globalThis as unknown as BlobUrls;
  const [engine, server] = await Promise.all([read('dist/engine.js'), read('dist/server.js')]);
  // The server's `#!` line (it is `plumb-line-ls` too) may only begin a script: it goes, and its line stays empty.
  const script = URL.createObjectURL(new Blob([engine, '\n', server.replace(/^#!.*/, '')], { type: 'text/javascript' }));
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const worker = new Worker(script, { name: SERVER_WORKER_NAME });
  context.subscriptions.push({ dispose: () => worker.terminate() });
  const port = asPort(worker);
  const transports = () => Promise.resolve({ reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) });
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, transports, clientOptions(context, output, { corpus }));
  await client.start();
  return client;
};

/**
 * The worker as the message reader and writer expect a port: messages through `onmessage`, errors through `onerror`.
 * (`never`: the DOM's MessagePort type is not in this project's libs.)
 */
function asPort(worker: HostWorker): never {
  const port = {
    postMessage: (message: unknown) => worker.postMessage(message),
    set onmessage(listener: ((event: unknown) => void) | null) {
      worker.onmessage = listener;
    },
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'error') worker.onerror = listener;
    },
  };
  return port as never;
}
