// The config files of a CLI run: `--config FILE`, or the `.plumb-line.json` / `.plumb-line.yaml` found from each
// checked file's folder upward. Each folder and each file is read once a run, and each chain's options built once.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
} from '../core';

/** A config problem the run cannot go on with: a file that does not parse, or a rule id that does not exist. */
export class ConfigError extends Error {}

export class Configs {
  private readonly folders = new Map<string, ConfigFile | undefined>();
  private readonly options = new Map<string, LintOptions>();
  private readonly explicit: ConfigFile | undefined;

  /** `warn` prints a problem that leaves the run going (an invalid value, left out). */
  constructor(
    config: string | undefined,
    private readonly cwd: string,
    private readonly warn: (line: string) => void,
  ) {
    this.explicit = config === undefined ? undefined : this.load(resolve(cwd, config), config);
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
