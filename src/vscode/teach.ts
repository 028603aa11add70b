// Teaching the team config from the editor (issue 11, item 4): the quick fix "In our team, … is sales' work" and the
// command "Add team concept" on a selection. The server works out the edit (it has the config files and their
// parsers); this applies it, saves the file, and the file watcher's next send re-lints with it.
import { Uri, window, workspace, type Disposable, type LogOutputChannel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Side, TeamConceptData } from '../core/types';
import { TEAM_EDIT_REQUEST, type TeamEditParams, type TeamEditResult } from '../server/protocol';
import { registerLogged } from './commands';
import { COMMANDS } from './ids';

export interface TeachContext {
  client: Promise<BaseLanguageClient | undefined>;
  output: LogOutputChannel;
}

/** What a teach command came to: the config file written, or why nothing was. */
export type TeachResult = { written: Uri } | { problem: string };

const SIDES: Array<{ label: string; side: Side; detail: string }> = [
  { label: 'Marketing', side: 'marketing', detail: 'One-to-many: research, product, price, place, promotion, brand' },
  { label: 'Sales', side: 'sales', detail: 'One-to-one: calls, objections, closing, relationships, negotiation' },
  { label: 'Both', side: 'both', detail: 'Work the two functions share' },
];

export function registerTeach(context: TeachContext): Disposable[] {
  return [
    registerLogged(context.output, COMMANDS.teachTeam, (args: unknown) => teach(context, args as Partial<TeamEditParams> & { uri?: unknown })),
    registerLogged(context.output, COMMANDS.addTeamConcept, () => addTeamConcept(context)),
  ];
}

/** "In our team, … is …'s work": `{ uri, addition }` from the server's quick fix. */
async function teach(context: TeachContext, args: Partial<TeamEditParams> & { uri?: unknown }): Promise<TeachResult> {
  if (typeof args?.uri !== 'string' || !args.addition) return failed(context, 'the quick fix came without its draft or its choice');
  return record(context, args.uri, args.addition);
}

/** A team concept from the selected words: its side and definition asked for, its id made from its label. */
async function addTeamConcept(context: TeachContext): Promise<TeachResult | undefined> {
  const editor = window.activeTextEditor;
  const label = editor?.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  if (!editor || !label) return failed(context, 'select the words that name the concept first');
  if (label.length > 80) return failed(context, 'a concept is named in at most 80 characters; select fewer words');
  const picked = await window.showQuickPick(SIDES, { title: `Plumb Line: “${label}” is whose work in your team?`, placeHolder: 'Marketing, Sales or Both' });
  if (!picked) return undefined;
  const definition = await window.showInputBox({
    title: `Plumb Line: what is “${label}” in your team?`,
    prompt: 'One sentence; hover cards show it.',
    validateInput: (value) => (value.trim() ? undefined : 'Say in a sentence what it is.'),
  });
  if (!definition?.trim()) return undefined;
  const id = label
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
  if (!id) return failed(context, `“${label}” has no letters or digits to name a concept by`);
  const concept: TeamConceptData = { id, label, side: picked.side, definition: definition.trim(), terms: [label.toLowerCase()], activities: [] };
  const client = await context.client;
  if (!client) return failed(context, 'the language server is not running');
  return record(context, client.code2ProtocolConverter.asUri(editor.document.uri), { concept });
}

/** Asks the server for the edit, applies it and saves the config file. */
async function record(context: TeachContext, uri: string, addition: TeamEditParams['addition']): Promise<TeachResult> {
  const client = await context.client;
  if (!client) return failed(context, 'the language server is not running');
  const answer = await client.sendRequest<TeamEditResult>(TEAM_EDIT_REQUEST, { textDocument: { uri }, addition } satisfies TeamEditParams);
  if ('problem' in answer) return failed(context, answer.problem);
  const configUri = client.protocol2CodeConverter.asUri(answer.configUri);
  // The edit is worked out against the file as saved: unsaved changes in an editor would be overwritten by it.
  if (workspace.textDocuments.some((document) => document.uri.toString() === configUri.toString() && document.isDirty)) {
    return failed(context, `${workspace.asRelativePath(configUri)} has unsaved changes; save it, then try again`);
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
  if (!(await workspace.applyEdit(edit))) return failed(context, `the editor did not apply the change to ${workspace.asRelativePath(configUri)}`);
  const document = await workspace.openTextDocument(configUri);
  await document.save();
  const what =
    'move' in addition ? `“${addition.move.activity ?? addition.move.concept}” is ${addition.move.side}'s work` : `the concept “${addition.concept.label}”`;
  context.output.info(`Team config: ${what}, recorded in ${workspace.asRelativePath(configUri)}.`);
  window.setStatusBarMessage(`Plumb Line: recorded in ${workspace.asRelativePath(configUri)}`, 5_000);
  return { written: Uri.parse(configUri.toString()) };
}

/** Nothing written: the reason in the log and, briefly, in the status bar (no dialog). */
function failed({ output }: TeachContext, problem: string): TeachResult {
  output.warn(`Team config: nothing recorded: ${problem}.`);
  window.setStatusBarMessage(`Plumb Line: nothing recorded: ${problem}`, 8_000);
  return { problem };
}
