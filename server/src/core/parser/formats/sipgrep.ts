/**
 * sipgrep's output: ngrep's layout adapted to SIP. Per packet a header line
 * "U 2026/11/21 20:54:45.444048 127.0.0.1:5160 -> 127.0.0.1:5170" (always with date and time, no
 * packet number), then one framing line that is empty, or holds the TCP flags (" [AP]"), then the
 * payload line by line with each CR shown as a trailing "." (see grepPackets.ts).
 *
 * By default sipgrep colours its output even into a file: the method, the status code and reason,
 * branch and tag parameters and the Call-ID value are wrapped in ANSI escapes. Codes at either end
 * of a line are left outside the logical line, and the CR dot is looked for inside the closing
 * code. Codes in the middle of a line ("SIP/2.0 ESC[1mESC[33m180 Ringing", "Call-ID:ESC[1mESC[35m 1-...",
 * ";ESC[1mESC[36mbranch=") cut it into pieces glued to each other (LineTable.glued), so the parser
 * reads the line as sent. Packets without such codes (sipgrep -C) keep the document's own lines.
 */
import { emptyLineTable, glueLast, indexWithin, isBlank, pushLine, scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { skipAnsiStart } from './decoration';
import { bylinePayload, grepHeaderAt, isHashLine, type GrepHeader } from './grepPackets';
import { packetContext } from './sniffer';
import type { TraceFormat } from './types';

const REQUEST_START = /^[A-Z]+ /;

/** The framing line after the header: empty, or the TCP flags. */
function isFlagsLine(text: string, start: number, end: number): boolean {
  if (isBlank(text, start, end)) return true;
  let s = start;
  while (s < end && text.charCodeAt(s) === 32) s++;
  return text.charCodeAt(s) === 91 /* [ */ && text.charCodeAt(end - 1) === 93 /* ] */;
}

/** End of the ANSI control sequence (ESC "[" parameters, intermediates, final byte) at `at`, or -1 when none starts there. */
function controlSequenceEnd(text: string, at: number, end: number): number {
  if (at + 2 >= end || text.charCodeAt(at) !== 27 || text.charCodeAt(at + 1) !== 91 /* [ */) return -1;
  let i = at + 2;
  while (i < end && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
  while (i < end && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
  return i < end && text.charCodeAt(i) >= 0x40 && text.charCodeAt(i) <= 0x7e ? i + 1 : -1;
}

/**
 * The next ESC at or after a position (text.length when there is none), by native search. The
 * positions asked for never decrease, so each search starts past the last one found and the whole
 * document is searched once, however many lines ask.
 */
function escapeFinder(text: string): (from: number) => number {
  let next = -1;
  return (from) => {
    if (next < from) {
      const at = text.indexOf('\x1b', from);
      next = at === -1 ? text.length : at;
    }
    return next;
  };
}

/**
 * Appends line `i` to `logical` without the control sequences inside it: one piece per stretch of
 * text, each glued to the next. A lone ESC that starts no sequence stays as text.
 */
function pushWithoutEscapes(text: string, lines: MutableLineTable, i: number, logical: MutableLineTable, nextEscape: (from: number) => number): void {
  const start = lines.starts[i] ?? 0;
  const end = lines.ends[i] ?? start;
  let pieceStart = start;
  let pieces = 0;
  for (let at = nextEscape(start); at < end; ) {
    let after = controlSequenceEnd(text, at, end);
    if (after === -1) {
      at = nextEscape(at + 1);
      continue;
    }
    // Codes in a row ("ESC[1mESC[33m") make one cut.
    for (let more = controlSequenceEnd(text, after, end); more !== -1; more = controlSequenceEnd(text, after, end)) after = more;
    if (at > pieceStart) {
      pushLine(logical, pieceStart, at, after, 0);
      glueLast(logical);
      pieces++;
    }
    pieceStart = after;
    at = nextEscape(after);
  }
  if (pieceStart < end || pieces === 0) {
    pushLine(logical, pieceStart, end, lines.breaks[i] ?? end, lines.breakBytes[i] ?? 0);
    return;
  }
  // The line ended in codes: its last piece ends the wire line.
  const last = logical.starts.length - 1;
  logical.breaks[last] = lines.breaks[i] ?? end;
  logical.breakBytes[last] = lines.breakBytes[i] ?? 0;
  if (logical.glued) logical.glued[last] = 0;
}

interface OpenPacket {
  header: GrepHeader;
  /** First payload line. */
  first: number;
  span: { start: number; end: number };
}

function framesOf(text: string): Frame[] {
  const lines = scanLines(text);
  const logical = emptyLineTable();
  const nextEscape = escapeFinder(text);
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let open: OpenPacket | null = null;
  const close = (last: number): void => {
    if (!open) return;
    if (last > open.first) {
      const from = bylinePayload(text, lines, open.first, last, true);
      const context = packetContext('sipgrep', open.header.facts, open.span);
      let coloured = from;
      while (coloured < last && nextEscape(lines.starts[coloured] ?? 0) >= (lines.ends[coloured] ?? 0)) coloured++;
      if (coloured === last) frames.push({ lines, from, to: last, context });
      else {
        // Codes inside a line: the packet's logical lines go to a table of their own, in pieces.
        const at = logical.starts.length;
        for (let i = from; i < coloured; i++) pushLine(logical, lines.starts[i] ?? 0, lines.ends[i] ?? 0, lines.breaks[i] ?? 0, lines.breakBytes[i] ?? 0);
        for (let i = coloured; i < last; i++) pushWithoutEscapes(text, lines, i, logical, nextEscape);
        frames.push({ lines: logical, from: at, to: logical.starts.length, context });
      }
    }
    open = null;
  };
  for (let i = 0; i < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    const header = grepHeaderAt(text, start, end);
    if (header) {
      close(i);
      const span = { start, end };
      let first = i + 1;
      if (first < count && isFlagsLine(text, lines.starts[first] ?? 0, lines.ends[first] ?? 0)) {
        span.end = lines.ends[first] ?? end;
        first++;
      }
      open = { header, first, span };
      i = first - 1;
    } else if (open && isHashLine(text, start, end)) close(i);
  }
  close(count);
  return frames;
}

/** A header with a timestamp and no packet number, an empty or flags line, then a (possibly coloured) start line. */
function detect(sample: string): number {
  const lines = scanLines(sample);
  const count = lines.starts.length;
  for (let i = 0; i + 2 < count; i++) {
    const header = grepHeaderAt(sample, lines.starts[i] ?? 0, lines.ends[i] ?? 0);
    if (!header || header.number !== null || header.facts.timestamp === null || header.flags !== null) continue;
    if (!isFlagsLine(sample, lines.starts[i + 1] ?? 0, lines.ends[i + 1] ?? 0)) continue;
    // Colour codes inside the start line defeat a parse: its shape is enough here.
    const start = skipAnsiStart(sample, lines.starts[i + 2] ?? 0, lines.ends[i + 2] ?? 0);
    const end = lines.ends[i + 2] ?? start;
    if (sample.startsWith('SIP/2.0 ', start) || (REQUEST_START.test(sample.slice(start, Math.min(end, start + 32))) && indexWithin(sample, ' SIP/2.0', start, end) !== -1)) return 100;
  }
  return 0;
}

export const SIPGREP_FORMAT: TraceFormat = {
  id: 'sipgrep',
  label: 'sipgrep',
  detection: 'a packet line "U|T date time src:port -> dst:port" (no "#N"), an empty or " [flags]" line, then the payload, often in ANSI colour',
  detect,
  frames: framesOf,
};
