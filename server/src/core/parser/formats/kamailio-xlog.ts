/**
 * Kamailio's own log, where the routing script prints messages with xlog and `$mb` (the received
 * buffer), e.g. `xlog("L_INFO", "RCV $rm $ru from $si:$sp to $Ri:$Rp ($pr) [$ci]\n$mb\n")`. Three
 * shapes of the same records:
 * - stderr (`-E`): every record starts with ` <rank>(<pid>) <LEVEL>: `; the message follows on the
 *   next lines with its CRLFs, and the record runs until the next record starts;
 * - colour stderr (`-E -e`): the same, wrapped in ANSI codes whose reset lands at the start of the
 *   next record's line (and alone on the file's last line);
 * - syslog files (RFC 3339 or traditional stamps, `host kamailio[pid]: LEVEL: ...`), where rsyslog
 *   escaped the control characters: a record is one physical line, `#012` for the script's `\n` and
 *   `#015#012` for each CRLF of the message.
 * A record is found by its prefix alone; its message is wherever a start line follows the summary
 * (after an escaped break, on the record line, or on a later line of the record). The start line is
 * looked for right after each escaped break, because "#012INVITE" would read as method "012INVITE".
 * Timestamp comes from the syslog prefix; direction, addresses and transport from the script's own
 * summary text (`from X to Y (udp)`), read with facts.ts, so they are null when the cfg prints none.
 */
import { emptyLineTable, pushLine, scanLines, type MutableLineTable } from '../lines';
import type { LogContext, Span } from '../model';
import type { Frame } from '../message';
import { parseStartLine } from '../startLine';
import { normalizeTransport } from './blocks';
import { escapedBreakIn, pushEscapedLines, skipAnsiStart, trimDecoratedEnd } from './decoration';
import { findDirection, findEndpoints, findTimestamp } from './facts';
import { findStartLine } from './generic';
import type { TraceFormat } from './types';

interface RecordStart {
  readonly timestamp: string | null;
  /** Where the record's own text starts (its level word), after kamailio's or syslog's prefix. */
  readonly content: number;
  /** Whether the prefix is kamailio's (stderr shape, or a syslog tag/text that names it). */
  readonly kamailio: boolean;
}

const SYSLOG_TAIL = String.raw` \S+ ([^\s[:]+)(?:\[\d+\])?: `;
const RFC3339_RECORD = new RegExp(String.raw`^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d))` + SYSLOG_TAIL);
const TRADITIONAL_RECORD = new RegExp(String.raw`^((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d)` + SYSLOG_TAIL);
/** Kamailio's record text under another syslog tag: `INFO: <core> [...]` or `ERROR: tm [t_lookup.c:123]: ...`. */
const KAMAILIO_TEXT = /^[A-Z]{3,8}: (?:<core>|<script>|[\w-]+ \[[^\]\s]+:\d+\]:)/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Start of the level word in a stderr record ` 1(18592) INFO: ...` (after any ANSI codes), or -1. */
function stderrContent(text: string, start: number, end: number): number {
  let i = skipAnsiStart(text, start, end);
  while (i < end && text.charCodeAt(i) === 32) i++;
  const rank = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === rank || text.charCodeAt(i) !== 40 /* ( */) return -1;
  const pid = ++i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === pid || text.charCodeAt(i) !== 41 /* ) */ || text.charCodeAt(i + 1) !== 32) return -1;
  const level = (i += 2);
  while (i < end && text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90) i++;
  return i - level >= 3 && text.charCodeAt(i) === 58 /* : */ ? level : -1;
}

function syslogRecord(text: string, start: number, end: number, pattern: RegExp): RecordStart | null {
  const match = pattern.exec(text.slice(start, Math.min(end, start + 200)));
  if (!match) return null;
  const content = start + match[0].length;
  const kamailio = /kamailio/i.test(match[2] ?? '') || KAMAILIO_TEXT.test(text.slice(content, Math.min(end, content + 80)));
  return { timestamp: match[1] ?? null, content, kamailio };
}

/** The record that starts on this line, if it does. Cheap character checks come before any regex. */
function recordAt(text: string, start: number, end: number): RecordStart | null {
  const c = text.charCodeAt(start);
  if (c === 27 || c === 32 || isDigit(c)) {
    const content = stderrContent(text, start, end);
    if (content !== -1) return { timestamp: null, content, kamailio: true };
  }
  if (isDigit(c) && text.charCodeAt(start + 4) === 45 /* - */) return syslogRecord(text, start, end, RFC3339_RECORD);
  if (c >= 65 && c <= 90 && text.charCodeAt(start + 3) === 32 && text.charCodeAt(start + 6) === 32) return syslogRecord(text, start, end, TRADITIONAL_RECORD);
  return null;
}

/**
 * Where a start line begins in a line whose breaks are escaped, or -1: in the text before the first
 * escaped break ("summary: INVITE sip:a SIP/2.0#015#012..."), or right after an escaped line feed.
 */
