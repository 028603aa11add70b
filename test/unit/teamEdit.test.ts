import * as assert from 'node:assert/strict';
import { parseConfig } from '../../src/core';
import { newConfigText, teamConfigEdits, type OffsetEdit } from '../../src/core/teamEdit';

const apply = (text: string, edits: OffsetEdit[]) =>
  [...edits].sort((a, b) => b.offset - a.offset).reduce((out, edit) => out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length), text);
const MOVE = { move: { activity: 'close the acme deal', side: 'marketing' as const } };

describe('teaching the team config (issue 11, item 4)', () => {
  it('appends a move to a JSON config, keeping its comments, order and indentation, and it reads back', () => {
    const text =
      '{\n' +
      '    // our house rules\n' +
      '    "rules": { "inconsistency": "off" },\n' +
      '    "moves": [\n' +
      '        { "activity": "run trade shows", "side": "sales" }\n' +
      '    ]\n' +
      '}\n';
    const edited = apply(text, teamConfigEdits('.plumb-line.json', text, MOVE));
    assert.equal(
      edited,
      '{\n' +
        '    // our house rules\n' +
        '    "rules": { "inconsistency": "off" },\n' +
        '    "moves": [\n' +
        '        { "activity": "run trade shows", "side": "sales" },\n' +
        '        {\n' +
        '            "activity": "close the acme deal",\n' +
        '            "side": "marketing"\n' +
        '        }\n' +
        '    ]\n' +
        '}\n',
    );
    const file = parseConfig('.plumb-line.json', edited);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.team.moves, [
      { activity: 'run trade shows', side: 'sales' },
      { activity: 'close the acme deal', side: 'marketing' },
    ]);
  });

  it('adds the list when the file has none, and replaces a move of the same activity rather than adding a second', () => {
    const empty = '{ "rules": {} }';
    const once = apply(empty, teamConfigEdits('.plumb-line.json', empty, MOVE));
    assert.deepEqual(parseConfig('.plumb-line.json', once).team.moves, [MOVE.move]);
    const twice = apply(once, teamConfigEdits('.plumb-line.json', once, { move: { activity: 'close the acme deal', side: 'sales' } }));
    assert.deepEqual(parseConfig('.plumb-line.json', twice).team.moves, [{ activity: 'close the acme deal', side: 'sales' }]);
  });

  it('edits a YAML config, keeping its comments, and adds a concept', () => {
    const text = '# ours\nrules:\n  inconsistency: "off" # too noisy\n';
    const concept = {
      concept: { id: 'field-days', label: 'Field days', side: 'sales' as const, definition: 'On site.', terms: ['field days'], activities: [] },
    };
    const edited = apply(text, teamConfigEdits('.plumb-line.yaml', text, concept));
    assert.match(edited, /^# ours\nrules:\n {2}inconsistency: "off" # too noisy\nconcepts:\n/);
    const file = parseConfig('.plumb-line.yaml', edited);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.team.concepts.map((added) => [added.id, added.side, added.terms]),
      [['field-days', 'sales', ['field days']]],
    );
  });

  it('refuses to edit a file that does not parse, or whose list is not a list, so no words are lost', () => {
    assert.throws(() => teamConfigEdits('.plumb-line.json', '{ "moves": [', MOVE), /does not parse; fix it first/);
    assert.throws(() => teamConfigEdits('.plumb-line.json', '{ "moves": {} }', MOVE), /"moves" in the config file is not a list/);
    assert.throws(() => teamConfigEdits('.plumb-line.yml', 'moves: [\n', MOVE), /does not parse/);
  });

  it('writes a new config file that holds just the addition', () => {
    assert.equal(newConfigText(MOVE), '{\n  "moves": [\n    {\n      "activity": "close the acme deal",\n      "side": "marketing"\n    }\n  ]\n}\n');
  });
});

