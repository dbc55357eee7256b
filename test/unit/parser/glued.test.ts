/**
 * Glued logical lines (LineTable.glued): SIP lines a tool printed in pieces with decoration between
 * them. The parser must read them as the lines that were sent, with every range still pointing at
 * the original text (from a part's first character to its last). Also the offset maps behind this,
 * and folded values, which are parsed clean and mapped back the same way.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import { parseFrame } from '../../../server/src/core/parser/message';
import { OffsetMap } from '../../../server/src/core/parser/offsets';
import type { LineTable, ParseProblem, SipDocument, SipMessage, Span } from '../../../server/src/core/parser/model';
import { callId, cseqOf, firstHeader, nameAddrOf, requestUriOf, tagOf, viasOf, wireText } from '../../../server/src/core/parser/access';

const at = (text: string, span: Span): string => text.slice(span.start, span.end);

/** A line table over `text`: LF ends a line (as CRLF on the wire), "~~" is decoration between glued pieces. */
function gluedTable(text: string): LineTable {
  const table = { starts: [] as number[], ends: [] as number[], breaks: [] as number[], breakBytes: [] as number[], glued: [] as number[] };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    let from = lineStart;
    for (let cut = text.indexOf('~~', from); cut !== -1 && cut < lineEnd; cut = text.indexOf('~~', from)) {
      table.starts.push(from);
      table.ends.push(cut);
      table.breaks.push(cut + 2);
      table.breakBytes.push(0);
      table.glued.push(1);
      from = cut + 2;
    }
    table.starts.push(from);
    table.ends.push(lineEnd);
    table.breaks.push(Math.min(text.length, lineEnd + 1));
    table.breakBytes.push(lineEnd < text.length ? 2 : 0);
    table.glued.push(0);
    lineStart = lineEnd + 1;
  }
  return table;
}

function parseGlued(text: string): { message: SipMessage } {
  // Straight to the message parser: no trace format builds this table, so the test is about the core alone.
  const lines = gluedTable(text);
  const messages: SipMessage[] = [];
  const problems: ParseProblem[] = [];
  parseFrame(text, { lines, from: 0, to: lines.starts.length, context: null }, 'frame', messages, problems);
  assert.equal(messages.length, 1);
  assert.deepEqual(problems, []);
  return { message: messages[0] as SipMessage };
}

describe('OffsetMap', () => {
  it('maps joined positions to the document, segment by segment, and back', () => {
    const map = new OffsetMap(10);
    map.append(10, 3); // joined 0-2 -> 10-12
    map.append(13, 2); // contiguous: extends the segment, joined 3-4 -> 13-14
    map.append(20, 4); // joined 5-8 -> 20-23
    assert.equal(map.length, 9);
    assert.deepEqual([0, 4, 5, 8, 9].map((p) => map.start(p)), [10, 14, 20, 23, 24]);
    assert.deepEqual(map.span(3, 6), { start: 13, end: 21 });
    assert.deepEqual(map.span(2, 5), { start: 12, end: 15 });
    assert.deepEqual(map.span(4, 4), { start: 14, end: 14 });
    assert.deepEqual([10, 14, 16, 20, 23, 30].map((o) => map.toJoined(o)), [0, 4, 5, 5, 8, 9]);
    const slice = map.slice(4, 7);
    assert.equal(slice.length, 3);
    assert.deepEqual([0, 1, 2, 3].map((p) => slice.start(p)), [14, 20, 21, 22]);
  });

  it('maps an empty text to its origin', () => {
    const map = new OffsetMap(7);
    assert.deepEqual(map.span(0, 0), { start: 7, end: 7 });
    assert.equal(map.toJoined(7), 0);
  });
});

