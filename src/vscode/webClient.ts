// The browser client (VS Code for the Web): the language server runs in a web worker (dist/web/server.js). Having no
// files of its own there, it gets the corpus from here, read from the extension's files through `workspace.fs`.
import { Uri, workspace } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, type StartClient } from './clientOptions';

/** The corpus files' names, written beside the web bundles at build time: a browser cannot list an extension's folder. */
const CORPUS_INDEX = 'dist/web/corpus.json';

type WorkerConstructor = new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

export const startWebClient: StartClient = async (context, output) => {
  const decoder = new TextDecoder();
  const read = async (relative: string) => decoder.decode(await workspace.fs.readFile(Uri.joinPath(context.extensionUri, ...relative.split('/'))));
  const files: unknown = JSON.parse(await read(CORPUS_INDEX));
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) throw new Error(`${CORPUS_INDEX} does not list the corpus files`);
  const corpus = await Promise.all(files.map(async (file: string) => ({ file, text: await read(`corpus/${file}`) })));
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const worker = new Worker(Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true), { name: 'Plumb Line language server' });
  const client = new LanguageClient('plumbLine', 'Plumb Line', clientOptions(context, output, { corpus }), worker);
  await client.start();
  return client;
};
