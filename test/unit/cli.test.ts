import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot, runCli, writeUnder } from './shared';
import { FORMATS, HELP, SEVERITIES, USAGE } from '../../src/cli/args';
import { colourWanted } from '../../src/cli/main';
import type { Row } from '../../src/cli/formats';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const FLAGGED = 'Intro line.\n\nOur marketing team closed the deal.\n';
const CLEAN = 'Marketing builds the brand; sales closes the deal.\n';
const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) (.+) \[([a-z-]+)\]$/;
const JSON_KEYS = ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'reading', 'ruleId', 'severity'];

describe('plumb-line CLI (dist/cli.js)', function () {
  this.timeout(20_000);
  let dir: string;

  const write = (relativePath: string, text: string) => writeUnder(dir, relativePath, text);
  const run = (...args: string[]) => runCli(dir, args);
  const pick = (result: { status: number | null; stderr: string }) => [result.status, result.stderr];
  const stdoutLines = (stdout: string) => stdout.split('\n').filter(Boolean);
  const jsonRows = (...args: string[]) => {
    const result = run(...args, '--format', 'json');
    return { ...result, rows: JSON.parse(result.stdout) as Row[] };
  };

  before(() => {
    assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumb-line-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('check on a folder with a flagged draft exits 1 with file:line:col lines, the flagged words and a summary', () => {
    write('drafts/draft.md', FLAGGED);
    const { status, stdout, stderr } = run('check', 'drafts');
    assert.equal(status, 1, stderr);
    const lines = stdoutLines(stdout);
    assert.equal(lines.length, 3, stdout);
    const [, file, line, column, severity, message = '', ruleId] = TEXT_LINE.exec(lines[0] ?? '') ?? [];
    assert.deepEqual([file, line, column, severity, ruleId], [path.join('drafts', 'draft.md'), '3', '5', 'warning', 'marketing-doing-sales']);
    assert.match(message, /marketing team/);
    assert.equal(lines[1], '    flagged: “marketing team closed the deal”');
    assert.equal(lines[2], '1 finding in 1 file.');
  });

  it('--format json prints one array of rows with exactly the documented keys, 1-based, at the flagged words', () => {
    write('draft.md', FLAGGED);
    write('other.md', 'Marketing closed the deal.\n\nOur sales team will launch a TV advertising campaign.\n');
    const { status, rows } = jsonRows('check', '.');
    assert.equal(status, 1);
    assert.ok(Array.isArray(rows));
    assert.deepEqual(
      rows.map((row) => [row.file, row.ruleId]),
      [
        ['draft.md', 'marketing-doing-sales'],
        ['other.md', 'marketing-doing-sales'],
        ['other.md', 'sales-doing-marketing'],
      ],
    );
    const flaggedWords = rows.map((row) => {
      assert.deepEqual(Object.keys(row).sort(), JSON_KEYS);
      assert.equal(row.line, row.endLine);
      const lineText = readFileSync(path.join(dir, row.file), 'utf8').split('\n')[row.line - 1];
      return lineText?.slice(row.column - 1, row.endColumn - 1);
    });
    assert.deepEqual(flaggedWords, ['marketing team closed the deal', 'Marketing closed the deal', 'sales team will launch a TV advertising campaign']);
    assert.deepEqual(
      rows.map((row) => row.severity),
      ['warning', 'warning', 'warning'],
    );
    assert.equal(rows[2]?.reading, "“sales team” → “launch a TV advertising campaign” (Advertising and PR, marketing's work)");
  });

  it('--explain prints under each finding how its sentence was read', () => {
    write('draft.md', FLAGGED);
    const result = run('check', 'draft.md', '--explain');
    const lines = result.stdout.split('\n');
    assert.match(lines[0] ?? '', TEXT_LINE);
    assert.equal(lines[1], '    flagged: “marketing team closed the deal”');
    assert.equal(lines[2], "    read as: “marketing team” → “closed the deal” (Closing the sale, sales' work)");
  });

  it('a clean file exits 0 with an empty report', () => {
    write('clean.md', CLEAN);
    const text = run('check', 'clean.md');
    assert.equal(text.status, 0, text.stderr);
    assert.deepEqual(stdoutLines(text.stdout), ['0 findings in 1 file.']);
    const json = jsonRows('check', 'clean.md');
    assert.equal(json.status, 0);
    assert.deepEqual(json.rows, []);
  });

  it('a missing path exits 2 with a one-line reason naming it', () => {
    const { status, stdout, stderr } = run('check', 'no-such-draft.md');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    const lines = stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0] ?? '', /no-such-draft\.md/);
  });

  it('a missing path among others is named on stderr, every other file is still checked, and the run exits 2', () => {
    write('draft.md', FLAGGED);
    const { status, stdout, stderr } = run('check', 'no-such-draft.md', 'draft.md');
    assert.equal(status, 2);
    assert.deepEqual(stderr.split('\n').filter(Boolean), ['plumb-line: cannot read no-such-draft.md: no such file or folder']);
    assert.match(stdout, /^draft\.md:3:5: warning .+ \[marketing-doing-sales\]$/m);
    assert.match(stdout, /1 finding in 1 file\.\n$/);
  });

  it('a file over --max-file-size is skipped with one line saying so, and the others are checked', () => {
    write('big.md', `${'Marketing closed the deal. '.repeat(100)}\n`);
    write('draft.md', FLAGGED);
    const { status, stdout, stderr } = run('check', 'big.md', 'draft.md', '--max-file-size', '1KB');
    assert.equal(status, 1);
    assert.deepEqual(stderr.split('\n').filter(Boolean), ['plumb-line: big.md: skipped, 2.6 KB is over the 1.0 KB limit (--max-file-size)']);
    assert.match(stdout, /1 finding in 1 file\.\n$/);
    assert.equal(run('check', 'draft.md', '--max-file-size', 'huge').status, 2);
  });

  it('a config with a BOM is read; an unknown rule in it, or a config that is a folder, exits 2 naming it', () => {
    write('draft.md', FLAGGED);
    write('bom.json', '\ufeff{ "rules": { "marketing-doing-sales": "error" } }');
    const withBom = jsonRows('check', 'draft.md', '--config', 'bom.json');
    assert.equal(withBom.status, 1);
    assert.deepEqual(
      withBom.rows.map((row) => row.severity),
      ['error'],
    );
    write('typo.json', '{ "rules": { "marketing-doing-sale": "off" } }');
    const typo = run('check', 'draft.md', '--config', 'typo.json');
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /^plumb-line: typo\.json:1:14: Unknown rule "marketing-doing-sale" in "rules" \(known: [^)]+\)\n$/);
    assert.equal(typo.stdout, '');
    mkdirSync(path.join(dir, 'folder.json'));
    const folder = run('check', 'draft.md', '--config', 'folder.json');
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /^plumb-line: cannot read folder\.json: EISDIR\n$/);
  });

  it('an unknown flag, a bad --format value, a missing value or command exits 2 with the reason', () => {
    write('draft.md', FLAGGED);
    const cases: [string[], RegExp][] = [
      [['check', '--bogus', 'draft.md'], /--bogus/],
      [['check', '--format', 'xml', 'draft.md'], /xml/],
      [['check', '--format=yaml', 'draft.md'], /yaml/],
      [['check', 'draft.md', '--format'], /--format/],
      [['lint', 'draft.md'], /lint/],
      [[], /command/],
    ];
    for (const [args, reason] of cases) {
      const { status, stdout, stderr } = run(...args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.match(stderr.split('\n')[0] ?? '', reason, args.join(' '));
      assert.match(stderr, /usage: plumb-line check/);
    }
  });

  it('--config can switch a rule off and change a severity', () => {
    write('draft.md', 'Marketing closed the deal.\n\nOur sales team will launch a TV advertising campaign.\n');
    write('plumb-line.json', JSON.stringify({ rules: { 'marketing-doing-sales': 'off', 'sales-doing-marketing': 'error' } }));
    const { status, rows } = jsonRows('check', 'draft.md', '--config', 'plumb-line.json');
    assert.equal(status, 1);
    assert.deepEqual(
      rows.map((row) => [row.ruleId, row.severity]),
      [['sales-doing-marketing', 'error']],
    );
    write('quiet.json', JSON.stringify({ rules: { 'marketing-doing-sales': 'off', 'sales-doing-marketing': 'off' } }));
    assert.equal(run('check', 'draft.md', '--config=quiet.json').status, 0);
  });

  it('--config reports invalid settings on stderr and lints with the defaults for them', () => {
    write('draft.md', FLAGGED);
    write('plumb-line.json', JSON.stringify({ rules: { 'marketing-doing-sales': 'loud' } }));
    const { status, stdout, stderr } = run('check', 'draft.md', '--config', 'plumb-line.json');
    assert.equal(status, 1);
    assert.match(stderr, /plumb-line\.json.*"marketing-doing-sales" has the invalid value "loud"/);
    assert.match(stdout, /\[marketing-doing-sales\]/);
  });

  it('finds .plumb-line.json and .plumb-line.yaml from each file up, nearer files winning, and --config instead of them', () => {
    const claims = 'Marketing closed the deal.\n\nOur sales team will launch a TV advertising campaign.\n';
    write('top.md', claims);
    write('docs/guide.md', claims);
    write('docs/old/legacy.md', claims);
    // "root": true keeps the search out of the folders above the test's own.
    write('.plumb-line.json', '{\n  // the team\'s rules\n  "root": true,\n  "rules": { "marketing-doing-sales": "error" },\n}\n');
    write('docs/.plumb-line.yaml', 'rules:\n  sales-doing-marketing: "off"\n');
    write('docs/old/.plumb-line.json', '{ "rules": { "marketing-doing-sales": "hint" } }');
    const { status, rows, stderr } = jsonRows('check', '.');
    assert.equal(status, 1, stderr);
    assert.deepEqual(
      rows.map((row) => [row.file, row.ruleId, row.severity]),
      [
        [path.join('docs', 'guide.md'), 'marketing-doing-sales', 'error'],
        [path.join('docs', 'old', 'legacy.md'), 'marketing-doing-sales', 'hint'],
        ['top.md', 'marketing-doing-sales', 'error'],
        ['top.md', 'sales-doing-marketing', 'warning'],
      ],
    );
    write('none.json', '{}');
    const explicit = jsonRows('check', 'docs/old/legacy.md', '--config', 'none.json');
    assert.deepEqual(
      explicit.rows.map((row) => [row.ruleId, row.severity]),
      [
        ['marketing-doing-sales', 'warning'],
        ['sales-doing-marketing', 'warning'],
      ],
    );
    // Standard input is read as a file of the working folder, or of --stdin-filename's.
    const piped = spawnSync(process.execPath, [cli, 'check', '-', '--stdin-filename', 'docs/old/piped.md', '--format', 'json'], {
      cwd: dir,
      input: claims,
      encoding: 'utf8',
    });
    assert.deepEqual(
      (JSON.parse(piped.stdout) as Row[]).map((row) => [row.ruleId, row.severity]),
      [['marketing-doing-sales', 'hint']],
    );
  });

  it('a found config file that does not parse, or names an unknown rule, exits 2 at its line; an invalid value warns', () => {
    write('docs/draft.md', FLAGGED);
    write('.plumb-line.json', '{ "root": true }');
    write('docs/.plumb-line.yml', 'rules:\n  marketing-doing-sales: [error\n');
    const broken = run('check', 'docs');
    assert.equal(broken.status, 2);
    assert.equal(broken.stdout, '');
    assert.match(broken.stderr, new RegExp(`^plumb-line: ${path.join('docs', '.plumb-line.yml').replaceAll('.', '\\.')}:\\d+:\\d+: not valid YAML: .+\n$`));
    write('docs/.plumb-line.yml', 'rules:\n  marketing-doing-sale: "off"\n');
    assert.match(run('check', 'docs').stderr, /^plumb-line: docs.\.plumb-line\.yml:2:3: Unknown rule "marketing-doing-sale" in "rules" \(known: [^)]+\)\n$/);
    write('docs/.plumb-line.yml', 'rules:\n  marketing-doing-sales: loud\n');
    const invalid = run('check', 'docs');
    assert.equal(invalid.status, 1);
    assert.match(
      invalid.stderr,
      /^plumb-line: docs.\.plumb-line\.yml:2:3: Rule "marketing-doing-sales" has the invalid value "loud" \(use [^)]+\); ignored\n$/,
    );
    assert.match(invalid.stdout, /warning .+ \[marketing-doing-sales\]/);
  });

  it("reads the team's sources and moves (issue 11): the team decides what is flagged, and its passage is cited", () => {
    write(
      '.plumb-line/sources/playbook.md',
      '# Field playbook\n\n## Events\n\nAt Acme the sales team runs every trade show, from the booth to the follow-up calls.\n',
    );
    write('.plumb-line.yaml', 'root: true\nmoves:\n  - activity: run trade shows\n    side: sales\n    source: runs every trade show\n');
    write('docs/plan.md', 'Marketing runs the trade shows.\n');
    write('docs/other.md', 'Sales runs the trade shows.\n');
    const { status, rows } = jsonRows('check', 'docs');
    assert.equal(status, 1);
    assert.deepEqual(
      rows.map((row) => [row.file, row.ruleId, row.line, row.column, row.endColumn]),
      [[path.join('docs', 'plan.md'), 'marketing-doing-sales', 1, 1, 31]],
    );
    assert.match(rows[0]!.message, / Your team gives this to sales \(Field playbook\); the bundled sources give it to marketing\.$/);
    const sarif = JSON.parse(run('check', 'docs/plan.md', '--format', 'sarif').stdout) as { runs: Array<{ results: Array<{ relatedLocations: unknown[] }> }> };
    const [teamPassage] = sarif.runs[0]!.results[0]!.relatedLocations as Array<{
      physicalLocation: { artifactLocation: unknown; region: { startLine: number } };
    }>;
    assert.deepEqual(teamPassage?.physicalLocation.artifactLocation, { uri: '.plumb-line/sources/playbook.md', uriBaseId: '%SRCROOT%' });
    assert.equal(teamPassage?.physicalLocation.region.startLine, 5);
  });

  it('a missing --config file exits 2 naming it', () => {
    write('draft.md', FLAGGED);
    const { status, stderr } = run('check', 'draft.md', '--config', 'absent.json');
    assert.equal(status, 2);
    assert.match(stderr, /absent\.json/);
  });

  it('a --config file that is not JSON exits 2 with a one-line reason naming it', () => {
    write('draft.md', FLAGGED);
    write('broken.json', '{ rules: ');
    const { status, stderr } = run('check', 'draft.md', '--config', 'broken.json');
    assert.equal(status, 2);
    const lines = stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0] ?? '', /broken\.json/);
  });

  it('walks folders for Markdown files, skipping node_modules and other extensions', () => {
    write('docs/a.md', FLAGGED);
    write('docs/nested/b.markdown', FLAGGED);
    write('docs/notes.txt', FLAGGED);
    write('node_modules/some-package/README.md', FLAGGED);
    write('docs/node_modules/inner/README.md', FLAGGED);
    const { status, rows } = jsonRows('check');
    assert.equal(status, 1);
    assert.deepEqual([...new Set(rows.map((row) => row.file))], [path.join('docs', 'a.md'), path.join('docs', 'nested', 'b.markdown')]);
    assert.deepEqual(stdoutLines(run('check').stdout).at(-1), '2 findings in 2 files.');
  });

  it('inside a folder, a broken link, a FIFO, a link to a device and a link to a folder are each skipped with one line; the rest is checked', function () {
    if (process.platform === 'win32') this.skip();
    write('docs/a.md', FLAGGED);
    symlinkSync('missing.md', path.join(dir, 'docs', 'broken.md'));
    symlinkSync('/dev/zero', path.join(dir, 'docs', 'zero.md'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'docs', 'pipe.md')]).status, 0);
    // A link back up the tree: followed, it would loop for ever.
    symlinkSync('..', path.join(dir, 'docs', 'loop.md'));
    symlinkSync('a.md', path.join(dir, 'docs', 'same.md'));
    const { status, stdout, stderr } = run('check', 'docs');
    assert.equal(status, 1, stderr);
    assert.deepEqual(stderr.split('\n').filter(Boolean), [
      `plumb-line: ${path.join('docs', 'broken.md')}: skipped, a broken symbolic link`,
      `plumb-line: ${path.join('docs', 'loop.md')}: skipped, a symbolic link to a folder (links to folders are not followed)`,
      `plumb-line: ${path.join('docs', 'pipe.md')}: skipped, a named pipe`,
      `plumb-line: ${path.join('docs', 'zero.md')}: skipped, a symbolic link to a device`,
    ]);
    // same.md is a link to a.md: one file, checked once.
    const lines = stdoutLines(stdout);
    assert.equal(lines.length, 3, stdout);
    assert.ok(lines[0]!.startsWith(`${path.join('docs', 'a.md')}:3:5: warning `), lines[0]);
    assert.match(stdout, /1 finding in 1 file\.\n$/);
  });

  it('a FIFO or a device named on the command line exits 2 naming it, without hanging, and the other files are checked', function () {
    if (process.platform === 'win32') this.skip();
    write('draft.md', FLAGGED);
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status, 0);
    const { status, stdout, stderr } = run('check', 'pipe.md', '/dev/zero', 'draft.md');
    assert.equal(status, 2);
    assert.deepEqual(stderr.split('\n').filter(Boolean), [
      'plumb-line: cannot read pipe.md: a named pipe, not a file or folder',
      'plumb-line: cannot read /dev/zero: a device, not a file or folder',
    ]);
    assert.match(stdout, /1 finding in 1 file\.\n$/);
  });

  it('UTF-16 files with a byte order mark are read, binary files are skipped, and bytes that are not UTF-8 are said so', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FLAGGED, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.map((_, at) => utf16le[at ^ 1]!));
    writeFileSync(path.join(dir, 'le.md'), utf16le);
    writeFileSync(path.join(dir, 'be.md'), utf16be);
    writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('Caf\xe9 notes.\n\nOur marketing team closed the deal.\n', 'latin1'));
    const { status, rows, stderr } = jsonRows('check', '.');
    assert.equal(status, 1, stderr);
    assert.deepEqual(
      rows.map((row) => [row.file, row.line, row.column, row.endColumn, row.ruleId]),
      [
        ['be.md', 3, 5, 35, 'marketing-doing-sales'],
        ['latin1.md', 3, 5, 35, 'marketing-doing-sales'],
        ['le.md', 3, 5, 35, 'marketing-doing-sales'],
      ],
    );
    assert.deepEqual(stderr.split('\n').filter(Boolean), [
      'plumb-line: image.md: skipped, a binary file (or UTF-16 without a byte order mark)',
      'plumb-line: latin1.md: not valid UTF-8: bytes that are not were read as U+FFFD',
    ]);
  });

  it('a file named twice, or named and found in a folder, is checked once', () => {
    write('docs/a.md', FLAGGED);
    const { rows } = jsonRows('check', 'docs/a.md', 'docs', './docs/a.md');
    assert.deepEqual(
      rows.map((row) => row.file),
      [path.join('docs', 'a.md')],
    );
  });

  it('refuses a file named explicitly that is not Markdown, with the reason, and checks the others (exit 2)', () => {
    write('package.json', '{ "description": "Marketing closed the deal." }\n');
    write('draft.md', FLAGGED);
    const { status, stdout, stderr } = run('check', 'package.json', 'draft.md');
    assert.equal(status, 2);
    assert.equal(stderr, 'plumb-line: cannot check package.json: not a Markdown file (plumb-line checks .md and .markdown files)\n');
    assert.match(stdout, /^draft\.md:3:5: warning /);
    assert.equal(run('check', 'package.json').stdout, '');
  });

  it('a folder or glob with no Markdown warns and exits 2, unless --no-error-on-unmatched', () => {
    write('notes/todo.txt', FLAGGED);
    const folder = run('check', 'notes');
    assert.deepEqual([folder.status, folder.stdout, folder.stderr], [2, '', 'plumb-line: notes: no Markdown files found\n']);
    const glob = run('check', 'notes/**/*.md');
    assert.deepEqual([glob.status, glob.stdout, glob.stderr], [2, '', 'plumb-line: no Markdown files match notes/**/*.md\n']);
    const allowed = run('check', 'notes', 'notes/*.md', '--no-error-on-unmatched');
    assert.deepEqual(
      [allowed.status, allowed.stdout, allowed.stderr],
      [0, '0 findings in 0 files.\n', 'plumb-line: notes: no Markdown files found\nplumb-line: no Markdown files match notes/*.md\n'],
    );
    write('draft.md', FLAGGED);
    const mixed = run('check', 'notes', 'draft.md');
    assert.equal(mixed.status, 2);
    assert.match(mixed.stdout, /1 finding in 1 file\.\n$/);
  });

  it('honours inline control comments', () => {
    write(
      'draft.md',
      '<!-- plumb-line-disable-next-line marketing-doing-sales -->\nOur marketing team closed the deal.\n\n' +
        'Marketing closed the deal. <!-- plumb-line-disable-line -->\n',
    );
    const { status, stdout } = run('check', 'draft.md');
    assert.equal(status, 0, stdout);
    write('partly.md', '<!-- plumb-line-disable -->\n\nMarketing closed the deal.\n\n<!-- plumb-line-enable -->\n\nMarketing closed the deal.\n');
    const { rows } = jsonRows('check', 'partly.md');
    assert.deepEqual(
      rows.map((row) => [row.line, row.column]),
      [[7, 1]],
    );
  });
  it('--help and -h print the help, before or after the command, and exit 0; --version prints the package version', () => {
    for (const args of [['--help'], ['-h'], ['check', 'draft.md', '--help'], ['check', '-h']]) {
      assert.deepEqual(run(...args), { status: 0, stdout: HELP, stderr: '' }, args.join(' '));
    }
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(run('--version'), { status: 0, stdout: `${version}\n`, stderr: '' });
    assert.deepEqual(run('check', '--version'), { status: 0, stdout: `${version}\n`, stderr: '' });
    // What the help must say: every format, every severity, the three exit statuses, an example.
    for (const word of [...FORMATS, ...SEVERITIES, '0  no finding', '1  a finding', '2  bad usage', 'Examples:', '--max-warnings', '--stdin-filename']) {
      assert.ok(HELP.includes(word), word);
    }
  });

  describe('--severity and --max-warnings', () => {
    const TWO = 'Marketing closed the deal.\n\nOur sales team will launch a TV advertising campaign.\n';
    beforeEach(() => {
      write('two.md', TWO);
      write('info.json', JSON.stringify({ rules: { 'marketing-doing-sales': 'information', 'sales-doing-marketing': 'information' } }));
      write('error.json', JSON.stringify({ rules: { 'marketing-doing-sales': 'error' } }));
    });

    it('findings below --severity are printed but do not fail the run', () => {
      const below = run('check', 'two.md', '--config', 'info.json', '--severity', 'warning');
      assert.equal(below.status, 0, below.stderr);
      assert.equal(stdoutLines(below.stdout).filter((line) => TEXT_LINE.test(line)).length, 2);
      assert.equal(run('check', 'two.md', '--config', 'info.json', '--severity=information').status, 1);
      assert.equal(run('check', 'two.md', '--config', 'info.json').status, 1);
      assert.equal(run('check', 'two.md', '--config', 'error.json', '--severity', 'error').status, 1);
    });

    it('--max-warnings N tolerates N findings that are not errors; one more fails and says so; an error always fails', () => {
      assert.deepEqual(pick(run('check', 'two.md', '--max-warnings', '2')), [0, '']);
      assert.deepEqual(pick(run('check', 'two.md', '--max-warnings', '1')), [1, 'plumb-line: 2 findings that are not errors, more than --max-warnings 1\n']);
      assert.deepEqual(pick(run('check', 'two.md', '--max-warnings', '0')), [1, '']);
      assert.deepEqual(pick(run('check', 'two.md', '--config', 'error.json', '--max-warnings', '5')), [1, '']);
      // The error is below --severity here, so it does not count: one warning, tolerated.
      write('hint.json', JSON.stringify({ rules: { 'marketing-doing-sales': 'hint' } }));
      assert.deepEqual(pick(run('check', 'two.md', '--config', 'hint.json', '--severity', 'warning', '--max-warnings', '1')), [0, '']);
    });

    it('refuses a --severity or --max-warnings it cannot read', () => {
      const severity = run('check', 'two.md', '--severity', 'fatal');
      assert.deepEqual(pick(severity), [2, `plumb-line: --severity must be error, warning, information or hint, not "fatal"\n${USAGE}\n`]);
      const count = run('check', 'two.md', '--max-warnings', '-1');
      assert.deepEqual(pick(count), [2, `plumb-line: --max-warnings must be a whole number, 0 or more, not "-1"\n${USAGE}\n`]);
    });
  });

  it('colours the text format when FORCE_COLOR or --color says so, never when piped or under NO_COLOR', () => {
    write('draft.md', FLAGGED);
    const message = '“marketing team” is credited with closing the sale, which is sales work. Write “sales”, or say how marketing supports sales.';
    const coloured =
      `draft.md:3:5: \x1b[33mwarning\x1b[39m ${message} \x1b[2m[marketing-doing-sales]\x1b[22m\n` +
      '    flagged: “\x1b[1mmarketing team closed the deal\x1b[22m”\n' +
      '\x1b[1m1 finding in 1 file.\x1b[22m\n';
    const plain = `draft.md:3:5: warning ${message} [marketing-doing-sales]\n    flagged: “marketing team closed the deal”\n1 finding in 1 file.\n`;
    assert.equal(runCli(dir, ['check', 'draft.md']).stdout, plain);
    assert.equal(runCli(dir, ['check', 'draft.md'], { env: { FORCE_COLOR: '1' } }).stdout, coloured);
    assert.equal(runCli(dir, ['check', 'draft.md'], { env: { FORCE_COLOR: '0' } }).stdout, plain);
    assert.equal(runCli(dir, ['check', 'draft.md'], { env: { NO_COLOR: '1' } }).stdout, plain);
    assert.equal(runCli(dir, ['check', 'draft.md', '--color'], { env: { NO_COLOR: '1' } }).stdout, coloured);
    assert.equal(runCli(dir, ['check', 'draft.md', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, plain);
    // JSON is never coloured.
    assert.ok(!runCli(dir, ['check', 'draft.md', '--format', 'json'], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b'));
  });

  it('decides colour from the flag, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal', () => {
    const cases: [boolean | undefined, NodeJS.ProcessEnv, boolean, boolean][] = [
      [undefined, {}, true, true],
      [undefined, {}, false, false],
      [undefined, { TERM: 'dumb' }, true, false],
      [undefined, { NO_COLOR: '1' }, true, false],
      [undefined, { NO_COLOR: '' }, true, true],
      [undefined, { FORCE_COLOR: 'true' }, false, true],
      [undefined, { FORCE_COLOR: 'false' }, true, false],
      [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
      [false, { FORCE_COLOR: '1' }, true, false],
      [true, { NO_COLOR: '1' }, false, true],
    ];
    for (const [flag, env, terminal, expected] of cases) assert.equal(colourWanted(flag, env, terminal), expected, JSON.stringify([flag, env, terminal]));
  });

  it('the flagged words of a claim over a line break are shown on one line', () => {
    write('wrapped.md', 'Intro line.\n\nOur marketing team\nclosed the deal.\n');
    assert.match(run('check', 'wrapped.md').stdout, /^ {4}flagged: “marketing team closed the deal”$/m);
  });

  it('"-" reads standard input, reported under --stdin-filename or <stdin>', () => {
    const named = runCli(dir, ['check', '-', '--stdin-filename', 'docs/launch.md', '--format', 'json'], { input: FLAGGED });
    assert.equal(named.status, 1, named.stderr);
    assert.deepEqual(
      (JSON.parse(named.stdout) as Row[]).map((row) => [row.file, row.line, row.column, row.ruleId]),
      [['docs/launch.md', 3, 5, 'marketing-doing-sales']],
    );
    const unnamed = runCli(dir, ['check', '-'], { input: FLAGGED });
    assert.match(unnamed.stdout, /^<stdin>:3:5: warning /);
    assert.deepEqual(pick(runCli(dir, ['check', '-'], { input: CLEAN })), [0, '']);
    assert.equal(runCli(dir, ['check', '-'], { input: CLEAN }).stdout, '0 findings in 1 file.\n');
    const big = runCli(dir, ['check', '-', '--max-file-size', '10'], { input: FLAGGED });
    assert.equal(big.stderr, 'plumb-line: <stdin>: skipped, 49 bytes is over the 10 bytes limit (--max-file-size)\n');
  });

  describe('which files a walk takes', () => {
    const files = (...args: string[]) => [...new Set(jsonRows(...args).rows.map((row) => row.file.split(path.sep).join('/')))];

    it('skips dot-folders and node_modules inside a walk, but walks a dot-folder named on the command line', () => {
      write('docs/a.md', FLAGGED);
      write('.vscode-test/user-data/User/History/1a2b/entries.md', FLAGGED);
      write('.history/docs/a_20250101.md', FLAGGED);
      write('docs/.drafts/b.md', FLAGGED);
      write('docs/node_modules/pkg/README.md', FLAGGED);
      write('.github/PULL_REQUEST_TEMPLATE.md', FLAGGED);
      assert.deepEqual(files('check'), ['docs/a.md']);
      assert.deepEqual(files('check', '.github'), ['.github/PULL_REQUEST_TEMPLATE.md']);
    });

    it('honours the .gitignore files of the work tree, deeper files taking precedence, and still checks a file named explicitly', () => {
      mkdirSync(path.join(dir, '.git'));
      write('.gitignore', 'build/\n*.draft.md\n!keep.draft.md\n');
      write('docs/.gitignore', 'private/\nkeep.draft.md\n');
      write('a.md', FLAGGED);
      write('build/out.md', FLAGGED);
      write('notes.draft.md', FLAGGED);
      write('keep.draft.md', FLAGGED);
      write('docs/b.md', FLAGGED);
      write('docs/private/c.md', FLAGGED);
      write('docs/keep.draft.md', FLAGGED);
      write('docs/x.draft.md', FLAGGED);
      assert.deepEqual(files('check'), ['a.md', 'docs/b.md', 'keep.draft.md']);
      // The top-level .gitignore applies to a walk of docs/ too, as it does in Git.
      assert.deepEqual(files('check', 'docs'), ['docs/b.md']);
      assert.deepEqual(files('check', 'docs/*.md'), ['docs/b.md']);
      assert.deepEqual(files('check', 'build/out.md'), ['build/out.md']);
      // Outside a work tree, only the .gitignore files of the walked folders are read.
      rmSync(path.join(dir, '.git'), { recursive: true });
      assert.deepEqual(files('check', 'docs'), ['docs/b.md', 'docs/x.draft.md']);
    });

    it('takes globs, and leaves out --ignore patterns and "!" patterns, as markdownlint-cli2 does', () => {
      write('README.md', FLAGGED);
      write('docs/a.md', FLAGGED);
      write('docs/guide/b.markdown', FLAGGED);
      write('docs/old/c.md', FLAGGED);
      write('docs/notes.txt', FLAGGED);
      write('blog/d.md', FLAGGED);
      assert.deepEqual(files('check', 'docs/**/*.md'), ['docs/a.md', 'docs/old/c.md']);
      assert.deepEqual(files('check', './docs/**/*.{md,markdown}'), ['docs/a.md', 'docs/guide/b.markdown', 'docs/old/c.md']);
      assert.deepEqual(files('check', '*.md'), ['README.md']);
      assert.deepEqual(files('check', '--ignore', 'docs/old/**', '--ignore=blog'), ['README.md', 'docs/a.md', 'docs/guide/b.markdown']);
      assert.deepEqual(files('check', 'docs', '!docs/guide'), ['docs/a.md', 'docs/old/c.md']);
      const named = run('check', 'docs/old/c.md', 'README.md', '--ignore', 'docs/old/*');
      assert.equal(named.stderr, `plumb-line: docs/old/c.md: skipped, it matches --ignore\n`);
    });
  });
});
