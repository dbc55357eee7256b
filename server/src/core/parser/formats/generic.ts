/**
 * The fallback reader for any log: wherever a SIP start line is followed by header lines, there is a
 * message. Three layouts are recognised:
 * - escaped: the whole message on one physical line, broken by "#015#012" or "\r\n" sequences (syslog);
 * - prefixed: every line of the message carries the same prefix (a timestamp, a logger name), which
 *   is learnt from the start line and stripped; digits may differ from line to line;
 * - bare: only the start line (or the line before it) carries log text, and the message follows
 *   raw; it ends at its blank line plus Content-Length bytes of body, or where the next log record starts.
 */
import { GrowingLineTable, indexWithin, isBlank, scanLines, utf8Length, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { startLineKind } from '../startLine';
import { decoratedEnd, escapedBreakIn, pushEscapedLines, showsCr, skipAnsiStart } from './decoration';
import { factsFromText } from './facts';
import { contextFromFacts } from './blocks';
import type { TraceFormat } from './types';

/** Token characters a header name is made of (RFC 3261 §25), as a lookup by char code. */
const TOKEN = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!%*_+`'~.-") TOKEN[c.charCodeAt(0)] = 1;

/** Where the colon of "Name :" is when text[start, end) starts a header line, else -1; no allocation. */
function headerColon(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && TOKEN[text.charCodeAt(i)] === 1) i++;
  if (i === start) return -1;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i < end && text.charCodeAt(i) === 58 ? i : -1;
}
const CONTENT_LENGTH = /^(?:content-length|l)[ \t]*:[ \t]*(\d+)/i;

/** Characters that may follow "SIP/2.0" at the end of a request line inside a log line. */
function endsStartLine(code: number): boolean {
  return Number.isNaN(code) || code === 35 /* # */ || code === 92 /* \ */ || code === 27 || code === 32 || code === 9 || code === 94 /* ^ */ || code === 46 /* . */ || code === 13 || code === 34 /* " */;
}

const STATUS_HEAD = /^SIP\/2\.0 [1-9]\d\d(?:[ \t#\\\r^.]|$)/;

/**
 * Where a strict start line begins inside text[start, end), or -1. Every candidate is checked on a
 * small window first, and the line's own end is found once, so a line full of "SIP/2.0" stays linear.
 */
export function findStartLine(text: string, start: number, end: number): number {
  let lineEnd = -1;
  let at = indexWithin(text, 'SIP/2.0', start, end);
  while (at !== -1) {
    const after = text.charCodeAt(at + 7);
    if (after === 32) {
      if (STATUS_HEAD.test(text.slice(at, Math.min(end, at + 13)))) {
        if (lineEnd === -1) lineEnd = lineEndAfter(text, start, end);
        if (startLineKind(text, at, Math.max(at + 12, Math.min(lineEnd, at + 1024)), 'strict')) return at;
      }
    }
    if (at + 7 >= end || endsStartLine(after)) {
      const requestStart = requestStartBefore(text, start, at);
      if (requestStart !== -1 && startLineKind(text, requestStart, at + 7, 'strict')) return requestStart;
    }
    at = indexWithin(text, 'SIP/2.0', at + 7, end);
  }
  return -1;
}

/** The end of the text a start line on this line can reach: the first escaped break, or the trimmed line end. */
function lineEndAfter(text: string, from: number, end: number): number {
  const escape = escapedBreakIn(text, from, end);
  if (!escape) return decoratedEnd(text, from, end);
  const at = indexWithin(text, escape, from, end);
  return at === -1 ? end : at;
}

/** Walks back from "SIP/2.0" over "URI " and "METHOD " to where the request line starts, or -1. */
function requestStartBefore(text: string, lineStart: number, versionAt: number): number {
  let i = versionAt - 1;
  if (i <= lineStart || text.charCodeAt(i) !== 32) return -1;
  const uriEnd = i;
  while (i > lineStart && text.charCodeAt(i - 1) !== 32) i--;
  if (i === uriEnd || i <= lineStart) return -1;
  const methodEnd = i - 1;
  i = methodEnd;
  while (i > lineStart && TOKEN[text.charCodeAt(i - 1)] === 1) i--;
  // An escaped line break right before the method ("#015#012INVITE", "\r\nINVITE") looks like
  // token characters; the method starts after it.
  if (text.charCodeAt(i - 1) === 35 /* # */ && /^0(?:12|15)/.test(text.slice(i, i + 3))) i += 3;
  else if (text.charCodeAt(i - 1) === 92 /* \ */ && /^[nr]/.test(text[i] ?? '')) i += 1;
  return i < methodEnd ? i : -1;
}

/** A pattern for "the same prefix", letting digit runs vary (timestamps, PIDs, counters). */
function prefixPattern(prefix: string): RegExp {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '\\d+');
  return new RegExp(`^${escaped}`);
}

interface Reader {
  readonly text: string;
  readonly physical: MutableLineTable;
  /** Every message's lines, one table for the whole text, written as typed arrays from the start. */
  readonly logical: GrowingLineTable;
}

function lineText(r: Reader, i: number): string {
  return r.text.slice(r.physical.starts[i] ?? 0, r.physical.ends[i] ?? 0);
}

/** Appends physical line i (content from `from`) as a logical line, seeing through "^M" and ANSI codes. */
function pushPhysical(r: Reader, i: number, from: number): void {
  const end = r.physical.ends[i] ?? from;
  const breakBytes = r.physical.breakBytes[i] ?? 0;
  const sawCr = breakBytes === 1 && showsCr(r.text, from, end);
  r.logical.push(from, decoratedEnd(r.text, from, end), r.physical.breaks[i] ?? end, sawCr ? 2 : breakBytes);
}

/** Reads one message whose start line is at `column` of physical line i; returns the next physical line. */
function readMessage(r: Reader, i: number, column: number, frames: Frame[]): number {
  const { text, physical } = r;
  const lineStart = physical.starts[i] ?? 0;
  const lineEnd = physical.ends[i] ?? 0;
  const prefix = text.slice(lineStart, column);
  const from = r.logical.count;
  let next = i + 1;

  const escape = escapedBreakIn(text, column, lineEnd);
  if (escape) {
    pushEscapedLines(text, column, decoratedEnd(text, column, lineEnd), escape, r.logical, physical.breaks[i] ?? lineEnd, physical.breakBytes[i] ?? 0);
  } else {
    pushPhysical(r, i, column);
    const samePrefix = prefix !== '' ? prefixPattern(prefix) : null;
    const prefixed = samePrefix !== null && next < physical.starts.length && samePrefix.test(lineText(r, next));
    next = readRest(r, next, prefixed ? samePrefix : null, samePrefix);
  }
  if (r.logical.count - from < 2) {
    r.logical.truncate(from);
    return i + 1;
  }
  // The context is in the prefix, or, for a bare message, in the log line just before it.
  const announcement = prefix.trim() !== '' ? prefix : i > 0 ? lineText(r, i - 1) : '';
  const frameSpan =
    prefix.trim() !== '' ? { start: lineStart, end: column } : i > 0 ? { start: physical.starts[i - 1] ?? 0, end: physical.ends[i - 1] ?? 0 } : null;
  frames.push({ lines: r.logical.table, from, to: r.logical.count, context: contextFromFacts('generic', factsFromText(announcement), frameSpan) });
  return next;
}

/**
 * The lines after the start line: headers (or folded continuations), the blank line, then
 * Content-Length bytes of body. With `prefix`, every line must carry it and only what follows it is
 * content; `recordStart` recognises the next log record, which ends a body early.
 */
function readRest(r: Reader, first: number, prefix: RegExp | null, recordStart: RegExp | null): number {
  const { text, physical } = r;
  const count = physical.starts.length;
  const contentStart = (i: number): number => {
    const start = physical.starts[i] ?? 0;
    if (!prefix) return skipAnsiStart(text, start, physical.ends[i] ?? start);
    const match = prefix.exec(lineText(r, i));
    return match ? start + match[0].length : -1;
  };
  let i = first;
  let contentLength = 0;
  for (; i < count; i++) {
    const content = contentStart(i);
    if (content === -1) return i;
    const end = physical.ends[i] ?? 0;
    if (isBlank(text, content, decoratedEnd(text, content, end))) {
      pushPhysical(r, i, content);
      i++;
      break;
    }
    const first = text.charCodeAt(content);
    const folded = first === 32 || first === 9;
    const colon = folded ? -1 : headerColon(text, content, end);
    if (!folded && colon === -1) return i;
    // Only a line named Content-Length (14 characters before its colon) or its compact "l" is sliced and read for its value.
    if (colon !== -1 && (first === 76 || first === 108 || ((first === 67 || first === 99) && colon - content >= 14))) {
      const cl = CONTENT_LENGTH.exec(text.slice(content, Math.min(end, content + 64)));
      if (cl) contentLength = Number(cl[1]);
    }
    pushPhysical(r, i, content);
  }
  // Body: count each line as if it ended in CRLF, since logs often drop the CR; stop early at a new record.
  let taken = 0;
  // The next "SIP/2.0" at or after the line being read (text.length when there is none): a body line
  // without one cannot start a message, and one native search serves every line up to it.
  let version = -1;
  for (; i < count && taken < contentLength; i++) {
    const content = contentStart(i);
    if (content === -1) break;
    const end = physical.ends[i] ?? 0;
    if (!prefix && recordStart?.test(lineText(r, i))) break;
    if (version < content) {
      version = text.indexOf('SIP/2.0', content);
      if (version === -1) version = text.length;
    }
    if (version < end && findStartLine(text, content, end) === content) break;
    pushPhysical(r, i, content);
    taken += utf8Length(text, content, end) + 2;
  }
  return i;
}

function frames(text: string): Frame[] {
  const physical = scanLines(text);
  // Logical lines are the physical ones less log prefixes, so their count rarely exceeds these.
  const r: Reader = { text, physical, logical: new GrowingLineTable(physical.starts.length) };
  const result: Frame[] = [];
  const count = r.physical.starts.length;
  // Only lines holding "SIP/2.0" can hold a start line: jump from one occurrence to the next.
  let next = text.indexOf('SIP/2.0');
  for (let i = 0; i < count && next !== -1; ) {
    const end = r.physical.ends[i] ?? 0;
    if (end < next + 7) {
      i++;
      continue;
    }
    const column = findStartLine(text, r.physical.starts[i] ?? 0, end);
    i = column === -1 ? i + 1 : readMessage(r, i, column, result);
    next = i < count ? text.indexOf('SIP/2.0', r.physical.starts[i] ?? text.length) : -1;
  }
  r.logical.finish();
  return result;
}

export const GENERIC_FORMAT: TraceFormat = {
  id: 'generic',
  label: 'Any other log',
  detection: 'fallback: a start line followed by header lines anywhere; a repeated line prefix is learnt and stripped',
  detect: (sample) => (frames(sample).length > 0 ? 1 : 0),
  frames,
};
