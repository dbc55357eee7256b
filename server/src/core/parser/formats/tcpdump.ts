/**
 * tcpdump's text output, in the two shapes that show SIP:
 * - `-A`: a packet line "20:54:45.444049 IP 10.0.0.1.5160 > 10.0.0.2.5170: UDP, length 510" (TCP
 *   shows "Flags [P.], seq ..."), then the whole IP packet as text, one character per byte. The IP
 *   and UDP/TCP header bytes come first and run straight into the SIP start line
 *   ("E...]h@.@....(.2....INVITE sip:..."); a 0x0a among them breaks the line early (always for TCP,
 *   whose timestamp option holds one), and the last header byte may print as a letter ("..AINVITE").
 * - `-v`: a packet line "IP (tos 0x0, ..., proto UDP (17), length 538)", the addresses on the next,
 *   indented line ("localhost.5160 > 127.0.0.2.sip: ... SIP, length: 510"), then the SIP printer's
 *   lines, each behind one tab.
 * Addresses are "host.port" (names and service names kept as printed). CRs are never shown: tcpdump
 * drops a CR before LF, so every line break stood for CRLF on the wire.
 *
 * The start line is found where the packet's headers end when that can be counted from the dump
 * (the IP header length is in its first byte, UDP's is fixed, TCP's data offset sometimes prints),
 * and otherwise by the "SIP/2.0" that ends a request line or begins a status line, taking as the
 * method the registered method the header bytes were glued to.
 */
import { scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import type { StartLine } from '../model';
import { parseStartLine } from '../startLine';
import type { FrameFacts } from './blocks';
import { dottedAddress, isCapitals, isLetters, packetContext, startAfterGarbage } from './sniffer';
import type { TraceFormat } from './types';

/**
 * "[date ]time IP|IP6 rest": the time is optional (-t) or an error note, an "iface In|Out" may come
 * first (-i any), and with -e the link layer replaces the word IP ("... ethertype IPv4 (0x0800), length 78:").
 */
const PACKET =
  /^(?:((?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+|\d{9,}\.\d+)|\[[^\]]*\]) (?:\S+ +(?:In|Out|M|P|B) +)?(?:IP6?|\S+ > \S+, ethertype IPv[46] \(0x[0-9a-f]+\), length \d+:) (.*)$/;
const UNTIMED = /^()(?:IP6?) (.*)$/;
/** "src > dst: rest": dst ends at the first colon followed by a space. */
const ENDPOINTS = /^[ \t]*(\S+) > (\S+?):(?: (.*)|$)/;
/** A tunnelled packet inside the rest: "GREv0, ..., length 725: IP 10.0.0.1.5060 > ..." or "IP (tos ...". */
const NESTED = /(?:^|: )IP6? (.*)$/;
const PROTO = /\b(?:proto|next-header) (UDP|TCP|SCTP) \(/;

/** How many lines after the packet line the SIP start line may sit on (behind the header bytes). */
const GARBAGE_LINES = 8;

interface Packet {
  facts: FrameFacts;
  /** Physical line of the packet line, and one past the last line of the packet's framing. */
  line: number;
  next: number;
  /** True when the packet was tunnelled (GRE, IPIP): the dump's header bytes cannot be counted. */
  tunnelled: boolean;
}

function isPacketCandidate(text: string, start: number, end: number): boolean {
  if (end - start < 10) return false;
  const c = text.charCodeAt(start);
  return (c >= 48 && c <= 57) || c === 91 /* [ */ || (c === 73 /* I */ && text.startsWith('IP', start));
}

/** What follows "src > dst: " says the transport: "UDP, length", "Flags [", "sctp"; -v says "proto UDP (17)". */
function transportOf(rest: string, ipPart: string): string | null {
  const proto = PROTO.exec(ipPart);
  if (proto) return proto[1] ?? null;
  if (rest.startsWith('UDP') || rest.includes('] UDP,') || rest.includes(' SIP,') || rest.startsWith('SIP')) return 'UDP';
  if (rest.startsWith('Flags [') || rest.includes('] Flags [')) return 'TCP';
  if (rest.startsWith('sctp')) return 'SCTP';
  return null;
}

/** The text after the -v "(tos ..., proto UDP (17), length 538)", whose parentheses nest. */
function afterParenthesis(part: string): string {
  let depth = 0;
  for (let k = 0; k < part.length; k++) {
    const c = part.charCodeAt(k);
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return part.slice(k + 1);
  }
  return '';
}

/**
 * The packet line at physical line i, with the lines -v adds (the indented address line, and for a
 * tunnel the inner packet's lines), or null. The innermost packet's addresses and transport count.
 */
function packetAt(text: string, lines: MutableLineTable, i: number): Packet | null {
  const start = lines.starts[i] ?? 0;
  const end = lines.ends[i] ?? 0;
  if (!isPacketCandidate(text, start, end)) return null;
  const line = text.slice(start, end);
  const match = PACKET.exec(line) ?? (text.charCodeAt(start) === 73 ? UNTIMED.exec(line) : null);
  if (!match) return null;
  const count = lines.starts.length;
  const nextLine = (next: number, tab: boolean): string | null => {
    if (next >= count) return null;
    const s = lines.starts[next] ?? 0;
    const c = text.charCodeAt(s);
    return (tab ? c === 9 : c === 32 || c === 9) ? text.slice(s, lines.ends[next] ?? s) : null;
  };
  let part = match[2] ?? '';
  let next = i + 1;
  let tunnelled = false;
  for (let depth = 0; depth < 4; depth++) {
    const ipPart = part;
    if (part.startsWith('(')) {
      // -v: the addresses follow the parenthesis on the same line (IPv6) or on the next, indented line (IPv4).
      part = afterParenthesis(part);
      if (part.trim() === '') {
        const indented = nextLine(next, false);
        if (indented === null) return null;
        part = indented;
        next++;
      }
    }
    const endpoints = ENDPOINTS.exec(part);
    if (!endpoints) return null;
    const rest = endpoints[3] ?? '';
    // A tunnel: the inner packet follows on the same line, or (-v) on the next, tab-indented line.
    const nested = NESTED.exec(rest);
    const innerLine = nested ? null : nextLine(next, true);
    const inner = nested ? nested[1] : innerLine !== null ? NESTED.exec(innerLine.trimStart())?.[1] : undefined;
    if (inner !== undefined && depth < 3) {
      if (!nested) next++;
      part = inner;
      tunnelled = true;
      continue;
    }
    return {
      facts: { timestamp: match[1] ?? null, src: dottedAddress(endpoints[1] ?? ''), dst: dottedAddress(endpoints[2] ?? ''), transport: transportOf(rest, ipPart) },
      line: i,
      next,
      tunnelled,
    };
  }
  return null;
}

/**
 * Offsets (in dump characters from the first one) at which the payload may begin, counted from the
 * header lengths the dump reveals: IPv4's IHL in its first byte, IPv6's fixed 40 bytes, UDP's 8, and
 * TCP's data offset when that byte printed as itself. An unprintable data offset (0x80 for the usual
 * 32-byte header with timestamps) leaves the plausible sizes, most common first.
 */
function payloadOffsets(text: string, lines: MutableLineTable, first: number, last: number, transport: string | null | undefined): { offsets: number[]; counted: boolean } {
  const at = (offset: number): number => {
    const pos = dumpPosition(lines, first, last, offset);
    return pos === -1 ? -1 : text.charCodeAt(pos);
  };
  const lead = at(0);
  let ip: number;
  if (lead >= 0x45 && lead <= 0x4f) ip = (lead & 0x0f) * 4;
  else if (lead === 0x60) ip = 40;
  else return { offsets: [], counted: false };
  if (transport === 'UDP') return { offsets: [ip + 8], counted: true };
  const offset = transport === 'TCP' ? at(ip + 12) : -1;
  if (offset === 46 /* . */) return { offsets: [ip + 32, ip + 40, ip + 36, ip + 44, ip + 48], counted: false };
  const words = offset >> 4;
  return words >= 5 ? { offsets: [ip + words * 4], counted: true } : { offsets: [], counted: false };
}

/** Position in the text of the dump's `offset`-th character, lines [first, last) counting each line break as one byte. */
function dumpPosition(lines: MutableLineTable, first: number, last: number, offset: number): number {
  let left = offset;
  for (let i = first; i < last; i++) {
    const start = lines.starts[i] ?? 0;
    const length = (lines.ends[i] ?? 0) - start;
    if (left < length) return start + left;
    left -= length + 1;
    if (left < 0) return -1;
  }
  return -1;
}

/** The start line's position among the packet's first dump lines, and its physical line; null when the packet shows no SIP. */
function findGluedStart(text: string, lines: MutableLineTable, first: number, last: number, transport: string | null | undefined): { line: number; at: number } | null {
  const scanEnd = Math.min(last, first + GARBAGE_LINES);
  const { offsets, counted } = payloadOffsets(text, lines, first, scanEnd, transport);
  for (const offset of offsets) {
    const at = dumpPosition(lines, first, scanEnd, offset);
    if (at === -1) continue;
    let line = first;
    while ((lines.ends[line] ?? 0) < at) line++;
    const parsed: StartLine | null = parseStartLine(text, at, lines.ends[line] ?? at, 'strict');
    // A counted offset must land on a method made of letters; a guessed one on a method in capitals.
    if (parsed && (parsed.kind === 'response' || (counted ? isLetters : isCapitals)(text, parsed.method.start, parsed.method.end))) return { line, at };
  }
  for (let line = first; line < scanEnd; line++) {
    const at = startAfterGarbage(text, lines.starts[line] ?? 0, lines.ends[line] ?? 0);
    if (at !== -1) return { line, at };
  }
  return null;
}

/**
 * Turns the packet's lines [packet.next, last) into its SIP lines, in place (the start line begins
 * at its method, -v lines lose their tab). Returns the start line's index, or -1 when the packet
 * shows no SIP.
 */
function payload(text: string, lines: MutableLineTable, packet: Packet, last: number): number {
  const first = packet.next;
  if (first >= last) return -1;
  const { starts, ends, breakBytes } = lines;
  const firstStart = starts[first] ?? 0;
  if (text.charCodeAt(firstStart) === 9 && parseStartLine(text, firstStart + 1, ends[first] ?? firstStart, 'lenient')) {
    for (let i = first; i < last; i++) {
      if (text.charCodeAt(starts[i] ?? 0) === 9) starts[i] = (starts[i] ?? 0) + 1;
      breakBytes[i] = 2;
    }
    return first;
  }
  const found = findGluedStart(text, lines, first, last, packet.tunnelled ? null : packet.facts.transport);
  if (!found) return -1;
  starts[found.line] = found.at;
  for (let i = found.line; i < last; i++) breakBytes[i] = 2;
  // With -A, tcpdump ends the packet with a line feed of its own: the last line's break is not the packet's.
  breakBytes[last - 1] = 0;
  return found.line;
}

function framesOf(text: string, limit = Infinity): Frame[] {
  const lines = scanLines(text);
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let packet: Packet | null = null;
  const close = (last: number): void => {
    if (!packet) return;
    const frameSpan = { start: lines.starts[packet.line] ?? 0, end: lines.ends[packet.next - 1] ?? 0 };
    const from = payload(text, lines, packet, last);
    if (from !== -1) frames.push({ lines, from, to: last, context: packetContext('tcpdump', packet.facts, frameSpan) });
    packet = null;
  };
  for (let i = 0; i < count && frames.length < limit; i++) {
    const found = packetAt(text, lines, i);
    if (!found) continue;
    close(i);
    packet = found;
    i = found.next - 1;
  }
  if (frames.length < limit) close(count);
  return frames;
}

export const TCPDUMP_FORMAT: TraceFormat = {
  id: 'tcpdump',
  label: 'tcpdump -A / -v',
  detection: 'a packet line "time IP a.b.c.d.port > e.f.g.h.port: ..." followed by SIP glued to the header bytes (-A) or tab-indented (-v)',
  detect: (sample) => (framesOf(sample, 1).length > 0 ? 100 : 0),
  frames: (text) => framesOf(text),
};
