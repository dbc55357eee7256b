/** The outline: one symbol per message, grouped per Call-ID in trace logs and in files with several calls. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { Span } from '../../../server/src/core/parser/model';
import { documentSymbols, type SymbolEntry } from '../../../server/src/core/features/symbols';
import { FIXTURES } from '../../support/paths';

const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const sipFile = (...messages: string[][]): string => messages.map((lines) => [...lines, 'Content-Length: 0', '', ''].join('\r\n')).join('');

/** A symbol as text: name, detail, and what its two ranges cover, children indented. */
function outline(text: string, symbols: readonly SymbolEntry[], depth = 0): string[] {
  const first = (span: Span): string => text.slice(span.start, span.end).split(/\r?\n/)[0] ?? '';
  return symbols.flatMap((s) => {
    assert.ok(s.span.start <= s.selectionSpan.start && s.selectionSpan.end <= s.span.end, 'selection inside the range');
    return [`${'  '.repeat(depth)}${s.kind} ${s.name} | ${s.detail} | ${first(s.span)} | ${first(s.selectionSpan)}`, ...outline(text, s.children, depth + 1)];
  });
}

const INVITE = [
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  'Call-ID: 3848276298220188511@atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Contact: <sip:alice@client.atlanta.example.com>',
];
const RINGING = [
  'SIP/2.0 180 Ringing',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8',
  'To: Bob <sip:bob@biloxi.example.com>;tag=8321234356',
  'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  'Call-ID: 3848276298220188511@atlanta.example.com',
  'CSeq: 314159 INVITE',
];

