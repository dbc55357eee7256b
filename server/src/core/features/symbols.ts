/**
 * The outline of a document: one symbol per message, and in trace logs (or any file holding more
 * than one call) one `call` symbol per Call-ID with its messages as children, so a long log reads as
 * a list of calls that open to their message flow.
 */
import { cseqOf, transiently } from '../parser/access';
import type { SipDocument, SipMessage, Span } from '../parser/model';
import { parseCSeq } from '../parser/values/simple';
import { durationOf, formatDuration, indexOf, type DocumentIndex, type Instant } from './documentIndex';

export interface SymbolEntry {
  /** `INVITE sip:bob@example.com`, `200 OK (INVITE)`, or `Call <call-id>`. Never empty. */
  readonly name: string;
  /** What the log says about a message (timestamp, direction, addresses), or a call's outcome; may be empty. */
  readonly detail: string;
  /** `more`: the one entry closing a capped outline, standing for everything left out. */
  readonly kind: 'call' | 'request' | 'response' | 'more';
  /** The whole message, or for a call from its first message's start to its last message's end. */
  readonly span: Span;
  /** The start line (of the call's first message, for a call). */
  readonly selectionSpan: Span;
  readonly children: readonly SymbolEntry[];
}

/** The setting that caps the outline, named in the entry that says the outline was capped. */
export const OUTLINE_LIMIT_SETTING = 'sipls.outline.maxItems';

/**
 * Editors ask for the outline several times per version (outline view, breadcrumbs, sticky scroll).
 * One outline per document, for the last limit asked: the limit is a setting, so it rarely changes.
 */
const memo = new WeakMap<SipDocument, { readonly limit: number; readonly symbols: SymbolEntry[] }>();

/**
 * The outline, with at most `limit` symbols in all (calls and messages alike, children included).
 * A longer outline keeps whole top-level entries in document order while they fit, then one `more`
 * entry that counts what was left out and points at the first of it. Only the kept entries are
 * built, so a capped outline of a huge trace costs what the limit allows, plus the document index.
 */
export function documentSymbols(text: string, document: SipDocument, limit = Number.POSITIVE_INFINITY): SymbolEntry[] {
  const cached = memo.get(document);
  if (cached?.limit === limit) return cached.symbols.slice();
  // The outline keeps names and spans; the CSeq values it parsed for them need not outlive it.
  const symbols = transiently(() => buildSymbols(text, document, limit));
  memo.set(document, { limit, symbols });
  return symbols.slice();
}

function buildSymbols(text: string, document: SipDocument, limit: number): SymbolEntry[] {
  const messages = document.messages;
  if (messages.length === 0 || limit < 1) return [];
  const index = indexOf(text, document);
  const grouped = !(document.format === 'sip' && index.calls.size <= 1);
  // Every message is a symbol, at the top or inside its call, and so is every call.
  const total = messages.length + (grouped ? index.calls.size : 0);
  // Room for the entries when something must be left out: one place is kept for the `more` entry.
  const room = total <= limit ? total : limit - 1;
  const result: SymbolEntry[] = [];
  const shown = { calls: 0, loose: 0 };
  let used = 0;
  for (const entry of topLevel(index, messages.length, grouped)) {
    if ('message' in entry) {
      if (used + 1 > room) return [...result, more(document, index, grouped, entry, 0, shown, limit)];
      result.push(messageSymbol(text, messages[entry.message] as SipMessage));
      shown.loose++;
      used++;
      continue;
    }
    const size = 1 + entry.members.length;
    if (used + size <= room) {
      result.push(callSymbol(text, document, index, entry.call, entry.members));
      shown.calls++;
      used += size;
      continue;
    }
    // A call bigger than the whole outline could ever show is shown in part, rather than not at all.
    const part = room - used - 1;
    if (size > room && part >= 1) {
      result.push(callSymbol(text, document, index, entry.call, entry.members, part));
      shown.calls++;
      return [...result, more(document, index, grouped, entry, part, shown, limit)];
    }
    return [...result, more(document, index, grouped, entry, 0, shown, limit)];
  }
  return result;
}

/** A top-level entry: a message on its own, or a call with its messages (indexes in document order). */
type Entry = { readonly message: number } | { readonly call: string; readonly members: readonly number[] };

/** The top-level entries in document order: calls take the place of their first message; messages without a Call-ID stay where they are. */
function* topLevel(index: DocumentIndex, count: number, grouped: boolean): Generator<Entry> {
  for (let i = 0; i < count; i++) {
    const id = grouped ? (index.callIds[i] ?? null) : null;
    if (id === null) {
      yield { message: i };
      continue;
    }
    const members = index.calls.get(id) ?? [i];
    if (members[0] === i) yield { call: id, members };
  }
}

