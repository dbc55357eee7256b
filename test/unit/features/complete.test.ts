/**
 * Completion, tested the way vscode-css-languageservice tests it: the cursor is marked with `|` in
 * the input, and each case states exactly which text is replaced and which items come back. The
 * messages are real SIP (RFC 3261 and RFC 3665 call flows); two cases are snippets copied from the
 * SIPp and tcpdump fixtures under test/fixtures/traces.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { complete, type CompletionEntry, type CompletionResult } from '../../../server/src/core/features/complete';
import { cardFor } from '../../../server/src/core/features/explain/card';
import { validate } from '../../../server/src/core/features/validate';
import {
  allEventPackages,
  allMethods,
  allOptionTags,
  allResponseCodes,
  lookupCode,
  lookupEventPackage,
  lookupHeader,
  lookupMethod,
  lookupOptionTag,
  lookupQ850Cause,
} from '../../../server/src/core/registry/lookup';
import { FIXTURES } from '../../support/paths';

interface Case {
  readonly text: string;
  readonly offset: number;
  readonly result: CompletionResult | null;
}

/** Completion at the `|` in `marked` (the mark itself is removed from the text). */
function at(marked: string): Case {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0 && marked.indexOf('|', offset + 1) === -1, 'exactly one cursor mark');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, result: complete(text, parseDocument(text), offset) };
}

function expectResult(c: Case): CompletionResult {
  assert.ok(c.result, 'expected completions');
  return c.result;
}

/** The text the items replace. */
function replaced(c: Case): string {
  const { span } = expectResult(c);
  return c.text.slice(span.start, span.end);
}

function labels(c: Case): string[] {
  return expectResult(c).items.map((item) => item.label);
}

function item(c: Case, label: string): CompletionEntry {
  const found = expectResult(c).items.find((entry) => entry.label === label);
  assert.ok(found, `no item ${label}`);
  return found;
}

/** The document after choosing the item (snippet syntax left as it is, as in the css service's tests). */
function apply(c: Case, label: string): string {
  const { span } = expectResult(c);
  return c.text.slice(0, span.start) + item(c, label).insertText + c.text.slice(span.end);
}

