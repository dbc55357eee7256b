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
 * Splits text[start, end) at `separator` characters that are outside double quotes and angle
 * brackets (and, for `<...>`, outside the URI), returning the pieces' [start, end) pairs untrimmed.
 * An unbalanced quote simply runs to the end: the validator reports it, the parser stays quiet.
 */
export function splitOutside(text: string, start: number, end: number, separator: number): [number, number][] {
  const pieces: [number, number][] = [];
  let pieceStart = start;
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
    else if (c === separator && angle === 0) {
      pieces.push([pieceStart, i]);
      pieceStart = i + 1;
    }
  }
  pieces.push([pieceStart, end]);
  return pieces;
}

export interface Param {
  readonly name: Token;
  /** Null for a flag parameter such as `;lr` or `;rport`. */
  readonly value: Token | null;
  /** From the ";" to the end of the value. */
  readonly start: number;
  readonly end: number;
}

/** Parameters in text[start, end), which starts at (or before) the first ";". Empty pieces (";;") are skipped. */
export function parseParams(text: string, start: number, end: number): Param[] {
  const params: Param[] = [];
  for (const [s, e] of splitOutside(text, start, end, 59 /* ; */)) {
    const pieceStart = skipSpace(text, s, e);
    const pieceEnd = trimSpaceEnd(text, pieceStart, e);
    if (pieceStart === pieceEnd) continue;
    const eq = indexWithin(text, '=', pieceStart, pieceEnd);
    if (eq === -1) {
      params.push({ name: tokenAt(text, pieceStart, pieceEnd), value: null, start: Math.max(start, s - 1), end: pieceEnd });
    } else {
      params.push({ name: trimmedToken(text, pieceStart, eq), value: trimmedToken(text, eq + 1, pieceEnd), start: Math.max(start, s - 1), end: pieceEnd });
    }
  }
  return params;
}

export function paramValue(params: readonly Param[], name: string): Token | null | undefined {
  const lower = name.toLowerCase();
  const found = params.find((p) => p.name.text.toLowerCase() === lower);
  return found === undefined ? undefined : found.value;
}
