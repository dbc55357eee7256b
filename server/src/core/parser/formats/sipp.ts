/**
 * SIPp's trace files. Two kinds share the format id:
 * - the messages log (`-trace_msg`): each message is announced by a separator of 47 dashes, usually
 *   followed by a space and a timestamp (`2026-11-21 20:53:18.964541`, or the tab/epoch form), then a
 *   line such as `UDP message sent (510 bytes):` or `TCP message received [309] bytes :`, an empty
 *   line, and the message exactly as it went over the wire (CRLF kept), plus one LF. When a message
 *   does not fit the scenario SIPp prints it again under a bare separator and
 *   `Unexpected UDP message received:`. The separator alone is not enough (Cisco's `show voip trace`
 *   draws the same rule), so a block only starts where the announcement line follows it. The
 *   document's own lines are the message lines: nothing decorates them.
 * - the errors log (`-trace_err`): `The following events occurred:`, then entries that each start
 *   with `YYYY-MM-DD<TAB>HH:MM:SS.us<TAB>epoch.us: `. SIPp writes them without a newline of their
 *   own, and quotes the message an entry complains about (`... received 'SIP/2.0 486 ...\r\n\r\n'`),
 *   so a message starts in the middle of a line and its closing quote runs straight into the next
 *   entry's timestamp. Entries are found by their stamps, not by lines; each one's message runs
 *   from its start line to the entry's end, less the closing quote.
 * SIPp never writes addresses: src/dst stay null.
 */
import { emptyLineTable, scanLines, type MutableLineTable } from '../lines';
import type { Direction, LogContext } from '../model';
import type { Frame } from '../message';
import { parseStartLine } from '../startLine';
import { normalizeTransport } from './blocks';
import { findDirection } from './facts';
import { findStartLine } from './generic';
import type { TraceFormat } from './types';

const SEPARATOR = '-'.repeat(47);
/** `UDP message sent (510 bytes):`, `TCP control message received [309] bytes :`, `Unexpected UDP message received:`. */
const ANNOUNCEMENT = /^(Unexpected )?(UDP|TCP|TLS|SCTP|WSS?) (?:control )?message (sent|received)\b/;
/** The same pair in a sample, for detection. */
const MESSAGES_LOG = /^-{47}(?:[ \t][^\n]*)?\r?\n(?:Unexpected )?(?:UDP|TCP|TLS|SCTP|WSS?) (?:control )?message (?:sent|received)\b/m;
/** An errors-log entry's timestamp and its `: `; old releases wrote milliseconds after a colon. */
const ENTRY_STAMP = /\d{4}-\d\d-\d\d\t\d\d:\d\d:\d\d[.:]\d+\t\d+\.\d+(?=: )/;
/** The same, tried at one place: ten characters before a tab. */
const ENTRY_STAMP_AT = new RegExp(ENTRY_STAMP.source, 'y');
const ERRORS_HEAD = 'The following events occurred:';

function context(timestamp: string | null, direction: Direction | null, transport: string | null, frameSpan: LogContext['frameSpan']): LogContext {
  return { format: 'sipp', timestamp, direction, transport: normalizeTransport(transport), src: null, dst: null, frameSpan, bodyVerbatim: true };
}

/** The announcement on line i, when line i - 1 is a separator: what it says about the block. */
function announcementAt(text: string, lines: MutableLineTable, i: number): RegExpExecArray | null {
  const start = lines.starts[i] ?? 0;
  const c = text.charCodeAt(start);
  // U(DP/nexpected), T(CP/LS), S(CTP), W(S/SS)
  if (c !== 85 && c !== 84 && c !== 83 && c !== 87) return null;
  return ANNOUNCEMENT.exec(text.slice(start, Math.min(lines.ends[i] ?? start, start + 80)));
}

function messagesLogFrames(text: string): Frame[] {
  const lines = scanLines(text);
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let open: { from: number; context: LogContext } | null = null;
  // Separators are found by a native search, not by visiting each of a trace's millions of lines:
  // `i` follows along to the line each one is on.
  let i = 0;
  for (let at = text.indexOf(SEPARATOR); at !== -1 && i + 1 < count; ) {
    while (i < count && (lines.starts[i] ?? 0) < at) i++;
    const start = lines.starts[i] ?? 0;
    // Dashes inside a line: go on from the next line's start.
    if (i + 1 >= count || start !== at) {
      at = i < count ? text.indexOf(SEPARATOR, start) : -1;
      continue;
    }
    const end = lines.ends[i] ?? start;
    const after = text.charCodeAt(start + 47);
    const announced = end > start + 47 && after !== 32 && after !== 9 ? null : announcementAt(text, lines, i + 1);
    if (announced) {
      if (open && i > open.from) frames.push({ lines, from: open.from, to: i, context: open.context });
      const stamp = text.slice(start + 47, end).trim();
      const direction: Direction = announced[3] === 'sent' ? 'sent' : 'received';
      open = { from: i + 2, context: context(stamp === '' ? null : stamp, direction, announced[2] ?? null, { start, end: lines.ends[i + 1] ?? end }) };
      i++;
    }
    i++;
    at = i < count ? text.indexOf(SEPARATOR, lines.starts[i] ?? 0) : -1;
  }
  if (open && count > open.from) frames.push({ lines, from: open.from, to: count, context: open.context });
  return frames;
}

