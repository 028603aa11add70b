// The Sources view: each corpus article, its sections and their passages, and the team's own sources in a group of
// their own after them.
import { EventEmitter, ThemeIcon, TreeItem, TreeItemCollapsibleState, type TreeDataProvider } from 'vscode';
import type { Passage, Section, Source } from '../core/types';
import type { CatalogueView } from './catalogueView';
import { passageItem } from './passageItem';

/** The team's sources, grouped under one node. */
export interface TeamGroup {
  team: true;
  sources: Source[];
}

/** The corpus objects themselves are the elements: they are stable, which `TreeView.reveal` relies on. */
export type SourcesElement = Source | Section | Passage | TeamGroup;

export class SourcesTreeProvider implements TreeDataProvider<SourcesElement> {
  private readonly changed = new EventEmitter<SourcesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private catalogue: CatalogueView | undefined;
  private teamGroup: TeamGroup | undefined;

  /** The view fills in once the language server has sent the catalogue; until then VS Code shows it loading. */
  constructor(private ready: Promise<CatalogueView | undefined>) {
    void ready.then((catalogue) => catalogue && this.take(catalogue));
  }

  /** The team's sources the view lists. */
  teamSources(): Source[] {
    return this.teamGroup?.sources ?? [];
  }

  /** Shows a new catalogue (the team's sources changed). */
  replace(catalogue: CatalogueView): void {
    this.ready = Promise.resolve(catalogue);
    this.take(catalogue);
    this.changed.fire(undefined);
  }

  private take(catalogue: CatalogueView): void {
    this.catalogue = catalogue;
    const team = catalogue.sources.filter((source) => source.origin === 'team');
    this.teamGroup = team.length > 0 ? { team: true, sources: team } : undefined;
  }

  async getChildren(element?: SourcesElement): Promise<SourcesElement[]> {
    if (!element) {
      const sources = (await this.ready)?.sources.filter((source) => source.origin !== 'team') ?? [];
      return this.teamGroup ? [...sources, this.teamGroup] : sources;
    }
    if (isTeamGroup(element)) return element.sources;
    if (isSource(element)) return element.sections;
    if (isSection(element)) return element.passages;
    return [];
  }

  getParent(element: SourcesElement): SourcesElement | undefined {
    if (isTeamGroup(element)) return undefined;
    if (isSource(element)) return element.origin === 'team' ? this.teamGroup : undefined;
    const source = this.catalogue?.sourceById.get(element.sourceId);
    if (isSection(element)) return source;
    return source?.sections.find((section) => section.id === element.sectionId);
  }

  getTreeItem(element: SourcesElement): TreeItem {
    if (isTeamGroup(element)) return teamGroupItem(element);
    if (isSource(element)) return sourceItem(element);
    if (isSection(element)) return sectionItem(element);
    // Under its source already, so the item does not name it again.
    return passageItem(element, { id: `passage:${element.id}`, source: this.catalogue?.sourceById.get(element.sourceId), showSource: false });
  }
}

function teamGroupItem(group: TeamGroup): TreeItem {
  const item = new TreeItem('Your team', TreeItemCollapsibleState.Expanded);
  item.id = 'team-sources';
  item.description = `${group.sources.length} source${group.sources.length === 1 ? '' : 's'}`;
  item.tooltip = "Your team's own sources (plumbLine.sources, or a config file's sources): quoted beside the bundled articles.";
  item.iconPath = new ThemeIcon('organization');
  item.contextValue = 'team-sources';
  return item;
}

function sourceItem(source: Source): TreeItem {
  const item = new TreeItem(source.title, collapsible(source.sections));
  item.id = `source:${source.id}`;
  const description = [source.author, source.date].filter(Boolean).join(' · ');
  if (description) item.description = description;
  item.tooltip = [source.title, description, source.file].filter(Boolean).join('\n');
  item.iconPath = new ThemeIcon(source.origin === 'team' ? 'file-text' : 'book');
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

function isTeamGroup(element: SourcesElement): element is TeamGroup {
  return 'team' in element;
}

function isSource(element: SourcesElement): element is Source {
  return 'sections' in element;
}

function isSection(element: SourcesElement): element is Section {
  return 'passages' in element;
}
