// --write-baseline and --baseline, run as a real process: a baseline records today's findings by file, rule and the
// claim's words, survives lines moving, reports exactly the findings it does not record, and refuses a bad file.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, writeUnder } from './shared';
import type { Row } from '../../src/cli/formats';
import { HELP } from '../../src/cli/args';

const GUIDE = 'Intro line.\n\nOur marketing team closed the deal.\n\nPlain words about the weather.\n';
const PLAN = 'Our sales team will launch a TV advertising campaign.\n\nSales and marketing are the same thing.\n';

/** The fingerprint as --help and baseline.ts define it, computed here independently. */
const fingerprint = (ruleId: string, claim: string, occurrence = 0) =>
  createHash('sha256').update(`${ruleId}\n${claim}\n${occurrence}`).digest('hex').slice(0, 16);

describe('plumb-line check --baseline and --write-baseline', function () {
  this.timeout(30_000);
  let dir: string;
  const write = (relativePath: string, text: string) => writeUnder(dir, relativePath, text);
  const run = (...args: string[]) => runCli(dir, args);
  const lastLine = (stdout: string) => stdout.split('\n').at(-2);
  const baselineFile = () => readFileSync(path.join(dir, 'baseline.json'), 'utf8');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumb-line-baseline-'));
    write('docs/guide.md', GUIDE);
    write('docs/launch/plan.md', PLAN);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--write-baseline records every finding, sorted, with forward slashes and a version, and reports them as matched', () => {
    const written = run('check', 'docs', '--write-baseline', 'baseline.json');
    assert.deepEqual(written, { status: 0, stdout: '0 new findings in 2 files; 3 matched by the baseline.\n', stderr: '' });
    const claims: [string, string, string][] = [
      ['docs/guide.md', 'marketing-doing-sales', 'marketing team closed the deal'],
      ['docs/launch/plan.md', 'conflation', 'sales and marketing are the same thing'],
      ['docs/launch/plan.md', 'sales-doing-marketing', 'sales team will launch a tv advertising campaign'],
    ];
    const findings = claims.map(([file, ruleId, claim]) => ({ file, ruleId, fingerprint: fingerprint(ruleId, claim), claim }));
    assert.equal(baselineFile(), `${JSON.stringify({ version: 1, findings }, null, 2)}\n`);
    // Written again from the same findings: the same bytes.
    run('check', 'docs', '--write-baseline', 'baseline.json');
    assert.equal(baselineFile(), `${JSON.stringify({ version: 1, findings }, null, 2)}\n`);
  });

  it('--baseline reports nothing while the findings stay, even after lines move, and exits 0', () => {
    run('check', 'docs', '--write-baseline', 'baseline.json');
    const before = baselineFile();
    assert.deepEqual(run('check', 'docs', '--baseline', 'baseline.json'), {
      status: 0,
      stdout: '0 new findings in 2 files; 3 matched by the baseline.\n',
      stderr: '',
    });
    // New paragraphs above, the paragraphs swapped, a claim rewrapped over two lines and in other capitals.
    write('docs/guide.md', '# Guide\n\nA new opening paragraph.\n\nPlain words about the weather.\n\nIntro line.\n\nOur MARKETING team\nclosed   the deal.\n');
    write('docs/launch/plan.md', '\n\nSales and marketing are the same thing.\n\nMore text.\n\nOur sales team will launch a TV advertising campaign.\n');
    assert.equal(run('check', 'docs').status, 1, 'the findings are still there');
    assert.deepEqual(run('check', 'docs', '--baseline', 'baseline.json'), {
      status: 0,
      stdout: '0 new findings in 2 files; 3 matched by the baseline.\n',
      stderr: '',
    });
    run('check', 'docs', '--write-baseline', 'baseline.json');
    assert.equal(baselineFile(), before, 'moving lines does not change the baseline file');
  });

  it('a new finding is reported alone, and counts towards the exit status; one fixed is simply not matched', () => {
    run('check', 'docs', '--write-baseline', 'baseline.json');
    write('docs/guide.md', `${GUIDE}\nOur marketing team negotiated the contract.\n`);
    const rows = (...args: string[]) => JSON.parse(run('check', 'docs', '--format', 'json', ...args).stdout) as Row[];
    assert.deepEqual(
      rows('--baseline', 'baseline.json').map((row) => [row.file, row.line, row.column, row.ruleId]),
      [[path.join('docs', 'guide.md'), 7, 5, 'marketing-doing-sales']],
    );
    const text = run('check', 'docs', '--baseline', 'baseline.json');
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^docs\/guide\.md:7:5: warning .+ \[marketing-doing-sales\]\n {4}flagged: “marketing team negotiated the contract”\n/);
    assert.equal(lastLine(text.stdout), '1 new finding in 2 files; 3 matched by the baseline.');
    assert.equal(run('check', 'docs', '--baseline', 'baseline.json', '--max-warnings', '1').status, 0);
    write('docs/launch/plan.md', 'Marketing builds the brand; sales closes the deal.\n');
    assert.equal(lastLine(run('check', 'docs', '--baseline', 'baseline.json').stdout), '1 new finding in 2 files; 1 matched by the baseline.');
  });

  it('the same claim twice in a file is two entries: a third copy is one new finding', () => {
    write('docs/guide.md', `${GUIDE}\nOur marketing team closed the deal.\n`);
    run('check', 'docs', '--write-baseline', 'baseline.json');
    const entries = (JSON.parse(baselineFile()) as { findings: { file: string; fingerprint: string }[] }).findings.filter(
      (entry) => entry.file === 'docs/guide.md',
    );
    assert.deepEqual(
      entries.map((entry) => entry.fingerprint).sort(),
      [
        fingerprint('marketing-doing-sales', 'marketing team closed the deal', 0),
        fingerprint('marketing-doing-sales', 'marketing team closed the deal', 1),
      ].sort(),
    );
    write('docs/guide.md', `${GUIDE}\nOur marketing team closed the deal.\n\nOur marketing team closed the deal.\n`);
    const rows = JSON.parse(run('check', 'docs', '--baseline', 'baseline.json', '--format', 'json').stdout) as Row[];
    assert.deepEqual(
      rows.map((row) => [row.line, row.ruleId]),
      [[9, 'marketing-doing-sales']],
    );
  });

  it('with both, --write-baseline records this run and the run is reported against --baseline', () => {
    write('old.json', '{ "version": 1, "findings": [] }\n');
    const both = run('check', 'docs', '--baseline', 'old.json', '--write-baseline', 'baseline.json');
    assert.equal(both.status, 1);
    assert.equal(lastLine(both.stdout), '3 new findings in 2 files; 0 matched by the baseline.');
    assert.equal((JSON.parse(baselineFile()) as { findings: unknown[] }).findings.length, 3);
  });

  it('a missing, malformed or unwritable baseline is a usage error naming the file (exit 2, nothing on stdout)', () => {
    write('not-json.json', '{ "version": 1, ');
    write('array.json', '[]');
    write('v2.json', '{ "version": 2, "findings": [] }');
    write('no-findings.json', '{ "version": 1 }');
    write('bad-entry.json', '{ "version": 1, "findings": [{ "file": "a.md", "ruleId": "conflation" }] }');
    const cases: [string[], string][] = [
      [['--baseline', 'absent.json'], 'plumb-line: --baseline: cannot read absent.json: no such file or folder\n'],
      [
        ['--baseline', 'array.json'],
        'plumb-line: --baseline: array.json is not a Plumb Line baseline: it is not a JSON object (write one with --write-baseline)\n',
      ],
      [
        ['--baseline', 'v2.json'],
        'plumb-line: --baseline: v2.json is not a Plumb Line baseline: its "version" is 2, not 1 (write one with --write-baseline)\n',
      ],
      [
        ['--baseline', 'no-findings.json'],
        'plumb-line: --baseline: no-findings.json is not a Plumb Line baseline: it has no "findings" array (write one with --write-baseline)\n',
      ],
      [
        ['--baseline', 'bad-entry.json'],
        'plumb-line: --baseline: bad-entry.json is not a Plumb Line baseline: findings[0] needs the strings "file", "ruleId" and "fingerprint" ' +
          '(write one with --write-baseline)\n',
      ],
      [
        ['--write-baseline', path.join('no-such-folder', 'baseline.json')],
        `plumb-line: cannot write ${path.join('no-such-folder', 'baseline.json')}: no such file or folder\n`,
      ],
    ];
    for (const [args, stderr] of cases) assert.deepEqual(run('check', 'docs', ...args), { status: 2, stdout: '', stderr }, args.join(' '));
    const notJson = run('check', 'docs', '--baseline', 'not-json.json');
    assert.deepEqual([notJson.status, notJson.stdout], [2, '']);
    assert.match(notJson.stderr, /^plumb-line: --baseline: not-json\.json is not valid JSON \(.+\)\n$/);
  });

  it('--help documents both options', () => {
    assert.match(HELP, /--baseline FILE/);
    assert.match(HELP, /--write-baseline FILE/);
  });
});