describe('document symbols in message files', () => {
  it('gives one flat symbol for a single message, told apart by its CSeq', () => {
    const text = sipFile(INVITE);
    const symbols = documentSymbols(text, parseDocument(text));
    assert.deepEqual(symbols, [
      {
        name: 'INVITE sip:bob@biloxi.example.com',
        detail: 'CSeq 314159 INVITE',
        kind: 'request',
        span: { start: 0, end: text.length },
        selectionSpan: { start: 0, end: 41 },
        children: [],
      },
    ]);
  });

  it('keeps a file with one Call-ID flat', () => {
    const text = sipFile(INVITE, RINGING);
    assert.deepEqual(outline(text, documentSymbols(text, parseDocument(text))), [
      'request INVITE sip:bob@biloxi.example.com | CSeq 314159 INVITE | INVITE sip:bob@biloxi.example.com SIP/2.0 | INVITE sip:bob@biloxi.example.com SIP/2.0',
      'response 180 Ringing (INVITE) | CSeq 314159 INVITE | SIP/2.0 180 Ringing | SIP/2.0 180 Ringing',
    ]);
  });

  it('groups a file with two Call-IDs into calls (RFC 4475 dblreq.dat)', () => {
    const text = fixture('rfc4475/dblreq.dat');
    const symbols = documentSymbols(text, parseDocument(text));
    assert.deepEqual(outline(text, symbols), [
      'call Call dblreq.0ha0isndaksdj99sdfafnl3lk233412 | REGISTER · 1 message | REGISTER sip:example.com SIP/2.0 | REGISTER sip:example.com SIP/2.0',
      '  request REGISTER sip:example.com | CSeq 8 REGISTER | REGISTER sip:example.com SIP/2.0 | REGISTER sip:example.com SIP/2.0',
      'call Call dblreq.0ha0isnda977644900765@192.0.2.15 | INVITE · 1 message | INVITE sip:joe@example.com SIP/2.0 | INVITE sip:joe@example.com SIP/2.0',
      '  request INVITE sip:joe@example.com | CSeq 8 INVITE | INVITE sip:joe@example.com SIP/2.0 | INVITE sip:joe@example.com SIP/2.0',
    ]);
    assert.deepEqual(symbols.map((s) => s.span), [{ start: 0, end: 300 }, { start: 302, end: 748 }]);
  });

  it('names the outcome of a call: the first 2xx to its first method, else its last final response', () => {
    const call = (callId: string, lines: string[]): string[] => lines.map((line) => (line.startsWith('Call-ID:') ? `Call-ID: ${callId}` : line));
    const status = (line: string, cseq: string, lines = RINGING): string[] => [line, ...lines.slice(1, -1), `CSeq: ${cseq}`];
    const invite = (cseq: string): string[] => [...INVITE.slice(0, -2), `CSeq: ${cseq}`];
    const text = sipFile(
      call('a', invite('1 INVITE')),
      call('a', status('SIP/2.0 407 Proxy Authentication Required', '1 INVITE')),
      call('a', invite('2 INVITE')),
      call('a', status('SIP/2.0 200 OK', '2 INVITE')),
      call('a', invite('3 INVITE')),
      call('a', status('SIP/2.0 491 Request Pending', '3 INVITE')),
      call('b', invite('1 INVITE')),
      call('b', status('SIP/2.0 486 Busy Here', '1 INVITE')),
      call('c', invite('1 INVITE')),
      call('c', status('SIP/2.0 180 Ringing', '1 INVITE')),
      call('d', status('SIP/2.0 200 OK', '7 BYE')),
    );
    assert.deepEqual(documentSymbols(text, parseDocument(text)).map((s) => `${s.name} | ${s.detail}`), [
      'Call a | INVITE → 200 OK · 6 messages',
      'Call b | INVITE → 486 Busy Here · 2 messages',
      'Call c | INVITE · 2 messages',
      'Call d | BYE → 200 OK · 1 message',
    ]);
  });

  it('leaves a message without a Call-ID in place between the calls', () => {
    const text = sipFile(
      INVITE,
      ['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877', 'CSeq: 1 OPTIONS'],
      RINGING.map((line) => line.replace('3848276298220188511', '9999')),
    );
    assert.deepEqual(outline(text, documentSymbols(text, parseDocument(text))).map((line) => line.split(' | ').slice(0, 2).join(' | ')), [
      'call Call 3848276298220188511@atlanta.example.com | INVITE · 1 message',
      '  request INVITE sip:bob@biloxi.example.com | CSeq 314159 INVITE',
      'request OPTIONS sip:carol@chicago.example.com | CSeq 1 OPTIONS',
      'call Call 9999@atlanta.example.com | INVITE · 1 message',
      '  response 180 Ringing (INVITE) | CSeq 314159 INVITE',
    ]);
  });

  it('never gives an empty name, and nothing for a document without SIP', () => {
    const text = sipFile(['SIP/2.0 200', 'Call-ID: x']);
    assert.deepEqual(documentSymbols(text, parseDocument(text)).map((s) => s.name), ['200']);
    assert.deepEqual(documentSymbols('just some text\n', parseDocument('just some text\n')), []);
    assert.deepEqual(documentSymbols('', parseDocument('')), []);
  });

  it('cuts a pathological Request-URI short', () => {
    const text = sipFile([`INVITE sip:${'a'.repeat(500)}@example.com SIP/2.0`, 'Call-ID: x', 'CSeq: 1 INVITE']);
    const name = documentSymbols(text, parseDocument(text))[0]?.name ?? '';
    assert.equal(name.length, 200);
    assert.ok(name.startsWith('INVITE sip:aaa') && name.endsWith('a…'));
  });
});

