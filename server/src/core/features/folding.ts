/**
 * Folding: each message folds to its start line, its header block to the first header, its body to
 * the first body line. Ranges are offsets (the LSP layer turns them into lines); a range that stays
 * on one line of the document (a whole message escaped onto one syslog line) folds nothing and is left out.
 */
import type { LineTable, SipDocument } from '../parser/model';

export interface FoldEntry {
  /** An offset on the first line of the range. */
  readonly start: number;
  /** The end of the range's last non-blank line. */
  readonly end: number;
  readonly kind: 'message' | 'headers' | 'body';
}

/** What a capped request gets: the first ranges in document order, and whether any were left out. */
export interface CappedFolds {
  readonly folds: FoldEntry[];
  readonly capped: boolean;
}

/**
 * The document's ranges in document order, at most `limit` of them. Work stops at the limit, so a
 * capped answer for a huge trace costs what its ranges cost, not what the trace does.
 */
export function foldingRanges(text: string, document: SipDocument, limit = Number.POSITIVE_INFINITY): FoldEntry[] {
  const folds: FoldEntry[] = [];
  for (const message of document.messages) {
    if (folds.length >= limit) break;
    add(folds, text, message.startLine.start, lastContent(message.lines, message.firstLine, message.lastLine, message.span.end), 'message');
    const first = message.headers[0];
    const last = message.headers[message.headers.length - 1];
    // A log that wraps its lines (ngrep) can print the first header on the start line's own line: that
    // fold would start where the message's does, and the editor keeps only one of the two.
    if (first && last && hasBreak(text, message.startLine.start, first.span.start)) add(folds, text, first.span.start, last.span.end, 'headers');
    const body = message.body;
    if (body) add(folds, text, body.start, lastContent(message.lines, body.firstLine, body.lastLine, body.end), 'body');
  }
  // A message adds up to three ranges, so the last one read may overshoot the limit.
  if (folds.length > limit) folds.length = Math.max(0, limit);
  return folds;
}

/** The first `limit` ranges, and whether there were more (one range past the limit is computed to know). */
export function cappedFoldingRanges(text: string, document: SipDocument, limit: number): CappedFolds {
  const folds = foldingRanges(text, document, limit + 1);
  const capped = folds.length > limit;
  if (capped) folds.length = limit;
  return { folds, capped };
}

function add(folds: FoldEntry[], text: string, start: number, end: number, kind: FoldEntry['kind']): void {
  if (end > start && hasBreak(text, start, end)) folds.push({ start, end, kind });
}

/**
 * The end of the last line in [first, last) that holds text: the blank line closing a header block
 * and the line breaks ending a body belong to the message, but a fold that ends on them hides a
 * line the reader expects to see as the gap before the next message.
 */
function lastContent(lines: LineTable, first: number, last: number, fallback: number): number {
  for (let i = last - 1; i >= first; i--) {
    const start = lines.starts[i];
    const end = lines.ends[i];
    if (start !== undefined && end !== undefined && end > start) return end;
  }
  return fallback;
}

/** Whether text[start, end) crosses a line break; stops at the first one, so it usually reads one line. */
function hasBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

