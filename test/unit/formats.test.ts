// The formats CI reads (--format github, rdjsonl, sarif), checked on one finding each, exactly, from a real run of dist/cli.js.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { repoRoot, runCli } from './shared';
import { RULE_IDS, RULES } from '../../src/core';

// An emoji before the claim: two UTF-16 code units but four UTF-8 bytes, so the columns of each format can be told apart.
const DRAFT = '# Launch\n\n🚀 Our marketing team closed the deal.\n';
// A name with the characters GitHub's workflow commands escape in a property.
const NAME = '50%,a:b.md';
const MESSAGE = '“marketing team” is credited with closing the sale, which is sales work. Write “sales”, or say how marketing supports sales.';
const rulePage = (id: string) => pathToFileURL(path.join(repoRoot, 'docs', 'rules', `${id}.md`)).href;
/** The SARIF 2.1.0 schema (its final, rtm.5, text) as Microsoft's SARIF SDK ships it on npm. */
const SARIF_SCHEMA = path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

describe('plumb-line CLI formats for CI', function () {
  this.timeout(20_000);
  let dir: string;
  const run = (format: string) => {
    const result = runCli(dir, ['check', NAME, '--format', format]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    return result.stdout;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumb-line-formats-'));
    writeFileSync(path.join(dir, NAME), DRAFT);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--format github prints one workflow annotation per finding, escaped as @actions/core escapes it', () => {
    assert.equal(run('github'), `::warning file=50%25%2Ca%3Ab.md,line=3,col=8,endLine=3,endColumn=38,title=marketing-doing-sales::${MESSAGE}\n`);
    writeFileSync(path.join(dir, 'levels.json'), JSON.stringify({ rules: { 'marketing-doing-sales': 'information' } }));
    const notice = runCli(dir, ['check', NAME, '--format', 'github', '--config', 'levels.json']).stdout;
    assert.match(notice, /^::notice file=/);
  });

  it('--format rdjsonl prints one reviewdog diagnostic per line: UTF-8 byte columns, exclusive end, the replace fix as a suggestion', () => {
    const lines = run('rdjsonl').split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[1], '');
    assert.deepEqual(JSON.parse(lines[0]!), {
      message: MESSAGE,
      location: { path: NAME, range: { start: { line: 3, column: 10 }, end: { line: 3, column: 40 } } },
      severity: 'WARNING',
      source: { name: 'plumb-line', url: pathToFileURL(path.join(repoRoot, 'README.md')).href },
      code: { value: 'marketing-doing-sales', url: rulePage('marketing-doing-sales') },
      suggestions: [{ range: { start: { line: 3, column: 10 }, end: { line: 3, column: 19 } }, text: 'sales' }],
    });
  });

  it('--format sarif validates against the SARIF 2.1.0 schema, with the rules, the result and its evidence passages', () => {
    const log = JSON.parse(run('sarif')) as Sarif.Log;
    // The schema's `language` pattern has a stray "]" that only a regular expression without the u flag accepts.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(validate({ ...log, version: '2.0.0' }), false, 'the schema check can fail');

    const [run0] = log.runs;
    const driver = run0!.tool.driver;
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const about = pathToFileURL(path.join(repoRoot, 'README.md')).href;
    assert.deepEqual([driver.name, driver.version, driver.informationUri], ['plumb-line', version, about]);
    assert.deepEqual(
      driver.rules?.map((rule) => [
        rule.id,
        rule.name,
        rule.shortDescription?.text,
        rule.fullDescription?.text,
        rule.helpUri,
        rule.defaultConfiguration?.level,
      ]),
      RULE_IDS.map((id) => [
        id,
        {
          conflation: 'Conflation',
          'sales-doing-marketing': 'SalesDoingMarketing',
          'marketing-doing-sales': 'MarketingDoingSales',
          inconsistency: 'Inconsistency',
        }[id],
        RULES[id].title,
        RULES[id].summary,
        rulePage(id),
        RULES[id].defaultSeverity === 'information' ? 'note' : 'warning',
      ]),
    );
    assert.deepEqual(run0!.originalUriBaseIds?.['%SRCROOT%'], { uri: `${pathToFileURL(dir).href}/` });
    assert.equal(run0!.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run0!.results, [
      {
        ruleId: 'marketing-doing-sales',
        ruleIndex: 2,
        level: 'warning',
        message: { text: MESSAGE },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: '50%25%2Ca%3Ab.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 8, endLine: 3, endColumn: 38, snippet: { text: 'marketing team closed the deal' } },
            },
          },
        ],
        relatedLocations: [
          {
            id: 1,
            physicalLocation: {
              artifactLocation: { uri: 'corpus/linkedin-survey.md', uriBaseId: 'PLUMBLINE' },
              region: { startLine: 23, startColumn: 3, endLine: 23, endColumn: 82 },
            },
            message: {
              text:
                '“Sales closes the deal; Marketing creates the environment for Sales to happen.” — ' +
                'The Difference Between Marketing and Sales, Matthew Sawyer',
            },
          },
          {
            id: 2,
            physicalLocation: {
              artifactLocation: { uri: 'corpus/understanding-the-difference.md', uriBaseId: 'PLUMBLINE' },
              region: { startLine: 28, startColumn: 1, endLine: 28, endColumn: 42 },
            },
            message: { text: '“Overcoming objections and closing sales” — Understanding the Difference between Sales and Marketing' },
          },
        ],
      },
    ]);
    // Each evidence region is the quoted passage in the shipped corpus file.
    const corpusLine = readFileSync(path.join(repoRoot, 'corpus', 'understanding-the-difference.md'), 'utf8').split('\n')[27];
    assert.equal(corpusLine?.slice(0, 41), '- Overcoming objections and closing sales');
  });
});
