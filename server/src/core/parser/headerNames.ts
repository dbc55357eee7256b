/**
 * Canonical header names for the parser's hot loop. Real traffic repeats a few dozen spellings
 * ("Via", "v", "call-id"), so each written spelling is resolved through the registry once and
 * remembered; the memo is bounded so junk input cannot grow it without limit.
 */
import { lookupHeader } from '../registry/lookup';

export interface HeaderName {
  readonly canonical: string;
  readonly key: string;
}

const MAX_REMEMBERED = 4096;
const memo = new Map<string, HeaderName>();

export function resolveHeaderName(written: string): HeaderName {
  const known = memo.get(written);
  if (known) return known;
  const entry = lookupHeader(written);
  const canonical = entry?.name ?? written;
  const resolved: HeaderName = { canonical, key: canonical.toLowerCase() };
  if (memo.size < MAX_REMEMBERED) memo.set(written, resolved);
  return resolved;
}
