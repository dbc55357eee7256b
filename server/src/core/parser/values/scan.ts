/**
 * Small scanning helpers shared by the header-value parsers. They work on the document text between
 * two offsets, so every token they return carries its real position; folding (CRLF + white space)
 * inside a value is just white space to them.
 */
import { indexWithin } from '../lines';
import type { Token } from '../model';

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

export function skipSpace(text: string, at: number, end: number): number {
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  return at;
}

export function trimSpaceEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

export function tokenAt(text: string, start: number, end: number): Token {
  return { text: text.slice(start, end), start, end };
}

/** A trimmed token for text[start, end). */
export function trimmedToken(text: string, start: number, end: number): Token {
  const s = skipSpace(text, start, end);
  return tokenAt(text, s, trimSpaceEnd(text, s, end));
}

/**
 * The first `separator` character in text[start, end) that is outside double quotes and angle
 * brackets, or `end`. An unbalanced quote simply runs to the end: the validator reports it, the
 * parser stays quiet. At a separator found this way no quote or bracket is open, so the next piece
 * is scanned from a clean state: the pieces are those of splitOutside, found without an array.
 */
export function separatorAt(text: string, start: number, end: number, separator: number): number {
  let inQuotes = false;
  let angle = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 92 /* \ */) i++;
      else if (c === 34) inQuotes = false;
    } else if (c === 34) inQuotes = true;
    else if (c === 60 /* < */) angle++;
    else if (c === 62 /* > */ && angle > 0) angle--;
    else if (c === separator && angle === 0) return i;
  }
  return end;
}

/**
 * Splits text[start, end) at `separator` characters that are outside double quotes and angle
 * brackets (and, for `<...>`, outside the URI), returning the pieces' [start, end) pairs untrimmed.
 */
export function splitOutside(text: string, start: number, end: number, separator: number): [number, number][] {
  const pieces: [number, number][] = [];
  for (let pieceStart = start; ; ) {
    const at = separatorAt(text, pieceStart, end, separator);
    pieces.push([pieceStart, at]);
    if (at >= end) return pieces;
    pieceStart = at + 1;
  }
}

/**
 * The comma-separated list in text[start, end), each non-blank element parsed by `parse` (commas
 * inside quotes or angle brackets do not split): Via, Contact, Route and other list headers.
 */
export function parseListOutside<T>(text: string, start: number, end: number, parse: (text: string, start: number, end: number) => T): T[] {
  const values: T[] = [];
  for (let s = start; ; ) {
    const e = separatorAt(text, s, end, 44 /* , */);
    if (skipSpace(text, s, e) < e) values.push(parse(text, s, e));
    if (e >= end) return values;
    s = e + 1;
  }
}

export interface Param {
  readonly name: Token;
  /** Null for a flag parameter such as `;lr` or `;rport`. */
  readonly value: Token | null;
  /** From the ";" to the end of the value. */
  readonly start: number;
  readonly end: number;
}

/**
 * The parameters in text[start, end) one at a time: each non-empty piece between ";" separators
 * (outside quotes and brackets), trimmed, with its "=" (-1 for a flag) and where the ";" before it
 * is. Stops when `visit` returns true. parseParams and findParam read parameters the same way.
 */
function eachParam(text: string, start: number, end: number, visit: (pieceStart: number, eq: number, pieceEnd: number, separator: number) => boolean): void {
  for (let s = start; ; ) {
    const e = separatorAt(text, s, end, 59 /* ; */);
    const pieceStart = skipSpace(text, s, e);
    const pieceEnd = trimSpaceEnd(text, pieceStart, e);
    if (pieceStart !== pieceEnd && visit(pieceStart, indexWithin(text, '=', pieceStart, pieceEnd), pieceEnd, s - 1)) return;
    if (e >= end) return;
    s = e + 1;
  }
}

/** Parameters in text[start, end), which starts at (or before) the first ";". Empty pieces (";;") are skipped. */
export function parseParams(text: string, start: number, end: number): Param[] {
  const params: Param[] = [];
  eachParam(text, start, end, (pieceStart, eq, pieceEnd, separator) => {
    const from = Math.max(start, separator);
    if (eq === -1) params.push({ name: tokenAt(text, pieceStart, pieceEnd), value: null, start: from, end: pieceEnd });
    else params.push({ name: trimmedToken(text, pieceStart, eq), value: trimmedToken(text, eq + 1, pieceEnd), start: from, end: pieceEnd });
    return false;
  });
  return params;
}

/**
 * What paramValue(parseParams(text, start, end), name) returns, found without building the list:
 * only the value's token is made. `lowerName` is in lower case. For the one parameter read from
 * every message of a trace (the top Via's branch).
 */
export function findParam(text: string, start: number, end: number, lowerName: string): Token | null | undefined {
  let found: Token | null | undefined;
  eachParam(text, start, end, (pieceStart, eq, pieceEnd) => {
    if (!nameIs(text, pieceStart, eq === -1 ? pieceEnd : trimSpaceEnd(text, pieceStart, eq), lowerName)) return false;
    found = eq === -1 ? null : trimmedToken(text, eq + 1, pieceEnd);
    return true;
  });
  return found;
}

/** Whether text[start, end) is `lowerName` in any case, as paramValue compares names. */
function nameIs(text: string, start: number, end: number, lowerName: string): boolean {
  if (end - start !== lowerName.length) return false;
  for (let i = 0; i < lowerName.length; i++) {
    const c = text.charCodeAt(start + i);
    // Outside ASCII, lower-casing has surprises (the Kelvin sign lowers to "k"): compare as paramValue does.
    if (c >= 128) return text.slice(start, end).toLowerCase() === lowerName;
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

export function paramValue(params: readonly Param[], name: string): Token | null | undefined {
  const lower = name.toLowerCase();
  for (const param of params) {
    const written = param.name.text;
    // Most parameters are written in lower case already: compare before lowering a copy.
    if (written === lower || (written.length === lower.length && written.toLowerCase() === lower)) return param.value;
  }
  return undefined;
}
