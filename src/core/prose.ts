import { toNlcst } from 'mdast-util-to-nlcst';
import { toString } from 'mdast-util-to-string';
import { ParseEnglish } from 'parse-english';
import { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import type { Heading, Html, Nodes as MdastNodes, Parents, Paragraph, Root, Table } from 'mdast';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Word } from 'nlcst';
import { Kept } from './kept';
import { keptOrigin, lineStartsOf, parseMarkdown, toSpan } from './markdown';
import { quotations, type Quotation, type QuotedRange } from './quotes';
import { blocksOf, LEAD_IN_PARAGRAPHS, type Block, type BlockKind, type Range } from './structure';
import type { Point, Span } from './types';

/** A word or punctuation mark of the prose, with its place in the document. */
export interface Token {
  /** As written, curly apostrophes made straight. */
  text: string;
  /** Lower case, without a trailing possessive `'s` / `'`. */
  lower: string;
  kind: 'word' | 'punctuation';
  possessive: boolean;
  span: Span;
}

export interface Sentence {
  tokens: Token[];
  span: Span;
  isQuestion: boolean;
  /** For a table row: the token index where each cell's words start (each cell is preceded by a `|` token). */
  cells?: number[];
  /** For a table row: the text of each column's header cell, in the order of `cells`. */
  headers?: string[];
  /** The block the sentence belongs to; absent for text outside any (none in practice). */
  block?: BlockKind;
  /** Where its block starts: sentences of one paragraph share it. */
  blockStart?: number;
  /**
   * What leads into the sentence, nearest first, each as its sentences: for a list item the paragraphs just before the
   * list, then the headings above; for a paragraph the headings above it.
   */
  leadIns?: Sentence[][];
}

export interface Directive {
  command: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids named by the comment; empty means every rule. */
  rules: string[];
  /** 0-based lines where the comment starts and ends. */
  line: number;
  endLine: number;
}

export interface ProseDocument {
  text: string;
  tree: Root;
  sentences: Sentence[];
  directives: Directive[];
  /** Where the front matter ends (0 when there is none): where a file-wide control comment goes. */
  frontMatterEnd: number;
  /** Offset where each line starts, computed once so fixes can place edits without rescanning the text. */
  lineStarts: number[];
  /** Every quotation of the text, speech or cited example, in order. */
  quotations: Quotation[];
  /** Of those, the phrases quoted as examples of wording ("marketing is just sales"): mentions, not uses. */
  examples: QuotedRange[];
}

/** Words that open a question: "Are Marketing And Sales The Same Thing", "What Is Sales Enablement". */
const QUESTION_AUXILIARIES = new Set(['are', 'is', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'was', 'were', 'has', 'have']);
const WH_WORDS = new Set(['what', 'why', 'how', 'who', 'which', 'when', 'where']);

/** A headline that asks, question mark or not; "How Sales Built Our Brand" tells. */
function isQuestionHeadline(tokens: Token[]): boolean {
  const words = tokens.filter((token) => token.kind === 'word');
  const first = words[0]?.lower ?? '';
  return QUESTION_AUXILIARIES.has(first) || (WH_WORDS.has(first) && QUESTION_AUXILIARIES.has(words[1]?.lower ?? ''));
}

const NOT_PROSE = ['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath', 'definition', 'footnoteDefinition'];
// Each pattern here matches in linear time (test/unit/redos.test.ts): no two quantifiers can take the same characters.
const DIRECTIVE = /^<!--\s*plumb-line-(disable-next-line|disable-line|disable|enable)\b([^>]*)-->$/;
/** A start tag; whether it closes itself (`<br/>`) is told apart in code. */
const HTML_OPEN = /^<([a-z][\w-]*)(?![\w-])[^>]*>$/i;
const HTML_CLOSE = /^<\/([a-z][\w-]*)\s*>$/i;
const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'input', 'wbr', 'meta', 'link', 'source', 'area', 'col', 'embed']);

/** Drops what is not prose: autolinked URLs, and the text between an inline HTML start tag and its end tag. */
function pruneNonProse(tree: Root): void {
  const parents: Parents[] = [tree];
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    const kept = keptChildren(parent.children as MdastNodes[]);
    if (kept.length !== parent.children.length) parent.children = kept as Parents['children'];
    for (const child of kept) if ('children' in child) parents.push(child);
  }
}

function isUrlLink(node: MdastNodes): boolean {
  if (node.type !== 'link') return false;
  const label = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0].value : undefined;
  return label !== undefined && (label === node.url || node.url === `mailto:${label}` || /^(https?:\/\/|www\.)/i.test(label));
}