describe('glued logical lines', () => {
  const TEXT = [
    'INV~~ITE sip:al~~ice@example.com SIP/2.0',
    'Via: SIP/2.0/UDP h;bra~~nch=z9hG4bK1',
    'CSe~~q: 1 INVITE',
    'Call-ID: ab~~c',
    'Subject: one',
    ' t~~wo',
    'From: "A~~l" <sip:a@b>;tag=1~~2',
    'To: <sip:b@c>',
    'NoColon~~Here',
    'Content-Length: 5',
    '',
    'v=~~0',
    '',
  ].join('\n');

  it('reads a start line cut mid-token as one line, ranges from first to last character', () => {
    const { message } = parseGlued(TEXT);
    const line = message.startLine;
    assert.equal(line.kind, 'request');
    if (line.kind !== 'request') return;
    assert.deepEqual([line.method.text, line.uri.text, line.version.text], ['INVITE', 'sip:alice@example.com', 'SIP/2.0']);
    assert.equal(at(TEXT, line.method), 'INV~~ITE');
    assert.equal(at(TEXT, line.uri), 'sip:al~~ice@example.com');
    assert.equal(at(TEXT, line), 'INV~~ITE sip:al~~ice@example.com SIP/2.0');
    const uri = requestUriOf(TEXT, message);
    assert.deepEqual([uri?.user?.text, uri?.host?.text], ['alice', 'example.com']);
    assert.equal(uri?.user && at(TEXT, uri.user), 'al~~ice');
    assert.equal(uri?.host && at(TEXT, uri.host), 'example.com');
    assert.equal(wireText(TEXT, message, line), 'INVITE sip:alice@example.com SIP/2.0');
    assert.equal(wireText(TEXT, message, { start: line.method.end, end: line.uri.start }), ' ');
  });

  it('joins header names and values, and parses values through the pieces', () => {
    const { message } = parseGlued(TEXT);
    assert.deepEqual(
      message.headers.map((h) => [h.name, h.value]),
      [
        ['Via', 'SIP/2.0/UDP h;branch=z9hG4bK1'],
        ['CSeq', '1 INVITE'],
        ['Call-ID', 'abc'],
        ['Subject', 'one two'],
        ['From', '"Al" <sip:a@b>;tag=12'],
        ['To', '<sip:b@c>'],
        ['NoColonHere', ''],
        ['Content-Length', '5'],
      ],
    );
    const cseq = firstHeader(message, 'cseq');
    assert.ok(cseq);
    assert.equal(at(TEXT, cseq.nameSpan), 'CSe~~q');
    assert.equal(cseq.valueMap, null, 'a value that is contiguous in the document is read in place');
    assert.equal(cseqOf(TEXT, message)?.method?.text, 'INVITE');
    const id = firstHeader(message, 'call-id');
    assert.ok(id?.valueMap);
    assert.equal(at(TEXT, id.valueSpan), 'ab~~c');
    assert.equal(callId(message), 'abc');
    const via = viasOf(TEXT, message)[0];
    assert.equal(via?.branch?.text, 'z9hG4bK1');
    assert.equal(via?.branch && at(TEXT, via.branch), 'z9hG4bK1');
    assert.equal(via?.params[0] && at(TEXT, via.params[0].name), 'bra~~nch');
    const from = nameAddrOf(TEXT, message, 'From');
    assert.equal(from?.displayName?.text, '"Al"');
    assert.equal(from?.displayName && at(TEXT, from.displayName), '"A~~l"');
    assert.equal(tagOf(from ?? null), '12');
    assert.deepEqual(message.problems.map((p) => [p.code, at(TEXT, p.span)]), [['header-without-colon', 'NoColon~~Here']]);
    const subject = firstHeader(message, 'subject');
    assert.equal(subject && at(TEXT, subject.valueSpan), 'one\n t~~wo');
  });

  it('counts a glued body line without the decoration', () => {
    const { message } = parseGlued(TEXT);
    assert.equal(message.body?.bytes, 5);
    assert.equal(message.body && at(TEXT, message.body), 'v=~~0\n');
  });
});

describe('folded values', () => {
  it('are parsed clean, with ranges mapped back across the fold', () => {
    const text = 'OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;\r\n branch=z9hG4bK1\r\nFrom: "A\r\n B" <sip:a@b>;tag=x\r\nTo: <sip:b@c>\r\nContent-Length: 0\r\n\r\n';
    const message = parseDocument(text).messages[0];
    assert.ok(message);
    assert.equal(firstHeader(message, 'To')?.valueMap, null);
    const via = viasOf(text, message)[0];
    assert.equal(via?.branch && at(text, via.branch), 'z9hG4bK1');
    const from = nameAddrOf(text, message, 'From');
    assert.equal(from?.displayName?.text, '"A B"');
    assert.equal(from?.displayName && at(text, from.displayName), '"A\r\n B"');
    assert.equal(from?.uri?.host && at(text, from.uri.host), 'b');
    assert.equal(tagOf(from ?? null), 'x');
  });
});

