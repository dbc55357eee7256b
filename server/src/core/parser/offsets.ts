/**
 * Text put together from pieces of the document, and the way back: a SIP line a tool printed in
 * pieces (glued logical lines), or a header value with its continuation lines folded in. Parsers run
 * on the joined text as on any string; their positions are then mapped to document offsets, so every
 * range still points into the original text. Built only for such text: ordinary lines and values are
 * parsed in the document itself and never pay for this.
 */
import type { Span } from './model';

/**
 * Positions in a joined string mapped to document offsets. The joined text is a sequence of
 * segments, each a run of characters that are contiguous in the document; segments are in document
 * order, so the map is increasing and a span maps to the document range from its first character
 * to its last.
 */
export class OffsetMap {
  /**
   * Per segment, two numbers: the joined position where it starts and the document offset of that
   * position. One flat array, trimmed when a map is kept (see slice): headers hold these.
   */
  private segments: number[] = [];
  /** Length of the joined text mapped so far. */
  length = 0;
  /** Document offset just after the last mapped character (the origin while nothing is mapped). */
  private docEnd: number;

  constructor(origin: number) {
    this.docEnd = origin;
  }

  /** Appends `length` joined characters that are the document's text from `docStart` on. */
  append(docStart: number, length: number): void {
    if (length <= 0) return;
    // Text that continues the previous segment in the document extends it.
    if (this.segments.length === 0 || docStart !== this.docEnd) this.segments.push(this.length, docStart);
    this.length += length;
    this.docEnd = docStart + length;
  }

  /** Appends the joined positions [from, to) of another map. */
  appendMap(other: OffsetMap, from = 0, to = other.length): void {
    if (to <= from || other.segments.length === 0) return;
    let k = other.segmentAt(from);
    let p = from;
    while (p < to) {
      const segmentEnd = Math.min(to, other.segments[2 * k + 2] ?? other.length);
      this.append((other.segments[2 * k + 1] ?? 0) + p - (other.segments[2 * k] ?? 0), segmentEnd - p);
      p = segmentEnd;
      k++;
    }
  }

  /** The map of the joined positions [from, to), as positions from 0, stored without spare room. */
  slice(from: number, to: number): OffsetMap {
    const sliced = new OffsetMap(this.start(from));
    sliced.appendMap(this, from, to);
    sliced.segments = sliced.segments.slice();
    return sliced;
  }

  /** The same map for a document in which these characters moved by `delta` (an edit before them). */
  shifted(delta: number): OffsetMap {
    const moved = new OffsetMap(this.docEnd + delta);
    moved.length = this.length;
    moved.segments = this.segments.map((value, i) => (i % 2 === 1 ? value + delta : value));
    return moved;
  }

  /** Document offset of joined character p; at the end of the joined text, just after its last character. */
  start(p: number): number {
    if (p >= this.length || this.segments.length === 0) return this.docEnd;
    const at = Math.max(0, p);
    const k = this.segmentAt(at);
    return (this.segments[2 * k + 1] ?? 0) + at - (this.segments[2 * k] ?? 0);
  }

  /** Document offset where a span of the joined text that ends (exclusively) at p ends. */
  end(p: number): number {
    return p <= 0 ? this.start(0) : this.start(p - 1) + 1;
  }

  /** The document range of the joined span [start, end): from its first character to its last. */
  span(start: number, end: number): Span {
    const from = this.start(start);
    return { start: from, end: end > start ? this.end(end) : from };
  }

  /** Joined position of a document offset; an offset in the decoration between segments maps to the next segment. */
  toJoined(offset: number): number {
    const count = this.segments.length / 2;
    if (count === 0 || offset < (this.segments[1] ?? 0)) return 0;
    // The last segment starting at or before the offset (segments are in document order).
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segments[2 * mid + 1] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const segmentStart = this.segments[2 * lo] ?? 0;
    const segmentEnd = this.segments[2 * lo + 2] ?? this.length;
    return Math.min(segmentEnd, segmentStart + offset - (this.segments[2 * lo + 1] ?? 0));
  }

  /** Index of the segment holding joined position p (binary search: a value folded from thousands of lines stays cheap). */
  private segmentAt(p: number): number {
    let lo = 0;
    let hi = this.segments.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segments[2 * mid] ?? 0) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * A parse result over joined text, with every span in it (any object with numeric `start` and `end`)
 * mapped to document offsets. Texts stay as parsed: a token's `.text` is the joined text.
 */
export function remapSpans<T>(value: T, map: OffsetMap): T {
  return remap(value, map) as T;
}

function remap(value: unknown, map: OffsetMap): unknown {
  if (Array.isArray(value)) return value.map((item) => remap(item, map));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) copy[key] = remap(source[key], map);
  if (typeof source.start === 'number' && typeof source.end === 'number') {
    const span = map.span(source.start, source.end);
    copy.start = span.start;
    copy.end = span.end;
  }
  return copy;
}
