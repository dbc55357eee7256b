/**
 * Reading context out of free log text, for the generic format and for formats whose framing lines
 * vary: a timestamp, a direction word, a transport and "from/to address:port". Each reader returns
 * null rather than guess.
 */
import { normalizeAddress, normalizeTransport, type FrameFacts } from './blocks';

const TIMESTAMPS = [
  // 2024-01-31 12:34:56.789, 2024/01/31T12:34:56,789123, with an optional zone
  /\d{4}[-/]\d\d[-/]\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?/,
  // syslog: Nov 21 20:39:13
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?/,
  // bare time of day
  /\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b/,
  // epoch seconds with fraction (SIPp's old style)
  /\b1\d{9}\.\d{3,9}\b/,
];

export function findTimestamp(line: string): string | null {
  for (const pattern of TIMESTAMPS) {
    const match = pattern.exec(line);
    if (match) return match[0];
  }
  return null;
}

const SENT = /\b(?:sent|send|sending|tx|xmit|transmit(?:ted)?|outgoing)\b|-->|>>>/i;
const RECEIVED = /\b(?:recv|received|receiving|rcv|rx|incoming)\b|<--|<<</i;

export function findDirection(line: string): FrameFacts['direction'] {
  // Positions only (search makes no match object): the earlier word wins when both appear.
  const sent = line.search(SENT);
  const received = line.search(RECEIVED);
  if (sent !== -1 && received === -1) return 'sent';
  if (received !== -1 && sent === -1) return 'received';
  if (sent !== -1 && received !== -1) return sent < received ? 'sent' : 'received';
  return null;
}

const HOST_PORT = String.raw`(\[[0-9A-Fa-f:.]+\]:\d+|\d{1,3}(?:\.\d{1,3}){3}:\d+|[A-Za-z0-9.-]+\.[A-Za-z]{2,}:\d+)`;
const FROM = new RegExp(String.raw`\bfrom\s+(?:(udp|tcp|tls|wss?|sctp)[\s:/]+)?` + HOST_PORT, 'i');
const TO = new RegExp(String.raw`\bto\s+(?:(udp|tcp|tls|wss?|sctp)[\s:/]+)?` + HOST_PORT, 'i');
const TRANSPORT = /\b(udp|tcp|tls|wss?|sctp)\b/i;

/** Addresses and transport from phrases like "RECV from udp 1.2.3.4:5060" or "sent to TCP:[2001:db8::1]:5061". */
export function findEndpoints(line: string): Pick<FrameFacts, 'src' | 'dst' | 'transport'> {
  const from = FROM.exec(line);
  const to = TO.exec(line);
  const transport = from?.[1] ?? to?.[1] ?? TRANSPORT.exec(line)?.[1] ?? null;
  return {
    src: from ? normalizeAddress(from[2]) : null,
    dst: to ? normalizeAddress(to[2]) : null,
    transport: normalizeTransport(transport),
  };
}

/** Everything the generic reader can tell from one line of log text. */
export function factsFromText(line: string): FrameFacts {
  return { timestamp: findTimestamp(line), direction: findDirection(line), ...findEndpoints(line) };
}
