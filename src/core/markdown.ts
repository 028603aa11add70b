import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import type { Point as UnistPoint, Position } from 'unist';
import type { Point, Span } from './types';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** Parses Markdown (CommonMark, GitHub extensions (tables, autolinked URLs) and YAML/TOML front matter) to mdast with positions. */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

export function toPoint(point: UnistPoint): Point {
  return { line: point.line - 1, character: point.column - 1, offset: point.offset ?? 0 };
}

export function toSpan(position: Position): Span {
  return { start: toPoint(position.start), end: toPoint(position.end) };
}
