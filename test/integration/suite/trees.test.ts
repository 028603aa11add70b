import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lintMarkdown } from '../../../src/core';
import { closeAllEditors, nextEvent, openScratch, plumbLine, waitFor, type TestApi } from './helpers';

const labelOf = (item: vscode.TreeItem): string | undefined => (typeof item.label === 'string' ? item.label : item.label?.label);

describe('sidebar trees', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  afterEach(closeAllEditors);

  it('Sources lists the five articles, their sections and their passages', async () => {
    const { sourcesTree, catalogue } = api;
    const sources = await sourcesTree.getChildren();
    assert.equal(sources.length, 5);
    for (const source of sources) {
      const item = sourcesTree.getTreeItem(source);
      assert.ok(typeof item.label === 'string' && item.label.length > 0, 'a source has no title');
      assert.equal(item.contextValue, 'source');
      assert.equal(sourcesTree.getParent(source), undefined);

      const sections = await sourcesTree.getChildren(source);
      assert.ok(sections.length > 0, `${labelOf(item)} has no sections`);
      let passageCount = 0;
      for (const section of sections) {
        assert.equal(sourcesTree.getTreeItem(section).contextValue, 'section');
        assert.equal(sourcesTree.getParent(section), source);
        for (const passage of await sourcesTree.getChildren(section)) {
          passageCount++;
          const passageItem = sourcesTree.getTreeItem(passage);
          assert.equal(passageItem.contextValue, 'passage');
          assert.equal(passageItem.command?.command, 'plumbLine.openPassage');
          const [passageId] = (passageItem.command?.arguments ?? []) as unknown[];
          assert.ok(typeof passageId === 'string' && catalogue.corpus.passageById.has(passageId), `unknown passage id ${String(passageId)}`);
          assert.equal(sourcesTree.getParent(passage), section);
        }
      }
      assert.ok(passageCount > 0, `${labelOf(item)} has no passages`);
    }
    const titles = sources.map((source) => labelOf(sourcesTree.getTreeItem(source)));
    assert.deepEqual(
      titles,
      catalogue.corpus.sources.map((source) => source.title),
    );
  });

  it('shows the catalogue the language server parsed, the same as the engine builds from the corpus', () => {
    const { view, catalogue } = api;
    // The whole parse, as plain data: every source, section and passage with its exact span.
    assert.deepEqual(view.sources, JSON.parse(JSON.stringify(catalogue.corpus.sources)));
    assert.deepEqual(
      view.concepts.map((concept) => [concept.id, concept.side, concept.label, concept.passages.map((passage) => passage.id)]),
      catalogue.concepts.map((concept) => [concept.id, concept.side, concept.label, concept.passages.map((passage) => passage.id)]),
    );
  });

  it('Concepts groups at least 20 concepts under Marketing and Sales, each with supporting passages', async () => {
    const { conceptsTree } = api;
    const sides = await conceptsTree.getChildren();
    const sideLabels = sides.map((side) => labelOf(conceptsTree.getTreeItem(side)));
    assert.ok(sideLabels.includes('Marketing'), `groups: ${sideLabels.join(', ')}`);
    assert.ok(sideLabels.includes('Sales'), `groups: ${sideLabels.join(', ')}`);

    let conceptCount = 0;
    for (const side of sides) {
      assert.equal(conceptsTree.getTreeItem(side).contextValue, 'side');
      for (const concept of await conceptsTree.getChildren(side)) {
        conceptCount++;
        const item = conceptsTree.getTreeItem(concept);
        assert.equal(item.contextValue, 'concept');
        assert.equal(conceptsTree.getParent(concept), side);
        assert.ok(item.tooltip, `${labelOf(item)} has no definition tooltip`);
        const passages = await conceptsTree.getChildren(concept);
        assert.ok(passages.length > 0, `${labelOf(item)} has no supporting passages`);
        for (const passage of passages) {
          const passageItem = conceptsTree.getTreeItem(passage);
          assert.equal(passageItem.contextValue, 'passage');
          assert.equal(passageItem.command?.command, 'plumbLine.openPassage');
          assert.ok(passageItem.description, 'a supporting passage does not name its source');
          assert.equal(conceptsTree.getParent(passage), concept);
        }
      }
    }
    assert.ok(conceptCount >= 20, `only ${conceptCount} concepts`);
  });

  it("updates a concept's count in the active draft as the draft is edited", async () => {
    const { conceptsTree, catalogue } = api;
    const concept = catalogue.concepts.find((c) => c.terms.length > 0);
    assert.ok(concept, 'no concept has terms');
    const node = await conceptsTree.conceptNode(concept.id);
    assert.ok(node, `no tree node for ${concept.id}`);
    const description = () => conceptsTree.getTreeItem(node).description;

    const shown = nextEvent(conceptsTree.onDidChangeTreeData);
    const editor = await openScratch('# Notes\n\nNothing to count yet.\n');
    await shown;
    assert.equal(description(), undefined);

    const term = concept.terms[0];
    const addition = `\nThe ${term} matters. We discussed the ${term} again.\n`;
    const expected = catalogue.countOccurrences(editor.document.getText() + addition).get(concept.id);
    assert.ok(expected, `"${term}" does not count towards ${concept.id}`);

    const counted = waitFor(
      conceptsTree.onDidChangeTreeData,
      () => description() === `${expected} in draft`,
      () => `"${expected} in draft", last seen ${String(description())}`,
    );
    await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().length), addition));
    await counted;
  });
});

