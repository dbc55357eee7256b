/**
 * Moving around a trace: from a response to its request, from an ACK or CANCEL to its INVITE, from
 * a Call-ID to every message of the call, and the same Call-ID, tag or branch lit up across the
 * document. Everything is looked up in the document index; a message's Call-IDs, tags and branches
 * are read once, the first time a request touches its call.
 */
import { callId as callIdOf, firstHeader, nameAddrOf, viasOf } from '../parser/access';
import type { Header, SipDocument, SipMessage, Span } from '../parser/model';
import { elapsedMs, formatDuration, indexOf, type DocumentIndex, type Transaction } from './documentIndex';
import { messageName } from './symbols';

export interface Highlight {
  readonly span: Span;
  /** `read`: the value in its own header (Call-ID, From/To tag, Via branch); `text`: the same value named in Replaces, Join or In-Reply-To. */
  readonly kind: 'read' | 'text';
}

const startLineSpan = (message: SipMessage): Span => ({ start: message.startLine.start, end: message.startLine.end });

/**
 * A response leads to its request (same Call-ID, top Via branch, CSeq number and method); an ACK or
 * CANCEL to the INVITE it belongs to. CANCEL and the ACK to a failure carry the INVITE's branch
 * (RFC 3261 §9.1, §17.1.1.3), so that INVITE is the answer; the ACK to a 2xx has a branch of its own
 * (§13.2.2.4), so every INVITE with its Call-ID and CSeq number is (one per leg when a proxy logged both).
 */
export function definitionAt(text: string, document: SipDocument, offset: number): Span[] {
  const index = indexOf(text, document);
  const i = index.messageAt(offset);
  const message = document.messages[i];
  const transaction = index.transactions[index.transactionOf[i] ?? -1];
  if (!message || !transaction) return [];
  if (message.kind === 'response') return transaction.requests.length > 0 ? requestSpans(document, [transaction]) : relayedRequest(text, document, index, message, transaction);
  if (transaction.method !== 'ACK' && transaction.method !== 'CANCEL') return [];
  const isInvite = (t: { method: string; requests: readonly number[] }): boolean => t.method === 'INVITE' && t.requests.length > 0;
  const sameBranch = index.transactionsWithBranch(transaction.callId, transaction.branch, transaction.cseq).filter(isInvite);
  return requestSpans(document, sameBranch.length > 0 ? sameBranch : index.transactionsFor(transaction.callId, transaction.cseq, 'INVITE').filter(isInvite));
}

/**
 * A proxy's log may hold the requests it received and the responses it got back, but not the
 * requests it forwarded (Kamailio's xlog): such a response's top Via is the proxy's own, and its
 * request is the one whose branch is the next Via down, the hop the proxy relays the response to.
 */
function relayedRequest(text: string, document: SipDocument, index: DocumentIndex, message: SipMessage, transaction: Transaction): Span[] {
  const vias = viasOf(text, message);
  for (let k = 1; k < vias.length; k++) {
    const branch = vias[k]?.branch?.text;
    if (!branch) continue;
    const found = index.transactionsWithBranch(transaction.callId, branch, transaction.cseq).filter((t) => t.method === transaction.method && t.requests.length > 0);
    if (found.length > 0) return requestSpans(document, found);
  }
  return [];
}

/** The first copy of each transaction's request, in document order. */
function requestSpans(document: SipDocument, transactions: readonly { requests: readonly number[] }[]): Span[] {
  return transactions
    .map((t) => document.messages[t.requests[0] ?? -1])
    .filter((m): m is SipMessage => m !== undefined)
    .sort((a, b) => a.startLine.start - b.startLine.start)
    .map(startLineSpan);
}

/** On a Call-ID header (its value or anywhere on its line): the Call-ID value of every message of that call. */
export function referencesAt(text: string, document: SipDocument, offset: number): Span[] {
  const index = indexOf(text, document);
  const message = document.messages[index.messageAt(offset)];
  const header = message?.headers.find((h) => h.key === 'call-id' && h.span.start <= offset && offset <= h.span.end);
  if (!header) return [];
  const spans: Span[] = [];
  for (const i of index.calls.get(header.value) ?? []) {
    const other = document.messages[i];
    const own = other ? firstHeader(other, 'Call-ID') : undefined;
    if (own) spans.push({ start: own.valueSpan.start, end: own.valueSpan.end });
  }
  return spans;
}

/**
 * On a Call-ID, a From/To tag or a Via branch: that value wherever it plays the same part. A Call-ID
 * is looked for in its call's messages and in Replaces, Join and In-Reply-To anywhere; a tag or a
 * branch only means something within its call, so it is looked for in the messages with the same
 * Call-ID (where a proxy's forwarded copy shows the branch again in its second Via) and in the
 * Replaces and Join headers that name that call. Each request reads one call, never the whole log.
 */