/** Where the message quoted in an entry starts: on the entry's first line after the stamp, or at the start of a later line. */
function messageStartIn(text: string, lines: MutableLineTable, from: number, to: number, line: number): number {
  const count = lines.starts.length;
  const firstEnd = Math.min(lines.ends[line] ?? to, to);
  const inFirst = findStartLine(text, from, firstEnd);
  // A quote is a token character, so "received 'INVITE sip:..." reads as method "'INVITE": skip SIPp's quote.
  if (inFirst !== -1) return text.charCodeAt(inFirst) === 39 && parseStartLine(text, inFirst + 1, firstEnd, 'strict') ? inFirst + 1 : inFirst;
  for (let i = line + 1; i < count && (lines.starts[i] ?? to) < to; i++) {
    const start = lines.starts[i] ?? 0;
    if (parseStartLine(text, start, Math.min(lines.ends[i] ?? to, to), 'strict')) return start;
  }
  return -1;
}

/** The end of an entry's message: the entry's end, less the quote that closes it (after any line breaks). */
function quotedEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end > from && text.charCodeAt(end - 1) === 39 /* ' */ ? end - 1 : to;
}

interface EntryStamp {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Every entry's stamp, in order. A stamp's first tab is its eleventh character, and tabs are rare in
 * SIP text, so the regex is only tried where a tab is, instead of at every offset of the document.
 */
function entryStamps(text: string): EntryStamp[] {
  const stamps: EntryStamp[] = [];
  let tab = text.indexOf('\t', 10);
  while (tab !== -1) {
    ENTRY_STAMP_AT.lastIndex = tab - 10;
    const match = ENTRY_STAMP_AT.exec(text);
    if (match) {
      const end = tab - 10 + match[0].length;
      stamps.push({ at: tab - 10, end, text: match[0] });
      tab = text.indexOf('\t', end + 10);
    } else {
      tab = text.indexOf('\t', tab + 1);
    }
  }
  return stamps;
}

function errorsLogFrames(text: string): Frame[] {
  const physical = scanLines(text);
  const logical = emptyLineTable();
  const frames: Frame[] = [];
  const stamps = entryStamps(text);
  let line = 0;
  for (let k = 0; k < stamps.length; k++) {
    const stamp = stamps[k];
    if (!stamp) continue;
    const entryEnd = stamps[k + 1]?.at ?? text.length;
    // The physical line holding the stamp's end; entries only move forward, so this cursor does too.
    while (line + 1 < physical.starts.length && (physical.breaks[line] ?? 0) <= stamp.end) line++;
    const bodyFrom = stamp.end + 2;
    const column = messageStartIn(text, physical, bodyFrom, entryEnd, line);
    if (column === -1) continue;
    const from = logical.starts.length;
    scanLines(text, column, quotedEnd(text, column, entryEnd), logical);
    if (logical.starts.length === from) continue;
    const said = text.slice(bodyFrom, column);
    frames.push({ lines: logical, from, to: logical.starts.length, context: context(stamp.text, findDirection(said) ?? null, null, { start: stamp.at, end: column }) });
  }
  return frames;
}

function isErrorsLog(sample: string): boolean {
  return ENTRY_STAMP.test(sample);
}

function detect(sample: string): number {
  if (MESSAGES_LOG.test(sample)) return 100;
  if (isErrorsLog(sample)) return sample.startsWith(ERRORS_HEAD) ? 100 : 90;
  return 0;
}

function frames(text: string): Frame[] {
  // Which kind of log this is, judged on the same sample detection saw.
  const sample = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  return !MESSAGES_LOG.test(sample) && isErrorsLog(sample) ? errorsLogFrames(text) : messagesLogFrames(text);
}

/** Start of the line after the one holding `from` (text.length when it is the last), by scanLines' rules. */
function nextLineStart(text: string, from: number): number {
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  if (lf === -1) lf = text.length;
  if (cr === -1) cr = text.length;
  if (lf <= cr) return Math.min(text.length, lf + 1);
  return text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
}

/**
 * messagesLogFrames' last frame, searched for from the end: a separator line at a line start, then
 * an announcement line; the frame counts only when a line follows its announcement before the next
 * frame's separator (as there, a frame without lines is dropped).
 */
function lastFrameStart(text: string): number | undefined {
  const sample = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  if (!MESSAGES_LOG.test(sample) && isErrorsLog(sample)) return undefined;
  let limit = text.length;
  for (let at = text.length; at > 0; ) {
    const found = text.lastIndexOf(SEPARATOR, at - 1);
    if (found === -1) return -1;
    at = found;
    const before = found > 0 ? text.charCodeAt(found - 1) : 10;
    const after = text.charCodeAt(found + 47);
    if ((before !== 10 && before !== 13) || (after !== 32 && after !== 9 && after !== 10 && after !== 13)) continue;
    const announcement = nextLineStart(text, found + 47);
    const c = text.charCodeAt(announcement);
    if (announcement >= text.length || (c !== 85 && c !== 84 && c !== 83 && c !== 87)) continue;
    const body = nextLineStart(text, announcement);
    const line = text.slice(announcement, Math.min(body, announcement + 80));
    if (!ANNOUNCEMENT.test(line.replace(/[\r\n]+$/, ''))) continue;
    if (body < limit) return found;
    limit = found;
  }
  return -1;
}

export const SIPP_FORMAT: TraceFormat = {
  id: 'sipp',
  label: 'SIPp message and error traces',
  detection: 'a 47-dash separator followed by "UDP message sent (N bytes):"; errors log: "YYYY-MM-DD<TAB>HH:MM:SS.us<TAB>epoch: " entries',
  detect,
  frames,
  lastFrameStart,
};
