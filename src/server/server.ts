// plumb-line-ls: the engine as a Language Server Protocol server (stdio, node IPC or a socket), for any editor.
// Lints Markdown on open and after a pause in typing, and serves hovers, quick fixes and concept counts.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  conceptCard,
  describeSize,
  lintMarkdown,
  resolveEditorSettings,
  resolveOptions,
  utf8Length,
  type Catalogue,
  type EditorSettings,
  type Finding,
  type LintOptions,
} from '../core';
import { loadCatalogue } from '../corpusFolder';
import { codeActionsFor, toDiagnostic, toRange, type ShippedLocations } from './present';

/** The custom request behind the Concepts tree's counts: how often each concept's terms occur in a document. */
export const CONCEPT_COUNTS_REQUEST = 'plumbLine/conceptCounts';

interface Settings extends EditorSettings {
  options: LintOptions;
}

interface Result {
  version: number;
  findings: Finding[];
}

/** The folder the server ships in: `dist/`'s parent holds `corpus/` and `docs/`. */
const ROOT = resolve(__dirname, '..');

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, Result>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const reported = new Set<string>();
  const tooLarge = new Set<string>();
  let catalogue: Catalogue | undefined;
  let canRequestConfiguration = false;
  /** Settings from `initializationOptions`, then as pushed by workspace/didChangeConfiguration, for clients that do not answer workspace/configuration. */
  let givenSettings: unknown;

  const shipped: ShippedLocations = {
    corpusFile: (file) => pathToFileURL(join(ROOT, 'corpus', file)).href,
    rulePage: (docsPath) => pathToFileURL(join(ROOT, docsPath)).href,
  };

  const warnOnce = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(message);
  };

  /** A Markdown draft, not one of the files the server ships (its corpus, its rule pages). */
  const isDraft = (document: TextDocument) => {
    if (document.languageId !== 'markdown' || document.uri.startsWith('plumb-line:')) return false;
    if (!document.uri.startsWith('file:')) return true;
    let path: string;
    try {
      path = fileURLToPath(document.uri);
    } catch {
      // A file URI this platform cannot map to a path (a host on Linux) is nobody's shipped file.
      return true;
    }
    return !['corpus', 'docs'].some((folder) => path.startsWith(join(ROOT, folder) + (process.platform === 'win32' ? '\\' : '/')));
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = (async () => {
        let raw: unknown = givenSettings;
        if (canRequestConfiguration) {
          try {
            const configured: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'plumbLine' });
            if (configured && typeof configured === 'object') raw = configured;
          } catch (error) {
            warnOnce(`Settings: the editor did not answer workspace/configuration (${error instanceof Error ? error.message : String(error)}); using the settings it gave at start, or the defaults.`);
          }
        }
        const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
        const { options, problems } = resolveOptions({ rules: given.rules, extraPhrases: given.extraPhrases });
        const editor = resolveEditorSettings({ enable: given.enable, debounceMs: given.debounceMs, maxFileSizeKB: given.maxFileSizeKB });
        for (const problem of [...problems, ...editor.problems]) warnOnce(`Settings: ${problem}`);
        return { ...editor, options };
      })();
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const clear = (uri: string) => {
    results.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  };

  const lint = async (uri: string, version: number) => {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    // A newer version has its own lint on the way, and a closed document needs none: publish nothing stale.
    if (!catalogue || !document || document.version !== version) return;
    if (!settings.enabled) return clear(uri);
    const text = document.getText();
    const bytes = utf8Length(text);
    if (bytes > settings.maxFileBytes) {
      clear(uri);
      if (!tooLarge.has(uri)) connection.console.warn(`${uri}: not checked, ${describeSize(bytes)} is over the ${describeSize(settings.maxFileBytes)} limit (plumbLine.maxFileSizeKB)`);
      tooLarge.add(uri);
      return;
    }
    tooLarge.delete(uri);
    const findings = lintMarkdown(text, catalogue, settings.options, (problem) => connection.console.error(`${uri}: ${problem}`));
    // Changes that arrived while the lint ran are read first (a timer runs after pending input and its dispatch):
    // if one did, these findings are stale and are dropped, and its own lint publishes.
    await new Promise((resume) => setTimeout(resume, 0));
    if (documents.get(uri)?.version !== version) return;
    results.set(uri, { version, findings });
    const known = catalogue;
    await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding) => toDiagnostic(uri, finding, known, shipped)) });
  };

  /** Lints a document soon: at once when it opens, after a pause in typing when it changes. Never rejects. */
  const schedule = (document: TextDocument, afterEdit: boolean) =>
    scheduleLint(document, afterEdit).catch((error) => connection.console.error(`Could not lint ${document.uri}: ${describe(error)}`));

  const scheduleLint = async (document: TextDocument, afterEdit: boolean) => {
    const { uri, version } = document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    if (!isDraft(document)) return;
    const { debounceMs } = await settingsFor(uri);
    // A newer change came in while the settings were read: it schedules its own lint.
    if (documents.get(uri)?.version !== version) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(
        () => {
          timers.delete(uri);
          lint(uri, version).catch((error) => connection.console.error(`Could not lint ${uri}: ${describe(error)}`));
        },
        afterEdit ? debounceMs : 0,
      ),
    );
  };

  connection.onInitialize((params: InitializeParams) => {
    canRequestConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { plumbLine?: unknown } | undefined;
    givenSettings = options?.plumbLine ?? options;
    try {
      catalogue = loadCatalogue(join(ROOT, 'corpus'));
    } catch (error) {
      // Without a catalogue the server still answers, with nothing to say; the reason is in the log.
      connection.console.error(`Could not load the corpus: ${describe(error)}`);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'plumb-line-ls' },
    };
  });

  connection.onDidChangeConfiguration(({ settings }) => {
    // Clients that push settings send them whole: { plumbLine: { … } }. Others send null and answer requests.
    const pushed = settings && typeof settings === 'object' ? (settings as { plumbLine?: unknown }).plumbLine : undefined;
    if (pushed !== undefined) givenSettings = pushed;
    settingsCache.clear();
    for (const document of documents.all()) void schedule(document, false);
  });

  // Fired on open and on every change: an open lints at once, an edit after a pause in typing.
  const opened = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    const afterEdit = opened.has(document.uri);
    opened.add(document.uri);
    void schedule(document, afterEdit);
  });
  documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    settingsCache.delete(document.uri);
    tooLarge.delete(document.uri);
    clear(document.uri);
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!catalogue || !document || !isDraft(document)) return null;
    const term = catalogue.termAt(document.getText(), document.offsetAt(position));
    const concept = term && catalogue.get(term.conceptId);
    if (!term || !concept) return null;
    return { contents: { kind: 'markdown', value: conceptCard(catalogue, concept) }, range: toRange(term.span) };
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const result = results.get(textDocument.uri);
    // Fixes computed for another version of the text would edit the wrong characters.
    if (!document || !result || result.version !== document.version) return [];
    return codeActionsFor(textDocument.uri, result.findings, context.diagnostics);
  });

  connection.onRequest(CONCEPT_COUNTS_REQUEST, (params: { textDocument?: { uri?: unknown } } | null) => {
    const uri = params?.textDocument?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!catalogue || !document || !isDraft(document)) return {};
    return Object.fromEntries(catalogue.countOccurrences(document.getText()));
  });

  documents.listen(connection);
  connection.listen();
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

if (require.main === module) startServer(createConnection(ProposedFeatures.all));
