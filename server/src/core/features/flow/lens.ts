/**
 * One-line summaries above dialog-creating requests (CodeLens): what became of the request's
 * transaction and, when it made a dialog, how the dialog ended.
 *   INVITE → 180 → 200 → ACK · 2.3 s · ended by BYE from 192.0.2.1
 * Every INVITE gets one (a re-INVITE included); SUBSCRIBE, REFER and other methods the registry
 * marks as dialog-creating get one when they are sent outside a dialog (no To tag).
 */
import { nameAddrOf, tagOf } from '../../parser/access';
import type { SipDocument, Span } from '../../parser/model';
import { lookupMethod } from '../../registry/lookup';
import { formatDuration, indexOf, type DocumentIndex } from '../documentIndex';
import { headerEndpoints, logEndpoints } from './endpoints';

export interface DialogLens {
  /** The request's start line. */
  readonly span: Span;
  readonly message: number;
  readonly callId: string;
  readonly title: string;
}

/** A long transaction (many provisional responses) shows its start and end around `…`. */
const MAX_STEPS = 12;

export interface LensOptions {
  /**
   * False to leave titles empty, for dialogLensTitle to fill in later: a long trace has thousands
   * of dialogs, and an editor shows only the few lenses on screen.
   */
  readonly titles?: boolean;
}

export function dialogLenses(text: string, document: SipDocument, options: LensOptions = {}): DialogLens[] {
  const withTitles = options.titles !== false;
  const index = indexOf(text, document);
  const lenses: DialogLens[] = [];
  const seen = new Set<number>();
  document.messages.forEach((message, i) => {
    const line = message.startLine;
    if (line.kind !== 'request') return;
    const method = line.method.text.toUpperCase();
    const creates = method === 'INVITE' || (lookupMethod(method)?.createsDialog === 'yes' && tagOf(nameAddrOf(text, message, 'To')) === null);
    const callId = index.callIds[i];
    const transaction = index.transactions[index.transactionOf[i] ?? -1];
    // One lens per transaction: a retransmitted request is not a new dialog.
    if (!creates || !callId || !transaction || seen.has(transaction.id)) return;
    seen.add(transaction.id);
    lenses.push({ span: { start: line.start, end: line.end }, message: i, callId, title: withTitles ? summaryOf(text, document, index, i) : '' });
  });
  return lenses;
}

/** The title dialogLenses gives the lens of request `message` (a message that has a lens). */
export function dialogLensTitle(text: string, document: SipDocument, message: number): string {
  return summaryOf(text, document, indexOf(text, document), message);
}

function summaryOf(text: string, document: SipDocument, index: DocumentIndex, request: number): string {
  const transaction = index.transactions[index.transactionOf[request] ?? -1];
  if (!transaction) return '';
  const steps = [transaction.method];
  // Retransmissions of the request count: an unanswered INVITE lasted until its last copy.
  let last = transaction.requests.reduce((max, i) => Math.max(max, i), request);
  let success = -1;
  let final = false;
  for (const r of transaction.responses) {
    const line = document.messages[r]?.startLine;
    if (line?.kind !== 'response') continue;
    // Retransmitted responses repeat a step; the ladder shows them as ×N, the lens once.
    if (steps[steps.length - 1] !== line.code.text) steps.push(line.code.text);
    last = Math.max(last, r);
    if (line.status >= 200) final = true;
    if (success === -1 && line.status >= 200 && line.status < 300) success = r;
  }
  // The ACK: its own transaction after a 2xx, the same branch after a failure.
  const acks = transaction.method === 'INVITE' ? [...index.transactionsFor(transaction.callId, transaction.cseq, 'ACK'), ...index.transactionsWithBranch(transaction.callId, transaction.branch, transaction.cseq).filter((t) => t.method === 'ACK')] : [];
  const ack = acks.flatMap((t) => t.requests).filter((i) => i > request).sort((a, b) => a - b)[0];
  if (ack !== undefined) {
    steps.push('ACK');
    last = Math.max(last, ack);
  }
  const facts: string[] = [];
  if (!final) facts.push('no final response');
  const ended = success === -1 ? null : dialogEnd(document, index, success, request);
  if (ended) last = Math.max(last, ended.last);
  const duration = index.durationBetween(request, last);
  if (duration !== null) facts.push(formatDuration(duration));
  if (ended) {
    // Only the ending request's sender is needed, and a request's sender never depends on another message.
    const message = document.messages[ended.request];
    const from = message ? (logEndpoints(message) ?? headerEndpoints(text, message, null)).from.address : null;
    facts.push(`ended by ${ended.method}${from ? ` from ${from}` : ''}`);
  }
  const shown = steps.length > MAX_STEPS ? [...steps.slice(0, MAX_STEPS - 2), '…', ...steps.slice(-1)] : steps;
  return [shown.join(' → '), ...facts].join(' · ');
}

/** The request that ended the dialog a 2xx made (BYE, or a NOTIFY ending a subscription), and its last response. */
function dialogEnd(document: SipDocument, index: DocumentIndex, success: number, request: number): { request: number; method: string; last: number } | null {
  const dialog = index.dialogs[index.dialogOf[success] ?? -1];
  if (!dialog) return null;
  for (const i of dialog.messages) {
    const message = document.messages[i];
    if (i <= request || message?.startLine.kind !== 'request') continue;
    const method = message.startLine.method.text.toUpperCase();
    const terminated = method === 'NOTIFY' && /^\s*terminated/i.test(message.headers.find((h) => h.key === 'subscription-state')?.value ?? '');
    if (method !== 'BYE' && !terminated) continue;
    const transaction = index.transactions[index.transactionOf[i] ?? -1];
    return { request: i, method, last: (transaction?.responses ?? []).reduce((max, r) => Math.max(max, r), i) };
  }
  return null;
}
