import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { loadCatalogue } from '../../src/corpusFolder';
import { readLabelledDrafts, scoreDrafts } from '../eval/score';

const root = resolve(__dirname, '../../..');

describe('accuracy on the labelled drafts (npm run eval prints the detail)', () => {
  const drafts = readLabelledDrafts(join(root, 'test', 'fixtures', 'eval'));
  const score = scoreDrafts(drafts, loadCatalogue(join(root, 'corpus')));

  it('has at least 250 drafts covering every rule both ways', () => {
    assert.ok(drafts.length >= 250, `${drafts.length} drafts`);
    for (const id of RULE_IDS) {
      assert.ok(drafts.some((draft) => draft.rules.includes(id)), `no draft expects ${id}`);
    }
    assert.ok(drafts.filter((draft) => draft.expect === 'quiet').length >= 100);
    for (const draft of drafts) assert.equal(draft.expect === 'quiet', draft.rules.length === 0, `${draft.file}: expect and rules disagree`);
  });

  it('keeps overall precision at or above 0.95', () => {
    assert.ok(score.overall.precision >= 0.95, `precision ${score.overall.precision.toFixed(3)}`);
  });

  it('keeps overall recall at or above 0.90', () => {
    assert.ok(score.overall.recall >= 0.9, `recall ${score.overall.recall.toFixed(3)}`);
  });
});
