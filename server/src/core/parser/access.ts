/**
 * What features ask of a message: "the Call-ID", "the top Via", "the CSeq". Header values are parsed
 * on first request and remembered per header, so a feature that never looks at Contact never pays
 * for parsing it.
 */
import type { Header, SipMessage } from './model';
import { parseNameAddr, parseNameAddrList, type NameAddr } from './values/nameAddr';
import { parseContentType, parseCSeq, parseInteger, parseReasonList, parseTokenList, type ContentTypeValue, type CSeqValue, type IntegerValue, type ReasonValue } from './values/simple';
import type { Token } from './model';
import { parseUri, type Uri } from './values/uri';
import { parseViaList, type ViaValue } from './values/via';

const memo = new WeakMap<object, Map<string, unknown>>();

function remember<T>(owner: object, kind: string, compute: () => T): T {
  let cache = memo.get(owner);
  if (!cache) {
    cache = new Map();
    memo.set(owner, cache);
  }
  if (cache.has(kind)) return cache.get(kind) as T;
  const value = compute();
  cache.set(kind, value);
  return value;
}

/** Every header row with this canonical name (case-insensitive; compact forms were resolved when parsing). */
export function headersNamed(message: SipMessage, name: string): Header[] {
  const key = name.toLowerCase();
  return message.headers.filter((h) => h.key === key);
}

export function firstHeader(message: SipMessage, name: string): Header | undefined {
  const key = name.toLowerCase();
  return message.headers.find((h) => h.key === key);
}

/** The parsed value of a header row, remembered. `text` must be the document the message came from. */
function valueOf<T>(text: string, header: Header, kind: string, parse: (text: string, start: number, end: number) => T): T {
  return remember(header, kind, () => parse(text, header.valueSpan.start, header.valueSpan.end));
}

export function callId(message: SipMessage): string | null {
  return firstHeader(message, 'Call-ID')?.value ?? null;
}

export function cseqOf(text: string, message: SipMessage): CSeqValue | null {
  const header = firstHeader(message, 'CSeq');
  return header ? valueOf(text, header, 'cseq', parseCSeq) : null;
}

/** All Via values in order, top first, across rows. */
export function viasOf(text: string, message: SipMessage): ViaValue[] {
  return remember(message, 'via', () => headersNamed(message, 'Via').flatMap((h) => valueOf(text, h, 'via', parseViaList)));
}

export function topVia(text: string, message: SipMessage): ViaValue | null {
  return viasOf(text, message)[0] ?? null;
}

/** To, From, Refer-To, Referred-By, P-Asserted-Identity's first value... any single name-addr header. */
export function nameAddrOf(text: string, message: SipMessage, name: string): NameAddr | null {
  const header = firstHeader(message, name);
  return header ? valueOf(text, header, 'name-addr', parseNameAddr) : null;
}

/** Contact, Route, Record-Route, Path...: every value across rows. */
export function nameAddrListOf(text: string, message: SipMessage, name: string): NameAddr[] {
  return headersNamed(message, name).flatMap((h) => valueOf(text, h, 'name-addr-list', parseNameAddrList));
}

export function tagOf(address: NameAddr | null): string | null {
  const tag = address?.params.find((p) => p.name.text.toLowerCase() === 'tag');
  return tag?.value?.text ?? null;
}

export function integerOf(text: string, message: SipMessage, name: string): IntegerValue | null {
  const header = firstHeader(message, name);
  return header ? valueOf(text, header, 'integer', parseInteger) : null;
}

/** Require, Supported, Proxy-Require, Unsupported, Allow, Allow-Events: all tokens across rows. */
export function tokenListOf(text: string, message: SipMessage, name: string): Token[] {
  return headersNamed(message, name).flatMap((h) => valueOf(text, h, 'tokens', parseTokenList));
}

export function contentTypeOf(text: string, message: SipMessage): ContentTypeValue | null {
  const header = firstHeader(message, 'Content-Type');
  return header ? valueOf(text, header, 'content-type', parseContentType) : null;
}

export function reasonsOf(text: string, message: SipMessage): ReasonValue[] {
  return headersNamed(message, 'Reason').flatMap((h) => valueOf(text, h, 'reason', parseReasonList));
}

/** The Request-URI of a request, parsed (null for responses or when it has no scheme). */
export function requestUriOf(text: string, message: SipMessage): Uri | null {
  const line = message.startLine;
  if (line.kind !== 'request') return null;
  return remember(message, 'request-uri', () => parseUri(text, line.uri.start, line.uri.end));
}

/** The method a message belongs to: its own for a request, the CSeq method for a response. */
export function methodOf(text: string, message: SipMessage): string | null {
  return message.startLine.kind === 'request' ? message.startLine.method.text : cseqOf(text, message)?.method?.text ?? null;
}
