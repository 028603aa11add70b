// What the Plumb Line language server adds to the protocol, shared by the server and its clients (type imports only,
// so a client bundles none of the engine by naming these).
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { Side, Source, TeamConceptData, TeamMove } from '../core/types';

/** Counts how often each concept's terms occur in an open document: `{ textDocument: { uri } }` → `{ [conceptId]: count }`. */
export const CONCEPT_COUNTS_REQUEST = 'plumbLine/conceptCounts';

/** Where one concept occurs in an open draft, in order: `{ textDocument: { uri }, conceptId }` → `Range[]`. */
export const OCCURRENCES_REQUEST = 'plumbLine/occurrences';

export interface OccurrencesParams {
  textDocument: { uri: string };
  conceptId: string;
}

/** Checks one document now and publishes its diagnostics, open or not: what Check terminology asks for each file. */
export const CHECK_REQUEST = 'plumbLine/check';

/**
 * Drops the diagnostics of a file that is not open, as Check terminology left them, when the file is gone (deleted or
 * renamed): `{ textDocument: { uri } }`, a notification. An open document keeps its own.
 */
export const CLEAR_NOTIFICATION = 'plumbLine/clear';

export interface ClearParams {
  textDocument: { uri: string };
}

/**
 * The client's commands a hover card may link to (with `commandLinks`), each taking the id of what it opens. The
 * protocol names them, so the server need not know the VS Code extension's other ids (src/vscode/ids.ts).
 */
export const LINKED_COMMANDS = { openPassage: 'plumbLine.openPassage', revealConcept: 'plumbLine.revealConcept' } as const;

/**
 * The workspace's team config files (`.plumb-line.json`, `.plumb-line.yaml`), as the client read them, the whole set
 * each time one changes: `{ files: [{ uri, text }] }`, a notification. The server merges them under the settings.
 */
export const CONFIG_FILES_NOTIFICATION = 'plumbLine/configFiles';

export interface ConfigFilesParams {
  files: Array<{ uri: string; text: string }>;
  /** The workspace folders, each with the globs of its team sources (the `plumbLine.sources` setting). */
  folders?: Array<{ uri: string; sources: string[] }>;
}

/**
 * The server asks the client for the team sources: `{ patterns: [{ base, glob }] }` → `{ files: [{ uri, text }][] }`,
 * one list per pattern, read through the editor's file system. The client watches the patterns and sends the config
 * files again when a source changes.
 */
export const READ_SOURCES_REQUEST = 'plumbLine/readSources';

export interface ReadSourcesParams {
  patterns: Array<{ base: string; glob: string }>;
}

export interface ReadSourcesResult {
  files: Array<Array<{ uri: string; text: string }>>;
}

/**
 * The edit that records a team choice in the team config file that applies to a draft (the nearest one, or a new
 * `.plumb-line.json` at the workspace folder's top): `{ textDocument: { uri }, addition }` → `{ edit, configUri }` or
 * `{ problem }`. What "In our team, … is sales' work" and "Add team concept" apply.
 */
export const TEAM_EDIT_REQUEST = 'plumbLine/teamEdit';

export interface TeamEditParams {
  textDocument: { uri: string };
  addition: { move: TeamMove } | { concept: TeamConceptData };
}

export type TeamEditResult = { edit: WorkspaceEdit; configUri: string } | { problem: string };

/** The command a teach quick fix runs in the VS Code extension, with `{ uri, addition }`. */
export const TEACH_COMMAND = 'plumbLine.teachTeam';

/** The catalogue changed (the team's sources, concepts or moves): a client's views ask for it again. A notification. */
export const CATALOGUE_CHANGED_NOTIFICATION = 'plumbLine/catalogueChanged';

/** The `source` of every diagnostic the server publishes: how a client tells Plumb Line's from others'. */
export const DIAGNOSTIC_SOURCE = 'Plumb Line';

/** The catalogue the server built from the corpus, as plain data for a client's views: `null` → `CatalogueSnapshot | null`. */
export const CATALOGUE_REQUEST = 'plumbLine/catalogue';

export interface CatalogueSnapshot {
  /** The sources as parsed, each with its sections and their passages (ids, text, kind and exact spans). */
  sources: Source[];
  concepts: Array<{ id: string; label: string; side: Side; definition: string; terms: string[]; passageIds: string[]; team?: 'added' | 'moved' }>;
}

export interface CheckParams {
  textDocument: { uri: string };
  /** The text of a document the client has not opened (read from disk); an open document is checked as it is. */
  text?: string;
}

export type CheckResult = { status: 'checked'; findings: number } | { status: 'too large' } | { status: 'not a draft' } | { status: 'failed'; reason: string };

/** What a client asks of the server at start, beside the settings. */
export interface InitializationOptions {
  /** The `plumbLine` settings, for clients that do not answer workspace/configuration. */
  plumbLine?: unknown;
  /** Cite the corpus and rule pages as `plumb-line:/corpus/…` URIs, which the VS Code extension serves read-only. */
  shippedScheme?: boolean;
  /** Put `command:` links to the extension's own commands in hover cards. */
  commandLinks?: boolean;
  /** Where the client sees the shipped files (its corpus and rule pages) as URIs: never linted as drafts. */
  shippedRoots?: string[];
  /**
   * `client`: the client sends the team config files (CONFIG_FILES_NOTIFICATION). Otherwise a server on Node reads
   * them from disk for file: URIs, and reads them again on workspace/didChangeWatchedFiles.
   */
  configFiles?: 'client';
  /** The corpus, read by the client: what a server in a browser's web worker parses, having no files of its own. */
  corpus?: Array<{ file: string; text: string }>;
}
