/**
 * The trace checks (checks/trace.ts) computed message by message, for a trace read as a stream.
 * They need state across the whole trace; here it is kept per key (transaction, Call-ID + CSeq,
 * dialog side, copy) and bounded: a key nobody has touched for `horizon` messages is evicted, and
 * what it still owed is decided as if the trace ended there (an INVITE still without final response
 * is reported, a retransmission burst is counted as it stands).
 *
 * Deliberate bound: findings equal those of the whole-trace checks whenever every transaction and
 * dialog has all its messages within `horizon` messages of each other (default 50 000; a trace
 * with real calls is far inside that). Findings that wait for a decision (an INVITE's final
 * response, a 2xx's ACK, the size of a retransmission burst) are "pending"; `frontier` is the
 * earliest of them, so the caller can release everything before it in order.
 */
import { TRACE_WORDING, type TraceFacts } from '../features/validate/checks/trace';
import type { Span } from '../parser/model';

export const DEFAULT_HORIZON = 50_000;

/** A trace finding: check id, where, and what it says (severity is the caller's business). */
export interface TraceFinding<F extends TraceFacts = TraceFacts> {
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  /** The facts of the message it is about, as they were fed in. */
  readonly fact: F;
}

interface Pending<F extends TraceFacts> {
  readonly code: string;
  readonly fact: F;
  state: 'open' | 'dropped' | 'done';
}

interface Transaction<F extends TraceFacts> {
  request: boolean;
  final: boolean;
  inviteReported: boolean;
  invite: Pending<F> | null;
}
interface AckState<F extends TraceFacts> {
  acked: boolean;
  reported: boolean;
  pending: Pending<F> | null;
}
interface Side {
  top: { cseq: number; method: string } | null;
  readonly seen: Set<string>;
}
interface Copies<F extends TraceFacts> {
  count: number;
  pending: Pending<F> | null;
}

export class TraceTracker<F extends TraceFacts = TraceFacts> {
  private count = 0;
  private readonly transactions = new Recent<Transaction<F>>();
  private readonly acks = new Recent<AckState<F>>();
  private readonly sides = new Recent<Side>();
  private readonly copies = new Recent<Copies<F>>();
  private readonly queue: Pending<F>[] = [];
  private head = 0;
  private out: TraceFinding<F>[] = [];

  constructor(
    /** Ids of the trace checks that are on; the others cost nothing. */
    private readonly enabled: ReadonlySet<string>,
    private readonly horizon = DEFAULT_HORIZON,
  ) {}

  /** Feeds one message's facts (spans in whole-file offsets); returns the findings decided so far. */
  add(fact: F): TraceFinding<F>[] {
    this.count++;
    const on = (id: string): boolean => this.enabled.has(id);
    const txn = this.transactions.touch(fact.transaction, this.count, (): Transaction<F> => ({ request: false, final: false, inviteReported: false, invite: null }));
    if (fact.status === null) {
      txn.request = true;
      if (fact.method === 'INVITE' && on('invite-without-final') && !txn.final && !txn.inviteReported) {
        txn.inviteReported = true;
        txn.invite = this.open('invite-without-final', fact);
      }
      if (fact.method === 'ACK' && on('ack-missing')) {
        const ack = this.acks.touch(`${fact.callId}\u0000${fact.cseq}`, this.count, newAck<F>);
        ack.acked = true;
        drop(ack.pending);
      }
      if (fact.method !== 'ACK' && fact.method !== 'CANCEL' && on('cseq-not-increasing')) this.cseqOrder(fact);
    } else {
      if (!txn.request && on('response-without-request')) this.emit('response-without-request', fact, TRACE_WORDING.responseWithoutRequest(fact));
      if (fact.status >= 200) {
        txn.final = true;
        drop(txn.invite);
      } else if (txn.final && on('provisional-after-final')) this.emit('provisional-after-final', fact, TRACE_WORDING.provisionalAfterFinal(fact));
      if (fact.status >= 200 && fact.status < 300 && fact.method === 'INVITE' && on('ack-missing')) {
        const ack = this.acks.touch(`${fact.callId}\u0000${fact.cseq}`, this.count, newAck<F>);
        if (!ack.acked && !ack.reported) {
          ack.reported = true;
          ack.pending = this.open('ack-missing', fact);
        }
      }
    }
    if (on('retransmission')) {
      const copy = this.copies.touch(fact.copyKey, this.count, (): Copies<F> => ({ count: 0, pending: null }));
      copy.count++;
      // Reported on the first repeat, with the size of the whole burst: known only when the key is done.
      if (copy.count === 2) copy.pending = this.open('retransmission', fact);
    }
    this.evict(this.count - this.horizon);
    return this.take();
  }

