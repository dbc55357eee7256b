/**
 * URIs as SIP carries them (RFC 3261 §19.1): `sip:user:password@host:port;params?headers`, with IPv6
 * hosts in brackets (RFC 5118). Other schemes (tel:, urn:, http:) keep their text as `opaque`.
 */
import { indexWithin, lastIndexWithin } from '../lines';
import type { Token } from '../model';
import { parseParams, tokenAt, type Param } from './scan';

export interface Uri {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly scheme: Token;
  /** sip and sips only (tel's number is in `opaque`). */
  readonly user: Token | null;
  readonly password: Token | null;
  readonly host: Token | null;
  readonly port: Token | null;
  readonly params: readonly Param[];
  /** The `?h=v&...` part, without the "?". */
  readonly headers: Token | null;
  /** Everything after "scheme:" for schemes that are not sip/sips. */
  readonly opaque: Token | null;
}

/** RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), checked in place (no slice, no regex: URIs are parsed by the ten thousand). */
function isScheme(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    const alpha = c >= 97 && c <= 122;
    if (i === start ? !alpha : !(alpha || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) || text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45 || text.charCodeAt(i) === 46)) return false;
  }
  return true;
}

/** Parses text[start, end) as a URI, or returns null when it has no scheme. */
export function parseUri(text: string, start: number, end: number): Uri | null {
  const colon = indexWithin(text, ':', start, end);
  if (colon <= start || !isScheme(text, start, colon)) return null;
  const scheme = tokenAt(text, start, colon);
  const whole = text.slice(start, end);
  const lower = scheme.text.toLowerCase();
  if (lower !== 'sip' && lower !== 'sips') {
    return { start, end, text: whole, scheme, user: null, password: null, host: null, port: null, params: [], headers: null, opaque: tokenAt(text, colon + 1, end) };
  }
  // The user part may itself contain ';' and '?' (RFC 4475 semiuri, intmeth), so the host starts
  // after the last '@', and URI headers begin at the first '?' after it.
  const at = lastIndexWithin(text, '@', colon + 1, end);
  const question = indexWithin(text, '?', at === -1 ? colon + 1 : at + 1, end);
  const beforeHeaders = question === -1 ? end : question;
  const hostStart = at > colon ? at + 1 : colon + 1;
  let user: Token | null = null;
  let password: Token | null = null;
  if (at > colon) {
    const passwordColon = indexWithin(text, ':', colon + 1, at);
    user = tokenAt(text, colon + 1, passwordColon === -1 ? at : passwordColon);
    password = passwordColon === -1 ? null : tokenAt(text, passwordColon + 1, at);
  }
  const semicolon = indexWithin(text, ';', hostStart, beforeHeaders);
  const hostPortEnd = semicolon === -1 ? beforeHeaders : semicolon;
  let hostEnd = hostPortEnd;
  let port: Token | null = null;
  if (text.charCodeAt(hostStart) === 91 /* [ */) {
    const close = indexWithin(text, ']', hostStart, hostPortEnd);
    hostEnd = close === -1 ? hostPortEnd : close + 1;
    if (close !== -1 && text.charCodeAt(hostEnd) === 58) port = tokenAt(text, hostEnd + 1, hostPortEnd);
  } else {
    const portColon = lastIndexWithin(text, ':', hostStart, hostPortEnd);
    if (portColon >= hostStart) {
      hostEnd = portColon;
      port = tokenAt(text, portColon + 1, hostPortEnd);
    }
  }
  return {
    start,
    end,
    text: whole,
    scheme,
    user,
    password,
    host: tokenAt(text, hostStart, hostEnd),
    port,
    params: semicolon === -1 ? [] : parseParams(text, semicolon + 1, beforeHeaders),
    headers: question === -1 ? null : tokenAt(text, question + 1, end),
    opaque: null,
  };
}