describe('teaching the team config: the other shapes a file may have', () => {
  const concept = (side: 'sales' | 'marketing') => ({
    concept: { id: 'field-days', label: 'Field days', side, definition: 'On site.', terms: [], activities: [] },
  });

  it('replaces a YAML entry of the same concept or activity, and appends to a YAML list', () => {
    const text =
      'concepts:\n  - { id: field-days, label: Field days, side: marketing, definition: x }\nmoves:\n  - activity: close the acme deal\n    side: sales\n';
    const replaced = apply(text, teamConfigEdits('.plumb-line.yaml', text, concept('sales')));
    assert.deepEqual(
      parseConfig('.plumb-line.yaml', replaced).team.concepts.map((added) => [added.id, added.side]),
      [['field-days', 'sales']],
    );
    const moved = apply(replaced, teamConfigEdits('.plumb-line.yaml', replaced, MOVE));
    const again = apply(moved, teamConfigEdits('.plumb-line.yaml', moved, { move: { concept: 'closing', side: 'marketing' } }));
    assert.deepEqual(parseConfig('.plumb-line.yaml', again).team.moves, [MOVE.move, { concept: 'closing', side: 'marketing' }]);
    assert.throws(() => teamConfigEdits('.plumb-line.yaml', '- a list\n', MOVE), /does not hold a mapping/);
    assert.throws(() => teamConfigEdits('.plumb-line.yaml', 'moves: yes\n', MOVE), /"moves" in the config file is not a list/);
  });

  it('keeps a JSON list written on one line on one line, indents with tabs where the file does, and replaces a concept by id', () => {
    const inline = '{ "moves": [{ "activity": "run trade shows", "side": "sales" }] }';
    assert.equal(
      apply(inline, teamConfigEdits('.plumb-line.json', inline, MOVE)),
      '{ "moves": [{ "activity": "run trade shows", "side": "sales" }, {"activity":"close the acme deal","side":"marketing"}] }',
    );
    const tabs = '{\n\t"moves": [\n\t\t{ "activity": "run trade shows", "side": "sales" }\n\t]\n}\n';
    assert.equal(
      apply(tabs, teamConfigEdits('.plumb-line.json', tabs, MOVE)),
      '{\n\t"moves": [\n\t\t{ "activity": "run trade shows", "side": "sales" },\n' +
        '\t\t{\n\t\t\t"activity": "close the acme deal",\n\t\t\t"side": "marketing"\n\t\t}\n\t]\n}\n',
    );
    const withConcept = '{ "concepts": [{ "id": "field-days", "label": "Field days", "side": "marketing", "definition": "x" }] }';
    const replaced = apply(withConcept, teamConfigEdits('.plumb-line.json', withConcept, concept('sales')));
    assert.deepEqual(
      parseConfig('.plumb-line.json', replaced).team.concepts.map((added) => [added.id, added.side]),
      [['field-days', 'sales']],
    );
    assert.throws(() => teamConfigEdits('.plumb-line.json', '[1]', MOVE), /does not hold an object/);
    assert.equal(
      apply('', teamConfigEdits('.plumb-line.json', '', MOVE)).replace(/\s+/g, ''),
      '{"moves":[{"activity":"closetheacmedeal","side":"marketing"}]}',
    );
  });
});

describe('team config validation: every way an entry can be wrong', () => {
  it('reports each bad concept and move at its line and keeps the good ones', () => {
    const file = parseConfig(
      '.plumb-line.yaml',
      [
        'sources: docs',
        'concepts:',
        '  - just text',
        '  - { id: a, label: A }',
        '  - { id: b, label: B, definition: x, side: nobody }',
        '  - { id: c, label: C, definition: x, side: sales, terms: [ok, 3], activities: word }',
        '  - { id: c, label: C again, definition: x, side: sales }',
        'moves:',
        '  - 7',
        '  - { activity: close deals, side: both }',
        '  - { concept: closing, side: marketing, source: says so }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      file.problems.map((problem) => [problem.line, problem.message.split(';')[0]]),
      [
        [1, '"sources" must be a list of texts'],
        [3, 'concepts[0] must be an object with id, label, side and definition'],
        [4, 'concepts[1] needs "definition" as text'],
        [5, 'concept "b" needs "side": "marketing", "sales" or "both"'],
        [6, '"concepts.3.terms" holds 3, which is not a text of 1 to 200 characters'],
        [6, '"concepts.3.activities" must be a list of texts'],
        [7, 'concept id "c" is given twice'],
        [9, 'moves[0] must be an object like { "activity": "run trade shows", "side": "sales" }'],
        [10, 'moves[1] needs "side": "marketing" or "sales"'],
      ],
    );
    assert.deepEqual(file.team.sources, []);
    assert.deepEqual(
      file.team.concepts.map((concept) => [concept.id, concept.terms, concept.activities]),
      [['c', ['ok'], []]],
    );
    assert.deepEqual(file.team.moves, [{ concept: 'closing', side: 'marketing', source: 'says so' }]);
    assert.deepEqual(
      parseConfig('.plumb-line.json', '{ "concepts": {}, "moves": 1 }').problems.map((problem) => problem.message),
      ['"concepts" must be a list; ignored', '"moves" must be a list; ignored'],
    );
  });
});
