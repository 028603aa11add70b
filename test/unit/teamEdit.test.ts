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
