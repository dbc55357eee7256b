/**
 * Recognising and splitting start lines. Two strengths: `lenient` at a place where a message must
 * begin (the top of a message file or of a log frame), so malformed lines such as `INVITE
 * sip:a@b` (no version) or `SIP/7.0 200 OK` still parse and the validator can say what is wrong;
 * `strict` when scanning free text for messages, where a false match would invent a message.
 */
import type { RequestLine, StartLine, StatusLine, Token } from './model';

export type StartLineStrength = 'lenient' | 'strict';

/** RFC 3261 token characters, which is what a method may be made of (§25: Method = ... / extension-method). */
const METHOD = /^[A-Za-z0-9!%*_+`'~.-]+/;
const VERSION = /^SIP\/\d+\.\d+$/i;
const STRICT_VERSION = /^SIP\/2\.0$/;
const STATUS = /^(SIP\/[^ \t]*)[ \t]+(\d[^ \t]*)(?:[ \t](.*))?$/i;
const STRICT_STATUS = /^SIP\/2\.0 [1-9]\d\d(?: |$)/;
/** A URI scheme followed by a colon: "sip:", "sips:", "tel:", "urn:", "nobodyKnowsThisScheme:". */
const URI_LIKE = /^<?[A-Za-z][A-Za-z0-9+.-]*:[^\s]/;

function token(text: string, start: number, end: number): Token {
  return { text: text.slice(start, end), start, end };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/** Parses text[start, end) as a start line, or returns null when it is not one. Never throws. */
export function parseStartLine(text: string, start: number, end: number, strength: StartLineStrength): StartLine | null {
  if (end - start < 7) return null;
  const first = text.charCodeAt(start);
  // A line starting with white space is a folded header line or indentation, never a start line.
  if (first === 32 || first === 9) return null;
  const line = text.slice(start, end);
  if ((first === 83 || first === 115) && /^sip\//i.test(line)) return parseStatusLine(text, line, start, end, strength);
  return parseRequestLine(text, line, start, end, strength);
}

function parseStatusLine(text: string, line: string, start: number, end: number, strength: StartLineStrength): StatusLine | null {
  if (strength === 'strict' && !STRICT_STATUS.test(line)) return null;
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

function parseRequestLine(text: string, line: string, start: number, end: number, strength: StartLineStrength): RequestLine | null {
  const method = METHOD.exec(line);
  if (!method) return null;
  const methodEnd = method[0].length;
  const afterMethod = line.charCodeAt(methodEnd);
  if (afterMethod !== 32 && afterMethod !== 9) return null;
  const contentEnd = trimEnd(text, start, end) - start;
  let uriStart = methodEnd;
  while (uriStart < contentEnd && (line.charCodeAt(uriStart) === 32 || line.charCodeAt(uriStart) === 9)) uriStart++;
  if (uriStart >= contentEnd) return null;
  const lastSpace = Math.max(line.lastIndexOf(' ', contentEnd - 1), line.lastIndexOf('\t', contentEnd - 1));
  const lastToken = lastSpace >= uriStart ? line.slice(lastSpace + 1, contentEnd) : '';
  const hasVersion = lastSpace >= uriStart && VERSION.test(lastToken);
  if (strength === 'strict' && !(hasVersion && STRICT_VERSION.test(lastToken) && URI_LIKE.test(line.slice(uriStart)))) return null;
  if (!hasVersion && !URI_LIKE.test(line.slice(uriStart))) return null;

  let uriEnd = hasVersion ? lastSpace : contentEnd;
  while (uriEnd > uriStart && (line.charCodeAt(uriEnd - 1) === 32 || line.charCodeAt(uriEnd - 1) === 9)) uriEnd--;
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
