/**
 * Checks across a whole trace: requests and responses matched into transactions (top Via branch,
 * CSeq number and method) and dialogs (Call-ID). Logs are often partial, so all of these are
 * information or hints: they point at something to look at, never at a broken message.
 */
import { callId, cseqOf, firstHeader, nameAddrOf, tagOf, topVia } from '../../../parser/access';
import type { NameAddr } from '../../../parser/values/nameAddr';
import type { SipMessage } from '../../../parser/model';
import type { TraceCheck, TraceContext } from '../types';

interface Facts {
  readonly message: SipMessage;
  readonly callId: string;
  readonly cseq: number;
  readonly method: string;
  readonly branch: string;
  readonly fromTag: string;
  /** Identifies the transaction: branch (or Call-ID when there is none), CSeq number and method. ACK and CANCEL have their own. */
  readonly transaction: string;
  readonly status: number | null;
  readonly toAddress: NameAddr | null;
}

const memo = new WeakMap<object, Facts[]>();

/** Facts for every message with a Call-ID and a CSeq; computed once per document and shared by all trace checks. */
function factsOf(context: TraceContext): Facts[] {
  const owner = context.messages ?? context.document;
  const cached = memo.get(owner);
  if (cached) return cached;
  const facts: Facts[] = [];
  for (const message of context.messages ?? context.document.messages) {
    const id = callId(message);
    const cseq = cseqOf(context.text, message);
    if (!id || !cseq?.method || Number.isNaN(cseq.value)) continue;
    const branch = topVia(context.text, message)?.branch?.text ?? '';
    const method = cseq.method.text;
    facts.push({
      message,
      callId: id,
      cseq: cseq.value,
      method,
      branch,
      fromTag: tagOf(nameAddrOf(context.text, message, 'From')) ?? '',
      transaction: `${branch || id}\u0000${cseq.value}\u0000${method}`,
      status: message.startLine.kind === 'response' ? message.startLine.status : null,
      toAddress: nameAddrOf(context.text, message, 'To'),
    });
  }
  memo.set(owner, facts);
  return facts;
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

const span = (message: SipMessage): { start: number; end: number } => ({ start: message.startLine.start, end: message.startLine.end });

/** Trace checks only make sense when there is a trace: a single message has nothing to match. */
const enough = (context: TraceContext): boolean => context.document.messages.length >= 2;

/** Text that, with the message's transaction, identifies a copy: same start line and same direction. */
function copyKey(fact: Facts): string {
  const line = fact.message.startLine;
  const what = line.kind === 'request' ? line.method.text : String(line.status);
  // Forked responses differ in their To tag and reliable provisionals in RSeq: those are new messages.
  const toTag = line.kind === 'response' ? tagOf(fact.toAddress) ?? '' : '';
  const rseq = firstHeader(fact.message, 'RSeq')?.value ?? '';
  return `${fact.transaction}\u0000${what}\u0000${toTag}\u0000${rseq}\u0000${fact.message.context?.direction ?? ''}\u0000${fact.message.context?.src ?? ''}`;
}

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
        else if (!requests.has(fact.transaction)) report(span(fact.message), `No request for this ${fact.status} (${fact.method}, CSeq ${fact.cseq}) appears earlier in the trace.`);
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
        report(span(fact.message), `This INVITE (CSeq ${fact.cseq}) gets no final response in the trace.`);
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
        report(span(fact.message), `No ACK for this ${fact.status} to INVITE (CSeq ${fact.cseq}) appears in the trace.`);
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
        if (top && fact.cseq <= top.cseq) report(span(fact.message), `CSeq ${fact.cseq} ${fact.method} does not increase: ${top.method} with CSeq ${top.cseq} came earlier in this dialog (RFC 3261 §12.2.1.1).`);
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
        else if (finished.has(fact.transaction)) report(span(fact.message), `${fact.status} arrives after a final response in the same transaction (${fact.method}, CSeq ${fact.cseq}).`);
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
      const copies = new Map<string, { first: Facts; count: number; reportedAt: number }>();
      const facts = factsOf(context);
      for (const fact of facts) {
        const key = copyKey(fact);
        const entry = copies.get(key);
        if (entry) entry.count++;
        else copies.set(key, { first: fact, count: 1, reportedAt: -1 });
      }
      const counted = new Set<string>();
      for (const fact of facts) {
        const key = copyKey(fact);
        const entry = copies.get(key);
        if (!entry || entry.count < 2 || entry.first === fact || counted.has(key)) continue;
        counted.add(key);
        const line = fact.message.startLine;
        const what = line.kind === 'request' ? line.method.text : `${line.status}`;
        report(span(fact.message), `${what} (CSeq ${fact.cseq} ${fact.method}) appears ${entry.count} times in this transaction: ${entry.count - 1} retransmission${entry.count > 2 ? 's' : ''}.`);
      }
    },
  },
];
