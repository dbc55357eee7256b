/**
 * liblinphone / belle-sip debug logs (`linphonec -d 6 -l file`, the desktop and Android apps' log
 * files). Every record starts with a date and a time that has a colon before the milliseconds
 * ("2026-11-21 20:56:15:346"), then the domain and level, either glued to the text
 * ("belle-sip-message-channel ...") or bracketed ("[app/belle-sip] MESSAGE channel ...").
 *
 * belle-sip's channel announces every network write and read in one record, and the raw bytes
 * follow on the next lines with no prefix, then the empty line the logger adds:
 *   ... channel [0x...]: message sent to [UDP://127.0.0.1:5276], size: [1067] bytes
 *   ... channel [0x...]: received [209] new bytes from [UDP://127.0.0.1:5276]:
 * A read is whatever the socket returned: over TCP/TLS it may hold two messages (message.ts splits
 * them by Content-Length, both with this record's timestamp) or only the body of a message whose
 * headers came in the previous read (no start line, hence no message).
 *
 * The bytes end at the next record, or once the announced byte count is used up, whichever comes
 * first: a line that only looks like a record inside the announced bytes is still data. belle-sip
 * logs at most 7000 bytes of a buffer, and stops at the first byte it thinks is not printable
 * ("... (first N bytes shown)"); both become a `log-truncated` problem.
 */
import { emptyLineTable, pushLine, utf8Length, type MutableLineTable } from '../lines';
import type { Direction, ParseProblem } from '../model';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport } from './blocks';
import { findTimestamp } from './facts';
import type { TraceFormat } from './types';

/** What belle-sip's make_logbuf() shows of a buffer at most. */
const LOG_LIMIT = 7000;

/** The framing records, in the order announcementIndex() names them. */
const ANNOUNCEMENTS: readonly { pattern: RegExp; direction: Direction | null; partial?: boolean }[] = [
  { pattern: /message sent to \[(\w+):\/\/(.*):(\d+)\], size: \[(\d+)\] bytes/, direction: 'sent' },
  { pattern: /received \[(\d+)\] new bytes from \[(\w+):\/\/(.*):(\d+)\]/, direction: 'received' },
  { pattern: /message silently discarded to \[(\w+):\/\/(.*):(\d+)\], size: \[(\d+)\] bytes/, direction: null },
  { pattern: /message partly sent to \[(\w+):\/\/(.*):(\d+)\], sent: \[(\d+)\/\d+\] bytes/, direction: 'sent', partial: true },
];

const RECORD_TIME = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[:.,]\d+)?/;
const LOG_SHAPE =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3} (?:\[[^\]\n]*\/(?:liblinphone|belle-sip|ortp|mediastreamer|bctbx)\] |(?:liblinphone|belle-sip|ortp|mediastreamer|bctbx)-(?:message|warning|error|debug|fatal|trace)-)/m;
const CUT_MARK = /\.\.\. \((?:first \d+ bytes shown|binary data)\)$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Does a log record start at `start`? Cheap character checks first, the pattern only on a short window. */
function isRecordStart(text: string, start: number, end: number): boolean {
  if (end - start < 19 || !isDigit(text.charCodeAt(start)) || text.charCodeAt(start + 4) !== 45 /* - */) return false;
  return RECORD_TIME.test(text.slice(start, Math.min(end, start + 32)));
}

interface Announcement {
  direction: Direction | null;
  transport: string | null;
  peer: string | null;
  bytes: number;
  partial: boolean;
}

function readAnnouncement(line: string, index: number): Announcement | null {
  const spec = ANNOUNCEMENTS[index];
  const m = spec ? spec.pattern.exec(line) : null;
  if (!spec || !m) return null;
  // The received record names the byte count first; the others name the peer first.
  const [transport, host, port, bytes] = spec.direction === 'received' ? [m[2], m[3], m[4], m[1]] : [m[1], m[2], m[3], m[4]];
  return { direction: spec.direction, transport: normalizeTransport(transport), peer: normalizeAddress(host, port), bytes: Number(bytes), partial: spec.partial === true };
}

