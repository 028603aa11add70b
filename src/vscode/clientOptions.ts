// What the language client asks of the server, the same on the desktop and in a browser: every Markdown document, the
// `plumbLine` settings, the read-only `plumb-line:` citations, and hover command links limited to our own commands.
import { Uri, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../server/protocol';
import { HOVER_COMMANDS } from './ids';
import { SETTINGS_SECTION } from './settings';
import { shippedRoots } from './shippedFiles';

/** The client's id (its trace setting is `plumbLine.trace.server`) and the name its output shows. */
export const CLIENT_ID = 'plumbLine';
export const CLIENT_NAME = 'Plumb Line';

/** Starts the language server and its client: a Node process on the desktop, a web worker in the browser. */
export type StartClient = (context: ExtensionContext, output: LogOutputChannel) => Promise<BaseLanguageClient>;

export function clientOptions(context: ExtensionContext, output: LogOutputChannel, extra: Partial<InitializationOptions> = {}): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    shippedScheme: true,
    commandLinks: true,
    // However the editor names the extension's own files, the server never lints them as drafts.
    shippedRoots: shippedRoots(context.extensionUri),
    // The team config files come from teamConfig.ts, read through workspace.fs, on the desktop and in a browser alike.
    configFiles: 'client',
    ...extra,
  };
  return {
    // Every Markdown document; the server itself passes over the corpus, rule pages and editors' copies.
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions,
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS }, supportHtml: false },
    middleware: {
      workspace: {
        // The settings the user set, without the rules' defaults: the server puts them on top of the team config
        // file, so a rule's default severity in the schema must not hide the team's choice.
        configuration: async (params, token, next) => {
          const answers: unknown = await next(params, token);
          if (!Array.isArray(answers)) return answers as never;
          return answers.map((answer: unknown, index) => {
            const item = params.items[index];
            return item?.section === SETTINGS_SECTION ? withoutDefaultRules(answer, item.scopeUri) : answer;
          });
        },
      },
    },
  };
}

/** The `plumbLine` settings with only the rule settings someone set (in any scope or language), not the schema's defaults. */
function withoutDefaultRules(answer: unknown, scopeUri: string | undefined): unknown {
  if (!answer || typeof answer !== 'object') return answer;
  const settings = answer as Record<string, unknown>;
  const rules = settings.rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return answer;
  const config = workspace.getConfiguration(SETTINGS_SECTION, scopeUri ? Uri.parse(scopeUri) : null);
  const set = Object.fromEntries(
    Object.entries(rules as Record<string, unknown>).filter(([id]) => {
      const inspected = config.inspect(`rules.${id}`);
      const values = [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue];
      const languages = [inspected?.globalLanguageValue, inspected?.workspaceLanguageValue, inspected?.workspaceFolderLanguageValue];
      return [...values, ...languages].some((value) => value !== undefined);
    }),
  );
  return { ...settings, rules: set };
}
