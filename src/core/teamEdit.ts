// Teaching the team config from the editor (issue 11, item 4): the edit that adds a move ("In our team, running trade
// shows is sales' work") or a concept to a config file, keeping the file's own formatting and comments, or the text of
// a new file. The editor applies it; the next lint reads the file and the finding goes away.
import { findNodeAtLocation, modify, parse as parseJsonc, parseTree, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { TeamConceptData, TeamMove } from './types';

export type TeamAddition = { move: TeamMove } | { concept: TeamConceptData };

/** One edit: replace `length` characters at `offset` with `text`. */
export interface OffsetEdit {
  offset: number;
  length: number;
  text: string;
}

/** The name a new config file gets. */
export const NEW_CONFIG_NAME = '.plumb-line.json';

const entryOf = (addition: TeamAddition): { key: 'moves' | 'concepts'; value: Record<string, unknown> } =>
  'move' in addition ? { key: 'moves', value: { ...addition.move } } : { key: 'concepts', value: { ...addition.concept } };

/** The text of a new config file holding only this addition. */
export function newConfigText(addition: TeamAddition): string {
  const { key, value } = entryOf(addition);
  return `${JSON.stringify({ [key]: [value] }, null, 2)}\n`;
}

/** Indentation as the file has it: the first indented line's, else two spaces. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 4 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/**
 * The edits that add `addition` to a config file's text: appended to its `moves` or `concepts` list (made if it has
 * none). A move of the same concept or activity already there is replaced, so teaching twice keeps one entry. Throws
 * when the file cannot be edited safely (it does not parse, or the list is not a list): nothing is written then.
 */
export function teamConfigEdits(name: string, text: string, addition: TeamAddition): OffsetEdit[] {
  const { key, value } = entryOf(addition);
  // An empty file (made but never written) gets what a new one would.
  if (!text.trim() && !/\.ya?ml$/i.test(name)) return [{ offset: 0, length: text.length, text: newConfigText(addition) }];
  if (/\.ya?ml$/i.test(name)) return yamlEdits(text, key, value);
  const current = jsonList(text, key);
  const same = current.findIndex((entry) => sameEntry(key, entry, value));
  const formatting = formattingOf(text);
  const last = current.length > 0 && same < 0 ? findNodeAtLocation(parseTree(text)!, [key, current.length - 1]) : undefined;
  if (last) {
    // After the list's last entry, at its indentation: jsonc-parser's own insertion would reformat the entry before it.
    const lineStart = text.lastIndexOf('\n', last.offset) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
    const onItsLine = text.slice(lineStart, last.offset).trim() === '';
    const written = JSON.stringify(value, null, unit).replace(/\n/g, `${formatting.eol}${onItsLine ? indent : ''}`);
    return [{ offset: last.offset + last.length, length: 0, text: onItsLine ? `,${formatting.eol}${indent}${written}` : `, ${JSON.stringify(value)}` }];
  }
  const edits = modify(text, [key, same >= 0 ? same : -1], value, { formattingOptions: formatting, isArrayInsertion: same < 0 });
  return edits.map((edit) => ({ offset: edit.offset, length: edit.length, text: edit.content }));
}

function sameEntry(key: 'moves' | 'concepts', entry: unknown, value: Record<string, unknown>): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const record = entry as Record<string, unknown>;
  if (key === 'concepts') return record.id === value.id;
  return value.concept !== undefined ? record.concept === value.concept : record.activity === value.activity;
}

/** The file's list under `key` (none yet is an empty list); throws when the file does not parse or `key` is no list. */
function jsonList(text: string, key: string): unknown[] {
  const errors: ParseError[] = [];
  // modify() itself does not refuse a broken file, so parse first: an edit to a file that does not parse could lose words.
  const parsed: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new Error('the config file does not parse; fix it first');
  if (parsed === undefined) return [];
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the config file does not hold an object');
  const list = (parsed as Record<string, unknown>)[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`"${key}" in the config file is not a list`);
  return list;
}

function yamlEdits(text: string, key: 'moves' | 'concepts', value: Record<string, unknown>): OffsetEdit[] {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error('the config file does not parse; fix it first');
  if (document.contents !== null && !isMap(document.contents)) throw new Error('the config file does not hold a mapping');
  const list = document.get(key, true);
  if (list !== undefined && !isSeq(list)) throw new Error(`"${key}" in the config file is not a list`);
  const items = isSeq(list)
    ? list.items.map((item) => (item && typeof item === 'object' && 'toJSON' in item ? (item as { toJSON(): unknown }).toJSON() : item))
    : [];
  const same = items.findIndex((entry) => sameEntry(key, entry, value));
  if (same >= 0) document.setIn([key, same], document.createNode(value));
  else if (isSeq(list)) list.add(document.createNode(value));
  else document.set(key, document.createNode([value]));
  // The yaml library keeps comments and the order of keys; the whole text is replaced with what it writes.
  return [{ offset: 0, length: text.length, text: document.toString() }];
}
