/**
 * Per-line decoration that logs add around SIP text, and how to see through it without moving any
 * offset: the logical line is always a contiguous span of the original text.
 * - syslog's control-character escapes: a whole message on one line, lines separated by "#015#012"
 *   (rsyslog) or by the two-character sequences "\r\n" (JSON-ish loggers);
 * - "^M" printed for a CR at a line's end (cat -v, some pagers);
 * - ANSI colour codes at either end of a line.
 */
import { appendLine, indexWithin, type LineSink } from '../lines';

// ANSI colour codes start with the ESC control character; matching it is the point here.
// eslint-disable-next-line no-control-regex
const ANSI_AT_END = /(?:\x1b\[[0-9;]*m)+$/;
// eslint-disable-next-line no-control-regex
const ANSI_AT_START = /^(?:\x1b\[[0-9;]*m)+/;

/** Start of the line's content once leading ANSI colour codes are skipped. */
export function skipAnsiStart(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) !== 27) return start;
  const match = ANSI_AT_START.exec(text.slice(start, Math.min(end, start + 64)));
  return match ? start + match[0].length : start;
}

/** End of the line's content once trailing ANSI colour codes are dropped. */
function ansiTrimmedEnd(text: string, start: number, end: number): number {
  // A colour code ends in "[m", a digit then "m" or ";m": most lines that end in "m" (".com") are not tried.
  const beforeM = text.charCodeAt(end - 2);
  if (end > start && text.charCodeAt(end - 1) === 109 /* m */ && ((beforeM >= 48 && beforeM <= 57) || beforeM === 59 || beforeM === 91)) {
    const match = ANSI_AT_END.exec(text.slice(Math.max(start, end - 64), end));
    if (match) return end - match[0].length;
  }
  return end;
}

function endsWithShownCr(text: string, start: number, end: number): boolean {
  return end - start >= 2 && text.charCodeAt(end - 1) === 77 /* M */ && text.charCodeAt(end - 2) === 94 /* ^ */;
}

/** End of the line's content once trailing ANSI codes and a "^M" are dropped; reports whether a CR was shown. */
export function trimDecoratedEnd(text: string, start: number, end: number): { end: number; sawCr: boolean } {
  const e = ansiTrimmedEnd(text, start, end);
  return endsWithShownCr(text, start, e) ? { end: e - 2, sawCr: true } : { end: e, sawCr: false };
}

/** trimDecoratedEnd's end alone, with no object made: for callers that read every line of a trace. */
export function decoratedEnd(text: string, start: number, end: number): number {
  const e = ansiTrimmedEnd(text, start, end);
  return endsWithShownCr(text, start, e) ? e - 2 : e;
}

/** trimDecoratedEnd's sawCr alone. */
export function showsCr(text: string, start: number, end: number): boolean {
  return endsWithShownCr(text, start, ansiTrimmedEnd(text, start, end));
}

/** The escaped line break a logger used inside one physical line, if any. */
export type EscapedBreak = '#015#012' | '#012' | '\\r\\n' | '\\n';

export function escapedBreakIn(text: string, start: number, end: number): EscapedBreak | null {
  const hash = indexWithin(text, '#012', start, end);
  if (hash !== -1) return text.startsWith('#015#012', hash - 4) ? '#015#012' : '#012';
  const slash = indexWithin(text, '\\n', start, end);
  if (slash !== -1) return text.startsWith('\\r\\n', slash - 2) ? '\\r\\n' : '\\n';
  return null;
}

/**
 * Splits text[start, end) at an escaped line break into logical lines, appending them to `table`.
 * `lastBreak`/`lastBreakBytes` describe the physical line's own terminator, given to the last piece.
 */
export function pushEscapedLines(
  text: string,
  start: number,
  end: number,
  escape: EscapedBreak,
  table: LineSink,
  lastBreak: number,
  lastBreakBytes: number,
): void {
  const wireBytes = escape === '#015#012' || escape === '\\r\\n' ? 2 : 1;
  let from = start;
  while (from <= end) {
    const at = indexWithin(text, escape, from, end);
    if (at === -1) {
      if (from < end) appendLine(table, from, end, lastBreak, lastBreakBytes);
      return;
    }
    appendLine(table, from, at, at + escape.length, wireBytes);
    from = at + escape.length;
  }
}
