// Line-level scoring of the linter on labelled Markdown: each expected finding is marked on its line with
// `<!-- expect: RULE … -->` (see test/fixtures/LABELLING.md); every unmarked line is expected quiet.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS, lintMarkdown, type Catalogue, type Finding, type RuleId } from '../../src/core';

export interface LabelledText {
  file: string;
  text: string;
  /** 0-based line → the rules expected to report a finding that covers that line. */
  expected: Map<number, Set<RuleId>>;
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
  /** 1-based, as an editor shows it. */
  line: number;
  ruleId: RuleId;
  kind: 'miss' | 'false alarm';
  /** The line as written, markers removed. */
  text: string;
  /** For a false alarm: how the linter read the sentence. */
  reading?: string;
}

export interface Score {
  texts: number;
  bytes: number;
  findings: number;
  perRule: Record<RuleId, Tally>;
  overall: Tally;
  mistakes: Mistake[];
}

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

/** Reads the expectations marked in one text; an unknown rule id in a marker is an error, not a silent miss. */
export function readMarkers(file: string, text: string): Map<number, Set<RuleId>> {
  const expected = new Map<number, Set<RuleId>>();
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      for (const id of match[1]!.split(/[\s,]+/).filter(Boolean)) {
        if (!(RULE_IDS as string[]).includes(id)) throw new Error(`${file}:${index + 1}: unknown rule '${id}' in an expect marker`);
        const rules = expected.get(index) ?? new Set<RuleId>();
        rules.add(id as RuleId);
        expected.set(index, rules);
      }
    }
  });
  return expected;
}

export function readLabelledFolder(folder: string): LabelledText[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      return { file: name, text, expected: readMarkers(name, text) };
    });
}

function tally(truePositives: number, falsePositives: number, falseNegatives: number): Tally {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

const covers = (finding: Finding, line: number) => finding.span.start.line <= line && line <= finding.span.end.line;

/**
 * A marked (line, rule) is found when a finding of that rule covers the line, and missed otherwise. A finding that
 * covers no line marked with its rule is a false alarm; several such findings starting on one line count once.
 */
export function scoreTexts(texts: LabelledText[], catalogue: Catalogue): Score {
  const counts = Object.fromEntries(RULE_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }])) as Record<RuleId, { tp: number; fp: number; fn: number }>;
  const mistakes: Mistake[] = [];
  let bytes = 0;
  let findingCount = 0;
  for (const labelled of texts) {
    bytes += Buffer.byteLength(labelled.text);
    const lines = labelled.text.split(/\r\n|\r|\n/);
    const shown = (line: number) => (lines[line] ?? '').replace(MARKER, '').trim();
    const findings = lintMarkdown(labelled.text, catalogue);
    findingCount += findings.length;
    for (const [line, rules] of labelled.expected) {
      for (const id of rules) {
        if (findings.some((finding) => finding.ruleId === id && covers(finding, line))) counts[id].tp += 1;
        else {
          counts[id].fn += 1;
          mistakes.push({ file: labelled.file, line: line + 1, ruleId: id, kind: 'miss', text: shown(line) });
        }
      }
    }
    const falseAlarms = new Set<string>();
    for (const finding of findings) {
      const lines = [...labelled.expected].filter(([line, rules]) => rules.has(finding.ruleId) && covers(finding, line));
      if (lines.length > 0) continue;
      const key = `${finding.ruleId}:${finding.span.start.line}`;
      if (falseAlarms.has(key)) continue;
      falseAlarms.add(key);
      counts[finding.ruleId].fp += 1;
      mistakes.push({
        file: labelled.file,
        line: finding.span.start.line + 1,
        ruleId: finding.ruleId,
        kind: 'false alarm',
        text: shown(finding.span.start.line),
        reading: finding.reading ?? finding.message,
      });
    }
  }
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, tally(counts[id].tp, counts[id].fp, counts[id].fn)])) as Record<RuleId, Tally>;
  const sum = (key: 'tp' | 'fp' | 'fn') => RULE_IDS.reduce((total, id) => total + counts[id][key], 0);
  mistakes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { texts: texts.length, bytes, findings: findingCount, perRule, overall: tally(sum('tp'), sum('fp'), sum('fn')), mistakes };
}
