// The engine's public surface: what the CLI, the tests and the editor glue import.
export * from './types';
export { parseCorpus, type CorpusFile } from './corpus';
export { Catalogue, buildCatalogue } from './catalogue';
export { lintMarkdown } from './lint';
export { resolveOptions, defaultOptions, validateSettings, optionsFrom, type SettingsLayer, type SettingsProblem } from './options';
export { parseConfig, configChain, describeConfigProblem, CONFIG_NAMES, MAX_CONFIG_BYTES, type ConfigFile, type ConfigProblem } from './config';
export { resolveEditorSettings, utf8Length, describeSize, overLimit, describeError, DEFAULT_MAX_FILE_KB, type EditorSettings } from './editorSettings';
export { RULES, RULE_IDS, type RuleInfo } from './rules/registry';
export { excerpt } from './excerpt';
export { isDraftUri } from './drafts';
export { activityAt, functionWordAt, wordReadingAt, type FunctionWordReading, type WordReading } from './wordAt';
export { activityIndex } from './lint';
export { conceptCard, functionCard, escapeMarkdown, evidenceText, citation, quoted, SIDE_LABELS, type CardLinks } from './card';
export { withTeam, activityLabel, hasTeam } from './team';
export { mergeTeam, DEFAULT_SOURCES } from './config';
export { NEW_CONFIG_NAME, newConfigText, teamConfigEdits, type TeamAddition, type OffsetEdit } from './teamEdit';
