// plumb-line check [paths or folders...] [--format text|json] [--config file] [--explain] [--max-file-size 2MB]: the engine for CI.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_KB, lintMarkdown, resolveOptions, type Catalogue, type Finding, type LintOptions } from '../core';
import { loadCatalogue } from '../corpusFolder';
import { markdownFiles, readFailure, readText } from './files';

const USAGE = 'usage: plumb-line check [paths or folders...] [--format text|json] [--config plumb-line.json] [--explain] [--max-file-size 2MB]';
/** Files larger than this are skipped with a message: a draft is never this big, and memory stays bounded. */
const DEFAULT_MAX_FILE_SIZE = DEFAULT_MAX_FILE_KB * 1024;

class UsageError extends Error {}

interface Arguments {
  paths: string[];
  format: 'text' | 'json';
  config?: string;
  /** Print under each finding how the sentence was read. */
  explain: boolean;
  /** Bytes over which a file is skipped. */
  maxFileSize: number;
}

/** "2MB", "500KB", "1048576": a size in bytes. */
function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size must be a size such as 2MB or 500KB, not "${text}"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.round(Number(match[1]) * unit);
}


function parseArguments(argv: string[]): Arguments {
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const parsed: Arguments = { paths: [], format: 'text', explain: false, maxFileSize: DEFAULT_MAX_FILE_SIZE };
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
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
      parsed.format = format;
    } else if (flag === '--config') parsed.config = value();
    else if (flag === '--explain') parsed.explain = true;
    else if (flag === '--max-file-size') parsed.maxFileSize = parseSize(value());
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else parsed.paths.push(argument);
  }
  if (parsed.paths.length === 0) parsed.paths.push('.');
  return parsed;
}

function readOptions(config: string | undefined): LintOptions {
  if (!config) return resolveOptions(undefined).options;
  let raw: unknown;
  try {
    // An editor may save the file with a BOM, which JSON.parse refuses.
    raw = JSON.parse(readFileSync(config, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    throw new Error(`${config} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const { options, problems } = resolveOptions(raw);
  for (const problem of problems) process.stderr.write(`plumb-line: ${config}: ${problem}\n`);
  // A misspelt rule would leave the rule the team meant to configure at its default: that is a usage error.
  const unknown = problems.filter((problem) => problem.startsWith('Unknown rule'));
  if (unknown.length > 0) {
    const what = unknown.length === 1 ? 'an unknown rule id' : `${unknown.length} unknown rule ids`;
    throw new Error(`${config}: ${what}; fix the config (see above)`);
  }
  return options;
}

/** One finding as `--format json` prints it, positions 1-based. */
export interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
  /** How the sentence was read: the doer, the activity, the concept and its side. */
  reading?: string;
}

function toRow(file: string, finding: Finding): Row {
  const { start, end } = finding.span;
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...(finding.reading ? { reading: finding.reading } : {}),
  };
}

export function main(argv: string[]): number {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`plumb-line: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const rows: Row[] = [];
  let fileCount = 0;
  let failures = 0;
  const fail = (reason: string) => {
    failures += 1;
    process.stderr.write(`plumb-line: ${reason}\n`);
  };
  let options: LintOptions;
  let catalogue: Catalogue;
  try {
    options = readOptions(args.config);
    catalogue = loadCatalogue(resolve(__dirname, '..', 'corpus'));
  } catch (error) {
    process.stderr.write(`plumb-line: ${readFailure(error, args.config ?? 'the corpus')}\n`);
    return 2;
  }
  const skip = (reason: string) => process.stderr.write(`plumb-line: ${reason}\n`);
  // One file that cannot be read or checked is reported, naming it, and every other file is still checked.
  for (const file of markdownFiles(args.paths, { fail, skip })) {
    const name = relative(process.cwd(), file) || file;
    let read;
    try {
      read = readText(file, args.maxFileSize);
    } catch (error) {
      fail(readFailure(error, name));
      continue;
    }
    if ('skipped' in read) {
      skip(`${name}: ${read.skipped}`);
      continue;
    }
    if (read.note) skip(`${name}: ${read.note}`);
    try {
      for (const finding of lintMarkdown(read.text, catalogue, options, (problem) => fail(`${name}: ${problem}`))) rows.push(toRow(name, finding));
      fileCount += 1;
    } catch (error) {
      fail(`${name}: could not be checked (${(error as Error).message})`);
    }
  }
  if (failures > 0 && fileCount === 0) return 2;
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    for (const row of rows) {
      process.stdout.write(`${row.file}:${row.line}:${row.column}: ${row.severity} ${row.message} [${row.ruleId}]\n`);
      if (args.explain && row.reading) process.stdout.write(`    read as: ${row.reading}\n`);
    }
    process.stdout.write(`${rows.length} finding${rows.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}.\n`);
  }
  if (failures > 0) return 2;
  return rows.length > 0 ? 1 : 0;
}

