// The linter of the browser's language server: lints on its own thread, a turn at a time, newest job per key.
import * as assert from 'node:assert/strict';
import { defaultOptions } from '../../src/core';
import { snapshotOf } from '../../src/server/server';
import { InlineLinter } from '../../src/server/inlineLinter';
import { realCatalogue, textAt } from './shared';

const DRAFT = '# Plan\n\nMarketing closed the deal with Acme last week.\n';

describe('the inline linter (the language server in a web worker)', () => {
  it('lints a text with the same findings as the engine, at the exact span', async () => {
    const linter = new InlineLinter(realCatalogue());
    const answer = await linter.lint('a.md', DRAFT, defaultOptions());
    assert.ok('findings' in answer);
    assert.deepEqual(
      answer.findings.map((finding) => [finding.ruleId, textAt(DRAFT, finding.span)]),
      [['marketing-doing-sales', 'Marketing closed the deal']],
    );
    assert.deepEqual(answer.problems, []);
  });

  it('skips a job superseded by a newer one of the same key, and keeps other keys', async () => {
    const linter = new InlineLinter(realCatalogue());
    const older = linter.lint('a.md', DRAFT, defaultOptions());
    const other = linter.lint('b.md', 'Nothing to see.\n', defaultOptions());
    const newer = linter.lint('a.md', DRAFT.replace('Marketing', 'Sales'), defaultOptions());
    assert.deepEqual(await older, { superseded: true });
    assert.deepEqual(await other, { findings: [], problems: [] });
    assert.deepEqual(await newer, { findings: [], problems: [] });
  });

  it('after dispose, waiting and new jobs resolve as superseded', async () => {
    const linter = new InlineLinter(realCatalogue());
    const waiting = linter.lint('a.md', DRAFT, defaultOptions());
    await linter.dispose();
    assert.deepEqual(await waiting, { superseded: true });
    assert.deepEqual(await linter.lint('a.md', DRAFT, defaultOptions()), { superseded: true });
  });
});

describe('the catalogue snapshot the views get', () => {
  it('is plain data that survives JSON, with every concept passage resolvable', () => {
    const catalogue = realCatalogue();
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(catalogue))) as ReturnType<typeof snapshotOf>;
    assert.deepEqual(snapshot.sources, JSON.parse(JSON.stringify(catalogue.corpus.sources)));
    const passageIds = new Set(snapshot.sources.flatMap((source) => source.sections.flatMap((section) => section.passages.map((passage) => passage.id))));
    assert.equal(passageIds.size, catalogue.corpus.passages.length);
    for (const concept of snapshot.concepts) {
      for (const id of concept.passageIds) assert.ok(passageIds.has(id), `${concept.id}: passage ${id} is not in the sources`);
    }
    assert.deepEqual(
      snapshot.concepts.map((concept) => concept.id),
      catalogue.concepts.map((concept) => concept.id),
    );
  });
});
