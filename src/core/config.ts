// The team's config file, `.plumb-line.json` (comments allowed) or `.plumb-line.yaml`, committed with the repository:
// parsed with positions, so a problem is reported at its line, and merged from the folder of a checked file upward.
// The CLI reads it from disk, the language server from what the editor sends or from disk; both merge it here.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import conceptData from './concepts.json';
import { validateSettings, type SettingsLayer } from './options';
import type { Side, TeamConceptData, TeamMove } from './types';

export { CONFIG_NAMES, MAX_CONFIG_BYTES } from './configNames';

/** The keys a config file may hold; the settings' shape, plus `root`. */
const KNOWN_KEYS = ['$schema', 'root', 'rules', 'extraPhrases', 'sources', 'concepts', 'moves'];

/** Where a config file's team sources are when it names none: beside it. */
export const DEFAULT_SOURCES = ['.plumb-line/sources/**/*.md'];
const MAX_TEAM_ENTRIES = 200;
const SIDES: Side[] = ['marketing', 'sales', 'both'];
const BUNDLED_IDS = new Set((conceptData as Array<{ id: string }>).map((concept) => concept.id));

/** What a config file says of the team: its sources (globs relative to the file's folder), concepts and moves. */
export interface TeamLayer {
  sources: string[];
  concepts: TeamConceptData[];
  moves: TeamMove[];
}

/** A problem in a config file, at a 1-based line and column. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export interface ConfigFile {
  /** The file's path or URI, as the messages name it. */
  name: string;
  /** What the file sets (rules, team phrases), validated; undefined when the file is unusable. */
  layer: SettingsLayer | undefined;
  /** The team's sources, concepts and moves that this file names (its sources default to DEFAULT_SOURCES). */
  team: TeamLayer;
  /** `"root": true` stops the search for config files in the folders above. */
  root: boolean;
  problems: ConfigProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

interface Parsed {
  value: unknown;
  problems: ConfigProblem[];
  /** The offset of the value at a path of keys, or of the nearest parent that exists. */
  offsetOf(path: Array<string | number>): number;
}

function parseJson(text: string): Parsed {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // The first error only: the ones after it mostly follow from it.
  const problems = errors
    .slice(0, 1)
    .map((error) => ({ ...lineColumn(text, error.offset), message: `not valid JSON: ${describeJsonError(printParseErrorCode(error.error))}` }));
  const value = problems.length === 0 && tree ? nodeValue(tree) : undefined;
  return {
    value,
    problems,
    offsetOf(path) {
      for (let length = path.length; length > 0 && tree; length -= 1) {
        const node = findNodeAtLocation(tree, path.slice(0, length));
        if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
      }
      return 0;
    },
  };
}

/** "CloseBraceExpected" → "close brace expected". */
const describeJsonError = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function nodeValue(node: JsonNode): unknown {
  if (node.type === 'object') {
    const object: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) object[String(key.value)] = nodeValue(value);
    }
    return object;
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

