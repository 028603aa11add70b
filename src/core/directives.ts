// Inline control comments: <!-- plumb-line-disable-next-line [rules] -->, -disable-line, -disable … -enable.
import type { Directive } from './prose';
import type { RuleId } from './types';

const names = (directive: Directive, ruleId: RuleId) => directive.rules.length === 0 || directive.rules.includes(ruleId);

/** The next line after `line` that is not blank: a comment followed by a blank line still governs the paragraph below it. */
function nextContentLine(lines: string[], line: number): number {
  let next = line + 1;
  while (lines[next]?.trim() === '') next += 1;
  return next;
}

/**
 * Whether a rule is off on a line, for every line at once: the lines the comments name, and the stretches between
 * "disable" and "enable", found in one pass, so checking a finding costs a look-up however many comments there are.
 */
export function suppression(directives: Directive[], lines: string[], ruleId: RuleId): (line: number) => boolean {
  const single = new Set<number>();
  /** First and last line of each disabled stretch: from the "disable" comment's line to the line before "enable". */
  const stretches: [number, number][] = [];
  let openedAt: number | undefined;
  for (const directive of directives) {
    if (!names(directive, ruleId)) continue;
    if (directive.command === 'disable-line') for (let line = directive.line; line <= directive.endLine; line += 1) single.add(line);
    else if (directive.command === 'disable-next-line') single.add(nextContentLine(lines, directive.endLine));
    else if (directive.command === 'disable') openedAt ??= directive.line;
    else if (directive.command === 'enable' && openedAt !== undefined) {
      stretches.push([openedAt, directive.line - 1]);
      openedAt = undefined;
    }
  }
  if (openedAt !== undefined) stretches.push([openedAt, Number.POSITIVE_INFINITY]);
  return (line) => {
    if (single.has(line)) return true;
    let low = 0;
    let high = stretches.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (stretches[middle]![1] < line) low = middle + 1;
      else high = middle;
    }
    const stretch = stretches[low];
    return stretch !== undefined && stretch[0] <= line && line <= stretch[1];
  };
}