/**
 * One parent's children without URL links and without what lies between a start tag and its end tag. The nearest end
 * tag after each start tag is found in one pass from the right, so a paragraph of unclosed tags stays linear.
 */
function keptChildren(children: MdastNodes[]): MdastNodes[] {
  const closeAfter = new Array<number | undefined>(children.length);
  const nearestClose = new Map<string, number>();
  for (let at = children.length - 1; at >= 0; at -= 1) {
    const node = children[at]!;
    if (node.type !== 'html') continue;
    const tag = node.value.trim();
    const open = HTML_OPEN.exec(tag)?.[1]?.toLowerCase();
    if (open && !VOID_ELEMENTS.has(open) && !tag.endsWith('/>')) closeAfter[at] = nearestClose.get(open);
    const close = HTML_CLOSE.exec(tag)?.[1]?.toLowerCase();
    if (close) nearestClose.set(close, at);
  }
  const kept: MdastNodes[] = [];
  for (let at = 0; at < children.length; at += 1) {
    const node = children[at]!;
    if (isUrlLink(node)) continue;
    kept.push(node);
    const close = closeAfter[at];
    if (close !== undefined) {
      kept.push(children[close]!);
      at = close;
    }
  }
  return kept;
}

/** The nodes of one type, in document order (what unist-util-visit would visit), found without recursion and without entering them. */
function nodesOf<T extends MdastNodes>(tree: Root, type: T['type']): T[] {
  const found: T[] = [];
  const pending: MdastNodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === type) found.push(node as T);
    else if ('children' in node) for (let at = node.children.length - 1; at >= 0; at -= 1) pending.push(node.children[at]!);
  }
  return found;
}

function collectDirectives(tree: Root): Directive[] {
  const directives: Directive[] = [];
  for (const node of nodesOf<Html>(tree, 'html')) {
    const match = DIRECTIVE.exec(node.value.trim());
    if (!match || !node.position) continue;
    const rules = match[2]!.split(/[\s,]+/).filter(Boolean);
    directives.push({ command: match[1] as Directive['command'], rules, line: node.position.start.line - 1, endLine: node.position.end.line - 1 });
  }
  return directives;
}

/** The point at an offset, given where each line starts (binary search). */
/** From the start of token `from` to the end of token `to`; callers pass indexes of tokens they have matched. */
export function tokenSpan(tokens: readonly Token[], from: number, to: number): Span {
  const first = tokens[from];
  const last = tokens[to];
  if (!first || !last) throw new RangeError(`no tokens ${from} to ${to} among ${tokens.length}`);
  return { start: first.span.start, end: last.span.end };
}

export function pointOf(lineStarts: number[], offset: number): Point {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - lineStarts[low]!, offset };
}

/** How far past its computed place a token may be found: the drift a block's markers and indentation can add up to. */
const REALIGN_REACH = 4096;

/**
 * A token as the parse of its piece gives it: everything but its place, with its text exactly as the nlcst tree holds
 * it (before apostrophes are made straight, for finding it in the source) and the offsets the conversion computed,
 * relative to the piece. Kept with the piece and shared by every analysis that reuses it, so never changed.
 */
interface PieceToken {
  text: string;
  lower: string;
  kind: Token['kind'];
  possessive: boolean;
  raw: string;
  start: number;
  end: number;
}

/** A sentence of a piece: its tokens, where the conversion put its start (relative to the piece), and whether it asks. */
interface PieceSentence {
  tokens: PieceToken[];
  start: number;
  isQuestion: boolean;
  /** It starts a line with a bullet glyph ("• Design the brochure"): an item of a list pasted as one paragraph. */
  item?: true;
}

/** Part of a sentence waiting for realign(): a piece's sentence placed at `base`, or a table cell's `|` at its exact place. */
type Segment = { sentence: PieceSentence; base: number } | { cellAt: Point };

/** A sentence before realign(): its parts, where it was computed to start (the order of sentences), and its table cells. */
interface PendingSentence {
  segments: Segment[];
  start: number;
  isQuestion: boolean;
  item?: true | undefined;
  /** A table row's span, cells and headers. */
  row?: { span: Span; cells: number[]; headers: string[] };
}