/** Well-formed messages to print the way the tools do. Lines hold no ".." and start with no ".": ngrep's dots would make them ambiguous. */
const word = fc.stringMatching(/^[a-z0-9][a-z0-9.@-]{0,11}$/).filter((w) => !w.includes('..') && !w.endsWith('.'));
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const sipMessage = fc
  .record({
    start: fc.constantFrom('INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 180 Ringing', 'BYE sip:a@192.0.2.1:5060;transport=udp SIP/2.0', 'SIP/2.0 486 Busy Here'),
    branch: word,
    tag: word,
    id: word,
    seq: fc.nat(99999),
    extra: fc.array(fc.tuple(fc.constantFrom('Subject', 'X-Note', 'Supported', 'User-Agent'), phrase), { maxLength: 4 }),
    body: fc.array(phrase, { maxLength: 4 }),
  })
  .map(({ start, branch, tag, id, seq, extra, body }) => {
    const content = body.map((line) => `${line}\r\n`).join('');
    const head = [
      start,
      `Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK${branch};rport`,
      `From: "Alice A" <sip:alice@example.com>;tag=${tag}`,
      'To: <sip:bob@example.com>',
      `Call-ID: ${id}`,
      `CSeq: ${seq} ${start.startsWith('BYE') ? 'BYE' : 'INVITE'}`,
      ...extra.map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${Buffer.byteLength(content)}`,
    ];
    return `${head.join('\r\n')}\r\n\r\n${content}`;
  });

/** ngrep without -W byline: the payload as one stream, CRLF as "..", cut every 75 characters behind two spaces. */
function ngrepPlain(messages: readonly string[]): string {
  let out = 'interface: lo (127.0.0.0/255.0.0.0)\nfilter: ( port 5160 )\n\n';
  messages.forEach((message, i) => {
    out += `U 127.0.0.1:5160 -> 127.0.0.1:5170 #${i + 1}\n`;
    const stream = message.replace(/\r\n/g, '..');
    for (let from = 0; from < stream.length; from += 75) out += `  ${stream.slice(from, from + 75).padEnd(75)}\n`;
    out += '\n';
  });
  return out;
}

const CODES = ['\x1b[1m', '\x1b[33m', '\x1b[0m', '\x1b[1m\x1b[35m'];

/** sipgrep: the payload line by line, CR as a trailing ".", with colour codes put in at the given places. */
function sipgrepColour(messages: readonly string[], codes: readonly [number, number, number][]): string {
  let out = 'interface: lo (127.0.0.0/255.0.0.0)\nfilter: (ip or ip6) and ( port 5160 )\n\n';
  let line = 0;
  messages.forEach((message, i) => {
    out += `U 2026/11/21 20:54:45.${String(444048 + i).padStart(6, '0')} 127.0.0.1:5160 -> 127.0.0.1:5170\n\n`;
    for (const text of message.split('\r\n').slice(0, -1)) {
      const here = codes.filter(([l]) => l % 40 === line % 40).map(([, position, code]): [number, string] => [position % (text.length + 1), CODES[code % CODES.length] ?? '']);
      let printed = text;
      for (const [position, code] of here.sort((a, b) => b[0] - a[0])) printed = printed.slice(0, position) + code + printed.slice(position);
      out += `${printed}.${line % 3 === 0 ? '\x1b[0m' : ''}\n`;
      line++;
    }
    out += '\n\n';
  });
  return out;
}

/** What a message says, as features read it. */
function reading(text: string, message: SipMessage): unknown {
  const line = message.startLine;
  const from = nameAddrOf(text, message, 'From');
  const uri = requestUriOf(text, message);
  return {
    start: line.kind === 'request' ? [line.method.text, line.uri.text, line.version.text] : [line.version.text, line.code.text, line.reason.text],
    uri: uri && [uri.user?.text, uri.host?.text, uri.port?.text, uri.params.map((p) => p.name.text)],
    headers: message.headers.map((h) => [h.name, h.canonical, h.value]),
    via: viasOf(text, message).map((v) => [v.transport?.text, v.host?.text, v.port?.text, v.branch?.text]),
    from: from && [from.displayName?.text, from.uri?.user?.text, tagOf(from)],
    cseq: cseqOf(text, message)?.method?.text,
    body: message.body?.bytes ?? 0,
    problems: message.problems.map((p) => p.code),
  };
}

