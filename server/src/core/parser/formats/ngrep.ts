/**
 * ngrep's output: a banner ("interface: lo ...", "filter: ..."), then per packet a header line
 * "U 127.0.0.1:5160 -> 127.0.0.1:5170 #1" ("T ... [AP] #4" for TCP, a timestamp after the letter
 * with -t, IPv6 without brackets) and the payload right below it, in one of two layouts:
 * - `-W byline`: the payload line by line, a CR shown as a trailing "." (see grepPackets.ts);
 * - the default: the payload as one stream where CR and LF print as ".", cut into 75-character
 *   pieces, each on a line of its own behind two spaces, the last one padded with spaces
 *   (`-W single` is the same stream on one unindented line).
 * For the stream layout, a run of dots of even length is that many CRLFs; an odd run keeps its
 * first dot as text. A SIP line cut by the wrapping ("Call-ID: 1-17376@127.0.0" / ".1", "CSe" /
 * "q: 1 INVITE") becomes one logical line per piece, each glued to the next (LineTable.glued): the
 * line break and indentation between them are decoration, and the parser reads the pieces as the
 * one line that was sent.
 */
import { emptyLineTable, glueLast, indexWithin, pushLine, scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { parseStartLine } from '../startLine';
import { bylinePayload, grepHeaderAt, isHashLine, type GrepHeader } from './grepPackets';
import { packetContext, startAfterGarbage } from './sniffer';
import type { TraceFormat } from './types';

/** The stream layout's text pieces: one per physical line, in order. */
interface Piece {
  start: number;
  end: number;
  /** Where the physical line's line break ends. */
  lineBreak: number;
}

function isStreamLayout(text: string, start: number, end: number): boolean {
  if (text.startsWith('  ', start)) return true;
  // -W single: CRLFs inside the line, with text after them.
  const dots = indexWithin(text, '..', start, end);
  return dots !== -1 && dots + 2 < end && text.charCodeAt(dots + 2) !== 46;
}

/** How far into the payload header bytes (tunnel, SCTP, WebSocket) may push the start line. */
const GLUED_BYTES = 256;

/** Appends the stream-layout payload on physical lines [first, last) to `logical`. */
function pushStreamPayload(text: string, lines: MutableLineTable, first: number, last: number, logical: MutableLineTable, payloadAt = -1): void {
  const pieces: Piece[] = [];
  for (let i = first; i < last; i++) {
    const lineStart = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    if (lineStart === end) continue;
    // -W single: the payload follows the packet header on its line.
    const start = i === first && payloadAt !== -1 ? payloadAt : text.startsWith('  ', lineStart) ? lineStart + 2 : lineStart;
    pieces.push({ start, end, lineBreak: lines.breaks[i] ?? end });
  }
  const lastPiece = pieces[pieces.length - 1];
  if (!lastPiece) return;
  // The last piece is padded to the full width with spaces that were never sent.
  while (lastPiece.end > lastPiece.start && text.charCodeAt(lastPiece.end - 1) === 32) lastPiece.end--;

  // The payload as the tool saw it, before wrapping; positions in it map back to the pieces.
  const streamStarts: number[] = [];
  let total = 0;
  const parts: string[] = [];
  for (const piece of pieces) {
    streamStarts.push(total);
    total += piece.end - piece.start;
    parts.push(text.slice(piece.start, piece.end));
  }
  const stream = parts.join('');
  let cursor = 0;
  /** The piece holding stream position `at` (as a start when `asEnd` is false, as an exclusive end otherwise). */
  const pieceAt = (at: number, asEnd: boolean): number => {
    while (cursor + 1 < pieces.length && (asEnd ? at > (streamStarts[cursor + 1] ?? total) : at >= (streamStarts[cursor + 1] ?? total))) cursor++;
    return cursor;
  };
  const offsetOf = (k: number, at: number): number => (pieces[k]?.start ?? 0) + at - (streamStarts[k] ?? 0);
  /**
   * The stream line [a, b) as logical lines, one per piece it touches, each glued to the next;
   * `breakAt` is where its CRLF ends in the stream.
   */
  const emit = (a: number, b: number, breakAt: number, breakBytes: number): void => {
    const k0 = pieceAt(a, false);
    if (a === b) {
      const at = offsetOf(k0, a);
      pushLine(logical, at, at, offsetOf(pieceAt(breakAt, true), breakAt), breakBytes);
      return;
    }
    cursor = k0;
    const k1 = pieceAt(b, true);
    for (let k = k0; k <= k1; k++) {
      const piece = pieces[k] as Piece;
      const from = k === k0 ? offsetOf(k, a) : piece.start;
      if (k < k1) {
        pushLine(logical, from, piece.end, pieces[k + 1]?.start ?? piece.lineBreak, 0);
        glueLast(logical);
      } else pushLine(logical, from, offsetOf(k, b), breakBytes === 0 ? piece.lineBreak : offsetOf(pieceAt(breakAt, true), breakAt), breakBytes);
    }
  };
  // Stream lines before the start line are header bytes printed as text (an SCTP chunk header):
  // the first lines are held back until one of them holds a start line, and dropped if one does.
  const held: [number, number, number, number][] = [];
  let seeking = true;
  const line = (a: number, b: number, breakAt: number, breakBytes: number): void => {
    if (!seeking) return emit(a, b, breakAt, breakBytes);
    const at = startAfterGarbage(stream, a, b);
    if (at !== -1) {
      seeking = false;
      held.length = 0;
      return emit(at, b, breakAt, breakBytes);
    }
    held.push([a, b, breakAt, breakBytes]);
    if (breakAt < GLUED_BYTES) return;
    seeking = false;
    for (const [ha, hb, hBreak, hBytes] of held) emit(ha, hb, hBreak, hBytes);
  };
  let lineStart = 0;
  let dots = stream.indexOf('..');
  while (dots !== -1) {
    let runEnd = dots + 2;
    while (runEnd < total && stream.charCodeAt(runEnd) === 46) runEnd++;
    const lineEnd = dots + ((runEnd - dots) % 2);
    line(lineStart, lineEnd, lineEnd + 2, 2);
    for (let at = lineEnd + 2; at + 2 <= runEnd; at += 2) line(at, at, at + 2, 2);
    lineStart = runEnd;
    dots = stream.indexOf('..', runEnd);
  }
  // Text after the last CRLF: a payload that does not end in one.
  if (lineStart < total) line(lineStart, total, total, 0);
  if (seeking) for (const [ha, hb, hBreak, hBytes] of held) emit(ha, hb, hBreak, hBytes);
}

interface OpenPacket {
  header: GrepHeader;
  line: number;
  span: { start: number; end: number };
}

function framesOf(text: string): Frame[] {
  const lines = scanLines(text);
  const logical = emptyLineTable();
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let open: OpenPacket | null = null;
  const close = (last: number): void => {
    if (!open) return;
    const first = open.line + 1;
    const context = packetContext('ngrep', open.header.facts, open.span);
    const start = lines.starts[first] ?? 0;
    if (open.header.payload !== -1 || (last > first && isStreamLayout(text, start, lines.ends[first] ?? start))) {
      // The stream layout cuts lines apart: its logical lines go to a table of their own.
      const from = logical.starts.length;
      if (open.header.payload !== -1) pushStreamPayload(text, lines, open.line, last, logical, open.header.payload);
      else pushStreamPayload(text, lines, first, last, logical);
      if (logical.starts.length > from) frames.push({ lines: logical, from, to: logical.starts.length, context });
    } else if (last > first) {
      frames.push({ lines, from: bylinePayload(text, lines, first, last, false), to: last, context });
    }
    open = null;
  };
  for (let i = 0; i < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    const header = grepHeaderAt(text, start, end);
    if (header) {
      close(i);
      open = { header, line: i, span: { start, end } };
    } else if (open && isHashLine(text, start, end)) close(i);
  }
  close(count);
  return frames;
}

/**
 * Packet headers whose payload starts on the next line (or on the header's own line with -W single),
 * one of them holding a start line. sipgrep's layout differs by the empty (or flags) line after an
 * unnumbered header.
 */
function detect(sample: string): number {
  const lines = scanLines(sample);
  const count = lines.starts.length;
  let numbered = false;
  for (let i = 0; i < count; i++) {
    const header = grepHeaderAt(sample, lines.starts[i] ?? 0, lines.ends[i] ?? 0);
    if (!header) continue;
    numbered = header.number !== null;
    const next = lines.starts[i + 1] ?? sample.length;
    const nextEnd = lines.ends[i + 1] ?? next;
    const sipgrepLike = nextEnd === next || (sample.charCodeAt(next) === 32 && sample.charCodeAt(next + 1) === 91);
    if (!numbered && header.payload === -1 && sipgrepLike) return 0;
    break;
  }
  for (const frame of framesOf(sample)) {
    const start = frame.lines.starts[frame.from] ?? 0;
    if (parseStartLine(sample, start, frame.lines.ends[frame.from] ?? start, 'strict')) return numbered ? 100 : 90;
  }
  return 0;
}

export const NGREP_FORMAT: TraceFormat = {
  id: 'ngrep',
  label: 'ngrep',
  detection: 'a packet line "U|T [time] src:port -> dst:port [flags] #N" directly followed by the payload (byline, or wrapped behind two spaces)',
  detect,
  frames: framesOf,
};