/** The text a snippet produces when every placeholder keeps its default. */
function expandSnippet(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

const CRLF = (...lines: string[]): string => lines.join('\r\n');

/** RFC 3665 §3.1 F1 style INVITE with its SDP offer; the body is 151 bytes with CRLF line ends. */
const INVITE_HEAD = [
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  'Via: SIP/2.0/TCP client.atlanta.example.com:5060;branch=z9hG4bK74bf9',
  'Max-Forwards: 70',
  'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  'To: Bob <sip:bob@biloxi.example.com>',
  'Call-ID: 3848276298220188511@atlanta.example.com',
  'CSeq: 1 INVITE',
  'Contact: <sip:alice@client.atlanta.example.com;transport=tcp>',
  'Content-Type: application/sdp',
  'Content-Length: 151',
];
const SDP = ['v=0', 'o=alice 2890844526 2890844526 IN IP4 client.atlanta.example.com', 's=-', 'c=IN IP4 192.0.2.101', 't=0 0', 'm=audio 49172 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000'];

/** RFC 3665 §3.8 F4 style busy response. */
const BUSY = CRLF(
  'SIP/2.0 486 Busy Here',
  'Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101',
  'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  'To: Bob <sip:bob@biloxi.example.com>;tag=314159',
  'Call-ID: 3848276298220188511@atlanta.example.com',
  'CSeq: 1 INVITE',
  'Content-Length: 0',
  '',
  '',
);

/** A request whose value lines the value tests fill in. */
function options(...headers: string[]): string {
  return CRLF(
    'OPTIONS sip:carol@chicago.example.com SIP/2.0',
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877',
    'Max-Forwards: 70',
    'To: <sip:carol@chicago.example.com>',
    'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710',
    'CSeq: 63104 OPTIONS',
    ...headers,
    'Content-Length: 0',
    '',
    '',
  );
}

const STATUS_LABELS = [...allResponseCodes()].sort((a, b) => a.code - b.code).map((c) => `${c.code} ${c.reasonPhrase}`);
const REGISTERED_METHODS = allMethods().filter((m) => m.registered).map((m) => m.name);
const UNREGISTERED_METHODS = allMethods().filter((m) => !m.registered).map((m) => m.name);
const TEMPLATE_LABELS = ['INVITE message with SDP', 'REGISTER message', 'OPTIONS message', 'BYE message', 'SIP/2.0 response'];

describe('complete: status codes and reason phrases', () => {
  it('offers every registered status code after "SIP/2.0 ", by class then code', () => {
    const c = at('SIP/2.0 |');
    assert.deepEqual(expectResult(c).span, { start: 8, end: 8 });
    assert.deepEqual(labels(c), STATUS_LABELS);
    const sortTexts = expectResult(c).items.map((entry) => entry.sortText);
    assert.deepEqual([...sortTexts].sort(), sortTexts);
    const busy = lookupCode(486);
    assert.ok(busy);
    assert.deepEqual(item(c, '486 Busy Here'), {
      label: '486 Busy Here',
      kind: 'status-code',
      insertText: '486 Busy Here',
      snippet: false,
      filterText: '486 Busy Here',
      sortText: sortTexts[STATUS_LABELS.indexOf('486 Busy Here')],
      detail: '4xx Client Failure, RFC 3261 §21.4.24',
      documentation: cardFor({ kind: 'response-code', entry: busy }),
    });
    assert.equal(apply(c, '486 Busy Here'), 'SIP/2.0 486 Busy Here');
  });

  it('lets "4" or "busy" find 486 Busy Here, and an alias find its code', () => {
    const c = at('SIP/2.0 |');
    const filter = item(c, '486 Busy Here').filterText ?? '';
    assert.ok(filter.startsWith('4'));
    assert.match(filter, /\bBusy\b/);
    assert.equal(item(c, '408 Request Timeout').filterText, '408 Request Timeout Request Time-out');
    assert.equal(item(c, '500 Server Internal Error').detail, '5xx Server Failure, RFC 3261 §21.5.1');
  });

  it('replaces what was typed after the version: a digit or a word of the phrase', () => {
    assert.equal(replaced(at('SIP/2.0 4|')), '4');
    assert.equal(replaced(at('SIP/2.0 bu|')), 'bu');
  });

  it('replaces code and phrase together on an existing status line', () => {
    const c = at(BUSY.replace('SIP/2.0 486', 'SIP/2.0 4|86'));
    assert.equal(replaced(c), '486 Busy Here');
    assert.ok(apply(c, '600 Busy Everywhere').startsWith('SIP/2.0 600 Busy Everywhere\r\nVia:'));
  });

  it('offers the canonical phrase first, then the accepted aliases', () => {
    const c = at('SIP/2.0 408 Request T|');
    assert.equal(replaced(c), 'Request T');
    const timeout = lookupCode(408);
    assert.ok(timeout);
    assert.deepEqual(expectResult(c).items, [
      {
        label: 'Request Timeout',
        kind: 'reason-phrase',
        insertText: 'Request Timeout',
        snippet: false,
        sortText: '0-0000',
        detail: 'reason phrase of 408, RFC 3261 §21.4.9',
        documentation: cardFor({ kind: 'response-code', entry: timeout }),
      },
      {
        label: 'Request Time-out',
        kind: 'reason-phrase',
        insertText: 'Request Time-out',
        snippet: false,
        sortText: '1-0000',
        detail: 'accepted alias for 408 Request Timeout',
        documentation: cardFor({ kind: 'response-code', entry: timeout }),
      },
    ]);
  });

  it('replaces the whole phrase of an existing status line', () => {
    const c = at(CRLF('SIP/2.0 500 |Server Internal Error', 'Content-Length: 0', '', ''));
    assert.equal(replaced(c), 'Server Internal Error');
    assert.deepEqual(labels(c), ['Server Internal Error', 'Internal Server Error']);
  });

  it('knows the phrase of a code RFC 2543 used but IANA never registered', () => {
    const c = at('SIP/2.0 409 |');
    assert.deepEqual(labels(c), ['Conflict']);
    assert.equal(item(c, 'Conflict').detail, 'reason phrase of 409, not registered');
    assert.equal(item(c, 'Conflict').documentation?.title, '409 Conflict');
  });

  it("offers no tool's catch-all label as a phrase (Wireshark's 499 Client Error - Others)", () => {
    assert.equal(at('SIP/2.0 499 |').result, null);
    assert.equal(at('SIP/2.0 699 |').result, null);
    assert.deepEqual(labels(at('SIP/2.0 490 |')), ['Request Updated']);
  });

  it('offers no phrase for a code nobody defines', () => {
    assert.equal(at('SIP/2.0 450 |').result, null);
  });
});

describe('complete: where a message begins', () => {
  it('offers methods and message templates in an empty document', () => {
    const c = at('|');
    assert.deepEqual(expectResult(c).span, { start: 0, end: 0 });
    assert.deepEqual(labels(c), [...REGISTERED_METHODS, ...UNREGISTERED_METHODS, ...TEMPLATE_LABELS]);
    const invite = lookupMethod('INVITE');
    assert.ok(invite);
    assert.deepEqual(item(c, 'INVITE'), {
      label: 'INVITE',
      kind: 'method',
      insertText: 'INVITE ${1:sip:bob@example.com} SIP/2.0$0',
      snippet: true,
      sortText: `0-${String(REGISTERED_METHODS.indexOf('INVITE')).padStart(4, '0')}`,
      detail: 'request method, RFC 3261 §13',
      documentation: cardFor({ kind: 'method', entry: invite }),
    });
    assert.equal(item(c, 'REGISTER').insertText, 'REGISTER ${1:sip:example.com} SIP/2.0$0');
    assert.equal(item(c, 'DO').detail, 'request method, not registered');
    assert.ok(item(c, 'DO').sortText > item(c, 'UPDATE').sortText);
  });

  it('replaces a method being typed', () => {
    const c = at('INV|');
    assert.equal(replaced(c), 'INV');
    assert.equal(item(c, 'INVITE message with SDP').filterText, 'INVITE');
    assert.equal(item(c, 'SIP/2.0 response').filterText, 'SIP/2.0 response');
  });

  it('offers a new message after the blank line that ends the previous one', () => {
    const c = at(options() + 'REG|');
    assert.equal(replaced(c), 'REG');
    assert.deepEqual(labels(c), [...REGISTERED_METHODS, ...UNREGISTERED_METHODS, ...TEMPLATE_LABELS]);
  });

  it('offers a new message after a body that Content-Length says is complete', () => {
    const c = at(CRLF(...INVITE_HEAD, '', ...SDP, '', '|'));
    assert.deepEqual(expectResult(c).span, { start: c.offset, end: c.offset });
    assert.ok(labels(c).includes('BYE message'));
  });

  it('replaces only the method of an existing request line, without templates', () => {
    const c = at(CRLF('INV|ITE sip:bob@biloxi.example.com SIP/2.0', ...INVITE_HEAD.slice(1), '', ...SDP, ''));
    assert.equal(replaced(c), 'INVITE');
    assert.deepEqual(labels(c), [...REGISTERED_METHODS, ...UNREGISTERED_METHODS]);
    assert.equal(item(c, 'BYE').insertText, 'BYE');
    assert.equal(item(c, 'BYE').snippet, false);
  });

  it('offers nothing in the Request-URI, the version, a status line version or after unrelated text', () => {
    const head = INVITE_HEAD.slice(1);
    assert.equal(at(CRLF('INVITE sip:bob@bil|oxi.example.com SIP/2.0', ...head, '', ...SDP, '')).result, null);
    assert.equal(at(CRLF('INVITE sip:bob@biloxi.example.com SIP/|2.0', ...head, '', ...SDP, '')).result, null);
    assert.equal(at(BUSY.replace('SIP/2.0 486', 'SI|P/2.0 486')).result, null);
    assert.equal(at('Alice called Bob\n|').result, null);
  });
});

describe('complete: message templates', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`produce messages that validate without errors (${eol === '\n' ? 'LF' : 'CRLF'} document)`, () => {
      // The document's line end decides the body's byte count, so the previous message sets it.
      const previous = options().split('\r\n').join(eol);
      const c = at(previous + '|');
      const templates = expectResult(c).items.filter((entry) => entry.kind === 'template');
      assert.deepEqual(
        templates.map((entry) => entry.label),
        TEMPLATE_LABELS,
      );
      for (const template of templates) {
        assert.equal(template.snippet, true);
        const message = expandSnippet(template.insertText);
        assert.equal(message.split(eol).join('').includes('\n'), false, `${template.label} uses the document's line end`);
        const document = parseDocument(message);
        assert.equal(document.messages.length, 1, template.label);
        const errors = validate(message, document).filter((finding) => finding.severity === 'error');
        assert.deepEqual(errors, [], template.label);
        // Inserted after the previous message, the file still has no error either.
        const file = apply(c, template.label).replace(template.insertText, message);
        assert.deepEqual(validate(file, parseDocument(file)).filter((finding) => finding.severity === 'error'), [], template.label);
      }
    });
  }

  it('give the INVITE an SDP body with a Content-Length that counts it', () => {
    const invite = item(at('|'), 'INVITE message with SDP');
    const message = expandSnippet(invite.insertText);
    const [head = '', body = ''] = message.split('\n\n');
    assert.match(head, /^INVITE sip:bob@example\.com SIP\/2\.0\n/);
    assert.match(head, /\nContent-Type: application\/sdp\nContent-Length: 201$/);
    assert.equal(Buffer.byteLength(body), 201);
    assert.ok(body.startsWith('v=0\n'));
  });

  it('write the response skeleton with placeholders for code and phrase', () => {
    const response = item(at('SIP|'), 'SIP/2.0 response');
    assert.ok(response.insertText.startsWith('SIP/2.0 ${1:200} ${2:OK}\nVia: SIP/2.0/UDP '));
    assert.ok(response.insertText.endsWith('Content-Length: 0\n\n$0'));
  });
});

