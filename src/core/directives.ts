// Inline control comments: <!-- plumb-line-disable-next-line [rules] -->, -disable-line, -disable … -enable.
import type { Directive } from './prose';
import type { RuleId } from './types';

const names = (directive: Directive, ruleId: RuleId) => directive.rules.length === 0 || directive.rules.includes(ruleId);

/** Whether a rule is switched off on a line by the document's control comments. */
export function isSuppressed(directives: Directive[], lines: string[], ruleId: RuleId, line: number): boolean {
  let disabled = false;
  for (const directive of directives) {
    if (!names(directive, ruleId)) continue;
    if (directive.command === 'disable-line' && directive.line <= line && line <= directive.endLine) return true;
    if (directive.command === 'disable-next-line' && nextContentLine(lines, directive.endLine) === line) return true;
    if (directive.line > line) break;
    if (directive.command === 'disable') disabled = true;
    if (directive.command === 'enable') disabled = false;
  }
  return disabled;
}

/** The next line after `line` that is not blank: a comment followed by a blank line still governs the paragraph below it. */
function nextContentLine(lines: string[], line: number): number {
  let next = line + 1;
  while (next < lines.length && lines[next].trim() === '') next += 1;
  return next;
}
