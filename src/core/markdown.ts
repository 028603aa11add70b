import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Root, RootContent } from 'mdast';
import type { Point as UnistPoint, Position } from 'unist';
import { Kept } from './kept';
import type { Point, Span } from './types';

/** Front matter in either form a draft may open with. */
const FRONT_MATTER: ('yaml' | 'toml')[] = ['yaml', 'toml'];

/** Front matter alone, for a text that holds none of the characters GitHub's syntax starts with. */
function frontMatterOnly(this: ReturnType<typeof unified>): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(frontmatter(FRONT_MATTER));
  (data.fromMarkdownExtensions ??= []).push(frontmatterFromMarkdown(FRONT_MATTER));
}

/**
 * What remark-frontmatter and remark-gfm add to remark-parse, in their order, but only the reading side: the plugins
 * also register how to write their syntax back to Markdown, which the engine never does and which cost the bundles
 * the whole to-Markdown serializer.
 */
function frontMatterAndGfm(this: ReturnType<typeof unified>): void {
  frontMatterOnly.call(this);
  const data = this.data();
  data.micromarkExtensions!.push(gfm());
  data.fromMarkdownExtensions!.push(gfmFromMarkdown());
}

const parser = unified().use(remarkParse).use(frontMatterAndGfm).freeze();
/** CommonMark and front matter: for a text that holds none of the characters GitHub's syntax starts with. */
const commonMarkParser = unified().use(remarkParse).use(frontMatterOnly).freeze();

/**
 * What remark-parse gives mdast-util-from-markdown (the plugins' syntax and tree extensions), for parsing a chunk
 * with the definitions of the rest of its document: `defined` is the patched micromark's (patches/micromark+4.0.3.patch).
 */
const optionsOf = (frozen: typeof parser) =>
  ({
    extensions: frozen.data('micromarkExtensions') ?? [],
    mdastExtensions: frozen.data('fromMarkdownExtensions') ?? [],
  }) satisfies FromMarkdownOptions;
const gfmOptions = optionsOf(parser);
const commonMarkOptions = optionsOf(commonMarkParser);

/**
 * What a text must hold for a GitHub construct to change its tree: a table's pipe, or a colon by a dash (a one-column
 * table's delimiter row, `a` then `:-`, needs no pipe); a strikethrough's tilde; a footnote's `[^`; a task item's box
 * (`[ ]`, `[x]`, or `[` before a line break, which the box may hold); an autolinked `www.`, `http://`, `https://` or
 * address (`@`, which `mailto:` and `xmpp:` links hold too). The autolinks are also found in text after escapes and
 * character references are decoded (`www\.a.co`, `a&#64;b.co`), so a numeric reference, one of the named ones that
 * decode to `.`, `:`, `/` or `@`, and an escaped one of those count too. A text without any parses to the same tree
 * with CommonMark alone, and twice as fast: the autolink construct alone is tried at every letter.
 * test/unit/chunks.test.ts compares every parse with the full GFM one, these cases included.
 */
const GFM_BLOCKS_AND_MARKS = String.raw`[|~]|:-|-:|\[\^|\[[\s xX]\]|\[[\r\n]`;
const GFM_AUTOLINKS = String.raw`@|www\.|https?:\/\/|&#|&(?:period|colon|sol|commat);|\\[.:/@]`;
export const GFM_SYNTAX = new RegExp(`${GFM_BLOCKS_AND_MARKS}|${GFM_AUTOLINKS}`, 'i');

/** The options to parse a text with: GitHub's extensions only where its text could hold their syntax. */
const optionsFor = (text: string) => (GFM_SYNTAX.test(text) ? gfmOptions : commonMarkOptions);

/**
 * What GitHub's syntax needs to change a source's passages: what GFM_SYNTAX looks for but the autolinks, which are
 * links whose text is the URL as written (escapes decoded, as in text), so a passage reads the same with or without.
 */
export const GFM_IN_PASSAGES = new RegExp(GFM_BLOCKS_AND_MARKS);

/**
 * The tree a corpus source's passages are read from (corpus.ts): the whole text parsed as `parseWhole` would, but
 * without the GitHub extensions where the text holds nothing they would read differently. A cold parse at activation
 * spends about half its time on those extensions' code (bench/activation.mjs); the bundled sources use none of it.
 * test/unit/corpus.test.ts checks that every shipped source gives the same passages either way.
 */
