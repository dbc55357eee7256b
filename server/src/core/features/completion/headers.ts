/**
 * Completion on a header line: the header's name before the colon, its value after it. Single-valued
 * headers the message already has are not offered again (a second To is an error, RFC 3261 §7.3.1).
 */
import type { Header, SipMessage, Span } from '../../parser/model';
import { lookupHeader } from '../../registry/lookup';
import { headerNameEntries, headerSnippetEntries } from './entries';
import type { CompletionResult } from './types';
import { completeValue } from './values';

/** RFC 3261 token characters, which is what a header name is made of (§25: field-name = token). */
function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 33 || // !
    code === 37 || // %
    code === 39 || // '
    code === 42 || // *
    code === 43 || // +
    code === 45 || // -
    code === 46 || // .
    code === 95 || // _
    code === 96 || // `
    code === 126 // ~
  );
}

/** Lower-case registry names of the single-valued headers the message has on other lines than `line`. */
function singlesPresent(message: SipMessage, line: Span): Set<string> {
  const present = new Set<string>();
  for (const header of message.headers) {
    if (header.nameSpan.start === line.start) continue;
    const entry = lookupHeader(header.canonical);
    if (entry?.multiplicity === 'single') present.add(entry.name.toLowerCase());
  }
  return present;
}

function completeName(text: string, line: Span, message: SipMessage, colon: number, offset: number): CompletionResult | null {
  for (let i = line.start; i < offset; i++) if (!isTokenChar(text.charCodeAt(i))) return null;
  let end = offset;
  while (end < line.end && isTokenChar(text.charCodeAt(end))) end++;
  // With the colon already there (renaming "To: ..."), only the name is replaced.
  const entries = colon === -1 ? headerSnippetEntries() : headerNameEntries();
  const present = singlesPresent(message, line);
  const items = entries.filter((row) => !present.has(row.key)).map((row) => row.entry);
  return items.length > 0 ? { span: { start: line.start, end }, items } : null;
}

export function completeHeaderLine(text: string, line: Span, message: SipMessage, owner: Header | null, offset: number): CompletionResult | null {
  if (owner) {
    // A folded continuation line: its whole content continues owner's value.
    return completeValue(text, owner.canonical, message, line, offset);
  }
  let colon = -1;
  for (let i = line.start; i < line.end; i++) {
    if (text.charCodeAt(i) === 58) {
      colon = i;
      break;
    }
  }
  if (colon === -1 || offset <= colon) return completeName(text, line, message, colon, offset);
  const name = text.slice(line.start, colon).trim();
  return completeValue(text, name, message, { start: colon + 1, end: line.end }, offset);
}
