// plumb-line check [paths, folders or globs...] [options]: the engine for CI. The options are in args.ts, the formats in formats.ts.
import { relative, resolve } from 'node:path';
import { version } from '../../package.json';
import { buildCatalogue, parseCorpus, type Catalogue, type CorpusFile, type LintOptions, type Severity, withTeam } from '../core';
import { readCorpusFolder } from '../corpusFolder';
import { ConfigError, Configs } from './config';
import { HELP, parseArguments, SEVERITIES, USAGE, type Arguments } from './args';
import { entriesOf, keyOf, readBaseline, withoutBaselined, writeBaseline } from './baseline';
import { inShard, markdownFiles, readFailure, readStdin, STDIN } from './files';
import { format, type CheckedFile } from './formats';
import { checkFiles, type FileJob } from './pool';

/** Whether to colour the text format: `--color`/`--no-color`, else FORCE_COLOR, else NO_COLOR, else a terminal that is not dumb. */
export function colourWanted(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  // As Node's own FORCE_COLOR: any value but 0 or false turns colour on, and it wins over NO_COLOR.
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTerminal && env.TERM !== 'dumb';
}

/** Exit 1 when a finding fails the run: see --help. Findings below `--severity` never do. */
function failsRun(files: CheckedFile[], args: Arguments): boolean {
  const counted = files.flatMap((file) => file.findings).filter((finding) => rank(finding.severity) <= rank(args.severity));
  const others = counted.filter((finding) => finding.severity !== 'error').length;
  if (others > args.maxWarnings && args.maxWarnings > 0) {
    process.stderr.write(`plumb-line: ${others} findings that are not errors, more than --max-warnings ${args.maxWarnings}\n`);
  }
  return others > args.maxWarnings || others < counted.length;
}

/** Each line of a message as stderr shows it: "plumb-line: …". */
const prefixed = (message: string) => message.replace(/^/gm, 'plumb-line: ') + '\n';

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

export async function main(argv: string[]): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`plumb-line: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  let files: CheckedFile[] = [];
  let failures = 0;
  const fail = (reason: string) => {
    failures += 1;
    process.stderr.write(`plumb-line: ${reason}\n`);
  };
  const packageRoot = resolve(__dirname, '..');
  const cwd = process.cwd();
  let configs: Configs;
  let corpus: CorpusFile[];
  let catalogue: Catalogue;
  let baseline: Set<string> | undefined;
  try {
    configs = new Configs(args.config, cwd, (problem) => process.stderr.write(`plumb-line: ${problem}\n`));
    corpus = readCorpusFolder(resolve(packageRoot, 'corpus'));
    catalogue = buildCatalogue(parseCorpus(corpus));
  } catch (error) {
    process.stderr.write(prefixed(error instanceof ConfigError ? error.message : readFailure(error, args.config ?? 'the corpus')));
    return 2;
  }
  try {
    if (args.baseline) baseline = readBaseline(args.baseline);
  } catch (error) {
    process.stderr.write(`plumb-line: ${(error as Error).message}\n`);
    return 2;
  }
  const skip = (reason: string) => process.stderr.write(`plumb-line: ${reason}\n`);
  const unmatched = (reason: string) => (args.errorOnUnmatched ? fail(reason) : skip(reason));
  const jobs: FileJob[] = [];
  for (const file of markdownFiles(args.paths, { fail, skip, unmatched }, { ignore: args.ignore, cwd })) {
    const name = file === STDIN ? (args.stdinFilename ?? '<stdin>') : relative(cwd, file) || file;
    if (args.shard && !inShard(name, args.shard)) continue;
    let options: LintOptions;
    try {
      options = configs.optionsFor(file === STDIN ? args.stdinFilename : file);
    } catch (error) {
      // A team config that does not parse, or names a rule that does not exist: fix it before anything is reported.
      process.stderr.write(prefixed(error instanceof ConfigError ? error.message : readFailure(error, 'a config file')));
      return 2;
    }
    // The team's catalogue is built here, once per chain of config files, so what it could not use is said once
    // and in file order, however many threads check the files.
    withTeam(catalogue, options.team, (problem) => skip(problem));
    if (file !== STDIN) jobs.push({ name, options, path: file });
    else {
      try {
        jobs.push({ name, options, read: readStdin(args.maxFileSize) });
      } catch (error) {
        fail(readFailure(error, name));
      }
    }
  }
  // One file that cannot be read or checked is reported, naming it, and every other file is still checked.
  const setup = { catalogue, corpus, maxFileSize: args.maxFileSize, jobs: args.jobs, script: __filename };
  await checkFiles(jobs, setup, ({ messages, file }) => {
    for (const message of messages) (message.fail ? fail : skip)(message.text);
    if (file) files.push(file);
  });
  if (failures > 0 && files.length === 0) return 2;
  if (args.writeBaseline) {
    try {
      writeBaseline(args.writeBaseline, files);
    } catch (error) {
      process.stderr.write(`plumb-line: ${(error as Error).message}\n`);
      return 2;
    }
    // Without --baseline, the run is reported against the baseline it has just written.
    baseline ??= new Set(files.flatMap(entriesOf).map(keyOf));
  }
  let baselined: number | undefined;
  if (baseline) ({ files, matched: baselined } = withoutBaselined(files, baseline));
  const colour = colourWanted(args.color, process.env, process.stdout.isTTY === true);
  process.stdout.write(format(args.format, { files, catalogue, packageRoot, cwd, version, explain: args.explain, colour, baselined }));
  if (failures > 0) return 2;
  return failsRun(files, args) ? 1 : 0;
}
