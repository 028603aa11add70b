// plumb-line-ls: the engine as a Language Server Protocol server (stdio, node IPC or a socket), for any editor.
// Lints Markdown on open and after a pause in typing, and serves hovers, quick fixes and concept counts.
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  buildCatalogue,
  CONFIG_NAMES,
  configChain,
  optionsFrom,
  parseConfig,
  validateSettings,
  type ConfigFile,
  conceptCard,
  describeError,
  overLimit,
  parseCorpus,
  functionCard,
  isDraftUri,
  resolveEditorSettings,
  utf8Length,
  type Catalogue,
  type Concept,
  type CorpusFile,
  type EditorSettings,
  type Finding,
  type LintOptions,
  type Passage,
  type Span,
  type TeamInput,
  type TermMatch,
  type WordReading,
  mergeTeam,
  withTeam,
  teamConfigEdits,
  NEW_CONFIG_NAME,
  newConfigText,
  activityLabel,
  type TeamAddition,
} from '../core';
// The extension's command ids, for the hover cards' links (an import-free module: nothing of the extension is bundled).
import { codeActionsFor, toDiagnostic, toRange, type ShippedLocations } from './present';
import {
  CATALOGUE_REQUEST,
  CHECK_REQUEST,
  CLEAR_NOTIFICATION,
  CONCEPT_COUNTS_REQUEST,
  CATALOGUE_CHANGED_NOTIFICATION,
  CONFIG_FILES_NOTIFICATION,
  READ_SOURCES_REQUEST,
  TEACH_COMMAND,
  TEAM_EDIT_REQUEST,
  DIAGNOSTIC_SOURCE,
  LINKED_COMMANDS,
  OCCURRENCES_REQUEST,
  type CatalogueSnapshot,
  type CheckParams,
  type CheckResult,
  type ClearParams,
  type ConfigFilesParams,
  type ReadSourcesParams,
  type ReadSourcesResult,
  type TeamEditParams,
  type TeamEditResult,
  type InitializationOptions,
  type OccurrencesParams,
} from './protocol';

interface Settings extends EditorSettings {
  options: LintOptions;
}

interface Result {
  version: number;
  findings: Finding[];
}

/** The most diagnostics published for one document: more would only stall the editor. */
export const MAX_DIAGNOSTICS = 2_000;

/** How long the server waits for the editor to answer workspace/configuration. */
const CONFIGURATION_WAIT_MS = 5_000;

export type LintAnswer = { findings: Finding[]; problems: string[] } | { superseded: true };

/** Lints texts away from the requests: a worker thread under Node, the web worker's own turns in a browser. */
export interface Linter {
  /** Lints `text`; a newer job with the same key makes this one resolve as superseded without being linted. */
  lint(key: string, text: string, options: LintOptions): Promise<LintAnswer>;
  /**
   * The catalogue terms of `text` (with the team's catalogue of `options`), for hovers and the Concepts counts: worked
   * out where the lints are, since a long draft's take seconds. Never superseded.
   */
  terms(text: string, options: LintOptions): Promise<TermMatch[]>;
  /** How the linter reads the word at `offset`: a function word, or an activity in any inflection (for hovers). */
  wordAt(text: string, offset: number, options: LintOptions): Promise<WordReading>;
  /** Stops linting; jobs still waiting resolve as superseded. */
  dispose(): Promise<void>;
}

/** What differs between the Node server and the one in a browser's web worker. */
export interface ServerHost {
  /** The corpus files: read from the installed `corpus/` folder, or (in a browser) sent by the client at start. */
  readCorpus(options: InitializationOptions | undefined): CorpusFile[];
  /** A linter over the catalogue built from these corpus files. */
  createLinter(corpus: CorpusFile[], catalogue: Catalogue, log: (message: string) => void): Linter;
  /** A folder's team config file (the first of CONFIG_NAMES there), for a server that reads them itself; none in a browser. */
  readConfigFile?(folderUri: string): { uri: string; text: string } | undefined;
  /** The URI of an installed file (`corpus/…`, `docs/…`), for editors that open shipped files from disk; none in a browser. */
  installedUri?(relative: string): string;
}

const shippedAt = (uriOf: (relative: string) => string): ShippedLocations => ({
  corpusFile: (file) => uriOf(`corpus/${file}`),
  rulePage: (docsPath) => uriOf(docsPath),
});

