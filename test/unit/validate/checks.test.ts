/**
 * One hand-made fixture per check: test/fixtures/checks/<id>.sip (a message file) or <id>.log (a
 * trace log), with the expected finding's range marked by ⟦ and ⟧. Each fixture must produce that
 * finding with exactly that range and the check's default severity, and nothing else at error or
 * warning level; a quick fix, where the check offers one, must make the finding go away. Adding a
 * check without a fixture fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { Span } from '../../../server/src/core/parser/model';
import { CHECKS, checkById, severityRank, validate, type Finding, type TextEdit } from '../../../server/src/core/features/validate';
import { FIXTURES } from '../../support/paths';

const DIR = join(FIXTURES, 'checks');
const OPEN = '\u27e6';
const CLOSE = '\u27e7';

/** Ids with no fixture: parser-error is a sipls bug, which no input is meant to produce. */
const NO_FIXTURE = new Set(['parser-error']);

/** Checks whose fixture finding carries a quick fix (each one is applied and re-validated below). */
const FIXABLE = new Set([
  'request-line-spacing',
  'start-line-trailing-whitespace',
  'request-uri-in-brackets',
  'request-uri-headers',
  'request-uri-ipv6-unbracketed',
  'sip-version-unsupported',
  'status-line-spacing',
  'reason-phrase-mismatch',
  'reason-phrase-nonstandard',
  'reason-phrase-empty',
  'method-unknown',
  'cseq-method-mismatch',
  'content-length-mismatch',
  'name-addr-space-in-brackets',
  'display-name-unquoted',
  'contact-uri-headers-unbracketed',
  'mandatory-header-missing',
]);

/**
 * Findings of other checks a fixture is allowed to produce besides its own ("severity code"), all
 * information or hints. A cut message in a log also has fewer body bytes than its Content-Length.
 */
const ALSO_EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'log-truncated': ['information content-length-mismatch'],
};

interface Fixture {
  readonly id: string;
  readonly file: string;
  readonly text: string;
  readonly expected: Span;
}

const decoder = new TextDecoder('utf-8');

/** Strips the one ⟦…⟧ pair and returns the text and the span it marked, in the stripped text's offsets. */
function stripMarkers(marked: string, what: string): { text: string; span: Span } {
  const open = marked.indexOf(OPEN);
  const close = marked.indexOf(CLOSE);
  assert.ok(open !== -1 && close !== -1, `${what}: no ⟦ ⟧ markers`);
  assert.ok(open < close, `${what}: ⟦ must come before ⟧`);
  assert.equal(marked.indexOf(OPEN, open + 1), -1, `${what}: more than one ⟦`);
  assert.equal(marked.indexOf(CLOSE, close + 1), -1, `${what}: more than one ⟧`);
  const text = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return { text, span: { start: open, end: close - 1 } };
}

function fixtureFiles(): string[] {
  return readdirSync(DIR).filter((name) => name.endsWith('.sip') || name.endsWith('.log')).sort();
}

function loadFixture(file: string): Fixture {
  const marked = decoder.decode(readFileSync(join(DIR, file)));
  const { text, span } = stripMarkers(marked, file);
  return { id: file.slice(0, -extname(file).length), file, text, expected: span };
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  for (let i = 1; i < sorted.length; i++) assert.ok((sorted[i]?.span.end ?? 0) <= (sorted[i - 1]?.span.start ?? 0), 'edits overlap');
  return sorted.reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
}

function run(text: string): Finding[] {
  return validate(text, parseDocument(text));
}

const describeFinding = (f: Finding, text: string): string => `${f.severity} ${f.code} ${f.span.start}-${f.span.end} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`;

