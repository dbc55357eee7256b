/**
 * The streamed trace checks: the same findings as the whole-trace checks, state bounded by the
 * horizon, and findings released as soon as nothing before them is undecided.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceFacts } from '../../../server/src/core/features/validate/checks/trace';
import { TRACE_CHECKS } from '../../../server/src/core/features/validate/checks/trace';
import { TraceTracker } from '../../../server/src/core/stream';

const ALL = new Set(TRACE_CHECKS.map((check) => check.id));

let offset = 0;
/** Facts of one message; each new message sits after the previous one in the file. */
function fact(callId: string, cseq: number, method: string, status: number | null, extra: Partial<TraceFacts> = {}): TraceFacts {
  const start = (offset += 100);
  const transaction = `z9hG4bK${callId}\u0000${cseq}\u0000${method}`;
  const what = status === null ? method : String(status);
  return { span: { start, end: start + 20 }, callId, cseq, method, fromTag: 'a', transaction, status, what, copyKey: `${transaction}\u0000${what}`, ...extra };
}

describe('TraceTracker', () => {
  it('reports what the whole-trace checks report: an INVITE left without final, a retransmission burst with its size', () => {
    const tracker = new TraceTracker(ALL);
    const invite = fact('c1', 1, 'INVITE', null);
    const found = [tracker.add(invite), tracker.add(fact('c1', 1, 'INVITE', null)), tracker.add(fact('c1', 1, 'INVITE', null)), tracker.add(fact('c1', 1, 'INVITE', 100))].flat();
    assert.deepEqual(found, []); // undecided until the trace ends
    assert.equal(tracker.frontier, invite.span.start);
    const end = tracker.end().map((f) => `${f.code}: ${f.message}`).sort();
    assert.deepEqual(end, ['invite-without-final: This INVITE (CSeq 1) gets no final response in the trace.', 'retransmission: INVITE (CSeq 1 INVITE) appears 3 times in this transaction: 2 retransmissions.']);
    assert.equal(tracker.frontier, Number.POSITIVE_INFINITY);
  });

  it('drops a pending finding once its answer comes, and reports late responses at once', () => {
    const tracker = new TraceTracker(ALL);
    tracker.add(fact('c2', 1, 'INVITE', null));
    assert.deepEqual(tracker.add(fact('c2', 1, 'INVITE', 200)), []);
    assert.deepEqual(tracker.add(fact('c2', 1, 'ACK', null, { transaction: 'ack' })), []);
    const late = tracker.add(fact('c2', 1, 'INVITE', 180));
    assert.deepEqual(late.map((f) => f.code), ['provisional-after-final']);
    const orphan = tracker.add(fact('c3', 5, 'BYE', 200));
    assert.deepEqual(orphan.map((f) => f.code), ['response-without-request']);
    assert.deepEqual(tracker.end(), []);
  });

  it('keeps state bounded: keys untouched for `horizon` messages are forgotten and their findings decided', () => {
    const horizon = 50;
    const tracker = new TraceTracker(ALL, horizon);
    let decided = 0;
    let largest = 0;
    for (let call = 0; call < 2000; call++) {
      decided += tracker.add(fact(`x${call}`, 1, 'INVITE', null)).filter((f) => f.code === 'invite-without-final').length;
      largest = Math.max(largest, tracker.keys);
    }
    // Every INVITE is still reported exactly once, most of them long before the end.
    assert.ok(decided >= 2000 - horizon - 1, `${decided} decided before the end`);
    assert.equal(decided + tracker.end().filter((f) => f.code === 'invite-without-final').length, 2000);
    assert.ok(largest <= 4 * (horizon + 1), `${largest} keys held`);
  });

  it('does nothing for checks that are off', () => {
    const tracker = new TraceTracker(new Set());
    tracker.add(fact('c4', 1, 'INVITE', null));
    tracker.add(fact('c5', 1, 'BYE', 200));
    assert.deepEqual(tracker.end(), []);
    assert.equal(tracker.frontier, Number.POSITIVE_INFINITY);
  });
});
