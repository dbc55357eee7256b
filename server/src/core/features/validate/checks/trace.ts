/**
 * Checks across a whole trace: requests and responses matched into transactions (top Via branch,
 * CSeq number and method) and dialogs (Call-ID). Logs are often partial, so all of these are
 * information or hints: they point at something to look at, never at a broken message.
 *
 * The facts (traceFacts.ts) and the wording are exported so the streamed checker
 * (core/stream/traceTracker.ts) computes the same findings from the same facts without holding the
 * whole trace.
 */
import { memoized } from '../../../parser/access';
import type { SipDocument } from '../../../parser/model';
import type { TraceCheck, TraceContext } from '../types';
import { traceFactsOf, type TraceFacts } from './traceFacts';
import { traceGroupsOf } from './traceGroups';

export { factKeys, MessageFacts, traceFactsOf, traceKeys, type TraceFacts } from './traceFacts';

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
      const facts = factsOf(context);
      const groups = traceGroupsOf(facts);
      const requested = new Uint8Array(groups.transactionCount);
      facts.forEach((fact, i) => {
        const transaction = groups.transaction[i] ?? 0;
        if (fact.status === null) requested[transaction] = 1;
        else if (requested[transaction] === 0) report(fact.span, TRACE_WORDING.responseWithoutRequest(fact));
      });
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
      const facts = factsOf(context);
      const groups = traceGroupsOf(facts);
      const answered = new Uint8Array(groups.transactionCount);
      facts.forEach((fact, i) => {
        if (fact.status !== null && fact.status >= 200) answered[groups.transaction[i] ?? 0] = 1;
      });
      // Marked answered once reported: retransmitted INVITEs of the transaction are not reported again.
      facts.forEach((fact, i) => {
        const transaction = groups.transaction[i] ?? 0;
        if (fact.status !== null || fact.method !== 'INVITE' || answered[transaction] === 1) return;
        answered[transaction] = 1;
        report(fact.span, TRACE_WORDING.inviteWithoutFinal(fact));
      });
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
      const facts = factsOf(context);
      const groups = traceGroupsOf(facts);
      const finished = new Uint8Array(groups.transactionCount);
      facts.forEach((fact, i) => {
        if (fact.status === null) return;
        const transaction = groups.transaction[i] ?? 0;
        if (fact.status >= 200) finished[transaction] = 1;
        else if (finished[transaction] === 1) report(fact.span, TRACE_WORDING.provisionalAfterFinal(fact));
      });
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
      const facts = factsOf(context);
      const groups = traceGroupsOf(facts);
      const counts = new Int32Array(groups.copyCount);
      for (let i = 0; i < facts.length; i++) counts[groups.copy[i] ?? 0]++;
      // A copy's count is cleared once reported, so a burst is reported on its first repeat only.
      const seen = new Uint8Array(groups.copyCount);
      facts.forEach((fact, i) => {
        const copy = groups.copy[i] ?? 0;
        if (seen[copy] === 0) {
          seen[copy] = 1;
          return;
        }
        const count = counts[copy] ?? 0;
        if (count < 2) return;
        counts[copy] = 0;
        report(fact.span, TRACE_WORDING.retransmission(fact, count));
      });
    },
  },
];
