/**
 * Recognising and splitting start lines. Two strengths: `lenient` at a place where a message must
 * begin (the top of a message file or of a log frame), so malformed lines such as `INVITE
 * sip:a@b` (no version) or `SIP/7.0 200 OK` still parse and the validator can say what is wrong;
 * `strict` when scanning free text for messages, where a false match would invent a message.
 */
import type { RequestLine, StartLine, StatusLine, Token } from './model';

export type StartLineStrength = 'lenient' | 'strict';

/** RFC 3261 token characters, which is what a method may be made of (§25: Method = ... / extension-method), by char code. */
const METHOD_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!%*_+`'~.-") METHOD_CHAR[c.charCodeAt(0)] = 1;
/**
 * The version, tried where the line's last token starts (sticky): the token runs to the line's
 * content end, and only spaces and tabs follow that, hence the lookahead instead of slicing the token.
 */
const VERSION_AT = /SIP\/\d+\.\d+(?=[ \t]*$)/iy;
const STATUS = /^(SIP\/[^ \t]*)[ \t]+(\d[^ \t]*)(?:[ \t](.*))?$/i;
const STRICT_STATUS = /^SIP\/2\.0 [1-9]\d\d(?: |$)/;
/** A URI scheme followed by a colon: "sip:", "sips:", "tel:", "urn:", "nobodyKnowsThisScheme:"; tried where the URI starts (sticky). */
const URI_LIKE_AT = /<?[A-Za-z][A-Za-z0-9+.-]*:[^\s]/y;

function matchesAt(pattern: RegExp, line: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(line);
}

function token(text: string, start: number, end: number): Token {
  return { text: text.slice(start, end), start, end };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/** Parses text[start, end) as a start line, or returns null when it is not one. Never throws. */
export function parseStartLine(text: string, start: number, end: number, strength: StartLineStrength): StartLine | null {
  const line = candidateLine(text, start, end);
  if (line === null) return null;
  if (isStatusCandidate(text, start, line)) return parseStatusLine(text, line, start, end, strength);
  return parseRequestLine(text, line, start, end, strength);
}

/**
 * What parseStartLine(text, start, end, strength) would find, without making it: its kind, or null
 * when it would return null. The scans that only need to know whether a line starts a message (and
 * the parser, which reads a start line again only when a feature asks) use this, and leave no
 * tokens and strings behind for each message.
 */
export function startLineKind(text: string, start: number, end: number, strength: StartLineStrength): 'request' | 'response' | null {
  const line = candidateLine(text, start, end);
  if (line === null) return null;
  if (isStatusCandidate(text, start, line)) return statusLineMatches(line, strength) ? 'response' : null;
  return requestParts(text, line, start, end, strength) ? 'request' : null;
}

/** The line as a string, or null when it is too short or starts with white space (a folded header line or indentation). */
function candidateLine(text: string, start: number, end: number): string | null {
  if (end - start < 7) return null;
  const first = text.charCodeAt(start);
  if (first === 32 || first === 9) return null;
  return text.slice(start, end);
}

function isStatusCandidate(text: string, start: number, line: string): boolean {
  const first = text.charCodeAt(start);
  return (first === 83 || first === 115) && /^sip\//i.test(line);
}

function statusLineMatches(line: string, strength: StartLineStrength): boolean {
  return (strength !== 'strict' || STRICT_STATUS.test(line)) && STATUS.test(line);
}

function parseStatusLine(text: string, line: string, start: number, end: number, strength: StartLineStrength): StatusLine | null {
  if (strength === 'strict' && !STRICT_STATUS.test(line)) return null;
  // Same tests as statusLineMatches, whose answer startLineKind gives for this line.
  const match = STATUS.exec(line);
  if (!match) return null;
  const versionText = match[1] ?? '';
  const codeText = match[2] ?? '';
  const codeStart = start + line.indexOf(codeText, versionText.length);
  const codeEnd = codeStart + codeText.length;
  const reasonStart = Math.min(codeEnd + 1, end);
  const reasonEnd = Math.max(reasonStart, trimEnd(text, reasonStart, end));
  return {
    kind: 'response',
    start,
    end,
    version: token(text, start, start + versionText.length),
    code: token(text, codeStart, codeEnd),
    status: /^\d+$/.test(codeText) ? Number(codeText) : Number.NaN,
    reason: token(text, reasonStart, reasonEnd),
  };
}

/** Where a request line's parts are, relative to the line; written by requestParts (one parse at a time, never re-entered). */
const parts = { methodEnd: 0, uriStart: 0, uriEnd: 0, contentEnd: 0, lastSpace: 0, hasVersion: false };

/** Whether the line reads as a request line; when it does, where its parts are (in `parts`). */
function requestParts(text: string, line: string, start: number, end: number, strength: StartLineStrength): boolean {
  let methodEnd = 0;
  while (methodEnd < line.length && METHOD_CHAR[line.charCodeAt(methodEnd)] === 1) methodEnd++;
  if (methodEnd === 0) return false;
  const afterMethod = line.charCodeAt(methodEnd);
  if (afterMethod !== 32 && afterMethod !== 9) return false;
  const contentEnd = trimEnd(text, start, end) - start;
  let uriStart = methodEnd;
  while (uriStart < contentEnd && (line.charCodeAt(uriStart) === 32 || line.charCodeAt(uriStart) === 9)) uriStart++;
  if (uriStart >= contentEnd) return false;
  const lastSpace = Math.max(line.lastIndexOf(' ', contentEnd - 1), line.lastIndexOf('\t', contentEnd - 1));
  // The last token runs to the content's end: exactly "SIP/2.0" is the strict version (and a version),
  // settled without a pattern; anything else is tried against the general one.
  const strictVersion = lastSpace >= uriStart && contentEnd - lastSpace - 1 === 7 && line.startsWith('SIP/2.0', lastSpace + 1);
  const hasVersion = strictVersion || (lastSpace >= uriStart && matchesAt(VERSION_AT, line, lastSpace + 1));
  if (strength === 'strict' && !(strictVersion && matchesAt(URI_LIKE_AT, line, uriStart))) return false;
  if (!hasVersion && !matchesAt(URI_LIKE_AT, line, uriStart)) return false;
  let uriEnd = hasVersion ? lastSpace : contentEnd;
  while (uriEnd > uriStart && (line.charCodeAt(uriEnd - 1) === 32 || line.charCodeAt(uriEnd - 1) === 9)) uriEnd--;
  parts.methodEnd = methodEnd;
  parts.uriStart = uriStart;
  parts.uriEnd = uriEnd;
  parts.contentEnd = contentEnd;
  parts.lastSpace = lastSpace;
  parts.hasVersion = hasVersion;
  return true;
}

function parseRequestLine(text: string, line: string, start: number, end: number, strength: StartLineStrength): RequestLine | null {
  if (!requestParts(text, line, start, end, strength)) return null;
  const { methodEnd, uriStart, uriEnd, contentEnd, lastSpace, hasVersion } = parts;
  const versionStart = hasVersion ? start + lastSpace + 1 : start + contentEnd;
  return {
    kind: 'request',
    start,
    end,
    method: token(text, start, start + methodEnd),
    uri: token(text, start + uriStart, start + uriEnd),
    version: token(text, versionStart, hasVersion ? start + contentEnd : versionStart),
  };
}