export function highlightsAt(text: string, document: SipDocument, offset: number): Highlight[] {
  const index = indexOf(text, document);
  const i = index.messageAt(offset);
  const message = document.messages[i];
  if (!message) return [];
  const hit = occurrencesIn(text, message).find((o) => o.span.start <= offset && offset <= o.span.end);
  if (!hit) return [];
  const scope = hit.call === null ? [i] : (index.calls.get(hit.call) ?? []);
  const found: Occurrence[] = [];
  for (const m of scope) {
    const other = document.messages[m];
    if (other) for (const o of occurrencesIn(text, other)) if (o.kind === 'read' && o.role === hit.role && o.value === hit.value && o.call === hit.call) found.push(o);
  }
  found.push(...(mentionsOf(text, document).get(keyOf(hit)) ?? []));
  return found.sort((x, y) => x.span.start - y.span.start).map((o) => ({ span: o.span, kind: o.kind }));
}

type Role = 'call-id' | 'tag' | 'branch';

interface Occurrence {
  readonly role: Role;
  readonly value: string;
  /** The call the value belongs to: the Call-ID itself, the message's Call-ID for its tags and branches, the named call for Replaces' tags. */
  readonly call: string | null;
  readonly span: Span;
  readonly kind: Highlight['kind'];
}

const keyOf = (o: Pick<Occurrence, 'role' | 'value' | 'call'>): string => `${o.role}\u0000${o.value}\u0000${o.call ?? ''}`;
const messageMemo = new WeakMap<SipMessage, readonly Occurrence[]>();
const mentionMemo = new WeakMap<SipDocument, ReadonlyMap<string, readonly Occurrence[]>>();

/** The Call-IDs, tags and branches of one message, remembered per message. */
function occurrencesIn(text: string, message: SipMessage): readonly Occurrence[] {
  const cached = messageMemo.get(message);
  if (cached) return cached;
  const call = callIdOf(message);
  const found: Occurrence[] = [];
  const add = (role: Role, span: Span, owner: string | null, kind: Highlight['kind']): void => {
    const value = text.slice(span.start, span.end);
    if (value !== '') found.push({ role, value, call: role === 'call-id' ? value : owner, span: { start: span.start, end: span.end }, kind });
  };
  for (const header of message.headers) {
    if (header.key === 'call-id' && header.value !== '') found.push({ role: 'call-id', value: header.value, call: header.value, span: { start: header.valueSpan.start, end: header.valueSpan.end }, kind: 'read' });
    else mentionsInHeader(text, header, add);
  }
  for (const name of ['From', 'To']) {
    const tag = nameAddrOf(text, message, name)?.params.find((p) => p.name.text.toLowerCase() === 'tag')?.value;
    if (tag) add('tag', tag, call, 'read');
  }
  for (const via of viasOf(text, message)) if (via.branch) add('branch', via.branch, call, 'read');
  found.sort((a, b) => a.span.start - b.span.start);
  messageMemo.set(message, found);
  return found;
}

/** Every Replaces, Join and In-Reply-To mention in the document, by role, value and call: one pass over header names. */
function mentionsOf(text: string, document: SipDocument): ReadonlyMap<string, readonly Occurrence[]> {
  const cached = mentionMemo.get(document);
  if (cached) return cached;
  const mentions = new Map<string, Occurrence[]>();
  const add = (role: Role, span: Span, owner: string | null, kind: Highlight['kind']): void => {
    const value = text.slice(span.start, span.end);
    if (value === '') return;
    const occurrence: Occurrence = { role, value, call: role === 'call-id' ? value : owner, span, kind };
    const key = keyOf(occurrence);
    const list = mentions.get(key);
    if (list) list.push(occurrence);
    else mentions.set(key, [occurrence]);
  };
  // Only the messages the index knows to name other calls: after an edit it carries that list over.
  for (const i of indexOf(text, document).mentioningMessages()) for (const header of document.messages[i]?.headers ?? []) mentionsInHeader(text, header, add);
  mentionMemo.set(document, mentions);
  return mentions;
}

type Add = (role: Role, span: Span, owner: string | null, kind: Highlight['kind']) => void;

function mentionsInHeader(text: string, header: Header, add: Add): void {
  if (header.key === 'replaces' || header.key === 'join') dialogReference(text, header.valueSpan, add);
  else if (header.key === 'in-reply-to') for (const span of listItems(text, header.valueSpan)) add('call-id', span, null, 'text');
}

