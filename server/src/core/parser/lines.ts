/**
 * Line tables: where each line of a region starts and ends, and what its terminator was. Built with
 * plain number arrays (compact in V8) so a 50 MB trace does not become millions of small objects.
 */
import type { LineTable } from './model';

/** The builder's view of a LineTable (model.ts); it is handed out read-only once built. */
export interface MutableLineTable {
  starts: number[];
  ends: number[];
  breaks: number[];
  breakBytes: number[];
  /** See LineTable.glued; created by the first glueLast, and possibly shorter than `starts` (missing = 0). */
  glued?: number[];
}

export function emptyLineTable(): MutableLineTable {
  return { starts: [], ends: [], breaks: [], breakBytes: [] };
}

export function pushLine(table: MutableLineTable, start: number, end: number, lineBreak: number, breakBytes: number): void {
  table.starts.push(start);
  table.ends.push(end);
  table.breaks.push(lineBreak);
  table.breakBytes.push(breakBytes);
}

/**
 * Marks the table's last line as glued to the line pushed after it: both are pieces of one SIP line
 * that the tool printed with decoration between them. The marks are kept apart from the other
 * arrays and only where a table has glued lines, so the tables of every other format carry nothing.
 */
export function glueLast(table: MutableLineTable): void {
  const last = table.starts.length - 1;
  if (last < 0) return;
  const glued = (table.glued ??= []);
  while (glued.length < last) glued.push(0);
  glued[last] = 1;
  table.breakBytes[last] = 0;
}

/**
 * A line table built by appending, straight into typed arrays (13 bytes a line) rather than number
 * arrays that are converted once full: for a reader such as the generic one, whose logical lines are
 * a whole trace's, the number arrays and their copies were most of the parse's peak memory. Sized
 * up front from what the caller knows (the physical line count), grown by half when that was short.
 */
export class GrowingLineTable {
  /**
   * The table frames hold while it grows: its arrays are replaced when they grow and when finish()
   * trims them, so every frame reads the final ones.
   */
  readonly table: { starts: Int32Array; ends: Int32Array; breaks: Int32Array; breakBytes: Uint8Array };
  count = 0;

  constructor(room: number) {
    const size = Math.max(16, room);
    this.table = { starts: new Int32Array(size), ends: new Int32Array(size), breaks: new Int32Array(size), breakBytes: new Uint8Array(size) };
  }

  push(start: number, end: number, lineBreak: number, breakBytes: number): void {
    const t = this.table;
    const n = this.count;
    if (n === t.starts.length) {
      const room = Math.ceil(n * 1.5) + 16;
      t.starts = grown(t.starts, room);
      t.ends = grown(t.ends, room);
      t.breaks = grown(t.breaks, room);
      t.breakBytes = grown(t.breakBytes, room);
    }
    t.starts[n] = start;
    t.ends[n] = end;
    t.breaks[n] = lineBreak;
    t.breakBytes[n] = breakBytes;
    this.count = n + 1;
  }

  /** Drops the lines from `count` on (a candidate message that turned out not to be one). */
  truncate(count: number): void {
    if (count < this.count) this.count = count;
  }

  /** Cuts the arrays to the lines pushed: a view when little is spare, else a copy, so no big spare buffer stays alive. */
  finish(): LineTable {
    const t = this.table;
    const n = this.count;
    t.starts = fitted(t.starts, n);
    t.ends = fitted(t.ends, n);
    t.breaks = fitted(t.breaks, n);
    t.breakBytes = fitted(t.breakBytes, n);
    return t;
  }
}

/** Where appended lines go: a number-array table, or a typed one. */
export type LineSink = MutableLineTable | GrowingLineTable;

export function appendLine(sink: LineSink, start: number, end: number, lineBreak: number, breakBytes: number): void {
  if (sink instanceof GrowingLineTable) sink.push(start, end, lineBreak, breakBytes);
  else pushLine(sink, start, end, lineBreak, breakBytes);
}

const LF = 10;
const CR = 13;
const REPLACEMENT = 0xfffd;

const BARE_CR = /\r(?!\n)/;

