// The peers of the speed comparison (issue 8, section 3), each loaded once and checked before it is timed, so the
// bench can never time a peer that silently did nothing: every check lints a probe text with a mistake each peer
// knows and demands that peer's finding, and each timed call hands back something the caller checks again.
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './drafts.mjs';

// What require() returns is untyped: each use says what it is.
/** @type {(id: string) => unknown} */
const require = createRequire(import.meta.url);

/** @typedef {typeof import('./engine')} Engine */
/** An in-process peer: `run(text)` lints the text and returns how many findings (or nodes) it produced. */
/** @typedef {{ id: string, label: string, run: (text: string) => number | Promise<number> }} InProcessPeer */
/** @typedef {import('node:child_process').SpawnSyncReturns<string>} Run */
/** A whole-process peer: its arguments after `node` (or a function of the file to lint), and checks of a run. */
/** @typedef {{ id: string, label: string, args: string[] | ((file: string) => string[]), ok: (run: Run) => boolean, probe: (run: Run) => boolean }} CliPeer */
/** @typedef {typeof import('@textlint/textlint-plugin-markdown')} MarkdownPluginModule */
/** write-good ships no types: a suggestion is where it is and why. */
/** @typedef {(text: string) => { index: number, offset: number, reason: string }[]} WriteGood */

/** @param {unknown} error */
const firstLine = (error) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** A sentence for every peer: Plumb Line (marketing credited with closing), textlint-rule-terminology ("Javascript"),
 * markdownlint (a heading with no blank line below, trailing spaces), write-good ("very", passive), alex ("obviously"). */
export const PROBE =
  '# Probe\nMarketing closed the deal with Acme last week.   \n\n' + 'We obviously wrote it in Javascript, and it was very clearly written by me.\n';

/**
 * @template T
 * @param {string} name
 * @param {() => T | Promise<T>} loader
 * @returns {Promise<T>}
 */
async function load(name, loader) {
  try {
    return await loader();
  } catch (error) {
    throw new Error(`bench: the peer ${name} could not be loaded (${firstLine(error)}). Run \`npm install\`: it is a devDependency.`, { cause: error });
  }
}

/**
 * @param {string} name
 * @param {boolean} condition
 * @param {string} what
 */
function expect(name, condition, what) {
  if (!condition) throw new Error(`bench: ${name} did not ${what} on the probe text, so timing it would time a no-op`);
}

/** A new folder under the system's temp folder for the CLI comparison, with a textlint config that turns on
 * textlint-rule-terminology and the Markdown plugin (textlint's default, named so that it is plainly loaded). */
export function makeWorkDir() {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-line-bench-'));
  writeFileSync(join(dir, '.textlintrc.json'), `${JSON.stringify({ plugins: { '@textlint/markdown': true }, rules: { terminology: true } }, null, 2)}\n`);
  return dir;
}

/**
 * The in-process peers, in the order each round runs them. Each `run(text)` lints the text and returns how many
 * findings (or nodes, for the parser alone) it produced; `run` may be async (textlint's API is).
 * @param {{ lintMarkdown: Engine['lintMarkdown'], catalogue: ReturnType<Engine['loadCatalogue']>, forgetKept: Engine['forgetKept'] }} engine
 * @returns {Promise<InProcessPeer[]>}
 */
export async function loadInProcessPeers({ lintMarkdown, catalogue, forgetKept }) {
  const [
    { unified },
    { default: remarkParse },
    { lint: markdownlintSync },
    { TextlintKernel },
    { default: markdownPlugin },
    { default: terminology },
    writeGood,
    { markdown: alexMarkdown },
  ] = await Promise.all([
    load('unified', () => import('unified')),
    load('remark-parse', () => import('remark-parse')),
    load('markdownlint', () => import('markdownlint/sync')),
    load('@textlint/kernel', () => import('@textlint/kernel')),
    load('@textlint/textlint-plugin-markdown', () => /** @type {MarkdownPluginModule} */ (require('@textlint/textlint-plugin-markdown'))),
    load('textlint-rule-terminology', () => import('textlint-rule-terminology')),
    load('write-good', () => /** @type {WriteGood} */ (require('write-good'))),
    load('alex', () => import('alex')),
  ]);

  const parser = unified().use(remarkParse);
  // textlint's kernel, given the rule and the plugin as modules: what its CLI runs once the config is read (its config
  // loader cannot resolve the ESM-only rule package from the API, and the CLI comparison times config reading anyway).
  const kernel = new TextlintKernel();
  /** @type {import('@textlint/kernel').TextlintKernelOptions} */
  const textlintOptions = {
    ext: '.md',
    filePath: 'draft.md',
    plugins: [{ pluginId: 'markdown', plugin: markdownPlugin }],
    rules: [{ ruleId: 'terminology', rule: terminology }],
  };

  /** @type {InProcessPeer[]} */
  const peers = [
    // Cold: the engine keeps the chunks and paragraphs it has worked on (a keystroke reuses them); the peers keep nothing.
    {
      id: 'plumb-line',
      label: 'Plumb Line (lintMarkdown)',
      run: (text) => {
        forgetKept();
        return lintMarkdown(text, catalogue).length;
      },
    },
    { id: 'remark-parse', label: 'remark-parse alone', run: (text) => parser.parse(text).children.length },
    {
      id: 'markdownlint',
      label: 'markdownlint (sync, default rules)',
      run: (text) => {
        const results = markdownlintSync({ strings: { draft: text } });
        if (!results || !Array.isArray(results.draft)) throw new Error('bench: markdownlint returned no result object');
        return results.draft.length;
      },
    },
    {
      id: 'textlint',
      label: 'textlint + terminology',
      run: async (text) => (await kernel.lintText(text, textlintOptions)).messages.length,
    },
    { id: 'write-good', label: 'write-good (on the text)', run: (text) => writeGood(text).length },
    { id: 'alex', label: 'alex (markdown)', run: (text) => alexMarkdown(text).messages.length },
  ];

  // The probe: each must find its own mistake.
  expect('Plumb Line', lintMarkdown(PROBE, catalogue).length > 0, 'report the misattribution');
  expect(
    'remark-parse',
    parser.parse(PROBE).children.some((node) => node.type === 'heading'),
    'parse the heading',
  );
  const md = markdownlintSync({ strings: { probe: PROBE } });
  expect('markdownlint', md && Array.isArray(md.probe) && md.probe.some((error) => error.ruleNames.includes('MD022')), 'report MD022 (blanks around headings)');
  const tl = await kernel.lintText(PROBE, textlintOptions);
  expect(
    'textlint',
    tl.messages.some((message) => message.ruleId === 'terminology' && /JavaScript/.test(message.message)),
    'load textlint-rule-terminology and report "Javascript"',
  );
  expect(
    'write-good',
    writeGood(PROBE).some((suggestion) => /weasel/.test(suggestion.reason)),
    'report the weasel word "very"',
  );
  expect(
    'alex',
    alexMarkdown(PROBE).messages.some((message) => /obviously/i.test(message.reason)),
    'report "obviously"',
  );
  return peers;
}

