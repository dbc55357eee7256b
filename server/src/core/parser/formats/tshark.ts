/**
 * tshark's packet details (`-V`, or `-O sip` which expands only SIP): per frame a block starting at
 * column 0 with "Frame 12: 552 bytes on wire ...", one column-0 summary line per protocol layer
 * ("Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1", "User Datagram Protocol, Src Port:
 * 5160, Dst Port: 5170", "Session Initiation Protocol (INVITE)"), and under each layer its fields,
 * four spaces deeper per tree level. The SIP layer holds "    Request-Line: ..." or
 * "    Status-Line: ...", then "    Message Header" with one header per line at eight spaces, each
 * followed by deeper breakdowns and "[Generated ...]" lines, then "    Message Body" with the body
 * dissected field by field. `-V` also prints the frame's "    Arrival Time: ...".
 *
 * The message is rebuilt from the start line and the eight-space header lines only; the body is
 * never shown as bytes, so the context says bodyVerbatim: false and no body line is kept. The blank
 * line that closes the header block does not exist in the output: an empty line is placed where the
 * header lines end. Older releases end each SIP line with a literal "\r\n", which is dropped.
 */
import { emptyLineTable, pushLine, scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { normalizeAddress, type FrameFacts } from './blocks';
import { packetContext } from './sniffer';
import type { TraceFormat } from './types';

const SIP_LAYER = 'Session Initiation Protocol';
const IP_LAYER = /^Internet Protocol Version [46], Src: ([^,\s]+)(?: \([^)]*\))?, Dst: ([^,\s]+)/;
const PORTS = /, Src Port: ([^,\s]+)(?: \([^)]*\))?, Dst Port: ([^,\s]+)/;
const TRANSPORT_LAYERS: readonly (readonly [string, string])[] = [
  ['User Datagram Protocol', 'UDP'],
  ['Transmission Control Protocol', 'TCP'],
  ['Stream Control Transmission Protocol', 'SCTP'],
];
const ARRIVAL = '    Arrival Time: ';
const REQUEST_LINE = '    Request-Line: ';
const STATUS_LINE = '    Status-Line: ';
const HEADER_BLOCK = '    Message Header';
const HEADER_INDENT = 8;

interface FrameState {
  timestamp: string | null;
  srcIp: string | null;
  dstIp: string | null;
  srcPort: string | null;
  dstPort: string | null;
  transport: string | null;
  tls: boolean;
  websocket: boolean;
  /** Start of the "Frame N:" line. */
  start: number;
}

function newState(start: number): FrameState {
  return { timestamp: null, srcIp: null, dstIp: null, srcPort: null, dstPort: null, transport: null, tls: false, websocket: false, start };
}

function factsOf(state: FrameState): FrameFacts {
  const transport = state.websocket ? (state.tls ? 'WSS' : 'WS') : state.tls ? 'TLS' : state.transport;
  const address = (ip: string | null, port: string | null): string | null => (ip ? normalizeAddress(ip, port) : null);
  return { timestamp: state.timestamp, transport, src: address(state.srcIp, state.srcPort), dst: address(state.dstIp, state.dstPort) };
}

/** A column-0 layer summary line: what it tells about the frame. */
function readLayer(line: string, state: FrameState): void {
  const ip = IP_LAYER.exec(line);
  if (ip) {
    state.srcIp = ip[1] ?? null;
    state.dstIp = ip[2] ?? null;
    return;
  }
  for (const [name, transport] of TRANSPORT_LAYERS) {
    if (!line.startsWith(name)) continue;
    state.transport = transport;
    const ports = PORTS.exec(line);
    if (ports) {
      state.srcPort = ports[1] ?? null;
      state.dstPort = ports[2] ?? null;
    }
    return;
  }
  if (line.startsWith('Transport Layer Security')) state.tls = true;
  else if (line.startsWith('WebSocket')) state.websocket = true;
}

/** End of a SIP field line's content: without trailing blanks and without the literal "\r\n" older releases print. */
function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (e - start >= 4 && text.endsWith('\\r\\n', e)) e -= 4;
  return e;
}

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i - start;
}

/**
 * Reads one SIP layer from physical line `i` (its summary line) on; appends its start line, header
 * lines and the closing empty line to `logical`. Returns the first physical line after the layer.
 */
function readSipLayer(text: string, lines: MutableLineTable, i: number, logical: MutableLineTable): { next: number; found: boolean } {
  const count = lines.starts.length;
  let found = false;
  let inHeaders = false;
  let closed = false;
  let j = i + 1;
  for (; j < count; j++) {
    const start = lines.starts[j] ?? 0;
    const end = lines.ends[j] ?? 0;
    const indent = indentOf(text, start, end);
    if (indent === 0) break;
    if (indent === 4) {
      if (inHeaders) {
        // The header block ends here: the empty line that closes it sits at this line's start.
        inHeaders = false;
        closed = true;
        pushLine(logical, start, start, start, 2);
      }
      if (!found && (text.startsWith(REQUEST_LINE, start) || text.startsWith(STATUS_LINE, start))) {
        const from = start + (text.startsWith(REQUEST_LINE, start) ? REQUEST_LINE.length : STATUS_LINE.length);
        pushLine(logical, from, contentEnd(text, from, end), lines.breaks[j] ?? end, 2);
        found = true;
      } else if (found && !closed && text.startsWith(HEADER_BLOCK, start) && contentEnd(text, start, end) === start + HEADER_BLOCK.length) {
        inHeaders = true;
      }
      continue;
    }
    if (inHeaders && indent === HEADER_INDENT && text.charCodeAt(start + HEADER_INDENT) !== 91 /* [ */) {
      const from = start + HEADER_INDENT;
      pushLine(logical, from, contentEnd(text, from, end), lines.breaks[j] ?? end, 2);
    }
  }
  if (found && !closed) {
    // The layer ended inside the header block (or had none): the empty line goes where the next line starts.
    const at = j < count ? lines.starts[j] ?? text.length : text.length;
    pushLine(logical, at, at, at, 2);
  }
  return { next: j, found };
}

function framesOf(text: string, limit = Infinity): Frame[] {
  const lines = scanLines(text);
  const logical = emptyLineTable();
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let state: FrameState | null = null;
  for (let i = 0; i < count && frames.length < limit; ) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    const c = text.charCodeAt(start);
    if (c === 32) {
      if (state && state.timestamp === null && text.startsWith(ARRIVAL, start)) state.timestamp = text.slice(start + ARRIVAL.length, contentEnd(text, start, end));
      i++;
      continue;
    }
    if (end === start) {
      i++;
      continue;
    }
    if (text.startsWith('Frame ', start)) {
      state = newState(start);
      i++;
      continue;
    }
    if (text.startsWith(SIP_LAYER, start)) {
      const from = logical.starts.length;
      const layer = readSipLayer(text, lines, i, logical);
      if (layer.found) {
        const frameState = state ?? newState(start);
        frames.push({ lines: logical, from, to: logical.starts.length, context: packetContext('tshark', factsOf(frameState), { start: frameState.start, end }, false) });
      }
      i = layer.next;
      continue;
    }
    if (state) readLayer(text.slice(start, end), state);
    i++;
  }
  return frames;
}

export const TSHARK_FORMAT: TraceFormat = {
  id: 'tshark',
  label: 'tshark -V / -O sip',
  detection: 'a column-0 "Session Initiation Protocol" layer with an indented "Request-Line:" or "Status-Line:"',
  detect: (sample) => (framesOf(sample, 1).length > 0 ? 100 : 0),
  frames: (text) => framesOf(text),
};