describe('complete: header names', () => {
  const invite = (marker: string): string => CRLF(...INVITE_HEAD.slice(0, 9), marker, INVITE_HEAD[9] ?? '', '', ...SDP, '');

  it('offers header names on an empty line after the last header, without single-valued ones already there', () => {
    const c = at(CRLF(...INVITE_HEAD, '|', '', ...SDP, ''));
    assert.deepEqual(expectResult(c).span, { start: c.offset, end: c.offset });
    const names = labels(c);
    for (const present of ['To', 't (To)', 'From', 'f (From)', 'Call-ID', 'i (Call-ID)', 'CSeq', 'Max-Forwards', 'Content-Type', 'c (Content-Type)', 'Content-Length', 'l (Content-Length)']) {
      assert.ok(!names.includes(present), present);
    }
    for (const offered of ['Via', 'v (Via)', 'Contact', 'm (Contact)', 'Subject', 'Supported', 'Allow']) assert.ok(names.includes(offered), offered);
    const subject = lookupHeader('Subject');
    assert.ok(subject);
    const entry = item(c, 'Subject');
    assert.deepEqual({ ...entry, sortText: '' }, {
      label: 'Subject',
      kind: 'header',
      insertText: 'Subject: $0',
      snippet: true,
      sortText: '',
      detail: 'header, RFC 3261 §20.36',
      documentation: cardFor({ kind: 'header', entry: subject }),
    });
    assert.equal(apply(c, 'Subject').split('\r\n')[10], 'Subject: $0');
  });

  it('offers compact forms as items of their own', () => {
    const c = at(invite('|'));
    const via = lookupHeader('Via');
    assert.ok(via);
    assert.deepEqual({ ...item(c, 'v (Via)'), sortText: '' }, {
      label: 'v (Via)',
      kind: 'header',
      insertText: 'v: $0',
      snippet: true,
      filterText: 'v',
      sortText: '',
      detail: 'compact form of Via, RFC 3261 §20.42',
      documentation: cardFor({ kind: 'header', entry: via }),
    });
  });

  it('replaces a partly typed name', () => {
    const c = at(invite('Con|'));
    assert.equal(replaced(c), 'Con');
    assert.equal(item(c, 'Contact').insertText, 'Contact: $0');
  });

  it('sorts registered current headers first, compact forms next, deprecated and unregistered last', () => {
    const c = at(invite('|'));
    const sort = (label: string): string => item(c, label).sortText;
    const current = expectResult(c).items.filter((entry) => entry.detail.startsWith('header, RFC'));
    const last = expectResult(c).items.filter((entry) => /not registered|deprecated/.test(entry.detail));
    assert.ok(last.length > 0 && current.length > 100);
    for (const entry of last) for (const better of current) assert.ok(entry.sortText > better.sortText, `${entry.label} after ${better.label}`);
    assert.ok(sort('Accept') < sort('Via'));
    assert.ok(sort('Via') < sort('v (Via)'));
    assert.ok(sort('v (Via)') < sort('Hide'));
    assert.equal(item(c, 'Hide').detail, 'header, deprecated, RFC 3261');
    assert.equal(item(c, 'Diversion').detail, 'header, not registered, RFC 5806 §4');
  });

  it('replaces only the name when the line already has its colon, and offers the name being edited', () => {
    const c = at(BUSY.replace('To: Bob', 'T|o: Bob'));
    assert.equal(replaced(c), 'To');
    assert.equal(item(c, 'To').insertText, 'To');
    assert.equal(item(c, 'To').snippet, false);
    assert.ok(!labels(c).includes('From'));
  });

  it('offers header names after the last header of a file that ends without the blank line', () => {
    const c = at('SIP/2.0 200 OK\nVia: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\n|');
    assert.ok(labels(c).includes('To'));
    assert.ok(labels(c).includes('Via'));
  });

  it('offers header names right after a start line', () => {
    const c = at('REGISTER sip:registrar.biloxi.example.com SIP/2.0\n|');
    assert.equal(labels(c).length, expectResult(at('SIP/2.0 200 OK\n|')).items.length);
    assert.ok(labels(c).includes('Call-ID'));
  });

  it('offers nothing after white space in a name or inside a body', () => {
    assert.equal(at(invite('Content Ty|')).result, null);
    assert.equal(at(CRLF(...INVITE_HEAD, '', 'v=0', 'o=alice 28908|44526 2890844526 IN IP4 client.atlanta.example.com', ...SDP.slice(2), '')).result, null);
    assert.equal(at(CRLF(...INVITE_HEAD, '', '|v=0', ...SDP.slice(1), '')).result, null);
  });
});

