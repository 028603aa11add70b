import * as assert from 'node:assert/strict';
import { defaultOptions, lintMarkdown, parseConfig, type LintOptions, type TeamInput } from '../../src/core';
import { conceptCard } from '../../src/core/card';
import { mergeTeam } from '../../src/core/config';
import { withTeam } from '../../src/core/team';
import { realCatalogue, textAt } from './shared';

const PLAYBOOK = '# Field playbook\n\n## Events\n\nAt Acme the sales team runs every trade show, from the booth to the follow-up calls.\n';
const TEAM: TeamInput = {
  key: 'team-test',
  sources: [{ file: 'file:///repo/.plumb-line/sources/playbook.md', text: PLAYBOOK }],
  concepts: [
    {
      id: 'field-days',
      label: 'Field days',
      side: 'sales',
      definition: 'Days a rep spends on site with a customer.',
      terms: ['field day'],
      activities: ['host the field day'],
    },
  ],
  moves: [{ activity: 'run trade shows', side: 'sales', source: 'runs every trade show' }],
};
const withTeamOptions = (team: TeamInput = TEAM): LintOptions => ({ ...defaultOptions(), team });
const found = (text: string, options?: LintOptions) => lintMarkdown(text, realCatalogue(), options).map((f) => [f.ruleId, textAt(text, f.span)]);

describe('team sources, concepts and moves (issue 11)', () => {
  it('a moved activity changes what is flagged: the team decides', () => {
    // The bundled sources count trade shows as promotion, marketing's work.
    assert.deepEqual(found('Sales runs the trade shows.'), [['sales-doing-marketing', 'Sales runs the trade shows']]);
    assert.deepEqual(found('Marketing runs the trade shows.'), []);
    assert.deepEqual(found('Sales runs the trade shows.', withTeamOptions()), []);
    assert.deepEqual(found('Marketing runs the trade shows.', withTeamOptions()), [['marketing-doing-sales', 'Marketing runs the trade shows']]);
  });

  it('where the sources disagree, the finding says so and cites the team passage and then the bundled one', () => {
    const [finding] = lintMarkdown('Marketing runs the trade shows.', realCatalogue(), withTeamOptions());
    assert.ok(finding);
    assert.equal(
      finding.message,
      '“Marketing” is credited with running trade shows, which is sales work. Write “Sales”, or say how marketing supports sales. ' +
        'Your team gives this to sales (Field playbook); the bundled sources give it to marketing.',
    );
    assert.deepEqual(
      finding.evidence.map((passage) => passage.text),
      ['At Acme the sales team runs every trade show, from the booth to the follow-up calls.', realCatalogue().get('promotion')!.passages[0]!.text],
    );
    assert.equal(finding.evidence[0]!.id, 'team:playbook#p1');
  });

  it("a team concept's terms and activities are the catalogue's: flagged, counted and carded", () => {
    assert.deepEqual(found('Marketing will host the field day.', withTeamOptions()), [['marketing-doing-sales', 'Marketing will host the field day']]);
    const catalogue = withTeam(realCatalogue(), TEAM);
    assert.deepEqual(
      catalogue.findTerms('Our field day is in May.').map((term) => [term.conceptId, term.term]),
      [['field-days', 'field day']],
    );
    const card = conceptCard(catalogue, catalogue.get('field-days')!);
    assert.equal(card, "**Field days** · Sales · your team's concept\n\nDays a rep spends on site with a customer.");
    const moved = conceptCard(catalogue, catalogue.get('team:activity-1')!);
    assert.match(moved, /^\*\*Running trade shows\*\* · Sales · your team's choice \(the bundled sources: Marketing\)\n\n/);
    assert.match(moved, /> At Acme the sales team runs every trade show, from the booth to the follow-up calls\.\n>\n> — \*Field playbook\* \(your team\)/);
  });

  it('team sources are parsed into the corpus with their own ids and positions, and become evidence for what they support', () => {
    const catalogue = withTeam(realCatalogue(), TEAM);
    const source = catalogue.corpus.sourceById.get('team:playbook');
    assert.ok(source);
    assert.deepEqual([source.title, source.origin, source.file], ['Field playbook', 'team', 'file:///repo/.plumb-line/sources/playbook.md']);
    const passage = source.sections[0]!.passages[0]!;
    assert.equal(textAt(PLAYBOOK, passage.span), 'At Acme the sales team runs every trade show, from the booth to the follow-up calls.');
    assert.equal(realCatalogue().corpus.sourceById.get('team:playbook'), undefined, 'the bundled catalogue is left as it was');
    assert.equal(withTeam(realCatalogue(), TEAM), catalogue, 'built once per team key');
  });

  it('a concept moved to the other side flips the rules for it, and a move with no matching activity is reported', () => {
    const moved: TeamInput = { key: 'moved-loyalty', sources: [], concepts: [], moves: [{ concept: 'loyalty-programs', side: 'sales' }] };
    assert.deepEqual(found('Sales designed the new loyalty program.'), [['sales-doing-marketing', 'Sales designed the new loyalty program']]);
    assert.deepEqual(found('Sales designed the new loyalty program.', withTeamOptions(moved)), []);
    assert.deepEqual(found('Marketing designed the new loyalty program.', withTeamOptions(moved)), [
      ['marketing-doing-sales', 'Marketing designed the new loyalty program'],
    ]);
    const problems: string[] = [];
    withTeam(realCatalogue(), { key: 'unknown-activity', sources: [], concepts: [], moves: [{ activity: 'walk the dogs', side: 'sales' }] }, (problem) =>
      problems.push(problem),
    );
    assert.deepEqual(problems, ['team move "walk the dogs": no activity of the catalogue reads so; it is added as the team\'s sales work']);
  });

  it('the config file validates sources, concepts and moves at their line, and nearer files replace farther ones', () => {
    const file = parseConfig(
      '.plumb-line.yaml',
      [
        'sources: [docs/playbook.md]',
        'concepts:',
        '  - { id: field-days, label: Field days, side: sales, definition: On site., terms: [field day] }',
        '  - { id: closing, label: Closing, side: sales, definition: x }',
        '  - { id: Bad Id, label: x, side: sales, definition: x }',
        'moves:',
        '  - { activity: run trade shows, side: sales, source: runs every trade show }',
        '  - { concept: loyalty-program, side: sales }',
        '  - { concept: closing, activity: close, side: sales }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      file.problems.map((problem) => [problem.line, problem.message]),
      [
        [4, 'concept id "closing" is a bundled concept\'s; to give it to the other side, use "moves"; ignored'],
        [5, 'concept id "Bad Id" must be lower-case letters, digits and hyphens; ignored'],
        [8, 'moves[1]: "loyalty-program" is not a bundled concept\'s id; ignored'],
        [9, 'moves[2] names either a "concept" (a bundled concept\'s id) or an "activity"; ignored'],
      ],
    );
    assert.deepEqual(file.team.sources, ['docs/playbook.md']);
    assert.deepEqual(
      file.team.concepts.map((concept) => [concept.id, concept.terms]),
      [['field-days', ['field day']]],
    );
    assert.deepEqual(file.team.moves, [{ activity: 'run trade shows', side: 'sales', source: 'runs every trade show' }]);
    const nearer = parseConfig('.plumb-line.json', '{ "moves": [{ "activity": "run trade shows", "side": "marketing" }] }');
    assert.deepEqual(nearer.team.sources, ['.plumb-line/sources/**/*.md']);
    assert.deepEqual(mergeTeam([file, nearer]).moves, [{ activity: 'run trade shows', side: 'marketing' }]);
  });
});