/** Each package's installed version, for the record. */
export function peerVersions() {
  /** @type {string[]} */
  const names = [
    'markdownlint',
    'markdownlint-cli2',
    'textlint',
    '@textlint/kernel',
    'textlint-rule-terminology',
    '@textlint/textlint-plugin-markdown',
    'write-good',
    'alex',
    'remark-parse',
    'unified',
    'micromark',
  ];
  return Object.fromEntries(
    names.map((name) => {
      try {
        return [name, /** @type {{ version: string }} */ (require(join(root, 'node_modules', name, 'package.json'))).version];
      } catch {
        return [name, null];
      }
    }),
  );
}

/** @param {string} name */
const binScript = (name) => realpathSync(join(root, 'node_modules', '.bin', name));

/**
 * The whole-process commands of the CLI comparison, each as node + script + arguments (so every one starts the same
 * node binary; the .bin shims only add a shebang). All run in the temp folder that holds the drafts and the
 * textlint config, so no config of this repository is picked up. `ok` accepts a run on the draft (findings or not, but
 * no crash); `probe` demands the peer's own finding on the probe file.
 * @param {{ cliPath: string }} options
 * @returns {CliPeer[]}
 */
export function cliPeers({ cliPath }) {
  /** @param {Run} run */
  const out = (run) => `${run.stdout}${run.stderr}`;
  /** @param {number[]} codes @returns {(run: Run) => boolean} */
  const cleanExit =
    (...codes) =>
    (run) =>
      run.signal === null && run.status !== null && codes.includes(run.status);
  /** @type {{ md: string, textlint: string, alex: string, writeGood: string }} */
  let bins;
  try {
    bins = { md: binScript('markdownlint-cli2'), textlint: binScript('textlint'), alex: binScript('alex'), writeGood: binScript('write-good') };
  } catch (error) {
    throw new Error(`bench: a peer's command is missing (${firstLine(error)}). Run \`npm install\`: they are devDependencies.`, { cause: error });
  }
  return [
    { id: 'node', label: 'bare `node -e 0`', args: ['-e', '0'], ok: cleanExit(0), probe: cleanExit(0) },
    {
      id: 'plumb-line',
      label: 'Plumb Line `check` (production build)',
      args: (file) => [cliPath, 'check', file],
      ok: (run) => cleanExit(0, 1)(run) && run.stderr === '',
      probe: (run) => run.status === 1 && /\[marketing-doing-sales\]/.test(run.stdout),
    },
    {
      id: 'markdownlint-cli2',
      label: 'markdownlint-cli2',
      args: (file) => [bins.md, file],
      ok: (run) => cleanExit(0, 1)(run) && /Summary:/.test(out(run)),
      probe: (run) => run.status === 1 && /MD022/.test(out(run)),
    },
    {
      id: 'textlint',
      label: 'textlint --rule terminology',
      args: (file) => [bins.textlint, '--rule', 'terminology', file],
      ok: cleanExit(0, 1),
      probe: (run) => run.status === 1 && /Incorrect term: “Javascript”.*terminology/.test(out(run)),
    },
    { id: 'alex', label: 'alex', args: (file) => [bins.alex, file], ok: cleanExit(0, 1), probe: (run) => run.status === 1 && /obviously/.test(out(run)) },
    {
      id: 'write-good',
      label: 'write-good',
      args: (file) => [bins.writeGood, file],
      // write-good exits with its number of suggestions (mod 256), so any code is a normal end; a crash prints a stack.
      ok: (run) => run.signal === null && !/^\s+at /m.test(run.stderr),
      probe: (run) => /weasel/.test(out(run)),
    },
  ];
}