describe('check fixtures', () => {
  const files = fixtureFiles();

  it('has exactly one fixture for every check id (except parser-error), and none for unknown ids', () => {
    const byId = new Map<string, string[]>();
    for (const file of files) {
      const id = file.slice(0, -extname(file).length);
      byId.set(id, [...(byId.get(id) ?? []), file]);
    }
    for (const check of CHECKS) {
      if (NO_FIXTURE.has(check.id)) continue;
      assert.equal(byId.get(check.id)?.length ?? 0, 1, `test/fixtures/checks/${check.id}.sip or .log`);
    }
    for (const id of byId.keys()) assert.ok(checkById(id) && !NO_FIXTURE.has(id), `fixture for unknown check id "${id}"`);
    for (const id of FIXABLE) assert.ok(checkById(id), `FIXABLE names unknown check id "${id}"`);
  });

  for (const file of files) {
    const { id, text, expected } = loadFixture(file);
    const check = checkById(id);

    it(`${file}: reports ${id} on the marked range, and nothing else at error or warning level`, () => {
      assert.ok(check, `no check with id ${id}`);
      const document = parseDocument(text);
      if (file.endsWith('.sip')) {
        assert.equal(document.format, 'sip', `${file} must read as a message file`);
        assert.doesNotMatch(text, /(?<!\r)\n/, `${file}: SIP messages use CRLF`);
      } else {
        assert.notEqual(document.format, 'sip', `${file} must read as a trace log`);
      }
      const findings = validate(text, document);
      const own = findings.filter((f) => f.code === id);
      assert.deepEqual(
        own.map((f) => describeFinding(f, text)),
        [describeFinding({ code: id, severity: check.defaultSeverity, message: '', span: expected }, text)],
        `${file}: exactly one ${id} finding, on ⟦${text.slice(expected.start, expected.end)}⟧ with severity ${check.defaultSeverity}`,
      );
      const finding = own[0];
      assert.ok(finding);
      assert.ok(finding.message.trim() !== '', 'a finding says what is wrong');
      const others = findings.filter((f) => f.code !== id);
      assert.deepEqual(
        others.filter((f) => severityRank(f.severity) <= severityRank('warning')).map((f) => describeFinding(f, text)),
        [],
        `${file}: no other error or warning`,
      );
      assert.deepEqual(others.map((f) => `${f.severity} ${f.code}`).sort(), [...(ALSO_EXPECTED[id] ?? [])].sort(), `${file}: other findings`);
      assert.equal(finding.fix !== undefined, FIXABLE.has(id), `${file}: ${FIXABLE.has(id) ? 'expected' : 'unexpected'} quick fix`);
    });

    if (FIXABLE.has(id)) {
      it(`${file}: the quick fix for ${id} removes the finding`, () => {
        const fix = run(text).find((f) => f.code === id)?.fix;
        assert.ok(fix, 'a fix');
        assert.ok(fix.title.trim() !== '' && fix.edits.length > 0, 'a titled fix with edits');
        for (const edit of fix.edits) assert.ok(edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length, 'edit inside the text');
        const fixed = applyEdits(text, fix.edits);
        assert.notEqual(fixed, text, 'the fix changes the text');
        const after = run(fixed).filter((f) => f.code === id);
        assert.deepEqual(after.map((f) => describeFinding(f, fixed)), [], `${file}: ${id} after the fix`);
      });
    }
  }
});

/** A SIPp -trace_msg block around one message (CRLF kept, as SIPp writes it). */
function sippBlock(message: string, direction: 'sent' | 'received', trailer = '\n'): string {
  const bytes = Buffer.byteLength(message, 'utf8');
  const announcement = direction === 'sent' ? `UDP message sent (${bytes} bytes):` : `UDP message received [${bytes}] bytes :`;
  return `----------------------------------------------- 2026-11-21 20:53:18.964541\n${announcement}\n\n${message}${trailer}`;
}

const OPTIONS_HEAD = [
  'OPTIONS sip:carol@chicago.example.com SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKhjhs8ass877',
  'Max-Forwards: 70',
  'To: <sip:carol@chicago.example.com>',
  'From: <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@192.0.2.10',
  'CSeq: 63104 OPTIONS',
  'Contact: <sip:alice@192.0.2.10:5060>',
];
const OPTIONS_200 = 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKhjhs8ass877\r\nTo: <sip:carol@chicago.example.com>;tag=93810874\r\nFrom: <sip:alice@atlanta.example.com>;tag=1928301774\r\nCall-ID: a84b4c76e66710@192.0.2.10\r\nCSeq: 63104 OPTIONS\r\nContent-Length: 0\r\n\r\n';
const SDP = 'v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 16200 RTP/AVP 0\r\n';

function optionsWithBody(contentLength: number, body: string, eol = '\r\n'): string {
  return [...OPTIONS_HEAD, 'Content-Type: application/sdp', `Content-Length: ${contentLength}`].join(eol) + eol + eol + body;
}

