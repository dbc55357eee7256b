/**
 * What the caller controls: per-check levels (off, or a severity that beats the check's own, even
 * its milder-in-logs one), the per-check cap with its one summary finding, and the order findings
 * come back in.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parser/document';
import { CHECKS, severityRank, validate, type Finding, type ValidateOptions } from '../../../server/src/core/features/validate';

function run(text: string, options?: ValidateOptions): Finding[] {
  return validate(text, parseDocument(text), options);
}

const summary = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.severity} ${f.code} ${f.span.start}-${f.span.end}`);

/** An OPTIONS whose header lines are given; Content-Length is added. */
function options(headers: readonly string[], startLine = 'OPTIONS sip:carol@chicago.example.com SIP/2.0'): string {
  return [startLine, ...headers, 'Content-Length: 0'].join('\r\n') + '\r\n\r\n';
}

const HEADERS = [
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKhjhs8ass877',
  'Max-Forwards: 70',
  'To: <sip:carol@chicago.example.com>',
  'From: <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@192.0.2.10',
  'CSeq: 63104 OPTIONS',
];

/** A SIPp -trace_msg block around one message. */
function sippBlock(message: string, direction: 'sent' | 'received', trailer = '\n'): string {
  const announcement = direction === 'sent' ? `UDP message sent (${message.length} bytes):` : `UDP message received [${message.length}] bytes :`;
  return `----------------------------------------------- 2026-11-21 20:53:18.964541\n${announcement}\n\n${message}${trailer}`;
}

/** Several findings of a few checks: a CSeq mismatch (error), Max-Forwards 0 (hint), five unknown option tags (information). */
const BUSY = options([...HEADERS.slice(0, 5), 'CSeq: 63104 INVITE', 'Require: tag-one, tag-two, tag-three, tag-four, tag-five'].map((h) => h.replace('Max-Forwards: 70', 'Max-Forwards: 0')));

describe('validate options: levels', () => {
  it('turns a check off without touching the others', () => {
    const all = run(BUSY);
    assert.ok(all.some((f) => f.code === 'cseq-method-mismatch'));
    const without = run(BUSY, { levels: { 'cseq-method-mismatch': 'off' } });
    assert.deepEqual(summary(without), summary(all.filter((f) => f.code !== 'cseq-method-mismatch')));
  });

  it('changes a check severity up or down, for every finding of that check', () => {
    const all = run(BUSY);
    const changed = run(BUSY, { levels: { 'cseq-method-mismatch': 'hint', 'option-tag-unknown': 'error', 'max-forwards-zero': 'warning' } });
    assert.equal(changed.length, all.length);
    const severities = (code: string): string[] => changed.filter((f) => f.code === code).map((f) => f.severity);
    assert.deepEqual(severities('cseq-method-mismatch'), ['hint']);
    assert.deepEqual(severities('option-tag-unknown'), ['error', 'error', 'error', 'error', 'error']);
    assert.deepEqual(severities('max-forwards-zero'), ['warning']);
  });

  it('ignores levels for ids that are not checks', () => {
    assert.deepEqual(summary(run(BUSY, { levels: { 'no-such-check': 'off' } })), summary(run(BUSY)));
  });

  it('lets a configured level beat the milder in-log severity, even when it equals the default', () => {
    const unclosed = [...options(HEADERS).split('\r\n').slice(0, -2)].join('\r\n') + '\r\n';
    const ok = 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKhjhs8ass877\r\nTo: <sip:carol@chicago.example.com>;tag=93810874\r\nFrom: <sip:alice@atlanta.example.com>;tag=1928301774\r\nCall-ID: a84b4c76e66710@192.0.2.10\r\nCSeq: 63104 OPTIONS\r\nContent-Length: 0\r\n\r\n';
    const log = sippBlock(unclosed, 'sent', '') + sippBlock(ok, 'received');
    const level = (findings: Finding[], code: string): string[] => findings.filter((f) => f.code === code).map((f) => f.severity);
    assert.deepEqual(level(run(log), 'missing-blank-line'), ['information'], 'milder in a log by default');
    assert.deepEqual(level(run(log, { levels: { 'missing-blank-line': 'error' } }), 'missing-blank-line'), ['error']);
    assert.deepEqual(level(run(log, { levels: { 'missing-blank-line': 'warning' } }), 'missing-blank-line'), ['warning']);

    const unauthorized = sippBlock('SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7\r\nTo: <sip:bob@biloxi.example.com>;tag=2493k59kd\r\nFrom: <sip:bob@biloxi.example.com>;tag=456248\r\nCall-ID: 843817637684230@998sdasdh09\r\nCSeq: 1826 REGISTER\r\nContent-Length: 0\r\n\r\n', 'received');
    assert.deepEqual(level(run(unauthorized), 'response-header-missing'), ['warning'], 'milder in a log by default');
    assert.deepEqual(level(run(unauthorized, { levels: { 'response-header-missing': 'error' } }), 'response-header-missing'), ['error']);
    assert.deepEqual(level(run(unauthorized, { levels: { 'response-header-missing': 'off' } }), 'response-header-missing'), []);
  });
});

