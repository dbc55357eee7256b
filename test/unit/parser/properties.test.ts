/**
 * Properties that must hold for any input: the parser never throws, every range stays inside the
 * text and is well ordered, and for well-formed messages joined into one file, the messages' ranges
 * give back exactly the text each came from.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { SipDocument, Span } from '../../../server/src/core/parser/model';
import { callId, cseqOf, nameAddrListOf, nameAddrOf, reasonsOf, tokenListOf, viasOf } from '../../../server/src/core/parser/access';

function inside(text: string, span: Span, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${span.start}-${span.end} of ${text.length}`);
}

/** Parses and touches every lazily parsed value, checking each range it reports. */
function exercise(text: string): SipDocument {
  const document = parseDocument(text);
  for (const problem of document.problems) inside(text, problem.span, 'problem');
  for (const message of document.messages) {
    inside(text, message.span, 'message');
    inside(text, message.startLine, 'start line');
    for (const header of message.headers) {
      inside(text, header.span, 'header');
      inside(text, header.valueSpan, 'value');
    }
    if (message.body) inside(text, message.body, 'body');
    for (const via of viasOf(text, message)) inside(text, via, 'via');
    for (const contact of nameAddrListOf(text, message, 'Contact')) inside(text, contact, 'contact');
    const from = nameAddrOf(text, message, 'From');
    if (from) inside(text, from, 'from');
    cseqOf(text, message);
    callId(message);
    tokenListOf(text, message, 'Supported');
    reasonsOf(text, message);
  }
  return document;
}

const headerName = fc.constantFrom('Via', 'v', 'To', 't', 'From', 'f', 'Call-ID', 'i', 'CSeq', 'Contact', 'm', 'Max-Forwards', 'Content-Type', 'c', 'Supported', 'k', 'Reason', 'X-Custom');
const headerValue = fc.oneof(
  fc.constantFrom('SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc;rport', '"Bob" <sip:bob@example.com>;tag=1', '1 INVITE', '70', 'abc@host', 'timer, 100rel', 'Q.850;cause=16;text="x"'),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const startLine = fc.oneof(
  fc.constantFrom('INVITE sip:bob@example.com SIP/2.0', 'BYE sip:a@b SIP/2.0', 'SIP/2.0 200 OK', 'SIP/2.0 486 Busy Here', 'REGISTER sips:example.com SIP/2.0'),
  fc.tuple(fc.constantFrom('OPTIONS', 'FOO'), fc.string({ maxLength: 20 })).map(([m, u]) => `${m} sip:${u.replace(/[\s]/g, '')}x SIP/2.0`),
);
/** A well-formed message with a correct Content-Length. */
const message = fc.record({
  start: startLine,
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
  body: fc.string({ maxLength: 60 }),
  eol: fc.constantFrom('\r\n', '\n'),
}).map(({ start, headers, body, eol }) => {
  const bytes = Buffer.byteLength(body, 'utf8');
  const lines = [start, ...headers.filter(([name]) => !/^(content-length|l)$/i.test(name)).map(([n, v]) => `${n}: ${v}`), `Content-Length: ${bytes}`];
  return lines.join(eol) + eol + eol + body;
});

describe('parser properties', () => {
  it('never throws and keeps every range inside the text, on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => void exercise(text)), { numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void exercise(text)), { numRuns: 200 });
  });

  it('never throws on mutated messages', () => {
    const mutated = fc.tuple(fc.array(message, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.string({ maxLength: 5 })), { maxLength: 8 })).map(([messages, edits]) => {
      let text = messages.join('');
      for (const [position, length, insert] of edits) {
        const at = position % (text.length + 1);
        text = text.slice(0, at) + insert + text.slice(at + length);
      }
      return text;
    });
    fc.assert(fc.property(mutated, (text) => void exercise(text)), { numRuns: 150 });
  });

  it('gives back each message exactly when well-formed messages are joined', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), (messages) => {
        const text = messages.join('');
        const document = exercise(text);
        assert.deepEqual(
          document.messages.map((m) => text.slice(m.span.start, m.span.end)),
          messages,
        );
        assert.deepEqual(document.problems, []);
      }),
      { numRuns: 150 },
    );
  });

  it('survives pathological input in linear time', () => {
    const huge = [
      'INVITE sip:a@b SIP/2.0\r\n' + 'X-Long: ' + 'a'.repeat(2_000_000) + '\r\n\r\n',
      'SIP/2.0 '.repeat(200_000),
      ':'.repeat(1_000_000),
      '\r'.repeat(500_000),
      ';'.repeat(100_000) + 'INVITE sip:a@b SIP/2.0\nVia: ' + ';,'.repeat(200_000),
      '\u0000'.repeat(1_000_000),
    ];
    for (const text of huge) exercise(text);
  });
});
