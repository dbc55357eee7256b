/**
 * Via (RFC 3261 §20.42): `SIP/2.0/UDP host:port;branch=z9hG4bK...;received=...;rport`, possibly with
 * white space around the slashes (RFC 4475 wsinv), and several values per header.
 */
import { indexWithin, lastIndexWithin } from '../lines';
import type { Token } from '../model';
import { findParam, paramValue, parseListOutside, parseParams, separatorAt, skipSpace, tokenAt, trimSpaceEnd, type Param } from './scan';

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

/**
 * Where the parts of the Via value in text[s, e) (trimmed) are, written into LAYOUT: one scan that
 * parseViaValue and viaBranch share, so the branch read alone is the branch the full parse finds.
 * A shared array, not an object: the top Via of every message of a trace is read.
 */
const LAYOUT = new Int32Array(9);
const NAME_START = 0;
const NAME_END = 1;
const VERSION_START = 2;
const VERSION_END = 3;
const TRANSPORT_START = 4;
const TRANSPORT_END = 5;
const SENT_BY_START = 6;
const SENT_BY_END = 7;
/** The ";" that starts the parameters, or -1. */
const SEMICOLON = 8;

/** The end of a slash-separated part starting at `at`: "SIP", "2.0", "UDP". */
function partEnd(text: string, at: number, end: number): number {
  let e = at;
  while (e < end) {
    const c = text.charCodeAt(e);
    if (c === 47 /* / */ || c === 32 || c === 9 || c === 13 || c === 10 || c === 59) break;
    e++;
  }
  return e;
}

/** Where the part after the one ending at `partEnd` starts: past white space, one "/" and white space. */
function nextPartStart(text: string, partEnd: number, end: number): number {
  let next = skipSpace(text, partEnd, end);
  if (text.charCodeAt(next) === 47) next++;
  return skipSpace(text, next, end);
}

function layOut(text: string, s: number, e: number): void {
  LAYOUT[NAME_START] = s;
  LAYOUT[NAME_END] = partEnd(text, s, e);
  LAYOUT[VERSION_START] = nextPartStart(text, LAYOUT[NAME_END] ?? 0, e);
  LAYOUT[VERSION_END] = partEnd(text, LAYOUT[VERSION_START] ?? 0, e);
  LAYOUT[TRANSPORT_START] = nextPartStart(text, LAYOUT[VERSION_END] ?? 0, e);
  LAYOUT[TRANSPORT_END] = partEnd(text, LAYOUT[TRANSPORT_START] ?? 0, e);
  const sentByStart = skipSpace(text, LAYOUT[TRANSPORT_END] ?? 0, e);
  let sentByEnd = sentByStart;
  let angle = false;
  while (sentByEnd < e) {
    const c = text.charCodeAt(sentByEnd);
    if (c === 91) angle = true;
    if (c === 93) angle = false;
    if (!angle && (c === 59 || c === 32 || c === 9 || c === 13 || c === 10)) break;
    sentByEnd++;
  }
  LAYOUT[SENT_BY_START] = sentByStart;
  LAYOUT[SENT_BY_END] = sentByEnd;
  LAYOUT[SEMICOLON] = indexWithin(text, ';', sentByEnd, e);
}

const at = (field: number): number => LAYOUT[field] ?? 0;

export function parseViaValue(text: string, start: number, end: number): ViaValue {
  const s = skipSpace(text, start, end);
  const e = trimSpaceEnd(text, s, end);
  layOut(text, s, e);
  const name = tokenAt(text, at(NAME_START), at(NAME_END));
  const version = tokenAt(text, at(VERSION_START), at(VERSION_END));
  const transport = tokenAt(text, at(TRANSPORT_START), at(TRANSPORT_END));
  const sentByStart = at(SENT_BY_START);
  const sentByEnd = at(SENT_BY_END);
  const semicolon = at(SEMICOLON);
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
    protocolName: name.text ? name : null,
    protocolVersion: version.text ? version : null,
    transport: transport.text ? transport : null,
    sentBy: sentByEnd > sentByStart ? tokenAt(text, sentByStart, sentByEnd) : null,
    host,
    port,
    params,
    branch: paramValue(params, 'branch') ?? null,
  };
}

/**
 * The branch of the first Via value of one header row: parseFirstVia(...)?.branch, without the rest
 * of the value. Undefined when the row holds no value.
 */
export function firstViaBranch(text: string, start: number, end: number): Token | null | undefined {
  for (let from = start; ; ) {
    const to = separatorAt(text, from, end, 44 /* , */);
    const s = skipSpace(text, from, to);
    if (s < to) {
      const e = trimSpaceEnd(text, s, to);
      layOut(text, s, e);
      const semicolon = at(SEMICOLON);
      return semicolon === -1 ? null : findParam(text, semicolon + 1, e, 'branch') ?? null;
    }
    if (to >= end) return undefined;
    from = to + 1;
  }
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