/** True when the text has a CR that is not followed by LF (old Mac line ends, or stray CRs). */
function hasBareCr(text: string, from: number, to: number): boolean {
  if (text.indexOf('\r', from) === -1) return false;
  return BARE_CR.test(from === 0 && to === text.length ? text : text.slice(from, to));
}

/**
 * The lines of text[from, to). CRLF, LF and a lone CR all end a line; a last line without a
 * terminator is kept with breakBytes 0.
 */
export function scanLines(text: string, from = 0, to = text.length, table?: MutableLineTable): MutableLineTable {
  if (!table) {
    if (from >= to) return emptyLineTable();
    const fast = scanIntoTypedArrays(text, from, to, true);
    if (fast) return fast;
    table = emptyLineTable();
  }
  if (from >= to) return table;
  if (!hasBareCr(text, from, to)) {
    // Fast path: only LF can end a line, so indexOf does the scanning in native code.
    let start = from;
    while (start < to) {
      let lf = text.indexOf('\n', start);
      if (lf === -1 || lf >= to) lf = -1;
      if (lf === -1) {
        pushLine(table, start, to, to, 0);
        break;
      }
      const crlf = lf > start && text.charCodeAt(lf - 1) === CR;
      pushLine(table, start, crlf ? lf - 1 : lf, lf + 1, crlf ? 2 : 1);
      start = lf + 1;
    }
    return table;
  }
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      pushLine(table, start, i, i + 1, 1);
      start = i + 1;
    } else if (c === CR) {
      const crlf = i + 1 < to && text.charCodeAt(i + 1) === LF;
      pushLine(table, start, i, crlf ? i + 2 : i + 1, crlf ? 2 : 1);
      if (crlf) i++;
      start = i + 1;
    }
  }
  if (start < to) pushLine(table, start, to, to, 0);
  return table;
}

/**
 * Lines split at LF only: a lone CR stays inside its line, as consoles that redraw a prompt with
 * CR need (see formats/logLines.ts). Same typed-array table as scanLines' fast path.
 */
export function scanLfLines(text: string, from = 0, to = text.length): MutableLineTable {
  return from >= to ? emptyLineTable() : (scanIntoTypedArrays(text, from, to, false) ?? emptyLineTable());
}

/** Characters sampled to estimate a text's number of lines before its table is allocated. */
const DENSITY_SAMPLE = 1 << 20;

/** Room for the lines of text[from, to): counted in a first stretch and extrapolated, with a little slack. */
function estimatedLines(text: string, from: number, to: number): number {
  const sampleEnd = Math.min(to, from + DENSITY_SAMPLE);
  let lines = 1;
  for (let at = text.indexOf('\n', from); at !== -1 && at < sampleEnd; at = text.indexOf('\n', at + 1)) lines++;
  return sampleEnd >= to ? lines : Math.ceil((lines * (to - from)) / (sampleEnd - from) * 1.05) + 16;
}

function grown<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/**
 * The common case, built straight into typed arrays in one pass (one native search per LF): the
 * arrays are sized from the density of the first megabyte, grown in the rare text that gets denser,
 * and trimmed if far too big, so a 50 MB file's table costs about 13 bytes a line. The result is
 * read-only in practice: callers that append lines build their own table with emptyLineTable().
 */
function scanIntoTypedArrays(text: string, from: number, to: number, rejectBareCr: boolean): MutableLineTable | null {
  let room = estimatedLines(text, from, to);
  let starts = new Int32Array(room);
  let ends = new Int32Array(room);
  let breaks = new Int32Array(room);
  let breakBytes = new Uint8Array(room);
  let n = 0;
  let start = from;
  // The next CR: each must sit just before an LF, else lone CRs end lines too and the caller takes
  // the general path. Checked while scanning, so a CRLF file costs one native search per line.
  let cr = rejectBareCr ? text.indexOf('\r', from) : -1;
  while (start < to) {
    let lf = text.indexOf('\n', start);
    if (lf >= to) lf = -1;
    if (cr !== -1 && cr < to) {
      if (lf === -1 || cr < lf - 1) return null;
      if (cr === lf - 1) cr = text.indexOf('\r', lf + 1);
    }
    if (n === room) {
      room = Math.ceil(room * 1.5) + 16;
      starts = grown(starts, room);
      ends = grown(ends, room);
      breaks = grown(breaks, room);
      breakBytes = grown(breakBytes, room);
    }
    starts[n] = start;
    if (lf === -1) {
      ends[n] = to;
      breaks[n] = to;
      n++;
      break;
    }
    const crlf = lf > start && text.charCodeAt(lf - 1) === CR;
    ends[n] = crlf ? lf - 1 : lf;
    breaks[n] = lf + 1;
    breakBytes[n] = crlf ? 2 : 1;
    n++;
    start = lf + 1;
  }
  // Typed views stand in for the number arrays of MutableLineTable: same indexing and length.
  return { starts: fitted(starts, n), ends: fitted(ends, n), breaks: fitted(breaks, n), breakBytes: fitted(breakBytes, n) } as unknown as MutableLineTable;
}

