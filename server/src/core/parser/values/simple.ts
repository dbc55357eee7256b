/**
 * The small header grammars: CSeq, integers (Max-Forwards, Content-Length, Expires), token lists
 * (Require, Supported, Allow, Allow-Events), Content-Type, and Reason (RFC 3326).
 */
import type { Token } from '../model';
import { isSpace, paramValue, parseParams, skipSpace, splitOutside, tokenAt, trimSpaceEnd, trimmedToken, type Param } from './scan';

export interface CSeqValue {
  readonly number: Token;
  /** NaN when `number` is not all digits. */
  readonly value: number;
  readonly method: Token | null;
}

/** `CSeq: 4711 INVITE` (RFC 3261 §20.16); leading zeros and extra white space are tolerated. */
export function parseCSeq(text: string, start: number, end: number): CSeqValue {
  const s = skipSpace(text, start, end);
  let e = s;
  while (e < end && !isSpace(text.charCodeAt(e))) e++;
  const number = tokenAt(text, s, e);
  const methodStart = skipSpace(text, e, end);
  const methodEnd = trimSpaceEnd(text, methodStart, end);
  return {
    number,
    value: /^\d+$/.test(number.text) ? Number(number.text) : Number.NaN,
    method: methodEnd > methodStart ? tokenAt(text, methodStart, methodEnd) : null,
  };
}

export interface IntegerValue {
  readonly token: Token;
  /** NaN when the value is not a plain non-negative integer; may exceed 2^53 for huge digit strings. */
  readonly value: number;
}

/** A delta-seconds or count value; anything after a ';' or '(' (Retry-After comment, params) is ignored. */
export function parseInteger(text: string, start: number, end: number): IntegerValue {
  const s = skipSpace(text, start, end);
  let e = s;
  while (e < end) {
    const c = text.charCodeAt(e);
    if (c === 59 || c === 40 || c === 32 || c === 9 || c === 13 || c === 10) break;
    e++;
  }
  const token = tokenAt(text, s, e);
  return { token, value: /^\d+$/.test(token.text) ? Number(token.text) : Number.NaN };
}

/** A comma-separated token list, empty items dropped: `Supported: 100rel, timer`. */
export function parseTokenList(text: string, start: number, end: number): Token[] {
  return splitOutside(text, start, end, 44)
    .map(([s, e]) => trimmedToken(text, s, e))
    .filter((t) => t.text !== '');
}

export interface ContentTypeValue {
  readonly type: Token;
  readonly subtype: Token | null;
  /** "application/sdp", lower case, without parameters. */
  readonly mediaType: string;
  readonly params: readonly Param[];
}

export function parseContentType(text: string, start: number, end: number): ContentTypeValue {
  const [first] = splitOutside(text, start, end, 59);
  const mediaEnd = first ? first[1] : end;
  const media = trimmedToken(text, start, mediaEnd);
  const slash = media.text.indexOf('/');
  const type = slash === -1 ? media : tokenAt(text, media.start, media.start + slash);
  const subtype = slash === -1 ? null : trimmedToken(text, media.start + slash + 1, media.end);
  return {
    type,
    subtype,
    mediaType: media.text.replace(/\s+/g, '').toLowerCase(),
    params: mediaEnd < end ? parseParams(text, mediaEnd + 1, end) : [],
  };
}

export interface ReasonValue {
  readonly start: number;
  readonly end: number;
  /** "SIP", "Q.850", ... */
  readonly protocol: Token;
  readonly cause: Token | null;
  readonly text: Token | null;
  readonly params: readonly Param[];
}

/** `Reason: Q.850;cause=16;text="Normal call clearing", SIP;cause=200` (RFC 3326 §2). */
export function parseReasonList(text: string, start: number, end: number): ReasonValue[] {
  return splitOutside(text, start, end, 44)
    .filter(([s, e]) => skipSpace(text, s, e) < e)
    .map(([s, e]) => {
      const [head] = splitOutside(text, s, e, 59);
      const protocolEnd = head ? head[1] : e;
      const params = protocolEnd < e ? parseParams(text, protocolEnd + 1, e) : [];
      const protocol = trimmedToken(text, s, protocolEnd);
      return { start: protocol.start, end: trimSpaceEnd(text, s, e), protocol, cause: paramValue(params, 'cause') ?? null, text: paramValue(params, 'text') ?? null, params };
    });
}
