/**
 * Wire lines made of glued logical lines (LineTable.glued): one SIP line that a tool printed in
 * pieces with decoration between them. The message parser reads such a line from its pieces'
 * joined text and maps what it finds back to the document. Only glued runs are joined; every other
 * line is read in place, and the checks here cost one comparison on tables without glued lines.
 */
import type { LineTable, StartLine, Token } from './model';
import { OffsetMap } from './offsets';
import { parseStartLine, startLineKind, type StartLineStrength } from './startLine';

/** One past the last piece of the wire line that starts at line `index`, never beyond `to`. */
export function wireEnd(lines: LineTable, index: number, to: number): number {
  const glued = lines.glued;
  let i = index;
  if (glued !== undefined) while (i + 1 < to && glued[i] === 1) i++;
  return i + 1;
}

/** True when line `index` is glued to the next one (within `to`): a wire line to join. */
export function isGlued(lines: LineTable, index: number, to: number): boolean {
  return lines.glued !== undefined && lines.glued[index] === 1 && index + 1 < to;
}

/** A wire line's text, with its pieces joined, and where each character of it is in the document. */
export interface WireLine {
  readonly text: string;
  readonly map: OffsetMap;
}

/** Joins the pieces [index, next) of a wire line. */
export function joinPieces(text: string, lines: LineTable, index: number, next: number): WireLine {
  const map = new OffsetMap(lines.starts[index] ?? 0);
  const parts: string[] = [];
  for (let i = index; i < next; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? start;
    parts.push(text.slice(start, end));
    map.append(start, end - start);
  }
  return { text: parts.join(''), map };
}

/** True when every piece of the wire line [index, next) holds only spaces and tabs. */
export function isBlankWire(text: string, lines: LineTable, index: number, next: number): boolean {
  for (let i = index; i < next; i++) {
    for (let at = lines.starts[i] ?? 0, end = lines.ends[i] ?? 0; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c !== 32 && c !== 9) return false;
    }
  }
  return true;
}

/** Cheap pre-check before the regexes: could this header-block line be the start of another message? */
export function mayStartMessage(text: string, start: number, end: number): boolean {
  if (end - start < 11) return false;
  return text.startsWith('SIP/2.0 ', start) || text.endsWith(' SIP/2.0', end);
}

function mapToken(token: Token, map: OffsetMap): Token {
  const span = map.span(token.start, token.end);
  return { text: token.text, start: span.start, end: span.end };
}

/**
 * parseStartLine on a joined wire line, its spans mapped back to the document. Mapped field by
 * field rather than with remapSpans: every message of a coloured log has a glued start line, and
 * the objects keep the shapes parseStartLine gives them.
 */
export function parseWireStartLine(wire: WireLine, strength: StartLineStrength): StartLine | null {
  const line = parseStartLine(wire.text, 0, wire.text.length, strength);
  if (!line) return null;
  const { map } = wire;
  const { start, end } = map.span(line.start, line.end);
  if (line.kind === 'request') return { kind: 'request', start, end, method: mapToken(line.method, map), uri: mapToken(line.uri, map), version: mapToken(line.version, map) };
  return { kind: 'response', start, end, version: mapToken(line.version, map), code: mapToken(line.code, map), status: line.status, reason: mapToken(line.reason, map) };
}

/** Whether the wire line at `index` (read through glued pieces) holds a start line. */
export function isStartLineAt(text: string, lines: LineTable, index: number, to: number, strength: StartLineStrength): boolean {
  if (!isGlued(lines, index, to)) return startLineKind(text, lines.starts[index] ?? 0, lines.ends[index] ?? 0, strength) !== null;
  return parseWireStartLine(joinPieces(text, lines, index, wireEnd(lines, index, to)), strength) !== null;
}

/** Like isStartLineAt, strict, for scanning: lines that cannot hold a start line are rejected before any join or regex. */
export function isStrictStartLineAt(text: string, lines: LineTable, index: number, to: number): boolean {
  if (!isGlued(lines, index, to)) {
    const start = lines.starts[index] ?? 0;
    const end = lines.ends[index] ?? 0;
    return mayStartMessage(text, start, end) && startLineKind(text, start, end, 'strict') !== null;
  }
  const wire = joinPieces(text, lines, index, wireEnd(lines, index, to));
  return mayStartMessage(wire.text, 0, wire.text.length) && parseWireStartLine(wire, 'strict') !== null;
}