/**
 * mdast-util-to-nlcst places words by a node's start plus the length of its value, which drops the "> " of block
 * quotes, the indentation of list continuation lines, and the source of entities and escapes; the error grows line by
 * line. This makes every token, on its exact characters: tokens are in document order, and each is looked for in the
 * source from where the previous one ended (or its computed place, when that is later: a new block). A token whose
 * source differs from its text (an entity, an escape) keeps its length from there. Searches only move forward and
 * are remembered per string, so the work stays linear in the text.
 */
function realign(pending: PendingSentence[], text: string, lineStarts: number[]): Sentence[] {
  let cursor = 0;
  const pointAt = (offset: number) => pointOf(lineStarts, offset);
  // The last place each string was found from (or -1: nowhere after): searches only move forward, so a place found
  // at or after the new start is still the first one, and a string missing once is missing for good.
  const nextPlace = new Map<string, number>();
  const find = (raw: string, from: number) => {
    const known = nextPlace.get(raw);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const place = text.indexOf(raw, from);
    nextPlace.set(raw, place);
    return place;
  };
  return pending.map(({ segments, isQuestion, row }) => {
    const tokens: Token[] = [];
    for (const segment of segments) {
      if ('cellAt' in segment) {
        // A cell boundary ends a clause: "| Sep 10 | Sales hosts… |" is no "10 sales".
        tokens.push({ text: '|', lower: '|', kind: 'punctuation', possessive: false, span: { start: segment.cellAt, end: segment.cellAt } });
        continue;
      }
      for (const { text: tokenText, lower, kind, possessive, raw, start, end } of segment.sentence.tokens) {
        // The true place is never before the computed one (drift only drops characters) nor before the previous token.
        const from = Math.max(cursor, segment.base + start);
        const place = find(raw, from);
        const span =
          place >= 0 && place - from <= REALIGN_REACH
            ? { start: pointAt(place), end: pointAt(place + raw.length) }
            : { start: pointAt(from), end: pointAt(Math.min(text.length, from + end - start)) };
        tokens.push({ text: tokenText, lower, kind, possessive, span });
        cursor = span.end.offset;
      }
    }
    if (row) return { tokens, span: row.span, isQuestion, cells: row.cells, headers: row.headers };
    return { tokens, span: { start: tokens[0]!.span.start, end: tokens[tokens.length - 1]!.span.end }, isQuestion };
  });
}

function wordText(word: Word): string {
  return word.children.map((child) => ('value' in child ? child.value : '')).join('');
}

/**
 * The tokens of a sentence of a piece, placed relative to the piece, and for each whether it starts a line (`first`
 * says whether the sentence does): read from the whitespace between words, since the computed places drift.
 */
function toTokens(sentence: NlcstSentence, first = false): { tokens: PieceToken[]; lineStarts: boolean[] } {
  const tokens: PieceToken[] = [];
  const lineStarts: boolean[] = [];
  let newLine = first;
  for (const node of sentence.children) {
    if (node.type === 'WhiteSpaceNode' && /[\n\r]/.test(node.value)) newLine = true;
    if (!node.position) continue;
    const count = tokens.length;
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? 0;
    if (node.type === 'WordNode') {
      const raw = wordText(node);
      const text = raw.replace(/[\u2018\u2019\u02bc]/g, "'");
      const lowered = text.toLowerCase();
      const possessive = /'s$/.test(lowered) && lowered.length > 2;
      tokens.push({ text, lower: possessive ? lowered.slice(0, -2) : lowered, kind: 'word', possessive, raw, start, end });
    } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      const text = node.value.replace(/[\u2018\u2019\u02bc]/g, "'");
      // A lone apostrophe after a plural ("sales' role") marks the word before it as possessive.
      const previous = tokens.at(-1);
      if (text === "'" && previous?.kind === 'word' && previous.lower.endsWith('s') && previous.end === start) {
        previous.possessive = true;
        continue;
      }
      tokens.push({ text, lower: text, kind: 'punctuation', possessive: false, raw: node.value, start, end });
    }
    if (tokens.length > count) {
      lineStarts.push(newLine);
      newLine = false;
    }
  }
  return { tokens, lineStarts };
}

