/**
 * What features ask of a message: "the Call-ID", "the top Via", "the CSeq". Header values are parsed
 * on first request and remembered per header, so a feature that never looks at Contact never pays
 * for parsing it.
 */
import { joinPieces, wireEnd } from './glued';
import type { Header, SipMessage, Span } from './model';
import { remapSpans } from './offsets';
import { nameAddrParam, parseNameAddr, parseNameAddrList, type NameAddr } from './values/nameAddr';
import { paramValue } from './values/scan';
import { parseContentType, parseCSeq, parseInteger, parseReasonList, parseTokenList, type ContentTypeValue, type CSeqValue, type IntegerValue, type ReasonValue } from './values/simple';
import type { Token } from './model';
import { parseUri, type Uri } from './values/uri';
import { firstViaBranch, parseFirstVia, parseViaList, type ViaValue } from './values/via';

/**
 * Values remembered for an owner: kinds and values alternating, `[kind, value, kind, value ...]`.
 * An owner has a few kinds at most, so a scan beats a Map, and a short array is far cheaper to make
 * and to collect: validation makes one per header it reads, a million on a large trace.
 */
type Remembered = unknown[];

const memo = new WeakMap<object, Remembered>();

/**
 * Where values go while `transiently` runs: a memo that dies with the call, not with the document.
 * Validating a whole trace reads nearly every header value once or twice; kept for the document's
 * lifetime they would be many times the trace's size in heap, and would survive into the old
 * generation where collecting them is expensive.
 */
let scratch: Map<object, Remembered> | null = null;

function find(cache: Remembered | undefined, kind: string): number {
  if (cache === undefined) return -1;
  for (let i = 0; i < cache.length; i += 2) if (cache[i] === kind) return i + 1;
  return -1;
}

const MISSING: unique symbol = Symbol('missing');

/** The value remembered for `owner` under `kind`, or MISSING. Makes no closure: the hot path of every accessor. */
function recall(owner: object, kind: string): unknown {
  const kept = memo.get(owner);
  let at = find(kept, kind);
  if (at !== -1) return (kept as Remembered)[at];
  if (scratch === null) return MISSING;
  const cache = scratch.get(owner);
  at = find(cache, kind);
  return at === -1 ? MISSING : (cache as Remembered)[at];
}

/**
 * Owners given lasting values since the last forgetLasting(), held weakly: a closed document's
 * objects must not be kept alive by this list.
 */
let lastingOwners: WeakRef<object>[] = [];

function keep<T>(owner: object, kind: string, value: T): T {
  let cache = scratch ? scratch.get(owner) : memo.get(owner);
  if (!cache) {
    cache = [];
    if (scratch) scratch.set(owner, cache);
    else {
      memo.set(owner, cache);
      lastingOwners.push(new WeakRef(owner));
    }
  }
  cache.push(kind, value);
  return value;
}

function remember<T>(owner: object, kind: string, compute: () => T): T {
  const known = recall(owner, kind);
  return known !== MISSING ? (known as T) : keep(owner, kind, compute());
}

/**
 * Forgets every value remembered outside transient passes since the last call. Remembered values
 * hold pieces of the text they were read from: a re-parse that keeps message views for the next
 * version (ReparseOptions.reuseViews) calls this, so that no view keeps an older version's text
 * alive. Values are read again when next asked for.
 */
export function forgetLasting(): void {
  for (const owner of lastingOwners) {
    const alive = owner.deref();
    if (alive) memo.delete(alive);
  }
  lastingOwners = [];
}

/**
 * Remembers a value derived from `owner` under `kind`, with the same lifetime rules as header
 * values: for the owner's life, or only until the surrounding `transiently` ends.
 */
export function memoized<T>(owner: object, kind: string, compute: () => T): T {
  return remember(owner, kind, compute);
}

/**
 * Runs `work` with header values remembered only for its duration (values remembered earlier are
 * still used). For passes over many messages, such as validation, whose results do not keep the
 * parsed values: one message's values are shared by all the checks that read them, then dropped.
 */
export function transiently<T>(work: () => T, options: { readonly join?: boolean } = {}): T {
  const outer = scratch;
  // `join`: inside another transient pass, share its memo (the caller reads the same values next).
  if (options.join && outer) return work();
  // A plain Map: it is dropped whole when the work ends, so weak keys would only cost the collector.
  scratch = new Map();
  try {
    return work();
  } finally {
    scratch = outer;
  }
}

/**
 * Shared empty answers. Not frozen: loops over a frozen array leave V8's fast path for ordinary
 * arrays, and these are iterated millions of times; `readonly` keeps them empty.
 */
const NO_HEADERS: readonly Header[] = [];

