/** The per-document index: calls, transactions, dialogs, the message at an offset, and log timestamps as milliseconds. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { durationOf, elapsedMs, formatDuration, indexOf, parseTimestamp, type Instant } from '../../../server/src/core/features/documentIndex';
import { FIXTURES } from '../../support/paths';

const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

/** The text with its one `|` removed, and the offset where it stood. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset !== -1 && marked.indexOf('|', offset + 1) === -1, 'exactly one cursor mark');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

const sipFile = (...messages: string[][]): string => messages.map((lines) => [...lines, 'Content-Length: 0', '', ''].join('\r\n')).join('');

/** A REGISTER challenged and retried, an OPTIONS from an RFC 2543 element (no branch), and the same OPTIONS sent again. */
const FILE = sipFile(
  ['REGISTER sip:registrar.biloxi.example.com SIP/2.0', 'Via: SIP/2.0/TCP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashds7', 'From: Bob <sip:bob@biloxi.example.com>;tag=456248', 'To: Bob <sip:bob@biloxi.example.com>', 'Call-ID: 843817637684230@998sdasdh09', 'CSeq: 1826 REGISTER'],
  ['SIP/2.0 401 Unauthorized', 'Via: SIP/2.0/TCP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashds7', 'From: Bob <sip:bob@biloxi.example.com>;tag=456248', 'To: Bob <sip:bob@biloxi.example.com>;tag=2493k59kd', 'Call-ID: 843817637684230@998sdasdh09', 'CSeq: 1826 REGISTER'],
  ['REGISTER sip:registrar.biloxi.example.com SIP/2.0', 'Via: SIP/2.0/TCP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashd92', 'From: Bob <sip:bob@biloxi.example.com>;tag=ja743ks76zlflH', 'To: Bob <sip:bob@biloxi.example.com>', 'Call-ID: 843817637684230@998sdasdh09', 'CSeq: 1827 REGISTER'],
  ['SIP/2.0 200 OK', 'Via: SIP/2.0/TCP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashd92', 'From: Bob <sip:bob@biloxi.example.com>;tag=ja743ks76zlflH', 'To: Bob <sip:bob@biloxi.example.com>;tag=37GkEhwl6', 'Call-ID: 843817637684230@998sdasdh09', 'CSeq: 1827 REGISTER'],
  ['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'To: <sip:carol@chicago.example.com>', 'Call-ID: a84b4c76e66710', 'CSeq: 63104 OPTIONS'],
  ['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'To: <sip:carol@chicago.example.com>', 'Call-ID: a84b4c76e66710', 'CSeq: 63104 OPTIONS'],
  ['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP pc33.atlanta.example.com', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'To: <sip:carol@chicago.example.com>;tag=93810874', 'Call-ID: a84b4c76e66710', 'CSeq: 63104 OPTIONS'],
);

describe('document index: calls, transactions and dialogs', () => {
  const document = parseDocument(FILE);
  const index = indexOf(FILE, document);

  it('is built once per document object', () => {
    assert.equal(indexOf(FILE, document), index);
    assert.notEqual(indexOf(FILE, parseDocument(FILE)), index);
  });

  it('groups messages by Call-ID in order of first appearance', () => {
    assert.deepEqual([...index.calls.entries()], [
      ['843817637684230@998sdasdh09', [0, 1, 2, 3]],
      ['a84b4c76e66710', [4, 5, 6]],
    ]);
    assert.deepEqual(index.callIds, ['843817637684230@998sdasdh09', '843817637684230@998sdasdh09', '843817637684230@998sdasdh09', '843817637684230@998sdasdh09', 'a84b4c76e66710', 'a84b4c76e66710', 'a84b4c76e66710']);
  });

  it('matches responses to requests by branch and CSeq; without a branch, by Call-ID and CSeq', () => {
    assert.deepEqual(index.transactions, [
      { id: 0, callId: '843817637684230@998sdasdh09', branch: 'z9hG4bKnashds7', cseq: 1826, method: 'REGISTER', requests: [0], responses: [1], messages: [0, 1] },
      { id: 1, callId: '843817637684230@998sdasdh09', branch: 'z9hG4bKnashd92', cseq: 1827, method: 'REGISTER', requests: [2], responses: [3], messages: [2, 3] },
      { id: 2, callId: 'a84b4c76e66710', branch: null, cseq: 63104, method: 'OPTIONS', requests: [4, 5], responses: [6], messages: [4, 5, 6] },
    ]);
    assert.deepEqual(index.transactionOf, [0, 0, 1, 1, 2, 2, 2]);
    assert.deepEqual(index.transactionsFor('a84b4c76e66710', 63104, 'OPTIONS').map((t) => t.id), [2]);
    assert.deepEqual(index.transactionsFor('a84b4c76e66710', 63104, 'INVITE'), []);
    assert.deepEqual(index.transactionsWithBranch('843817637684230@998sdasdh09', 'z9hG4bKnashd92', 1827).map((t) => t.id), [1]);
  });

  it('puts messages with both tags in a dialog, whichever side sent them', () => {
    assert.deepEqual(index.dialogs, [
      { id: 0, callId: '843817637684230@998sdasdh09', tags: ['2493k59kd', '456248'], messages: [1] },
      { id: 1, callId: '843817637684230@998sdasdh09', tags: ['37GkEhwl6', 'ja743ks76zlflH'], messages: [3] },
      { id: 2, callId: 'a84b4c76e66710', tags: ['1928301774', '93810874'], messages: [6] },
    ]);
    assert.deepEqual(index.dialogOf, [-1, 0, -1, 1, -1, -1, 2]);
  });

  it('has no timestamps in a message file', () => {
    assert.deepEqual(index.times, [null, null, null, null, null, null, null]);
    assert.equal(index.durationBetween(0, 3), null);
  });
});

describe('document index: the message at an offset', () => {
  const cases: [string, number][] = [
    ['|REGISTER sip:registrar', 0],
    ['REGISTER sip:registrar.biloxi.example.com SIP/2.0\r\nVia: SIP/2.0/TCP bob|spc', 0],
    ['Content-Length: 0\r\n\r\n|SIP/2.0 401 Unauthorized', 1],
    ['CSeq: 63104 OPTIONS\r\nContent-Length: 0\r\n|\r\nSIP/2.0 200 OK', 5],
  ];
  for (const [around, expected] of cases) {
    it(`${JSON.stringify(around.slice(0, 40))} is in message ${expected}`, () => {
      const { text: needle, offset: delta } = cursor(around);
      const at = FILE.indexOf(needle);
      assert.ok(at !== -1);
      assert.equal(indexOf(FILE, parseDocument(FILE)).messageAt(at + delta), expected);
    });
  }

  it('counts a message end as inside it, and nothing before the first message or after the last', () => {
    const { text, offset } = cursor('junk before\r\n|INVITE sip:bob@biloxi.example.com SIP/2.0\r\nCall-ID: x\r\n\r\n');
    const document = parseDocument(text);
    const index = indexOf(text, document);
    const message = document.messages[0];
    assert.ok(message);
    assert.equal(index.messageAt(offset), 0);
    assert.equal(index.messageAt(offset - 1), -1);
    assert.equal(index.messageAt(message.span.end), 0);
    assert.equal(index.messageAt(message.span.end + 1), -1);
    assert.equal(index.messageAt(Number.NaN), -1);
    assert.equal(indexOf('', parseDocument('')).messageAt(0), -1);
  });

  it('finds every message of a SIPp trace at its start line, and nothing in the dashed frame lines', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const document = parseDocument(text);
    const index = indexOf(text, document);
    assert.equal(document.messages.length, 18);
    for (const message of document.messages) assert.equal(index.messageAt(message.startLine.start + 3), message.index);
    assert.equal(index.messageAt(text.indexOf('UDP message received [309] bytes')), -1);
  });
});

describe('document index: SIPp and Kamailio traces', () => {
  it('matches the proxy legs of a Kamailio sipdump as separate transactions', () => {
    const text = fixture('traces/kamailio-sipdump/proxy-invite-2-calls.data');
    const index = indexOf(text, parseDocument(text));
    const invites = index.transactionsFor('1-17562@127.0.0.1', 1, 'INVITE');
    assert.deepEqual(invites.map((t) => [t.branch, t.requests, t.responses]), [
      ['z9hG4bK-17562-1-0', [0], [1, 4, 6]],
      ['z9hG4bK93fa.5c066831e777c3677ada2e0b68d3369e.0', [2], [3, 5]],
    ]);
  });

  it('reads the SIPp timestamps and measures a call', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const index = indexOf(text, parseDocument(text));
    const first = index.times[0];
    assert.deepEqual(first && { clock: first.clock, ms: Math.round(first.ms * 1000) / 1000 }, { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 53, 18) + 964.541 });
    assert.equal(Math.round((index.durationBetween(0, 5) ?? 0) * 1000), 7680);
    assert.equal(formatDuration(elapsedMs(index.times, index.calls.get('1-15998@127.0.0.1') ?? []) ?? -1), '7.7 ms');
  });

  it('reads one timestamp when asked for one, and the same instants as the whole list', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const document = parseDocument(text);
    const index = indexOf(text, document);
    const members = index.calls.get('1-15998@127.0.0.1') ?? [];
    assert.equal(formatDuration(elapsedMs(index, members) ?? -1), '7.7 ms');
    assert.deepEqual(index.timeAt(3), parseTimestamp(document.messages[3]?.context?.timestamp ?? null));
    assert.equal(index.timeAt(-1), null);
    assert.equal(index.timeAt(document.messages.length), null);
    assert.deepEqual(index.times, document.messages.map((_, i) => index.timeAt(i)));
  });
});