function parseYaml(text: string): Parsed {
  const document: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems = [...document.errors, ...document.warnings].slice(0, 1).map((error) => ({
    ...lineColumn(text, error.pos[0]),
    message: `not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  const value: unknown = problems.length === 0 ? document.toJS({ maxAliasCount: 50 }) : undefined;
  return {
    value: value ?? {},
    problems,
    offsetOf(path) {
      // The key of a mapping's entry (where an unknown or invalid setting is named), or a list's item.
      let node: unknown = document.contents;
      let offset = 0;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
          if (!pair) break;
          if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          if (isScalar(node) || isMap(node) || isSeq(node)) offset = node.range?.[0] ?? offset;
        } else break;
      }
      return offset;
    },
  };
}

/**
 * Parses a config file's text. Syntax errors make the file unusable (reported at their line); a key that is not known,
 * or a value that is not valid, is reported at its line and left out, so the rest of the file still applies.
 */
export function parseConfig(name: string, text: string): ConfigFile {
  const source = text.replace(/^\ufeff/, '');
  const parsed = /\.ya?ml$/i.test(name) ? parseYaml(source) : parseJson(source);
  const locate = (path: Array<string | number>) => lineColumn(source, parsed.offsetOf(path));
  const problems = [...parsed.problems];
  const unusable = (found: ConfigProblem[]): ConfigFile => ({
    name,
    layer: undefined,
    team: { sources: DEFAULT_SOURCES, concepts: [], moves: [] },
    root: false,
    problems: found,
  });
  if (problems.length > 0) return unusable(problems);
  if (!isRecord(parsed.value)) return unusable([{ line: 1, column: 1, message: 'a config file must hold an object of settings' }]);
  const settings: Record<string, unknown> = {};
  let root = false;
  for (const [key, value] of Object.entries(parsed.value)) {
    if (!KNOWN_KEYS.includes(key) && !/^(rules|extraPhrases)\./.test(key))
      problems.push({ ...locate([key]), message: `unknown key "${key}" (known: ${KNOWN_KEYS.slice(1).join(', ')}); ignored` });
    else if (key === 'root') {
      if (typeof value === 'boolean') root = value;
      else problems.push({ ...locate([key]), message: `"root" must be true or false, not ${JSON.stringify(value)}; ignored` });
    } else if (key !== '$schema') settings[key] = value;
  }
  const { layer, problems: invalid } = validateSettings(settings);
  for (const problem of invalid) problems.push({ ...locate(problem.path), message: problem.message.replace(/\.$/, '') });
  const team = validateTeam(settings, (path, message) => problems.push({ ...locate(path), message }));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { name, layer, team, root, problems };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** A list of short texts, or the problem with it. */
function texts(value: unknown, path: Array<string | number>, report: (path: Array<string | number>, message: string) => void): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report(path, `"${path.join('.')}" must be a list of texts; ignored`);
    return [];
  }
  return value.flatMap((item, index) => {
    if (isText(item) && item.length <= 200) return [item.trim()];
    report([...path, index], `"${path.join('.')}" holds ${JSON.stringify(item)}, which is not a text of 1 to 200 characters; ignored`);
    return [];
  });
}

/** Validates `sources`, `concepts` and `moves`; what is invalid is reported and left out. */
function validateTeam(raw: Record<string, unknown>, report: (path: Array<string | number>, message: string) => void): TeamLayer {
  const team: TeamLayer = { sources: raw.sources === undefined ? DEFAULT_SOURCES : texts(raw.sources, ['sources'], report), concepts: [], moves: [] };
  const list = (key: 'concepts' | 'moves'): unknown[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value.slice(0, MAX_TEAM_ENTRIES);
    report([key], `"${key}" must be a list; ignored`);
    return [];
  };
  const ids = new Set<string>();
  list('concepts').forEach((entry, index) => {
    const at = ['concepts', index];
    if (!isRecord(entry)) return report(at, `concepts[${index}] must be an object with id, label, side and definition; ignored`);
    const missing = ['id', 'label', 'definition'].filter((key) => !isText(entry[key]));
    if (missing.length > 0) return report(at, `concepts[${index}] needs ${missing.map((key) => `"${key}"`).join(' and ')} as text; ignored`);
    const id = String(entry.id).trim();
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return report([...at, 'id'], `concept id "${id}" must be lower-case letters, digits and hyphens; ignored`);
    if (BUNDLED_IDS.has(id)) return report([...at, 'id'], `concept id "${id}" is a bundled concept's; to give it to the other side, use "moves"; ignored`);
    if (ids.has(id)) return report([...at, 'id'], `concept id "${id}" is given twice; the second is ignored`);
    if (!SIDES.includes(entry.side as Side)) return report([...at, 'side'], `concept "${id}" needs "side": "marketing", "sales" or "both"; ignored`);
    ids.add(id);
    const concept: TeamConceptData = {
      id,
      label: String(entry.label).trim(),
      side: entry.side as Side,
      definition: String(entry.definition).trim(),
      terms: texts(entry.terms, [...at, 'terms'], report).map((term) => term.toLowerCase()),
      activities: texts(entry.activities, [...at, 'activities'], report).map((phrase) => phrase.toLowerCase()),
    };
    if (isText(entry.source)) concept.source = entry.source.trim();
    team.concepts.push(concept);
  });
  list('moves').forEach((entry, index) => {
    const at = ['moves', index];
    if (!isRecord(entry)) return report(at, `moves[${index}] must be an object like { "activity": "run trade shows", "side": "sales" }; ignored`);
    const side = entry.side;
    if (side !== 'marketing' && side !== 'sales') return report([...at, 'side'], `moves[${index}] needs "side": "marketing" or "sales"; ignored`);
    const move: TeamMove = { side };
    if (isText(entry.concept) === isText(entry.activity))
      return report(at, `moves[${index}] names either a "concept" (a bundled concept's id) or an "activity"; ignored`);
    if (isText(entry.concept)) {
      if (!BUNDLED_IDS.has(entry.concept.trim()))
        return report([...at, 'concept'], `moves[${index}]: "${entry.concept}" is not a bundled concept's id; ignored`);
      move.concept = entry.concept.trim();
    } else move.activity = String(entry.activity).trim().toLowerCase();
    if (isText(entry.source)) move.source = entry.source.trim();
    team.moves.push(move);
  });
  return team;
}

/**
 * The team concepts and moves of a chain of config files, the farthest first: a nearer file's concept of the same id,
 * or its move of the same concept or activity, replaces the farther one.
 */
export function mergeTeam(chain: ConfigFile[]): { concepts: TeamConceptData[]; moves: TeamMove[] } {
  const concepts = new Map<string, TeamConceptData>();
  const moves = new Map<string, TeamMove>();
  for (const file of chain) {
    for (const concept of file.team.concepts) concepts.set(concept.id, concept);
    for (const move of file.team.moves) moves.set(move.concept !== undefined ? `concept:${move.concept}` : `activity:${move.activity}`, move);
  }
  return { concepts: [...concepts.values()], moves: [...moves.values()] };
}

/**
 * The config files that apply to a file in `folder`, the farthest first: the first config file of each folder from
 * `folder` up, stopping after one that says `"root": true`. `read` returns a folder's config file, if it has one;
 * `parent` a folder's parent (undefined at the top).
 */
export function configChain(folder: string, read: (folder: string) => ConfigFile | undefined, parent: (folder: string) => string | undefined): ConfigFile[] {
  const chain: ConfigFile[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = folder; at !== undefined && !seen.has(at); at = parent(at)) {
    seen.add(at);
    const file = read(at);
    if (!file) continue;
    chain.unshift(file);
    if (file.root) break;
  }
  return chain;
}

/** "docs/.plumb-line.json:3:5: unknown key …": a problem as the CLI and the output channel print it. */
export function describeConfigProblem(file: { name: string }, problem: ConfigProblem): string {
  return `${file.name}:${problem.line}:${problem.column}: ${problem.message}`;
}
