/**
 * What the packet-capture formats (tcpdump, tshark, ngrep, sipgrep, sngrep) have in common: they
 * print each packet's addresses in their own notation, they never say "sent" or "received" (a
 * sniffer only watches), and each packet becomes one frame whose context comes from its header line.
 */
import { indexWithin, lastIndexWithin } from '../lines';
import type { FormatId, LogContext, Span } from '../model';
import { parseStartLine } from '../startLine';
import { lookupMethod } from '../../registry/lookup';
import { normalizeAddress, normalizeTransport, type FrameFacts } from './blocks';

/**
 * "1.2.3.4:5060", "[2001:db8::1]:5060", or IPv6 the way ngrep prints it, without brackets
 * ("::1:5160": the port follows the last colon). Returns "ip:port" / "[v6]:port".
 */
export function colonAddress(value: string): string | null {
  if (value.startsWith('[')) return normalizeAddress(value);
  const colon = value.lastIndexOf(':');
  if (colon <= 0 || colon === value.length - 1) return value || null;
  return normalizeAddress(value.slice(0, colon), value.slice(colon + 1));
}

const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * tcpdump's "host.port": the port (a number, or a service name such as "sip" when names are
 * resolved) follows the last dot. "localhost.5160", "127.0.0.2.sip", "::1.5160".
 */
export function dottedAddress(value: string): string | null {
  // A packet without ports (GRE, ICMP) shows bare addresses.
  if (DOTTED_QUAD.test(value)) return value;
  const dot = value.lastIndexOf('.');
  if (dot <= 0 || dot === value.length - 1) return value || null;
  return normalizeAddress(value.slice(0, dot), value.slice(dot + 1));
}

/** The context of one captured packet: no direction, since a sniffer does not know whose packet it saw. */
export function packetContext(format: FormatId, facts: FrameFacts, frameSpan: Span | null, bodyVerbatim = true): LogContext {
  return {
    format,
    timestamp: facts.timestamp ?? null,
    direction: null,
    transport: normalizeTransport(facts.transport),
    src: facts.src ?? null,
    dst: facts.dst ?? null,
    frameSpan,
    bodyVerbatim,
  };
}

/** ngrep and sipgrep name the protocol with one letter at the start of the packet header. */
export function transportLetter(letter: string): string | null {
  return letter === 'U' ? 'UDP' : letter === 'T' ? 'TCP' : null;
}

/** True for a method the registry knows, written as registered (methods are case-sensitive). */
function isKnownMethod(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  return lookupMethod(name)?.name === name;
}

function isRun(text: string, start: number, end: number, letters: boolean): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (letters && c >= 97 && c <= 122))) return false;
  }
  return true;
}

export const isCapitals = (text: string, start: number, end: number): boolean => isRun(text, start, end, false);
export const isLetters = (text: string, start: number, end: number): boolean => isRun(text, start, end, true);

/**
 * Where a start line begins on text[start, end) when bytes the tool printed as text (IP and
 * transport headers, a WebSocket frame header) are glued before it: at a status line's "SIP/2.0",
 * or at the method of a line ending in " SIP/2.0". The method is the longest registered method the
 * glued token ends with, else its trailing run of capitals. -1 when the line holds no start line.
 */
export function startAfterGarbage(text: string, start: number, end: number): number {
  const status = indexWithin(text, 'SIP/2.0 ', start, end);
  if (status !== -1 && parseStartLine(text, status, end, 'strict')) return status;
  if (!text.endsWith(' SIP/2.0', end)) return -1;
  const uriSpace = lastIndexWithin(text, ' ', start, end - 8);
  if (uriSpace <= start) return -1;
  let tokenStart = uriSpace;
  while (tokenStart > start && text.charCodeAt(tokenStart - 1) !== 32 && text.charCodeAt(tokenStart - 1) !== 9) tokenStart--;
  for (let m = Math.max(tokenStart, uriSpace - 12); m < uriSpace; m++) {
    if (isKnownMethod(text, m, uriSpace)) return parseStartLine(text, m, end, 'strict') ? m : -1;
  }
  let m = uriSpace;
  while (m > tokenStart && isCapitals(text, m - 1, m)) m--;
  return m < uriSpace && parseStartLine(text, m, end, 'strict') ? m : -1;
}
