/**
 * The call-flow model on fixtures of several formats: columns from log addresses or headers,
 * arrow order, labels and classes, retransmissions folded, deltas, SDP offer/answer with codecs,
 * and B2BUA legs merged by linking headers (a kamailio trace made on this machine, and hand-made legs).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { SipDocument } from '../../../server/src/core/parser/model';
import { buildFlows, DEFAULT_FLOW_OPTIONS, selectFlow, type CallFlow, type FlowOptions, type TraceFlows } from '../../../server/src/core/features/flow';
import { copyOf, type ArrowCandidate } from '../../../server/src/core/features/flow/arrows';
import { mergeValues, parseMergeHeader } from '../../../server/src/core/features/flow/merge';
import { sdpCodecs } from '../../../server/src/core/features/flow/sdp';
import { LineIndex } from '../../../server/src/core/util/positions';
import { FIXTURES } from '../../support/paths';

function load(path: string): { text: string; document: SipDocument; flows: (options?: FlowOptions) => TraceFlows } {
  const text = readFileSync(join(FIXTURES, path), 'utf8');
  const document = parseDocument(text);
  return { text, document, flows: (options = DEFAULT_FLOW_OPTIONS) => buildFlows(text, document, options) };
}

/** `0>1 INVITE` per arrow: the ladder in one line each. */
function ladder(flow: CallFlow): string[] {
  return flow.arrows.map((a) => `${a.from}>${a.to} ${a.label}${a.messages.length > 1 ? ` x${a.messages.length}` : ''}`);
}

function call(flows: TraceFlows, callId: string): CallFlow {
  const flow = selectFlow(flows, callId);
  assert.ok(flow, `a flow holds ${callId}`);
  return flow;
}

describe('call flow: SIPp messages log (direction, no addresses)', () => {
  const { text, document, flows } = load('traces/sipp/uac-unexpected-486_messages.log');

  it('takes columns from the top Via and the Request-URI, responses going back', () => {
    const flow = call(flows(), '1-16469@127.0.0.1');
    assert.deepEqual(flow.participants.map((p) => [p.id, p.source]), [['127.0.0.1:5060', 'via'], ['127.0.0.1:5070', 'uri']]);
    assert.deepEqual(ladder(flow), ['0>1 INVITE', '1>0 180 Ringing', '1>0 486 Busy Here x2', '0>1 ACK']);
    assert.deepEqual(flow.arrows.map((a) => a.class), ['request', '1xx', '4xx', 'request']);
  });

  it('keeps every copy of a retransmitted final response, first copy first', () => {
    const flow = call(flows(), '1-16469@127.0.0.1');
    const busy = flow.arrows[2];
    assert.ok(busy);
    assert.equal(busy.message, busy.messages[0]);
    assert.ok(busy.messages.every((m, i) => i === 0 || m > (busy.messages[i - 1] ?? Infinity)));
    assert.equal(busy.messages.length, 2);
    for (const m of busy.messages) {
      const line = document.messages[m]?.startLine;
      assert.equal(line?.kind === 'response' ? line.status : null, 486);
      assert.match(document.messages[m]?.headers.find((h) => h.key === 'call-id')?.value ?? '', /^1-16469@/);
    }
  });

  it('measures deltas from the previous arrow in the logged time', () => {
    const flow = call(flows(), '1-16469@127.0.0.1');
    // 20:53:59.252972 → .253223 → .254331 → .254542 (first copies).
    assert.deepEqual(flow.arrows.map((a) => a.timestamp), ['2026-11-21 20:53:59.252972', '2026-11-21 20:53:59.253223', '2026-11-21 20:53:59.254331', '2026-11-21 20:53:59.254542']);
    assert.deepEqual(flow.arrows.map((a) => a.deltaMs), [null, 0.251, 1.108, 0.211]);
  });

  it('counts lines as LSP does and points at the start line', () => {
    const flow = call(flows(), '1-16469@127.0.0.1');
    const lines = new LineIndex(text, 'lsp');
    for (const arrow of flow.arrows) {
      assert.equal(arrow.line, lines.positionAt(arrow.start).line);
      assert.ok(text.slice(arrow.start).startsWith(arrow.startLine.split(' ')[0] ?? '?'), arrow.startLine);
    }
    assert.deepEqual(flow.arrows[0]?.keyHeaders.map((h) => h.name), ['From', 'To', 'Call-ID', 'CSeq', 'Via', 'Contact']);
  });
});

describe('call flow: SIPp retransmitted INVITE with no answer', () => {
  it('folds three copies into one arrow ×3', () => {
    const { flows } = load('traces/sipp/uac-no-answer-retrans_messages.log');
    const [flow] = flows().calls;
    assert.deepEqual(flow && ladder(flow), ['0>1 INVITE x3']);
    assert.deepEqual(flow?.arrows[0]?.messages, [0, 1, 2]);
  });
});

