/**
 * Where the cursor is in SIP terms: on a start line or where a message may begin, in a message's
 * header block, or somewhere completion has nothing to say (a body, log text, a request URI).
 *
 * Lines come from the parsed message's LineTable, so in a trace log a line starts after the log's
 * prefix. Text the parser did not take for a message (a start line still being typed, a file that
 * is empty so far) is read line by line around the cursor, which only happens in message files:
 * in a log, text outside the messages is the log's own.
 *
 * Cost: a binary search over the messages and over one message's lines, then work bounded by that
 * message (its header block, its body up to the cursor) or by the cursor's line.
 */
import type { Header, LineTable, SipDocument, SipMessage, Span } from '../../parser/model';

export type CursorContext =
  /** The start line of `message`, or (message null) a line where a new message may begin. */
  | { readonly kind: 'start'; readonly line: Span; readonly message: SipMessage | null }
  /**
   * A line of `message`'s header block, or the empty line just after its last header. `owner` is
   * the header a folded continuation line (one starting with white space) belongs to.
   */
  | { readonly kind: 'header'; readonly line: Span; readonly message: SipMessage; readonly owner: Header | null };

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** UTF-8 bytes of text[start, end); a U+FFFD stands for one undecodable byte, as the parser counts it. */
function utf8Length(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c === 0xfffd) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The last message that starts at or before the offset (messages are in document order). */
function messageBefore(messages: readonly SipMessage[], offset: number): SipMessage | undefined {
  let low = 0;
  let high = messages.length - 1;
  let found: SipMessage | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const message = messages[mid];
    if (message && message.span.start <= offset) {
      found = message;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The last line in [from, to) that starts at or before the offset, or -1. */
function lineIndexAt(lines: LineTable, from: number, to: number, offset: number): number {
  let low = from;
  let high = to - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((lines.starts[mid] ?? Number.POSITIVE_INFINITY) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The index of the blank line that closes the header block, or -1 when the block is never closed. */
function headerBlockEnd(text: string, message: SipMessage): number {
  if (message.body) return message.body.firstLine - 1;
  const { lines } = message;
  for (let i = message.firstLine + 1; i < message.lastLine; i++) {
    if (isBlank(text, lines.starts[i] ?? 0, lines.ends[i] ?? 0)) return i;
  }
  return -1;
}

function contentLength(message: SipMessage): number | undefined {
  const header = message.headers.find((h) => h.key === 'content-length');
  return header && /^\d{1,15}$/.test(header.value) ? Number(header.value) : undefined;
}

/** The raw line (any of CRLF, LF, CR ends one) around an offset: used where no message gives lines. */
function rawLineAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start, end };
}

/** The raw line that ends just before `lineStart` (which must be > 0). */
function previousRawLine(text: string, lineStart: number): Span {
  const crlf = text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13;
  return rawLineAt(text, crlf ? lineStart - 2 : lineStart - 1);
}

function headerContext(text: string, message: SipMessage, line: Span): CursorContext {
  let owner: Header | null = null;
  if (line.end > line.start && isSpace(text.charCodeAt(line.start))) {
    // A folded line continues the last header that starts before it.
    for (const header of message.headers) {
      if (header.span.start < line.start) owner = header;
      else break;
    }
  }
  return { kind: 'header', line, message, owner };
}

/**
 * A body line of a message file is where a new message may begin when a blank line precedes it and
 * the body is over: Content-Length bytes lie before it, or, without Content-Length, the blank line
 * is not the one that closed the headers (the parser too ends such a body at a blank line followed
 * by a start line). While a start line is being typed the parser cannot know it yet.
 */
function afterHeaders(text: string, document: SipDocument, message: SipMessage, index: number, blank: number, line: Span): CursorContext | null {
  if (document.format !== 'sip') return null;
  const { lines } = message;
  if (!isBlank(text, lines.starts[index - 1] ?? 0, lines.ends[index - 1] ?? 0)) return null;
  const declared = contentLength(message);
  if (declared === undefined) return index > blank + 1 ? { kind: 'start', line, message: null } : null;
  let bytes = 0;
  for (let i = blank + 1; i < index && bytes < declared; i++) bytes += utf8Length(text, lines.starts[i] ?? 0, lines.ends[i] ?? 0) + (lines.breakBytes[i] ?? 0);
  return bytes >= declared ? { kind: 'start', line, message: null } : null;
}

function inMessage(text: string, document: SipDocument, message: SipMessage, index: number, line: Span): CursorContext | null {
  // A piece of a wire line the tool printed wrapped (ngrep) is not the start of a line.
  if (index > 0 && message.lines.glued?.[index - 1] === 1) return null;
  if (index === message.firstLine) return { kind: 'start', line, message };
  const blank = headerBlockEnd(text, message);
  if (blank === -1 || index <= blank) return headerContext(text, message, line);
  return afterHeaders(text, document, message, index, blank, line);
}

/**
 * Text no message covers. In a message file (or a document with no message yet) a line after a
 * blank line, or the first line, is where a message may begin; the line right after a header block
 * that was never closed (the end of the file, usually) is where the next header goes.
 */
function outside(text: string, document: SipDocument, before: SipMessage | undefined, offset: number): CursorContext | null {
  if (document.format !== 'sip' && document.messages.length > 0) return null;
  const line = rawLineAt(text, offset);
  if (line.start === 0) return { kind: 'start', line, message: null };
  const previous = previousRawLine(text, line.start);
  if (isBlank(text, previous.start, previous.end)) return { kind: 'start', line, message: null };
  if (before && before.lastLine > before.firstLine && previous.end === before.lines.ends[before.lastLine - 1] && headerBlockEnd(text, before) === -1) {
    return { kind: 'header', line, message: before, owner: null };
  }
  return null;
}

/** Never throws; null for offsets outside the text or places completion does not serve. */
export function locate(text: string, document: SipDocument, offset: number): CursorContext | null {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return null;
  const message = messageBefore(document.messages, offset);
  if (message) {
    const { lines } = message;
    const index = lineIndexAt(lines, message.firstLine, message.lastLine, offset);
    if (index >= 0) {
      const start = lines.starts[index] ?? 0;
      const end = lines.ends[index] ?? start;
      if (offset <= end) return inMessage(text, document, message, index, { start, end });
      // Past the line's end but before the next line: a line break or log decoration.
      if (index < message.lastLine - 1) return null;
    }
  }
  return outside(text, document, message, offset);
}
