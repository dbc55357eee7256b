/**
 * The outline of a document: one symbol per message, and in trace logs (or any file holding more
 * than one call) one `call` symbol per Call-ID with its messages as children, so a long log reads as
 * a list of calls that open to their message flow.
 */
import { cseqOf, transiently } from '../parser/access';
import type { SipDocument, SipMessage, Span } from '../parser/model';
import { elapsedMs, formatDuration, indexOf, type DocumentIndex } from './documentIndex';

export interface SymbolEntry {
  /** `INVITE sip:bob@example.com`, `200 OK (INVITE)`, or `Call <call-id>`. Never empty. */
  readonly name: string;
  /** What the log says about a message (timestamp, direction, addresses), or a call's outcome; may be empty. */
  readonly detail: string;
  readonly kind: 'call' | 'request' | 'response';
  /** The whole message, or for a call from its first message's start to its last message's end. */
  readonly span: Span;
  /** The start line (of the call's first message, for a call). */
  readonly selectionSpan: Span;
  readonly children: readonly SymbolEntry[];
}

/** Editors ask for the outline several times per version (outline view, breadcrumbs, sticky scroll). */
const memo = new WeakMap<SipDocument, SymbolEntry[]>();

export function documentSymbols(text: string, document: SipDocument): SymbolEntry[] {
  let symbols = memo.get(document);
  if (!symbols) {
    // The outline keeps names and spans; the CSeq values it parsed for them need not outlive it.
    symbols = transiently(() => buildSymbols(text, document));
    memo.set(document, symbols);
  }
  return symbols.slice();
}

function buildSymbols(text: string, document: SipDocument): SymbolEntry[] {
  const messages = document.messages;
  if (messages.length === 0) return [];
  const index = indexOf(text, document);
  const symbols = messages.map((message) => messageSymbol(text, message));
  if (document.format === 'sip' && index.calls.size <= 1) return symbols;

  // Calls take the place of their first message; messages without a Call-ID stay where they are.
  const result: SymbolEntry[] = [];
  for (let i = 0; i < messages.length; i++) {
    const id = index.callIds[i] ?? null;
    const own = symbols[i];
    if (id === null) {
      if (own) result.push(own);
      continue;
    }
    const members = index.calls.get(id) ?? [];
    if (members[0] !== i) continue;
    result.push(callSymbol(text, document, index, id, members, symbols));
  }
  return result;
}

function callSymbol(text: string, document: SipDocument, index: DocumentIndex, id: string, members: readonly number[], symbols: readonly SymbolEntry[]): SymbolEntry {
  const children = members.map((i) => symbols[i]).filter((s): s is SymbolEntry => s !== undefined);
  const first = children[0];
  let start = first?.span.start ?? 0;
  let end = first?.span.end ?? 0;
  for (const child of children) {
    start = Math.min(start, child.span.start);
    end = Math.max(end, child.span.end);
  }
  const outcome = callOutcome(text, document, members);
  const duration = elapsedMs(index.times, members);
  const count = `${members.length} message${members.length === 1 ? '' : 's'}`;
  return {
    name: clip(`Call ${id}`),
    detail: [outcome, count, duration === null ? '' : formatDuration(duration)].filter(Boolean).join(' · '),
    kind: 'call',
    span: { start, end },
    selectionSpan: first?.selectionSpan ?? { start, end: start },
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
    method = first ? (cseqOf(text, first)?.method?.text ?? null) : null;
  }
  if (method === null) return '';
  let final: SipMessage | null = null;
  for (const i of members) {
    const message = document.messages[i];
    const line = message?.startLine;
    if (!message || line?.kind !== 'response' || !(line.status >= 200) || cseqOf(text, message)?.method?.text !== method) continue;
    if (final?.startLine.kind === 'response' && final.startLine.status >= 200 && final.startLine.status < 300) break;
    final = message;
  }
  return final ? `${method} → ${statusText(final)}` : method;
}

function messageSymbol(text: string, message: SipMessage): SymbolEntry {
  const line = message.startLine;
  return {
    name: messageName(text, message),
    detail: messageDetail(text, message),
    kind: message.kind,
    span: { start: message.span.start, end: message.span.end },
    selectionSpan: { start: line.start, end: line.end },
    children: [],
  };
}

/** `INVITE sip:bob@example.com` for a request, `200 OK (INVITE)` for a response (its CSeq method in brackets). */
export function messageName(text: string, message: SipMessage): string {
  const line = message.startLine;
  if (line.kind === 'request') return clip([line.method.text, line.uri.text].filter(Boolean).join(' ')) || 'request';
  const method = cseqOf(text, message)?.method?.text;
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
  return line.kind === 'response' ? [line.code.text, line.reason.text].filter(Boolean).join(' ') : '';
}

/**
 * What the log says: `2026-11-21 20:53:18.964541 · sent · UDP 127.0.0.1:5060 -> 127.0.0.1:5070`.
 * A message file says nothing of the kind, so there the CSeq tells messages apart.
 */
function messageDetail(text: string, message: SipMessage): string {
  const context = message.context;
  const route = context?.src && context.dst ? `${context.src} -> ${context.dst}` : context?.src ? `from ${context.src}` : context?.dst ? `to ${context.dst}` : '';
  const parts = [
    context?.timestamp?.replace(/\s+/g, ' ').trim() ?? '',
    context?.direction ?? '',
    [context?.transport ?? '', route].filter(Boolean).join(' '),
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  const cseq = cseqOf(text, message);
  return cseq ? `CSeq ${[cseq.number.text, cseq.method?.text ?? ''].filter(Boolean).join(' ')}` : '';
}
