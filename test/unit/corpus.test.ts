import * as assert from 'node:assert/strict';
import { parseCorpus, type Corpus, type Span } from '../../src/core';
import { readCorpusFolder } from '../../src/corpusFolder';
import { corpusDir, lineAndCharacter, textAt } from './shared';

/** Markdown source reduced to its words: block markers, list markers and backslash escapes removed, one space. */
function proseOf(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^\s*(?:>\s?)*/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))
    .join(' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function assertWellFormed(span: Span, text: string, what: string): void {
  assert.ok(span.start.offset >= 0 && span.start.offset <= span.end.offset && span.end.offset <= text.length, `${what}: offsets out of order or range`);
  for (const point of [span.start, span.end]) {
    const where = `${what}: line/character disagree with offset ${point.offset}`;
    assert.deepEqual({ line: point.line, character: point.character }, lineAndCharacter(text, point.offset), where);
  }
}

describe('parseCorpus on the real corpus', () => {
  const files = readCorpusFolder(corpusDir);
  const textOf = new Map(files.map((file) => [file.file, file.text]));
  let corpus: Corpus;
  before(() => {
    corpus = parseCorpus(files);
  });

  it('reads the five articles with their front matter, in file-name order', () => {
    const summary = corpus.sources.map(({ id, title, author, date, file }) => ({ id, title, author, date, file }));
    assert.deepEqual(summary, [
      { id: 'linkedin-survey', title: 'The Difference Between Marketing and Sales', author: 'Matthew Sawyer', date: undefined, file: 'linkedin-survey.md' },
      { id: 'not-the-same-thing', title: 'Marketing and Sales Are Not The Same Thing', author: undefined, date: '2012-10-05', file: 'not-the-same-thing.md' },
      {
        id: 'sales-concept-vs-marketing-concept',
        title: 'What’s the difference between Sales and Marketing?',
        author: undefined,
        date: undefined,
        file: 'sales-concept-vs-marketing-concept.md',
      },
      { id: 'seven-differences', title: 'Seven differences between sales and marketing', author: 'Sue B', date: '2014-02-20', file: 'seven-differences.md' },
      {
        id: 'understanding-the-difference',
        title: 'Understanding the Difference between Sales and Marketing',
        author: undefined,
        date: undefined,
        file: 'understanding-the-difference.md',
      },
    ]);
    assert.deepEqual(
      [...corpus.sourceById.keys()],
      corpus.sources.map((source) => source.id),
    );
  });

  it('gives every section and passage a well-formed span in its own file, passages inside their section', () => {
    for (const source of corpus.sources) {
      const text = textOf.get(source.file)!;
      assert.ok(source.sections.length > 0, `${source.id} has no sections`);
      for (const section of source.sections) {
        assert.equal(section.sourceId, source.id);
        assertWellFormed(section.span, text, section.id);
        for (const passage of section.passages) {
          assert.equal(passage.sourceId, source.id);
          assert.equal(passage.sectionId, section.id);
          assertWellFormed(passage.span, text, passage.id);
          const inside = section.span.start.offset <= passage.span.start.offset && passage.span.end.offset <= section.span.end.offset;
          assert.ok(inside, `${passage.id} lies outside ${section.id}`);
        }
      }
    }
  });

  it('quotes each passage verbatim from the file text at its span', () => {
    for (const passage of corpus.passages) {
      const source = corpus.sourceById.get(passage.sourceId)!;
      const words = proseOf(passage.text);
      assert.ok(words.length > 0, `${passage.id} is empty`);
      assert.ok(proseOf(textAt(textOf.get(source.file)!, passage.span)).includes(words), `${passage.id}: “${words}” is not at its span`);
    }
  });

  it('gives passages unique ids, all reachable by id', () => {
    const ids = corpus.passages.map((passage) => passage.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(corpus.passageById.size, ids.length);
    for (const passage of corpus.passages) assert.equal(corpus.passageById.get(passage.id), passage);
  });

  it('finds the key sentences of every article in some passage', () => {
    const keySentences = [
      'All Selling is Marketing, and all Marketing is Selling.',
      'Sales closes the deal; Marketing creates the environment for Sales to happen.',
      'selling is only a small fraction of marketing.',
      'marketing encompasses more than just sales.',
      'Selling is one activity of the entire marketing process.',
      'Marketing is one to many.',
      'Sales is about one to one',
      'Sales develops relationships.',
      'Peter Kusterer says marketing creates opportunities, and sales brings about outcomes.',
      'Overcoming objections and closing sales',
      'Marketing is not the sales function in your organization.',
    ];
    for (const sentence of keySentences) {
      assert.ok(
        corpus.passages.some((passage) => passage.text.includes(sentence)),
        `no passage holds “${sentence}”`,
      );
    }
  });

  it('classifies passages by the block they come from and files them under their heading', () => {
    const passageWith = (words: string) => corpus.passages.find((passage) => passage.text.includes(words))!;
    const sectionTitle = (words: string) => {
      const passage = passageWith(words);
      return corpus.sourceById.get(passage.sourceId)!.sections.find((section) => section.id === passage.sectionId)!.title;
    };
    assert.equal(passageWith('All Selling is Marketing').kind, 'quote');
    assert.equal(passageWith('Making new calls').kind, 'list-item');
    assert.equal(passageWith('Why has marketing taken such a credibility beating?').kind, 'quote');
    assert.equal(passageWith('Selling is one activity of the entire marketing process.').kind, 'paragraph');
    assert.equal(sectionTitle('Marketing is one to many.'), 'Marketing is…');
    assert.equal(sectionTitle('Sales is about one to one'), 'Sales is…');
    assert.equal(sectionTitle('A few people said there is little difference'), 'Different Focus and Priorities');
  });
});

describe('parseCorpus with and without the GitHub extensions', () => {
  // A comment holding a pipe, after everything else, makes a source parse with the GitHub extensions and adds no passage.
  const withGfm = (text: string) => `${text}\n\n<!-- | -->\n`;
  const parsedBothWays = (file: string, text: string) => ({
    plain: parseCorpus([{ file, text }]).sources,
    gfm: parseCorpus([{ file, text: withGfm(text) }]).sources,
  });

  it('reads every shipped source as it would with the GitHub extensions', () => {
    for (const { file, text } of readCorpusFolder(corpusDir)) {
      const { plain, gfm } = parsedBothWays(file, text);
      assert.ok(plain[0]!.sections.length > 0, file);
      assert.deepEqual(plain, gfm, file);
    }
  });

  it('reads autolinked URLs and addresses the same without them', () => {
    const text = '# Links\n\nSee www.example.com/sales, https://example.com/a_(b). or ask sales@example.com.\n\n- visit www.example.org\n';
    const { plain, gfm } = parsedBothWays('links.md', text);
    assert.deepEqual(
      plain[0]!.sections.flatMap((section) => section.passages.map((passage) => passage.text)),
      ['See www.example.com/sales, https://example.com/a_(b). or ask sales@example.com.', 'visit www.example.org'],
    );
    assert.deepEqual(plain, gfm);
  });

  it('reads tables, strikethrough, footnotes and task items with them, each in a source of its own', () => {
    const passagesOf = (text: string) =>
      parseCorpus([{ file: 'gfm.md', text: `# Team notes\n\n${text}\n` }]).sources[0]!.sections.flatMap((section) =>
        section.passages.map((passage) => [passage.kind, passage.text]),
      );
    assert.deepEqual(passagesOf('| Role | Work |\n| --- | --- |\n| SDR | calls |'), []);
    assert.deepEqual(passagesOf('One column\n:--'), [], 'a table with no pipe');
    assert.deepEqual(passagesOf('We ~~market~~ sell.'), [['paragraph', 'We market sell.']]);
    assert.deepEqual(passagesOf('A claim.[^1]\n\n[^1]: A note.'), [['paragraph', 'A claim.']]);
    assert.deepEqual(passagesOf('- [x] call the lead'), [['list-item', 'call the lead']]);
    assert.deepEqual(passagesOf('- [\n  ] book the demo'), [['list-item', 'book the demo']], 'a box holding a line break');
  });
});

describe('parseCorpus on other files', () => {
  it('falls back to the file name for the id and the first heading for the title without front matter', () => {
    const [source] = parseCorpus([{ file: 'plain-notes.md', text: 'Intro line.\n\n# Plain Notes\n\nSales is one to one.\n' }]).sources;
    assert.ok(source);
    assert.equal(source.id, 'plain-notes');
    assert.equal(source.title, 'Plain Notes');
    assert.equal(source.author, undefined);
    assert.equal(source.date, undefined);
    assert.deepEqual(
      source.sections.flatMap((section) => section.passages.map((passage) => passage.text)),
      ['Intro line.', 'Sales is one to one.'],
    );
  });

  it('falls back to the file name for the title when there is neither front matter nor heading', () => {
    const [source] = parseCorpus([{ file: 'bare.md', text: 'Only a paragraph.\n' }]).sources;
    assert.ok(source);
    assert.equal(source.id, 'bare');
    assert.equal(source.title, 'bare');
  });

  it('keeps an unquoted YAML date as the written day and takes only the fields that are set', () => {
    const [source] = parseCorpus([{ file: 'dated.md', text: '---\ntitle: Dated\ndate: 2014-02-20\n---\n\n# Other heading\n\nText.\n' }]).sources;
    assert.ok(source);
    assert.equal(source.id, 'dated');
    assert.equal(source.title, 'Dated');
    assert.equal(source.date, '2014-02-20');
    assert.equal(source.author, undefined);
  });

  it('treats front matter that is not a mapping as absent', () => {
    const [source] = parseCorpus([{ file: 'listy.md', text: '---\n- just\n- a list\n---\n\n# Listy Title\n\nText.\n' }]).sources;
    assert.ok(source);
    assert.equal(source.id, 'listy');
    assert.equal(source.title, 'Listy Title');
  });

  it('fails on malformed YAML front matter with an error naming the file and the YAML problem', () => {
    const files = [{ file: 'broken-front-matter.md', text: '---\ntitle: [unclosed\n---\n\n# Broken Heading\n\nText.\n' }];
    assert.throws(() => parseCorpus(files), {
      name: 'Error',
      message:
        'broken-front-matter.md: the front matter is not valid YAML ' +
        '(Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 17:)',
    });
  });
});
