import * as assert from 'node:assert/strict';
import { configChain, describeConfigProblem, optionsFrom, parseConfig, type ConfigFile } from '../../src/core';

describe('the team config file (core/config.ts)', () => {
  it('reads JSON with comments and trailing commas, and YAML, into the same layer', () => {
    const json = parseConfig(
      '.plumb-line.json',
      '{\n  // ours\n  "rules": { "conflation": "error", "inconsistency": "off", },\n  "extraPhrases": { "sales": ["Book the demo"] },\n}\n',
    );
    const yaml = parseConfig('.plumb-line.yaml', 'rules:\n  conflation: error\n  inconsistency: off\nextraPhrases:\n  sales: [Book the demo]\n');
    const expected = {
      rules: { conflation: { enabled: true, severity: 'error' }, inconsistency: { enabled: false } },
      extraPhrases: { marketing: [], sales: ['book the demo'] },
    };
    assert.deepEqual([json.layer, json.problems, json.root], [expected, [], false]);
    assert.deepEqual([yaml.layer, yaml.problems], [expected, []]);
  });

  it('places a syntax error at its line and column, and the file gives no settings', () => {
    const json = parseConfig('a/.plumb-line.json', '{\n  "rules": {\n    "conflation" "error"\n  }\n}\n');
    assert.equal(json.layer, undefined);
    assert.deepEqual(
      json.problems.map((problem) => describeConfigProblem(json, problem)),
      ['a/.plumb-line.json:3:18: not valid JSON: colon expected'],
    );
    const yaml = parseConfig('.plumb-line.yml', 'rules:\n  conflation: error\n    inconsistency: off\n');
    assert.equal(yaml.layer, undefined);
    // YAML reads the over-indented line as a value of the one before it, and says so there.
    assert.deepEqual(yaml.problems, [{ line: 2, column: 15, message: 'not valid YAML: Nested mappings are not allowed in compact mappings' }]);
  });

  it('reports an unknown key or an invalid value at its line, leaves it out, and keeps the rest', () => {
    const file = parseConfig(
      '.plumb-line.json',
      '{\n  "rule": {},\n  "rules": {\n    "conflation": "loud",\n    "inconsistency": "error"\n  },\n  "extraPhrases": { "sales": ["ok", 7] }\n}\n',
    );
    assert.deepEqual(
      file.problems.map((problem) => [problem.line, problem.message.split(' (')[0]!.split(';')[0]]),
      [
        [2, 'unknown key "rule"'],
        [4, 'Rule "conflation" has the invalid value "loud"'],
        [7, '"extraPhrases.sales" holds 7, which is not a phrase of 1 to 80 characters'],
      ],
    );
    assert.deepEqual(file.layer, { rules: { inconsistency: { enabled: true, severity: 'error' } }, extraPhrases: { marketing: [], sales: ['ok'] } });
  });

  it('refuses a file that is not an object of settings, and a non-boolean root', () => {
    assert.deepEqual(parseConfig('.plumb-line.json', '[1, 2]').problems, [{ line: 1, column: 1, message: 'a config file must hold an object of settings' }]);
    const rooted = parseConfig('.plumb-line.yaml', 'root: yes please\n');
    assert.equal(rooted.root, false);
    assert.deepEqual(rooted.problems, [{ line: 1, column: 1, message: '"root" must be true or false, not "yes please"; ignored' }]);
  });

  it('merges the chain from the farthest folder: nearer rule settings win, phrases add up, a severity turns a rule back on', () => {
    const files: Record<string, string> = {
      '/': '{ "rules": { "conflation": "off", "inconsistency": "error" }, "extraPhrases": { "marketing": ["run the webinar"] } }',
      '/repo': '{ "root": true, "rules": { "inconsistency": "off" }, "extraPhrases": { "sales": ["book the demo"] } }',
      '/repo/docs': '{ "rules": { "conflation": "hint" }, "extraPhrases": { "sales": ["book the demo", "walk the floor"] } }',
    };
    const read = (folder: string): ConfigFile | undefined =>
      files[folder] === undefined ? undefined : parseConfig(`${folder}/.plumb-line.json`, files[folder]);
    const parent = (folder: string) => (folder === '/' ? undefined : folder.slice(0, folder.lastIndexOf('/')) || '/');
    const chain = configChain('/repo/docs/guides', read, parent);
    // "root": true in /repo stops the search: the file in / does not apply.
    assert.deepEqual(
      chain.map((file) => file.name),
      ['/repo/.plumb-line.json', '/repo/docs/.plumb-line.json'],
    );
    const options = optionsFrom(chain.map((file) => file.layer!));
    assert.deepEqual(options.rules.conflation, { enabled: true, severity: 'hint' });
    assert.deepEqual(options.rules.inconsistency, { enabled: false, severity: 'information' });
    assert.deepEqual(options.extraPhrases, { marketing: [], sales: ['book the demo', 'walk the floor'] });
    const outside = configChain('/elsewhere', read, parent);
    assert.deepEqual(
      outside.map((file) => file.name),
      ['//.plumb-line.json'],
    );
  });
});