/** Table rows as sentences (the nlcst conversion skips tables): each body row's cells, in order, with where each cell starts. */
function tableRowSentences(tables: Table[], text: string): PendingSentence[] {
  const rows: PendingSentence[] = [];
  for (const table of tables) {
    const headers = (table.children[0]?.children ?? []).map((cell) => toString(cell).trim());
    for (const row of table.children.slice(1)) {
      const segments: Segment[] = [];
      const cells: number[] = [];
      let count = 0;
      for (const cell of row.children) {
        if (!cell.position) continue;
        segments.push({ cellAt: toSpan(cell.position).start });
        count += 1;
        cells.push(count);
        if (cell.children.length === 0) continue;
        for (const sentence of blockSentences(cell.children, text)) {
          segments.push(...sentence.segments);
          for (const segment of sentence.segments) if ('sentence' in segment) count += segment.sentence.tokens.length;
        }
      }
      if (count > 0 && row.position) {
        const span = toSpan(row.position);
        rows.push({ segments, start: span.start.offset, isQuestion: false, row: { span, cells, headers } });
      }
    }
  }
  return rows;
}

/** How much source one parse may take: mdast-util-to-nlcst spreads a block's words into one call's arguments, which
 * overflows the stack at a few hundred thousand words, and builds a line index of the whole file it is given. */
const PIECE_LIMIT = 16_384;

/** A copy of an inline subtree with every offset moved by `by` and every line by `lines`, made without recursion. */
function shifted<T extends MdastNodes>(node: T, by: number, lines: number): T {
  const copy = { ...node };
  const pending: MdastNodes[] = [copy];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.position) {
      const { start, end } = current.position;
      current.position = {
        start: { ...start, line: start.line + lines, offset: (start.offset ?? 0) + by },
        end: { ...end, line: end.line + lines, offset: (end.offset ?? 0) + by },
      };
    }
    if ('children' in current) {
      current.children = current.children.map((child) => ({ ...child }));
      for (const child of current.children) pending.push(child);
    }
  }
  return copy;
}

/** A long text node cut at sentence ends into pieces of at most PIECE_LIMIT characters, placed by their offsets. */
function cutText(node: MdastNodes): MdastNodes[] {
  if (node.type !== 'text' || node.value.length <= PIECE_LIMIT || !node.position) return [node];
  const pieces: MdastNodes[] = [];
  const { value } = node;
  const base = node.position.start.offset ?? 0;
  let from = 0;
  while (from < value.length) {
    let to = Math.min(value.length, from + PIECE_LIMIT);
    if (to < value.length) {
      const stop = Math.max(value.lastIndexOf('. ', to), value.lastIndexOf('\n', to));
      to = stop > from + PIECE_LIMIT / 2 ? stop + 1 : to;
    }
    const start = { ...node.position.start, offset: base + from };
    const end = { ...node.position.end, offset: base + to };
    pieces.push({ type: 'text', value: value.slice(from, to), position: { start, end } });
    from = to;
  }
  return pieces;
}

/**
 * The sentences of pieces parsed before, by the piece's source and its inline tree (offsets and lines relative to
 * the piece): after a keystroke in a text parsed whole, only the paragraph typed in is converted again. A chunked
 * text's paragraphs and headings are kept with their chunk instead (`keptBlockSentences`), so their pieces are not
 * looked up here (its table cells still are): the key, the piece's tree as JSON, cost more than it saved on a first
 * lint.
 */
const PIECES_KEPT = 65_536;
const PIECE_CHARS_KEPT = 16 * 1024 * 1024;
const pieceSentences = new Kept<PieceSentence[]>(PIECES_KEPT, PIECE_CHARS_KEPT);

/** The sentences of one piece, relative to its start: converted once per distinct piece when `keep`, else every time. */
function pieceSentencesOf(source: string, piece: MdastNodes[], keep: boolean): PieceSentence[] {
  const convert = () => {
    const first = piece[0]!.position!;
    const last = piece[piece.length - 1]!.position!;
    const paragraph: Paragraph = { type: 'paragraph', children: piece as Paragraph['children'], position: { start: first.start, end: last.end } };
    return collectSentences(toNlcst(paragraph, new VFile(source), ParseEnglish, { ignore: NOT_PROSE }));
  };
  return keep ? pieceSentences.get(`${source}\u0000${JSON.stringify(piece)}`, convert) : convert();
}

/**
 * The sentences of one block's inline content, parsed in pieces of bounded size, each against its own slice of the
 * source (so no parse sees the whole file). Token places are computed from the piece's start and made exact by realign().
 */