describe('call flow: sngrep export (addresses in the log)', () => {
  const { flows } = load('traces/sngrep/tcp-two-calls-export.txt');

  it('one flow per Call-ID in order of first appearance, columns from the log', () => {
    const all = flows();
    assert.deepEqual(all.calls.map((c) => c.callIds), [['1-17655@127.0.0.1'], ['2-17655@127.0.0.1']]);
    const first = all.calls[0];
    assert.ok(first);
    assert.deepEqual(first.participants.map((p) => [p.id, p.source]), [['127.0.0.1:5160', 'log'], ['127.0.0.1:5170', 'log']]);
    assert.deepEqual(ladder(first), ['0>1 INVITE', '1>0 180 Ringing', '1>0 200 OK', '0>1 ACK', '0>1 BYE', '1>0 200 OK']);
  });

  it('marks the INVITE SDP as the offer and the 200 SDP as the answer, with codecs', () => {
    const first = flows().calls[0];
    assert.deepEqual(first?.arrows.map((a) => a.body?.kind ?? null), ['sdp-offer', null, 'sdp-answer', null, null, null]);
    assert.deepEqual(first?.arrows[0]?.body?.codecs, ['PCMU/8000']);
    assert.equal(first?.arrows[0]?.body?.contentType, 'application/sdp');
  });

  it('the all view interleaves both calls in document order', () => {
    const all = flows().all;
    assert.equal(all.id, 'all');
    assert.equal(all.arrows.length, 12);
    assert.deepEqual(all.arrows.map((a) => a.message), [...Array(12).keys()]);
    assert.deepEqual(new Set(all.arrows.map((a) => a.callId)), new Set(['1-17655@127.0.0.1', '2-17655@127.0.0.1']));
  });

  it('groups by host: loopback ports fall into one column', () => {
    const first = flows({ ...DEFAULT_FLOW_OPTIONS, groupBy: 'host' }).calls[0];
    assert.deepEqual(first?.participants.map((p) => p.id), ['127.0.0.1']);
    assert.ok(first?.arrows.every((a) => a.from === 0 && a.to === 0));
  });
});

describe('call flow: ngrep capture of a call through kamailio with a masked Call-ID (B2BUA legs)', () => {
  const { flows } = load('traces/ngrep/b2bua-topoh-x-call-id.log');
  const LEG_A = '1-22749@127.0.0.1';
  const LEG_B = '!!:Mm4LMBN4zjyfMBN7MGZAOBF*';

  it('merges the two legs through X-Call-ID into one call of three columns', () => {
    const all = flows();
    assert.equal(all.calls.length, 1);
    const flow = call(all, LEG_B);
    assert.deepEqual(flow.callIds, [LEG_A, LEG_B]);
    assert.equal(flow.id, LEG_A);
    assert.deepEqual(flow.participants.map((p) => p.id), ['127.0.0.1:5661', '127.0.0.1:5660', '127.0.0.1:5670']);
    assert.deepEqual(ladder(flow), [
      '0>1 INVITE', '1>0 100 trying -- your call is important to us', '1>2 INVITE', '2>1 180 Ringing', '1>0 180 Ringing',
      '2>1 200 OK', '1>0 200 OK', '0>1 ACK', '1>2 ACK', '0>1 BYE', '1>2 BYE', '2>1 200 OK', '1>0 200 OK',
    ]);
    assert.deepEqual(flow.arrows.map((a) => a.callId === LEG_A ? 'A' : 'B').join(''), 'AABBABAABABBA');
  });

  it('keeps the legs apart without merge headers', () => {
    const all = flows({ ...DEFAULT_FLOW_OPTIONS, mergeHeaders: [] });
    assert.deepEqual(all.calls.map((c) => c.callIds), [[LEG_A], [LEG_B]]);
  });

  it('offers and answers SDP on each leg', () => {
    const flow = call(flows(), LEG_A);
    assert.deepEqual(flow.arrows.filter((a) => a.body).map((a) => `${a.label} ${a.body?.kind}`), ['INVITE sdp-offer', 'INVITE sdp-offer', '200 OK sdp-answer', '200 OK sdp-answer']);
  });
});

