/** Hover in the core: what each marked position explains (the cursor is `|`). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parser/document';
import { hoverAt, type HoverInfo } from '../../../server/src/core/features/hover';

function hoverOf(marked: string, logCodes = true): { info: HoverInfo | null; text: string } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { info: hoverAt(text, parseDocument(text), offset, { logCodes }), text };
}

const TITLE = (marked: string): string | undefined => hoverOf(marked).info?.card?.title;

const REQUEST = (line: string): string =>
  [
    'INVITE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1',
    'Max-Forwards: 70',
    'To: <sip:bob@example.com>',
    'From: <sip:a@example.com>;tag=1',
    'Call-ID: h1',
    'CSeq: 1 INVITE',
    line,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

describe('hover', () => {
  it('explains status codes and reason phrases, and says when a phrase belongs elsewhere', () => {
    assert.equal(TITLE('SIP/2.0 4|86 Busy Here\r\n\r\n'), '486 Busy Here');
    assert.equal(TITLE('SIP/2.0 486 Busy H|ere\r\n\r\n'), '486 Busy Here');
    const mismatch = hoverOf('SIP/2.0 500 Service Unav|ailable\r\n\r\n').info;
    assert.equal(mismatch?.card?.title, '503 Service Unavailable');
    assert.match(mismatch?.notes[0] ?? '', /reason phrase of 503, not of 500/);
    const alias = hoverOf('SIP/2.0 408 Request Time-|out\r\n\r\n').info;
    assert.match(alias?.notes[0] ?? '', /accepted alternative phrase for 408/);
    assert.equal(TITLE('SIP/2.0 4|99 Whatever\r\n\r\n'), '499 Client Error - Others');
  });

  it('explains methods, header names and compact forms', () => {
    assert.equal(TITLE(REQUEST('Subject: x').replace('INVITE sip', 'INV|ITE sip')), 'INVITE');
    const compact = hoverOf(REQUEST('|k: 100rel'));
    assert.equal(compact.info?.card?.title, 'Supported');
    assert.match(compact.info?.notes[0] ?? '', /compact form of Supported/);
    assert.equal(TITLE(REQUEST('Subject: x').replace('Max-Forwards', 'Max-For|wards')), 'Max-Forwards');
    const lower = hoverOf(REQUEST('Subject: x').replace('INVITE sip', 'inv|ite sip')).info;
    assert.match(lower?.notes[0] ?? '', /methods are case-sensitive/);
  });

  it('explains option tags, event packages, methods in Allow and warning codes', () => {
    assert.equal(TITLE(REQUEST('Supported: timer, 100r|el')), '100rel');
    assert.equal(TITLE(REQUEST('Allow-Events: presence, dia|log')), 'dialog');
    assert.equal(TITLE(REQUEST('Event: pres|ence.winfo;id=1')), 'presence');
    assert.equal(TITLE(REQUEST('Allow: INVITE, B|YE')), 'BYE');
    assert.equal(TITLE(REQUEST('Warning: 3|99 example.com "x"')), '399 Miscellaneous warning');
  });

  it('explains Reason protocols, Q.850 causes and SIP causes', () => {
    assert.equal(TITLE(REQUEST('Reason: Q.850;cause=1|6;text="x"')), 'Q.850 cause 16: Normal call clearing');
    assert.equal(TITLE(REQUEST('Reason: SIP;cause=48|6')), '486 Busy Here');
    assert.equal(TITLE(REQUEST('Reason: Q.8|50;cause=16')), 'Q.850');
  });

  it('explains codes in log text only where the log says they are SIP statuses', () => {
    assert.equal(TITLE('12:00:01 call 7: Got SIP response 4|86 "Busy Here"\n'), '486 Busy Here');
    assert.equal(TITLE('status=50|3 after retry\n'), '503 Service Unavailable');
    assert.equal(TITLE('code: 4|04\n'), '404 Not Found');
    assert.equal(TITLE('final answer 48|7 Request Terminated\n'), '487 Request Terminated');
    assert.equal(hoverOf('listening on port 50|60 with 4|00 workers\n').info, null);
    assert.equal(hoverOf('pid 4|86 started\n').info, null);
    assert.equal(hoverOf('12:00 Got SIP response 4|86 "Busy Here"\n', false).info, null, 'off by setting');
  });

  it('gives nothing for URIs, bodies and blank space', () => {
    assert.equal(hoverOf(REQUEST('Subject: x').replace('sip:bob@', 'sip:b|ob@')).info, null);
    assert.equal(hoverOf('SIP/2.0 200 OK\r\nContent-Length: 3\r\n\r\nv=|0').info, null);
  });
});
