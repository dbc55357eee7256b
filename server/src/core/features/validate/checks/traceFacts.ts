/**
 * What the trace checks read from each message: a few short strings and numbers, no reference to
 * the message or the text. The whole-trace checks and the streamed checker
 * (core/stream/traceTracker.ts) work from the same facts.
 */
import { callId, cseqOf, firstHeader, headerTagOf, topBranch } from '../../../parser/access';
import type { SipMessage, Span } from '../../../parser/model';

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

/**
 * Facts read from a message, with the parts that make up `transaction` and `copyKey` kept apart.
 * Grouping a hundred thousand messages by their parts (see traceGroups.ts) is several times cheaper
 * than joining each message's parts into one long string and hashing that; the joined strings are
 * made only when something asks for them (the streamed checker does).
 */
export class MessageFacts implements TraceFacts {
  private joinedTransaction: string | undefined;

  constructor(
    /** The start line's span, as numbers: a full validation keeps a hundred thousand facts until the trace checks run. */
    private readonly spanStart: number,
    private readonly spanEnd: number,
    readonly callId: string,
    readonly cseq: number,
    readonly method: string,
    readonly fromTag: string,
    readonly status: number | null,
    /** A request's own method ('' for a response): `what` is made from it or from the status when asked for. */
    readonly requestMethod: string,
    /** The top Via branch, '' for none. */
    readonly branch: string,
    /** The To tag of a response ('' for a request): forked responses differ in it. */
    readonly toTag: string,
    /** RSeq: reliable provisionals differ in it. */
    readonly rseq: string,
    readonly direction: string,
    readonly source: string,
  ) {}

  get span(): Span {
    return { start: this.spanStart, end: this.spanEnd };
  }

  get what(): string {
    return this.status === null ? this.requestMethod : String(this.status);
  }

  /** The transaction's first part: the branch, or the Call-ID when there is none. */
  get transactionKey(): string {
    return this.branch || this.callId;
  }

  get transaction(): string {
    return (this.joinedTransaction ??= `${this.transactionKey}\u0000${this.cseq}\u0000${this.method}`);
  }

  get copyKey(): string {
    return `${this.transaction}\u0000${this.what}\u0000${this.toTag}\u0000${this.rseq}\u0000${this.direction}\u0000${this.source}`;
  }
}

/** Whether two facts have the same `what`, without making the strings. */
export function sameWhat(a: MessageFacts, b: MessageFacts): boolean {
  if (a.status !== null && b.status !== null) return a.status === b.status;
  if (a.status === null && b.status === null) return a.requestMethod === b.requestMethod;
  // A request and a response: the same only for a method written as the status code's digits.
  return a.status === null ? a.requestMethod === String(b.status) : b.requestMethod === String(a.status);
}

/** Facts for a message with a Call-ID and a CSeq; null for any other. */
export function traceFactsOf(text: string, message: SipMessage): MessageFacts | null {
  const id = callId(message);
  const cseq = cseqOf(text, message);
  if (!id || !cseq?.method || Number.isNaN(cseq.value)) return null;
  const line = message.startLine;
  const response = line.kind === 'response';
  return new MessageFacts(
    line.start,
    line.end,
    id,
    cseq.value,
    cseq.method.text,
    headerTagOf(text, message, 'From') ?? '',
    response ? line.status : null,
    response ? '' : line.method.text,
    topBranch(text, message) ?? '',
    response ? headerTagOf(text, message, 'To') ?? '' : '',
    firstHeader(message, 'RSeq')?.value ?? '',
    message.context?.direction ?? '',
    message.context?.src ?? '',
  );
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
  return keysOf(id, topBranch(text, message) ?? '');
}

/** traceKeys of the message `fact` was read from, without reading the message again. */
export function factKeys(fact: MessageFacts): string[] {
  return keysOf(fact.callId, fact.branch);
}

function keysOf(callId: string, branch: string): string[] {
  return branch ? [callId, branch] : [callId];
}
