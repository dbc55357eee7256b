/**
 * Lines of a console log. Consoles redraw their prompt with a lone CR (Asterisk's remote console
 * writes `pbx01*CLI> \r\x1b[0K` before the first banner of a burst), which is decoration inside a
 * log line, not a line break; a CR right before the LF still makes a CRLF. Cutting at LF only keeps
 * such a banner on one line with its prompt, and keeps the cut in native indexOf. Also: cheap,
 * allocation-free tests on a line's last characters, run on every line before any pattern.
 */

/** The lines of text[from, to), split at LF only; breakBytes is 2 for CRLF, 1 for LF, 0 at the end. */
export { scanLfLines } from '../lines';

/** True when text[start, end) ends with `suffix`, ignoring trailing blanks. */
export function endsWithTrimmed(text: string, start: number, end: number, suffix: string): boolean {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return e - start >= suffix.length && text.startsWith(suffix, e - suffix.length);
}

/** True when the line is exactly `expected`, give or take trailing blanks. */
export function isLineExactly(text: string, start: number, end: number, expected: string): boolean {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return e - start === expected.length && text.startsWith(expected, start);
}
