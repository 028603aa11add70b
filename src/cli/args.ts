// The command line as words: what `plumb-line` accepts, what --help says about it, and the parsed arguments.
import { DEFAULT_MAX_FILE_KB, type Severity } from '../core';
import { POOL_MIN_FILES, POOL_MIN_KB } from './pool';

export const FORMATS = ['text', 'json', 'github', 'rdjsonl', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export const USAGE = 'usage: plumb-line check [paths, folders or globs...] [options]   (plumb-line --help for more)';

export const HELP = `plumb-line: keeps "sales" and "marketing" apart in Markdown.

usage: plumb-line check [paths, folders or globs...] [options]
       plumb-line --help | --version

Paths: files, folders (searched for .md and .markdown files) and globs such as "docs/**/*.md"; none means ".".
A file named on its own must be Markdown. "-" reads standard input. Inside folders, dot-folders and node_modules
are skipped and each folder's .gitignore is honoured. A pattern starting with "!" is the same as --ignore.

Config: a .plumb-line.json (comments allowed) or .plumb-line.yaml in a checked file's folder or any folder above it
sets { "rules": { "<rule>": "off" | "<severity>" }, "extraPhrases": { "marketing": [...], "sales": [...] } }. The
nearer file's rule settings win and the phrases add up; "root": true stops the search above that file.

Options:
  --format FORMAT          text (default), json, github (workflow annotations), rdjsonl (reviewdog), sarif (code scanning)
  --severity LEVEL         error, warning, information or hint (default): findings below LEVEL are printed but never fail the run
  --max-warnings N         tolerate up to N findings that fail the run and are not errors (default 0); an error always fails it
  --explain                print under each finding how its sentence was read (text format)
  --config FILE            use this config file (JSON or YAML) instead of the .plumb-line.json or .plumb-line.yaml
                           files found from each checked file's folder upward
  --ignore PATTERN         leave out paths matching a glob, relative to the working folder (repeatable)
  --no-error-on-unmatched  a folder or glob with no Markdown is a warning only, not exit status 2
  --stdin-filename NAME    the file name that findings read from "-" are reported under (default <stdin>)
  --max-file-size SIZE     skip files larger than SIZE, e.g. 500KB (default ${DEFAULT_MAX_FILE_KB / 1024}MB)
  --color, --no-color      colour the text format or not (default: on a terminal only; NO_COLOR and FORCE_COLOR are honoured)
  --baseline FILE          report only the findings that FILE (written by --write-baseline) does not record; exit status counts only those
  --write-baseline FILE    record every finding of this run in FILE (JSON, sorted so that it diffs well), then report the run
                           against FILE, unless --baseline names another
  --jobs N                 check files on N threads (default: the available cores); a run under ${POOL_MIN_FILES} files or ${POOL_MIN_KB} KB uses one
  --shard I/N              check only the I-th of N shards of the files (1 ≤ I ≤ N), for a run split over CI jobs: a file's shard is
                           1 + (the first 4 bytes of the SHA-256 of its path, relative to the working folder with "/", as an
                           unsigned big-endian number) mod N, so adding a file never moves another
  -h, --help               print this help
  --version                print the version

Exit status:
  0  no finding fails the run
  1  a finding fails it: an error at or above --severity, or more than --max-warnings other findings at or above it
  2  bad usage, an input that could not be read or checked, a file that is not Markdown, or a folder or glob with
     no Markdown (unless --no-error-on-unmatched)

Examples:
  plumb-line check docs/ README.md --severity warning --max-warnings 10
  plumb-line check docs/ --write-baseline .plumb-line-baseline.json     (once, to adopt the linter on old copy)
  plumb-line check docs/ --baseline .plumb-line-baseline.json --shard 2/4
`;

export class UsageError extends Error {}

export interface Arguments {
  /** `help` and `version` print and exit; `check` lints. */
  command: 'check' | 'help' | 'version';
  paths: string[];
  format: Format;
  config?: string;
  /** Print under each finding how the sentence was read. */
  explain: boolean;
  /** Bytes over which a file is skipped. */
  maxFileSize: number;
  /** Findings below this severity are printed but do not fail the run. */
  severity: Severity;
  /** How many counted findings that are not errors are tolerated. */
  maxWarnings: number;
  /** Globs of paths to leave out, relative to the working folder. */
  ignore: string[];
  errorOnUnmatched: boolean;
  stdinFilename?: string;
  /** `--color` or `--no-color`; undefined lets the terminal and the environment decide. */
  color?: boolean;
  /** `--baseline`: findings it records are not reported. */
  baseline?: string;
  /** `--write-baseline`: where to record this run's findings. */
  writeBaseline?: string;
  /** Threads to check files on; undefined means one per available core. */
  jobs?: number;
  /** `--shard I/N`: only the files of shard `index` (1-based) of `count`. */
  shard?: Shard;
}

export interface Shard {
  index: number;
  count: number;
}

/** "2MB", "500KB", "1048576": a size in bytes. */
function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size must be a size such as 2MB or 500KB, not "${text}"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.round(Number(match[1]) * unit);
}

function parseJobs(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--jobs must be a whole number, 1 or more, not "${text}"`);
  return Number(text);
}

function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || index < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, such as 2/4, not "${text}"`);
  return { index, count };
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], value: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not "${value}"`);
}

export function parseArguments(argv: string[]): Arguments {
  // --help and --version answer wherever they are, as in other linters' command lines.
  if (argv.includes('--help') || argv.includes('-h')) return { ...defaults(), command: 'help' };
  if (argv.includes('--version')) return { ...defaults(), command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const parsed = defaults();
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index]!;
    // "--format=json": the value may follow the flag after "=".
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals < 0 ? argument : argument.slice(0, equals);
    const inline = equals < 0 ? undefined : argument.slice(equals + 1);
    const value = () => {
      const next = inline ?? rest[++index];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--format') parsed.format = oneOf('--format', FORMATS, value());
    else if (flag === '--config') parsed.config = value();
    else if (flag === '--explain') parsed.explain = true;
    else if (flag === '--max-file-size') parsed.maxFileSize = parseSize(value());
    else if (flag === '--severity') parsed.severity = oneOf('--severity', SEVERITIES, value());
    else if (flag === '--max-warnings') {
      const count = value();
      if (!/^\d+$/.test(count)) throw new UsageError(`--max-warnings must be a whole number, 0 or more, not "${count}"`);
      parsed.maxWarnings = Number(count);
    } else if (flag === '--ignore') parsed.ignore.push(value());
    else if (flag === '--no-error-on-unmatched') parsed.errorOnUnmatched = false;
    else if (flag === '--stdin-filename') parsed.stdinFilename = value();
    else if (flag === '--color' || flag === '--no-color') parsed.color = flag === '--color';
    else if (flag === '--baseline') parsed.baseline = value();
    else if (flag === '--write-baseline') parsed.writeBaseline = value();
    else if (flag === '--jobs') parsed.jobs = parseJobs(value());
    else if (flag === '--shard') parsed.shard = parseShard(value());
    else if (argument === '-') parsed.paths.push(argument);
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (argument.startsWith('!')) parsed.ignore.push(argument.slice(1));
    else parsed.paths.push(argument);
  }
  if (parsed.paths.length === 0) parsed.paths.push('.');
  return parsed;
}

function defaults(): Arguments {
  return {
    command: 'check',
    paths: [],
    format: 'text',
    explain: false,
    maxFileSize: DEFAULT_MAX_FILE_KB * 1024,
    severity: 'hint',
    maxWarnings: 0,
    ignore: [],
    errorOnUnmatched: true,
  };
}
