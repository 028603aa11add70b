// The Markdown parser Plumb Line ships is micromark with a patch (patches/micromark+*.patch) that makes long lazy
// paragraphs, many block quotes and long multi-line paragraphs linear (issue 7, item 8). The patch must not change
// a single parse: every CommonMark example still gives the spec's HTML.
import * as assert from 'node:assert/strict';
import spec from 'commonmark-spec';
import { micromark } from 'micromark';

describe('the patched Markdown parser', () => {
  it('gives the CommonMark spec HTML for every one of its examples', () => {
    const tabs = (text: string) => text.replaceAll('→', '\t');
    const rendered = (markdown: string) => micromark(tabs(markdown), { allowDangerousHtml: true, allowDangerousProtocol: true });
    const failing = spec.tests.filter((example) => rendered(example.markdown) !== tabs(example.html));
    assert.equal(spec.tests.length, 652);
    assert.deepEqual(
      failing.map((example) => example.number),
      [],
    );
  });

  it('keeps lazy lines in the quote they continue, and ends the quote where a lazy line starts a new block', () => {
    const kinds = (markdown: string) => micromark(markdown).replace(/\n/g, '');
    assert.equal(kinds('> a\nb\nc\n'), '<blockquote><p>a\nb\nc</p></blockquote>'.replace(/\n/g, ''));
    assert.equal(kinds('> a\nb\n# c\n'), '<blockquote><p>ab</p></blockquote><h1>c</h1>'.replace(/\n/g, ''));
    assert.equal(
      kinds('> a\n\nb\n\n> > c\n\nd\n'),
      '<blockquote><p>a</p></blockquote><p>b</p><blockquote><blockquote><p>c</p></blockquote></blockquote><p>d</p>',
    );
  });
});