describe('document symbols in trace logs', () => {
  it('groups a SIPp trace per call, with timestamps, direction and duration', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const lines = outline(text, documentSymbols(text, parseDocument(text)));
    assert.equal(lines.length, 21);
    assert.deepEqual(lines.slice(0, 7), [
      'call Call 1-15998@127.0.0.1 | INVITE → 200 OK · 6 messages · 7.7 ms | INVITE sip:service@127.0.0.1:5070 SIP/2.0 | INVITE sip:service@127.0.0.1:5070 SIP/2.0',
      '  request INVITE sip:service@127.0.0.1:5070 | 2026-11-21 20:53:18.964541 · sent · UDP | INVITE sip:service@127.0.0.1:5070 SIP/2.0 | INVITE sip:service@127.0.0.1:5070 SIP/2.0',
      '  response 180 Ringing (INVITE) | 2026-11-21 20:53:18.964742 · received · UDP | SIP/2.0 180 Ringing | SIP/2.0 180 Ringing',
      '  response 200 OK (INVITE) | 2026-11-21 20:53:18.965836 · received · UDP | SIP/2.0 200 OK | SIP/2.0 200 OK',
      '  request ACK sip:service@127.0.0.1:5070 | 2026-11-21 20:53:18.965861 · sent · UDP | ACK sip:service@127.0.0.1:5070 SIP/2.0 | ACK sip:service@127.0.0.1:5070 SIP/2.0',
      '  request BYE sip:service@127.0.0.1:5070 | 2026-11-21 20:53:18.972196 · sent · UDP | BYE sip:service@127.0.0.1:5070 SIP/2.0 | BYE sip:service@127.0.0.1:5070 SIP/2.0',
      '  response 200 OK (BYE) | 2026-11-21 20:53:18.972221 · received · UDP | SIP/2.0 200 OK | SIP/2.0 200 OK',
    ]);
    assert.deepEqual(lines.filter((line) => line.startsWith('call')).map((line) => line.split(' | ').slice(0, 2).join(' | ')), [
      'call Call 1-15998@127.0.0.1 | INVITE → 200 OK · 6 messages · 7.7 ms',
      'call Call 2-15998@127.0.0.1 | INVITE → 200 OK · 6 messages · 4.3 ms',
      'call Call 3-15998@127.0.0.1 | INVITE → 200 OK · 6 messages · 7.8 ms',
    ]);
  });

  it('spans a call from its first message to its last', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const document = parseDocument(text);
    const call = documentSymbols(text, document)[0];
    assert.deepEqual(call?.span, { start: document.messages[0]?.span.start, end: document.messages[5]?.span.end });
    assert.deepEqual(call?.selectionSpan, { start: document.messages[0]?.startLine.start, end: document.messages[0]?.startLine.end });
  });

  it('shows the addresses an sngrep export gives', () => {
    const text = fixture('traces/sngrep/udp-two-calls-export.txt');
    const symbols = documentSymbols(text, parseDocument(text));
    assert.deepEqual(symbols.map((s) => `${s.name} | ${s.detail}`), [
      'Call 1-17376@127.0.0.1 | INVITE → 200 OK · 6 messages · 304 ms',
      'Call 2-17376@127.0.0.1 | INVITE → 200 OK · 6 messages · 308 ms',
    ]);
    assert.deepEqual(symbols[0]?.children.slice(0, 2).map((s) => `${s.name} | ${s.detail}`), [
      'INVITE sip:service@127.0.0.1:5170 | 2026/11/21 20:54:45.444048 · 127.0.0.1:5160 -> 127.0.0.1:5170',
      '180 Ringing (INVITE) | 2026/11/21 20:54:45.444167 · 127.0.0.1:5170 -> 127.0.0.1:5160',
    ]);
  });

  it('groups even a single-call log, and measures a syslog trace in whole seconds', () => {
    const text = fixture('traces/asterisk-chan-sip/full-log-trunk-register-inbound-call.log');
    const symbols = documentSymbols(text, parseDocument(text));
    assert.deepEqual(symbols.map((s) => `${s.name} | ${s.detail}`), [
      'Call 2b0e4c6a18d93f5e7a0b1c2d3e4f5a6b@192.0.2.10 | REGISTER → 200 OK · 4 messages · 1.0 s',
      'Call 7a1d0b4c-3e9f-4a62-8c5b-2f1e0d9c8b7a@198.51.100.21 | INVITE → 200 OK · 7 messages · 1 min 31 s',
      'Call 5e8d2a0c4f7b19e36a1c0d2e4f6b8a0c@192.0.2.10:5060 | INVITE → 200 OK · 7 messages · 1 min 31 s',
      'Call 0d4b8f2a6c1e3579b0d2f4a6c8e0b1d3@192.0.2.10:5060 | OPTIONS → 200 OK · 2 messages · 0 ms',
    ]);
    const single = fixture('traces/sipsak/options-200-udp.log');
    assert.deepEqual(documentSymbols(single, parseDocument(single)).map((s) => [s.kind, s.name, s.children.length]), [['call', 'Call 298901070@127.0.0.1', 3]]);
  });
});

