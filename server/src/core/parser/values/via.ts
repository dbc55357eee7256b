/**
 * Via (RFC 3261 §20.42): `SIP/2.0/UDP host:port;branch=z9hG4bK...;received=...;rport`, possibly with
 * white space around the slashes (RFC 4475 wsinv), and several values per header.
 */
import { indexWithin, lastIndexWithin } from '../lines';
import type { Token } from '../model';
import { paramValue, parseListOutside, parseParams, separatorAt, skipSpace, tokenAt, trimSpaceEnd, type Param } from './scan';

export interface ViaValue {
  readonly start: number;
  readonly end: number;
  /** "SIP" */
  readonly protocolName: Token | null;
  /** "2.0" */
  readonly protocolVersion: Token | null;
  /** "UDP", "TCP", "TLS", "SCTP", "WS", "WSS" or any token. */
  readonly transport: Token | null;
  /** host[:port] as written. */
  readonly sentBy: Token | null;
  readonly host: Token | null;
  readonly port: Token | null;
  readonly params: readonly Param[];
  readonly branch: Token | null;
}

function nextSlashPart(text: string, at: number, end: number): { token: Token; next: number } {
  const s = skipSpace(text, at, end);
  let e = s;
  while (e < end) {
    const c = text.charCodeAt(e);
    if (c === 47 /* / */ || c === 32 || c === 9 || c === 13 || c === 10 || c === 59) break;
    e++;
  }
  let next = skipSpace(text, e, end);
  if (text.charCodeAt(next) === 47) next++;
  return { token: tokenAt(text, s, e), next };
}

export function parseViaValue(text: string, start: number, end: number): ViaValue {
  const s = skipSpace(text, start, end);
  const e = trimSpaceEnd(text, s, end);
  const name = nextSlashPart(text, s, e);
  const version = nextSlashPart(text, name.next, e);
  const transport = nextSlashPart(text, version.next, e);
  const sentByStart = skipSpace(text, transport.token.end, e);
  let sentByEnd = sentByStart;
  let angle = false;
  while (sentByEnd < e) {
    const c = text.charCodeAt(sentByEnd);
    if (c === 91) angle = true;
    if (c === 93) angle = false;
    if (!angle && (c === 59 || c === 32 || c === 9 || c === 13 || c === 10)) break;
    sentByEnd++;
  }
  const semicolon = indexWithin(text, ';', sentByEnd, e);
  const params = semicolon === -1 ? [] : parseParams(text, semicolon + 1, e);
  let host: Token | null = null;
  let port: Token | null = null;
  if (sentByEnd > sentByStart) {
    // Found in place, without slicing: Via is parsed on every message of a trace.
    const closing = text.charCodeAt(sentByStart) === 91 ? indexWithin(text, ']', sentByStart, sentByEnd) : -1;
    const searchFrom = closing === -1 ? sentByStart : closing;
    const colon = lastIndexWithin(text, ':', searchFrom, sentByEnd);
    // An unbracketed IPv6 address has several colons and no port.
    if (colon === -1 || (closing === -1 && indexWithin(text, ':', sentByStart, sentByEnd) !== colon)) {
      host = tokenAt(text, sentByStart, sentByEnd);
    } else {
      host = tokenAt(text, sentByStart, colon);
      port = tokenAt(text, colon + 1, sentByEnd);
    }
  }
  return {
    start: s,
    end: e,
    protocolName: name.token.text ? name.token : null,
    protocolVersion: version.token.text ? version.token : null,
    transport: transport.token.text ? transport.token : null,
    sentBy: sentByEnd > sentByStart ? tokenAt(text, sentByStart, sentByEnd) : null,
    host,
    port,
    params,
    branch: paramValue(params, 'branch') ?? null,
  };
}

/** The first Via value of one header row, or null when the row holds none. */
export function parseFirstVia(text: string, start: number, end: number): ViaValue | null {
  for (let s = start; ; ) {
    const e = separatorAt(text, s, end, 44 /* , */);
    if (skipSpace(text, s, e) < e) return parseViaValue(text, s, e);
    if (e >= end) return null;
    s = e + 1;
  }
}

/** All Via values of one header row (several may be comma-separated). */
export function parseViaList(text: string, start: number, end: number): ViaValue[] {
  return parseListOutside(text, start, end, parseViaValue);
}
