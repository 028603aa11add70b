// plumb-line-ls: the engine as a Language Server Protocol server (stdio, node IPC or a socket), for any editor.
// Lints Markdown on open and after a pause in typing, and serves hovers, quick fixes and concept counts.
import { CodeActionKind, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  activityAt,
  activityIndex,
  buildCatalogue,
  conceptCard,
  describeError,
  overLimit,
  parseCorpus,
  functionCard,
  functionWordAt,
  isDraftUri,
  resolveEditorSettings,
  resolveOptions,
  utf8Length,
  type Catalogue,
  type Concept,
  type CorpusFile,
  type EditorSettings,
  type Finding,
  type LintOptions,
  type Passage,
  type Span,
  type TermMatch,
} from '../core';
// The extension's command ids, for the hover cards' links (an import-free module: nothing of the extension is bundled).
import { codeActionsFor, toDiagnostic, toRange, type ShippedLocations } from './present';
import {
  CATALOGUE_REQUEST,
  CHECK_REQUEST,
  CLEAR_NOTIFICATION,
  CONCEPT_COUNTS_REQUEST,
  LINKED_COMMANDS,
  OCCURRENCES_REQUEST,
  type CatalogueSnapshot,
  type CheckParams,
  type CheckResult,
  type ClearParams,
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
  /** Stops linting; jobs still waiting resolve as superseded. */
  dispose(): Promise<void>;
}

/** What differs between the Node server and the one in a browser's web worker. */
export interface ServerHost {
  /** The corpus files: read from the installed `corpus/` folder, or (in a browser) sent by the client at start. */
  readCorpus(options: InitializationOptions | undefined): CorpusFile[];
  /** A linter over the catalogue built from these corpus files. */
  createLinter(corpus: CorpusFile[], catalogue: Catalogue, log: (message: string) => void): Linter;
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
  const reported = new Set<string>();
  const tooLarge = new Set<string>();
  let catalogue: Catalogue | undefined;
  let canRequestConfiguration = false;
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

  const settingsFor = (uri: string): Promise<Settings> => {
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = (async () => {
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
        const { options, problems } = resolveOptions(given);
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
    void connection.sendDiagnostics({ uri, version, diagnostics: shown.map((finding) => toDiagnostic(uri, finding, known, shipped)) });
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
    const known = catalogue;
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
    settingsCache.clear();
    for (const document of documents.all()) {
      renew(document.uri);
      void schedule(document, false);
    }
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
  const terms = new Map<string, { version: number; withinLimit: boolean; found: TermMatch[] }>();
  const termsIn = async (document: TextDocument, known: Catalogue) => {
    const kept = terms.get(document.uri);
    if (kept?.version === document.version) return kept;
    const { maxFileBytes } = await settingsFor(document.uri);
    const text = document.getText();
    const withinLimit = utf8Length(text) <= maxFileBytes;
    const fresh = { version: document.version, withinLimit, found: withinLimit ? known.findTerms(text) : [] };
    terms.set(document.uri, fresh);
    return fresh;
  };

  connection.onHover(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!catalogue || !document || !isDraft(document)) return null;
    const offset = document.offsetAt(position);
    const links = commandLinks
      ? {
          passage: (passage: Passage) => commandLink(LINKED_COMMANDS.openPassage, passage.id),
          concept: (shown: Concept) => commandLink(LINKED_COMMANDS.revealConcept, shown.id),
        }
      : {};
    const { withinLimit, found } = await termsIn(document, catalogue);
    const term = found.find((match) => match.span.start.offset <= offset && offset <= match.span.end.offset);
    const concept = term && catalogue.get(term.conceptId);
    if (term && concept) return { contents: { kind: 'markdown', value: conceptCard(catalogue, concept, links) }, range: toRange(term.span) };
    // "sales" or "marketing" itself: how the linter reads this use (within the size limit, like the terms).
    if (!withinLimit) return null;
    const reading = functionWordAt(document.getText(), offset);
    if (reading) return { contents: { kind: 'markdown', value: functionCard(catalogue, reading, links) }, range: toRange(reading.span) };
    // An activity in any inflection ("closed the deal", "negotiated the renewal"), matched as the linter matches it.
    const { options } = await settingsFor(document.uri);
    const activity = activityAt(document.getText(), offset, activityIndex(catalogue, options.extraPhrases));
    const shown = activity && catalogue.get(activity.conceptId);
    return activity && shown ? { contents: { kind: 'markdown', value: conceptCard(catalogue, shown, links) }, range: toRange(activity.span) } : null;
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const result = results.get(textDocument.uri);
    // Fixes computed for another version of the text would edit the wrong characters.
    if (!document || !result || result.version !== document.version) return [];
    return codeActionsFor(textDocument.uri, result.findings, context.diagnostics);
  });

  connection.onRequest(CHECK_REQUEST, async (params: Partial<CheckParams> | null): Promise<CheckResult> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return { status: 'failed', reason: 'no document URI' };
    if (!catalogue) return { status: 'failed', reason: 'the corpus could not be loaded' };
    const known = catalogue;
    const open = documents.get(uri);
    const text = open ? open.getText() : typeof params?.text === 'string' ? params.text : undefined;
    if (text === undefined) return { status: 'failed', reason: `${uri} is not open and no text was sent` };
    if (!isDraftUri(uri, shippedRoots) || (open && open.languageId !== 'markdown')) return { status: 'not a draft' };
    const generation = generations.get(uri);
    const settings = await settingsFor(uri);
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
    for (const { conceptId } of await occurrencesIn(document, catalogue)) counts[conceptId] = (counts[conceptId] ?? 0) + 1;
    return counts;
  });

  connection.onRequest(OCCURRENCES_REQUEST, async (params: Partial<OccurrencesParams> | null) => {
    const uri = params?.textDocument?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!catalogue || !document || !isDraft(document) || typeof params?.conceptId !== 'string') return [];
    const { conceptId } = params;
    return (await occurrencesIn(document, catalogue)).filter((place) => place.conceptId === conceptId).map((place) => toRange(place.span));
  });

  connection.onRequest(CATALOGUE_REQUEST, (): CatalogueSnapshot | null => (catalogue ? snapshotOf(catalogue) : null));

  documents.listen(connection);
  connection.listen();
}

/** The catalogue as plain data for the client's views: the sources as parsed, and each concept with its passages' ids. */
export function snapshotOf(catalogue: Catalogue): CatalogueSnapshot {
  return {
    sources: catalogue.corpus.sources,
    concepts: catalogue.concepts.map(({ id, label, side, definition, terms, passages }) => ({
      id,
      label,
      side,
      definition,
      terms,
      passageIds: passages.map((passage) => passage.id),
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