describe('call flow: a plain .sip file (no log context)', () => {
  const { flows } = load('flow/late-offer.sip');

  it('reads a 2xx with SDP to an INVITE without SDP as the offer, answered in the ACK', () => {
    const flow = flows().calls[0];
    assert.ok(flow);
    assert.deepEqual(ladder(flow), ['0>1 INVITE', '1>0 180 Ringing', '1>0 200 OK x2', '0>1 ACK', '1>0 BYE', '0>1 200 OK']);
    assert.deepEqual(flow.arrows.map((a) => a.body?.kind ?? null), [null, null, 'sdp-offer', 'sdp-answer', null, null]);
    assert.deepEqual(flow.arrows[2]?.body?.codecs, ['PCMU/8000', 'PCMA/8000', 'telephone-event/8000']);
    assert.deepEqual(flow.arrows[3]?.body?.codecs, ['PCMA/8000']);
  });

  it('has no timestamps, so no deltas', () => {
    const flow = flows().calls[0];
    assert.ok(flow?.arrows.every((a) => a.timestamp === null && a.deltaMs === null));
  });

  it('sends the BYE from the callee: its own Via to the Request-URI', () => {
    const flow = flows().calls[0];
    assert.deepEqual(flow?.participants.map((p) => [p.id, p.source]), [['192.0.2.10:5060', 'via'], ['192.0.2.20:5060', 'uri']]);
  });
});

describe('call flow: B2BUA legs linked by Session-ID and P-Charging-Vector', () => {
  const { flows } = load('flow/b2bua-linked-legs.sip');

  it('merges Session-IDs that differ in case and icid-values with and without quotes', () => {
    assert.deepEqual(flows().calls.map((c) => c.callIds), [['leg-a', 'leg-b'], ['leg-c', 'leg-d'], ['leg-e']]);
  });

  it('merges only by the headers configured', () => {
    assert.deepEqual(flows({ ...DEFAULT_FLOW_OPTIONS, mergeHeaders: ['Session-ID'] }).calls.map((c) => c.callIds), [['leg-a', 'leg-b'], ['leg-c'], ['leg-d'], ['leg-e']]);
  });

  it('reads header values and parameters, and ignores placeholder values', () => {
    const text = 'INVITE sip:a@b SIP/2.0\r\nP-Charging-Vector: icid-value="AbC";orig-ioi=x\r\nSession-ID: ABCDEF;remote=1\r\nX-Call-ID: 0\r\nCall-ID: c\r\n\r\n';
    const [message] = parseDocument(text).messages;
    assert.ok(message);
    const icid = parseMergeHeader('P-Charging-Vector;icid-value');
    const session = parseMergeHeader('Session-ID');
    const xcid = parseMergeHeader('X-Call-ID');
    assert.ok(icid && session && xcid);
    assert.deepEqual(mergeValues(message, icid), ['AbC']);
    assert.deepEqual(mergeValues(message, session), ['abcdef']);
    assert.deepEqual(mergeValues(message, xcid), []);
  });
});

describe('call flow: the retransmission rule', () => {
  const base: ArrowCandidate = { message: 0, transaction: 4, from: 0, to: 1, startLine: 'SIP/2.0 180 Ringing', resendable: false };
  const index = new Map([[4, [0]]]);

  it('folds a copy logged twice (same text) even when its columns differ', () => {
    assert.equal(copyOf([base], index, { ...base, message: 1, from: 2, to: 0 }, () => true), 0);
  });

  it('does not fold a provisional response between the same columns with other text (a proxy hop)', () => {
    assert.equal(copyOf([base], index, { ...base, message: 1 }, () => false), -1);
  });

  it('folds a resent request or final response between the same columns', () => {
    const invite = { ...base, startLine: 'INVITE sip:b@x SIP/2.0', resendable: true };
    assert.equal(copyOf([invite], index, { ...invite, message: 1 }, () => false), 0);
    assert.equal(copyOf([invite], index, { ...invite, message: 1, transaction: 5 }, () => true), -1, 'another transaction');
    assert.equal(copyOf([invite], index, { ...invite, message: 1, startLine: 'INVITE sip:c@x SIP/2.0' }, () => true), -1, 'another start line');
  });
});

describe('call flow: SDP codecs', () => {
  it('names static payload types and prefers rtpmap, in m= order without duplicates', () => {
    assert.deepEqual(sdpCodecs(['m=audio 4000 RTP/AVP 0 18 96 8', 'a=rtpmap:96 opus/48000/2', 'm=video 5000 RTP/AVP 96 97', 'a=rtpmap:97 H264/90000']), ['PCMU/8000', 'G729/8000', 'opus/48000/2', 'PCMA/8000', 'H264/90000']);
    assert.deepEqual(sdpCodecs(['m=audio 4000 RTP/AVP 120']), ['PT 120']);
  });
});

describe('call flow: bad input', () => {
  it('builds empty flows for text without SIP and survives binary junk', () => {
    const junk = '\u0000\uFFFD'.repeat(5000) + 'SIP/2.0 200 OK\r\nCSeq: x\r\n\r\n' + 'INVITE  SIP/2.0\n'.repeat(200);
    const flows = buildFlows(junk, parseDocument(junk));
    assert.ok(Array.isArray(flows.calls));
    assert.equal(flows.all.arrows.length, parseDocument(junk).messages.length);
    const empty = buildFlows('', parseDocument(''));
    assert.deepEqual([empty.calls.length, empty.all.arrows.length, empty.all.participants.length], [0, 0, 0]);
  });
});
