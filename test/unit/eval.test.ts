import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { loadCatalogue } from '../../src/corpusFolder';
import { readLabelledFolder, readMarkers, scoreTexts } from '../eval/score';

const root = resolve(__dirname, '../../..');
const catalogue = loadCatalogue(join(root, 'corpus'));

describe('line-level scoring', () => {
  it('reads markers per line and refuses unknown rule ids', () => {
    const marks = readMarkers('x.md', 'Quiet line.\nMarketing closed the deal. <!-- expect: marketing-doing-sales inconsistency -->\n');
    assert.deepEqual(
      [...marks].map(([line, rules]) => [line, [...rules]]),
      [[1, ['marketing-doing-sales', 'inconsistency']]],
    );
    assert.throws(() => readMarkers('x.md', 'Text <!-- expect: sales-did-it -->'), /x\.md:1: unknown rule 'sales-did-it'/);
  });

  it('counts a finding on an unmarked line as a false alarm and a marked line without one as a miss, in one document', () => {
    const text = [
      'Our marketing team closed the Acme deal.',
      'Marketing negotiated the renewal with the buyer. <!-- expect: marketing-doing-sales -->',
      'The sales team wrote the press release. <!-- expect: sales-doing-marketing -->',
      'We sell shoes. <!-- expect: conflation -->\n',
    ].join('\n\n');
    const score = scoreTexts([{ file: 'doc.md', text, expected: readMarkers('doc.md', text) }], catalogue);
    const mistakes = score.mistakes.map((m) => `${m.kind} ${m.ruleId} ${m.line}`);
    assert.deepEqual(mistakes, ['false alarm marketing-doing-sales 1', 'miss conflation 7']);
    assert.equal(score.perRule['marketing-doing-sales'].truePositives, 1);
    assert.equal(score.perRule['sales-doing-marketing'].truePositives, 1);
  });
});

describe('accuracy at line level (npm run eval prints the detail)', () => {
  const drafts = readLabelledFolder(join(root, 'test', 'fixtures', 'eval', 'drafts'));
  const documents = readLabelledFolder(join(root, 'test', 'fixtures', 'eval', 'documents'));
  const all = scoreTexts([...drafts, ...documents], catalogue);
  const whole = scoreTexts(documents, catalogue);

  it('has short drafts and at least 150 whole documents, covering every rule', () => {
    assert.ok(drafts.length >= 250, `${drafts.length} drafts`);
    assert.ok(documents.length >= 150, `${documents.length} documents`);
    for (const id of RULE_IDS) {
      assert.ok(
        documents.some((doc) => [...doc.expected.values()].some((rules) => rules.has(id))),
        `no document expects ${id}`,
      );
    }
    assert.ok(documents.filter((doc) => doc.expected.size === 0).length >= 30, 'whole documents include clean copy');
  });

  it('keeps overall precision ≥ 0.95 and recall ≥ 0.85', () => {
    assert.ok(all.overall.precision >= 0.95, `precision ${all.overall.precision.toFixed(3)}`);
    assert.ok(all.overall.recall >= 0.85, `recall ${all.overall.recall.toFixed(3)}`);
  });

  it('keeps precision ≥ 0.92 and recall ≥ 0.80 on the whole documents', () => {
    assert.ok(whole.overall.precision >= 0.92, `precision ${whole.overall.precision.toFixed(3)}`);
    assert.ok(whole.overall.recall >= 0.8, `recall ${whole.overall.recall.toFixed(3)}`);
  });
});