/** A span or range as [start line, start character, end line, end character]: a whole place in one comparison. */
const place = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => [
  range.start.line,
  range.start.character,
  range.end.line,
  range.end.character,
];

describe('Concepts counts lead to the draft (issue 9, item 11)', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  afterEach(closeAllEditors);

  it('selecting a counted concept selects its next occurrence after the cursor, round to the first', async () => {
    const { catalogue } = api;
    const text = '# Notes\n\nThe brand matters. We discussed the brand again.\n';
    const terms = catalogue.findTerms(text);
    const brand = terms[0];
    assert.ok(brand, 'the note names no catalogue term');
    const expected = terms.filter((term) => term.conceptId === brand.conceptId).map((term) => place(term.span));
    assert.equal(expected.length, 2);
    const editor = await openScratch(text);
    const places: number[][] = [];
    for (let step = 0; step < 3; step += 1) {
      const range = await vscode.commands.executeCommand<vscode.Range | undefined>('plumbLine.nextOccurrence', brand.conceptId);
      assert.ok(range, `no occurrence at step ${step}`);
      assert.ok(editor.selection.isEqual(range), 'the occurrence is not selected');
      places.push(place(range));
    }
    assert.deepEqual(places, [expected[0], expected[1], expected[0]]);
  });

  it("counts a claim the linter flagged as the concept's work, and the count leads to it", async () => {
    const { catalogue, conceptsTree } = api;
    const text = '# Notes\n\nMarketing will close the first ten distributor deals.\n';
    const finding = lintMarkdown(text, catalogue).find((candidate) => candidate.conceptId);
    assert.ok(finding?.conceptId, 'the claim is not flagged');
    const conceptId = finding.conceptId;
    const terms = catalogue.findTerms(text).filter((term) => term.conceptId === conceptId);
    assert.deepEqual(terms, [], 'a term of the concept is in the note: the test needs a claim only');
    const node = await conceptsTree.conceptNode(conceptId);
    assert.ok(node, `no tree node for ${conceptId}`);
    const editor = await openScratch(text);
    await waitFor(
      conceptsTree.onDidChangeTreeData,
      () => conceptsTree.getTreeItem(node).description === '1 in draft',
      () => `"1 in draft" on ${conceptId}`,
    );
    assert.equal(conceptsTree.getTreeItem(node).command?.command, 'plumbLine.nextOccurrence');
    const range = await vscode.commands.executeCommand<vscode.Range | undefined>('plumbLine.nextOccurrence', conceptId);
    assert.ok(range);
    assert.deepEqual(place(range), place(finding.span));
    assert.equal(editor.document.getText(range), text.slice(finding.span.start.offset, finding.span.end.offset));
  });
});