/** Lower-case keys of the names features ask for: a few dozen constants, lowered once each rather than on every call. */
const keys = new Map<string, string>();

function keyOf(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.toLowerCase();
    if (keys.size < 1024) keys.set(name, key);
  }
  return key;
}

/**
 * Every header row with this canonical name (case-insensitive; compact forms were resolved when
 * parsing). Most names a check asks about are absent from most messages: those calls allocate nothing.
 */
export function headersNamed(message: SipMessage, name: string): readonly Header[] {
  const key = keyOf(name);
  const headers = message.headers;
  let found: Header[] | null = null;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as Header;
    if (header.key !== key) continue;
    if (found === null) found = [header];
    else found.push(header);
  }
  return found ?? NO_HEADERS;
}

/** The header rows whose key (lower-case canonical name) is in `keys`, in document order. */
export function headersKeyed(message: SipMessage, keys: ReadonlySet<string>): readonly Header[] {
  const headers = message.headers;
  let found: Header[] | null = null;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as Header;
    if (!keys.has(header.key)) continue;
    if (found === null) found = [header];
    else found.push(header);
  }
  return found ?? NO_HEADERS;
}

/** The values of several header rows as one list; one row's (remembered) list as it is, without a copy. */
function across<T>(headers: readonly Header[], valuesOf: (header: Header) => readonly T[]): readonly T[] {
  if (headers.length === 0) return NO_VALUES as readonly T[];
  if (headers.length === 1) return valuesOf(headers[0] as Header);
  const all: T[] = [];
  for (const header of headers) for (const value of valuesOf(header)) all.push(value);
  return all;
}

const NO_VALUES: readonly unknown[] = [];

export function firstHeader(message: SipMessage, name: string): Header | undefined {
  const key = keyOf(name);
  const headers = message.headers;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as Header;
    if (header.key === key) return header;
  }
  return undefined;
}

/**
 * The parsed value of a header row, remembered. `text` must be the document the message came from.
 * An ordinary value is parsed where it stands in the document. A folded or glued one has line breaks
 * or a log's decoration between its pieces there, so its clean value is parsed instead and the
 * spans found in it are mapped back to the document.
 */
function valueOf<T>(text: string, header: Header, kind: string, parse: (text: string, start: number, end: number) => T): T {
  const known = recall(header, kind);
  if (known !== MISSING) return known as T;
  const map = header.valueMap;
  if (map === null) return keep(header, kind, parse(text, header.valueSpan.start, header.valueSpan.end));
  const value = header.value;
  return keep(header, kind, remapSpans(parse(value, 0, value.length), map));
}

export function callId(message: SipMessage): string | null {
  if (message.firstValue) return message.firstValue('call-id') ?? null;
  return firstHeader(message, 'Call-ID')?.value ?? null;
}

export function cseqOf(text: string, message: SipMessage): CSeqValue | null {
  const header = firstHeader(message, 'CSeq');
  return header ? valueOf(text, header, 'cseq', parseCSeq) : null;
}

/** All Via values in order, top first, across rows. */
export function viasOf(text: string, message: SipMessage): readonly ViaValue[] {
  const known = recall(message, 'via');
  if (known !== MISSING) return known as readonly ViaValue[];
  return keep(message, 'via', across(headersNamed(message, 'Via'), (h) => valueOf(text, h, 'via', parseViaList)));
}

/**
 * The top Via value: viasOf(...)[0], but when the Vias are not parsed yet only the first value is.
 * Transaction matching reads the top Via of every message; responses in a trace carry a Via per hop.
 */
export function topVia(text: string, message: SipMessage): ViaValue | null {
  const known = recall(message, 'via');
  if (known !== MISSING) return (known as readonly ViaValue[])[0] ?? null;
  const first = firstHeader(message, 'Via');
  if (!first) return null;
  return valueOf(text, first, 'via-top', parseFirstVia) ?? viasOf(text, message)[0] ?? null;
}

/**
 * The top Via's branch: topVia(...)?.branch?.text, null for none. When nothing has parsed the top
 * Via yet, only the branch is read: transaction matching and the trace checks read it on every
 * message of a trace, and most never need the rest of the Via.
 */
export function topBranch(text: string, message: SipMessage): string | null {
  const known = recall(message, 'via');
  if (known !== MISSING) return (known as readonly ViaValue[])[0]?.branch?.text ?? null;
  const first = firstHeader(message, 'Via');
  if (!first) return null;
  const top = recall(first, 'via-top');
  if (top !== MISSING && top !== null) return (top as ViaValue).branch?.text ?? null;
  // A glued or folded value is parsed clean and mapped back: the full path knows how.
  if (first.valueMap !== null) return topVia(text, message)?.branch?.text ?? null;
  const branch = valueOf(text, first, 'via-branch', firstViaBranch);
  // A first row without a value: the top Via is on a later row.
  if (branch === undefined) return topVia(text, message)?.branch?.text ?? null;
  return branch?.text ?? null;
}

