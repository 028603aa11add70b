// The Sources view: each corpus article, its sections and their passages.
import { ThemeIcon, TreeItem, TreeItemCollapsibleState, type TreeDataProvider } from 'vscode';
import type { Passage, Section, Source } from '../core/types';
import type { CatalogueView } from './catalogueView';
import { passageItem } from './passageItem';

/** The corpus objects themselves are the elements: they are stable, which `TreeView.reveal` relies on. */
export type SourcesElement = Source | Section | Passage;

export class SourcesTreeProvider implements TreeDataProvider<SourcesElement> {
  private catalogue: CatalogueView | undefined;

  /** The view fills in once the language server has sent the catalogue; until then VS Code shows it loading. */
  constructor(private readonly ready: Promise<CatalogueView | undefined>) {
    void ready.then((catalogue) => (this.catalogue = catalogue));
  }

  async getChildren(element?: SourcesElement): Promise<SourcesElement[]> {
    if (!element) return (await this.ready)?.sources ?? [];
    if (isSource(element)) return element.sections;
    if (isSection(element)) return element.passages;
    return [];
  }

  getParent(element: SourcesElement): SourcesElement | undefined {
    if (isSource(element)) return undefined;
    const source = this.catalogue?.sourceById.get(element.sourceId);
    if (isSection(element)) return source;
    return source?.sections.find((section) => section.id === element.sectionId);
  }

  getTreeItem(element: SourcesElement): TreeItem {
    if (isSource(element)) return sourceItem(element);
    if (isSection(element)) return sectionItem(element);
    // Under its source already, so the item does not name it again.
    return passageItem(element, { id: `passage:${element.id}`, source: this.catalogue?.sourceById.get(element.sourceId), showSource: false });
  }
}

function sourceItem(source: Source): TreeItem {
  const item = new TreeItem(source.title, collapsible(source.sections));
  item.id = `source:${source.id}`;
  item.description = [source.author, source.date].filter(Boolean).join(' · ') || undefined;
  item.tooltip = [source.title, item.description, source.file].filter(Boolean).join('\n');
  item.iconPath = new ThemeIcon('book');
  item.contextValue = 'source';
  return item;
}

function sectionItem(section: Section): TreeItem {
  const item = new TreeItem(section.title, collapsible(section.passages));
  item.id = `section:${section.sourceId}/${section.id}`;
  item.iconPath = new ThemeIcon('list-tree');
  item.contextValue = 'section';
  return item;
}

function collapsible(children: unknown[]): TreeItemCollapsibleState {
  return children.length > 0 ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None;
}

function isSource(element: SourcesElement): element is Source {
  return 'sections' in element;
}

function isSection(element: SourcesElement): element is Section {
  return 'passages' in element;
}