function blockSentences(children: MdastNodes[], text: string, keep = true): PendingSentence[] {
  const inline = children.flatMap(cutText).filter((child) => child.position?.start.offset !== undefined && child.position.end.offset !== undefined);
  const sentences: PendingSentence[] = [];
  let at = 0;
  while (at < inline.length) {
    const from = inline[at]!.position!.start.offset!;
    let next = at + 1;
    while (next < inline.length && inline[next]!.position!.end.offset! - from <= PIECE_LIMIT) next += 1;
    const to = inline[next - 1]!.position!.end.offset!;
    // Offsets and lines relative to the piece, so the same paragraph anywhere in the document is the same piece.
    const lines = 1 - inline[at]!.position!.start.line;
    const piece = inline.slice(at, next).map((child) => shifted(child, -from, lines));
    for (const sentence of pieceSentencesOf(text.slice(from, to), piece, keep)) {
      sentences.push({ segments: [{ sentence, base: from }], start: from + sentence.start, isQuestion: sentence.isQuestion, item: sentence.item });
    }
    at = next;
  }
  return sentences;
}

/**
 * The sentences of a block of a chunked parse, relative to its chunk, by the block's node in the kept chunk tree: a
 * block of a chunk parsed before (all but the one typed in) is neither copied nor converted again. Entries go when
 * their chunk's tree does.
 */
const keptBlockSentences = new WeakMap<object, PendingSentence[]>();

/** The sentences of a paragraph or heading: those of its kept chunk's block moved to where the chunk is now, else made. */
function proseSentences(node: Paragraph | Heading, text: string): PendingSentence[] {
  const origin = keptOrigin(node);
  if (!origin) return blockSentences(node.children, text);
  let relative = keptBlockSentences.get(origin.node);
  if (!relative) {
    relative = blockSentences(node.children, text, false).map((sentence) => moved(sentence, -origin.offset));
    keptBlockSentences.set(origin.node, relative);
  }
  return origin.offset === 0 ? relative : relative.map((sentence) => moved(sentence, origin.offset));
}

/**
 * A paragraph's or heading's sentence `by` characters further on. Its segments are all sentences of pieces: only a
 * table row's hold cells, and rows are not kept with their chunk.
 */
function moved(sentence: PendingSentence, by: number): PendingSentence {
  const segments = sentence.segments.map((segment) => ('sentence' in segment ? { sentence: segment.sentence, base: segment.base + by } : segment));
  return { ...sentence, segments, start: sentence.start + by };
}

/** Glyphs that start the items of a list typed or pasted as lines of one paragraph. */
const BULLET_GLYPHS = new Set(['•', '◦', '▪', '▫', '‣', '●', '○', '■', '□', '➢', '►', '▸', '·']);

/** Whether the token at `at`, which starts a line, is a bullet: a glyph, or "o" before a capitalised word. */
function isBullet(tokens: PieceToken[], at: number): boolean {
  const token = tokens[at]!;
  return BULLET_GLYPHS.has(token.text) || (token.text === 'o' && /^\p{Lu}/u.test(tokens[at + 1]?.text ?? ''));
}

function collectSentences(nlcst: NlcstRoot): PieceSentence[] {
  const sentences: PieceSentence[] = [];
  const add = (tokens: PieceToken[], start: number, item: boolean) => {
    if (tokens.length === 0) return;
    const last = [...tokens].reverse().find((token) => token.kind === 'punctuation' && /[.!?]/.test(token.text));
    const isQuestion = last?.text.includes('?') ?? false;
    sentences.push(item ? { tokens, start, isQuestion, item: true } : { tokens, start, isQuestion });
  };
  visit(nlcst, 'SentenceNode', (node: NlcstSentence, index, parent) => {
    // A sentence starts a line when it starts the piece, or the whitespace before it holds a line break.
    const before = index === undefined || index === 0 ? undefined : parent?.children[index - 1];
    const first = index === 0 || (before?.type === 'WhiteSpaceNode' && /[\n\r]/.test(before.value));
    const { tokens, lineStarts } = toTokens(node, first);
    if (tokens.length === 0 || !node.position) return SKIP;
    // Each bulleted line is a sentence of its own, without its bullet: items often end in no full stop.
    let from = 0;
    let start = node.position.start.offset ?? 0;
    let item = false;
    for (let at = 0; at < tokens.length; at += 1) {
      if (!lineStarts[at] || !isBullet(tokens, at)) continue;
      add(tokens.slice(from, at), start, item);
      from = at + 1;
      start = tokens[at]!.start;
      item = true;
    }
    add(tokens.slice(from), start, item);
    return SKIP;
  });
  return sentences;
}