/** To, From, Refer-To, Referred-By, P-Asserted-Identity's first value... any single name-addr header. */
export function nameAddrOf(text: string, message: SipMessage, name: string): NameAddr | null {
  const header = firstHeader(message, name);
  return header ? valueOf(text, header, 'name-addr', parseNameAddr) : null;
}

/** Contact, Route, Record-Route, Path...: every value across rows. */
export function nameAddrListOf(text: string, message: SipMessage, name: string): readonly NameAddr[] {
  return across(headersNamed(message, name), (h) => valueOf(text, h, 'name-addr-list', parseNameAddrList));
}

export function tagOf(address: NameAddr | null): string | null {
  return address ? (paramValue(address.params, 'tag')?.text ?? null) : null;
}

/**
 * The tag parameter of a To or From header (any single name-addr header): the same as
 * tagOf(nameAddrOf(...)), but unless something already parsed the value, only the tag is read.
 */
export function headerTagOf(text: string, message: SipMessage, name: string): string | null {
  const header = firstHeader(message, name);
  if (!header) return null;
  const parsed = recall(header, 'name-addr');
  if (parsed !== MISSING) return paramValue((parsed as NameAddr).params, 'tag')?.text ?? null;
  return valueOf(text, header, 'tag', readTag)?.text ?? null;
}

const readTag = (text: string, start: number, end: number): Token | null | undefined => nameAddrParam(text, start, end, 'tag');

export function integerOf(text: string, message: SipMessage, name: string): IntegerValue | null {
  const header = firstHeader(message, name);
  return header ? valueOf(text, header, 'integer', parseInteger) : null;
}

/** Require, Supported, Proxy-Require, Unsupported, Allow, Allow-Events: all tokens across rows. */
export function tokenListOf(text: string, message: SipMessage, name: string): readonly Token[] {
  return across(headersNamed(message, name), (h) => valueOf(text, h, 'tokens', parseTokenList));
}

export function contentTypeOf(text: string, message: SipMessage): ContentTypeValue | null {
  const header = firstHeader(message, 'Content-Type');
  return header ? valueOf(text, header, 'content-type', parseContentType) : null;
}

export function reasonsOf(text: string, message: SipMessage): readonly ReasonValue[] {
  return across(headersNamed(message, 'Reason'), (h) => valueOf(text, h, 'reason', parseReasonList));
}

/** The Request-URI of a request, parsed (null for responses or when it has no scheme). */
export function requestUriOf(text: string, message: SipMessage): Uri | null {
  const line = message.startLine;
  if (line.kind !== 'request') return null;
  return remember(message, 'request-uri', () => {
    const { uri } = line;
    // A URI whose document range is as long as its text is contiguous there.
    if (uri.end - uri.start === uri.text.length) return parseUri(text, uri.start, uri.end);
    // One cut by a tool's decoration (a glued start line): parsed in the joined line, mapped back.
    const { lines, firstLine, lastLine } = message;
    const wire = joinPieces(text, lines, firstLine, wireEnd(lines, firstLine, lastLine));
    const from = wire.map.toJoined(uri.start);
    const parsed = parseUri(wire.text, from, from + uri.text.length);
    return parsed && remapSpans(parsed, wire.map);
  });
}

/**
 * The SIP text in a span of a message: the document's text, without the decoration between the
 * glued pieces of its wire lines (a tool's line wrapping or colour codes). For a span between two
 * start-line tokens, this is what was sent there. Plain text for messages without glued lines.
 */
export function wireText(text: string, message: SipMessage, span: Span): string {
  const { lines, firstLine, lastLine } = message;
  const glued = lines.glued;
  if (glued === undefined) return text.slice(span.start, span.end);
  const parts: string[] = [];
  let from = span.start;
  for (let i = firstLine; i + 1 < lastLine; i++) {
    if (glued[i] !== 1) continue;
    const cut = lines.ends[i] ?? 0;
    const resume = lines.starts[i + 1] ?? cut;
    if (resume <= from) continue;
    if (cut >= span.end) break;
    if (cut > from) parts.push(text.slice(from, cut));
    from = resume;
  }
  if (from < span.end) parts.push(text.slice(from, span.end));
  return parts.join('');
}

/** The method a message belongs to: its own for a request, the CSeq method for a response. */
export function methodOf(text: string, message: SipMessage): string | null {
  return message.startLine.kind === 'request' ? message.startLine.method.text : cseqOf(text, message)?.method?.text ?? null;
}
