/**
 * The status-code-unregistered finding names where an unregistered code comes from, and does not
 * present a tool's catch-all label (Wireshark's "499 Client Error - Others") as something stacks send.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validate } from '../../../server/src/core/features/validate';

function unregisteredMessage(code: number): string {
  const text = `SIP/2.0 ${code} Whatever\r\nVia: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\nTo: <sip:b@example.com>;tag=2\r\nFrom: <sip:a@example.com>;tag=1\r\nCall-ID: x@a\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
  const finding = validate(text, parseDocument(text)).find((f) => f.code === 'status-code-unregistered');
  assert.ok(finding, `a status-code-unregistered finding for ${code}`);
  return finding.message;
}

describe('status-code-unregistered wording', () => {
  it('names RFC 2543 for its dropped codes', () => {
    assert.match(unregisteredMessage(409), /known from RFC 2543 as "Conflict"/);
  });
  it('names SIP stacks for their private codes', () => {
    assert.match(unregisteredMessage(490), /known from SIP stacks as "Request Updated"/);
  });
  it('calls a tool label a label', () => {
    const message = unregisteredMessage(499);
    assert.match(message, /"Client Error - Others" is only a label tools print/);
    assert.doesNotMatch(message, /known from/);
  });
  it('says nothing of an origin for a code nobody uses', () => {
    assert.doesNotMatch(unregisteredMessage(450), /known from|label/);
  });
});