describe('log timestamps as milliseconds', () => {
  const day = (h: number, m: number, s: number, ms = 0): number => ((h * 60 + m) * 60 + s) * 1000 + ms;
  const cases: [string, Instant | null][] = [
    ['2026-11-21 20:53:18.964541', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 53, 18) + 964.541 }],
    ['2026-11-21T20:56:43.912557+00:00', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 56, 43) + 912.557 }],
    ['2026-11-21T21:56:43.912557+01:00', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 56, 43) + 912.557 }],
    ['2026-11-21T15:56:43Z', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 15, 56, 43) }],
    ['2026-11-21\t20:53:18.964541\t1795294398.964541', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 53, 18) + 964.541 }],
    ['2026/11/21 20:54:45.444048', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 54, 45) + 444.048 }],
    ['2026-11-21 20:54:56:114', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 54, 56) + 114 }],
    ['2024-03-12 14:05:31.412', { clock: 'epoch', ms: Date.UTC(2024, 2, 12, 14, 5, 31) + 412 }],
    ['Nov 21, 2026 20:54:45.444048000 UTC', { clock: 'epoch', ms: Date.UTC(2026, 10, 21, 20, 54, 45) + 444.048 }],
    ['1795294618.360235', { clock: 'epoch', ms: 1795294618360.235 }],
    ['1718021455.4902', { clock: 'epoch', ms: 1718021455490.2 }],
    ['1700000000', { clock: 'epoch', ms: 1700000000000 }],
    ['Nov 21 20:39:13', { clock: 'year', ms: Date.UTC(2000, 10, 21, 20, 39, 13) - Date.UTC(2000, 0, 1) }],
    ['Feb  7 09:14:02', { clock: 'year', ms: Date.UTC(2000, 1, 7, 9, 14, 2) - Date.UTC(2000, 0, 1) }],
    ['Mar  4 10:14:53.402 CET', { clock: 'year', ms: Date.UTC(2000, 2, 4, 10, 14, 53) + 402 - Date.UTC(2000, 0, 1) }],
    ['10:30:58.401173', { clock: 'day', ms: day(10, 30, 58, 401.173) }],
    ['11:42:03.142', { clock: 'day', ms: day(11, 42, 3, 142) }],
    ['04-03@10:14:53.402', { clock: 'day', ms: day(10, 14, 53, 402) }],
    ['44:12.154', { clock: 'hour', ms: day(0, 44, 12, 154) }],
    ['', null],
    ['yesterday', null],
    ['25:00:00', null],
    ['2026-13-01 10:00:00', null],
    ['Foo 21 20:39:13', { clock: 'day', ms: day(20, 39, 13) }],
  ];
  for (const [stamp, expected] of cases) {
    it(`${JSON.stringify(stamp)} -> ${expected ? expected.clock : 'null'}`, () => {
      const got = parseTimestamp(stamp);
      assert.deepEqual(got && { clock: got.clock, ms: Math.round(got.ms * 1000) / 1000 }, expected && { clock: expected.clock, ms: Math.round(expected.ms * 1000) / 1000 });
    });
  }

  it('measures only on one clock, wrapping a time of day at midnight', () => {
    assert.equal(durationOf(parseTimestamp('23:59:59.900'), parseTimestamp('00:00:00.100')), 200);
    assert.equal(durationOf(parseTimestamp('59:59.500'), parseTimestamp('00:00.500')), 1000);
    assert.equal(durationOf(parseTimestamp('1700000001'), parseTimestamp('1700000000')), null);
    assert.equal(durationOf(parseTimestamp('10:00:00'), parseTimestamp('1700000000')), null);
    assert.equal(durationOf(null, parseTimestamp('10:00:00')), null);
    assert.equal(elapsedMs([parseTimestamp('10:00:00'), null, parseTimestamp('1700000000'), parseTimestamp('10:00:12.4')], [0, 1, 2, 3]), 12400);
    assert.equal(elapsedMs([parseTimestamp('10:00:00')], [0]), null);
  });

  it('formats durations at the precision a reader wants', () => {
    assert.deepEqual([0, 0.25, 7.68, 304.159, 999.4, 999.6, 12_400, 59_949, 59_950, 125_000, 3_599_400, 3_780_000, -1].map(formatDuration), [
      '0 ms', '0.3 ms', '7.7 ms', '304 ms', '999 ms', '1.0 s', '12.4 s', '59.9 s', '1 min 0 s', '2 min 5 s', '59 min 59 s', '1 h 3 min', '',
    ]);
  });
});
