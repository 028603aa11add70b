// The config files of a CLI run: `--config FILE`, or the `.plumb-line.json` / `.plumb-line.yaml` found from each
// checked file's folder upward. Each folder and each file is read once a run, and each chain's options built once.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import {
  CONFIG_NAMES,
  MAX_CONFIG_BYTES,
  configChain,
  describeConfigProblem,
  describeSize,
  optionsFrom,
  parseConfig,
  type ConfigFile,
  type LintOptions,
  type TeamInput,
  DEFAULT_SOURCES,
  mergeTeam,
} from '../core';

/** The most team source files a run reads, and the most bytes each may have: sources are short documents. */
export const MAX_TEAM_SOURCES = 200;
export const MAX_TEAM_SOURCE_BYTES = 256 * 1024;

/** A config problem the run cannot go on with: a file that does not parse, or a rule id that does not exist. */
export class ConfigError extends Error {}

export class Configs {
  private readonly folders = new Map<string, ConfigFile | undefined>();
  private readonly options = new Map<string, LintOptions>();
  private readonly explicit: ConfigFile | undefined;
  /** The folder each config file is in, which its `sources` globs are relative to. */
  private readonly folderOf = new Map<ConfigFile, string>();
  /** Team sources by absolute path, each read once a run. */
  private readonly sources = new Map<string, { file: string; text: string } | undefined>();

  /** `warn` prints a problem that leaves the run going (an invalid value, left out). */
  constructor(
    config: string | undefined,
    private readonly cwd: string,
    private readonly warn: (line: string) => void,
  ) {
    const explicit = config === undefined ? undefined : resolve(cwd, config);
    this.explicit = explicit === undefined ? undefined : this.load(explicit, config!);
    if (this.explicit && explicit) this.folderOf.set(this.explicit, dirname(explicit));
  }

  /** The team's sources for a chain (each file's `sources`, or the working folder's default when there is no file), concepts and moves. */
  private teamOf(chain: ConfigFile[], key: string): TeamInput | undefined {
    const globs =
      chain.length > 0
        ? chain.map((file) => ({ base: this.folderOf.get(file)!, patterns: file.team.sources }))
        : [{ base: this.cwd, patterns: DEFAULT_SOURCES }];
    const files = globs.flatMap(({ base, patterns }) => patterns.flatMap((pattern) => this.sourcesMatching(base, pattern)));
    const unique = [...new Set(files)].slice(0, MAX_TEAM_SOURCES);
    const sources = unique.flatMap((path) => {
      const read = this.readSource(path);
      return read ? [read] : [];
    });
    const { concepts, moves } = mergeTeam(chain);
    if (sources.length === 0 && concepts.length === 0 && moves.length === 0) return undefined;
    return { key: `cli\n${key}`, sources, concepts, moves };
  }

  /** The Markdown files under `base` that a glob matches, in name order; only the glob's fixed folder is walked. */
  private sourcesMatching(base: string, pattern: string): string[] {
    const scanned = picomatch.scan(pattern.replace(/^\.\//, ''));
    const root = resolve(base, scanned.base || '.');
    const matches = picomatch(scanned.isGlob ? scanned.glob : '**', { dot: true });
    if (!scanned.isGlob && isFile(root)) return [root];
    let entries: string[];
    try {
      entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return entries
      .filter((entry) => /\.(md|markdown)$/i.test(entry) && !entry.split(sep).includes('node_modules') && matches(entry.split(sep).join('/')))
      .sort()
      .map((entry) => join(root, entry))
      .filter(isFile);
  }

  private readSource(path: string): { file: string; text: string } | undefined {
    if (this.sources.has(path)) return this.sources.get(path);
    let read: { file: string; text: string } | undefined;
    const name = relative(this.cwd, path) || path;
    try {
      const size = statSync(path).size;
      if (size > MAX_TEAM_SOURCE_BYTES)
        this.warn(`${name}: ${describeSize(size)} is too large for a team source (at most ${describeSize(MAX_TEAM_SOURCE_BYTES)}); left out`);
      else read = { file: name.split(sep).join('/'), text: readFileSync(path, 'utf8').replace(/^\ufeff/, '') };
    } catch (error) {
      this.warn(`${name}: the team source could not be read (${(error as Error).message}); left out`);
    }
    this.sources.set(path, read);
    return read;
  }

  /** The options for a file at `path` (or for standard input, read as if in `cwd`). */
  optionsFor(path: string | undefined): LintOptions {
    const chain = this.explicit
      ? [this.explicit]
      : configChain(path ? dirname(resolve(this.cwd, path)) : this.cwd, (folder) => this.inFolder(folder), parentOf);
    const key = chain.map((file) => file.name).join('\n');
    let options = this.options.get(key);
    if (!options) {
      options = optionsFrom(chain.flatMap((file) => (file.layer ? [file.layer] : [])));
      const team = this.teamOf(chain, key);
      if (team) options.team = team;
      this.options.set(key, options);
    }
    return options;
  }

  private inFolder(folder: string): ConfigFile | undefined {
    if (this.folders.has(folder)) return this.folders.get(folder);
    let found: ConfigFile | undefined;
    for (const name of CONFIG_NAMES) {
      const path = join(folder, name);
      if (!isFile(path)) continue;
      found = this.load(path, relative(this.cwd, path) || name);
      this.folderOf.set(found, folder);
      break;
    }
    this.folders.set(folder, found);
    return found;
  }

  /** Reads and parses one config file; throws a ConfigError when the run cannot use it, warns about the rest. */
  private load(path: string, name: string): ConfigFile {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES)
      throw new ConfigError(`${name}: ${describeSize(size)} is too large for a config file (at most ${describeSize(MAX_CONFIG_BYTES)})`);
    const file = parseConfig(name, readFileSync(path, 'utf8'));
    const fatal = file.problems.filter((problem) => !file.layer || problem.message.startsWith('Unknown rule'));
    for (const problem of file.problems) if (!fatal.includes(problem)) this.warn(describeConfigProblem(file, problem));
    if (fatal.length > 0) throw new ConfigError(fatal.map((problem) => describeConfigProblem(file, problem).replace(/; ignored$/, '')).join('\n'));
    return file;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function parentOf(folder: string): string | undefined {
  const parent = dirname(folder);
  return parent === folder ? undefined : parent;
}
