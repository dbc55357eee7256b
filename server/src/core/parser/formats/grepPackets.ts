/**
 * What ngrep and its SIP-minded fork sipgrep share: the packet header line
 * "U 2026/11/21 20:54:45.444049 127.0.0.1:5160 -> 127.0.0.1:5170 [AP] #4" (protocol letter, optional
 * timestamp, IPv6 printed without brackets, optional TCP flags and packet number), and the "byline"
 * payload: the packet's text line by line, a CR shown as a trailing "." (so the empty line that ends
 * the headers is a lone "."), and two line feeds of the tool's own after the payload. sipgrep's
 * colour codes inside a line are cut out afterwards (sipgrep.ts), gluing the pieces.
 */
import { indexWithin, type MutableLineTable } from '../lines';
import type { FrameFacts } from './blocks';
import { skipAnsiStart, trimDecoratedEnd } from './decoration';
import { colonAddress, startAfterGarbage, transportLetter } from './sniffer';

const HEADER = /^([UTI?]) (?:(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d+|\+?\d+\.\d+) )?(\S+) -> (\S+)(?: (\[[^\]]*\]))?(?: #(\d+))?(?:[ \t]*$| (.+)$)/;

export interface GrepHeader {
  readonly facts: FrameFacts;
  /** TCP flags as printed ("[AP]"), or null. */
  readonly flags: string | null;
  /** ngrep's "#N"; sipgrep prints none. */
  readonly number: string | null;
  /** Where the payload starts when it follows on the header's own line (ngrep -W single), else -1. */
  readonly payload: number;
}

/** The packet header on text[start, end), or null; a two-character check runs before the regex. */
export function grepHeaderAt(text: string, start: number, end: number): GrepHeader | null {
  if (end - start < 10 || text.charCodeAt(start + 1) !== 32) return null;
  const c = text.charCodeAt(start);
  if (c !== 85 /* U */ && c !== 84 /* T */ && c !== 73 /* I */ && c !== 63 /* ? */) return null;
  const match = HEADER.exec(text.slice(start, end));
  if (!match) return null;
  return {
    facts: { timestamp: match[2] ?? null, transport: transportLetter(match[1] ?? ''), src: colonAddress(match[3] ?? ''), dst: colonAddress(match[4] ?? '') },
    flags: match[5] ?? null,
    number: match[6] ?? null,
    payload: match[7] !== undefined ? end - match[7].length : -1,
  };
}

/** A line of nothing but "#": ngrep's mark for packets that did not match, never part of a payload. */
export function isHashLine(text: string, start: number, end: number): boolean {
  if (start >= end || text.charCodeAt(start) !== 35) return false;
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) !== 35) return false;
  return true;
}

const GLUED_LINES = 4;

/** text[start, end) without the trailing dot that stands for a CR. */
function withoutDot(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 46 ? end - 1 : end;
}

/**
 * Turns the byline payload on physical lines [first, last) into logical lines, in place: each line
 * loses its CR dot (and, for sipgrep, the colour codes at its ends). A packet whose first line
 * shows no CR dot is taken to use bare LF, and its lines keep any trailing dot. The tool's two
 * closing line feeds tell whether the payload's last line had a terminator: a single empty line
 * after it means it had none. Returns the first line of the payload's text: header bytes of a
 * protocol the tool does not strip (SCTP chunks, a WebSocket frame header) may precede the start
 * line, on its line or on lines of their own, and are left out.
 */
export function bylinePayload(text: string, lines: MutableLineTable, first: number, last: number, ansi: boolean): number {
  const { starts, ends, breakBytes } = lines;
  const contentStart = (i: number): number => (ansi ? skipAnsiStart(text, starts[i] ?? 0, ends[i] ?? 0) : starts[i] ?? 0);
  const contentEnd = (i: number, start: number): number => (ansi ? trimDecoratedEnd(text, start, ends[i] ?? start).end : ends[i] ?? start);
  let trailing = last;
  while (trailing > first && starts[trailing - 1] === ends[trailing - 1]) trailing--;
  let begin = first;
  let startAt = contentStart(first);
  for (let i = first; i < Math.min(last, first + GLUED_LINES); i++) {
    const start = contentStart(i);
    const at = startAfterGarbage(text, start, withoutDot(text, start, contentEnd(i, start)));
    if (at !== -1) {
      begin = i;
      // The tool prints bytes it does not show as ".", so an ESC before the start line is its own
      // colour code inside the line ("IESC[1mNVITE"), not header bytes: the line starts at its text.
      startAt = ansi && at > start && indexWithin(text, '\x1b', start, at) !== -1 ? start : at;
      break;
    }
  }
  let crlf: boolean | null = null;
  for (let i = begin; i < last; i++) {
    const start = i === begin ? startAt : contentStart(i);
    let end = contentEnd(i, start);
    if (crlf === null && end > start) crlf = text.charCodeAt(end - 1) === 46;
    let bytes = 1;
    if (crlf && end > start && text.charCodeAt(end - 1) === 46 /* . */) {
      end--;
      bytes = 2;
    }
    starts[i] = start;
    ends[i] = end;
    breakBytes[i] = bytes;
  }
  if (last - trailing === 1 && trailing - 1 >= begin) breakBytes[trailing - 1] = (breakBytes[trailing - 1] ?? 1) - 1;
  return begin;
}
