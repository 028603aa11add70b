import { parse as parseYaml } from 'yaml';
import { toString } from 'mdast-util-to-string';
import type { Heading, RootContent } from 'mdast';
import { parseSourceText, toSpan } from './markdown';
import type { Corpus, Passage, Section, Source } from './types';

export interface CorpusFile {
  /** File name relative to the corpus folder. */
  file: string;
  text: string;
}

interface FrontMatter {
  id?: unknown;
  title?: unknown;
  author?: unknown;
  date?: unknown;
}

const OPENING_SECTION = 'Introduction';

function optionalText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A mapping or list where text belongs reads as String() writes it; no shipped source has one.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/** Parses one article: front matter, the `#` title, `##` sections, and passages (paragraphs, list items, block-quoted paragraphs). */
export function parseSource(file: CorpusFile, given: { id?: string; origin?: 'team' } = {}): Source {
  const tree = parseSourceText(file.text);
  let meta: FrontMatter = {};
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  if (yamlNode && yamlNode.type === 'yaml') {
    try {
      const parsed: unknown = parseYaml(yamlNode.value);
      meta = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
    } catch (error) {
      throw new Error(`${file.file}: the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`, { cause: error });
    }
  }
  const id = given.id ?? optionalText(meta.id) ?? file.file.replace(/\.md$/, '');
  const titleHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const title =
    optionalText(meta.title) ?? (titleHeading ? toString(titleHeading) : given.id ? file.file.slice(file.file.lastIndexOf('/') + 1).replace(/\.md$/, '') : id);
  const source: Source = { id, title, author: optionalText(meta.author), date: optionalText(meta.date), file: file.file, sections: [] };
  if (given.origin) source.origin = given.origin;

  let section: Section | undefined;
  const openSection = (sectionTitle: string, node: RootContent): Section => {
    const created: Section = { id: `${id}#s${source.sections.length + 1}`, sourceId: id, title: sectionTitle, span: toSpan(node.position!), passages: [] };
    source.sections.push(created);
    return created;
  };
  const addPassage = (node: RootContent, kind: Passage['kind'], leadIn?: string) => {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (!text) return;
    section ??= openSection(OPENING_SECTION, node);
    const passage: Passage = { id: `${id}#p${countPassages(source) + 1}`, sourceId: id, sectionId: section.id, kind, text, span: toSpan(node.position!) };
    if (leadIn) passage.leadIn = leadIn;
    section.passages.push(passage);
    section.span = { start: section.span.start, end: toSpan(node.position!).end };
  };

  let previous: RootContent | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth > 1) section = openSection(toString(node), node);
    } else if (node.type === 'paragraph') {
      addPassage(node, 'paragraph');
    } else if (node.type === 'list') {
      const leadIn = previous?.type === 'paragraph' ? lastSentence(toString(previous)) : undefined;
      for (const item of node.children) addPassage(item, 'list-item', leadIn);
    } else if (node.type === 'blockquote') {
      for (const inner of node.children) {
        if (inner.type === 'list') for (const item of inner.children) addPassage(item, 'quote');
        else addPassage(inner, 'quote');
      }
    }
    if (node.type !== 'yaml') previous = node;
  }
  return source;
}

/** The last sentence of a paragraph, on one line: what leads into the list after it. */
function lastSentence(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences = flat.split(/(?<=[.!?])\s+(?=[A-Z“"])/);
  return sentences.at(-1) || undefined;
}

function countPassages(source: Source): number {
  return source.sections.reduce((sum, section) => sum + section.passages.length, 0);
}

/** Parses every corpus file; sources keep the order of `files`. */
export function parseCorpus(files: CorpusFile[]): Corpus {
  const sources = files.map((file) => parseSource(file));
  const passages = sources.flatMap((source) => source.sections.flatMap((section) => section.passages));
  return {
    sources,
    passages,
    passageById: new Map(passages.map((passage) => [passage.id, passage])),
    sourceById: new Map(sources.map((source) => [source.id, source])),
  };
}