/** The first n entries. Views keep their whole buffer alive: one more than a tenth too big is copied to size. */
function fitted<T extends Int32Array | Uint8Array>(array: T, n: number): T {
  if (array.length === n) return array;
  return array.length > n * 1.1 + 64 ? (array.slice(0, n) as T) : (array.subarray(0, n) as T);
}

/**
 * Bytes of text[from, to) on the wire, without allocating. Text reaches us decoded from UTF-8 with
 * replacement, so a U+FFFD almost always stands for one invalid byte (binary bodies): it counts as 1.
 */
export function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c === REPLACEMENT) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The offset in text[from, to) at which `bytes` UTF-8 bytes have been consumed; a character is never
 * split: a count that ends inside one stops before it. When the range holds fewer bytes:
 * -1 - (the bytes it holds, its utf8Length), so that a walk through a body's lines reads each line
 * once, not once to look for the end and again to count it.
 */
export function offsetAfterBytesOrHeld(text: string, from: number, to: number, bytes: number): number {
  let left = bytes;
  let i = from;
  while (left > 0) {
    if (i >= to) return -1 - (bytes - left);
    const c = text.charCodeAt(i);
    let size: number;
    let width = 1;
    if (c < 0x80 || c === REPLACEMENT) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      size = 4;
      width = 2;
    } else size = 3;
    if (size > left) return i;
    left -= size;
    i += width;
  }
  return i;
}

/** True when the line holds nothing but spaces and tabs. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * `text.indexOf(needle, from)` limited to [from, to). A plain indexOf would scan on to the end of
 * the document whenever the needle is absent from the line, which makes per-line searches quadratic.
 */
export function indexWithin(text: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  // A character loop rather than slice-then-indexOf: no string is made per call, which on a large
  // trace (several calls per header) is most of what the garbage collector has to clear.
  const first = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) === first && (needle.length === 1 || text.startsWith(needle, i))) return i;
  }
  return -1;
}

/** `text.lastIndexOf(needle)` limited to [from, to), for the same reason as indexWithin. */
export function lastIndexWithin(text: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  const first = needle.charCodeAt(0);
  for (let i = to - needle.length; i >= from; i--) {
    if (text.charCodeAt(i) === first && (needle.length === 1 || text.startsWith(needle, i))) return i;
  }
  return -1;
}

/**
 * Swaps a finished table's number arrays for typed arrays in place: 4 or 1 bytes per entry instead
 * of 8, which on a 50 MB trace is the difference between a fraction of the input and most of it.
 * Frames share their table object, so every frame sees the compact arrays.
 */
export function compactLines(table: MutableLineTable | { starts: ArrayLike<number> }): void {
  const t = table as unknown as { starts: ArrayLike<number>; ends: ArrayLike<number>; breaks: ArrayLike<number>; breakBytes: ArrayLike<number>; glued?: ArrayLike<number> };
  if (t.starts instanceof Int32Array) return;
  t.starts = Int32Array.from(t.starts);
  t.ends = Int32Array.from(t.ends);
  t.breaks = Int32Array.from(t.breaks);
  t.breakBytes = Uint8Array.from(t.breakBytes);
  if (t.glued !== undefined) {
    // Full length from here on, so readers never meet a missing entry.
    const glued = new Uint8Array(t.starts.length);
    const marks = t.glued;
    for (let i = Math.min(glued.length, marks.length) - 1; i >= 0; i--) glued[i] = marks[i] ?? 0;
    t.glued = glued;
  }
}