/** `Replaces: call-id;to-tag=x;from-tag=y` (RFC 3891), and Join (RFC 3911) alike: the tags belong to the named call. */
function dialogReference(text: string, value: Span, add: Add): void {
  const [first, ...params] = split(text, value.start, value.end, 59 /* ; */);
  if (!first || first.end === first.start) return;
  const call = text.slice(first.start, first.end);
  add('call-id', first, call, 'text');
  for (const param of params) {
    let equals = param.start;
    while (equals < param.end && text.charCodeAt(equals) !== 61 /* = */) equals++;
    if (equals === param.end) continue;
    const name = text.slice(param.start, equals).trim().toLowerCase();
    if (name === 'to-tag' || name === 'from-tag') add('tag', trim(text, equals + 1, param.end), call, 'text');
  }
}

/** `In-Reply-To: id1, id2` (RFC 3261 §20.21). */
function listItems(text: string, value: Span): Span[] {
  return split(text, value.start, value.end, 44 /* , */);
}

/** The trimmed pieces of text[start, end) between separators (these values hold no quotes). */
function split(text: string, start: number, end: number, separator: number): Span[] {
  const pieces: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== separator) continue;
    pieces.push(trim(text, from, i));
    from = i + 1;
  }
  return pieces;
}

function trim(text: string, start: number, end: number): Span {
  const space = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10;
  while (start < end && space(text.charCodeAt(start))) start++;
  while (end > start && space(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export interface TransactionMessage {
  readonly index: number;
  readonly kind: 'request' | 'response';
  /** The message's CSeq method (a CANCEL and its 200 share the INVITE's branch). */
  readonly method: string;
  /** As in the outline: `INVITE sip:bob@example.com`, `200 OK (INVITE)`. */
  readonly name: string;
  /** The start line's range. */
  readonly span: Span;
  /** The log's timestamp as written, or null. */
  readonly timestamp: string | null;
}

export interface TransactionSummary {
  readonly callId: string;
  readonly branch: string | null;
  readonly cseq: number;
  /** The CSeq method of the message asked about. */
  readonly method: string;
  /** Every message with the same Call-ID, top Via branch and CSeq number, in document order. */
  readonly messages: readonly TransactionMessage[];
  /** First to last of them, when the log's timestamps allow. */
  readonly durationMs: number | null;
}

/** The transaction of a message, with the CANCEL or failure ACK that shares its branch: what a Via-branch hover lists. */
export function transactionSummary(text: string, document: SipDocument, messageIndex: number): TransactionSummary | null {
  const index = indexOf(text, document);
  const transaction = index.transactions[index.transactionOf[messageIndex] ?? -1];
  if (!transaction) return null;
  const members = index
    .transactionsWithBranch(transaction.callId, transaction.branch, transaction.cseq)
    .flatMap((t) => t.messages)
    .sort((a, b) => a - b);
  const messages: TransactionMessage[] = [];
  for (const i of members) {
    const message = document.messages[i];
    const method = index.transactions[index.transactionOf[i] ?? -1]?.method;
    if (!message || method === undefined) continue;
    messages.push({ index: i, kind: message.kind, method, name: messageName(text, message), span: startLineSpan(message), timestamp: message.context?.timestamp ?? null });
  }
  return { callId: transaction.callId, branch: transaction.branch, cseq: transaction.cseq, method: transaction.method, messages, durationMs: elapsedMs(index, members) };
}

export interface CallSummary {
  readonly callId: string;
  /** One step per message: the method of a request, the status code of a response. */
  readonly steps: readonly string[];
  readonly messageCount: number;
  readonly durationMs: number | null;
  /** `INVITE → 100 → 180 → 200 → ACK → BYE → 200 (7 messages, 12.4 s)`; a long flow shows its start and end around `…`. */
  readonly text: string;
}

const MAX_STEPS = 30;

/** The message flow of one call, for the Call-ID hover; null when no message has that Call-ID. */
export function callSummary(text: string, document: SipDocument, callId: string): CallSummary | null {
  const index = indexOf(text, document);
  const members = index.calls.get(callId);
  if (!members || members.length === 0) return null;
  const steps = members.map((i) => {
    const line = document.messages[i]?.startLine;
    return line?.kind === 'request' ? line.method.text : (line?.code.text ?? '?');
  });
  const durationMs = elapsedMs(index, members);
  const shown = steps.length > MAX_STEPS ? [...steps.slice(0, MAX_STEPS - 2), '…', ...steps.slice(-1)] : steps;
  const facts = [`${members.length} message${members.length === 1 ? '' : 's'}`, durationMs === null ? '' : formatDuration(durationMs)].filter(Boolean).join(', ');
  return { callId, steps, messageCount: members.length, durationMs, text: `${shown.join(' → ')} (${facts})` };
}