/** The lines after the framing record that hold the logged bytes; returns where reading may resume. */
function readBytes(text: string, from: number, announced: number, table: MutableLineTable, problems: ParseProblem[]): number {
  const budget = Math.min(announced, LOG_LIMIT);
  let used = 0;
  let start = from;
  while (start < text.length && used < budget) {
    let lf = text.indexOf('\n', start);
    if (lf === -1) lf = text.length;
    const crlf = lf > start && text.charCodeAt(lf - 1) === 13;
    let end = crlf ? lf - 1 : lf;
    let breakBytes = lf === text.length ? 0 : crlf ? 2 : 1;
    const bytes = utf8Length(text, start, end) + breakBytes;
    if (isRecordStart(text, start, end) && used + bytes > budget) break;
    let cut = false;
    if (end > start && text.charCodeAt(end - 1) === 41 /* ) */) {
      const mark = CUT_MARK.exec(text.slice(Math.max(start, end - 48), end));
      if (mark) {
        end -= mark[0].length;
        cut = true;
        problems.push({ code: 'log-truncated', message: 'belle-sip stopped logging this buffer at a byte it took for binary data; the rest of the message is not in the log.', span: { start: end, end: end + mark[0].length } });
      }
    }
    used += bytes;
    // The line break the logger added after a message that did not end in CRLF was not on the wire.
    if (used > budget) breakBytes = Math.max(0, breakBytes - (used - budget));
    pushLine(table, start, end, lf === text.length ? lf : lf + 1, breakBytes);
    start = lf + 1;
    if (cut) break;
  }
  return start;
}

/** Where the framing records are: one native regex pass finds them all. */
const ANY_ANNOUNCEMENT = /(?:message (?:sent|silently discarded|partly sent) to|new bytes from) \[/g;

function announcementIndex(found: string): number {
  if (found.startsWith('new')) return 1;
  if (found.startsWith('message sent')) return 0;
  return found.startsWith('message silently') ? 2 : 3;
}

function frames(text: string): Frame[] {
  const result: Frame[] = [];
  const table = emptyLineTable();
  let pos = 0;
  while (pos < text.length) {
    ANY_ANNOUNCEMENT.lastIndex = pos;
    const hit = ANY_ANNOUNCEMENT.exec(text);
    if (!hit) break;
    const at = hit.index;
    const index = announcementIndex(hit[0]);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const announcement = readAnnouncement(line, index);
    pos = lineEnd + 1;
    if (!announcement) continue;
    const problems: ParseProblem[] = [];
    if (announcement.partial) {
      problems.push({ code: 'log-truncated', message: 'belle-sip sent only part of this message here; the rest goes out (and is logged) in a later write.', span: { start: lineStart, end: contentEnd } });
    } else if (announcement.bytes > LOG_LIMIT) {
      problems.push({ code: 'log-truncated', message: `belle-sip logs at most ${LOG_LIMIT} bytes of a buffer; this one had ${announcement.bytes}.`, span: { start: lineStart, end: contentEnd } });
    }
    const from = table.starts.length;
    pos = readBytes(text, pos, announcement.bytes, table, problems);
    if (table.starts.length === from) continue;
    const received = announcement.direction === 'received';
    result.push({
      lines: table,
      from,
      to: table.starts.length,
      context: {
        format: 'linphone',
        timestamp: RECORD_TIME.exec(line)?.[0] ?? findTimestamp(line),
        direction: announcement.direction,
        transport: announcement.transport,
        src: received ? announcement.peer : null,
        dst: received ? null : announcement.peer,
        frameSpan: { start: lineStart, end: contentEnd },
        bodyVerbatim: true,
      },
      ...(problems.length > 0 ? { problems } : {}),
    });
  }
  return result;
}

function detect(sample: string): number {
  ANY_ANNOUNCEMENT.lastIndex = 0;
  for (let hit = ANY_ANNOUNCEMENT.exec(sample); hit !== null; hit = ANY_ANNOUNCEMENT.exec(sample)) {
    const start = sample.lastIndexOf('\n', hit.index) + 1;
    const end = sample.indexOf('\n', hit.index);
    const line = sample.slice(start, end === -1 ? sample.length : end);
    if (readAnnouncement(line, announcementIndex(hit[0])) && isRecordStart(line, 0, line.length)) return 100;
  }
  // A long log whose first SIP comes late: the record shape alone still gives it away.
  return LOG_SHAPE.test(sample) ? 60 : 0;
}

export const LINPHONE_FORMAT: TraceFormat = {
  id: 'linphone',
  label: 'Linphone (liblinphone / belle-sip log)',
  detection: 'belle-sip "message sent to [UDP://…], size: [N] bytes" / "received [N] new bytes from […]:" records, or records like "2026-11-21 20:56:15:346 belle-sip-message-…"',
  detect,
  frames,
};