/**
 * The entry closing a capped outline: how many calls and messages were left out, with the range of
 * the first of them (for a call shown in part, its first hidden message), so that choosing it goes
 * there. `part`: how many of `first`'s messages were shown, when it is a call shown in part.
 */
function more(
  document: SipDocument,
  index: DocumentIndex,
  grouped: boolean,
  first: Entry,
  part: number,
  shown: { readonly calls: number; readonly loose: number },
  limit: number,
): SymbolEntry {
  const messages = document.messages;
  let loose = messages.length;
  // Every message with a Call-ID is in exactly one call: counting calls' members counts them.
  if (grouped) for (const members of index.calls.values()) loose -= members.length;
  const calls = grouped ? index.calls.size - shown.calls : 0;
  // Messages left out that no hidden call accounts for: loose ones, and the rest of a call shown in part.
  const hidden = loose - shown.loose + ('call' in first && part > 0 ? first.members.length - part : 0);
  const counts = [calls > 0 ? count(calls, 'call') : '', hidden > 0 ? count(hidden, 'message') : ''];
  if ('message' in first || part > 0) counts.reverse();
  const target = 'message' in first ? first.message : part > 0 ? (first.members[part] ?? -1) : -1;
  const span = target >= 0 ? messageSpan(messages[target] as SipMessage) : endsSpan(messages, 'call' in first ? first.members : []);
  return {
    name: `… ${counts.filter(Boolean).join(' and ')} not shown`,
    detail: `outline capped at ${grouping(limit)} items (${OUTLINE_LIMIT_SETTING})`,
    kind: 'more',
    span: span.span,
    selectionSpan: span.selectionSpan,
    children: [],
  };
}

/** `7,888 more calls`, `1 more message`. */
function count(n: number, noun: string): string {
  return `${grouping(n)} more ${noun}${n === 1 ? '' : 's'}`;
}

