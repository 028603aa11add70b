// plumb-line-ls driven over stdio as another editor (Neovim, Helix, Zed) drives it: initialize, didOpen,
// publishDiagnostics, hover, codeAction, didChange, the concept counts, configuration, shutdown and exit.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  RegistrationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  LogTraceNotification,
  LogMessageNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CHECK_REQUEST, CLEAR_NOTIFICATION, type CheckResult } from '../../src/server/protocol';
import { repoRoot } from './shared';

const SERVER = path.join(repoRoot, 'dist', 'server.js');
const URI = 'file:///drafts/plan.md';
const DRAFT = '# Plan\n\nOur marketing team closed the deal with Acme.\n\nWe will start a loyalty program.\n';

describe('plumb-line-ls over stdio', function () {
  this.timeout(30_000);
  let server: ChildProcess;
  let connection: ProtocolConnection;
  let published: PublishDiagnosticsParams[];
  let logged: string[];
  let waiters: { uri: string; test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[];
  /** What the client answers to workspace/configuration, as an editor's settings for section plumbLine. */
  let configured: unknown;
  /** The options of each capability the server registered (client/registerCapability), as JSON. */
  let registered: string[];
  /** Run just after the client has answered a configuration request. */
  let afterConfiguration: (() => void) | undefined;
  /** Run when the server traces the start of a lint, with its message. */
  let onLintStart: ((message: string) => void) | undefined;

  /** Resolves with the first diagnostics published for `uri` (already or later) that pass `test`. */
  const diagnosticsWhere = (uri: string, test: (params: PublishDiagnosticsParams) => boolean) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const already = published.find((params) => params.uri === uri && test(params));
      if (already) resolve(already);
      else waiters.push({ uri, test, resolve });
    });

  const open = (uri: string, text: string, version = 1) =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });

  /** Starts the server and initializes it as a client with these capabilities and options would. */
  const start = async (capabilities: object, initializationOptions?: unknown) => {
    published = [];
    logged = [];
    waiters = [];
    configured = {};
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
      for (const waiter of [...waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      logged.push(params.message);
    });
    afterConfiguration = undefined;
    onLintStart = undefined;
    connection.onNotification(LogTraceNotification.type, ({ message }) => onLintStart?.(message));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      if (afterConfiguration) setImmediate(afterConfiguration);
      if (configured === 'refuse') throw new Error('no settings here');
      if (configured === 'never') return new Promise<never>(() => undefined);
      return params.items.map(() => configured);
    });
    registered = [];
    connection.onRequest(RegistrationRequest.type, (params) => {
      registered.push(...params.registrations.map((registration) => JSON.stringify(registration.registerOptions)));
    });
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions,
      workspaceFolders: null,
      trace: 'messages',
    });
    assert.equal(initialized.serverInfo?.name, 'plumb-line-ls');
    await connection.sendNotification(InitializedNotification.type, {});
  };
  /** The hover at a place in the draft opened as URI. */
  const hoverAt = (line: number, character: number) => connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line, character } });
  const stop = () => {
    connection.dispose();
    server.kill();
  };

  beforeEach(() => start({ workspace: { configuration: true } }));

  afterEach(stop);

  it('publishes each finding with its exact range, rule, link to the rule page, reading and cited evidence', async () => {
    await open(URI, DRAFT);
    const { diagnostics, version } = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    assert.equal(version, 1);
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics as [Diagnostic];
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 34 } });
    assert.equal(DRAFT.split('\n')[2]!.slice(4, 34), 'marketing team closed the deal');
    assert.equal(diagnostic.code, 'marketing-doing-sales');
    assert.equal(diagnostic.source, 'Plumb Line');
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.codeDescription?.href, pathToFileURL(path.join(repoRoot, 'docs', 'rules', 'marketing-doing-sales.md')).href);
    const [reading, ...evidence] = diagnostic.relatedInformation ?? [];
    assert.match(reading!.message, /^Read as: “marketing team” → “closed the deal”/);
    const corpusFile = (file: string) => pathToFileURL(path.join(repoRoot, 'corpus', file)).href;
    assert.deepEqual(evidence, [
      {
        location: { uri: corpusFile('linkedin-survey.md'), range: { start: { line: 22, character: 2 }, end: { line: 22, character: 81 } } },
        message: '“Sales closes the deal; Marketing creates the environment for Sales to happen.” — The Difference Between Marketing and Sales, Matthew Sawyer',
      },
      {
        location: { uri: corpusFile('understanding-the-difference.md'), range: { start: { line: 27, character: 0 }, end: { line: 27, character: 41 } } },
        message: '“Overcoming objections and closing sales” — Understanding the Difference between Sales and Marketing',
      },
    ]);
  });

  it('answers a hover on a catalogue term with its card, and none elsewhere', async () => {
    await open(URI, DRAFT);
    const hover = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 4, character: 20 } })) as Hover;
    const card = hover.contents as MarkupContent;
    assert.equal(card.kind, 'markdown');
    assert.match(card.value, /^\*\*Loyalty programs?\*\* · Marketing\n\n/i);
    assert.ok(!card.value.includes('command:'), 'a command link outside VS Code');
    assert.deepEqual(hover.range, { start: { line: 4, character: 16 }, end: { line: 4, character: 31 } });
    assert.equal(await connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 3 } }), null);
  });

  it('a hover on "sales" or "marketing" itself gives the linter\'s reading of that use (issue 9, item 4)', async () => {
    const text = '# Notes\n\nOur sales team closes every deal.\n\nHoliday sales rose by 12%.\n\nMarketing runs the brand.\n';
    await open(URI, text);
    const team = await hoverAt(2, 6);
    assert.match((team!.contents as MarkupContent).value, /^\*sales\* here names the sales function\.\n\n\*\*One-to-one\*\* · Sales\n\n/);
    assert.deepEqual(team!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    const revenue = await hoverAt(4, 10);
    assert.equal(
      (revenue!.contents as MarkupContent).value,
      "*sales* here is not the sales function (a quantity, a tax, a season's sales…): Plumb Line does not read it as a doer.",
    );
    const marketing = await hoverAt(6, 2);
    assert.match((marketing!.contents as MarkupContent).value, /^\*Marketing\* here names the marketing function\.\n\n\*\*One-to-many\*\* · Marketing/);
  });

  it('a hover on an activity in any inflection gives its concept card, on the whole phrase (issue 9, item 5)', async () => {
    const text = '# Notes\n\nLast week the account team closed the deal with Acme.\n\nThe renewal was negotiated in May.\n\nNothing else here.\n';
    await open(URI, text);
    const closed = await hoverAt(2, 30);
    assert.match((closed!.contents as MarkupContent).value, /^\*\*Closing the sale\*\* · Sales\n\n/);
    assert.deepEqual(closed!.range, { start: { line: 2, character: 27 }, end: { line: 2, character: 42 } });
    assert.equal(text.split('\n')[2]!.slice(27, 42), 'closed the deal');
    // A catalogue term comes first: "negotiated" is one, so its card is on the word alone.
    const negotiated = await hoverAt(4, 18);
    assert.match((negotiated!.contents as MarkupContent).value, /^\*\*Negotiation and total cost of ownership\*\* · Sales\n\n/);
    assert.deepEqual(negotiated!.range, { start: { line: 4, character: 16 }, end: { line: 4, character: 26 } });
    assert.equal(await hoverAt(6, 3), null);
  });

  it('offers the quick fixes of a diagnostic, the replacement preferred and editing only the function word', async () => {
    await open(URI, DRAFT);
    const { diagnostics } = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    const request = { textDocument: { uri: URI }, range: diagnostics[0]!.range, context: { diagnostics } };
    const actions = (await connection.sendRequest(CodeActionRequest.type, request)) as CodeAction[];
    const replace = actions.find((action) => action.isPreferred);
    assert.ok(replace, `no preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.deepEqual(replace.edit?.changes?.[URI], [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 13 } }, newText: 'sales' }]);
    assert.deepEqual(actions.filter((action) => action.isPreferred).length, 1);
    assert.ok(
      actions.some((action) => /line/i.test(action.title)),
      'an ignore-line fix',
    );
  });

  it('offers no fix computed for an older version of the text (issue 7, item 3)', async () => {
    await open(URI, DRAFT);
    const { diagnostics } = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    // Two characters typed before the line: the old fix would now rewrite the wrong ones.
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '> ' }],
    });
    const stale = await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: diagnostics[0]!.range, context: { diagnostics } });
    assert.deepEqual(stale, []);
    const fresh = await diagnosticsWhere(URI, (params) => params.version === 2);
    assert.deepEqual(fresh.diagnostics[0]!.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 36 } });
    const request = { textDocument: { uri: URI }, range: fresh.diagnostics[0]!.range, context: { diagnostics: fresh.diagnostics } };
    const actions = (await connection.sendRequest(CodeActionRequest.type, request)) as CodeAction[];
    assert.deepEqual(actions.find((action) => action.isPreferred)?.edit?.changes?.[URI], [
      { range: { start: { line: 2, character: 6 }, end: { line: 2, character: 15 } }, newText: 'sales' },
    ]);
  });

  it('a document closed and reopened at the same version never gets the findings of the lint begun before', async () => {
    const long = `${DRAFT}\n${'Marketing closed the deal with Acme, and we met their buyer twice before that. '.repeat(5_000)}\n`;
    // The lint worker starts with the first lint: have it running, so the long lint starts at once.
    const warm = 'file:///drafts/warm.md';
    await open(warm, DRAFT);
    await diagnosticsWhere(warm, (params) => params.diagnostics.length > 0);
    // Closed and reopened as soon as the server says the long text's lint has started.
    onLintStart = (message) => {
      if (!message.startsWith(`Linting ${URI}`)) return;
      onLintStart = undefined;
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } }).then(() => open(URI, 'Nothing here.\n'));
    };
    await open(URI, long);
    const reopened = await diagnosticsWhere(
      URI,
      (params) =>
        params.version === 1 && params.diagnostics.length === 0 && published.some((earlier) => earlier !== params && earlier.diagnostics.length === 0),
    );
    assert.deepEqual(reopened.diagnostics, []);
    // Let any lint of the long text finish: it must publish nothing.
    const later = 'file:///drafts/later.md';
    await open(later, DRAFT);
    await diagnosticsWhere(later, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      published.filter((params) => params.uri === URI).map((params) => params.diagnostics.length),
      [0, 0],
    );
  });

  it('publishes at most 2,000 diagnostics for a document, and says so once in the log', async () => {
    await open(URI, 'Marketing closed the deal.\n\n'.repeat(2_100));
    const { diagnostics } = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    assert.equal(diagnostics.length, 2_000);
    assert.deepEqual(diagnostics.at(-1)!.range, { start: { line: 3_998, character: 0 }, end: { line: 3_998, character: 25 } });
    assert.deepEqual(logged, [`${URI}: 2100 findings; the editor is shown the first 2000.`]);
  });

  it('answers no hover on a draft over the size limit', async () => {
    configured = { maxFileSizeKB: 1 };
    await open(URI, `${DRAFT}${'Notes from the call with Acme. '.repeat(60)}\n`);
    await diagnosticsWhere(URI, () => true);
    assert.equal(await connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 4, character: 20 } }), null);
  });

  it('re-lints after an incremental change and never publishes a stale version', async () => {
    await open(URI, DRAFT);
    await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    // Two quick edits: "marketing" → "sales" in two steps; only the last version may be published.
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 13 } }, text: 'sal' }],
    });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, text: 'es' }],
    });
    const after = await diagnosticsWhere(URI, (params) => params.version === 3);
    assert.deepEqual(after.diagnostics, []);
    assert.deepEqual(
      published.map((params) => params.version),
      [1, 3],
    );
  });

  it('a change that comes in before a long lint has run supersedes it: only the newest version is published', async () => {
    const long = `${DRAFT}\n${'Marketing closed the deal with Acme, and we met their buyer twice before that. '.repeat(5_000)}\n`;
    // Sent as soon as the server has its settings for version 1, before that version's lint has run.
    afterConfiguration = () => {
      afterConfiguration = undefined;
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: DRAFT }] });
    };
    await open(URI, long);
    const latest = await diagnosticsWhere(URI, (params) => params.version === 2);
    assert.equal(latest.diagnostics.length, 1);
    assert.deepEqual(
      published.map((params) => params.version),
      [2],
    );
  });

  it('answers a hover in a small draft at once while a long draft is being linted (lints run off the main thread)', async () => {
    const SMALL = 'file:///drafts/small.md';
    await open(SMALL, DRAFT);
    await diagnosticsWhere(SMALL, (params) => params.diagnostics.length > 0);
    const BIG = 'file:///drafts/big.md';
    const big = `${DRAFT}\n${'Marketing closed the deal with Acme, and we met their buyer twice before that. '.repeat(18_000)}\n`;
    const started = performance.now();
    await open(BIG, big);
    // Asked once the server has its settings for the big draft, so its lint is under way.
    const hovered = new Promise<number>((resolve) => {
      afterConfiguration = () => {
        afterConfiguration = undefined;
        void connection.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: { line: 4, character: 20 } }).then((hover) => {
          assert.ok(hover, 'no hover card');
          resolve(performance.now() - started);
        });
      };
    });
    const hoverMs = await hovered;
    await diagnosticsWhere(BIG, (params) => params.diagnostics.length > 0);
    const lintMs = performance.now() - started;
    // A ratio within this run, with a generous bound: the hover waits for no lint.
    assert.ok(hoverMs * 4 < lintMs, `the hover took ${hoverMs.toFixed(0)} ms while the 1.4 MB lint took ${lintMs.toFixed(0)} ms`);
  });

  it("publishes a small draft's findings while a long draft is being linted (long drafts have a worker of their own)", async () => {
    const BIG = 'file:///drafts/big.md';
    const SMALL = 'file:///drafts/small.md';
    const big = `${DRAFT}\n${'Marketing closed the deal with Acme, and we met their buyer twice before that. '.repeat(18_000)}\n`;
    // The small draft opens once the server has its settings for the big one, so the big lint is under way; a hover
    // on the big draft (its terms are worked out where it is linted) must not hold the small draft up either.
    const smallOpened = new Promise<void>((resolve) => {
      afterConfiguration = () => {
        afterConfiguration = undefined;
        void connection.sendRequest(HoverRequest.type, { textDocument: { uri: BIG }, position: { line: 4, character: 20 } });
        void open(SMALL, DRAFT).then(resolve);
      };
    });
    await open(BIG, big);
    await smallOpened;
    const small = await diagnosticsWhere(SMALL, (params) => params.diagnostics.length > 0);
    const bigPending = !published.some((params) => params.uri === BIG);
    assert.deepEqual(
      small.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [['marketing-doing-sales', { start: { line: 2, character: 4 }, end: { line: 2, character: 34 } }]],
    );
    await diagnosticsWhere(BIG, (params) => params.diagnostics.length > 0);
    assert.ok(bigPending, "the long draft's findings came before the small draft's: its lint held the small one up");
  });

  it('reads its settings from the editor: a rule switched off is not reported, an invalid value is logged', async () => {
    configured = { rules: { 'marketing-doing-sales': 'off' }, debounceMs: -1 };
    await open(URI, `${DRAFT}\nSales will run the webinar.\n`);
    const first = await diagnosticsWhere(URI, () => true);
    assert.deepEqual(first.diagnostics, []);
    assert.deepEqual(logged, ['Settings: "debounceMs" must be a number of milliseconds, 0 or more, not -1; using 300.']);
    configured = { rules: { 'marketing-doing-sales': 'error' } };
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const second = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      second.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['marketing-doing-sales', 1]],
    );
  });

  it('reads the team config files on disk from the folder of a draft up, again when the editor reports a change, and shows their problems', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'plumb-line-ls-'));
    try {
      mkdirSync(path.join(root, 'docs'));
      writeFileSync(path.join(root, '.plumb-line.json'), '{ "root": true, "rules": { "marketing-doing-sales": "error" } }');
      const nearer = path.join(root, 'docs', '.plumb-line.yaml');
      writeFileSync(nearer, 'rules:\n  marketing-doing-sales: hint\n');
      stop();
      await start({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
      const uri = pathToFileURL(path.join(root, 'docs', 'plan.md')).href;
      await open(uri, DRAFT);
      const first = await diagnosticsWhere(uri, (params) => params.diagnostics.length > 0);
      assert.deepEqual(
        first.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [['marketing-doing-sales', 4]],
      );
      assert.deepEqual(registered, [
        JSON.stringify({ watchers: [{ globPattern: '**/{.plumb-line.json,.plumb-line.jsonc,.plumb-line.yaml,.plumb-line.yml}' }] }),
      ]);
      // The nearer file broken: shown on its line, and the farther one still applies.
      writeFileSync(nearer, 'rules:\n  marketing-doing-sales: [hint\n');
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(nearer).href, type: FileChangeType.Changed }],
      });
      const onConfig = await diagnosticsWhere(pathToFileURL(nearer).href, (params) => params.diagnostics.length > 0);
      assert.deepEqual(
        onConfig.diagnostics.map((diagnostic) => [
          diagnostic.severity,
          diagnostic.source,
          typeof diagnostic.message === 'string' && diagnostic.message.startsWith('not valid YAML: '),
        ]),
        [[1, 'Plumb Line', true]],
      );
      const second = await diagnosticsWhere(uri, (params) => params.diagnostics[0]?.severity === 1);
      assert.equal(second.diagnostics.length, 1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes settings from initializationOptions, then as pushed, from a client that does not answer workspace/configuration', async () => {
    stop();
    await start({}, { plumbLine: { rules: { 'marketing-doing-sales': 'error' } } });
    await open(URI, DRAFT);
    const first = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      first.diagnostics.map((diagnostic) => diagnostic.severity),
      [1],
    );
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { plumbLine: { rules: { 'marketing-doing-sales': 'hint' } } } });
    const second = await diagnosticsWhere(URI, (params) => params.diagnostics[0]?.severity === 4);
    assert.equal(second.diagnostics.length, 1);
  });

  it('lints with the defaults, saying so once, when the editor fails to answer workspace/configuration; odd URIs do not stop it', async () => {
    configured = 'refuse';
    await open('file://server-share/plan.md', DRAFT);
    await open(URI, DRAFT);
    const first = await diagnosticsWhere('file://server-share/plan.md', (params) => params.diagnostics.length > 0);
    const second = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      [first, second].map((params) => params.diagnostics.map((diagnostic) => diagnostic.code)),
      [['marketing-doing-sales'], ['marketing-doing-sales']],
    );
    assert.equal(logged.length, 1);
    assert.match(
      logged[0]!,
      /^Settings: the editor did not answer workspace\/configuration \(.*no settings here\); using the settings it gave at start, or the defaults\.$/,
    );
  });

  it('lints with the defaults after 5 s when the editor never answers workspace/configuration', async () => {
    configured = 'never';
    await open(URI, DRAFT);
    const { diagnostics } = await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['marketing-doing-sales'],
    );
    assert.deepEqual(logged, [
      'Settings: the editor did not answer workspace/configuration (no answer in 5 s); using the settings it gave at start, or the defaults.',
    ]);
  });

  it('answers the concept counts and occurrences of a document, flagged claims included, and clears its diagnostics when it closes', async () => {
    await open(URI, DRAFT);
    await diagnosticsWhere(URI, (params) => params.diagnostics.length > 0);
    const counts = await connection.sendRequest<Record<string, number>>('plumbLine/conceptCounts', { textDocument: { uri: URI } });
    // The term "loyalty program", and the flagged claim "marketing team closed the deal" (Closing the sale).
    assert.deepEqual(counts, { 'loyalty-programs': 1, closing: 1 });
    const closing = await connection.sendRequest('plumbLine/occurrences', { textDocument: { uri: URI }, conceptId: 'closing' });
    assert.deepEqual(closing, [{ start: { line: 2, character: 4 }, end: { line: 2, character: 34 } }]);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
    await diagnosticsWhere(URI, (params) => params.diagnostics.length === 0);
  });

  it('clears the diagnostics of a file it checked from disk when the client says it is gone, and never those of an open one', async () => {
    const gone = 'file:///drafts/deleted.md';
    const result = await connection.sendRequest<CheckResult>(CHECK_REQUEST, { textDocument: { uri: gone }, text: DRAFT });
    assert.deepEqual(result, { status: 'checked', findings: 1 });
    await diagnosticsWhere(gone, (params) => params.diagnostics.length === 1);
    await open(URI, DRAFT);
    await diagnosticsWhere(URI, (params) => params.diagnostics.length === 1);
    await connection.sendNotification(CLEAR_NOTIFICATION, { textDocument: { uri: URI } });
    await connection.sendNotification(CLEAR_NOTIFICATION, { textDocument: { uri: gone } });
    await diagnosticsWhere(gone, (params) => params.diagnostics.length === 0);
    // Handled in order: had the open document been cleared, that would have been published before.
    assert.deepEqual(
      published.filter((params) => params.uri === URI).map((params) => params.diagnostics.length),
      [1],
    );
  });

  it('shuts down and exits with status 0', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  });
});