/** Every range, once the tool's decoration is taken out of the text it covers, gives the token's text. */
function checkRanges(text: string, document: SipDocument, undecorate: (s: string) => string): void {
  const check = (token: { text: string; start: number; end: number } | null | undefined, what: string): void => {
    if (!token) return;
    assert.ok(token.start >= 0 && token.start <= token.end && token.end <= text.length, what);
    assert.equal(undecorate(text.slice(token.start, token.end)), token.text, what);
  };
  for (const message of document.messages) {
    const line = message.startLine;
    for (const token of line.kind === 'request' ? [line.method, line.uri, line.version] : [line.version, line.code, line.reason]) check(token, 'start line');
    for (const header of message.headers) {
      check({ text: header.name, ...header.nameSpan }, 'header name');
      check({ text: header.value, ...header.valueSpan }, `${header.name} value`);
      assert.equal(text[header.colon], ':');
    }
    for (const via of viasOf(text, message)) for (const param of via.params) check(param.name, 'via param');
    const from = nameAddrOf(text, message, 'From');
    check(from?.displayName, 'display name');
    check(from?.uriText, 'from uri');
    check(requestUriOf(text, message)?.host, 'request-uri host');
  }
}

describe('tool output with glued lines reads like the messages themselves', () => {
  const plain = (messages: string[]): unknown[] => {
    const text = messages.join('');
    return parseDocument(text, { format: 'sip' }).messages.map((m) => reading(text, m));
  };

  it('ngrep without -W byline', () => {
    fc.assert(
      fc.property(fc.array(sipMessage, { minLength: 1, maxLength: 3 }), (messages) => {
        const text = ngrepPlain(messages);
        const document = parseDocument(text, { format: 'ngrep' });
        assert.deepEqual(document.messages.map((m) => reading(text, m)), plain(messages));
        checkRanges(text, document, (s) => s.replace(/\n {2}/g, ''));
      }),
      { numRuns: 150 },
    );
  });

  it('sipgrep with colour codes anywhere in a line', () => {
    const codes = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(sipMessage, { minLength: 1, maxLength: 3 }), codes, (messages, places) => {
        const text = sipgrepColour(messages, places);
        const document = parseDocument(text, { format: 'sipgrep' });
        assert.deepEqual(document.messages.map((m) => reading(text, m)), plain(messages));
        // eslint-disable-next-line no-control-regex
        checkRanges(text, document, (s) => s.replace(/\x1b\[[0-9;]*m/g, ''));
      }),
      { numRuns: 150 },
    );
  });

  it('never fails and keeps ranges inside the text on mutated tool output', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom('', ' ', '.', '..', '\n', '\n  ', '\x1b[1m', '\x1b[', ':', 'SIP/2.0 ')), { maxLength: 10 });
    fc.assert(
      fc.property(fc.array(sipMessage, { minLength: 1, maxLength: 3 }), fc.boolean(), edits, (messages, colour, changes) => {
        let text = colour ? sipgrepColour(messages, [[0, 3, 1], [1, 7, 3], [4, 2, 2]]) : ngrepPlain(messages);
        for (const [position, length, insert] of changes) {
          const cut = position % (text.length + 1);
          text = text.slice(0, cut) + insert + text.slice(cut + length);
        }
        const document = parseDocument(text, { format: colour ? 'sipgrep' : 'ngrep' });
        assert.deepEqual(document.problems.filter((p) => p.code === 'parser-error'), []);
        const inside = (span: Span): boolean => span.start >= 0 && span.start <= span.end && span.end <= text.length;
        for (const message of document.messages) {
          assert.ok(inside(message.span) && inside(message.startLine));
          for (const header of message.headers) assert.ok(inside(header.span) && inside(header.valueSpan) && inside(header.nameSpan));
          for (const via of viasOf(text, message)) assert.ok(inside(via) && via.params.every(inside));
          const from = nameAddrOf(text, message, 'From');
          assert.ok(!from || inside(from));
          const uri = requestUriOf(text, message);
          assert.ok(!uri || inside(uri));
          cseqOf(text, message);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on a wire line glued from many pieces', () => {
    const pieces = 20_000;
    const value = Array.from({ length: pieces }, (_, i) => `p${i};`).join('~~');
    const text = `INVITE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h;${value}\nContent-Length: 0\n\n`;
    const started = Date.now();
    const { message } = parseGlued(text);
    assert.equal(viasOf(text, message)[0]?.params.length, pieces);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });
});
