/** Definition, references, highlights and the transaction and call summaries, at marked cursor positions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { SipDocument, Span } from '../../../server/src/core/parser/model';
import { callSummary, definitionAt, highlightsAt, referencesAt, transactionSummary } from '../../../server/src/core/features/navigation';
import { indexOf } from '../../../server/src/core/features/documentIndex';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import { LineIndex } from '../../../server/src/core/util/positions';
import { FIXTURES } from '../../support/paths';

const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const sipFile = (...messages: string[][]): string => messages.map((lines) => [...lines, 'Content-Length: 0', '', ''].join('\r\n')).join('');

const CALL_ID = '3848276298220188511@atlanta.example.com';
const ALICE = 'Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl';
const BOB = 'Bob <sip:bob@biloxi.example.com>;tag=8321234356';
const REPLACES = [`Replaces: ${CALL_ID};to-tag=8321234356;from-tag=9fxced76sl`, `In-Reply-To: ${CALL_ID}`];

/**
 * An answered call (0-5), a cancelled one (6-11), and an attended transfer's INVITE that replaces
 * the first call, sent by the transferee (12) and forwarded by a proxy that adds its Via (13).
 */
const FLOW = sipFile(
  ['INVITE sip:bob@biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8', 'Max-Forwards: 70', 'To: Bob <sip:bob@biloxi.example.com>', `From: ${ALICE}`, `Call-ID: ${CALL_ID}`, 'CSeq: 1 INVITE', 'Contact: <sip:alice@pc33.atlanta.example.com>'],
  ['SIP/2.0 180 Ringing', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8', `To: ${BOB}`, `From: ${ALICE}`, `Call-ID: ${CALL_ID}`, 'CSeq: 1 INVITE'],
  ['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8', `To: ${BOB}`, `From: ${ALICE}`, `Call-ID: ${CALL_ID}`, 'CSeq: 1 INVITE', 'Contact: <sip:bob@client.biloxi.example.com>'],
  ['ACK sip:bob@client.biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds9', 'Max-Forwards: 70', `To: ${BOB}`, `From: ${ALICE}`, `Call-ID: ${CALL_ID}`, 'CSeq: 1 ACK'],
  ['BYE sip:alice@pc33.atlanta.example.com SIP/2.0', 'Via: SIP/2.0/UDP client.biloxi.example.com;branch=z9hG4bKnashds10', 'Max-Forwards: 70', `From: ${BOB}`, `To: ${ALICE}`, `Call-ID: ${CALL_ID}`, 'CSeq: 231 BYE'],
  ['SIP/2.0 200 OK', 'v: SIP/2.0/UDP client.biloxi.example.com;branch=z9hG4bKnashds10', `f: ${BOB}`, `t: ${ALICE}`, `i: ${CALL_ID}`, 'CSeq: 231 BYE'],
  ['INVITE sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9', 'Max-Forwards: 70', 'To: Carol <sip:carol@chicago.example.com>', 'From: Alice <sip:alice@atlanta.example.com>;tag=9hx34576sl', 'Call-ID: cancel-flow@atlanta.example.com', 'CSeq: 1 INVITE'],
  ['SIP/2.0 100 Trying', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9', 'To: Carol <sip:carol@chicago.example.com>', 'From: Alice <sip:alice@atlanta.example.com>;tag=9hx34576sl', 'Call-ID: cancel-flow@atlanta.example.com', 'CSeq: 1 INVITE'],
  ['CANCEL sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9', 'Max-Forwards: 70', 'To: Carol <sip:carol@chicago.example.com>', 'From: Alice <sip:alice@atlanta.example.com>;tag=9hx34576sl', 'Call-ID: cancel-flow@atlanta.example.com', 'CSeq: 1 CANCEL'],
  ['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9', 'To: Carol <sip:carol@chicago.example.com>;tag=314159', 'From: Alice <sip:alice@atlanta.example.com>;tag=9hx34576sl', 'Call-ID: cancel-flow@atlanta.example.com', 'CSeq: 1 CANCEL'],
  ['SIP/2.0 487 Request Terminated', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9', 'To: Carol <sip:carol@chicago.example.com>;tag=314159', 'From: Alice <sip:alice@atlanta.example.com>;tag=9hx34576sl', 'Call-ID: cancel-flow@atlanta.example.com', 'CSeq: 1 INVITE'],
  ['ACK sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9', 'Max-Forwards: 70', 'To: Carol <sip:carol@chicago.example.com>;tag=314159', 'From: Alice <sip:alice@atlanta.example.com>;tag=9hx34576sl', 'Call-ID: cancel-flow@atlanta.example.com', 'CSeq: 1 ACK'],
  ['INVITE sip:bob@biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP client.chicago.example.com;branch=z9hG4bKtr1', 'To: Bob <sip:bob@biloxi.example.com>', 'From: Carol <sip:carol@chicago.example.com>;tag=t1', 'Call-ID: transfer-1', 'CSeq: 1 INVITE', ...REPLACES],
  ['INVITE sip:bob@client.biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP proxy.biloxi.example.com;branch=z9hG4bKp1', 'Via: SIP/2.0/UDP client.chicago.example.com;branch=z9hG4bKtr1', 'To: Bob <sip:bob@biloxi.example.com>', 'From: Carol <sip:carol@chicago.example.com>;tag=t1', 'Call-ID: transfer-1', 'CSeq: 1 INVITE', ...REPLACES],
);

const parsed = new Map<string, SipDocument>();
const documentOf = (text: string): SipDocument => {
  let document = parsed.get(text);
  if (!document) {
    document = parseDocument(text);
    parsed.set(text, document);
  }
  return document;
};

/**
 * The offset marked by `|` in a snippet of the text: the snippet without its mark is found in the
 * text (its nth occurrence, counting from 0), and the mark's place in it gives the offset.
 */
function at(text: string, marked: string, nth = 0): number {
  const mark = marked.indexOf('|');
  assert.ok(mark !== -1, 'the snippet marks the cursor');
  const needle = marked.slice(0, mark) + marked.slice(mark + 1);
  let found = -1;
  for (let i = 0; i <= nth; i++) {
    found = text.indexOf(needle, found + 1);
    assert.ok(found !== -1, `occurrence ${i} of ${JSON.stringify(needle)}`);
  }
  return found + mark;
}

/** A span as `line:text` (0-based line), for expectations that read like the file. */
function show(text: string, span: Span): string {
  return `${new LineIndex(text).positionAt(span.start).line}:${text.slice(span.start, span.end)}`;
}

const definition = (text: string, offset: number): string[] => definitionAt(text, documentOf(text), offset).map((s) => show(text, s));
const references = (text: string, offset: number): string[] => referencesAt(text, documentOf(text), offset).map((s) => show(text, s));
const highlights = (text: string, offset: number): string[] => highlightsAt(text, documentOf(text), offset).map((h) => `${h.kind} ${show(text, h.span)}`);

const INVITE_0 = '0:INVITE sip:bob@biloxi.example.com SIP/2.0';
const INVITE_6 = '53:INVITE sip:carol@chicago.example.com SIP/2.0';

describe('go to definition', () => {
  const cases: [string, string, number, string[]][] = [
    ['a provisional response, on its code', 'SIP/2.0 1|80 Ringing', 0, [INVITE_0]],
    ['a 2xx, anywhere in its headers', 'Contact: <sip:bob@client.bi|loxi', 0, [INVITE_0]],
    ['a 200 to BYE, on its compact Call-ID', `i: ${CALL_ID.slice(0, 5)}|`, 0, ['36:BYE sip:alice@pc33.atlanta.example.com SIP/2.0']],
    ['the ACK to a 2xx (a branch of its own)', '|ACK sip:bob@client', 0, [INVITE_0]],
    ['a CANCEL (the INVITE\'s branch)', 'CSeq: 1 CAN|CEL', 0, [INVITE_6]],
    ['the 200 to a CANCEL', 'CSeq: 1 CANCEL|', 1, ['70:CANCEL sip:carol@chicago.example.com SIP/2.0']],
    ['a 487', 'SIP/2.0 487 Request |Terminated', 0, [INVITE_6]],
    ['the ACK to a 487 (the INVITE\'s branch)', 'CSeq: 1 A|CK', 1, [INVITE_6]],
  ];
  for (const [what, marked, nth, expected] of cases) {
    it(`goes from ${what} to its request`, () => {
      assert.deepEqual(definition(FLOW, at(FLOW, marked, nth)), expected);
    });
  }

  it('goes nowhere from a request that starts a transaction, or between messages', () => {
    assert.deepEqual(definition(FLOW, at(FLOW, 'INV|ITE sip:bob@biloxi')), []);
    assert.deepEqual(definition(FLOW, at(FLOW, 'CSeq: 231 B|YE')), []);
    assert.deepEqual(definition(FLOW, FLOW.length + 5), []);
    assert.deepEqual(definition(FLOW, -1), []);
  });

  it('goes nowhere from a response whose request is not in the file', () => {
    const text = sipFile(['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8', `Call-ID: ${CALL_ID}`, 'CSeq: 1 INVITE']);
    assert.deepEqual(definition(text, at(text, 'SIP/2.0 2|00')), []);
  });

  it('follows each proxy leg of a Kamailio sipdump, and offers both INVITEs for the ACK to the 2xx', () => {
    const text = fixture('traces/kamailio-sipdump/proxy-invite-2-calls.data');
    const document = documentOf(text);
    const line = (i: number): string => show(text, document.messages[i]?.startLine ?? { start: 0, end: 0 });
    const inside = (i: number): number => (document.messages[i]?.startLine.start ?? 0) + 2;
    assert.deepEqual(definition(text, inside(3)), [line(2)]);
    assert.deepEqual(definition(text, inside(4)), [line(0)]);
    assert.deepEqual(definition(text, inside(7)), [line(0), line(2)]);
    assert.deepEqual([line(0), line(2)], ['12:INVITE sip:service@127.0.0.1:5460 SIP/2.0', '66:INVITE sip:service@127.0.0.1:5460 SIP/2.0']);
  });
});

describe('go to definition through a proxy', () => {
  it('goes from a response a proxy got back to the request it received, by the next Via (Kamailio xlog)', () => {
    const text = fixture('traces/kamailio-xlog/stderr-proxy-2-calls.log');
    const document = documentOf(text);
    const line = (i: number): string => show(text, document.messages[i]?.startLine ?? { start: 0, end: 0 });
    assert.deepEqual(definition(text, at(text, 'SIP/2.0 180 |Ringing')), [line(0)]);
    assert.deepEqual(definition(text, at(text, 'SIP/2.0 200 |OK', 1)), [line(4)]);
    assert.deepEqual([line(0), line(4)], ['7:INVITE sip:service@127.0.0.1:5460 SIP/2.0', '71:BYE sip:service@127.0.0.1:5460 SIP/2.0']);
  });
});

describe('find references', () => {
  const everyCallId = ['5:3848276298220188511@atlanta.example.com', '14:3848276298220188511@atlanta.example.com', '22:3848276298220188511@atlanta.example.com', '32:3848276298220188511@atlanta.example.com', '41:3848276298220188511@atlanta.example.com', '49:3848276298220188511@atlanta.example.com'];

  it('lists the Call-ID of every message of the call, from the value', () => {
    assert.deepEqual(references(FLOW, at(FLOW, `Call-ID: 38482|7629`, 4)), everyCallId);
  });

  it('from anywhere on the header line, compact form included', () => {
    assert.deepEqual(references(FLOW, at(FLOW, 'Ca|ll-ID: 3848', 1)), everyCallId);
    assert.deepEqual(references(FLOW, at(FLOW, `i|: ${CALL_ID}`)), everyCallId);
    assert.deepEqual(references(FLOW, at(FLOW, `Call-ID: ${CALL_ID}|`)), everyCallId);
  });

  it('finds nothing elsewhere', () => {
    assert.deepEqual(references(FLOW, at(FLOW, 'CSeq: 1 INV|ITE')), []);
    assert.deepEqual(references(FLOW, at(FLOW, `Replaces: 3848|`)), []);
    assert.deepEqual(references('', 0), []);
  });

  it('lists one call of an sngrep export', () => {
    const text = fixture('traces/sngrep/udp-two-calls-export.txt');
    const found = references(text, at(text, 'Call-ID: 2-17376@|127.0.0.1'));
    assert.deepEqual(found.map((s) => s.split(':').slice(1).join(':')), ['2-17376@127.0.0.1', '2-17376@127.0.0.1', '2-17376@127.0.0.1', '2-17376@127.0.0.1', '2-17376@127.0.0.1', '2-17376@127.0.0.1']);
    assert.deepEqual(found.map((s) => s.split(':')[0]), ['99', '121', '133', '153', '167', '181']);
  });
});

describe('document highlights', () => {
  it('lights a Call-ID in every Call-ID header, and as text in Replaces and In-Reply-To', () => {
    const expected = [
      'read 5:3848276298220188511@atlanta.example.com',
      'read 14:3848276298220188511@atlanta.example.com',
      'read 22:3848276298220188511@atlanta.example.com',
      'read 32:3848276298220188511@atlanta.example.com',
      'read 41:3848276298220188511@atlanta.example.com',
      'read 49:3848276298220188511@atlanta.example.com',
      'text 110:3848276298220188511@atlanta.example.com',
      'text 111:3848276298220188511@atlanta.example.com',
      'text 121:3848276298220188511@atlanta.example.com',
      'text 122:3848276298220188511@atlanta.example.com',
    ];
    assert.deepEqual(highlights(FLOW, at(FLOW, `Call-ID: |3848`)), expected);
    assert.deepEqual(highlights(FLOW, at(FLOW, `Replaces: 3848276298220188511@atlanta|.example.com`, 1)), expected);
  });

  it('lights a tag as From tag and To tag alike, whichever side sends', () => {
    assert.deepEqual(highlights(FLOW, at(FLOW, 'tag=9fxc|ed76sl')), [
      'read 4:9fxced76sl',
      'read 13:9fxced76sl',
      'read 21:9fxced76sl',
      'read 31:9fxced76sl',
      'read 40:9fxced76sl',
      'read 48:9fxced76sl',
      'text 110:9fxced76sl',
      'text 121:9fxced76sl',
    ]);
  });

  it('lights a branch in the transaction, and in a lower Via of the copy a proxy forwarded', () => {
    assert.deepEqual(highlights(FLOW, at(FLOW, 'branch=z9hG4bKnashds8|', 1)), ['read 1:z9hG4bKnashds8', 'read 11:z9hG4bKnashds8', 'read 19:z9hG4bKnashds8']);
    assert.deepEqual(highlights(FLOW, at(FLOW, 'branch=|z9hG4bKtr1')), ['read 105:z9hG4bKtr1', 'read 116:z9hG4bKtr1']);
    assert.deepEqual(highlights(FLOW, at(FLOW, 'branch=|z9hG4bKp1')), ['read 115:z9hG4bKp1']);
  });

  it('keeps a tag or branch to its own call, where a UA that reuses them would light up strangers', () => {
    const options = (id: string): string[] => ['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKstatic', `From: ${ALICE}`, 'To: <sip:carol@chicago.example.com>', `Call-ID: ${id}`, 'CSeq: 1 OPTIONS'];
    const text = sipFile(options('first'), options('second'), options('first'));
    assert.deepEqual(highlights(text, at(text, 'tag=9fx|ced76sl')), ['read 2:9fxced76sl', 'read 18:9fxced76sl']);
    assert.deepEqual(highlights(text, at(text, 'branch=z9hG4bKst|atic', 1)), ['read 9:z9hG4bKstatic']);
  });

  it('lights nothing off those values', () => {
    assert.deepEqual(highlights(FLOW, at(FLOW, 'Max-Forwards: 7|0')), []);
    assert.deepEqual(highlights(FLOW, at(FLOW, '|Call-ID: 3848')), []);
    assert.deepEqual(highlights(FLOW, at(FLOW, 'branch|=z9hG4bKnashds8')), []);
    assert.deepEqual(highlights(FLOW, FLOW.length + 1), []);
  });

  it('lights a SIPp tag across the trace', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const found = highlights(text, at(text, 'tag=15969SIPp|Tag011'));
    assert.deepEqual(found.map((h) => h.replace(/ \d+:/, ' ')), ['read 15969SIPpTag011', 'read 15969SIPpTag011', 'read 15969SIPpTag011', 'read 15969SIPpTag011', 'read 15969SIPpTag011']);
  });
});

describe('transaction summary', () => {
  it('lists the INVITE with its CANCEL, the CANCEL\'s 200 and the ACK to the failure', () => {
    const summary = transactionSummary(FLOW, documentOf(FLOW), 6);
    assert.ok(summary);
    assert.deepEqual({ ...summary, messages: summary.messages.map((m) => `${m.index} ${m.kind} ${m.method} ${m.name} ${show(FLOW, m.span)} ${m.timestamp}`) }, {
      callId: 'cancel-flow@atlanta.example.com',
      branch: 'z9hG4bK74bf9',
      cseq: 1,
      method: 'INVITE',
      messages: [
        '6 request INVITE INVITE sip:carol@chicago.example.com 53:INVITE sip:carol@chicago.example.com SIP/2.0 null',
        '7 response INVITE 100 Trying (INVITE) 62:SIP/2.0 100 Trying null',
        '8 request CANCEL CANCEL sip:carol@chicago.example.com 70:CANCEL sip:carol@chicago.example.com SIP/2.0 null',
        '9 response CANCEL 200 OK (CANCEL) 79:SIP/2.0 200 OK null',
        '10 response INVITE 487 Request Terminated (INVITE) 87:SIP/2.0 487 Request Terminated null',
        '11 request ACK ACK sip:carol@chicago.example.com 95:ACK sip:carol@chicago.example.com SIP/2.0 null',
      ],
      durationMs: null,
    });
  });

  it('keeps the ACK to a 2xx out of the INVITE transaction', () => {
    assert.deepEqual(transactionSummary(FLOW, documentOf(FLOW), 1)?.messages.map((m) => m.index), [0, 1, 2]);
    assert.deepEqual(transactionSummary(FLOW, documentOf(FLOW), 3)?.messages.map((m) => m.name), ['ACK sip:bob@client.biloxi.example.com']);
  });

  it('measures a transaction of a SIPp trace', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const summary = transactionSummary(text, documentOf(text), 2);
    assert.deepEqual(summary?.messages.map((m) => `${m.name} ${m.timestamp}`), [
      'INVITE sip:service@127.0.0.1:5070 2026-11-21 20:53:18.964541',
      '180 Ringing (INVITE) 2026-11-21 20:53:18.964742',
      '200 OK (INVITE) 2026-11-21 20:53:18.965836',
    ]);
    assert.equal(Math.round((summary?.durationMs ?? 0) * 1000), 1295);
  });

  it('is null for a message without CSeq and for an index out of range', () => {
    const text = sipFile(['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Call-ID: x']);
    assert.equal(transactionSummary(text, documentOf(text), 0), null);
    assert.equal(transactionSummary(FLOW, documentOf(FLOW), 99), null);
    assert.equal(transactionSummary(FLOW, documentOf(FLOW), -1), null);
  });
});

describe('call summary', () => {
  it('reads the flow of a call in a message file', () => {
    assert.deepEqual(callSummary(FLOW, documentOf(FLOW), CALL_ID), {
      callId: CALL_ID,
      steps: ['INVITE', '180', '200', 'ACK', 'BYE', '200'],
      messageCount: 6,
      durationMs: null,
      text: 'INVITE → 180 → 200 → ACK → BYE → 200 (6 messages)',
    });
    assert.equal(callSummary(FLOW, documentOf(FLOW), 'cancel-flow@atlanta.example.com')?.text, 'INVITE → 100 → CANCEL → 200 → 487 → ACK (6 messages)');
    assert.equal(callSummary(FLOW, documentOf(FLOW), 'nobody'), null);
  });

  it('adds the duration a trace log allows', () => {
    const sipp = fixture('traces/sipp/uac-invite-call_messages.log');
    assert.equal(callSummary(sipp, documentOf(sipp), '2-15998@127.0.0.1')?.text, 'INVITE → 180 → 200 → ACK → BYE → 200 (6 messages, 4.3 ms)');
    const kamailio = fixture('traces/kamailio-sipdump/proxy-invite-2-calls.data');
    assert.equal(callSummary(kamailio, documentOf(kamailio), '1-17562@127.0.0.1')?.text, 'INVITE → 100 → INVITE → 180 → 180 → 200 → 200 → ACK → ACK → BYE → BYE → 200 → 200 (13 messages, 8.7 ms)');
  });

  it('shortens a long flow around an ellipsis', () => {
    const options = ['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKopt', 'Call-ID: keepalive', 'CSeq: 1 OPTIONS'];
    const text = sipFile(...Array.from({ length: 40 }, () => options), ['SIP/2.0 408 Request Timeout', ...options.slice(1)]);
    const summary = callSummary(text, documentOf(text), 'keepalive');
    assert.equal(summary?.steps.length, 41);
    assert.equal(summary?.text, `${Array.from({ length: 28 }, () => 'OPTIONS').join(' → ')} → … → 408 (41 messages)`);
  });
});

describe('odd input', () => {
  const headerName = fc.constantFrom('Via', 'v', 'To', 't', 'From', 'f', 'Call-ID', 'i', 'CSeq', 'Replaces', 'Join', 'In-Reply-To', 'Contact');
  const headerValue = fc.oneof(
    fc.constantFrom('SIP/2.0/UDP a;branch=z9hG4bK1', 'SIP/2.0/UDP a;branch=', '<sip:a@b>;tag=1', ';tag=', 'c1;to-tag=1;from-tag=2', 'c1;to-tag', ';;', ',', '1 ACK', '1 INVITE', 'x INVITE', 'c1'),
    fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  );
  const message = fc.tuple(fc.constantFrom('INVITE sip:a@b SIP/2.0', 'ACK sip:a@b SIP/2.0', 'CANCEL sip:a@b SIP/2.0', 'SIP/2.0 200 OK', 'SIP/2.0 487', 'SIP/2.0 x'), fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }));
  const file = fc.array(message, { maxLength: 6 }).map((messages) => sipFile(...messages.map(([line, headers]) => [line, ...headers.map(([n, v]) => `${n}: ${v}`)])));

  it('never throws and keeps every range inside the text, at any offset', () => {
    fc.assert(
      fc.property(file, fc.integer({ min: -2, max: 2000 }), (text, offset) => {
        const document = parseDocument(text);
        const at = Math.min(offset, text.length + 1);
        const spans: Span[] = [
          ...definitionAt(text, document, at),
          ...referencesAt(text, document, at),
          ...highlightsAt(text, document, at).map((h) => h.span),
          ...documentSymbols(text, document).flatMap((s) => [s.span, s.selectionSpan, ...s.children.flatMap((c) => [c.span, c.selectionSpan])]),
          ...foldingRanges(text, document),
        ];
        for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${span.start}-${span.end} of ${text.length}`);
        document.messages.forEach((_, i) => transactionSummary(text, document, i));
        for (const id of indexOf(text, document).calls.keys()) assert.ok(callSummary(text, document, id));
      }),
      { numRuns: 300 },
    );
  });
});
