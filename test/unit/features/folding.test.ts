/** Folding ranges: a message to its start line, its header block to the first header, its body to its first line. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { cappedFoldingRanges, foldingRanges } from '../../../server/src/core/features/folding';
import { LineIndex } from '../../../server/src/core/util/positions';
import { FIXTURES } from '../../support/paths';

const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

/** Each fold as `kind firstLine-lastLine` (0-based, as LSP counts), with the text at both ends. */
function folds(text: string): string[] {
  const lines = new LineIndex(text);
  return foldingRanges(text, parseDocument(text)).map((f) => {
    const start = lines.positionAt(f.start);
    const end = lines.positionAt(f.end);
    assert.equal(start.character, 0, 'a fold starts at its line start in these inputs');
    assert.equal(f.end, lines.lineEnd(end.line), 'a fold ends at its line end');
    return `${f.kind} ${start.line}-${end.line} ${JSON.stringify(text.slice(f.start, f.start + 12))}..${JSON.stringify(text.slice(f.end - 6, f.end))}`;
  });
}

const OPTIONS = [
  'OPTIONS sip:carol@chicago.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877',
  'Max-Forwards: 70',
  'To: <sip:carol@chicago.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710',
  'CSeq: 63104 OPTIONS',
  'Accept: application/sdp',
  'Content-Type: application/sdp',
  'Content-Length: 24',
  '',
  'v=0',
  'o=- 0 0 IN IP4 0.0.0.0',
];

describe('folding ranges', () => {
  it('folds a message, its headers and its body, each to its last non-blank line', () => {
    const text = OPTIONS.join('\r\n') + '\r\n\r\n';
    assert.deepEqual(folds(text), [
      'message 0-12 "OPTIONS sip:"..".0.0.0"',
      'headers 1-9 "Via: SIP/2.0".."th: 24"',
      'body 11-12 "v=0\\r\\no=- 0 0"..".0.0.0"',
    ]);
    assert.deepEqual(foldingRanges(text, parseDocument(text))[0], { start: 0, end: text.indexOf('0.0.0.0') + 7, kind: 'message' });
  });

  it('leaves out a header block or body of one line', () => {
    const text = ['BYE sip:alice@client.atlanta.example.com SIP/2.0', 'Call-ID: a84b4c76e66710', '', 'x'].join('\n') + '\n';
    assert.deepEqual(folds(text), ['message 0-3 "BYE sip:alic".."710\\n\\nx"']);
    const bare = 'SIP/2.0 200 OK\n';
    assert.deepEqual(folds(bare), []);
  });

  it('counts a folded header as two lines', () => {
    const text = ['SIP/2.0 200 OK', 'Subject: I know you\'re there,', '   pick up the phone', ''].join('\r\n') + '\r\n';
    assert.deepEqual(folds(text), ['message 0-2 "SIP/2.0 200 ".." phone"', 'headers 1-2 "Subject: I k".." phone"']);
  });

  it('folds each message of a file (RFC 4475 dblreq.dat)', () => {
    assert.deepEqual(folds(fixture('rfc4475/dblreq.dat')), [
      'message 0-8 "REGISTER sip".."gth: 0"',
      'headers 1-8 "To: sip:j.us".."gth: 0"',
      'message 11-28 "INVITE sip:j".."31 LPC"',
      'headers 12-19 "t: sip:joe@e".."h: 150"',
      'body 21-28 "v=0\\r\\no=mhand".."31 LPC"',
    ]);
  });

  it('keeps the log framing of a SIPp trace outside the folds', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    assert.deepEqual(folds(text).slice(0, 5), [
      'message 3-21 "INVITE sip:s".."U/8000"',
      'headers 4-13 "Via: SIP/2.0".."   130"',
      'body 15-21 "v=0\\r\\no=user1".."U/8000"',
      'message 26-33 "SIP/2.0 180 ".."gth: 0"',
      'headers 27-33 "Via: SIP/2.0".."gth: 0"',
    ]);
    assert.equal(foldingRanges(text, parseDocument(text)).length, 18 * 2 + 6);
  });

  it('folds nothing in a log that escapes each message onto one line (AudioCodes syslog)', () => {
    const text = fixture('traces/audiocodes/syslog-rsyslog-escaped.log');
    const document = parseDocument(text);
    assert.ok(document.messages.length > 10);
    assert.deepEqual(foldingRanges(text, document), []);
  });

  it('starts no header fold on the start line of a message ngrep wrapped', () => {
    const text = fixture('traces/ngrep/udp-two-calls-plain.log');
    const lines = new LineIndex(text);
    const found = foldingRanges(text, parseDocument(text)).map((f) => `${f.kind} ${lines.positionAt(f.start).line}-${lines.positionAt(f.end).line}`);
    assert.deepEqual(found.slice(0, 3), ['message 4-10', 'body 9-10', 'message 13-17']);
  });

  it('returns nothing for text without SIP', () => {
    assert.deepEqual(foldingRanges('', parseDocument('')), []);
    assert.deepEqual(foldingRanges('hello\nworld\n', parseDocument('hello\nworld\n')), []);
  });
});

describe('folding capped at a number of ranges', () => {
  it('gives the first ranges in document order, and says whether it left any out', () => {
    const text = fixture('traces/sipp/uac-invite-call_messages.log');
    const document = parseDocument(text);
    const full = foldingRanges(text, document);
    assert.ok(full.length > 20);
    for (let limit = 0; limit <= full.length + 1; limit++) {
      assert.deepEqual(foldingRanges(text, document, limit), full.slice(0, limit), `limit ${limit}`);
      assert.deepEqual(cappedFoldingRanges(text, document, limit), { folds: full.slice(0, limit), capped: limit < full.length }, `capped at ${limit}`);
    }
  });
});
