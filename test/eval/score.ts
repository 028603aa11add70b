// Scores the linter on the labelled drafts in test/fixtures/eval: precision, recall and F1 per rule and overall.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RULE_IDS, lintMarkdown, type Catalogue, type RuleId } from '../../src/core';

export interface LabelledDraft {
  file: string;
  expect: 'flag' | 'quiet';
  rules: RuleId[];
  reason: string;
  text: string;
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Mistake {
  file: string;
  ruleId: RuleId;
  kind: 'miss' | 'false alarm';
  reason: string;
}

export interface Score {
  drafts: number;
  perRule: Record<RuleId, Tally>;
  overall: Tally;
  mistakes: Mistake[];
}

export function readLabelledDrafts(folder: string): LabelledDraft[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!frontMatter) throw new Error(`${name}: no front matter with expect/rules/reason`);
      const label = parseYaml(frontMatter[1]) as { expect: 'flag' | 'quiet'; rules?: RuleId[]; reason: string };
      return { file: name, expect: label.expect, rules: label.rules ?? [], reason: label.reason, text };
    });
}

function tally(truePositives: number, falsePositives: number, falseNegatives: number): Tally {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** Each (draft, rule) pair counts once: the rule fired or not, and it was expected or not. */
export function scoreDrafts(drafts: LabelledDraft[], catalogue: Catalogue): Score {
  const counts = Object.fromEntries(RULE_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }])) as Record<RuleId, { tp: number; fp: number; fn: number }>;
  const mistakes: Mistake[] = [];
  for (const draft of drafts) {
    const fired = new Set(lintMarkdown(draft.text, catalogue).map((finding) => finding.ruleId));
    for (const id of RULE_IDS) {
      const expected = draft.rules.includes(id);
      if (expected && fired.has(id)) counts[id].tp += 1;
      else if (fired.has(id)) {
        counts[id].fp += 1;
        mistakes.push({ file: draft.file, ruleId: id, kind: 'false alarm', reason: draft.reason });
      } else if (expected) {
        counts[id].fn += 1;
        mistakes.push({ file: draft.file, ruleId: id, kind: 'miss', reason: draft.reason });
      }
    }
  }
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, tally(counts[id].tp, counts[id].fp, counts[id].fn)])) as Record<RuleId, Tally>;
  const sum = (key: 'tp' | 'fp' | 'fn') => RULE_IDS.reduce((total, id) => total + counts[id][key], 0);
  return { drafts: drafts.length, perRule, overall: tally(sum('tp'), sum('fp'), sum('fn')), mistakes };
}
