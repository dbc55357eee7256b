/**
 * Header lines to Header fields: "Name: value" on one logical line (read in place, the usual case),
 * or on a wire line glued from pieces (read from the joined text, offsets mapped back), and folded
 * continuation lines (RFC 3261 §7.3.1).
 */
import { resolveHeaderName, resolveHeaderNameAt } from './headerNames';
import type { LineTable, ParseProblem, Span } from './model';
import type { HeaderStore } from './header';
import type { WireLine } from './glued';

export function trimStart(text: string, start: number, end: number): number {
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  return start;
}

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

function withoutColon(problems: ParseProblem[], span: Span): void {
  problems.push({ code: 'header-without-colon', message: 'Header line has no colon; a header is "Name: value" (RFC 3261 §7.3).', span });
}

/** The first colon in text[start, end), or -1: a loop rather than a search in a slice, so no string is made per header line. */
function colonWithin(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 58) return i;
  return -1;
}

/** The header on logical line `index`, which is a whole wire line; returns its slot in `store`. */
export function headerLine(store: HeaderStore, lines: LineTable, index: number, problems: ParseProblem[]): number {
  const text = store.text;
  const start = lines.starts[index] ?? 0;
  const end = lines.ends[index] ?? start;
  const colon = colonWithin(text, start, end);
  if (colon === -1) {
    const lineEnd = trimEnd(text, start, end);
    withoutColon(problems, { start, end: lineEnd });
    return store.add(null, index, start, lineEnd, -1, lineEnd, lineEnd, lineEnd);
  }
  const nameEnd = trimEnd(text, start, colon);
  const resolved = resolveHeaderNameAt(text, start, nameEnd);
  const valueStart = trimStart(text, colon + 1, end);
  const valueEnd = trimEnd(text, valueStart, end);
  return store.add(resolved, index, start, nameEnd, colon, valueStart, valueEnd, Math.max(valueEnd, colon + 1));
}

/**
 * The header on the wire line glued from pieces [index, next): found in the joined text, its ranges
 * mapped to the document (from a part's first character to its last). Name and value keep their
 * joined text where decoration separates their pieces.
 */
export function gluedHeaderLine(store: HeaderStore, wire: WireLine, index: number, problems: ParseProblem[]): number {
  const { text: joined, map } = wire;
  const length = joined.length;
  const colon = joined.indexOf(':');
  if (colon === -1) {
    const lineEnd = trimEnd(joined, 0, length);
    const span = map.span(0, lineEnd);
    withoutColon(problems, span);
    const name = joined.slice(0, lineEnd);
    const slot = store.add(null, index, span.start, span.end, -1, span.end, span.end, span.end);
    store.glue(slot, span.end - span.start === lineEnd ? undefined : name, undefined);
    return slot;
  }
  const nameEnd = trimEnd(joined, 0, colon);
  const name = joined.slice(0, nameEnd);
  const resolved = resolveHeaderName(name);
  const valueStart = trimStart(joined, colon + 1, length);
  const valueEnd = trimEnd(joined, valueStart, length);
  const nameSpan = map.span(0, nameEnd);
  const valueSpan = map.span(valueStart, valueEnd);
  const colonAt = map.start(colon);
  const slot = store.add(resolved, index, nameSpan.start, nameSpan.end, colonAt, valueSpan.start, valueSpan.end, Math.max(valueSpan.end, colonAt + 1));
  // Parts whose document range is as long as their text are contiguous there and read in place.
  const gluedName = nameSpan.end - nameSpan.start === nameEnd ? undefined : name;
  const gluedValue = valueSpan.end - valueSpan.start === valueEnd - valueStart ? undefined : { text: joined.slice(valueStart, valueEnd), map: map.slice(valueStart, valueEnd) };
  store.glue(slot, gluedName, gluedValue);
  return slot;
}

/** Folding (RFC 3261 §7.3.1): a line starting with white space continues the previous header. */
export function continueHeader(store: HeaderStore, slot: number, lines: LineTable, index: number): void {
  const text = store.text;
  const start = trimStart(text, lines.starts[index] ?? 0, lines.ends[index] ?? 0);
  store.fold(slot, start, trimEnd(text, start, lines.ends[index] ?? 0));
}

/** Folding, for a continuation line glued from pieces. */
export function continueWire(store: HeaderStore, slot: number, wire: WireLine): void {
  const from = trimStart(wire.text, 0, wire.text.length);
  const to = trimEnd(wire.text, from, wire.text.length);
  if (from === to) return;
  const span = wire.map.span(from, to);
  store.fold(slot, span.start, span.end, { text: wire.text.slice(from, to), map: wire.map.slice(from, to) });
}