describe('complete: header values', () => {
  const tags = allOptionTags().map((t) => t.name);

  it('offers option tags not yet listed in Supported, with their cards', () => {
    const c = at(options('Supported: timer, |'));
    assert.deepEqual(expectResult(c).span, { start: c.offset, end: c.offset });
    assert.deepEqual(labels(c), tags.filter((t) => t !== 'timer'));
    const rel = lookupOptionTag('100rel');
    assert.ok(rel);
    assert.deepEqual(item(c, '100rel'), {
      label: '100rel',
      kind: 'option-tag',
      insertText: '100rel',
      snippet: false,
      sortText: '0-0000',
      detail: 'option tag, RFC 3262 §3',
      documentation: cardFor({ kind: 'option-tag', entry: rel }),
    });
  });

  it('offers option tags for Require, Proxy-Require, Unsupported and the compact k', () => {
    for (const header of ['Require', 'Proxy-Require', 'Unsupported', 'k']) assert.deepEqual(labels(at(options(`${header}: |`))), tags, header);
  });

  it('replaces the tag under the cursor, which does not count as listed', () => {
    const c = at(options('Supported: tim|er, 100rel'));
    assert.equal(replaced(c), 'timer');
    assert.ok(labels(c).includes('timer'));
    assert.ok(!labels(c).includes('100rel'));
    assert.equal(replaced(at(options('Supported: 100rel,ti|'))), 'ti');
  });

  it('skips tags listed on folded lines and on other Supported rows', () => {
    const c = at(options('Supported: timer,', ' 100rel, |', 'Supported: path'));
    assert.deepEqual(labels(c), tags.filter((t) => !['timer', '100rel', 'path'].includes(t)));
  });

  it('offers methods not yet listed in Allow', () => {
    const c = at(options('Allow: INVITE, ACK, |'));
    assert.deepEqual(labels(c), [...REGISTERED_METHODS, ...UNREGISTERED_METHODS].filter((m) => m !== 'INVITE' && m !== 'ACK'));
    assert.equal(item(c, 'BYE').insertText, 'BYE');
    assert.equal(item(c, 'BYE').snippet, false);
  });

  it('offers event packages for Event and Allow-Events, not in parameters', () => {
    const event = at(options('Event: pres|'));
    assert.equal(replaced(event), 'pres');
    assert.deepEqual(labels(event), allEventPackages().map((e) => e.name));
    const presence = lookupEventPackage('presence');
    assert.ok(presence);
    assert.equal(item(event, 'presence').detail, 'event package, RFC 3856 §6');
    assert.deepEqual(item(event, 'presence').documentation, cardFor({ kind: 'event-package', entry: presence }));
    assert.equal(replaced(at(options('Event: |presence;id=1'))), 'presence');
    assert.equal(at(options('Event: presence;id=|')).result, null);
    assert.ok(!labels(at(options('Allow-Events: presence, dialog, |'))).includes('dialog'));
  });

  it('offers media types for Content-Type and Accept', () => {
    const c = at(options('Content-Type: |'));
    for (const type of ['application/sdp', 'application/pidf+xml', 'message/sipfrag', 'application/dialog-info+xml', 'multipart/mixed', 'text/plain', 'application/simple-message-summary', 'application/reginfo+xml']) {
      assert.ok(labels(c).includes(type), type);
    }
    assert.deepEqual(item(c, 'application/sdp'), {
      label: 'application/sdp',
      kind: 'content-type',
      insertText: 'application/sdp',
      snippet: false,
      sortText: '0-0000',
      detail: 'SDP session description, RFC 8866',
    });
    assert.equal(replaced(at(options('Content-Type: application/s|dp;charset=utf-8'))), 'application/sdp');
    const accept = at(options('Accept: application/sdp, |'));
    assert.ok(!labels(accept).includes('application/sdp'));
    assert.ok(labels(accept).includes('multipart/mixed'));
  });

  it('offers transports for Via, replacing the sent-protocol only', () => {
    const c = at(options('Via: SIP/2.0/U|DP pc33.atlanta.example.com;branch=z9hG4bK776asdhds'));
    assert.equal(replaced(c), 'SIP/2.0/UDP');
    assert.deepEqual(labels(c), ['SIP/2.0/UDP', 'SIP/2.0/TCP', 'SIP/2.0/TLS', 'SIP/2.0/SCTP', 'SIP/2.0/TLS-SCTP', 'SIP/2.0/WS', 'SIP/2.0/WSS']);
    assert.deepEqual(item(c, 'SIP/2.0/WSS'), { label: 'SIP/2.0/WSS', kind: 'transport', insertText: 'SIP/2.0/WSS', snippet: false, sortText: '0-0006', detail: 'Via transport, RFC 7118' });
    assert.equal(replaced(at(options('Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/T|CP b.example.com'))), 'SIP/2.0/TCP');
    assert.equal(at(options('Via: SIP/2.0/UDP pc33.atl|anta.example.com')).result, null);
  });

  it('offers Q.850 causes and then SIP causes for Reason, replacing the whole reason value', () => {
    const c = at(options('Reason: |'));
    const normal = lookupQ850Cause(16);
    const busy = lookupCode(486);
    assert.ok(normal && busy);
    assert.deepEqual({ ...item(c, 'Q.850;cause=16;text="Normal call clearing"'), sortText: '' }, {
      label: 'Q.850;cause=16;text="Normal call clearing"',
      kind: 'q850-cause',
      insertText: 'Q.850;cause=16;text="Normal call clearing"',
      snippet: false,
      filterText: 'Q.850;cause=16 Normal call clearing',
      sortText: '',
      detail: 'Q.850 cause 16, no SIP error response (RFC 3398 §7.2.4.1)',
      documentation: cardFor({ kind: 'q850-cause', entry: normal }),
    });
    assert.equal(item(c, 'Q.850;cause=17;text="User busy"').detail, 'Q.850 cause 17, maps to 486 Busy Here (RFC 3398 §7.2.4.1)');
    assert.deepEqual({ ...item(c, 'SIP;cause=486;text="Busy Here"'), sortText: '' }, {
      label: 'SIP;cause=486;text="Busy Here"',
      kind: 'status-code',
      insertText: 'SIP;cause=486;text="Busy Here"',
      snippet: false,
      filterText: 'SIP;cause=486 Busy Here',
      sortText: '',
      detail: 'SIP cause, 4xx Client Failure, RFC 3261 §21.4.24',
      documentation: cardFor({ kind: 'response-code', entry: busy }),
    });
    const kinds = expectResult(c).items.map((entry) => entry.kind);
    assert.ok(kinds.lastIndexOf('q850-cause') < kinds.indexOf('status-code'));
    assert.ok(!labels(c).some((label) => label.startsWith('SIP;cause=1')));
    const edit = at(options('Reason: Q.850;cause=1|7;text="User busy, really", SIP;cause=600'));
    assert.equal(replaced(edit), 'Q.850;cause=17;text="User busy, really"');
  });

  it('offers Privacy values not yet listed (separated by semicolons)', () => {
    assert.deepEqual(labels(at(options('Privacy: id;|'))), ['user', 'header', 'session', 'none', 'critical', 'history']);
    assert.equal(item(at(options('Privacy: |')), 'id').detail, 'Privacy value, RFC 3325');
  });

  it('offers Priority values', () => {
    assert.deepEqual(labels(at(options('Priority: |'))), ['non-urgent', 'normal', 'urgent', 'emergency', 'psap-callback']);
  });

  it('offers subscription states, and reason codes after ";reason="', () => {
    const state = at(options('Subscription-State: |'));
    assert.deepEqual(labels(state), ['active', 'pending', 'terminated']);
    const reason = at(options('Subscription-State: terminated;reason=ti|'));
    assert.equal(replaced(reason), 'ti');
    assert.deepEqual(labels(reason), ['deactivated', 'probation', 'rejected', 'timeout', 'giveup', 'noresource', 'invariant', 'badfilter']);
    assert.equal(at(options('Subscription-State: active;expires=|')).result, null);
  });

  it('offers security mechanisms for Security-Client', () => {
    assert.deepEqual(labels(at(options('Security-Client: |'))), ['digest', 'tls', 'ipsec-ike', 'ipsec-man', 'ipsec-3gpp']);
  });

  it('offers nothing for free-form values and unknown headers', () => {
    assert.equal(at(BUSY.replace('Call-ID: ', 'Call-ID: |')).result, null);
    assert.equal(at(BUSY.replace('To: Bob', 'To: |Bob')).result, null);
    assert.equal(at(options('X-Foo: |')).result, null);
    assert.equal(at(options('Frobnicate: |')).result, null);
  });
});

