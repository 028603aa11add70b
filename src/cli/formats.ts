// A run's findings as each --format prints them: text for people, JSON for scripts, and the formats CI tools read
// (GitHub workflow annotations, reviewdog's rdjsonl, SARIF for code scanning).
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { evidenceText, RULE_IDS, RULES, type Catalogue, type Finding, type Point, type RuleId, type Severity, type Span } from '../core';
import type { Format } from './args';

export interface CheckedFile {
  /** The name findings are reported under: relative to the working folder, or `--stdin-filename`. */
  name: string;
  text: string;
  findings: Finding[];
  /** The catalogue it was checked with, when the team's sources and concepts made it differ from the report's. */
  catalogue?: Catalogue;
}

export interface Report {
  files: CheckedFile[];
  catalogue: Catalogue;
  /** The installed package's folder, where the corpus and the rule pages are. */
  packageRoot: string;
  cwd: string;
  version: string;
  explain: boolean;
  colour: boolean;
  /** With --baseline or --write-baseline: how many findings it recorded, left out of `files`. */
  baselined?: number | undefined;
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

export function format(kind: Format, report: Report): string {
  switch (kind) {
    case 'text':
      return text(report);
    case 'json':
      return `${JSON.stringify(
        report.files.flatMap(({ name, findings }) => findings.map((finding) => toRow(name, finding))),
        null,
        2,
      )}\n`;
    case 'github':
      return lines(report, github);
    case 'rdjsonl':
      return lines(report, (file, finding) => JSON.stringify(rdjson(report, file, finding)));
    case 'sarif':
      return `${JSON.stringify(sarif(report), null, 2)}\n`;
  }
}

function lines(report: Report, line: (file: CheckedFile, finding: Finding) => string): string {
  return report.files.flatMap((file) => file.findings.map((finding) => `${line(file, finding)}\n`)).join('');
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

/** The words a finding is about, exactly as written; a span over a line break is shown on one line. */
export function flaggedWords(text: string, span: Span): string {
  const lines = text.slice(span.start.offset, span.end.offset).split(/\r?\n/);
  // Split and trimmed rather than one pattern around the break, which would backtrack on long runs of blanks.
  return lines
    .map((line, index) => (index > 0 ? line.trimStart() : line))
    .map((line, index) => (index < lines.length - 1 ? line.trimEnd() : line))
    .join(' ');
}

/** Select Graphic Rendition codes: each style with the code that ends it, so styles nest. */
const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39] } as const;
type Style = keyof typeof STYLES;
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'cyan', hint: 'dim' };

function text(report: Report): string {
  const paint = (style: Style, words: string) => (report.colour ? `\x1b[${STYLES[style][0]}m${words}\x1b[${STYLES[style][1]}m` : words);
  let out = '';
  let count = 0;
  for (const file of report.files) {
    for (const finding of file.findings) {
      const { line, column, ruleId, severity, message, reading } = toRow(file.name, finding);
      count += 1;
      out += `${file.name}:${line}:${column}: ${paint(SEVERITY_STYLE[severity as Severity], severity)} ${message} ${paint('dim', `[${ruleId}]`)}\n`;
      out += `    flagged: “${paint('bold', flaggedWords(file.text, finding.span))}”\n`;
      if (report.explain && reading) out += `    read as: ${reading}\n`;
    }
  }
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  const summary =
    report.baselined === undefined
      ? `${count} finding${count === 1 ? '' : 's'} in ${files}.`
      : `${count} new finding${count === 1 ? '' : 's'} in ${files}; ${report.baselined} matched by the baseline.`;
  return `${out}${count > 0 ? paint('bold', summary) : summary}\n`;
}

/** A path as URIs and CI tools write it: forward slashes. */
const slashed = (path: string) => path.split(sep).join('/');

/** Where a rule's page is: the page shipped in the installed package, as a file URL (there is no published site). */
export function rulePage(report: Pick<Report, 'packageRoot'>, ruleId: RuleId): string {
  return pathToFileURL(join(report.packageRoot, RULES[ruleId].docs)).href;
}

const aboutPage = (report: Pick<Report, 'packageRoot'>) => pathToFileURL(join(report.packageRoot, 'README.md')).href;

