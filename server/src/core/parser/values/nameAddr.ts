/**
 * name-addr and addr-spec values (RFC 3261 §20.10, §20.20, §20.39 and §25): To, From, Contact,
 * Route, Record-Route, Refer-To, P-Asserted-Identity ... `"Display" <sip:a@b>;tag=x`, or a bare
 * `sip:a@b;tag=x` where the parameters belong to the header, not the URI.
 */
import { indexWithin } from '../lines';
import type { Token } from '../model';
import { findParam, parseListOutside, parseParams, skipSpace, tokenAt, trimSpaceEnd, type Param } from './scan';
import { parseUri, type Uri } from './uri';

export interface NameAddr {
  readonly start: number;
  readonly end: number;
  /** As written, quotes included; null when there is none. */
  readonly displayName: Token | null;
  /** True when the URI was enclosed in <>. */
  readonly bracketed: boolean;
  /** The text between < and > (or the addr-spec), as written. */
  readonly uriText: Token;
  readonly uri: Uri | null;
  readonly params: readonly Param[];
  /** `Contact: *` (RFC 3261 §10.2.2). */
  readonly wildcard: boolean;
}

/** Parses one name-addr / addr-spec in text[start, end). */
export function parseNameAddr(text: string, start: number, end: number): NameAddr {
  const s = skipSpace(text, start, end);
  const e = trimSpaceEnd(text, s, end);
  if (e - s === 1 && text.charCodeAt(s) === 42 /* * */) {
    return { start: s, end: e, displayName: null, bracketed: false, uriText: tokenAt(text, s, e), uri: null, params: [], wildcard: true };
  }
  const open = findOpenBracket(text, s, e);
  if (open !== -1) {
    const close = indexWithin(text, '>', open + 1, e);
    const uriEnd = close === -1 ? e : close;
    const nameEnd = trimSpaceEnd(text, s, open);
    const uriStart = open + 1;
    const afterClose = close === -1 ? e : close + 1;
    return {
      start: s,
      end: e,
      displayName: nameEnd > s ? tokenAt(text, s, nameEnd) : null,
      bracketed: true,
      uriText: tokenAt(text, uriStart, uriEnd),
      uri: parseUri(text, skipSpace(text, uriStart, uriEnd), trimSpaceEnd(text, uriStart, uriEnd)),
      params: parseParams(text, afterClose, e),
      wildcard: false,
    };
  }
  // addr-spec without <>: header parameters start at the first ';' (RFC 3261 §20.10).
  const semicolon = indexWithin(text, ';', s, e);
  const uriEnd = semicolon === -1 ? e : trimSpaceEnd(text, s, semicolon);
  return {
    start: s,
    end: e,
    displayName: null,
    bracketed: false,
    uriText: tokenAt(text, s, uriEnd),
    uri: parseUri(text, s, uriEnd),
    params: semicolon === -1 ? [] : parseParams(text, semicolon + 1, e),
    wildcard: false,
  };
}

/**
 * One header parameter of a name-addr / addr-spec, as paramValue(parseNameAddrParams(...), name)
 * finds it, without building the list: the From and To tags, read on every message of a trace.
 */
export function nameAddrParam(text: string, start: number, end: number, lowerName: string): Token | null | undefined {
  const from = paramsStart(text, start, end);
  return from === -1 ? undefined : findParam(text, from, trimSpaceEnd(text, from, end), lowerName);
}

/** Where the header parameters of the name-addr in text[start, end) are scanned from, or -1 for none. */
function paramsStart(text: string, start: number, end: number): number {
  const s = skipSpace(text, start, end);
  const e = trimSpaceEnd(text, s, end);
  if (e - s === 1 && text.charCodeAt(s) === 42 /* * */) return -1;
  const open = findOpenBracket(text, s, e);
  if (open !== -1) {
    const close = indexWithin(text, '>', open + 1, e);
    return close === -1 ? e : close + 1;
  }
  const semicolon = indexWithin(text, ';', s, e);
  return semicolon === -1 ? -1 : semicolon + 1;
}

/** The '<' that opens the URI, skipping any inside quotes (a display name, or a quoted parameter). */
export function findOpenBracket(text: string, start: number, end: number): number {
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 92) i++;
      else if (c === 34) inQuotes = false;
    } else if (c === 34) inQuotes = true;
    else if (c === 60) return i;
  }
  return -1;
}

/** A comma-separated list of name-addrs (Contact, Route, Record-Route ...). */
export function parseNameAddrList(text: string, start: number, end: number): NameAddr[] {
  return parseListOutside(text, start, end, parseNameAddr);
}
