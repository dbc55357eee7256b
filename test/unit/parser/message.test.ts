/** The message parser on hand-made messages: parts, ranges, folding, bodies, framing and odd input. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { SipMessage, Span } from '../../../server/src/core/parser/model';
import { callId, cseqOf, firstHeader, nameAddrListOf, nameAddrOf, tagOf, topVia, viasOf } from '../../../server/src/core/parser/access';

const at = (text: string, span: Span): string => text.slice(span.start, span.end);

function only(text: string): SipMessage {
  const document = parseDocument(text);
  assert.equal(document.messages.length, 1, 'one message');
  const message = document.messages[0];
  assert.ok(message);
  return message;
}

const INVITE = [
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@example.com>',
  'From: "Alice A." <sip:alice@example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.example.com',
  'CSeq: 314159 INVITE',
  'Contact: <sip:alice@pc33.example.com>',
  'Content-Type: application/sdp',
  'Content-Length: 5',
  '',
  'v=0',
].join('\r\n') + '\r\n';

describe('start lines', () => {
  it('splits a request line into method, URI and version with exact ranges', () => {
    const message = only(INVITE);
    const line = message.startLine;
    assert.equal(line.kind, 'request');
    if (line.kind !== 'request') return;
    assert.equal(at(INVITE, line.method), 'INVITE');
    assert.equal(at(INVITE, line.uri), 'sip:bob@example.com');
    assert.equal(at(INVITE, line.version), 'SIP/2.0');
  });

  it('splits a status line, keeping an empty reason phrase legal', () => {
    const text = 'SIP/2.0 100 \r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nContent-Length: 0\r\n\r\n';
    const line = only(text).startLine;
    assert.equal(line.kind, 'response');
    if (line.kind !== 'response') return;
    assert.equal(line.status, 100);
    assert.equal(at(text, line.code), '100');
    assert.equal(line.reason.text, '');
  });

  it('keeps malformed start lines for the validator', () => {
    for (const [text, uri, version] of [
      ['INVITE <sip:a@b> SIP/2.0\r\n\r\n', '<sip:a@b>', 'SIP/2.0'],
      ['INVITE  sip:a@b  SIP/2.0\r\n\r\n', 'sip:a@b', 'SIP/2.0'],
      ['INVITE sip:a@b; lr SIP/2.0\r\n\r\n', 'sip:a@b; lr', 'SIP/2.0'],
      ['INVITE sip:a@b SIP/7.0\r\n\r\n', 'sip:a@b', 'SIP/7.0'],
      ['INVITE sip:a@b\r\n\r\n', 'sip:a@b', ''],
    ] as const) {
      const line = only(text).startLine;
      assert.equal(line.kind, 'request', text);
      if (line.kind === 'request') assert.deepEqual([line.uri.text, line.version.text], [uri, version], text);
    }
    const big = only('SIP/2.0 4294967301 Big\r\n\r\n').startLine;
    assert.equal(big.kind === 'response' ? big.status : 0, 4294967301);
  });
});

describe('headers', () => {
  it('records name, colon and value ranges and resolves compact forms', () => {
    const text = 'OPTIONS sip:a@b SIP/2.0\r\nv : SIP/2.0/UDP h;branch=z9hG4bK1\r\ni:abc\r\nCONTENT-length: 0\r\n\r\n';
    const message = only(text);
    const [via, id, length] = message.headers;
    assert.ok(via && id && length);
    assert.deepEqual([via.name, via.canonical, via.key], ['v', 'Via', 'via']);
    assert.equal(at(text, via.nameSpan), 'v');
    assert.equal(text[via.colon], ':');
    assert.equal(at(text, via.valueSpan), 'SIP/2.0/UDP h;branch=z9hG4bK1');
    assert.equal(id.canonical, 'Call-ID');
    assert.equal(callId(message), 'abc');
    assert.equal(length.canonical, 'Content-Length');
  });

  it('unfolds continuation lines and spans them', () => {
    const text = 'OPTIONS sip:a@b SIP/2.0\r\nSubject: I know you\'re there,\r\n         pick up the phone\r\n\tand talk to me!\r\nContent-Length: 0\r\n\r\n';
    const subject = firstHeader(only(text), 'Subject');
    assert.equal(subject?.value, "I know you're there, pick up the phone and talk to me!");
    assert.ok(subject);
    assert.equal(at(text, subject.valueSpan), "I know you're there,\r\n         pick up the phone\r\n\tand talk to me!");
  });

  it('reports a header line without a colon and keeps going', () => {
    const text = 'INVITE sip:a@b SIP/2.0\r\nFoobar roobar\r\nCall-ID: x\r\n\r\n';
    const message = only(text);
    assert.equal(message.problems[0]?.code, 'header-without-colon');
    assert.equal(at(text, message.problems[0]?.span ?? { start: 0, end: 0 }), 'Foobar roobar');
    assert.equal(callId(message), 'x');
  });

  it('reports a header block that never ends', () => {
    const message = only('OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x');
    assert.equal(message.problems[0]?.code, 'missing-blank-line');
    assert.equal(message.body, null);
  });
});

describe('header values', () => {
  it('parses Via, CSeq, To/From tags and Contact lists with positions', () => {
    const message = only(INVITE);
    const via = topVia(INVITE, message);
    assert.equal(via?.transport?.text, 'UDP');
    assert.equal(via?.host?.text, 'pc33.example.com');
    assert.equal(via?.branch?.text, 'z9hG4bK776asdhds');
    assert.equal(INVITE.slice(via?.branch?.start, via?.branch?.end), 'z9hG4bK776asdhds');
    const cseq = cseqOf(INVITE, message);
    assert.deepEqual([cseq?.value, cseq?.method?.text], [314159, 'INVITE']);
    const from = nameAddrOf(INVITE, message, 'From');
    assert.equal(from?.displayName?.text, '"Alice A."');
    assert.equal(from?.uri?.user?.text, 'alice');
    assert.equal(tagOf(from ?? null), '1928301774');
    assert.equal(nameAddrListOf(INVITE, message, 'Contact')[0]?.uri?.host?.text, 'pc33.example.com');
  });

  it('reads several Via values, IPv6 hosts and white space around slashes', () => {
    const text = 'BYE sip:a@b SIP/2.0\r\nVia: SIP / 2.0 / UDP [2001:db8::9:1]:5070;branch=z9hG4bK1, SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK2\r\nContent-Length: 0\r\n\r\n';
    const vias = viasOf(text, only(text));
    assert.equal(vias.length, 2);
    assert.deepEqual([vias[0]?.transport?.text, vias[0]?.host?.text, vias[0]?.port?.text], ['UDP', '[2001:db8::9:1]', '5070']);
    assert.deepEqual([vias[1]?.transport?.text, vias[1]?.host?.text, vias[1]?.port], ['TCP', '192.0.2.1', null]);
  });
});

describe('bodies and framing', () => {
  it('takes the body from Content-Length, in bytes', () => {
    const message = only(INVITE);
    assert.equal(message.body?.bytes, 5);
    assert.equal(INVITE.slice(message.body?.start, message.body?.end), 'v=0\r\n');
    const utf8 = 'MESSAGE sip:a@b SIP/2.0\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nxé\r\n';
    const body = only(utf8).body;
    assert.equal(body?.bytes, 4, 'é is two bytes');
    assert.equal(utf8.slice(body?.start, body?.end), 'xé\r');
  });

  it('reads several messages in one file and reports text between them', () => {
    const text = `${INVITE}\r\njunk here\r\n${INVITE}`;
    const document = parseDocument(text);
    assert.equal(document.messages.length, 2);
    assert.equal(document.problems[0]?.code, 'extra-bytes');
    assert.equal(at(text, document.problems[0]?.span ?? { start: 0, end: 0 }), 'junk here');
    assert.equal(at(text, document.messages[1]?.span ?? { start: 0, end: 0 }), INVITE);
  });

  it('ends a body without Content-Length at the next message', () => {
    const first = 'MESSAGE sip:a@b SIP/2.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n\r\n';
    const second = 'OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n';
    const document = parseDocument(first + second);
    assert.equal(document.messages.length, 2);
    assert.equal(document.messages[0]?.body?.bytes, 7);
  });

  it('handles LF-only, bare CR and mixed line endings alike', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const text = ['OPTIONS sip:a@b SIP/2.0', 'Call-ID: x', 'Content-Length: 0', '', ''].join(eol);
      const message = only(text);
      assert.equal(callId(message), 'x', JSON.stringify(eol));
      assert.equal(message.body, null);
    }
  });
});
