/**
 * Completion on a start line, or where one may begin: status codes after "SIP/2.0 ", reason phrases
 * after "SIP/2.0 486 ", and methods and message templates at the start of a line. Read from the
 * line's text rather than from the parsed start line, because a line being typed ("SIP/2.0 ",
 * "INV") is not a start line yet.
 */
import type { SipMessage, Span } from '../../parser/model';
import { methodNameEntries, reasonPhraseEntries, requestLineEntries, statusCodeEntries } from './entries';
import { lineEndOf, templateEntries } from './templates';
import type { CompletionEntry, CompletionResult } from './types';

const STATUS_PREFIX = /^SIP\/2\.0[ \t]+/i;
const CODE_THEN_SPACE = /^(\d{3})[ \t]+/;
const NO_SPACE = /^[^ \t]*$/;

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

function result(span: Span, items: readonly CompletionEntry[]): CompletionResult | null {
  return items.length > 0 ? { span, items } : null;
}

export function completeStartLine(text: string, line: Span, message: SipMessage | null, offset: number): CompletionResult | null {
  const before = text.slice(line.start, offset);
  // Whatever follows the cursor on the line, up to trailing white space, is replaced with it.
  const lineEnd = Math.max(offset, trimEnd(text, line.start, line.end));

  const status = STATUS_PREFIX.exec(before);
  if (status) {
    const codeStart = line.start + status[0].length;
    const afterVersion = before.slice(status[0].length);
    const code = CODE_THEN_SPACE.exec(afterVersion);
    if (code) return result({ start: codeStart + code[0].length, end: lineEnd }, reasonPhraseEntries(Number(code[1])));
    // "SIP/2.0 4", "SIP/2.0 busy": the code and phrase are replaced together.
    if (NO_SPACE.test(afterVersion)) return result({ start: codeStart, end: lineEnd }, statusCodeEntries());
    return null;
  }

  // Past the first word the cursor is in the Request-URI or the version, and a status line's
  // version is not a method's place: nothing to offer there.
  if (!NO_SPACE.test(before) || message?.kind === 'response') return null;
  let tokenEnd = offset;
  while (tokenEnd < line.end && text.charCodeAt(tokenEnd) !== 32 && text.charCodeAt(tokenEnd) !== 9) tokenEnd++;
  const span = { start: line.start, end: tokenEnd };
  const aloneOnLine = trimEnd(text, tokenEnd, line.end) === tokenEnd;
  // On a line with nothing else, a method brings its whole request line and a template a whole
  // message; on an existing start line only the method name is replaced.
  if (!aloneOnLine || message) return result(span, methodNameEntries());
  return result(span, [...requestLineEntries(), ...templateEntries(lineEndOf(text))]);
}
