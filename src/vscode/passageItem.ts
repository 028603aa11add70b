// A corpus passage as a tree item, the same in the Sources and the Concepts views: an excerpt, the whole text with
// its citation on hover, and a click that opens it in the corpus.
import { ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import { citation } from '../core/card';
import { excerpt } from '../core/excerpt';
import type { Passage, Source } from '../core/types';
import { COMMANDS } from './ids';

/** How many characters of a passage its tree item shows: about what a sidebar of the default width fits. */
export const PASSAGE_EXCERPT_CHARS = 70;

export interface PassageItemOptions {
  /** The item's id, unique in its view (a passage supporting several concepts appears under each). */
  id: string;
  /** The passage's source, for the citation; undefined while the catalogue is not there. */
  source: Source | undefined;
  /** Name the source beside the excerpt: where the passage is not already under its source. */
  showSource: boolean;
}

export function passageItem(passage: Passage, { id, source, showSource }: PassageItemOptions): TreeItem {
  const item = new TreeItem(excerpt(passage.text, PASSAGE_EXCERPT_CHARS), TreeItemCollapsibleState.None);
  item.id = id;
  if (showSource && source) item.description = source.title;
  item.tooltip = source ? `${passage.text}\n\n— ${citation(source)}` : passage.text;
  item.iconPath = new ThemeIcon('quote');
  item.contextValue = 'passage';
  item.command = { command: COMMANDS.openPassage, title: 'Open source passage', arguments: [passage.id] };
  return item;
}
