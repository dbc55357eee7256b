/** Headers required by particular responses: the conditions, the alternatives and the severities. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validate } from '../../../server/src/core/features/validate';

function response(startLine: string, extra: string[] = [], method = 'INVITE'): string {
  return [startLine, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1', 'To: <sip:a@example.com>;tag=1', 'From: <sip:b@example.com>;tag=2', 'Call-ID: r1', `CSeq: 1 ${method}`, ...extra, 'Content-Length: 0', '', ''].join('\r\n');
}

function missing(text: string): string[] {
  return validate(text, parseDocument(text))
    .filter((f) => f.code === 'response-header-missing')
    .map((f) => `${f.severity}: ${f.message}`);
}

describe('response-header-missing', () => {
  it('asks a 401 for WWW-Authenticate and a 405 for Allow, as errors', () => {
    assert.equal(missing(response('SIP/2.0 401 Unauthorized')).length, 1);
    assert.match(missing(response('SIP/2.0 401 Unauthorized'))[0] ?? '', /^error: A 401 response must carry WWW-Authenticate/);
    assert.match(missing(response('SIP/2.0 405 Method Not Allowed'))[0] ?? '', /^error: A 405 response must carry Allow/);
    assert.deepEqual(missing(response('SIP/2.0 405 Method Not Allowed', ['Allow: INVITE, ACK, BYE'])), []);
  });

  it('accepts any one of Accept, Accept-Encoding and Accept-Language in a 415', () => {
    assert.deepEqual(missing(response('SIP/2.0 415 Unsupported Media Type')).length, 1);
    assert.match(missing(response('SIP/2.0 415 Unsupported Media Type'))[0] ?? '', /one of Accept, Accept-Encoding, Accept-Language/);
    assert.deepEqual(missing(response('SIP/2.0 415 Unsupported Media Type', ['Accept: application/sdp'])), []);
  });

  it('asks a 2xx for Contact only when it answers INVITE or SUBSCRIBE, and once', () => {
    assert.equal(missing(response('SIP/2.0 200 OK')).length, 1);
    assert.deepEqual(missing(response('SIP/2.0 200 OK', [], 'BYE')), []);
    assert.deepEqual(missing(response('SIP/2.0 200 OK', [], 'REGISTER')), []);
  });

  it('warns about a 302 without Contact (SHOULD), and requires it of a 305 (MUST)', () => {
    assert.match(missing(response('SIP/2.0 302 Moved Temporarily'))[0] ?? '', /^warning: A 302 response should carry Contact/);
    assert.match(missing(response('SIP/2.0 305 Use Proxy'))[0] ?? '', /^error: A 305 response must carry Contact/);
    assert.deepEqual(missing(response('SIP/2.0 302 Moved Temporarily', ['Contact: <sip:a@192.0.2.9>'])), []);
  });
});
