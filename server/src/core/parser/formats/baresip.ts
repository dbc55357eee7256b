/**
 * baresip's console with SIP tracing on (`baresip -s`). Its trace handler prints every message, sent
 * or received alike, as one bold-cyan block:
 *   ESC[36;1m#                     (newer builds put a time of day before the '#')
 *   UDP 127.0.0.1:5280 -> 127.0.0.1:5270
 *   <the message, byte for byte, CRLF kept>ESC[;m
 * and the colour reset lands on a line of its own, or at the end of a body that has no final CRLF.
 * There is no direction word: only "TRANSPORT src -> dst".
 *
 * The console is shared with everything else baresip prints, so the adapter reads it with care:
 * - the menu echoes a typed command and redraws the call timer with lone CRs and no LF, so the
 *   opening '#' may come at the end of a long LF-line after several CR-separated status texts; only
 *   the part after the last CR is looked at;
 * - a red error line's reset may be glued to the next block's opening (`ESC[;mESC[36;1m#`).
 * Lines are cut at LF only (a lone CR inside a message stays part of its line).
 */
import { emptyLineTable, pushLine, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport } from './blocks';
import { skipAnsiStart, trimDecoratedEnd } from './decoration';
import type { TraceFormat } from './types';

const ADDRESS_LINE = /^([A-Za-z]{2,4}) (\S+) -> (\S+)$/;
/** What may stand before the '#' of an opening line once colour codes are skipped: a time of day. */
const OPENING = /^(\d\d:\d\d:\d\d(?:\.\d+)?)?\s*#$/;
/** How far back from an opening '#' a CR is looked for: the opening itself is short. */
const OPENING_WINDOW = 64;

interface Line {
  start: number;
  /** Content end (before CR LF). */
  end: number;
  /** Where the next line starts (past the end of the text for a last line without LF). */
  next: number;
  crlf: boolean;
}

/** Fills `into` (reused, so that reading a message allocates nothing per line) with the line at `start`. */
function lineAt(text: string, start: number, into: Line = { start: 0, end: 0, next: 0, crlf: false }): Line {
  let lf = text.indexOf('\n', start);
  if (lf === -1) lf = text.length;
  into.crlf = lf > start && lf < text.length && text.charCodeAt(lf - 1) === 13;
  into.start = start;
  into.end = into.crlf ? lf - 1 : lf;
  into.next = lf + 1;
  return into;
}

interface Opening {
  /** Where the opening text starts, after any CR-separated console text and colour codes. */
  start: number;
  timestamp: string | null;
}

/** The opening of a block when the line ends in one, else null. */
function opening(text: string, line: Line): Opening | null {
  const { start, end } = line;
  if (end <= start || text.charCodeAt(end - 1) !== 35 /* # */) return null;
  let from = end - 1;
  const limit = Math.max(start, end - OPENING_WINDOW);
  while (from > limit && text.charCodeAt(from - 1) !== 13) from--;
  if (from > start && text.charCodeAt(from - 1) !== 13) return null;
  const content = skipAnsiStart(text, from, end);
  const m = OPENING.exec(text.slice(content, end));
  return m ? { start: content, timestamp: m[1] ?? null } : null;
}

function addressLine(text: string, line: Line): RegExpExecArray | null {
  if (line.end - line.start > 200) return null;
  return ADDRESS_LINE.exec(text.slice(line.start, line.end));
}

/** Reads the message lines of one block into `table`; returns the offset of the line that ended it. */
function readMessage(text: string, from: number, table: MutableLineTable): number {
  const line = lineAt(text, from);
  while (line.start < text.length) {
    const { start, end, next } = line;
    // The colour reset (ESC[;m) ends the block: on its own line, or glued to a body's last line.
    if (text.charCodeAt(start) === 27) return start;
    if (opening(text, line) !== null && addressLine(text, lineAt(text, next))) return start;
    if (end > start && text.charCodeAt(end - 1) === 109 /* m */) {
      const trimmed = trimDecoratedEnd(text, start, end).end;
      if (trimmed < end) {
        if (trimmed > start) pushLine(table, start, trimmed, trimmed, 0);
        return next;
      }
    }
    pushLine(table, start, end, Math.min(next, text.length), next > text.length ? 0 : line.crlf ? 2 : 1);
    lineAt(text, next, line);
  }
  return text.length;
}

function frames(text: string): Frame[] {
  const result: Frame[] = [];
  const table = emptyLineTable();
  let pos = 0;
  while (pos < text.length) {
    // Only lines holding a '#' can open a block: jump from one to the next.
    const hash = text.indexOf('#', pos);
    if (hash === -1) break;
    const start = text.lastIndexOf('\n', hash) + 1;
    const line = lineAt(text, Math.max(start, pos));
    const open = opening(text, line);
    const next = lineAt(text, line.next);
    const address = open !== null && line.next < text.length ? addressLine(text, next) : null;
    if (!open || !address) {
      pos = line.next;
      continue;
    }
    const from = table.starts.length;
    pos = readMessage(text, next.next, table);
    if (table.starts.length > from) {
      result.push({
        lines: table,
        from,
        to: table.starts.length,
        context: {
          format: 'baresip',
          timestamp: open.timestamp,
          // The tool knows but does not print whether it sent or received the message.
          direction: null,
          transport: normalizeTransport(address[1]),
          src: normalizeAddress(address[2]),
          dst: normalizeAddress(address[3]),
          frameSpan: { start: open.start, end: next.end },
          bodyVerbatim: true,
        },
      });
    }
  }
  return result;
}

// The ESC control character is the marker itself here.
// eslint-disable-next-line no-control-regex
const COLOURED_BLOCK = /\x1b\[36;1m(?:\d\d:\d\d:\d\d(?:\.\d+)?)?\s*#\r?\n[A-Za-z]{2,4} \S+ -> \S+\r?\n/;
const PLAIN_BLOCK = /^#\r?\n(?:UDP|TCP|TLS|WSS?|SCTP) \S+ -> \S+\r?\n(?:SIP\/2\.0 \d|[A-Z]+ \S+ SIP\/2\.0\r?\n)/m;

function detect(sample: string): number {
  if (COLOURED_BLOCK.test(sample)) return 100;
  return PLAIN_BLOCK.test(sample) ? 80 : 0;
}

export const BARESIP_FORMAT: TraceFormat = {
  id: 'baresip',
  label: 'baresip (-s SIP trace)',
  detection: 'blocks opened by a bold-cyan "#" line and "UDP 127.0.0.1:5280 -> 127.0.0.1:5270", closed by a colour reset',
  detect,
  frames,
};
