import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, flat, hoverText, openDraft, openScratch, plumbLine, type TestApi } from './helpers';

const SIDE_LABELS = { marketing: 'Marketing', sales: 'Sales', both: 'Both' };

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

const isPlumbLineCard = (hover: vscode.Hover) => hoverText(hover).includes('command:plumbLine.revealConcept');

describe('hover cards', () => {
  let api: TestApi;

  before(async () => {
    api = await plumbLine();
  });

  after(closeAllEditors);

  for (const phrase of ['loyalty program', 'closing']) {
    it(`shows the concept card for "${phrase}"`, async () => {
      const { document } = await openDraft('hover.md');
      const text = document.getText();
      const offset = text.indexOf(phrase) + 2;
      const term = api.catalogue.termAt(text, offset);
      assert.ok(term, `"${phrase}" is not a catalogue term`);
      const concept = api.catalogue.get(term.conceptId);
      assert.ok(concept, `no concept ${term.conceptId}`);

      const cards = (await hoversAt(document.uri, document.positionAt(offset))).filter(isPlumbLineCard);
      assert.equal(cards.length, 1, 'expected exactly one Plumb Line hover');
      const [card] = cards;
      assert.ok(card);
      const shown = flat(hoverText(card));
      assert.ok(shown.includes(`**${concept.label}**`), `label missing: ${shown}`);
      assert.ok(shown.includes(SIDE_LABELS[concept.side]), `side missing: ${shown}`);
      assert.ok(shown.includes(flat(concept.definition)), `definition missing: ${shown}`);
      const [first] = concept.passages;
      assert.ok(first, `${concept.id} has no passages to quote`);
      // A list item is quoted under the sentence that leads into its list (issue 9, item 6).
      const quote = first.leadIn ? `> ${flat(first.leadIn)} > > • ${flat(first.text)}` : `> ${flat(first.text)}`;
      assert.ok(shown.includes(quote), `quote missing: ${shown}`);
      // The sidebar link comes before the quotes.
      assert.ok(shown.indexOf('[Reveal in sidebar]') < shown.indexOf(quote), `the sidebar link is below the quotes: ${shown}`);
      const source = api.catalogue.corpus.sourceById.get(first.sourceId);
      assert.ok(source && shown.includes(`— *${source.title}*`), `citation missing: ${shown}`);
      assert.ok(shown.includes(`command:plumbLine.openPassage?${encodeURIComponent(JSON.stringify([first.id]))}`), 'no Open passage link');
      assert.ok(shown.includes(`command:plumbLine.revealConcept?${encodeURIComponent(JSON.stringify([concept.id]))}`), 'no Reveal in sidebar link');
      // The links run only our two commands: the card trusts nothing else.
      const markdown = card.contents.find((part): part is vscode.MarkdownString => part instanceof vscode.MarkdownString && part.value.includes('command:'));
      assert.ok(markdown, 'the card is not a MarkdownString');
      assert.deepEqual(markdown.isTrusted, { enabledCommands: ['plumbLine.openPassage', 'plumbLine.revealConcept'] });

      assert.ok(card.range, 'the card has no range');
      assert.equal(document.offsetAt(card.range.start), term.span.start.offset);
      assert.equal(document.offsetAt(card.range.end), term.span.end.offset);
    });
  }

  it('shows how "sales" itself is read: the function, with its one-to-one card, or another sense', async () => {
    const { document } = await openScratch('Our sales team closes every deal.\n\nHoliday sales rose by 12%.\n');
    const text = document.getText();
    const [team] = (await hoversAt(document.uri, document.positionAt(text.indexOf('sales') + 2))).filter(isPlumbLineCard);
    assert.ok(team, 'no card on "sales" in "Our sales team"');
    assert.ok(flat(hoverText(team)).startsWith('*sales* here names the sales function.'), flat(hoverText(team)));
    assert.ok(hoverText(team).includes('**One-to-one**'), 'not the one-to-one card');
    const revenueHovers = await hoversAt(document.uri, document.positionAt(text.indexOf('sales rose') + 2));
    const revenue = revenueHovers.map(hoverText).find((shown) => shown.includes('Plumb Line'));
    assert.ok(revenue?.includes('*sales* here is not the sales function'), `no reading of "sales rose": ${revenue}`);
  });

  it('shows no card on a word that is not a catalogue term', async () => {
    const { document } = await openDraft('hover.md');
    const offset = document.getText().indexOf('Tuesday') + 2;
    assert.equal(api.catalogue.termAt(document.getText(), offset), undefined, '"Tuesday" became a catalogue term');
    const cards = (await hoversAt(document.uri, document.positionAt(offset))).filter(isPlumbLineCard);
    assert.deepEqual(cards, []);
  });
});