/** Thousands grouped with commas, the same whatever the machine's locale. */
function grouping(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function messageSpan(message: SipMessage): { span: Span; selectionSpan: Span } {
  return { span: { start: message.span.start, end: message.span.end }, selectionSpan: { start: message.startLine.start, end: message.startLine.end } };
}

/** A call's range: from its first message's start to its last message's end, selecting the first start line. */
function callSpan(messages: readonly SipMessage[], entry: Entry): { span: Span; selectionSpan: Span } {
  const members = 'call' in entry ? entry.members : [entry.message];
  const first = messages[members[0] ?? -1];
  let start = first?.span.start ?? 0;
  let end = first?.span.end ?? 0;
  for (const i of members) {
    // Read once: a message makes its span object on each access.
    const span = messages[i]?.span;
    if (!span) continue;
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return { span: { start, end }, selectionSpan: first ? { start: first.startLine.start, end: first.startLine.end } : { start, end: start } };
}

/** From the first message's start to the last one's end: messages are in document order, so that is the call's range. */
function endsSpan(messages: readonly SipMessage[], members: readonly number[]): { span: Span; selectionSpan: Span } {
  const first = messages[members[0] ?? -1];
  const last = messages[members[members.length - 1] ?? -1];
  const start = first?.span.start ?? 0;
  const end = Math.max(start, last?.span.end ?? 0);
  return { span: { start, end }, selectionSpan: first ? { start: first.startLine.start, end: first.startLine.end } : { start, end: start } };
}

/**
 * A call with its messages as children; with `shown`, only its first `shown` messages (a call too big
 * for the outline), whose outcome is then read from those alone: that keeps the work to what is shown.
 */
function callSymbol(text: string, document: SipDocument, index: DocumentIndex, id: string, members: readonly number[], shown = members.length): SymbolEntry {
  const visible = shown < members.length ? members.slice(0, shown) : members;
  const children = visible.map((i) => messageSymbol(text, document.messages[i] as SipMessage));
  const partly = visible !== members;
  // A call shown in part can be most of a huge log: its range and duration come from its two ends, without a walk over every message.
  const { span, selectionSpan } = partly ? endsSpan(document.messages, members) : callSpan(document.messages, { call: id, members });
  const outcome = callOutcome(text, document, visible);
  const duration = partly ? index.durationBetween(members[0] ?? -1, members[members.length - 1] ?? -1) : callDuration(index, members);
  const count = `${members.length} message${members.length === 1 ? '' : 's'}`;
  const partial = partly ? `first ${grouping(shown)} shown` : '';
  return {
    name: clip(`Call ${id}`),
    detail: [outcome, count, partial, duration === null ? '' : formatDuration(duration)].filter(Boolean).join(' · '),
    kind: 'call',
    span,
    selectionSpan,
    children,
  };
}

/**
 * "INVITE → 200 OK": the call's first request method and how it ended. The ending is the first 2xx
 * to that method (an INVITE answered after a 407 challenge was answered, whatever a later re-INVITE
 * got), else the last final response to it; none yet gives just the method.
 */
function callOutcome(text: string, document: SipDocument, members: readonly number[]): string {
  let method: string | null = null;
  for (const i of members) {
    const message = document.messages[i];
    if (message?.startLine.kind === 'request') {
      method = message.startLine.method.text;
      break;
    }
  }
  if (method === null) {
    const first = document.messages[members[0] ?? -1];
    method = first ? cseqMethod(text, first) : null;
  }
  if (method === null) return '';
  let final: SipMessage | null = null;
  for (const i of members) {
    const message = document.messages[i];
    const line = message?.startLine;
    if (!message || line?.kind !== 'response' || !(line.status >= 200) || cseqMethod(text, message) !== method) continue;
    if (final?.startLine.kind === 'response' && final.startLine.status >= 200 && final.startLine.status < 300) break;
    final = message;
  }
  return final ? `${method} → ${statusText(final)}` : method;
}

function messageSymbol(text: string, message: SipMessage): SymbolEntry {
  const line = message.startLine;
  const { start, end } = message.span;
  return {
    name: messageName(text, message),
    detail: messageDetail(text, message),
    kind: message.kind,
    span: { start, end },
    selectionSpan: { start: line.start, end: line.end },
    children: [],
  };
}

/** `INVITE sip:bob@example.com` for a request, `200 OK (INVITE)` for a response (its CSeq method in brackets). */
export function messageName(text: string, message: SipMessage): string {
  const line = message.startLine;
  if (line.kind === 'request') return clip(spaced(line.method.text, line.uri.text)) || 'request';
  const method = cseqMethod(text, message);
  const name = clip(statusText(message)) || 'response';
  return method ? `${name} (${method})` : name;
}

/** An outline entry is one line: a pathological URI or reason phrase is cut, not shown whole. */
function clip(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

const MAX_NAME = 200;

/** `200 OK`, `180`, as written. */
export function statusText(message: SipMessage): string {
  const line = message.startLine;
  return line.kind === 'response' ? spaced(line.code.text, line.reason.text) : '';
}

/**
 * What the log says: `2026-11-21 20:53:18.964541 · sent · UDP 127.0.0.1:5060 -> 127.0.0.1:5070`.
 * A message file says nothing of the kind, so there the CSeq tells messages apart.
 */
function messageDetail(text: string, message: SipMessage): string {
  const context = message.context;
  const route = context?.src && context.dst ? `${context.src} -> ${context.dst}` : context?.src ? `from ${context.src}` : context?.dst ? `to ${context.dst}` : '';
  const said = joined(joined(context?.timestamp ? oneLine(context.timestamp) : '', context?.direction ?? '', ' · '), spaced(context?.transport ?? '', route), ' · ');
  if (said) return said;
  const cseq = cseqOf(text, message);
  return cseq ? `CSeq ${[cseq.number.text, cseq.method?.text ?? ''].filter(Boolean).join(' ')}` : '';
}

/** Whitespace runs as one space, trimmed; most timestamps are so already, and are then kept as they are. */
function oneLine(text: string): string {
  return UNTIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Whitespace other than a single space between other characters. */
const UNTIDY = /[^\S ]| {2}|^ | $/;

/**
 * A message's CSeq method, as cseqOf reads it, from the header's value alone: a message whose
 * header objects validation let go is not made to build them all again for one value.
 */
function cseqMethod(text: string, message: SipMessage): string | null {
  if (!message.firstValue) return cseqOf(text, message)?.method?.text ?? null;
  const value = message.firstValue('cseq');
  return value === undefined ? null : (parseCSeq(value, 0, value.length).method?.text ?? null);
}

/**
 * What elapsedMs gives for a call's messages, reading two timestamps in the common case rather than
 * all of them: the first message with a time, and the last one on the same clock after it.
 */
function callDuration(index: DocumentIndex, members: readonly number[]): number | null {
  let first: Instant | null = null;
  let at = 0;
  for (; at < members.length && !first; at++) first = index.timeAt(members[at] ?? -1);
  if (!first) return null;
  for (let back = members.length - 1; back >= at; back--) {
    const time = index.timeAt(members[back] ?? -1);
    if (time?.clock === first.clock) return durationOf(first, time);
  }
  return null;
}

/** The two, the one that is not empty, or '': as `[a, b].filter(Boolean).join(separator)`, without the arrays (an outline joins thousands). */
function joined(a: string, b: string, separator: string): string {
  return a && b ? `${a}${separator}${b}` : a || b;
}

function spaced(a: string, b: string): string {
  return joined(a, b, ' ');
}
