// A long document is parsed in chunks, each reused while its text is unchanged (src/core/markdown.ts). The chunked
// parse must be the whole parse exactly, positions included, or a finding would land on the wrong characters.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import spec from 'commonmark-spec';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { forgetKept } from '../../src/core/kept';
import { chunkStarts, parseMarkdown, parseWhole } from '../../src/core/markdown';
import { analyzeMarkdown } from '../../src/core/prose';
import { repoRoot } from './shared';

/** Blocks to build documents from, the tricky ones included: what runs past blank lines, what a cut must not split. */
const BLOCKS = [
  'Marketing runs the campaign this spring.',
  '# Heading\n\nSales closes the deal.',
  'Setext heading\n==============',
  '- one\n- two\n\n- three, loose now\n\n  continued inside the item\n\nAfter the list.',
  '1. first\n2. second\n\n3. third\n\nText after.',
  '> a quote\nlazy line of it\n\n> another quote',
  '> quote with a list\n> - item\n>\n> Back in the quote.',
  '```\ncode\n\nLetter inside the fence\n\n# not a heading\n```',
  '~~~~ md\nstill code\n\nAnd more\n~~~\nnot closed by three\n~~~~',
  '  ```\n  indented fence\n\nLetter in it\n  ```',
  '- ```\n  fence in an item\n\n  still in it\n\nLetter after the item',
  '<!-- a comment\n\nLetter inside the comment\n\n-->',
  '<!-- on one line --> then text',
  '<script>\nvar a = 1;\n\nLetter in the script\n</script>',
  '<div>\nhtml block\n\nLetter after it',
  '<?php\n\nLetter in processing\n?>',
  '| Name | Owner |\n|------|-------|\n| Launch | Marketing |\n\nBelow the table.',
  '    indented code\n\n    more code\n\nLetter after code',
  'Emphasis *across\nlines* and `code\nspans` here.',
  'A line\nwith a hard break  \nand a soft one.',
  '***\n\nThematic breaks around\n\n---',
  'Ünicode letter starts this paragraph.',
  '## Heading with trailing #s ##\n\nText.',
  'Text with a <span>tag</span> and an autolink https://example.com.',
  '\t\tTabbed line\n\nLetter after a tab line',
  '- item\n\n      indented code in the item\n\nLetter after it',
  '> ```\n> fence in a quote\n\nLetter after the quote',
  '- <!--\n\n  comment in an item\n\nLetter after the item',
  '- item\n\n  ```\n  fence in the item\n\nLetter\n```',
  '```\nopened at the margin\n  ```\n\nLetter after the fence',
  // References resolve against definitions anywhere in the document, before or after, in other chunks or in a quote.
  'See the [brief][b], the [Plan], the [case  study][] and a [missing][nope] one.',
  '[b]: https://example.com/brief "The brief"\n[plan]: /plan',
  '> [Quoted]: /in-a-quote\n\nUse [quoted] and [CASE STUDY] here.',
  '[Case Study]: /case-study',
  'A paragraph line\n[notdef]: /x is no definition, so [notdef] stays text.',
  'Images too: ![the chart][b] and ![plan].',
  '````\n```\nfour opens, three do not close\n\nLetter\n````',
  '',
  ' ',
];

/** How many generated documents the unit run compares (each about 6 KB). */
const DOCUMENTS = 300;