// The escaping of @actions/core's workflow commands: data escapes %, CR and LF; properties also ":" and ",".
const escapeData = (value: string) => value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (value: string) => escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function github(file: CheckedFile, finding: Finding): string {
  const row = toRow(file.name, finding);
  const properties: [string, string | number][] = [
    ['file', slashed(file.name)],
    ['line', row.line],
    ['col', row.column],
    ['endLine', row.endLine],
    ['endColumn', row.endColumn],
    ['title', finding.ruleId],
  ];
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${GITHUB_LEVEL[finding.severity]} ${list}::${escapeData(finding.message)}`;
}

/** reviewdog counts columns in UTF-8 bytes, from 1. */
function rdPosition(text: string, point: Point): { line: number; column: number } {
  return { line: point.line + 1, column: Buffer.byteLength(text.slice(point.offset - point.character, point.offset)) + 1 };
}

const RD_SEVERITY: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', information: 'INFO', hint: 'INFO' };

function rdjson(report: Report, file: CheckedFile, finding: Finding) {
  const range = (span: Span) => ({ start: rdPosition(file.text, span.start), end: rdPosition(file.text, span.end) });
  // The replacement an editor would apply on auto-fix; the ignore-line and disable-file fixes are not suggestions.
  const fix = finding.fixes.find((candidate) => candidate.kind === 'replace');
  return {
    message: finding.message,
    location: { path: slashed(file.name), range: range(finding.span) },
    severity: RD_SEVERITY[finding.severity],
    source: { name: 'plumb-line', url: aboutPage(report) },
    code: { value: finding.ruleId, url: rulePage(report, finding.ruleId) },
    ...(fix ? { suggestions: fix.edits.map((edit) => ({ range: range(edit.span), text: edit.newText })) } : {}),
  };
}

const SARIF_LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/** The base the corpus files are given against: the installed package, which is not in the checked repository. */
const PACKAGE_BASE = 'PLUMBLINE';
const SOURCE_ROOT = '%SRCROOT%';

const folderUri = (folder: string) => `${pathToFileURL(folder).href.replace(/\/$/, '')}/`;
const uriOf = (path: string) => slashed(path).split('/').map(encodeURIComponent).join('/');

function region(span: Span, snippet?: string): Sarif.Region {
  return {
    startLine: span.start.line + 1,
    startColumn: span.start.character + 1,
    endLine: span.end.line + 1,
    endColumn: span.end.character + 1,
    ...(snippet === undefined ? {} : { snippet: { text: snippet } }),
  };
}

function sarif(report: Report): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = RULE_IDS.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase()),
    shortDescription: { text: RULES[id].title },
    fullDescription: { text: RULES[id].summary },
    helpUri: rulePage(report, id),
    help: { text: `${RULES[id].summary} Examples and fixes: ${RULES[id].docs} in the plumb-line package.` },
    defaultConfiguration: { level: SARIF_LEVEL[RULES[id].defaultSeverity] },
  }));
  const results = report.files.flatMap((file) =>
    file.findings.map((finding): Sarif.Result => {
      const artifactLocation = { uri: uriOf(file.name), uriBaseId: SOURCE_ROOT };
      const underSpan = file.text.slice(finding.span.start.offset, finding.span.end.offset);
      const related = finding.related.map((place) => ({
        physicalLocation: { artifactLocation, region: region(place.span) },
        message: { text: place.message },
      }));
      const evidence = finding.evidence.flatMap((passage) => {
        // The catalogue the file was checked with: the team's sources are in it.
        const known = file.catalogue ?? report.catalogue;
        const source = known.corpus.sourceById.get(passage.sourceId);
        if (!source) return [];
        // A team source is a file of the checked repository; a bundled article is in the installed package.
        const corpusFile =
          source.origin === 'team' ? { uri: uriOf(source.file), uriBaseId: SOURCE_ROOT } : { uri: `corpus/${uriOf(source.file)}`, uriBaseId: PACKAGE_BASE };
        return [
          {
            physicalLocation: { artifactLocation: corpusFile, region: region(passage.span) },
            message: { text: evidenceText(known, finding, passage, source) },
          },
        ];
      });
      const relatedLocations = [...related, ...evidence].map((location, index) => ({ id: index + 1, ...location }));
      return {
        ruleId: finding.ruleId,
        ruleIndex: RULE_IDS.indexOf(finding.ruleId),
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(finding.span, underSpan) } }],
        ...(relatedLocations.length > 0 ? { relatedLocations } : {}),
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plumb-line', version: report.version, semanticVersion: report.version, informationUri: aboutPage(report), rules } },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { uri: folderUri(report.cwd) },
          [PACKAGE_BASE]: { uri: folderUri(report.packageRoot), description: { text: 'The installed plumb-line package, whose corpus backs each finding.' } },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
