/**
 * Checks across a whole trace: requests and responses matched into transactions (top Via branch,
 * CSeq number and method) and dialogs (Call-ID). Logs are often partial, so all of these are
 * information or hints: they point at something to look at, never at a broken message.
 *
 * The facts and the wording are exported so the streamed checker (core/stream/traceTracker.ts)
 * computes the same findings from the same facts without holding the whole trace.
 */
import { callId, cseqOf, firstHeader, headerTagOf, memoized, topVia } from '../../../parser/access';
import type { SipDocument, SipMessage, Span } from '../../../parser/model';
import type { TraceCheck, TraceContext } from '../types';

/** What the trace checks need from one message: a few short strings, no reference to the message or text. */
export interface TraceFacts {
  /** The start line's span: where every trace finding is reported. */
  readonly span: Span;
  readonly callId: string;
  readonly cseq: number;
  /** The CSeq method. */
  readonly method: string;
  readonly fromTag: string;
  /** Identifies the transaction: branch (or Call-ID when there is none), CSeq number and method. ACK and CANCEL have their own. */
  readonly transaction: string;
  readonly status: number | null;
  /** The method or status code as the start line gives it. */
  readonly what: string;
  /** With the transaction, identifies a copy: same start line, To tag, RSeq, direction and source. */
  readonly copyKey: string;
}

/** Facts for a message with a Call-ID and a CSeq; null for any other. */
export function traceFactsOf(text: string, message: SipMessage): TraceFacts | null {
  const id = callId(message);
  const cseq = cseqOf(text, message);
  if (!id || !cseq?.method || Number.isNaN(cseq.value)) return null;
  const branch = topVia(text, message)?.branch?.text ?? '';
  const method = cseq.method.text;
  const line = message.startLine;
  const transaction = `${branch || id}\u0000${cseq.value}\u0000${method}`;
  const what = line.kind === 'request' ? line.method.text : String(line.status);
  // Forked responses differ in their To tag and reliable provisionals in RSeq: those are new messages.
  const toTag = line.kind === 'response' ? headerTagOf(text, message, 'To') ?? '' : '';
  const rseq = firstHeader(message, 'RSeq')?.value ?? '';
  return {
    span: { start: line.start, end: line.end },
    callId: id,
    cseq: cseq.value,
    method,
    fromTag: headerTagOf(text, message, 'From') ?? '',
    transaction,
    status: line.kind === 'response' ? line.status : null,
    what,
    copyKey: `${transaction}\u0000${what}\u0000${toTag}\u0000${rseq}\u0000${message.context?.direction ?? ''}\u0000${message.context?.src ?? ''}`,
  };
}

/** The findings' messages, shared with the streamed checker. */
export const TRACE_WORDING = {
  responseWithoutRequest: (f: TraceFacts): string => `No request for this ${f.status} (${f.method}, CSeq ${f.cseq}) appears earlier in the trace.`,
  inviteWithoutFinal: (f: TraceFacts): string => `This INVITE (CSeq ${f.cseq}) gets no final response in the trace.`,
  ackMissing: (f: TraceFacts): string => `No ACK for this ${f.status} to INVITE (CSeq ${f.cseq}) appears in the trace.`,
  cseqNotIncreasing: (f: TraceFacts, top: { cseq: number; method: string }): string =>
    `CSeq ${f.cseq} ${f.method} does not increase: ${top.method} with CSeq ${top.cseq} came earlier in this dialog (RFC 3261 §12.2.1.1).`,
  provisionalAfterFinal: (f: TraceFacts): string => `${f.status} arrives after a final response in the same transaction (${f.method}, CSeq ${f.cseq}).`,
  retransmission: (f: TraceFacts, count: number): string =>
    `${f.what} (CSeq ${f.cseq} ${f.method}) appears ${count} times in this transaction: ${count - 1} retransmission${count > 2 ? 's' : ''}.`,
};