describe('validate options: maxPerCheck', () => {
  const isCapSummary = (f: Finding): boolean => /more ".+" findings in this document are not shown/.test(f.message);

  it('caps the findings of each check and adds exactly one summary saying how many were suppressed', () => {
    const all = run(BUSY).filter((f) => f.code === 'option-tag-unknown');
    assert.equal(all.length, 5);
    const capped = run(BUSY, { maxPerCheck: 2 });
    const tags = capped.filter((f) => f.code === 'option-tag-unknown');
    const summaries = tags.filter(isCapSummary);
    assert.equal(summaries.length, 1);
    assert.equal(tags.length, 3, 'two findings and the summary');
    assert.deepEqual(summary(tags.filter((f) => !isCapSummary(f))), summary(all.slice(0, 2)));
    const note = summaries[0];
    assert.ok(note);
    assert.match(note.message, /^3 more "option-tag-unknown" findings/);
    assert.match(note.message, /limit 2 per check/);
    assert.equal(note.severity, 'information');
    assert.deepEqual(note.span, all[2]?.span, 'the summary sits on the first finding it hides');
    // Checks under the cap are untouched and get no summary.
    assert.deepEqual(summary(capped.filter((f) => f.code !== 'option-tag-unknown')), summary(run(BUSY).filter((f) => f.code !== 'option-tag-unknown')));
    assert.equal(capped.filter(isCapSummary).length, 1);
  });

  it('adds no summary when a check stays within the cap', () => {
    const capped = run(BUSY, { maxPerCheck: 5 });
    assert.deepEqual(capped.filter(isCapSummary), []);
    assert.deepEqual(summary(capped), summary(run(BUSY)));
  });

  it('counts per document, across messages, and summarises each capped check separately', () => {
    const one = options([...HEADERS, 'Require: tag-one, tag-two', 'Date: Sat, 13 Nov 2010 23:29:00 EST']);
    const text = one + one.replace('63104', '63105').replace('z9hG4bKhjhs8ass877', 'z9hG4bKhjhs8ass878') + one.replace('63104', '63106').replace('z9hG4bKhjhs8ass877', 'z9hG4bKhjhs8ass879');
    assert.equal(parseDocument(text).messages.length, 3);
    const capped = run(text, { maxPerCheck: 1 });
    const tags = capped.filter((f) => f.code === 'option-tag-unknown');
    const dates = capped.filter((f) => f.code === 'date-not-gmt');
    assert.equal(tags.length, 2);
    assert.match(tags.find(isCapSummary)?.message ?? '', /^5 more "option-tag-unknown"/);
    assert.equal(dates.length, 2);
    assert.match(dates.find(isCapSummary)?.message ?? '', /^2 more "date-not-gmt"/);
    assert.equal(capped.filter(isCapSummary).length, 2);
  });

  it('with a cap of 0 leaves only the summary', () => {
    const capped = run(BUSY, { maxPerCheck: 0 }).filter((f) => f.code === 'option-tag-unknown');
    assert.equal(capped.length, 1);
    assert.match(capped[0]?.message ?? '', /^5 more "option-tag-unknown"/);
  });
});

describe('validate: order', () => {
  const assertSorted = (findings: readonly Finding[]): void => {
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1];
      const b = findings[i];
      assert.ok(a && b);
      assert.ok(a.span.start < b.span.start || (a.span.start === b.span.start && severityRank(a.severity) <= severityRank(b.severity)), `${summary([a])} before ${summary([b])}`);
    }
  };

  it('sorts findings by position, not by check', () => {
    // header-without-colon runs first (it is first in CHECKS) but sits on a later line than the Request-Line spacing.
    const text = options([...HEADERS, 'Foobar roobar'], 'OPTIONS  sip:carol@chicago.example.com SIP/2.0');
    const order = CHECKS.map((c) => c.id);
    assert.ok(order.indexOf('header-without-colon') < order.indexOf('request-line-spacing'));
    const findings = run(text);
    assert.deepEqual(findings.map((f) => f.code), ['request-line-spacing', 'header-without-colon']);
    assertSorted(findings);
  });

  it('puts the more severe finding first where two start at the same place', () => {
    // method-unknown (information) is earlier in CHECKS than mandatory-header-missing (error); both start at 0.
    const text = options(HEADERS.filter((h) => !h.startsWith('Call-ID')).map((h) => h.replace('OPTIONS', 'options')), 'options sip:carol@chicago.example.com SIP/2.0');
    const findings = run(text);
    assert.deepEqual(findings.map((f) => `${f.severity} ${f.code} ${f.span.start}`), ['error mandatory-header-missing 0', 'information method-unknown 0']);
  });

  it('keeps the order with caps and levels applied', () => {
    assertSorted(run(BUSY));
    assertSorted(run(BUSY, { maxPerCheck: 1 }));
    assertSorted(run(BUSY, { levels: { 'option-tag-unknown': 'error', 'cseq-method-mismatch': 'hint' } }));
  });
});