  /** The trace has ended: everything pending is decided. */
  end(): TraceFinding<F>[] {
    this.evict(Number.POSITIVE_INFINITY);
    return this.take();
  }

  /** Keys held right now (transactions, ACK keys, dialog sides, copies): bounded by the horizon. */
  get keys(): number {
    return this.transactions.size + this.acks.size + this.sides.size + this.copies.size;
  }

  /** Whole-file offset of the earliest finding still undecided; Infinity when none is. */
  get frontier(): number {
    while (this.head < this.queue.length && this.queue[this.head]?.state !== 'open') this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return this.queue[this.head]?.fact.span.start ?? Number.POSITIVE_INFINITY;
  }

  private cseqOrder(fact: F): void {
    const side = this.sides.touch(`${fact.callId}\u0000${fact.fromTag}`, this.count, () => ({ top: null, seen: new Set<string>() }));
    // Copies of one request (in and out of a proxy, or retransmitted) are not new requests.
    const request = `${fact.cseq}\u0000${fact.method}`;
    if (side.seen.has(request)) return;
    side.seen.add(request);
    const top = side.top;
    if (top && fact.cseq <= top.cseq) this.emit('cseq-not-increasing', fact, TRACE_WORDING.cseqNotIncreasing(fact, top));
    if (!top || fact.cseq > top.cseq) side.top = { cseq: fact.cseq, method: fact.method };
  }

  private open(code: string, fact: F): Pending<F> {
    const pending: Pending<F> = { code, fact, state: 'open' };
    this.queue.push(pending);
    return pending;
  }

  private emit(code: string, fact: F, message: string): void {
    this.out.push({ code, span: fact.span, message, fact });
  }

  private evict(before: number): void {
    this.transactions.evict(before, (txn) => {
      if (txn.invite) this.decide(txn.invite, TRACE_WORDING.inviteWithoutFinal(txn.invite.fact));
    });
    this.acks.evict(before, (ack) => {
      if (ack.pending) this.decide(ack.pending, TRACE_WORDING.ackMissing(ack.pending.fact));
    });
    this.sides.evict(before, () => undefined);
    this.copies.evict(before, (copy) => {
      if (copy.pending) this.decide(copy.pending, TRACE_WORDING.retransmission(copy.pending.fact, copy.count));
    });
  }

  private decide(pending: Pending<F>, message: string): void {
    if (pending.state !== 'open') return;
    pending.state = 'done';
    this.emit(pending.code, pending.fact, message);
  }

  private take(): TraceFinding<F>[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}

const newAck = <F extends TraceFacts>(): AckState<F> => ({ acked: false, reported: false, pending: null });

function drop<F extends TraceFacts>(pending: Pending<F> | null): void {
  if (pending && pending.state === 'open') pending.state = 'dropped';
}

/**
 * Entries by key, forgotten in the order they were last used. Every use is logged with its time and
 * eviction reads the log from its oldest end, skipping uses that a later one superseded: amortized
 * constant time per message. (Moving a used key to the back of a Map instead leaves a deleted slot behind,
 * and every eviction scan had to step over all of them.)
 */
class Recent<T> {
  private readonly slots = new Map<string, Slot<T>>();
  /** Every use, oldest first: the slot and when (stale uses cost a pointer, not a key). */
  private readonly used: (Slot<T> | undefined)[] = [];
  private readonly times: number[] = [];
  private head = 0;

  get size(): number {
    return this.slots.size;
  }

  /** The entry for a key, created if needed, marked as used at `now` (never earlier than the last use). */
  touch(key: string, now: number, create: () => T): T {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { key, value: create(), last: now };
      this.slots.set(key, slot);
    }
    slot.last = now;
    this.used.push(slot);
    this.times.push(now);
    return slot.value;
  }

  /** Forgets, oldest use first, every entry last used before `before`, handing each to `gone`. */
  evict(before: number, gone: (entry: T) => void): void {
    const { used, times } = this;
    while (this.head < used.length) {
      const at = times[this.head] ?? 0;
      if (at >= before) break;
      const slot = used[this.head];
      // Let go of it now: an evicted entry may hold a pending finding's facts.
      used[this.head++] = undefined;
      // A later use supersedes this one; a slot already forgotten was forgotten at its last use.
      if (!slot || slot.last !== at || this.slots.get(slot.key) !== slot) continue;
      this.slots.delete(slot.key);
      gone(slot.value);
    }
    if (this.head > 4096 && this.head * 2 > used.length) {
      used.splice(0, this.head);
      times.splice(0, this.head);
      this.head = 0;
    }
  }
}

interface Slot<T> {
  readonly key: string;
  readonly value: T;
  last: number;
}