describe('complete: trace logs', () => {
  // Copied from test/fixtures/traces/sipp/uac-invite-call_messages.log (SIP lines end in CRLF there).
  const sipp = (invite: readonly string[], ringing: readonly string[]): string =>
    '----------------------------------------------- 2026-11-21 20:53:18.964541\n' +
    'UDP message sent (510 bytes):\n\n' +
    CRLF(...invite) +
    '\n\n----------------------------------------------- 2026-11-21 20:53:18.964742\n' +
    'UDP message received [309] bytes :\n\n' +
    CRLF(...ringing) +
    '\n\n';
  const INVITE = [
    'INVITE sip:service@127.0.0.1:5070 SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-15998-1-0',
    'From: sipp <sip:sipp@127.0.0.1:5060>;tag=15998SIPpTag001',
    'To: service <sip:service@127.0.0.1:5070>',
    'Call-ID: 1-15998@127.0.0.1',
    'CSeq: 1 INVITE',
    'Contact: sip:sipp@127.0.0.1:5060',
    'Max-Forwards: 70',
    'Subject: Performance Test',
    'Content-Type: application/sdp',
    'Content-Length:   130',
    '',
    'v=0',
    'o=user1 53655765 2353687637 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 16200 RTP/AVP 0',
    'a=rtpmap:0 PCMU/8000',
    '',
  ];
  const RINGING = [
    'SIP/2.0 180 Ringing',
    'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-15998-1-0',
    'From: sipp <sip:sipp@127.0.0.1:5060>;tag=15998SIPpTag001',
    'To: service <sip:service@127.0.0.1:5070>;tag=15969SIPpTag011',
    'Call-ID: 1-15998@127.0.0.1',
    'CSeq: 1 INVITE',
    'Contact: <sip:127.0.0.1:5070;transport=UDP>',
    'Content-Length: 0',
    '',
  ];
  const mark = (lines: readonly string[], index: number, from: string, to: string): string[] => lines.map((line, i) => (i === index ? line.replace(from, to) : line));

  it('completes header names inside a SIPp trace', () => {
    const c = at(sipp(mark(INVITE, 8, 'Subject', 'Sub|ject'), RINGING));
    assert.equal(parseDocument(c.text).format, 'sipp');
    assert.equal(replaced(c), 'Subject');
    assert.equal(item(c, 'Subject').insertText, 'Subject');
    assert.ok(!labels(c).includes('CSeq'));
  });

  it('completes the status code and the phrase of a logged response', () => {
    const code = at(sipp(INVITE, mark(RINGING, 0, 'SIP/2.0 ', 'SIP/2.0 |')));
    assert.equal(replaced(code), '180 Ringing');
    assert.deepEqual(labels(code), STATUS_LABELS);
    const phrase = at(sipp(INVITE, mark(RINGING, 0, 'Ringing', 'Ri|nging')));
    assert.equal(replaced(phrase), 'Ringing');
    assert.deepEqual(labels(phrase), ['Ringing']);
  });

  it('completes values in a logged message', () => {
    const c = at(sipp(mark(INVITE, 9, 'application/sdp', 'application/|sdp'), RINGING));
    assert.equal(replaced(c), 'application/sdp');
    assert.ok(labels(c).includes('message/sipfrag'));
  });

  it('offers nothing in a logged body or in the log\'s own lines', () => {
    assert.equal(at(sipp(mark(INVITE, 17, 'audio', 'au|dio'), RINGING)).result, null);
    assert.equal(at(sipp(INVITE, RINGING).replace('UDP message sent', 'UDP mess|age sent')).result, null);
    assert.equal(at(sipp(INVITE, RINGING) + '|').result, null);
  });

  // Copied from test/fixtures/traces/tcpdump/udp-port5060-vvv.log: tcpdump -vvv indents SIP with a tab.
  const TCPDUMP = [
    '20:55:15.532451 IP (tos 0x0, ttl 64, id 7023, offset 0, flags [DF], proto UDP (17), length 337)',
    '    127.0.0.2.sip > localhost.5160: [bad udp cksum 0xff51 -> 0xefb4!] SIP, length: 309',
    '\tSIP/2.0 180 Ringing',
    '\tVia: SIP/2.0/UDP 127.0.0.1:5160;branch=z9hG4bK-17912-1-0',
    '\tFrom: sipp <sip:sipp@127.0.0.1:5160>;tag=17912SIPpTag001',
    '\tTo: service <sip:service@127.0.0.2:5060>;tag=17884SIPpTag011',
    '\tCall-ID: 1-17912@127.0.0.1',
    '\tCSeq: 1 INVITE',
    '\tContact: <sip:127.0.0.2:5060;transport=UDP>',
    '\tContent-Length: 0',
    '\t',
    '',
  ];

  it('reads a line from its logical start, after the log\'s indentation', () => {
    const c = at(TCPDUMP.map((line, i) => (i === 8 ? line.replace('\tContact', '\t|Contact') : line)).join('\n'));
    assert.equal(parseDocument(c.text).format, 'tcpdump');
    assert.equal(replaced(c), 'Contact');
    assert.equal(expectResult(c).span.start, c.offset);
    const via = at(TCPDUMP.map((line, i) => (i === 3 ? line.replace('/UDP', '/U|DP') : line)).join('\n'));
    assert.equal(replaced(via), 'SIP/2.0/UDP');
    assert.equal(at(TCPDUMP.map((line, i) => (i === 8 ? `|${line}` : line)).join('\n')).result, null);
  });
});

