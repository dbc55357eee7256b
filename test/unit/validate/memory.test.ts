/**
 * What validation leaves in memory: parsed header values live only while a message is checked
 * (`transiently`), and the header objects the checks made are let go afterwards. The objects'
 * identity is what shows it: remembered values come back as the same object, forgotten ones are
 * made again (equal, but new).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transiently, viasOf } from '../../../server/src/core/parser/access';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validateAll } from '../../../server/src/core/features/validate/incremental';
import { validate } from '../../../server/src/core/features/validate';

const TEXT = [
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1',
  'To: <sip:bob@example.com>',
  'From: <sip:alice@example.com>;tag=1',
  'Call-ID: c1@a',
  'CSeq: 1 INVITE',
  'Max-Forwards: 70',
  'Content-Length: 0',
  '',
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1',
  'To: <sip:bob@example.com>;tag=2',
  'From: <sip:alice@example.com>;tag=1',
  'Call-ID: c1@a',
  'CSeq: 1 INVITE',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

describe('memory after validation', () => {
  it('remembers a value outside a transient pass, and forgets one parsed inside it', () => {
    const document = parseDocument(TEXT);
    const message = document.messages[0];
    assert.ok(message);
    const inside = transiently(() => {
      const first = viasOf(TEXT, message);
      assert.equal(viasOf(TEXT, message), first, 'shared within the pass');
      return first;
    });
    const after = viasOf(TEXT, message);
    assert.notEqual(after, inside, 'parsed again after the pass');
    assert.deepEqual(after, inside);
    assert.equal(viasOf(TEXT, message), after, 'remembered outside a pass');
  });

  it('lets go of the header objects the checks made, keeping what they read', () => {
    const document = parseDocument(TEXT);
    const before = document.messages.map((m) => m.headers);
    const findings = validateAll(TEXT, document, {}).findings;
    assert.deepEqual(findings.map((f) => f.code), validate(TEXT, parseDocument(TEXT)).map((f) => f.code));
    document.messages.forEach((message, i) => {
      assert.notEqual(message.headers, before[i], `message ${i}: header objects made again`);
      assert.deepEqual(message.headers.map((h) => [h.name, h.value]), before[i]?.map((h) => [h.name, h.value]));
    });
  });
});
