// Where each sentence sits in the document's structure: a heading, a paragraph, a list item or a table row, and for
// list items and paragraphs the text that leads into them (the paragraph before a list, the headings above). The
// attribution grammar reads a role named there ("**Sales Executive** — responsibilities:") as the doer of a list of
// duties that names none.
import type { Nodes, Parents, Root } from 'mdast';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

/** A range of the document's offsets, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

export interface Block {
  kind: BlockKind;
  /** The paragraph, heading or table row itself: what the prose of the block is parsed from. */
  node: Nodes;
  range: Range;
  /** Nearest first: the paragraphs just before a list (up to two), then the section's heading and the headings above it. */
  leadIns: Range[];
}

const rangeOf = (node: Nodes): Range | undefined => {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
};

/** How many paragraphs before a list may introduce it ("**Sales Representative**", a line of terms, then "You will:"). */
export const LEAD_IN_PARAGRAPHS = 3;

/** Every block that holds prose, in document order, with what leads into it. Iterative, so no depth overflows the stack. */
export function blocksOf(tree: Root): Block[] {
  const blocks: Block[] = [];
  // The headings in force: index d-1 holds the last heading of depth d, cleared when a shallower heading starts.
  const headings: (Range | undefined)[] = [];
  const headingChain = () => headings.filter((range): range is Range => range !== undefined).reverse();
  const pending: { parent: Parents; leadIns: Range[]; at: number }[] = [{ parent: tree, leadIns: [], at: 0 }];
  while (pending.length > 0) {
    const frame = pending[pending.length - 1]!;
    if (frame.at >= frame.parent.children.length) {
      pending.pop();
      continue;
    }
    const index = frame.at;
    frame.at += 1;
    const node = frame.parent.children[index] as Nodes;
    const range = rangeOf(node);
    if (!range) continue;
    if (node.type === 'heading') {
      const depth = node.depth;
      headings.length = Math.min(headings.length, depth - 1);
      headings[depth - 1] = range;
      blocks.push({ kind: 'heading', node, range, leadIns: headingChain().slice(1) });
    } else if (node.type === 'paragraph') {
      const inItem = frame.parent.type === 'listItem';
      blocks.push({ kind: inItem ? 'list-item' : 'paragraph', node, range, leadIns: inItem ? frame.leadIns : headingChain() });
    } else if (node.type === 'list') {
      const before: Range[] = [];
      for (let at = index - 1; at >= 0 && before.length < LEAD_IN_PARAGRAPHS; at -= 1) {
        const sibling = frame.parent.children[at] as Nodes;
        const siblingRange = rangeOf(sibling);
        if (sibling.type !== 'paragraph' || !siblingRange) break;
        before.push(siblingRange);
      }
      // A nested list is led in by its parent item's own first paragraph, and then by whatever leads into that item.
      const leadIns = frame.parent.type === 'listItem' ? [...before, ...frame.leadIns] : [...before, ...headingChain()];
      // Pushed last to first, so the first item is visited first.
      const items = node.children;
      for (let at = items.length - 1; at >= 0; at -= 1) pending.push({ parent: items[at]!, leadIns, at: 0 });
    } else if (node.type === 'table') {
      for (const row of node.children.slice(1)) {
        const rowRange = rangeOf(row);
        if (rowRange) blocks.push({ kind: 'table-row', node: row, range: rowRange, leadIns: headingChain() });
      }
    } else if (node.type === 'blockquote' || node.type === 'listItem') {
      pending.push({ parent: node, leadIns: frame.leadIns, at: 0 });
    }
  }
  return blocks.sort((a, b) => a.range.start - b.range.start);
}