describe('complete: robustness', () => {
  it('returns null for offsets outside the text', () => {
    const text = BUSY;
    const document = parseDocument(text);
    for (const offset of [-1, text.length + 1, 1.5, Number.NaN]) assert.equal(complete(text, document, offset), null, String(offset));
  });

  it('never throws, and every span covers the cursor and stays on its line, at every offset of real files', () => {
    const files = ['rfc4475/wsinv.dat', 'rfc4475/mpart01.dat', 'rfc4475/dblreq.dat', 'rfc4475/badinv01.dat', 'traces/sipp/uac-invite-call_messages.log', 'traces/ngrep/udp-two-calls-plain.log', 'traces/kamailio-xlog/stderr-color-call-and-503.log'];
    for (const file of files) {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const document = parseDocument(text);
      let offered = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const result = complete(text, document, offset);
        if (!result) continue;
        offered++;
        assert.ok(result.items.length > 0, `${file}@${offset}: empty list`);
        assert.ok(result.span.start <= offset && offset <= result.span.end, `${file}@${offset}: span ${JSON.stringify(result.span)}`);
        assert.ok(!/[\r\n]/.test(text.slice(result.span.start, result.span.end)), `${file}@${offset}: span crosses a line`);
      }
      assert.ok(offered > 0, `${file}: nothing offered anywhere`);
    }
  });
});