export function parseSourceText(markdown: string): Root {
  return (GFM_IN_PASSAGES.test(markdown) ? parser : commonMarkParser).parse(markdown);
}

/** Below this size a document is parsed whole: cutting it would save nothing. */
const CHUNKED_FROM = 4096;
/** How many chunks' trees are kept, and how much text they may cover in all. */
const CHUNKS_KEPT = 65_536;
const CHUNK_CHARS_KEPT = 4 * 1024 * 1024;

/** Parsed chunks by their text, each a tree as if the chunk were a document of its own (positions from its start). */
const chunkTrees = new Kept<Root>(CHUNKS_KEPT, CHUNK_CHARS_KEPT);

/**
 * Parses Markdown (CommonMark, GitHub extensions (tables, autolinked URLs) and YAML/TOML front matter) to mdast with
 * positions. A longer document is cut into chunks that parse alone exactly as they do in place (see `chunkStarts`),
 * and a chunk parsed before is reused: after a keystroke only the chunk typed in is parsed again.
 */
export function parseMarkdown(markdown: string, lineStarts?: number[]): Root {
  const starts = markdown.length >= CHUNKED_FROM ? chunkStarts(markdown) : [0];
  if (starts.length === 1) return fromMarkdown(markdown, optionsFor(markdown));
  const chunks = starts.map((start, at) => markdown.slice(start, starts[at + 1] ?? markdown.length));
  const defined = definedIn(chunks);
  const root: Root = { type: 'root', children: [] };
  // Every chunk starts a line: its line is that start's index among the line starts.
  const lines = lineStarts ?? lineStartsOf(markdown);
  let line = 0;
  let last: Root | undefined;
  for (let at = 0; at < starts.length; at += 1) {
    const start = starts[at]!;
    while (line < lines.length - 1 && lines[line]! < start) line += 1;
    const tree = shiftedCopy(chunkTree(chunks[at]!, defined), line, start);
    root.children.push(...tree.children);
    last = tree;
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: last!.position!.end };
  return root;
}

/**
 * The identifiers of the link definitions anywhere in a document cut into chunks, as micromark normalizes them,
 * sorted: a reference resolves against every definition of its document, wherever it is. A definition is a block, so
 * a chunk parsed alone finds exactly its own; only chunks that may hold one are looked at.
 */
function definedIn(chunks: string[]): string[] {
  const defined = new Set<string>();
  for (const chunk of chunks) {
    if (!chunk.includes(']:')) continue;
    const pending: Array<Root | RootContent> = [chunkTree(chunk, [])];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'definition') defined.add(normalizeIdentifier(node.label ?? node.identifier));
      else if ('children' in node) pending.push(...node.children);
    }
  }
  return [...defined].sort();
}

/** The whole text parsed at once with GitHub's extensions, as remark-parse and remark-gfm give it: what `parseMarkdown` must equal. */
export function parseWhole(markdown: string): Root {
  return parser.parse(markdown);
}

/** A chunk's tree, parsed with the definitions of its document; one without a `[` has no reference to resolve. */
function chunkTree(chunk: string, defined: string[]): Root {
  if (defined.length === 0 || !chunk.includes('[')) return chunkTrees.get(`p${chunk}`, () => fromMarkdown(chunk, optionsFor(chunk)));
  // The key says where the definitions end, so no two chunks and sets of definitions share one.
  const definitions = defined.join('\n');
  return chunkTrees.get(`r${definitions.length}:${definitions}${chunk}`, () => fromMarkdown(chunk, { ...optionsFor(chunk), defined } as FromMarkdownOptions));
}

/** Where each line starts: after "\n", "\r\n" or a lone "\r", the line endings Markdown and VS Code both know. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === 10 || (char === 13 && text.charCodeAt(at + 1) !== 10)) starts.push(at + 1);
  }
  return starts;
}

/** Where a paragraph or heading of a chunked parse came from: the node of its kept chunk tree, and where that chunk starts. */
export interface KeptOrigin {
  node: RootContent;
  offset: number;
}

const origins = new WeakMap<RootContent, KeptOrigin>();

/**
 * For a paragraph or heading of a tree `parseMarkdown` put together from chunks: the same node in its chunk's kept
 * tree (positions from the chunk's start) and the chunk's offset. The kept node stands for the chunk's text and
 * definitions, so work done on it holds wherever the chunk moves; undefined for a text parsed whole.
 */
export function keptOrigin(node: RootContent): KeptOrigin | undefined {
  return origins.get(node);
}