/** Facts for every message with a Call-ID and a CSeq; computed once per document and shared by all trace checks. */
function factsOf(context: TraceContext): TraceFacts[] {
  // An incremental revalidation passes the messages of the calls an edit reached; a full one the document's.
  const owner = context.messages ?? context.document;
  // Shared by the trace checks of one validation and dropped with it (validation runs transiently).
  return memoized(owner, 'trace-facts', () => {
    const facts: TraceFacts[] = [];
    for (const message of context.messages ?? context.document.messages) {
      const fact = traceFactsOf(context.text, message);
      if (fact) facts.push(fact);
    }
    return facts;
  });
}

/**
 * Hands the trace checks facts gathered beforehand for every message of `document`, in document
 * order (a full validation collects them while each message's values are parsed anyway).
 */
export function primeTraceFacts(document: SipDocument, facts: TraceFacts[]): void {
  memoized(document, 'trace-facts', () => facts);
}

/**
 * What ties a message to others in the trace checks: its Call-ID and top Via branch (every group
 * they form, transaction, dialog side or copy, is keyed by one of the two). Empty for a message the
 * checks skip (no Call-ID or no usable CSeq).
 */
export function traceKeys(text: string, message: SipMessage): string[] {
  const id = callId(message);
  const cseq = cseqOf(text, message);
  if (!id || !cseq?.method || Number.isNaN(cseq.value)) return [];
  const branch = topVia(text, message)?.branch?.text ?? '';
  return branch ? [id, branch] : [id];
}

/** Trace checks only make sense when there is a trace: a single message has nothing to match. */
const enough = (context: TraceContext): boolean => context.document.messages.length >= 2;