describe('document symbols capped at a number of items', () => {
  const SIPP = 'traces/sipp/uac-invite-call_messages.log';
  /** Symbols at every level, the closing summary included. */
  const countAll = (symbols: readonly SymbolEntry[]): number => symbols.reduce((n, s) => n + 1 + countAll(s.children), 0);

  it('is the whole outline when it fits, up to exactly the limit', () => {
    const text = fixture(SIPP);
    const full = documentSymbols(text, parseDocument(text));
    assert.equal(countAll(full), 21);
    for (const limit of [21, 22, 5000]) assert.deepEqual(documentSymbols(text, parseDocument(text), limit), full, `limit ${limit}`);
  });

  it('keeps whole calls in document order, then one entry counting the calls left out and pointing at the first', () => {
    const text = fixture(SIPP);
    const document = parseDocument(text);
    const full = documentSymbols(text, parseDocument(text));
    const capped = documentSymbols(text, document, 20);
    assert.deepEqual(capped.slice(0, 2), full.slice(0, 2));
    assert.equal(capped.length, 3);
    assert.deepEqual(capped[2], {
      name: '… 1 more call not shown',
      detail: 'outline capped at 20 items (sipls.outline.maxItems)',
      kind: 'more',
      span: full[2]?.span,
      selectionSpan: full[2]?.selectionSpan,
      children: [],
    });
    assert.equal(countAll(capped), 15);
    assert.deepEqual(documentSymbols(text, document, 8).map((s) => s.name), ['Call 1-15998@127.0.0.1', '… 2 more calls not shown']);
  });

  it('shows a call too big for the whole outline in part, and counts its hidden messages', () => {
    const text = fixture(SIPP);
    const document = parseDocument(text);
    const capped = documentSymbols(text, document, 5);
    assert.equal(countAll(capped), 5);
    assert.deepEqual(outline(text, capped).map((line) => line.split(' | ').slice(0, 2).join(' | ')), [
      'call Call 1-15998@127.0.0.1 | INVITE → 200 OK · 6 messages · first 3 shown · 7.7 ms',
      '  request INVITE sip:service@127.0.0.1:5070 | 2026-11-21 20:53:18.964541 · sent · UDP',
      '  response 180 Ringing (INVITE) | 2026-11-21 20:53:18.964742 · received · UDP',
      '  response 200 OK (INVITE) | 2026-11-21 20:53:18.965836 · received · UDP',
      'more … 3 more messages and 2 more calls not shown | outline capped at 5 items (sipls.outline.maxItems)',
    ]);
    const ack = document.messages[3];
    assert.deepEqual(capped[1]?.span, { start: ack?.span.start, end: ack?.span.end });
    assert.deepEqual(capped[1]?.selectionSpan, { start: ack?.startLine.start, end: ack?.startLine.end });
  });

  it('caps a message file by messages, the summary pointing at the first message left out', () => {
    const text = sipFile(INVITE, RINGING, INVITE, RINGING, INVITE);
    const document = parseDocument(text);
    const capped = documentSymbols(text, document, 3);
    assert.deepEqual(capped.map((s) => `${s.kind} ${s.name}`), ['request INVITE sip:bob@biloxi.example.com', 'response 180 Ringing (INVITE)', 'more … 3 more messages not shown']);
    assert.deepEqual(capped[2]?.span, { start: document.messages[2]?.span.start, end: document.messages[2]?.span.end });
    const single = sipFile(INVITE);
    assert.deepEqual(documentSymbols(single, parseDocument(single), 1), documentSymbols(single, parseDocument(single)));
  });

  it('counts messages without a Call-ID among what it leaves out', () => {
    const text = sipFile(
      INVITE,
      ['OPTIONS sip:carol@chicago.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877', 'CSeq: 1 OPTIONS'],
      RINGING.map((line) => line.replace('3848276298220188511', '9999')),
    );
    const document = parseDocument(text);
    assert.deepEqual(documentSymbols(text, document, 4).map((s) => s.name), ['Call 3848276298220188511@atlanta.example.com', 'OPTIONS sip:carol@chicago.example.com', '… 1 more call not shown']);
    const capped = documentSymbols(text, document, 3);
    assert.deepEqual(capped.map((s) => s.name), ['Call 3848276298220188511@atlanta.example.com', '… 1 more message and 1 more call not shown']);
    assert.equal(capped[1]?.selectionSpan.start, document.messages[1]?.startLine.start);
  });

  it('remembers the outline per limit', () => {
    const text = fixture(SIPP);
    const document = parseDocument(text);
    const capped = documentSymbols(text, document, 8);
    assert.equal(documentSymbols(text, document).length, 3);
    assert.deepEqual(documentSymbols(text, document, 8), capped);
    assert.equal(documentSymbols(text, document, 20).length, 3);
    assert.deepEqual(documentSymbols(text, document, 0), []);
  });
});