/** The first index in sorted `sentences` whose start is at or after `offset`. */
function firstAtOrAfter(sentences: Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sentences[middle]!.span.start.offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Gives each sentence its block and lead-ins; one array of sentences per distinct lead-in range, shared by every item it leads. */
function placeInBlocks(sentences: Sentence[], blocks: Block[], items: boolean[]): void {
  const within = new Map<number, Sentence[]>();
  const sentencesIn = (range: Range) => {
    let found = within.get(range.start);
    if (!found) {
      found = [];
      for (let at = firstAtOrAfter(sentences, range.start); at < sentences.length && sentences[at]!.span.start.offset < range.end; at += 1) {
        found.push(sentences[at]!);
      }
      within.set(range.start, found);
    }
    return found;
  };
  // A list pasted as a paragraph of its own is led in, as structure.ts leads in a list, by the paragraphs just before it; one right
  // after such a paragraph (items with blank lines between them) by what leads into that one.
  const paragraphsBefore = (at: number) => {
    if (firstItem && blocks[at - 1] === firstItem.block && firstItem.atStart) return firstItem.leadIns;
    const groups: Sentence[][] = [];
    for (let before = at - 1; before >= 0 && groups.length < LEAD_IN_PARAGRAPHS && blocks[before]!.kind === 'paragraph'; before -= 1) {
      groups.push(sentencesIn(blocks[before]!.range));
    }
    return groups;
  };
  let blockAt = 0;
  // A paragraph whose lines are bulleted items: what leads into its items, and where the current item starts.
  let firstItem: { block: Block; leadIns: Sentence[][]; atStart: boolean } | undefined;
  let itemStart = 0;
  sentences.forEach((sentence, index) => {
    const offset = sentence.span.start.offset;
    while (blockAt < blocks.length - 1 && blocks[blockAt]!.range.end <= offset) blockAt += 1;
    const block = blocks[blockAt];
    if (!block || block.range.start > offset || offset >= block.range.end) return;
    sentence.block = block.kind;
    sentence.blockStart = block.range.start;
    // Headlines often drop the question mark: "Are Marketing And Sales The Same Thing".
    if (block.kind === 'heading' && isQuestionHeadline(sentence.tokens)) sentence.isQuestion = true;
    sentence.leadIns = block.leadIns.map(sentencesIn);
    if (block.kind !== 'paragraph') return;
    // "Sales Manager responsibilities:" then "• Design the brochure" on the next lines of the same paragraph: each
    // bulleted line is an item, led in by the lines before the first one, then by what leads into the paragraph.
    if (items[index]) {
      if (firstItem?.block !== block) {
        const before = sentences.slice(firstAtOrAfter(sentences, block.range.start), index);
        firstItem = { block, leadIns: before.length > 0 ? [before] : paragraphsBefore(blockAt), atStart: before.length === 0 };
      }
      itemStart = offset;
    }
    if (firstItem?.block !== block || firstItem.leadIns.length === 0) return;
    sentence.block = 'list-item';
    sentence.blockStart = itemStart;
    sentence.leadIns = [...firstItem.leadIns, ...sentence.leadIns];
  });
}

const recent = new Map<string, ProseDocument>();
const RECENT_LIMIT = 4;

/**
 * Parses a Markdown document into its prose sentences (code, HTML, front matter and URLs left out) and its control comments.
 * The last few results are kept, so a hover, the tree's counts and the linter share one parse of the same text.
 */
export function analyzeMarkdown(text: string): ProseDocument {
  const cached = recent.get(text);
  if (cached) return cached;
  const analyzed = analyze(text);
  recent.set(text, analyzed);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return analyzed;
}

function analyze(text: string): ProseDocument {
  // Where lines start, worked out once for the parse (which places its chunks by them) and for realign().
  const lineStarts = lineStartsOf(text);
  const tree = parseMarkdown(text, lineStarts);
  const directives = collectDirectives(tree);
  const frontMatter = tree.children.find((node) => node.type === 'yaml' || (node.type as string) === 'toml');
  pruneNonProse(tree);
  const blocks = blocksOf(tree);
  const quoted = quotations(text);
  const prose = blocks.flatMap((block) => (block.node.type === 'paragraph' || block.node.type === 'heading' ? proseSentences(block.node, text) : []));
  const pending = [...prose, ...tableRowSentences(nodesOf<Table>(tree, 'table'), text)].sort((a, b) => a.start - b.start);
  const sentences = realign(pending, text, lineStarts);
  placeInBlocks(
    sentences,
    blocks,
    pending.map((sentence) => sentence.item === true),
  );
  return {
    text,
    tree,
    sentences,
    directives,
    frontMatterEnd: frontMatter?.position?.end.offset ?? 0,
    lineStarts,
    quotations: quoted,
    examples: quoted.filter((quotation) => quotation.example),
  };
}