export const TRACE_CHECKS: readonly TraceCheck[] = [
  {
    scope: 'trace',
    id: 'response-without-request',
    defaultSeverity: 'information',
    summary: 'A response whose request (same Via branch, CSeq number and method) does not appear earlier in the trace.',
    why: 'Often the log simply started late; otherwise the request went elsewhere or was never logged.',
    reference: 'RFC 3261 §17.1.3',
    example: 'SIP/2.0 200 OK with no INVITE before it',
    run(context, report) {
      if (!enough(context)) return;
      const requests = new Set<string>();
      for (const fact of factsOf(context)) {
        if (fact.status === null) requests.add(fact.transaction);
        else if (!requests.has(fact.transaction)) report(fact.span, TRACE_WORDING.responseWithoutRequest(fact));
      }
    },
  },
  {
    scope: 'trace',
    id: 'invite-without-final',
    defaultSeverity: 'information',
    summary: 'An INVITE that never gets a final response in the trace.',
    why: 'The call setup did not complete within the log: a timeout, a lost response, or a log that ends early.',
    reference: 'RFC 3261 §13.2.2, §17.1.1',
    example: 'INVITE, 100 Trying, 180 Ringing, and nothing more',
    run(context, report) {
      if (!enough(context)) return;
      const finals = new Set(factsOf(context).filter((f) => f.status !== null && f.status >= 200).map((f) => f.transaction));
      const reported = new Set<string>();
      for (const fact of factsOf(context)) {
        if (fact.status !== null || fact.method !== 'INVITE' || finals.has(fact.transaction) || reported.has(fact.transaction)) continue;
        reported.add(fact.transaction);
        report(fact.span, TRACE_WORDING.inviteWithoutFinal(fact));
      }
    },
  },
  {
    scope: 'trace',
    id: 'ack-missing',
    defaultSeverity: 'information',
    summary: 'A 2xx to INVITE with no ACK for it in the trace.',
    why: 'Without the ACK the callee keeps retransmitting the 2xx and, after 64*T1 (32 s), gives up on the call and sends BYE (RFC 3261 §13.3.1.4).',
    reference: 'RFC 3261 §13.2.2.4, §13.3.1.4',
    example: '200 OK (INVITE) and then BYE with no ACK',
    run(context, report) {
      if (!enough(context)) return;
      const acks = new Set(factsOf(context).filter((f) => f.method === 'ACK' && f.status === null).map((f) => `${f.callId}\u0000${f.cseq}`));
      const reported = new Set<string>();
      for (const fact of factsOf(context)) {
        if (fact.status === null || fact.status < 200 || fact.status >= 300 || fact.method !== 'INVITE') continue;
        const key = `${fact.callId}\u0000${fact.cseq}`;
        if (acks.has(key) || reported.has(key)) continue;
        reported.add(key);
        report(fact.span, TRACE_WORDING.ackMissing(fact));
      }
    },
  },
  {
    scope: 'trace',
    id: 'cseq-not-increasing',
    defaultSeverity: 'information',
    summary: 'A new request in a dialog whose CSeq is not higher than an earlier one from the same side.',
    why: 'Within a dialog each side numbers its requests upwards; a lower or reused number is rejected with 500 by the other side.',
    reference: 'RFC 3261 §12.2.1.1, §12.2.2',
    example: 'BYE with CSeq 1 after INVITE with CSeq 1',
    run(context, report) {
      if (!enough(context)) return;
      // The highest CSeq seen per Call-ID and From tag, and which CSeq/method pairs already appeared
      // (copies of one request, in and out of a proxy or retransmitted, are not new requests).
      const highest = new Map<string, { cseq: number; method: string }>();
      const seen = new Set<string>();
      for (const fact of factsOf(context)) {
        if (fact.status !== null || fact.method === 'ACK' || fact.method === 'CANCEL') continue;
        const side = `${fact.callId}\u0000${fact.fromTag}`;
        const request = `${side}\u0000${fact.cseq}\u0000${fact.method}`;
        if (seen.has(request)) continue;
        seen.add(request);
        const top = highest.get(side);
        if (top && fact.cseq <= top.cseq) report(fact.span, TRACE_WORDING.cseqNotIncreasing(fact, top));
        if (!top || fact.cseq > top.cseq) highest.set(side, { cseq: fact.cseq, method: fact.method });
      }
    },
  },
  {
    scope: 'trace',
    id: 'provisional-after-final',
    defaultSeverity: 'information',
    summary: 'A 1xx response in a transaction that already had a final response.',
    why: 'Once a final response is sent the transaction is done; a late 1xx is reordering, a retransmission, or a confused element.',
    reference: 'RFC 3261 §17.1.1.2, §17.2.1',
    example: '200 OK then 180 Ringing for the same INVITE',
    run(context, report) {
      if (!enough(context)) return;
      const finished = new Set<string>();
      for (const fact of factsOf(context)) {
        if (fact.status === null) continue;
        if (fact.status >= 200) finished.add(fact.transaction);
        else if (finished.has(fact.transaction)) report(fact.span, TRACE_WORDING.provisionalAfterFinal(fact));
      }
    },
  },
  {
    scope: 'trace',
    id: 'retransmission',
    defaultSeverity: 'hint',
    summary: 'A message repeated in the same transaction: reported once per burst, on the first repeat.',
    why: 'Retransmissions mean the other side did not answer (or its answer was lost): the usual sign of a NAT, firewall or routing problem.',
    reference: 'RFC 3261 §17.1.1.2, §17.1.2.2',
    example: 'INVITE, INVITE, INVITE with the same branch',
    run(context, report) {
      if (!enough(context)) return;
      const copies = new Map<string, { first: TraceFacts; count: number }>();
      const facts = factsOf(context);
      for (const fact of facts) {
        const key = fact.copyKey;
        const entry = copies.get(key);
        if (entry) entry.count++;
        else copies.set(key, { first: fact, count: 1 });
      }
      const counted = new Set<string>();
      for (const fact of facts) {
        const key = fact.copyKey;
        const entry = copies.get(key);
        if (!entry || entry.count < 2 || entry.first === fact || counted.has(key)) continue;
        counted.add(key);
        report(fact.span, TRACE_WORDING.retransmission(fact, entry.count));
      }
    },
  },
];
