/**
 * The trace checks group messages by the parts of their keys (traceGroups.ts); the streamed checker
 * and hand-made facts group by the joined key strings. Both must form the same groups, numbered the
 * same way, or the in-memory and streamed findings would drift apart.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../server/src/core/parser/document';
import { traceFactsOf, type TraceFacts } from '../../../server/src/core/features/validate/checks/trace';
import { traceGroupsOf, type TraceGroups } from '../../../server/src/core/features/validate/checks/traceGroups';
import { MessageFacts, sameWhat } from '../../../server/src/core/features/validate/checks/traceFacts';
import { validate } from '../../../server/src/core/features/validate';
import { validateAll } from '../../../server/src/core/features/validate/incremental';
import { FIXTURES } from '../../support/paths';
import { fixtureFiles } from '../../support/fixtureFiles';

function factsIn(text: string): TraceFacts[] {
  const document = parseDocument(text);
  return document.messages.flatMap((message) => traceFactsOf(text, message) ?? []);
}

/** The same facts as plain objects with their keys joined, as the streamed checker holds them. */
const joined = (facts: readonly TraceFacts[]): TraceFacts[] =>
  facts.map((fact) => ({ span: fact.span, callId: fact.callId, cseq: fact.cseq, method: fact.method, fromTag: fact.fromTag, transaction: fact.transaction, status: fact.status, what: fact.what, copyKey: fact.copyKey }));

const plain = (groups: TraceGroups): object => ({ ...groups, transaction: [...groups.transaction], copy: [...groups.copy] });

describe('trace groups', () => {
  it('are the same by parts as by joined keys on every fixture', () => {
    let retransmitted = 0;
    let shared = 0;
    for (const file of fixtureFiles(FIXTURES)) {
      const facts = factsIn(readFileSync(file, 'utf8'));
      const byParts = traceGroupsOf(facts);
      assert.deepEqual(plain(byParts), plain(traceGroupsOf(joined(facts))), file);
      if (byParts.copyCount < facts.length) retransmitted++;
      if (byParts.transactionCount < byParts.copyCount) shared++;
    }
    // The fixtures hold retransmissions and transactions of several messages: the groups were exercised.
    assert.ok(retransmitted > 0 && shared > 0, `${retransmitted} files with repeated copies, ${shared} with shared transactions`);
  });

  it('numbered while a full validation gathers the facts, find what an unprimed validation finds on every fixture', () => {
    for (const file of fixtureFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(validateAll(text, parseDocument(text)).findings, validate(text, parseDocument(text)), file);
    }
  });

  it('compare start lines as the joined keys do, a method written as digits included', () => {
    const facts = (status: number | null, method: string): MessageFacts => new MessageFacts(0, 1, 'c', 1, 'INVITE', 'f', status, method, 'b', '', '', '', '');
    const pairs: [MessageFacts, MessageFacts][] = [
      [facts(200, ''), facts(200, '')],
      [facts(200, ''), facts(180, '')],
      [facts(null, 'INVITE'), facts(null, 'INVITE')],
      [facts(null, 'INVITE'), facts(null, 'ACK')],
      [facts(null, '200'), facts(200, '')],
      [facts(180, ''), facts(null, '200')],
    ];
    for (const [a, b] of pairs) assert.equal(sameWhat(a, b), a.what === b.what, `${a.what} / ${b.what}`);
  });

  it('tell forked responses apart by To tag, and keep retransmissions together', () => {
    const response = (toTag: string): string =>
      `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\nTo: <sip:b@example.com>;tag=${toTag}\r\nFrom: <sip:a@example.com>;tag=f\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
    const invite = 'INVITE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\nTo: <sip:b@example.com>\r\nFrom: <sip:a@example.com>;tag=f\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n';
    const facts = factsIn(invite + response('x') + response('y') + response('x'));
    const groups = traceGroupsOf(facts);
    assert.deepEqual([...groups.transaction], [0, 0, 0, 0]);
    assert.deepEqual([...groups.copy], [0, 1, 2, 1]);
  });
});
