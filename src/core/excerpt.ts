/** A passage on one line, at most `max` characters, cut at word boundaries; centred on `focus` when it would be cut off. */
export function excerpt(text: string, max: number, focus?: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const at = focus
    ? flat
        .toLowerCase()
        .replace(/[\u2018\u2019]/g, "'")
        .indexOf(focus.toLowerCase())
    : -1;
  let start = 0;
  if (at >= 0 && at + focus!.length > max - 1) {
    start = Math.max(0, Math.min(at - Math.floor((max - focus!.length) / 2), flat.length - max + 1));
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  const room = max - (start > 0 ? 1 : 0);
  let body = flat.slice(start, start + room);
  if (start + room < flat.length) {
    const lastSpace = body.lastIndexOf(' ');
    body = `${trimTrailing(lastSpace > room / 2 ? body.slice(0, lastSpace) : body, TRAILING_PUNCTUATION)}…`;
  }
  return `${start > 0 ? '…' : ''}${body}`;
}

/** What an excerpt never ends on before its ellipsis, beside white space. */
const TRAILING_PUNCTUATION = new Set([...',;:.–—-']);

/** `text` without the run of `chars` at its end (a loop, where a `[…]+$` regex would rescan the run from each start). */
function trimTrailing(text: string, chars: Set<string>): string {
  let end = text.length;
  while (end > 0 && (chars.has(text[end - 1]!) || /\s/.test(text[end - 1]!))) end -= 1;
  return text.slice(0, end);
}
