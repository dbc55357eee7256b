/**
 * Canonical header names for the parser's hot loop. Real traffic repeats a few dozen spellings
 * ("Via", "v", "call-id"), so each written spelling is resolved through the registry once and
 * remembered; the memo is bounded so junk input cannot grow it without limit.
 */
import { lookupHeader } from '../registry/lookup';

export interface HeaderName {
  readonly canonical: string;
  readonly key: string;
  /** Position in REMEMBERED_NAMES, or -1 for a spelling resolved after the memo was full. */
  readonly id: number;
}

/** Every remembered name by id: header stores refer to names by these numbers. */
export const REMEMBERED_NAMES: HeaderName[] = [];

const MAX_REMEMBERED = 4096;
const memo = new Map<string, HeaderName>();

export function resolveHeaderName(written: string): HeaderName {
  const known = memo.get(written);
  if (known) return known;
  const entry = lookupHeader(written);
  const canonical = entry?.name ?? written;
  const remember = memo.size < MAX_REMEMBERED;
  const resolved: HeaderName = { canonical, key: canonical.toLowerCase(), id: remember ? REMEMBERED_NAMES.length : -1 };
  if (remember) {
    memo.set(written, resolved);
    REMEMBERED_NAMES.push(resolved);
  }
  return resolved;
}

/** Spellings seen so far by a hash of their characters, so that the hot loop can look a name up without slicing it out. */
const byHash = new Map<number, { readonly written: string; readonly resolved: HeaderName }[]>();
let hashed = 0;

/** resolveHeaderName for the name at text[start, end): no string is made for a spelling seen before. */
export function resolveHeaderNameAt(text: string, start: number, end: number): HeaderName {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const candidates = byHash.get(hash);
  if (candidates) {
    for (const candidate of candidates) if (candidate.written.length === end - start && text.startsWith(candidate.written, start)) return candidate.resolved;
  }
  const written = text.slice(start, end);
  const resolved = resolveHeaderName(written);
  if (hashed < MAX_REMEMBERED) {
    hashed++;
    if (candidates) candidates.push({ written, resolved });
    else byHash.set(hash, [{ written, resolved }]);
  }
  return resolved;
}
