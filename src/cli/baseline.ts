// A baseline, so a docs repository can adopt the linter without first fixing every old finding: --write-baseline
// records each finding by file, rule and a fingerprint of the claim's words (not its line, so it survives edits
// around it), and --baseline leaves out the findings it records.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { readFailure } from './files';
import { flaggedWords, type CheckedFile } from './formats';

/** The version of the file's shape; a baseline of another version is refused rather than misread. */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Relative to the working folder, with forward slashes. */
  file: string;
  ruleId: string;
  /** The first 16 hex digits of SHA-256 over the rule id, the claim's words and which occurrence of them in the file this is. */
  fingerprint: string;
  /** The claim's words as they were fingerprinted, for the reviewer of a diff; not used to match. */
  claim: string;
}

/** The key a finding is matched by. */
export const keyOf = (entry: Pick<BaselineEntry, 'file' | 'ruleId' | 'fingerprint'>) => `${entry.file}\n${entry.ruleId}\n${entry.fingerprint}`;

/** A claim's words with case, Unicode form and white space (line breaks included) made uniform. */
const normalised = (words: string) => words.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * One entry per finding of the file, in the findings' order. The same words flagged twice by the same rule in one file
 * are told apart by their order: the second occurrence has its own fingerprint.
 */
export function entriesOf(file: CheckedFile): BaselineEntry[] {
  const seen = new Map<string, number>();
  const path = file.name.split(sep).join('/');
  return file.findings.map((finding) => {
    const claim = normalised(flaggedWords(file.text, finding.span));
    const occurrence = seen.get(`${finding.ruleId}\n${claim}`) ?? 0;
    seen.set(`${finding.ruleId}\n${claim}`, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${finding.ruleId}\n${claim}\n${occurrence}`).digest('hex').slice(0, 16);
    return { file: path, ruleId: finding.ruleId, fingerprint, claim };
  });
}

const byKey = (a: BaselineEntry, b: BaselineEntry) => {
  const [left, right] = [keyOf(a), keyOf(b)];
  return left < right ? -1 : left > right ? 1 : 0;
};

/** The baseline file's text: every finding of the run, sorted by file, rule and fingerprint, one key a line. */
export function baselineText(files: readonly CheckedFile[]): string {
  const findings = files.flatMap(entriesOf).sort(byKey);
  return `${JSON.stringify({ version: BASELINE_VERSION, findings }, null, 2)}\n`;
}

export function writeBaseline(path: string, files: readonly CheckedFile[]): void {
  try {
    writeFileSync(path, baselineText(files));
  } catch (error) {
    throw new Error(readFailure(error, path).replace(/^cannot read/, 'cannot write'), { cause: error });
  }
}

/** The keys of a baseline file; throws with a one-line reason naming the file when it is missing or not a baseline. */
export function readBaseline(path: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw new Error(`--baseline: ${readFailure(error, path)}`, { cause: error });
    throw new Error(`--baseline: ${path} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const refuse = (why: string) => new Error(`--baseline: ${path} is not a Plumb Line baseline: ${why} (write one with --write-baseline)`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse('it is not a JSON object');
  const { version, findings } = raw as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION) throw refuse(`its "version" is ${JSON.stringify(version) ?? 'missing'}, not ${BASELINE_VERSION}`);
  if (!Array.isArray(findings)) throw refuse('it has no "findings" array');
  const keys = new Set<string>();
  findings.forEach((entry: unknown, index) => {
    const { file, ruleId, fingerprint } = (entry ?? {}) as Partial<Record<keyof BaselineEntry, unknown>>;
    if (typeof file !== 'string' || typeof ruleId !== 'string' || typeof fingerprint !== 'string') {
      throw refuse(`findings[${index}] needs the strings "file", "ruleId" and "fingerprint"`);
    }
    keys.add(keyOf({ file, ruleId, fingerprint }));
  });
  return keys;
}

/** The files with only the findings the baseline does not record, and how many it did record. */
export function withoutBaselined(files: readonly CheckedFile[], baseline: ReadonlySet<string>): { files: CheckedFile[]; matched: number } {
  let matched = 0;
  const kept = files.map((file) => {
    const entries = entriesOf(file);
    const findings = file.findings.filter((_, index) => !baseline.has(keyOf(entries[index]!)));
    matched += file.findings.length - findings.length;
    return { ...file, findings };
  });
  return { files: kept, matched };
}