function escapedStartLine(text: string, from: number, end: number): number {
  const line = text.slice(from, end);
  const hash = line.includes('#012');
  const lf = hash ? '#012' : '\\n';
  const cr = hash ? '#015' : '\\r';
  // Cursors on the next escaped CR and LF; each only moves forward, so the line is scanned once.
  let nextCr = line.indexOf(cr);
  let nextLf = line.indexOf(lf);
  const pieceEnd = (p: number): number => {
    if (nextCr !== -1 && nextCr < p) nextCr = line.indexOf(cr, p);
    if (nextLf !== -1 && nextLf < p) nextLf = line.indexOf(lf, p);
    if (nextCr === -1) return nextLf === -1 ? line.length : nextLf;
    return nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
  };
  const inFirst = findStartLine(text, from, from + pieceEnd(0));
  if (inFirst !== -1) return inFirst;
  let at = line.indexOf(lf);
  while (at !== -1) {
    const piece = at + lf.length;
    const stop = pieceEnd(piece);
    if (parseStartLine(text, from + piece, from + stop, 'strict')) return from + piece;
    at = nextLf; // pieceEnd moved it to the first escaped LF at or after the piece
  }
  return -1;
}

function contextOf(record: RecordStart, said: string, frameSpan: Span): LogContext {
  const endpoints = findEndpoints(said);
  return {
    format: 'kamailio-xlog',
    // kamailio's stderr has no stamp of its own; a cfg may print one in its summary
    timestamp: record.timestamp ?? findTimestamp(said),
    direction: findDirection(said) ?? null,
    transport: normalizeTransport(endpoints.transport),
    src: endpoints.src ?? null,
    dst: endpoints.dst ?? null,
    frameSpan,
    bodyVerbatim: true,
  };
}

interface Scan {
  readonly frames: Frame[];
  /** Records whose prefix is kamailio's, and how many of them held a message. */
  readonly kamailioRecords: number;
  readonly kamailioFrames: number;
}

function scan(text: string): Scan {
  const physical = scanLines(text);
  const logical: MutableLineTable = emptyLineTable();
  const frames: Frame[] = [];
  const count = physical.starts.length;
  let kamailioRecords = 0;
  let kamailioFrames = 0;
  let record: RecordStart | null = null;
  let recordSpan: Span = { start: 0, end: 0 };
  let found = false;
  let open: { from: number; context: LogContext } | null = null;

  const pushPhysical = (i: number, from: number): void => {
    const end = physical.ends[i] ?? from;
    const trimmed = trimDecoratedEnd(text, from, end);
    const breakBytes = physical.breakBytes[i] ?? 0;
    pushLine(logical, from, trimmed.end, physical.breaks[i] ?? end, trimmed.sawCr && breakBytes === 1 ? 2 : breakBytes);
  };
  const begin = (context: LogContext): void => {
    open = { from: logical.starts.length, context };
    found = true;
    if (record?.kamailio) kamailioFrames++;
  };
  const close = (): void => {
    if (open && logical.starts.length > open.from) frames.push({ lines: logical, from: open.from, to: logical.starts.length, context: open.context });
    open = null;
  };

  // Only a line holding "SIP/2.0" can hold a start line: this cursor is the next occurrence.
  let sip = text.indexOf('SIP/2.0');
  for (let i = 0; i < count; i++) {
    const start = physical.starts[i] ?? 0;
    const end = physical.ends[i] ?? start;
    if (sip !== -1 && sip < start) sip = text.indexOf('SIP/2.0', start);
    const hasSip = sip !== -1 && sip < end;
    const starting = recordAt(text, start, end);
    if (starting) {
      close();
      record = starting;
      recordSpan = { start, end };
      found = false;
      if (starting.kamailio) kamailioRecords++;
      if (!hasSip) continue;
      const escape = escapedBreakIn(text, starting.content, end);
      const column = escape ? escapedStartLine(text, starting.content, end) : findStartLine(text, starting.content, end);
      if (column === -1) continue;
      begin(contextOf(starting, text.slice(starting.content, column), { start, end: column }));
      const inner = escape ? escapedBreakIn(text, column, end) : null;
      if (inner) {
        // The whole message is on this line: the record, and the frame, end with it.
        pushEscapedLines(text, column, trimDecoratedEnd(text, column, end).end, inner, logical, physical.breaks[i] ?? end, physical.breakBytes[i] ?? 0);
        close();
      } else {
        pushPhysical(i, column);
      }
      continue;
    }
    if (!record) continue;
    if (open) {
      pushPhysical(i, skipAnsiStart(text, start, end));
      continue;
    }
    if (found || !hasSip) continue;
    const content = skipAnsiStart(text, start, end);
    if (parseStartLine(text, content, trimDecoratedEnd(text, content, end).end, 'strict')) {
      begin(contextOf(record, text.slice(record.content, recordSpan.end), recordSpan));
      pushPhysical(i, content);
    }
  }
  close();
  return { frames, kamailioRecords, kamailioFrames };
}

export const KAMAILIO_XLOG_FORMAT: TraceFormat = {
  id: 'kamailio-xlog',
  label: 'Kamailio log with xlog $mb',
  detection: 'kamailio records (" 1(1234) INFO: <script>: " on stderr, "kamailio[1234]: INFO:" in syslog) with a SIP message after the summary',
  detect: (sample) => {
    const result = scan(sample);
    if (result.kamailioRecords === 0) return 0;
    return result.kamailioFrames > 0 ? 100 : 30;
  },
  frames: (text) => scan(text).frames,
};
