/** The generic reader: learnt prefixes, escaped one-line messages, and bare messages after a log line. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parser/document';
import { callId, cseqOf } from '../../../server/src/core/parser/access';

const MESSAGE = ['OPTIONS sip:bob@example.com SIP/2.0', 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK7', 'To: <sip:bob@example.com>', 'From: <sip:a@example.com>;tag=9', 'Call-ID: g1', 'CSeq: 7 OPTIONS', 'Content-Length: 0', ''];

describe('generic reader', () => {
  it('learns a prefix repeated on every line, letting its digits vary, and strips it', () => {
    const text = MESSAGE.map((line, i) => `2026-01-01 10:00:0${i}.12${i} app[42] DEBUG: ${line}`).join('\n') + '\n2026-01-01 10:00:09.000 app[42] DEBUG: done\n';
    const document = parseDocument(text);
    assert.equal(document.format, 'generic');
    assert.equal(document.messages.length, 1);
    const message = document.messages[0];
    assert.ok(message);
    assert.equal(callId(message), 'g1');
    assert.equal(cseqOf(text, message)?.value, 7);
    assert.equal(message.context?.timestamp, '2026-01-01 10:00:00.120');
    assert.equal(text.slice(message.startLine.start, message.startLine.end), 'OPTIONS sip:bob@example.com SIP/2.0');
    assert.deepEqual(message.problems, [], 'the log line after the message is not read as a header');
  });

  it('reads a whole message on one line broken by #015#012 escapes', () => {
    const text = `Nov 21 10:00:00 host proxy[7]: rcv: ${MESSAGE.join('#015#012')}#015#012\n`;
    const message = parseDocument(text).messages[0];
    assert.equal(callId(message ?? (null as never)), 'g1');
    assert.equal(message?.context?.timestamp, 'Nov 21 10:00:00');
    assert.equal(message?.context?.direction, 'received');
  });

  it('reads a bare message after the log line that announces it, with direction and address', () => {
    const text = `[10:00:00.001] SEND to udp 192.0.2.9:5060\n${MESSAGE.join('\r\n')}\r\n[10:00:00.002] next record\n`;
    const message = parseDocument(text).messages[0];
    assert.equal(message?.context?.direction, 'sent');
    assert.equal(message?.context?.dst, '192.0.2.9:5060');
    assert.equal(message?.context?.transport, 'UDP');
  });

  it('ends a bare body at a message that starts on a body line, and not at "SIP/2.0" inside a body line', () => {
    const body = ['v=0', 'i=see SIP/2.0 specs', 'c=IN IP4 192.0.2.1'];
    const bytes = body.reduce((sum, line) => sum + line.length + 2, 0);
    const first = [...MESSAGE.slice(0, -2), `l: ${bytes + 40}`, '', ...body];
    const second = ['SIP/2.0 200 OK', ...MESSAGE.slice(1)];
    const text = `[10:00:00.001] RECV from udp [2001:db8::1]:5060\n${first.join('\n')}\n${second.join('\n')}\n`;
    const document = parseDocument(text);
    assert.equal(document.format, 'generic');
    assert.equal(document.messages.length, 2, 'the Content-Length beyond the body does not swallow the response');
    const [request, response] = document.messages;
    assert.equal(request?.body && text.slice(request.body.start, request.body.end).trimEnd(), body.join('\n'));
    assert.equal(request?.context?.src, '[2001:db8::1]:5060');
    assert.equal(response?.kind, 'response');
  });

  it('sees through colour codes at a line end, and keeps a line ending in "m" that is not one', () => {
    const lines = ['OPTIONS sip:bob@example.com SIP/2.0\x1b[0m', 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK7', 'To: <sip:bob@example.com>', 'From: <sip:a@example.com>;tag=9\x1b[1;32m', 'Call-ID: g1@example.com', 'CSeq: 7 OPTIONS', 'Content-Length: 0', ''];
    const text = `[10:00:00.001] RECV from udp 192.0.2.9:5060\n${lines.join('\n')}\n`;
    const message = parseDocument(text).messages[0];
    assert.equal(callId(message ?? (null as never)), 'g1@example.com');
    assert.equal(message?.headers.find((h) => h.key === 'from')?.value, '<sip:a@example.com>;tag=9');
    assert.equal(message?.lines.ends[message.firstLine], text.indexOf('\x1b[0m'));
  });
});