function commandLink(command: string, argument: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`;
}

/** A hierarchical URI as its authority ("file://", "file://host") and its path ("/repo/docs/a.md"). */
const HIERARCHICAL = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)$/i;

/**
 * The folder a URI is in, without a trailing slash ("file:///repo/docs" for "file:///repo/docs/a.md"; "file://" is the
 * root folder); undefined for a URI without a path of folders (untitled:…).
 */
function folderOf(uri: string): string | undefined {
  const [, authority, path] = HIERARCHICAL.exec(uri) ?? [];
  return authority === undefined || path === undefined ? undefined : authority + path.slice(0, path.lastIndexOf('/'));
}

/** A folder's parent, up to the root of its authority. */
const parentOf = (folder: string) => (HIERARCHICAL.test(folder) ? folderOf(folder) : undefined);

/** Serves the protocol on `connection`, with the corpus and the linter that `host` provides. */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  let linter: Linter | undefined;
  /** Where the shipped files live, so that they are never linted as drafts. */
  let shippedRoots: string[] = host.installedUri ? ['corpus', 'docs'].map((folder) => host.installedUri!(folder)) : [];
  const results = new Map<string, Result>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Each document's life so far: bumped when it opens, closes or a setting changes. A lint publishes only if the
   * generation it started in is still current, so a document closed and reopened at the same version, or a setting
   * changed meanwhile, never gets the findings of a lint that began before.
   */
  const generations = new Map<string, number>();
  let lastGeneration = 0;
  const renew = (uri: string) => generations.set(uri, ++lastGeneration);
  /** After shutdown nothing is linted or published. */
  let stopped = false;
  connection.onShutdown(async () => {
    stopped = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    await linter?.dispose();
  });
  const settingsCache = new Map<string, Promise<Settings>>();
  /** The team config files the client sent, by folder URI and name; once it has sent them, the disk is never read. */
  let configsFromClient = false;
  const sentConfigs = new Map<string, Map<string, ConfigFile>>();
  /** Config files read from disk (by a server whose client does not send them), by folder; cleared when files change. */
  const diskConfigs = new Map<string, ConfigFile | undefined>();
  /** Config files whose problems are shown as diagnostics on them, to clear when they are fixed or gone. */
  const configsWithProblems = new Set<string>();
  /** The text of each config file as last read, by URI: what a teach edit is computed against. */
  const configTexts = new Map<string, string>();
  /** The workspace folders and their team source globs, as the client sent them. */
  let workspaceFolders: Array<{ uri: string; sources: string[] }> = [];
  /** The team sources the client read, by pattern (`base` + "\n" + glob), and a count bumped each time they are read. */
  const sourcesByPattern = new Map<string, Array<{ uri: string; text: string }>>();
  let sourcesRead = 0;
  const patternKey = (base: string, glob: string) => `${base}\n${glob}`;
  const teamProblem = (problem: string) => warnOnce(`Team: ${problem}`);
  const reported = new Set<string>();
  const tooLarge = new Set<string>();
  let catalogue: Catalogue | undefined;
  let canRequestConfiguration = false;
  /** Whether to ask the client to report changes to config files on disk (a client that does not send them itself). */
  let watchFiles = false;
  /** Settings from `initializationOptions`, then as pushed by workspace/didChangeConfiguration, for clients that do not answer workspace/configuration. */
  let givenSettings: unknown;

  /** file: URIs of the installed files, or the VS Code extension's read-only `plumb-line:` ones when it asks. */
  let shipped: ShippedLocations = shippedAt((relative) => host.installedUri?.(relative) ?? `plumb-line:/${relative}`);
  /** Whether hover cards carry the VS Code extension's command links (Open passage, Reveal in sidebar). */
  let commandLinks = false;

  const warnOnce = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(message);
  };

  /** A Markdown draft, not one of the files the server ships (its corpus, its rule pages) nor an editor's copy. */
  const isDraft = (document: TextDocument) => document.languageId === 'markdown' && isDraftUri(document.uri, shippedRoots);

  /** A client that sends the config files sends them as it starts: the first lints wait for them (a while at most). */
  let configsArrived: () => void = () => undefined;
  let configsSent: Promise<void> = Promise.resolve();

  const settingsFor = (uri: string): Promise<Settings> => {
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = (async () => {
        await configsSent;
        let raw: unknown = givenSettings;
        if (canRequestConfiguration) {
          try {
            // An editor that never answers must not hold every lint: after a while the settings it gave at start stand.
            let timer: ReturnType<typeof setTimeout> | undefined;
            const unanswered = new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer in ${CONFIGURATION_WAIT_MS / 1000} s`)), CONFIGURATION_WAIT_MS);
            });
            const asked = connection.workspace.getConfiguration({ scopeUri: uri, section: 'plumbLine' });
            const configured: unknown = await Promise.race([asked, unanswered]).finally(() => clearTimeout(timer));
            if (configured && typeof configured === 'object') raw = configured;
          } catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            warnOnce(`Settings: the editor did not answer workspace/configuration (${why}); using the settings it gave at start, or the defaults.`);
          }
        }
        const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
        // The team's config files from the draft's folder up, then the editor's settings on top.
        const { layer, problems: invalid } = validateSettings(given);
        const chain = teamConfigs(uri);
        const options = optionsFrom([...chain.flatMap((file) => (file.layer ? [file.layer] : [])), layer]);
        const team = teamFor(uri, chain);
        if (team) options.team = team;
        const problems = invalid.map((problem) => problem.message);
        const editor = resolveEditorSettings({ enable: given.enable, debounceMs: given.debounceMs, maxFileSizeKB: given.maxFileSizeKB });
        for (const problem of [...problems, ...editor.problems]) warnOnce(`Settings: ${problem}`);
        return { ...editor, options };
      })();
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  /** A team config file parsed, its problems logged and shown as diagnostics on the file itself. */
  const loadConfig = (uri: string, text: string): ConfigFile => {
    const file = parseConfig(uri, text);
    configTexts.set(uri, text);
    const lines = text.replace(/^\ufeff/, '').split('\n');
    const diagnostics: Diagnostic[] = file.problems.map((problem) => {
      const line = problem.line - 1;
      const character = problem.column - 1;
      const end = Math.max(character + 1, (lines[line] ?? '').replace(/\r$/, '').length);
      return {
        range: { start: { line, character }, end: { line, character: end } },
        severity: file.layer ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      };
    });
    for (const problem of file.problems) warnOnce(`Team config ${uri}:${problem.line}:${problem.column}: ${problem.message}`);
    if (diagnostics.length > 0 || configsWithProblems.has(uri)) void connection.sendDiagnostics({ uri, diagnostics });
    if (diagnostics.length > 0) configsWithProblems.add(uri);
    else configsWithProblems.delete(uri);
    return file;
  };

  /** A folder's config file: the first of CONFIG_NAMES there, as the client sent it or as read from disk. */
  const configIn = (folder: string): ConfigFile | undefined => {
    if (configsFromClient) {
      const files = sentConfigs.get(folder);
      const name = CONFIG_NAMES.find((candidate) => files?.has(candidate));
      return name === undefined ? undefined : files?.get(name);
    }
    if (!host.readConfigFile || !folder.startsWith('file:')) return undefined;
    if (!diskConfigs.has(folder)) {
      let found: ConfigFile | undefined;
      try {
        const read = host.readConfigFile(folder);
        found = read && loadConfig(read.uri, read.text);
      } catch (error) {
        warnOnce(`Team config in ${folder}: could not be read (${describeError(error)})`);
      }
      diskConfigs.set(folder, found);
    }
    return diskConfigs.get(folder);
  };

  /** The team config files that apply to a document, the farthest first. */
  const teamConfigs = (uri: string): ConfigFile[] => {
    const folder = folderOf(uri);
    return folder === undefined ? [] : configChain(folder, configIn, parentOf);
  };

  /** The team source patterns of a chain of config files, and of the workspace folder a document is in. */
  const sourcePatternsFor = (uri: string, chain: ConfigFile[]) => [
    ...chain.flatMap((file) => {
      const base = folderOf(file.name);
      return base === undefined ? [] : file.team.sources.map((glob) => ({ base, glob }));
    }),
    ...workspaceFolders.filter((folder) => uri.startsWith(`${folder.uri}/`)).flatMap((folder) => folder.sources.map((glob) => ({ base: folder.uri, glob }))),
  ];

  /** What the team adds for a document: the sources its patterns found, and the chain's concepts and moves. */
  const teamFor = (uri: string, chain: ConfigFile[]): TeamInput | undefined => {
    const patterns = sourcePatternsFor(uri, chain);
    const seen = new Set<string>();
    const sources = patterns
      .flatMap(({ base, glob }) => sourcesByPattern.get(patternKey(base, glob)) ?? [])
      .filter((file) => !seen.has(file.uri) && seen.add(file.uri))
      .map((file) => ({ file: file.uri, text: file.text }));
    const { concepts, moves } = mergeTeam(chain);
    if (sources.length === 0 && concepts.length === 0 && moves.length === 0) return undefined;
    const key = [sourcesRead, ...chain.map((file) => file.name), ...patterns.map(({ base, glob }) => patternKey(base, glob))].join('\n');
    return { key, sources, concepts, moves };
  };

  /** The catalogue a document is linted, hovered and counted with: the team's, where it has one. */
  const catalogueFor = async (uri: string): Promise<Catalogue> => withTeam(catalogue!, (await settingsFor(uri)).options.team, teamProblem);

  /** Asks the client for every team source pattern of these config files and of its workspace folders. */
  const readSources = async (configs: Map<string, Map<string, ConfigFile>>) => {
    const patterns = new Map<string, { base: string; glob: string }>();
    for (const [folder, files] of configs) {
      const name = CONFIG_NAMES.find((candidate) => files.has(candidate));
      for (const glob of name === undefined ? [] : files.get(name)!.team.sources) patterns.set(patternKey(folder, glob), { base: folder, glob });
    }
    for (const folder of workspaceFolders) for (const glob of folder.sources) patterns.set(patternKey(folder.uri, glob), { base: folder.uri, glob });
    const asked = [...patterns.values()];
    const read = new Map<string, Array<{ uri: string; text: string }>>();
    if (asked.length > 0) {
      try {
        const answer = await connection.sendRequest<ReadSourcesResult>(READ_SOURCES_REQUEST, { patterns: asked } satisfies ReadSourcesParams);
        asked.forEach((pattern, index) => {
          const files = answer?.files?.[index];
          if (Array.isArray(files))
            read.set(
              patternKey(pattern.base, pattern.glob),
              files.filter((file) => typeof file?.uri === 'string' && typeof file.text === 'string'),
            );
        });
      } catch (error) {
        warnOnce(`Team: the editor could not read the team sources (${describeError(error)}); linting without them.`);
      }
    }
    return read;
  };

  /**
   * The workspace edit that records a team choice for a draft: in the nearest config file that applies to it, keeping
   * that file's formatting, or in a new `.plumb-line.json` at the top of its workspace folder (or beside it).
   */
  const teamEdit = (uri: string, addition: TeamAddition): TeamEditResult => {
    const nearest = teamConfigs(uri).at(-1);
    const text = nearest && configTexts.get(nearest.name);
    if (nearest && text !== undefined) {
      let edits;
      try {
        edits = teamConfigEdits(nearest.name, text, addition);
      } catch (error) {
        return { problem: `${nearest.name}: ${(error as Error).message}` };
      }
      const lines = TextDocument.create(nearest.name, 'json', 0, text);
      const textEdits = edits.map((edit) => ({
        range: { start: lines.positionAt(edit.offset), end: lines.positionAt(edit.offset + edit.length) },
        newText: edit.text,
      }));
      return { edit: { documentChanges: [{ textDocument: { uri: nearest.name, version: null }, edits: textEdits }] }, configUri: nearest.name };
    }
    const folder = workspaceFolders.find((candidate) => uri.startsWith(`${candidate.uri}/`))?.uri ?? folderOf(uri);
    if (folder === undefined) return { problem: `${uri} is in no folder, so there is nowhere to put a team config file` };
    const configUri = `${folder}/${NEW_CONFIG_NAME}`;
    const start = { line: 0, character: 0 };
    return {
      edit: {
        documentChanges: [
          { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: configUri, version: null }, edits: [{ range: { start, end: start }, newText: newConfigText(addition) }] },
        ],
      },
      configUri,
    };
  };

  /** Settings or config files changed: every open document gets fresh settings and a lint. */
  const relintAll = () => {
    settingsCache.clear();
    for (const document of documents.all()) {
      renew(document.uri);
      void schedule(document, false);
    }
  };

  const clear = (uri: string) => {
    results.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  };

  /** What linting a text came to: its findings, or why it was not linted. */
  type Outcome = { kind: 'findings'; findings: Finding[] } | { kind: 'too large'; bytes: number; limit: number } | { kind: 'off' };

  /** Lints in the worker thread; undefined when a newer lint of the same document superseded this one. */
  const compute = async (uri: string, text: string, settings: Settings, explicit: boolean): Promise<Outcome | undefined> => {
    // Linting as you type can be switched off; an explicit check (Check terminology) runs either way.
    if (!settings.enabled && !explicit) return { kind: 'off' };
    const bytes = utf8Length(text);
    if (bytes > settings.maxFileBytes) return { kind: 'too large', bytes, limit: settings.maxFileBytes };
    if (!linter) return undefined;
    const answer = await linter.lint(explicit ? `check ${uri}` : uri, text, settings.options);
    if ('superseded' in answer) return undefined;
    for (const problem of answer.problems) connection.console.error(`${uri}: ${problem}`);
    return { kind: 'findings', findings: answer.findings };
  };

  const summary = (outcome: Outcome): CheckResult =>
    outcome.kind === 'findings'
      ? { status: 'checked', findings: outcome.findings.length }
      : outcome.kind === 'too large'
        ? { status: 'too large' }
        : { status: 'checked', findings: 0 };

  /** Publishes an outcome: the diagnostics (with the version they belong to), or none, saying once why a file is skipped. */
  const publish = (uri: string, outcome: Outcome, version: number | undefined, known: Catalogue): CheckResult => {
    if (outcome.kind !== 'findings') {
      clear(uri);
      if (outcome.kind === 'off') return { status: 'checked', findings: 0 };
      if (!tooLarge.has(uri)) connection.console.warn(`${uri}: not checked, ${overLimit(outcome.bytes, outcome.limit, 'plumbLine.maxFileSizeKB')}`);
      tooLarge.add(uri);
      return { status: 'too large' };
    }
    tooLarge.delete(uri);
    if (version !== undefined) results.set(uri, { version, findings: outcome.findings });
    // A pathological draft can have tens of thousands of findings; the editor is sent the first few thousand, as Code
    // Spell Checker does, and the log says so. Quick fixes and counts keep them all.
    const shown = outcome.findings.slice(0, MAX_DIAGNOSTICS);
    if (shown.length < outcome.findings.length) {
      warnOnce(`${uri}: ${outcome.findings.length} findings; the editor is shown the first ${MAX_DIAGNOSTICS}.`);
    }
    const diagnostics = shown.map((finding) => toDiagnostic(uri, finding, known, shipped));
    void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    return { status: 'checked', findings: outcome.findings.length };
  };

  /** Whether a lint begun at this version and generation may still publish. */
  const current = (uri: string, version: number, generation: number | undefined) =>
    !stopped && documents.get(uri)?.version === version && generations.get(uri) === generation;

  const lint = async (uri: string, version: number, generation: number | undefined) => {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    // A newer version has its own lint on the way, and a closed document needs none: publish nothing stale.
    if (!catalogue || !document || !current(uri, version, generation)) return;
    const known = withTeam(catalogue, settings.options.team, teamProblem);
    // With tracing on ($/setTrace, or `trace` at initialize) the editor's log shows each lint as it starts.
    connection.tracer.log(`Linting ${uri} (version ${version})`);
    const outcome = await compute(uri, document.getText(), settings, false);
    // A change, a close or a setting that came in while the worker linted makes these findings stale.
    if (!outcome || !current(uri, version, generation)) return;
    publish(uri, outcome, version, known);
  };

  /** Lints a document soon: at once when it opens, after a pause in typing when it changes. Never rejects. */
  const schedule = (document: TextDocument, afterEdit: boolean) =>
    scheduleLint(document, afterEdit).catch((error) => connection.console.error(`Could not lint ${document.uri}: ${describeError(error)}`));

  const scheduleLint = async (document: TextDocument, afterEdit: boolean) => {
    const { uri, version } = document;
    const generation = generations.get(uri);
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    if (stopped || !isDraft(document)) return;
    const { debounceMs } = await settingsFor(uri);
    // A newer change, a close or a setting came in while the settings were read: it schedules its own lint.
    if (!current(uri, version, generation)) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(
        () => {
          timers.delete(uri);
          lint(uri, version, generation).catch((error) => connection.console.error(`Could not lint ${uri}: ${describeError(error)}`));
        },
        afterEdit ? debounceMs : 0,
      ),
    );
  };

  connection.onInitialize((params: InitializeParams) => {
    canRequestConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as InitializationOptions | undefined;
    givenSettings = options?.plumbLine ?? options;
    if (options?.shippedScheme === true) shipped = shippedAt((relative) => `plumb-line:/${relative}`);
    commandLinks = options?.commandLinks === true;
    configsFromClient = options?.configFiles === 'client';
    if (configsFromClient) {
      configsSent = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          warnOnce(`Team config: the editor did not send the config files in ${CONFIGURATION_WAIT_MS / 1000} s; linting without them until it does.`);
          resolve();
        }, CONFIGURATION_WAIT_MS);
        configsArrived = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    watchFiles = !configsFromClient && params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    if (Array.isArray(options?.shippedRoots)) shippedRoots = [...shippedRoots, ...options.shippedRoots.filter((root) => typeof root === 'string')];
    try {
      const corpus = host.readCorpus(options);
      catalogue = buildCatalogue(parseCorpus(corpus));
      linter = host.createLinter(corpus, catalogue, (message) => connection.console.error(message));
    } catch (error) {
      // Without a catalogue the server still answers, with nothing to say; the reason is in the log.
      connection.console.error(`Could not load the corpus: ${describeError(error)}`);
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
    relintAll();
  });

  connection.onInitialized(() => {
    const globPattern = `**/{${CONFIG_NAMES.join(',')}}`;
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
  });

  // One set of config files at a time: a set sent while the last one's sources are read waits its turn.
  let configTurn = Promise.resolve();
  connection.onNotification(CONFIG_FILES_NOTIFICATION, (params: Partial<ConfigFilesParams> | null) => {
    configTurn = configTurn.then(() => takeConfigFiles(params)).catch((error) => connection.console.error(`Team config: ${describeError(error)}`));
  });

  const takeConfigFiles = async (params: Partial<ConfigFilesParams> | null) => {
    configsFromClient = true;
    workspaceFolders = (Array.isArray(params?.folders) ? params.folders : [])
      .filter((folder) => typeof folder?.uri === 'string' && Array.isArray(folder.sources))
      .map((folder) => ({ uri: folder.uri.replace(/\/$/, ''), sources: folder.sources.filter((glob) => typeof glob === 'string') }));
    const before = new Set(configsWithProblems);
    // The new set is parsed aside, its team sources read, and both swapped in together: a draft linted meanwhile
    // sees the last whole set of config files and sources, never the new config with the old sources.
    const next = new Map<string, Map<string, ConfigFile>>();
    for (const sent of Array.isArray(params?.files) ? params.files : []) {
      if (typeof sent?.uri !== 'string' || typeof sent.text !== 'string') continue;
      const folder = folderOf(sent.uri);
      const name = sent.uri.slice(sent.uri.lastIndexOf('/') + 1);
      if (folder === undefined || !(CONFIG_NAMES as readonly string[]).includes(name)) continue;
      before.delete(sent.uri);
      const files = next.get(folder) ?? new Map<string, ConfigFile>();
      files.set(name, loadConfig(sent.uri, sent.text));
      next.set(folder, files);
    }
    // A config file deleted with problems loses their diagnostics.
    for (const gone of before) {
      configsWithProblems.delete(gone);
      void connection.sendDiagnostics({ uri: gone, diagnostics: [] });
    }
    const sources = await readSources(next);
    sentConfigs.clear();
    for (const [folder, files] of next) sentConfigs.set(folder, files);
    sourcesByPattern.clear();
    for (const [key, files] of sources) sourcesByPattern.set(key, files);
    sourcesRead += 1;
    configsArrived();
    relintAll();
    void connection.sendNotification(CATALOGUE_CHANGED_NOTIFICATION);
  };

  connection.onDidChangeWatchedFiles(() => {
    if (configsFromClient) return;
    diskConfigs.clear();
    relintAll();
  });

  // Fired on open and on every change: an open lints at once, an edit after a pause in typing.
  const opened = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    const afterEdit = opened.has(document.uri);
    if (!afterEdit) renew(document.uri);
    opened.add(document.uri);
    void schedule(document, afterEdit);
  });
  documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    renew(document.uri);
    terms.delete(document.uri);
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    settingsCache.delete(document.uri);
    tooLarge.delete(document.uri);
    clear(document.uri);
  });

  /**
   * What hovers and counts need of a document's current version, worked out once and kept: whether it is within the
   * size limit, and its catalogue terms (none over the limit).
   */
  const terms = new Map<string, { version: number; known: Catalogue; found: Promise<{ withinLimit: boolean; found: TermMatch[] }> }>();
  const termsIn = (document: TextDocument, known: Catalogue) => {
    const kept = terms.get(document.uri);
    if (kept?.version === document.version && kept.known === known) return kept.found;
    const text = document.getText();
    // Hovers and counts asked at once for one version share one piece of work.
    const found = (async () => {
      const settings = await settingsFor(document.uri);
      const withinLimit = utf8Length(text) <= settings.maxFileBytes;
      return { withinLimit, found: withinLimit && linter ? await linter.terms(text, settings.options) : [] };
    })();
    terms.set(document.uri, { version: document.version, known, found });
    // A failed piece of work is not kept: the next request tries again.
    found.catch(() => {
      if (terms.get(document.uri)?.found === found) terms.delete(document.uri);
    });
    return found;
  };

  connection.onHover(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!catalogue || !document || !isDraft(document)) return null;
    // The team's catalogue for this draft: its sources, concepts and moves.
    const known = withTeam(catalogue, (await settingsFor(document.uri)).options.team, teamProblem);
    const offset = document.offsetAt(position);
    const links = commandLinks
      ? {
          passage: (passage: Passage) => commandLink(LINKED_COMMANDS.openPassage, passage.id),
          concept: (shown: Concept) => commandLink(LINKED_COMMANDS.revealConcept, shown.id),
        }
      : {};
    const { withinLimit, found } = await termsIn(document, known);
    const term = found.find((match) => match.span.start.offset <= offset && offset <= match.span.end.offset);
    const concept = term && known.get(term.conceptId);
    if (term && concept) return { contents: { kind: 'markdown', value: conceptCard(known, concept, links) }, range: toRange(term.span) };
    // "sales" or "marketing" itself: how the linter reads this use (within the size limit, like the terms).
    if (!withinLimit) return null;
    // Or an activity in any inflection ("closed the deal", "negotiated the renewal"), matched as the linter matches it.
    if (!linter) return null;
    const { reading, activity } = await linter.wordAt(document.getText(), offset, (await settingsFor(document.uri)).options);
    if (reading) return { contents: { kind: 'markdown', value: functionCard(known, reading, links) }, range: toRange(reading.span) };
    const shown = activity && known.get(activity.conceptId);
    return activity && shown ? { contents: { kind: 'markdown', value: conceptCard(known, shown, links) }, range: toRange(activity.span) } : null;
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const result = results.get(textDocument.uri);
    // Fixes computed for another version of the text would edit the wrong characters.
    if (!document || !result || result.version !== document.version) return [];
    return codeActionsFor(textDocument.uri, result.findings, context.diagnostics, (finding, diagnostic) => {
      if (!finding.teach) return undefined;
      // "In our team, running the trade shows is marketing's work": the team's choice, written to its config file.
      const move = { activity: finding.teach.activity, side: finding.teach.side };
      const title = `In our team, ${activityLabel(move.activity).toLowerCase()} is ${move.side === 'sales' ? "sales'" : "marketing's"} work`;
      const base = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
      // The VS Code extension applies and saves the edit itself; another editor gets the edit to apply.
      if (commandLinks) return { ...base, command: { title, command: TEACH_COMMAND, arguments: [{ uri: textDocument.uri, addition: { move } }] } };
      const answer = teamEdit(textDocument.uri, { move });
      return 'edit' in answer ? { ...base, edit: answer.edit } : undefined;
    });
  });

  connection.onRequest(CHECK_REQUEST, async (params: Partial<CheckParams> | null): Promise<CheckResult> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return { status: 'failed', reason: 'no document URI' };
    if (!catalogue) return { status: 'failed', reason: 'the corpus could not be loaded' };
    const bundled = catalogue;
    const open = documents.get(uri);
    const text = open ? open.getText() : typeof params?.text === 'string' ? params.text : undefined;
    if (text === undefined) return { status: 'failed', reason: `${uri} is not open and no text was sent` };
    if (!isDraftUri(uri, shippedRoots) || (open && open.languageId !== 'markdown')) return { status: 'not a draft' };
    const generation = generations.get(uri);
    const settings = await settingsFor(uri);
    const known = withTeam(bundled, settings.options.team, teamProblem);
    // Opened or closed while the settings were read: its own lint (or close) decides its diagnostics.
    if (stopped || generations.get(uri) !== generation) return { status: 'failed', reason: `${uri} was opened or closed during the check` };
    const version = documents.get(uri)?.version;
    // An open document is checked as it is now; a pending lint of it is no longer needed.
    if (version !== undefined) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
    }
    const outcome = await compute(uri, documents.get(uri)?.getText() ?? text, settings, true);
    if (!outcome) return { status: 'failed', reason: `${uri}: a newer check of it came in` };
    // Edited, opened or closed meanwhile: the counts stand, the diagnostics are left to the document's own lint.
    if (stopped || generations.get(uri) !== generation || documents.get(uri)?.version !== version) return summary(outcome);
    const result = publish(uri, outcome, version, known);
    // A file checked but not open keeps nothing but its diagnostics here: Check terminology over a workspace leaves no cache behind.
    if (version === undefined) {
      settingsCache.delete(uri);
      tooLarge.delete(uri);
    }
    return result;
  });

  connection.onRequest<TeamEditResult, unknown>(TEAM_EDIT_REQUEST, (params: Partial<TeamEditParams> | null): TeamEditResult => {
    const uri = params?.textDocument?.uri;
    const addition = params?.addition;
    if (typeof uri !== 'string' || !addition || typeof addition !== 'object') return { problem: 'no document or nothing to add' };
    return teamEdit(uri, addition);
  });

  connection.onNotification(CLEAR_NOTIFICATION, (params: Partial<ClearParams> | null) => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string' || documents.get(uri)) return;
    // A new generation, so a check of the file still under way publishes nothing after this.
    renew(uri);
    settingsCache.delete(uri);
    tooLarge.delete(uri);
    clear(uri);
  });

  /**
   * Where each concept occurs in a draft, in order: its catalogue terms, and the claims the linter flagged as the
   * concept's work ("Marketing will close … deals" is Closing the sale) that no term of the concept already covers.
   */
  const occurrencesIn = async (document: TextDocument, known: Catalogue): Promise<Array<{ conceptId: string; span: Span }>> => {
    const places = (await termsIn(document, known)).found.map(({ conceptId, span }) => ({ conceptId, span }));
    // Each concept's term spans in order (they do not overlap), and how far its flagged places taken so far reach:
    // a finding is checked against both in log time, so a draft with thousands of findings stays linear.
    const termSpans = new Map<string, Span[]>();
    for (const { conceptId, span } of places) {
      const spans = termSpans.get(conceptId);
      if (spans) spans.push(span);
      else termSpans.set(conceptId, [span]);
    }
    const reach = new Map<string, number>();
    const result = results.get(document.uri);
    const flagged = result?.version === document.version ? result.findings : [];
    for (const { conceptId, span } of flagged) {
      if (!conceptId) continue;
      const spans = termSpans.get(conceptId) ?? [];
      const next = firstEndingAfter(spans, span.start.offset);
      const coveredByTerm = next !== undefined && next.start.offset < span.end.offset;
      const coveredByFinding = (reach.get(conceptId) ?? -1) > span.start.offset;
      if (coveredByTerm || coveredByFinding) continue;
      places.push({ conceptId, span });
      reach.set(conceptId, Math.max(reach.get(conceptId) ?? -1, span.end.offset));
    }
    return places.sort((a, b) => a.span.start.offset - b.span.start.offset);
  };

  connection.onRequest(CONCEPT_COUNTS_REQUEST, async (params: { textDocument?: { uri?: unknown } } | null) => {
    const uri = params?.textDocument?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!catalogue || !document || !isDraft(document)) return {};
    const counts: Record<string, number> = {};
    for (const { conceptId } of await occurrencesIn(document, await catalogueFor(document.uri))) counts[conceptId] = (counts[conceptId] ?? 0) + 1;
    return counts;
  });

  connection.onRequest(OCCURRENCES_REQUEST, async (params: Partial<OccurrencesParams> | null) => {
    const uri = params?.textDocument?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!catalogue || !document || !isDraft(document) || typeof params?.conceptId !== 'string') return [];
    const { conceptId } = params;
    return (await occurrencesIn(document, await catalogueFor(document.uri)))
      .filter((place) => place.conceptId === conceptId)
      .map((place) => toRange(place.span));
  });

  // `{ uri }`: the catalogue with the team's sources, concepts and moves for a file there (the views ask for the
  // workspace folder's); without it, the bundled catalogue.
  connection.onRequest(CATALOGUE_REQUEST, async (params: { uri?: unknown } | null): Promise<CatalogueSnapshot | null> => {
    if (!catalogue) return null;
    return snapshotOf(typeof params?.uri === 'string' ? await catalogueFor(params.uri) : catalogue);
  });

  documents.listen(connection);
  connection.listen();
}

/** The catalogue as plain data for the client's views: the sources as parsed, and each concept with its passages' ids. */
export function snapshotOf(catalogue: Catalogue): CatalogueSnapshot {
  return {
    sources: catalogue.corpus.sources,
    concepts: catalogue.concepts.map(({ id, label, side, definition, terms, passages, team }) => ({
      id,
      label,
      side,
      definition,
      terms,
      passageIds: passages.map((passage) => passage.id),
      ...(team ? { team: team.kind } : {}),
    })),
  };
}

/** The first of non-overlapping spans in order that ends after `offset`, by binary search. */
function firstEndingAfter(spans: Span[], offset: number): Span | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end.offset <= offset) low = middle + 1;
    else high = middle;
  }
  return spans[low];
}
