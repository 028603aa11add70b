// The editor's settings beside the rules, and the size limit's wording: plain functions with no rule behind them, so
// the VS Code extension can use them without carrying the engine.

/** The editor's own settings beside the rules: whether to lint as you type, how long to wait after a keystroke, and the largest file linted. */
export interface EditorSettings {
  enabled: boolean;
  debounceMs: number;
  /** Files larger than this many bytes (UTF-8) are not linted, with one message saying so. */
  maxFileBytes: number;
}

export const DEFAULT_DEBOUNCE_MS = 300;
/** A longer pause than this is surely a slip (a minute without feedback): it is kept but reported. */
const LONGEST_DEBOUNCE_MS = 60_000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** The editor's `plumbLine.maxFileSizeKB` and the CLI's `--max-file-size` default: no draft is this big, and memory stays bounded. */
export const DEFAULT_MAX_FILE_KB = 2048;

/** Validates `plumbLine.enable`, `plumbLine.debounceMs` and `plumbLine.maxFileSizeKB`: an invalid value is reported and replaced by the default. */
export function resolveEditorSettings(raw: { enable?: unknown; debounceMs?: unknown; maxFileSizeKB?: unknown }): EditorSettings & { problems: string[] } {
  const problems: string[] = [];
  let enabled = true;
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') enabled = raw.enable;
    else problems.push(`"enable" must be true or false, not ${JSON.stringify(raw.enable)}; using true.`);
  }
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  if (raw.debounceMs !== undefined) {
    if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs) && raw.debounceMs >= 0) {
      // A timer cannot wait longer than 2^31 - 1 ms; beyond that it would fire at once.
      debounceMs = Math.min(raw.debounceMs, LONGEST_TIMER_MS);
      if (raw.debounceMs > LONGEST_DEBOUNCE_MS) problems.push(`"debounceMs" is ${raw.debounceMs} ms, more than a minute without feedback; kept, but check it.`);
    } else problems.push(`"debounceMs" must be a number of milliseconds, 0 or more, not ${JSON.stringify(raw.debounceMs)}; using ${DEFAULT_DEBOUNCE_MS}.`);
  }
  let maxFileKB = DEFAULT_MAX_FILE_KB;
  if (raw.maxFileSizeKB !== undefined) {
    if (typeof raw.maxFileSizeKB === 'number' && Number.isFinite(raw.maxFileSizeKB) && raw.maxFileSizeKB > 0) maxFileKB = raw.maxFileSizeKB;
    else problems.push(`"maxFileSizeKB" must be a number of kilobytes above 0, not ${JSON.stringify(raw.maxFileSizeKB)}; using ${DEFAULT_MAX_FILE_KB}.`);
  }
  return { enabled, debounceMs, maxFileBytes: Math.round(maxFileKB * 1024), problems };
}

/** The UTF-8 size of a text in bytes, as TextEncoder would write it, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one character of four bytes.
      bytes += 4;
      at += 1;
    } else bytes += 3; // The rest of the BMP, and a lone surrogate (written as U+FFFD).
  }
  return bytes;
}

/** Why a file was not checked: "3.1 MB is over the 2.0 MB limit (plumbLine.maxFileSizeKB)", naming the setting or flag that sets it. */
export function overLimit(bytes: number, limit: number, setting: string): string {
  return `${describeSize(bytes)} is over the ${describeSize(limit)} limit (${setting})`;
}

/** An error for a log: its stack when there is one, so failures can be traced. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** "2.0 MB", "500.0 KB", "12 bytes": a size as the messages say it. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
