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

/**
 * The last spelling met for each mix of length, first and last character: a trace repeats a few
 * dozen spellings, so most names are found with one comparison and no hashing of their characters.
 */
const RECENT_SLOTS = 512;
const recentWritten: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
const recentResolved: (HeaderName | undefined)[] = new Array<HeaderName | undefined>(RECENT_SLOTS).fill(undefined);

/** resolveHeaderName for the name at text[start, end): no string is made for a spelling seen before. */
export function resolveHeaderNameAt(text: string, start: number, end: number): HeaderName {
  const length = end - start;
  const recent = length > 0 ? (length * 61 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & (RECENT_SLOTS - 1) : 0;
  const seen = recentWritten[recent];
  if (seen !== undefined && seen.length === length && text.startsWith(seen, start)) {
    const resolved = recentResolved[recent];
    if (resolved !== undefined) return resolved;
  }
  const resolved = resolveByHash(text, start, end);
  recentWritten[recent] = resolved.written;
  recentResolved[recent] = resolved.resolved;
  return resolved.resolved;
}

function resolveByHash(text: string, start: number, end: number): { readonly written: string; readonly resolved: HeaderName } {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const candidates = byHash.get(hash);
  if (candidates) {
    for (const candidate of candidates) if (candidate.written.length === end - start && text.startsWith(candidate.written, start)) return candidate;
  }
  const written = text.slice(start, end);
  const entry = { written, resolved: resolveHeaderName(written) };
  if (hashed < MAX_REMEMBERED) {
    hashed++;
    if (candidates) candidates.push(entry);
    else byHash.set(hash, [entry]);
  }
  return entry;
}
