/**
 * The parser's entry point: text in, SipDocument out. It never throws; whatever it cannot make sense
 * of becomes a ParseProblem or is skipped as log text.
 */
import { detectFormat, formatById } from './formats';
import { compactLines } from './lines';
import { MESSAGE_FIELDS, newPeek, parseFrame, type Frame } from './message';
import { RowTable } from './rows';
import { HeaderStore } from './header';
import type { FormatId, ParseProblem, SipDocument, SipMessage } from './model';

export interface ParseOptions {
  /** Skip detection and read the text as this format. */
  readonly format?: FormatId;
}

export function parseDocument(text: string, options: ParseOptions = {}): SipDocument {
  const format = (options.format !== undefined ? formatById(options.format) : undefined) ?? detectFormat(text);
  const messages: SipMessage[] = [];
  const problems: ParseProblem[] = [];
  const mode = format.id === 'sip' ? 'file' : 'frame';
  try {
    const frames = format.frames(text);
    // Indexed loops: a long trace has a hundred thousand frames, and an iterator's result each is garbage.
    for (let i = 0; i < frames.length; i++) compactLines((frames[i] as Frame).lines);
    // One header store for the whole document: every header field is a few numbers in it.
    const store = new HeaderStore(text);
    // And one table of numbers for its messages.
    const rows = new RowTable(MESSAGE_FIELDS);
    const peek = newPeek();
    for (let i = 0; i < frames.length; i++) parseFrame(text, frames[i] as Frame, mode, messages, problems, store, rows, peek);
    store.trim();
    rows.trim();
  } catch (error) {
    // Parsing must never take the caller down. A failure here is a parser bug; keep what was read
    // and say where reading stopped, so the user still gets every message before it.
    const at = messages.length > 0 ? messages[messages.length - 1]?.span.end ?? 0 : 0;
    problems.push({ code: 'parser-error', message: `The parser stopped here because of an internal error (${error instanceof Error ? error.message : String(error)}).`, span: { start: at, end: text.length } });
  }
  return { format: format.id, messages, problems };
}

/**
 * Index of the message whose start line begins at `offset`, or -1: findings and lenses name a
 * message by its start line. A binary search, messages being in document order.
 */
export function messageStartingAt(messages: readonly SipMessage[], offset: number): number {
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = messages[mid]?.span.start ?? 0;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
