/** Exact scopes on the tokens that matter: start lines, status classes, headers, parameters, SDP, logs and markdown fences. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';
import { scopesOf, tokenize, tokensWithText, type Token } from './tokenize';

const CRLF = '\r\n';
const INVITE = [
  'INVITE sip:bob@biloxi.example.com;transport=udp SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.example.com>',
  'From: "Alice \\"A\\" Liddell" <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Contact: sip:alice@pc33.atlanta.example.com',
  'Subject: lunch',
  ' INVITE folded',
  'c: application/sdp',
  'l: 142',
  '',
  'v=0',
  'o=alice 2890844526 2890844526 IN IP4 192.0.2.101',
  's=-',
  'c=IN IP4 192.0.2.101',
  't=0 0',
  'm=audio 49172 RTP/AVP 0 8',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'SIP/2.0 100 Trying',
  'i: a84b4c76e66710@pc33.atlanta.example.com',
  '',
].join(CRLF);

const last = (scopes: string[]): string => scopes[scopes.length - 1];

describe('source.sip', () => {
  let tokens: Token[];
  it('tokenizes a request with an SDP body and a following response', async () => {
    tokens = await tokenize('source.sip', INVITE);
    assert.ok(tokens.length > 50);
  });

  it('scopes the method only on the request line', () => {
    assert.deepEqual(scopesOf(tokens, 'INVITE', 1), ['source.sip', 'meta.message.request.sip', 'keyword.other.method.sip']);
    const cseq = tokens.filter((t) => t.line === 7 && t.text.includes('INVITE'));
    assert.equal(cseq.length, 1);
    assert.ok(!cseq[0].scopes.includes('keyword.other.method.sip'), cseq[0].scopes.join(' '));
    const folded = tokens.filter((t) => t.line === 10 && t.text.includes('INVITE'));
    assert.ok(folded.length === 1 && !folded[0].scopes.includes('keyword.other.method.sip'));
    assert.ok(folded[0].scopes.includes('meta.header.sip'), 'a folded line continues its header');
  });

  it('scopes the Request-URI and the version', () => {
    assert.deepEqual(scopesOf(tokens, 'sip:bob@biloxi.example.com', 1), ['source.sip', 'meta.message.request.sip', 'string.unquoted.uri.sip']);
    assert.deepEqual(scopesOf(tokens, 'transport', 1), ['source.sip', 'meta.message.request.sip', 'string.unquoted.uri.sip', 'variable.parameter.sip']);
    assert.deepEqual(scopesOf(tokens, 'SIP/2.0', 1), ['source.sip', 'meta.message.request.sip', 'constant.language.version.sip']);
  });

  it('scopes header names, full and compact, and the colon', () => {
    for (const [name, line] of [['Via', 2], ['Max-Forwards', 3], ['Call-ID', 6], ['CSeq', 7], ['c', 11], ['l', 12]] as const) {
      assert.equal(last(scopesOf(tokens, name, line)), 'entity.name.tag.header.sip', name);
    }
    assert.deepEqual(scopesOf(tokens, 'i', 23), ['source.sip', 'meta.message.response.sip', 'meta.header.sip', 'entity.name.tag.header.sip']);
    assert.equal(last(scopesOf(tokens, ':', 2)), 'punctuation.separator.key-value.sip');
  });

  it('scopes URIs, parameters, tag and branch, and quoted strings', () => {
    assert.equal(last(scopesOf(tokens, 'sip:bob@biloxi.example.com', 4)), 'markup.underline.link.uri.sip');
    assert.equal(last(scopesOf(tokens, 'sip:alice@pc33.atlanta.example.com', 8)), 'markup.underline.link.uri.sip');
    assert.equal(last(scopesOf(tokens, 'branch', 2)), 'variable.parameter.sip');
    assert.equal(last(scopesOf(tokens, 'z9hG4bK776asdhds', 2)), 'constant.other.branch.sip');
    assert.equal(last(scopesOf(tokens, 'tag', 5)), 'variable.parameter.sip');
    assert.equal(last(scopesOf(tokens, '1928301774', 5)), 'constant.other.tag.sip');
    assert.ok(scopesOf(tokens, 'Alice ', 5).includes('string.quoted.double.sip'));
    const escapes = tokensWithText(tokens, '\\"', 5);
    assert.equal(escapes.length, 2);
    for (const e of escapes) assert.deepEqual(e.scopes.slice(-2), ['string.quoted.double.sip', 'constant.character.escape.sip']);
  });

  it('embeds SDP after Content-Type: application/sdp (compact form)', () => {
    assert.deepEqual(scopesOf(tokens, 'PCMU', 20), [
      'source.sip', 'meta.message.request.sip', 'meta.embedded.block.sdp', 'meta.line.attribute.rtpmap.sdp', 'support.type.codec.sdp',
    ]);
    assert.equal(last(scopesOf(tokens, 'PCMA', 21)), 'support.type.codec.sdp');
    assert.equal(last(scopesOf(tokens, '192.0.2.101', 17)), 'constant.numeric.ip.sdp');
    assert.equal(last(scopesOf(tokens, '49172', 19)), 'constant.numeric.port.sdp');
    assert.equal(last(scopesOf(tokens, 'm', 19)), 'keyword.other.sdp');
  });

  it('ends the body at the next start line', () => {
    assert.deepEqual(scopesOf(tokens, '100', 22), ['source.sip', 'meta.message.response.sip', 'constant.numeric.status.1xx.sip']);
  });

  it('gives every status class its own scope, and the reason phrase', async () => {
    const codes = ['100', '200', '302', '486', '503', '603'];
    const text = codes.map((code) => `SIP/2.0 ${code} Some Reason\nContent-Length: 0\n`).join('\n');
    const toks = await tokenize('source.sip', text);
    codes.forEach((code, i) => {
      const line = i * 3 + 1;
      assert.deepEqual(scopesOf(toks, code, line), ['source.sip', 'meta.message.response.sip', `constant.numeric.status.${code[0]}xx.sip`]);
      assert.equal(last(scopesOf(toks, 'Some Reason', line)), 'string.unquoted.reason-phrase.sip');
      assert.equal(last(scopesOf(toks, 'SIP/2.0', line)), 'constant.language.version.sip');
    });
  });

  it('keeps a non-SDP body plain', async () => {
    const toks = await tokenize('source.sip', 'MESSAGE sip:b@example.com SIP/2.0\nContent-Type: text/plain\n\nv=0 looks like SDP\nVia: not a header\n');
    assert.deepEqual(scopesOf(toks, 'v=0 looks like SDP', 4), ['source.sip', 'meta.message.request.sip', 'meta.body.sip']);
    assert.deepEqual(scopesOf(toks, 'Via: not a header', 5), ['source.sip', 'meta.message.request.sip', 'meta.body.sip']);
  });

  it('does not treat a method word in a header value as a method', async () => {
    const toks = await tokenize('source.sip', 'OPTIONS sip:b@example.com SIP/2.0\nAllow: INVITE, ACK, BYE\n');
    assert.equal(tokensWithText(toks, 'OPTIONS', 1).length, 1);
    assert.ok(toks.filter((t) => t.line === 2).every((t) => !t.scopes.includes('keyword.other.method.sip')));
  });
});

describe('source.sip-log', () => {
  it('highlights a SIPp message trace: separators, timestamps, sent/received and the SIP inside', async () => {
    const text = readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-invite-call_messages.log'), 'utf8');
    const toks = await tokenize('source.sip-log', text);
    assert.deepEqual(scopesOf(toks, '-----------------------------------------------', 1), ['source.sip-log', 'comment.line.separator.sip-log']);
    assert.deepEqual(scopesOf(toks, '2026-11-21 20:53:18.964541', 1), ['source.sip-log', 'constant.numeric.timestamp.sip-log']);
    assert.deepEqual(scopesOf(toks, 'sent', 2), ['source.sip-log', 'keyword.operator.direction.sent.sip-log']);
    assert.deepEqual(scopesOf(toks, 'INVITE', 4), ['source.sip-log', 'meta.message.request.sip', 'keyword.other.method.sip']);
    assert.equal(last(scopesOf(toks, 'Via', 5)), 'entity.name.tag.header.sip');
    assert.equal(last(scopesOf(toks, 'z9hG4bK-15998-1-0', 5)), 'constant.other.branch.sip');
    assert.equal(last(scopesOf(toks, 'PCMU', 22)), 'support.type.codec.sdp');
    // The body ends at the log's next separator, which is framing again.
    assert.deepEqual(scopesOf(toks, '-----------------------------------------------', 24), ['source.sip-log', 'comment.line.separator.sip-log']);
    assert.deepEqual(scopesOf(toks, 'received', 25), ['source.sip-log', 'keyword.operator.direction.received.sip-log']);
    assert.deepEqual(scopesOf(toks, '180', 27), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.1xx.sip']);
    assert.equal(last(scopesOf(toks, 'Ringing', 27)), 'string.unquoted.reason-phrase.sip');
  });

  it('highlights an sngrep export: timestamp, addresses, arrow and the SIP inside', async () => {
    const text = readFileSync(join(FIXTURES, 'traces', 'sngrep', 'udp-two-calls-export.txt'), 'utf8');
    const toks = await tokenize('source.sip-log', text);
    assert.deepEqual(scopesOf(toks, '2026/11/21 20:54:45.444048', 1), ['source.sip-log', 'constant.numeric.timestamp.sip-log']);
    assert.deepEqual(scopesOf(toks, '127.0.0.1:5160', 1), ['source.sip-log', 'constant.numeric.address.sip-log']);
    assert.deepEqual(scopesOf(toks, '->', 1), ['source.sip-log', 'keyword.operator.direction.sip-log']);
    assert.equal(last(scopesOf(toks, 'INVITE', 2)), 'keyword.other.method.sip');
    assert.equal(last(scopesOf(toks, '17376SIPpTag001', 4)), 'constant.other.tag.sip');
    assert.equal(last(scopesOf(toks, 'PCMU', 20)), 'support.type.codec.sdp');
    assert.deepEqual(scopesOf(toks, '2026/11/21 20:54:45.444167', 23), ['source.sip-log', 'constant.numeric.timestamp.sip-log']);
    assert.deepEqual(scopesOf(toks, '180', 24), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.1xx.sip']);
  });

  it('highlights Asterisk PJSIP banners', async () => {
    const toks = await tokenize('source.sip-log', [
      '[2024-03-12 14:05:31.412] VERBOSE[2398] res_pjsip_logger.c: <--- Received SIP request (625 bytes) from UDP:192.0.2.101:5060 --->',
      'REGISTER sip:192.0.2.10:5060 SIP/2.0',
    ]);
    assert.equal(last(scopesOf(toks, '2024-03-12 14:05:31.412', 1)), 'constant.numeric.timestamp.sip-log');
    assert.equal(last(scopesOf(toks, '<---', 1)), 'keyword.operator.direction.sip-log');
    assert.equal(last(scopesOf(toks, 'Received', 1)), 'keyword.operator.direction.received.sip-log');
    assert.equal(last(scopesOf(toks, 'UDP:192.0.2.101:5060', 1)), 'constant.numeric.address.sip-log');
    assert.equal(last(scopesOf(toks, 'REGISTER', 2)), 'keyword.other.method.sip');
  });
});

/** The SIP that a log prints behind a prefix, an indentation, an escape or inside a tree. */
describe('source.sip-log: prefixed, indented and escaped SIP', () => {
  const fixture = (path: string): Promise<Token[]> => tokenize('source.sip-log', readFileSync(join(FIXTURES, 'traces', path), 'utf8'));
  /** True when no token on `line` carries a SIP scope (framing scopes end in .sip-log and do not count). */
  const plainOnLine = (toks: Token[], line: number): boolean => toks.filter((t) => t.line === line).every((t) => t.scopes.every((s) => !s.endsWith('.sip')));
  /** True when the tokens on `line` carry no SIP scope but the message they sit in. */
  const plainInMessage = (toks: Token[], line: number): boolean =>
    toks.filter((t) => t.line === line).every((t) => t.scopes.every((s) => !s.endsWith('.sip') || s.startsWith('meta.message.')));

  it('tshark -O sip: request line, its fields, header lines and the status line; tshark breakdown lines stay plain', async () => {
    const toks = await fixture('tshark/udp-two-calls-O-sip.txt');
    assert.deepEqual(scopesOf(toks, 'INVITE', 6), ['source.sip-log', 'meta.message.request.sip', 'keyword.other.method.sip']);
    assert.equal(last(scopesOf(toks, 'sip:service@127.0.0.1:5170', 6)), 'string.unquoted.uri.sip');
    assert.equal(last(scopesOf(toks, 'SIP/2.0', 6)), 'constant.language.version.sip');
    assert.equal(last(scopesOf(toks, 'INVITE', 7)), 'keyword.other.method.sip', 'the Method: field');
    assert.equal(last(scopesOf(toks, 'sip:service@127.0.0.1:5170', 8)), 'string.unquoted.uri.sip', 'the Request-URI: field');
    assert.ok(plainInMessage(toks, 9), 'Request-URI User Part is tshark breakdown');
    assert.ok(plainInMessage(toks, 12), '[Resent Packet: False] stays plain');
    assert.deepEqual(scopesOf(toks, 'Via', 14), ['source.sip-log', 'meta.message.request.sip', 'meta.header.sip', 'entity.name.tag.header.sip']);
    assert.equal(last(scopesOf(toks, 'z9hG4bK-17376-1-0', 14)), 'constant.other.branch.sip');
    assert.equal(last(scopesOf(toks, 'sip:sipp@127.0.0.1:5160', 19)), 'markup.underline.link.uri.sip');
    assert.equal(last(scopesOf(toks, '17376SIPpTag001', 19)), 'constant.other.tag.sip');
    assert.ok(plainInMessage(toks, 36), "the CSeq breakdown's Method: INVITE is not a request line");
    assert.deepEqual(scopesOf(toks, '180', 81), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.1xx.sip']);
    assert.equal(last(scopesOf(toks, 'Ringing', 81)), 'string.unquoted.reason-phrase.sip');
    assert.equal(last(scopesOf(toks, '180', 82)), 'constant.numeric.status.1xx.sip', 'the Status-Code: field');
    assert.ok(plainInMessage(toks, 83), '[Resent Packet: False] after Status-Code');
    assert.ok(plainOnLine(toks, 76) && plainOnLine(toks, 79), 'the frame and UDP lines are outside the SIP layer');
  });

  it('tshark -V: the same tree after the frame, IP and UDP layers', async () => {
    const toks = await fixture('tshark/udp-two-calls-V.txt');
    assert.equal(last(scopesOf(toks, 'INVITE', 56)), 'keyword.other.method.sip');
    assert.equal(last(scopesOf(toks, '180', 181)), 'constant.numeric.status.1xx.sip');
  });

  it('tcpdump -vvv: tab-indented SIP, with SDP, ending at the next packet line', async () => {
    const toks = await fixture('tcpdump/udp-port5060-vvv.log');
    assert.deepEqual(scopesOf(toks, 'INVITE', 3), ['source.sip-log', 'meta.message.request.sip', 'keyword.other.method.sip']);
    assert.equal(last(scopesOf(toks, 'sip:service@127.0.0.2:5060', 3)), 'string.unquoted.uri.sip');
    assert.deepEqual(scopesOf(toks, 'Via', 4), ['source.sip-log', 'meta.message.request.sip', 'meta.header.sip', 'entity.name.tag.header.sip']);
    assert.equal(last(scopesOf(toks, '17912SIPpTag001', 5)), 'constant.other.tag.sip');
    assert.equal(last(scopesOf(toks, 'PCMU', 21)), 'support.type.codec.sdp');
    assert.deepEqual(scopesOf(toks, '20:55:15.532451', 22), ['source.sip-log', 'constant.numeric.timestamp.sip-log']);
    assert.deepEqual(scopesOf(toks, '180', 24), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.1xx.sip']);
  });

  it('sofia-sip: a message indented by three spaces', async () => {
    const toks = await fixture('sofia-sip/options-udp-tport-log.log');
    assert.equal(last(scopesOf(toks, 'OPTIONS', 3)), 'keyword.other.method.sip');
    assert.equal(last(scopesOf(toks, 'Via', 4)), 'entity.name.tag.header.sip');
    assert.equal(last(scopesOf(toks, 'aQ8vpj6KaDaHg', 6)), 'constant.other.tag.sip');
    const dashes = '-'.repeat(72);
    assert.equal(last(scopesOf(toks, dashes, 13)), 'comment.line.separator.sip-log', 'the closing separator behind the indentation is framing');
    assert.deepEqual(scopesOf(toks, 'recv', 14), ['source.sip-log', 'keyword.operator.direction.received.sip-log'], 'the next stamp line ends the message');
  });

  it('Kamailio xlog in syslog: the message on the record line, broken by #015#012; the record text stays prose', async () => {
    const toks = await fixture('kamailio-xlog/syslog-traditional-call-and-503.log');
    assert.deepEqual(scopesOf(toks, 'INVITE', 7), ['source.sip-log', 'meta.message.request.sip', 'keyword.other.method.sip']);
    assert.equal(tokensWithText(toks, 'sip:service@127.0.0.1:5460', 7)[0]?.scopes.at(-1), 'string.unquoted.uri.sip', 'the Request-URI');
    assert.equal(last(scopesOf(toks, 'Via', 7)), 'entity.name.tag.header.sip');
    assert.equal(last(scopesOf(toks, 'z9hG4bK-19353-1-0', 7)), 'constant.other.branch.sip');
    assert.equal(last(scopesOf(toks, '19353SIPpTag001', 7)), 'constant.other.tag.sip', 'a tag value stops at the escape after it');
    const fromAndContact = tokensWithText(toks, 'sip:sipp@127.0.0.1:5461', 7);
    assert.equal(fromAndContact.length, 2, 'the bare Contact URI stops at the escape after it');
    for (const t of fromAndContact) assert.equal(last(t.scopes), 'markup.underline.link.uri.sip');
    assert.equal(tokensWithText(toks, '#015#012', 7)[0]?.scopes.at(-1), 'constant.character.escape.line-break.sip-log');
    assert.deepEqual(scopesOf(toks, '503', 14), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.5xx.sip']);
    assert.equal(last(scopesOf(toks, 'Service Unavailable', 14)), 'string.unquoted.reason-phrase.sip');
    // The summary before #012 ("RCV INVITE sip:… from …") and the failure_route notice are prose.
    assert.ok(toks.filter((t) => t.line === 7 && t.start < 153).every((t) => t.scopes.every((s) => !s.endsWith('.sip'))));
    assert.ok(plainOnLine(toks, 15), 'failure_route: INVITE sip:… failed with 503');
  });

  it('Kamailio xlog on stderr: the next record ends the message body', async () => {
    const toks = await fixture('kamailio-xlog/stderr-proxy-2-calls.log');
    assert.equal(last(scopesOf(toks, 'PCMU', 26)), 'support.type.codec.sdp');
    assert.deepEqual(scopesOf(toks, 'INFO', 28), ['source.sip-log', 'support.constant.log-level.sip-log']);
    assert.deepEqual(scopesOf(toks, '180', 29), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.1xx.sip']);
  });

  it('AudioCodes syslog: an escaped 4xx response', async () => {
    const toks = await fixture('audiocodes/syslog-rsyslog-escaped.log');
    assert.deepEqual(scopesOf(toks, '401', 3), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.4xx.sip']);
    assert.equal(last(scopesOf(toks, 'Unauthorized', 3)), 'string.unquoted.reason-phrase.sip');
  });

  it('ngrep without byline: the wrapped payload behind two spaces, CRLF shown as ".."', async () => {
    const toks = await fixture('ngrep/udp-two-calls-plain.log');
    assert.deepEqual(scopesOf(toks, 'INVITE', 5), ['source.sip-log', 'meta.message.request.sip', 'keyword.other.method.sip']);
    assert.equal(last(scopesOf(toks, 'SIP/2.0', 5)), 'constant.language.version.sip');
    assert.equal(last(scopesOf(toks, 'Via', 5)), 'entity.name.tag.header.sip');
    assert.equal(last(scopesOf(toks, 'From', 6)), 'entity.name.tag.header.sip');
    assert.equal(last(scopesOf(toks, 'sip:sipp@127.0.0.1:5160', 6)), 'markup.underline.link.uri.sip');
    assert.ok(tokensWithText(toks, 'branch=z9hG4bK-17376-1-0', 6).every((t) => !t.scopes.includes('entity.name.tag.header.sip')), 'a wrapped line start is no header');
    assert.equal(last(scopesOf(toks, '180', 14)), 'constant.numeric.status.1xx.sip');
    assert.equal(last(scopesOf(toks, 'Ringing', 14)), 'string.unquoted.reason-phrase.sip');
  });

  it('a log prefix repeated on every line, its timestamp changing: syslog and logger prefixes', async () => {
    const message = ['SIP/2.0 486 Busy Here', 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK7', 'To: <sip:bob@example.com>;tag=9', 'Call-ID: g1', 'CSeq: 7 INVITE', 'Content-Length: 0', ''];
    for (const prefix of [(i: number) => `Nov 21 10:00:0${i} host kamailio[123]: `, (i: number) => `2026-01-01 10:00:0${i}.12${i} app[42] DEBUG: `]) {
      const toks = await tokenize('source.sip-log', [...message.map((line, i) => prefix(i) + line), 'Nov 22 11:00:00 host other[7]: Reason: INVITE rejected']);
      assert.deepEqual(scopesOf(toks, '486', 1), ['source.sip-log', 'meta.message.response.sip', 'constant.numeric.status.4xx.sip']);
      assert.equal(last(scopesOf(toks, 'Busy Here', 1)), 'string.unquoted.reason-phrase.sip');
      assert.equal(last(scopesOf(toks, 'Via', 2)), 'entity.name.tag.header.sip');
      assert.equal(last(scopesOf(toks, 'z9hG4bK7', 2)), 'constant.other.branch.sip');
      assert.equal(last(scopesOf(toks, 'sip:bob@example.com', 3)), 'markup.underline.link.uri.sip');
      assert.equal(last(scopesOf(toks, 'Content-Length', 6)), 'entity.name.tag.header.sip');
      assert.ok(toks.filter((t) => t.line === 2 && t.start < prefix(1).length).every((t) => !t.scopes.includes('meta.header.sip')), 'the prefix is not part of the header');
      assert.ok(plainOnLine(toks, 8), 'a record with another prefix ends the message');
    }
  });

  it('plain log prose with "Word: text" lines or method words is not SIP', async () => {
    const prose = [
      'Nov 21 10:00:00 host app[1]: Reason: INVITE rejected by policy',
      '    Warning: BYE sent twice',
      '\tVia: not a message',
      '2026-11-21 10:00:00 INFO Call-ID: abc INVITE',
      '  ..From: nobody',
      'Session Initiation Protocol notes: Method: INVITE',
      '        Method: INVITE',
      'I sent INVITE sip:bob@example.com SIP/2.0',
      'got #012Via: x#015#012',
    ];
    const toks = await tokenize('source.sip-log', prose);
    prose.forEach((text, i) => assert.ok(plainOnLine(toks, i + 1), `line ${i + 1} is prose: ${text}`));
  });
});

describe('markdown injection', () => {
  it('highlights ```sip and ```sip-log fences and nothing outside them', async () => {
    const toks = await tokenize('text.html.markdown', [
      '# Notes',
      '```sip',
      'BYE sip:bob@example.com SIP/2.0',
      'CSeq: 2 BYE',
      '```',
      'BYE is not a method here',
      '~~~sip-log',
      '2026/11/21 20:54:45.444167 127.0.0.1:5170 -> 127.0.0.1:5160',
      'SIP/2.0 603 Decline',
      '~~~',
    ]);
    assert.deepEqual(scopesOf(toks, 'BYE', 3), [
      'text.html.markdown', 'markup.fenced_code.block.markdown', 'meta.embedded.block.sip', 'meta.message.request.sip', 'keyword.other.method.sip',
    ]);
    assert.equal(last(scopesOf(toks, 'sip', 2)), 'fenced_code.block.language.markdown');
    assert.deepEqual(scopesOf(toks, '```', 5), ['text.html.markdown', 'markup.fenced_code.block.markdown', 'punctuation.definition.markdown']);
    assert.deepEqual(scopesOf(toks, 'BYE is not a method here', 6), ['text.html.markdown']);
    assert.equal(last(scopesOf(toks, '->', 8)), 'keyword.operator.direction.sip-log');
    assert.deepEqual(scopesOf(toks, '603', 9), [
      'text.html.markdown', 'markup.fenced_code.block.markdown', 'meta.embedded.block.sip-log', 'meta.message.response.sip', 'constant.numeric.status.6xx.sip',
    ]);
    assert.deepEqual(scopesOf(toks, '~~~', 10), ['text.html.markdown', 'markup.fenced_code.block.markdown', 'punctuation.definition.markdown']);
  });
});

describe('language configurations', () => {
  for (const name of ['sip', 'sip-log']) {
    it(`${name}: wordPattern keeps branch ids, URIs, codes and header names whole; brackets and pairs`, () => {
      const conf = JSON.parse(readFileSync(join(REPO_ROOT, 'syntaxes', `${name}.language-configuration.json`), 'utf8')) as {
        wordPattern: string; brackets: string[][]; autoClosingPairs: { open: string; close: string }[];
      };
      const words = (line: string): string[] => line.match(new RegExp(conf.wordPattern, 'g')) ?? [];
      assert.deepEqual(words('Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776asdhds'), ['Via', 'SIP', '2.0', 'UDP', '192.0.2.1', 'branch', 'z9hG4bK776asdhds']);
      assert.deepEqual(words('To: <sip:user@host.example.com>;tag=a-1'), ['To', 'sip:user@host.example.com', 'tag', 'a-1']);
      assert.deepEqual(words('SIP/2.0 486 Busy Here'), ['SIP', '2.0', '486', 'Busy', 'Here']);
      assert.deepEqual(words('Call-ID: x'), ['Call-ID', 'x']);
      assert.deepEqual(conf.brackets, [['<', '>']]);
      assert.deepEqual(conf.autoClosingPairs.map((p) => p.open + p.close).sort(), ['""', '<>']);
    });
  }
});