/** A copy of a tree with every position moved down `lines` lines and on `offset` characters, made without recursion. */
function shiftedCopy(tree: Root, lines: number, offset: number): Root {
  const move = (point: UnistPoint): UnistPoint => ({ line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset });
  const copy: Root = { ...tree };
  const pending: Array<[Root | RootContent, Root | RootContent]> = [[copy, tree]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [node, original] = pair;
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if (node.type === 'paragraph' || node.type === 'heading') origins.set(node, { node: original as RootContent, offset });
    if ('children' in node) {
      const children = node.children.map((child) => ({ ...child }));
      (node as { children: RootContent[] }).children = children;
      children.forEach((child, at) => pending.push([child, (original as Root).children[at]!]));
    }
  }
  return copy;
}

const BLANK = /^[ \t]*$/;
const FOOTNOTE_DEFINITION = /\[\^[^[\]]*\]:/;
/** A line that can begin a chunk: at the margin, a letter or an ATX heading, so it continues no list, quote or code. */
const CHUNK_START = /^(?:\p{L}|#{1,6}(?:[ \t]|$))/u;
/** A fenced code block opened at the margin: certainly at the top level, so it ends only at its closing fence. */
const FENCE = /^(`{3,}|~{3,})/;
/** HTML blocks that run past blank lines, opened at the margin, and what ends each. */
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/**
 * The same openers after indentation or a list or quote marker: whether such a block is at the top level or inside
 * a container, and so where it ends, only a full parse can tell. No cut is made after one.
 */
const UNCERTAIN_OPENER = /^[ \t>*+\-\d.)]+(?:`{3,}|~{3,}|<(?:script|pre|style|textarea|!|\?))/i;

/**
 * Where a text can be cut so that each piece parses on its own exactly as it does in the whole. A cut goes before a
 * line at the margin that starts with a letter or a heading mark and follows a blank line: such a line ends every
 * list, quote, table, paragraph and indented code. Only front matter, fenced code and the HTML blocks that span blank
 * lines run on past it, so no cut is made inside those, nor anywhere after one that is opened away from the margin. A
 * link definition changes references anywhere, so each piece is parsed with the whole text's (see `definedIn`); a text
 * with a footnote definition is not cut at all, since its footnotes are matched across it. Where in doubt, no cut: a
 * missed cut costs time, a wrong one would change the tree (test/unit/chunks.test.ts compares).
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  // A footnote definition numbers its footnotes across the document: such a text is not cut.
  if (FOOTNOTE_DEFINITION.test(text)) return starts;
  /** What ends the open block that no cut may enter, tested on each line after its first. */
  let closes: ((line: string) => boolean) | undefined;
  let previousBlank = false;
  let at = 0;
  const frontMatter = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (frontMatter) {
    const fence = frontMatter[1]!;
    closes = (line) => line.trimEnd() === fence;
    at = frontMatter[0].length;
  }
  while (at < text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end += 1;
    const line = text.slice(at, end);
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (closes) {
      if (closes(line)) closes = undefined;
    } else {
      if (UNCERTAIN_OPENER.test(line)) break;
      if (previousBlank && CHUNK_START.test(line)) starts.push(at);
      const fence = FENCE.exec(line);
      const html = fence ? undefined : HTML_BLOCKS.find(([opener]) => opener.test(line));
      if (fence) {
        const marker = fence[1]!;
        closes = (candidate) => closesFence(candidate, marker);
      } else if (html && !html[1].test(line.slice(1))) {
        closes = (candidate) => html[1].test(candidate);
      }
    }
    previousBlank = BLANK.test(line);
    at = next;
  }
  return starts;
}

/** Whether a line closes a fence opened with `marker`: up to three spaces, at least as many of its character, nothing else. */
function closesFence(line: string, marker: string): boolean {
  let length = line.length;
  while (length > 0 && (line[length - 1] === ' ' || line[length - 1] === '\t')) length -= 1;
  const body = line.slice(0, length);
  const indent = body.length - body.trimStart().length;
  if (indent > 3 || body.slice(0, indent).includes('\t')) return false;
  const run = body.slice(indent);
  return run.length >= marker.length && [...run].every((char) => char === marker[0]);
}

export function toPoint(point: UnistPoint): Point {
  return { line: point.line - 1, character: point.column - 1, offset: point.offset ?? 0 };
}

export function toSpan(position: Position): Span {
  return { start: toPoint(position.start), end: toPoint(position.end) };
}
