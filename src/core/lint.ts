import { ActivityIndex } from './activities';
import { findCredits } from './attribution';
import type { Catalogue } from './catalogue';
import { suppression } from './directives';
import { disableFileFix, ignoreLineFix } from './fixes';
import { defaultOptions } from './options';
import { analyzeMarkdown } from './prose';
import { insideAny } from './quotes';
import { RULE_IDS, RULES } from './rules/registry';
import type { Rule } from './rules/rule';
import { withTeam } from './team';
import type { Finding, LintOptions } from './types';

const indexes = new WeakMap<Catalogue, Map<string, ActivityIndex>>();

/** How many sets of team phrases keep their activity index per catalogue: each index is some megabytes. */
const INDEXES_KEPT = 2;

/** The activity index for a catalogue and a set of team phrases; only the last few sets are kept. */
export function activityIndex(catalogue: Catalogue, extra: LintOptions['extraPhrases']): ActivityIndex {
  const key = JSON.stringify(extra);
  const perCatalogue = indexes.get(catalogue) ?? new Map<string, ActivityIndex>();
  indexes.set(catalogue, perCatalogue);
  let index = perCatalogue.get(key);
  if (index) perCatalogue.delete(key);
  else index = new ActivityIndex(catalogue.concepts, extra, catalogue.teamPhrases);
  perCatalogue.set(key, index);
  while (perCatalogue.size > INDEXES_KEPT) perCatalogue.delete(perCatalogue.keys().next().value!);
  return index;
}

/** How many activity indexes a catalogue keeps (for tests: the cache stays bounded). */
export function keptIndexes(catalogue: Catalogue): number {
  return indexes.get(catalogue)?.size ?? 0;
}

/**
 * Lints the prose of one Markdown document. Pure: text and options in, findings out, sorted by position. A rule that
 * throws is reported through `onProblem` (one line naming the rule) and every other rule's findings still come back.
 */
export function lintMarkdown(markdown: string, bundled: Catalogue, options: LintOptions = defaultOptions(), onProblem?: (problem: string) => void): Finding[] {
  // The team's sources, concepts and moves, merged in once per team and kept. What the team's files hold that cannot
  // be used is the host's to say, once, when it builds the team's catalogue (the CLI, the server): not every lint.
  const catalogue = withTeam(bundled, options.team);
  const doc = analyzeMarkdown(markdown);
  const activities = activityIndex(catalogue, options.extraPhrases);
  const { examples } = doc;
  // A credit quoted as an example of wording takes part in no rule, not even as the other place of an inconsistency.
  const credits = doc.sentences
    .flatMap((sentence, at) => findCredits(activities, sentence, doc.sentences.slice(Math.max(0, at - 4), at).reverse()))
    .filter((credit) => !insideAny(examples, credit.sentence.tokens[credit.from]!.span.start.offset, credit.sentence.tokens[credit.to]!.span.end.offset));
  const lines = markdown.split(/\r\n|\r|\n/);
  const findings: Finding[] = [];
  for (const id of RULE_IDS) {
    const setting = options.rules[id];
    if (!setting.enabled) continue;
    let drafts: ReturnType<Rule['check']>;
    try {
      drafts = RULES[id].rule.check({ doc, credits, catalogue, activities });
    } catch (error) {
      onProblem?.(`the ${id} rule failed (${(error as Error).message}); its findings are missing, the other rules' are shown`);
      continue;
    }
    const suppressed = suppression(doc.directives, lines, id);
    const disableFile = disableFileFix(doc, id);
    for (const draft of drafts) {
      if (suppressed(draft.span.start.line)) continue;
      // A claim quoted as an example of wording ("marketing is just sales") is a mention, not a use.
      if (insideAny(examples, draft.span.start.offset, draft.span.end.offset)) continue;
      findings.push({ ...draft, severity: setting.severity, fixes: [...draft.fixes, ignoreLineFix(doc, id, draft.span.start.line), disableFile] });
    }
  }
  return findings.sort((a, b) => a.span.start.offset - b.span.start.offset || a.ruleId.localeCompare(b.ruleId));
}
