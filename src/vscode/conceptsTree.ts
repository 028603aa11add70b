// The Concepts view: concepts grouped by side, with how often each occurs in the active draft and the passages behind it.
import {
  EventEmitter,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  languages,
  window,
  workspace,
  type Disposable,
  type TextDocument,
  type TreeDataProvider,
  type Uri,
} from 'vscode';
import { SIDE_LABELS } from '../core/card';
import type { Passage, Side } from '../core/types';
import type { CatalogueView, ViewConcept } from './catalogueView';
import { isDraft } from './drafts';
import { COMMANDS } from './ids';
import { passageItem } from './passageItem';
import type { SettingsReader } from './settings';

export interface SideNode {
  kind: 'side';
  side: Side;
  concepts: ConceptNode[];
}

export interface ConceptNode {
  kind: 'concept';
  concept: ViewConcept;
  parent: SideNode;
  passages: PassageNode[];
}

/** A passage under one concept; the same passage may support several concepts, so each gets its own node. */
export interface PassageNode {
  kind: 'passage';
  passage: Passage;
  parent: ConceptNode;
}

export type ConceptsElement = SideNode | ConceptNode | PassageNode;

const SIDES: Side[] = ['marketing', 'sales', 'both'];

export class ConceptsTreeProvider implements TreeDataProvider<ConceptsElement>, Disposable {
  private readonly changed = new EventEmitter<ConceptsElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Built when the catalogue comes, and again when the team's changes: stable nodes let `TreeView.reveal` find them. */
  private sides: SideNode[] = [];
  private catalogue: CatalogueView | undefined;
  private readonly built: Promise<void>;
  private readonly conceptNodes = new Map<string, ConceptNode>();
  /** Occurrences in the active draft, as last counted. */
  private counts = new Map<string, number>();
  /** Which refresh is the latest: an older count that answers late is dropped. */
  private refreshes = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly listeners: Disposable[];

  constructor(
    ready: Promise<CatalogueView | undefined>,
    private readonly settings: SettingsReader,
    private readonly extensionUri: Uri,
    /** Counts a draft's concept terms; the language server does it, off the extension host. */
    private readonly count: (document: TextDocument) => Promise<Map<string, number>>,
  ) {
    this.built = ready.then((catalogue) => {
      this.catalogue = catalogue;
      if (catalogue) this.sides = SIDES.map((side) => this.sideNode(catalogue, side)).filter((node) => node.concepts.length > 0);
    });
    this.listeners = [
      window.onDidChangeActiveTextEditor((editor) => this.scheduleRefresh(editor?.document)),
      workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && event.document === window.activeTextEditor?.document) this.scheduleRefresh(event.document);
      }),
      // Flagged claims count towards their concept, so new findings can change the counts.
      languages.onDidChangeDiagnostics(({ uris }) => {
        const active = window.activeTextEditor?.document;
        if (active && uris.some((uri) => uri.toString() === active.uri.toString())) this.scheduleRefresh(active);
      }),
    ];
    this.scheduleRefresh(window.activeTextEditor?.document);
  }

  /** Shows a new catalogue (the team's concepts or sources changed): the nodes are built anew. */
  replace(catalogue: CatalogueView): void {
    this.catalogue = catalogue;
    this.conceptNodes.clear();
    this.sides = SIDES.map((side) => this.sideNode(catalogue, side)).filter((node) => node.concepts.length > 0);
    this.changed.fire(undefined);
  }

  /** The ids of the team's concepts the view shows: its own, and the bundled ones it moved. */
  teamConcepts(): string[] {
    return this.sides.flatMap((side) => side.concepts.filter((node) => node.concept.team !== undefined).map((node) => node.concept.id));
  }

  /** A concept's node, once the catalogue has come. */
  async conceptNode(conceptId: string): Promise<ConceptNode | undefined> {
    await this.built;
    return this.conceptNodes.get(conceptId);
  }

  async getChildren(element?: ConceptsElement): Promise<ConceptsElement[]> {
    if (!element) {
      await this.built;
      return this.sides;
    }
    if (element.kind === 'side') return element.concepts;
    if (element.kind === 'concept') return element.passages;
    return [];
  }

  getParent(element: ConceptsElement): ConceptsElement | undefined {
    return element.kind === 'side' ? undefined : element.parent;
  }

  getTreeItem(element: ConceptsElement): TreeItem {
    if (element.kind === 'side') return sideItem(element);
    if (element.kind === 'concept') return conceptItem(element, this.counts.get(element.concept.id) ?? 0);
    const source = this.catalogue?.sourceById.get(element.passage.sourceId);
    return passageItem(element.passage, { id: `concept:${element.parent.concept.id}/passage:${element.passage.id}`, source, showSource: true });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    // A count still on its way is dropped too: nothing fires on a disposed emitter.
    this.refreshes++;
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }

  private sideNode(catalogue: CatalogueView, side: Side): SideNode {
    const node: SideNode = { kind: 'side', side, concepts: [] };
    for (const concept of catalogue.bySide(side)) {
      const conceptNode: ConceptNode = { kind: 'concept', concept, parent: node, passages: [] };
      conceptNode.passages = concept.passages.map((passage) => ({ kind: 'passage', passage, parent: conceptNode }));
      node.concepts.push(conceptNode);
      this.conceptNodes.set(concept.id, conceptNode);
    }
    return node;
  }

  private scheduleRefresh(document: TextDocument | undefined): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), this.settings.read(document?.uri).debounceMs);
  }

  /** Counts the active draft's terms again and shows them; a count that fails shows none rather than stale ones. */
  private async refresh(): Promise<void> {
    const refresh = ++this.refreshes;
    const document = window.activeTextEditor?.document;
    let counts = new Map<string, number>();
    if (document && isDraft(document, this.extensionUri)) {
      try {
        counts = await this.count(document);
      } catch {
        // The server is starting or stopping; the next edit or editor change counts again.
      }
    }
    if (refresh !== this.refreshes) return;
    this.counts = counts;
    this.changed.fire(undefined);
  }
}

function sideItem(node: SideNode): TreeItem {
  const item = new TreeItem(SIDE_LABELS[node.side], TreeItemCollapsibleState.Expanded);
  item.id = `side:${node.side}`;
  item.description = `${node.concepts.length} concept${node.concepts.length === 1 ? '' : 's'}`;
  item.contextValue = 'side';
  return item;
}

function conceptItem(node: ConceptNode, occurrences: number): TreeItem {
  const { concept } = node;
  const item = new TreeItem(concept.label, node.passages.length > 0 ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
  item.id = `concept:${concept.id}`;
  const team = concept.team === 'added' ? "your team's" : concept.team === 'moved' ? "your team's choice" : undefined;
  const description = [occurrences > 0 ? `${occurrences} in draft` : undefined, team].filter(Boolean).join(' · ');
  if (description) item.description = description;
  item.tooltip = occurrences > 0 ? `${concept.definition}\n\nSelect to go to its next occurrence in the draft.` : concept.definition;
  item.iconPath = new ThemeIcon(team ? 'organization' : 'tag');
  item.contextValue = 'concept';
  // Selecting a counted concept goes to its next occurrence in the draft, the one after the cursor, round and round.
  if (occurrences > 0) item.command = { command: COMMANDS.nextOccurrence, title: 'Go to the next occurrence', arguments: [concept.id] };
  return item;
}
