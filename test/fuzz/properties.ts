// Properties every document must keep, checked on random and mutated Markdown with fast-check (issue 7, item 15):
// linting never throws; every span lies inside the text, on character boundaries, with line and character matching its
// offset; a replace fix rewrites only a function word inside its finding's span; the same text gives the same findings.
import fc from 'fast-check';
import { lintMarkdown, type Catalogue } from '../../src/core';

const FUNCTION_WORD = /^(sales|marketing|salespeople|marketers|salesperson|marketer|salesman|salesmen|saleswoman|saleswomen|salesfolk)('s|')?$/i;

const SENTENCES = [
  'Marketing closed the deal.',
  'Our sales team will launch a TV advertising campaign.',
  'Marketing is just sales.',
  'Sales/marketing will negotiate the contract.',
  'Sales rose 12% in May.',
  'They also design the flyers.',
  'Tracking competitors falls to our account reps.',
  'It was marketing who closed the framework agreement.',
  'R&amp;D is done, \\*twice\\*.',
  '🚀 We met Acme 𝒜.',
  'Saying "marketing is just sales" is a mistake.',
  '<!-- plumb-line-disable-next-line -->',
  '`Marketing closed the deal`',
  '<b>Sales runs the ads</b>',
];
const PREFIXES = ['', '> ', '- ', '  ', '1. ', '| ', '# ', '**', '> > ', '\t', '    - ', '\ufeff'];
const ENDINGS = ['\n', '\r\n', '\r', '\n\n', ' '];

/** A random document of known sentences and Markdown shapes, or random characters among them. */
export const documents = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PREFIXES),
      fc.oneof(fc.constantFrom(...SENTENCES), fc.string({ maxLength: 40 }), fc.fullUnicodeString({ maxLength: 12 })),
      fc.constantFrom(...ENDINGS),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.map(([prefix, body, ending]) => prefix + body + ending).join(''));

const lineAndCharacter = (text: string, offset: number) => {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
};

/** Throws with the reason when a document breaks a property. */
export function checkDocument(text: string, catalogue: Catalogue): void {
  const findings = lintMarkdown(text, catalogue);
  const again = lintMarkdown(`${text}`, catalogue);
  if (JSON.stringify(findings.map((f) => [f.ruleId, f.span])) !== JSON.stringify(again.map((f) => [f.ruleId, f.span]))) throw new Error('not deterministic');
  for (const finding of findings) {
    const { start, end } = finding.span;
    if (!(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length)) {
      throw new Error(`span outside the text: ${JSON.stringify(finding.span)}`);
    }
    for (const point of [start, end]) {
      const code = text.charCodeAt(point.offset);
      if (code >= 0xdc00 && code <= 0xdfff) throw new Error('span splits a surrogate pair');
      const expected = lineAndCharacter(text, point.offset);
      if (expected.line !== point.line || expected.character !== point.character) {
        throw new Error(`point ${JSON.stringify(point)} is not at line ${expected.line}, character ${expected.character}`);
      }
    }
    for (const fix of finding.fixes.filter((candidate) => candidate.kind === 'replace')) {
      for (const edit of fix.edits) {
        if (edit.span.start.offset < start.offset || edit.span.end.offset > end.offset) throw new Error('a replace fix edits outside its finding');
        const words = text.slice(edit.span.start.offset, edit.span.end.offset).replace(/’/g, "'");
        if (!FUNCTION_WORD.test(words)) throw new Error(`a replace fix edits ${JSON.stringify(words)}`);
      }
    }
  }
}

export function runProperties(catalogue: Catalogue, numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(documents, (text) => checkDocument(text, catalogue)),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}