/** The single finding of `id`, checked against the text it covers. */
function only(text: string, id: string, covers: string): Finding {
  const found = run(text).filter((f) => f.code === id);
  assert.equal(found.length, 1, `one ${id}: ${found.map((f) => describeFinding(f, text)).join('; ')}`);
  const finding = found[0];
  assert.ok(finding);
  assert.equal(text.slice(finding.span.start, finding.span.end), covers);
  return finding;
}

describe('documented milder severities', () => {
  it('missing-blank-line: information in a log, and at the very end of a message file; error when another message cuts the block off', () => {
    const unclosed = [...OPTIONS_HEAD, 'Content-Length: 0'].join('\r\n') + '\r\n';
    const inLog = sippBlock(unclosed, 'sent', '') + sippBlock(OPTIONS_200, 'received');
    const logFinding = only(inLog, 'missing-blank-line', '');
    assert.equal(logFinding.severity, 'information');
    assert.equal(logFinding.span.start, inLog.indexOf('Content-Length: 0') + 'Content-Length: 0'.length);

    const atEnd = unclosed;
    const endFinding = only(atEnd, 'missing-blank-line', '');
    assert.equal(endFinding.severity, 'information');
    assert.match(endFinding.message, /file ends here/);

    const cut = unclosed + OPTIONS_200;
    assert.equal(only(cut, 'missing-blank-line', '').severity, 'error');
  });

  it('content-length-mismatch in a log: information for CRLF shown as LF or a short body, warning with a fix for a longer body', () => {
    const lf = sippBlock(optionsWithBody(Buffer.byteLength(SDP), SDP.replace(/\r\n/g, '\n'), '\n'), 'sent');
    const crlf = only(lf, 'content-length-mismatch', String(Buffer.byteLength(SDP)));
    assert.equal(crlf.severity, 'information');
    assert.match(crlf.message, /CRLF into LF/);
    assert.equal(crlf.fix, undefined);

    const short = sippBlock(optionsWithBody(999, SDP), 'sent');
    const cut = only(short, 'content-length-mismatch', '999');
    assert.equal(cut.severity, 'information');
    assert.equal(cut.fix, undefined);

    const long = sippBlock(optionsWithBody(10, SDP), 'sent');
    const over = only(long, 'content-length-mismatch', '10');
    assert.equal(over.severity, 'warning');
    assert.ok(over.fix);
    const fixed = applyEdits(long, over.fix.edits);
    assert.deepEqual(run(fixed).filter((f) => f.code === 'content-length-mismatch'), []);

    // The same longer body in a message file is an error.
    assert.equal(only(optionsWithBody(10, SDP), 'content-length-mismatch', '10').severity, 'error');
  });

  it('response-header-missing and request-header-missing are warnings in a log', () => {
    const unauthorized = 'SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7\r\nTo: <sip:bob@biloxi.example.com>;tag=2493k59kd\r\nFrom: <sip:bob@biloxi.example.com>;tag=456248\r\nCall-ID: 843817637684230@998sdasdh09\r\nCSeq: 1826 REGISTER\r\nContent-Length: 0\r\n\r\n';
    assert.equal(only(sippBlock(unauthorized, 'received'), 'response-header-missing', 'SIP/2.0 401 Unauthorized').severity, 'warning');
    assert.equal(only(unauthorized, 'response-header-missing', 'SIP/2.0 401 Unauthorized').severity, 'error');

    const refer = 'REFER sip:bob@biloxi.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds9\r\nMax-Forwards: 70\r\nTo: <sip:bob@biloxi.example.com>;tag=a6c85cf\r\nFrom: <sip:alice@atlanta.example.com>;tag=1928301774\r\nCall-ID: a84b4c76e66710@192.0.2.10\r\nCSeq: 314160 REFER\r\nContact: <sip:alice@192.0.2.10>\r\nContent-Length: 0\r\n\r\n';
    assert.equal(only(sippBlock(refer, 'sent'), 'request-header-missing', 'REFER sip:bob@biloxi.example.com SIP/2.0').severity, 'warning');
  });

  it('an RFC 2543-style INVITE without Contact or Max-Forwards is reported as information', () => {
    const invite = 'INVITE sip:bob@biloxi.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=1234\r\nTo: <sip:bob@biloxi.example.com>\r\nFrom: <sip:alice@atlanta.example.com>;tag=2\r\nCall-ID: 2543@192.0.2.10\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
    const findings = run(invite);
    assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`).sort(), ['hint via-branch-cookie', 'information mandatory-header-missing', 'information request-header-missing']);
  });
});