/** A seeded generator, so a failure names a document that can be made again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function document(seed: number): string {
  const next = random(seed);
  const endings = ['\n', '\r\n', '\r'];
  const ending = endings[Math.floor(next() * 3)]!;
  const parts: string[] = next() < 0.2 ? ['---\ntitle: "A draft"\n---'] : [];
  while (parts.join('\n\n').length < 6000) parts.push(BLOCKS[Math.floor(next() * BLOCKS.length)]!);
  const separators = ['\n\n', '\n', '\n\n\n'];
  return parts
    .map((part, at) => (at === 0 ? '' : separators[Math.floor(next() * 3)]!) + part)
    .join('')
    .replace(/\n/g, ending);
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

describe('chunked parsing', function () {
  this.timeout(120_000);

  it('gives the whole parse for 300 generated documents, and again from the kept chunks', () => {
    let cut = 0;
    for (let seed = 1; seed <= DOCUMENTS; seed += 1) {
      const text = document(seed);
      if (chunkStarts(text).length > 1) cut += 1;
      const whole = parseWhole(text);
      assert.deepEqual(parseMarkdown(text), whole, `document ${seed}`);
      assert.deepEqual(parseMarkdown(text), whole, `document ${seed}, from the kept chunks`);
    }
    // Most documents are cut, so the comparison is not vacuous.
    assert.ok(cut > DOCUMENTS * 0.6, `only ${cut} of ${DOCUMENTS} documents were cut`);
  });

  it('gives the whole parse for every Markdown file in the repository, each repeated to chunk size', () => {
    const files = ['test/fixtures', 'corpus', 'docs', 'examples'].flatMap((folder) => markdownFiles(path.join(repoRoot, folder)));
    assert.ok(files.length > 100, `only ${files.length} files`);
    for (const file of files) {
      const text = [file, file, file].join('\n\n');
      assert.deepEqual(parseMarkdown(text), parseWhole(text));
    }
  });

  it('gives the whole parse for the CommonMark examples strung together in tens, between paragraphs', () => {
    let cuts = 0;
    for (let first = 0; first < spec.tests.length; first += 10) {
      const examples = spec.tests.slice(first, first + 10);
      const text = examples
        .map((example) => `Paragraph ${example.number}.\n\n${example.markdown.replaceAll('→', '\t')}\n\n`)
        .join('')
        .padEnd(4096, '\n');
      cuts += chunkStarts(text).length - 1;
      assert.deepEqual(parseMarkdown(text), parseWhole(text), `examples ${examples[0]!.number} to ${examples.at(-1)!.number}`);
    }
    assert.ok(cuts > 200, `only ${cuts} cuts`);
  });

  it('parses each chunk with the definitions of the whole text, and again after a definition changes', () => {
    const filler = 'Marketing runs the campaign this spring, and sales closes the deals it brings.\n\n'.repeat(40);
    const text = `Read the [brief] first.\n\n${filler}[Brief]: /brief\n`;
    assert.ok(chunkStarts(text).length > 2);
    const whole = parseWhole(text);
    assert.deepEqual(parseMarkdown(text), whole);
    // The reference chunk comes before the definition's: it is a reference only because of the definition.
    const first = parseMarkdown(text).children[0] as { children: Array<{ type: string }> };
    assert.deepEqual(
      first.children.map((node) => node.type),
      ['text', 'linkReference', 'text'],
    );
    // The definition renamed: the same first chunk now holds plain text, as in the whole parse.
    const renamed = text.replace('[Brief]: /brief', '[Summary]: /brief');
    assert.deepEqual(parseMarkdown(renamed), parseWhole(renamed));
    assert.deepEqual(
      (parseMarkdown(renamed).children[0] as { children: Array<{ type: string }> }).children.map((node) => node.type),
      ['text'],
    );
  });

  it('gives the full GFM parse of every GitHub construct, alone and as a chunk among plain ones', () => {
    const samples = [
      'a | b\n--|--\n1 | 2',
      '| one |\n| --- |\n| cell |',
      'Text ~~struck~~ and ~single~ here.',
      'Visit www.example.com today, or WWW.EXAMPLE.ORG.',
      'See http://example.com and HTTPS://EXAMPLE.COM/a_(b).',
      'Write to sales@example.com or mailto:team@example.com or xmpp:chat@example.com.',
      '- [ ] open task\n- [x] done\n- [X] Done too',
      '- [\t] a tab in the box',
      // Found by fuzzing an earlier gate (they hold none of | ~ @ www. http):
      'a\n:-',
      'x\n :-: ',
      '- [\r\n] a',
      '> - [\n> ] a',
      '- [\n  *a*',
      'www\\.a.co and www&#46;b.co and &#119;ww.c.co',
      'a&#64;b.co or a&commat;b.co',
      'http\\://a.co and https&#58;//b.co and https:&sol;/c.co',
    ];
    const filler = Array.from({ length: 40 }, (_, at) => `Paragraph ${at} about the brand and the deal.`).join('\n\n');
    for (const sample of samples) {
      // Without the extensions it parses otherwise: the sample is GitHub syntax.
      assert.notDeepEqual(fromMarkdown(sample), parseWhole(sample), sample);
      assert.deepEqual(parseMarkdown(sample), parseWhole(sample), sample);
      const long = `${filler}\n\n${sample}\n\n${filler}\n`;
      assert.ok(chunkStarts(long).length > 40, 'the long text is cut');
      assert.deepEqual(parseMarkdown(long), parseWhole(long), `${sample}, as a chunk`);
    }
    // A footnote keeps its text whole (the calls are matched across it), and is parsed with the extensions.
    const footnoted = `${filler}\n\nA claim.[^1]\n\n[^1]: The note.\n`;
    assert.deepEqual(parseMarkdown(footnoted), parseWhole(footnoted));
  });

  it('gives the full GFM parse of random texts made of the pieces GitHub syntax is built from', () => {
    // Pieces that start, end or disguise GFM constructs (escapes and references that decode to . : / @), and plain
    // text between them: most texts hold none of the gate's characters, so both sides of the gate are exercised.
    const pieces = [
      ...['a', 'b', 'x', 'X', 'w', 'www', 'WWW', 'h', 'http', 's', 'co', 'mailto', 'Sales', ' and ', 'marketing'],
      ...['.', ':', '/', '//', '-', '--', '*', '_', '`', '(', ')', '[', ']', '^', '!', '<a>', '</a>', '#', '=', '+'],
      ...['|', '~', '~~', '@', ':-', '-:', '[ ]', '[x]', '[^1]', '[^1]: note'],
      ...['&#64;', '&commat;', '&#46;', '&period;', '&#119;', '&colon;', '&sol;', '&amp;', '\\.', '\\:', '\\/', '\\@'],
      ...[' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '- ', '> ', '1. ', '# ', '    ', '\n  ', '\n> '],
    ];
    const texts = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(parseMarkdown(text), parseWhole(text));
      }),
      { numRuns: 3000, seed: 18 },
    );
  });

  it('after an edit, reparses only what changed and still gives the whole parse', () => {
    const text = document(7);
    parseMarkdown(text);
    const middle = Math.floor(text.length / 2);
    const edited = `${text.slice(0, middle)}Sales runs the brand campaign. ${text.slice(middle)}`;
    assert.deepEqual(parseMarkdown(edited), parseWhole(edited));
  });

  it('gives the same sentences from blocks of kept chunks, moved by an edit above them or repeated, as from a cold parse', () => {
    let reused = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const text = document(seed);
      // A paragraph twice: its chunk's kept tree stands for both places.
      const twice = `${text}\n\nMarketing qualifies the leads.\n\nMarketing qualifies the leads.\n`;
      analyzeMarkdown(twice);
      const middle = twice.indexOf('\n\n', Math.floor(twice.length / 2));
      // Typed at the top (every later chunk moves) and in the middle.
      const edited = `Sales owns the brand. ${twice.slice(0, middle)}\n\nOur sales team runs the ads.${twice.slice(middle)}`;
      const warm = analyzeMarkdown(edited);
      if (chunkStarts(edited).length > 2) reused += 1;
      forgetKept();
      // A comment after everything adds no sentence and moves none, and makes a text not analysed before.
      const cold = analyzeMarkdown(`${edited}\n\n<!-- cold -->\n`);
      assert.deepEqual(warm.sentences, cold.sentences, `document ${seed}`);
    }
    assert.ok(reused > 30, `only ${reused} documents were cut`);
  });

  it('cuts before a letter line after a blank line, never inside fences, HTML blocks or front matter, and not at all with a footnote', () => {
    const starts = (text: string) => chunkStarts(text).map((offset) => text.slice(offset, offset + 6));
    assert.deepEqual(starts('Alpha\n\nBravo\n- list\n\nCharlie\n\n  Indented\n\n# Head\n'), ['Alpha\n', 'Bravo\n', 'Charli', '# Head']);
    assert.deepEqual(starts('A\n\n```\n\nB\n```\n\nC\n'), ['A\n\n```', 'C\n']);
    assert.deepEqual(starts('A\n\n<!--\n\nB\n-->\n\nC\n'), ['A\n\n<!-', 'C\n']);
    assert.deepEqual(starts('---\ntitle: x\n\nB: y\n---\n\nC\n'), ['---\nti', 'C\n']);
    // A link definition counts in every chunk (each is parsed with the text's definitions); a footnote's numbering
    // runs across the text, so a text with a footnote definition is not cut.
    assert.deepEqual(starts('A\n\nB [x]\n\n[x]: /url\n'), ['A\n\nB [', 'B [x]\n']);
    assert.deepEqual(starts('A\n\nB [^x]\n\n[^x]: note\n'), ['A\n\nB [']);
    // A fence after a list marker may end with its item or run on: nothing after it is cut.
    assert.deepEqual(starts('A\n\n- ```\n\nB\n\nC\n'), ['A\n\n- `']);
  });
});
