/**
 * Properties of the validator on any input: it never throws, no single check throws (the runner
 * would hide that, so every check is also run on its own here), and every finding's range and every
 * quick-fix edit stays inside the text. Inputs: random strings, binary strings, and the check
 * fixtures and generated messages with SIP-shaped mutations.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { Span } from '../../../server/src/core/parser/model';
import { CHECKS, validate, type Finding } from '../../../server/src/core/features/validate';
import { FIXTURES } from '../../support/paths';

function inside(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${span.start}-${span.end} of ${text.length}`);
}

function checkFinding(text: string, finding: Finding): void {
  inside(text, finding.span, finding.code);
  assert.ok(finding.message !== '', `${finding.code}: a message`);
  for (const edit of finding.fix?.edits ?? []) inside(text, edit.span, `${finding.code} fix`);
}

/** Runs every check on its own (a throw surfaces here), then the whole validator with and without options. */
function exercise(text: string): void {
  const document = parseDocument(text);
  const inLog = document.format !== 'sip';
  for (const check of CHECKS) {
    const report = (span: Span): void => inside(text, span, check.id);
    if (check.scope === 'trace') check.run({ text, document, inLog }, report);
    else for (const message of document.messages) check.run({ text, document, message, inLog }, report);
  }
  const findings = validate(text, document);
  for (const finding of findings) checkFinding(text, finding);
  for (let i = 1; i < findings.length; i++) assert.ok((findings[i - 1]?.span.start ?? 0) <= (findings[i]?.span.start ?? 0), 'sorted');
  for (const finding of validate(text, document, { maxPerCheck: 1, levels: { 'option-tag-unknown': 'off', 'reason-phrase-empty': 'error' } })) checkFinding(text, finding);
}

const decoder = new TextDecoder('utf-8');
const SEEDS: readonly string[] = readdirSync(join(FIXTURES, 'checks'))
  .filter((name) => name.endsWith('.sip') || name.endsWith('.log'))
  .sort()
  .map((name) => decoder.decode(readFileSync(join(FIXTURES, 'checks', name))).replace(/[\u27e6\u27e7]/g, ''));

const headerName = fc.constantFrom('Via', 'v', 'To', 't', 'From', 'f', 'Call-ID', 'i', 'CSeq', 'Contact', 'm', 'Max-Forwards', 'Content-Length', 'l', 'Content-Type', 'Require', 'Proxy-Require', 'Expires', 'Retry-After', 'Warning', 'Date', 'Route', 'Record-Route', 'Reply-To', 'P-Asserted-Identity', 'X-Custom', 'Bad Name', '');
const headerValue = fc.oneof(
  fc.constantFrom(
    'SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc;rport',
    'SIP/2.0/UDP [2001:db8::1]:5060;;branch=z9hG4bK',
    '"Bob" <sip:bob@example.com>;tag=1',
    '"Mr. J. User <sip:j.user@example.com>',
    'Bell, Alexander <sip:a.g.bell@example.com>',
    '< sip:bob@example.com >',
    'sip:user@example.com?Route=%3Csip:sip.example.com%3E',
    '1 INVITE',
    '2147483648 REGISTER',
    'INVITE',
    '70',
    '300',
    '-999',
    '10000000000000000000000000000000',
    '1812 overture "In Progress", 399 x "a, b"',
    'Fri, 01 Jan 2010 16:00:00 EST',
    'nothingSupportsThis, 100rel',
    '*',
    '',
  ),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const startLine = fc.oneof(
  fc.constantFrom(
    'INVITE sip:bob@example.com SIP/2.0',
    'INVITE  <sip:bob@example.com>  SIP/2.0  ',
    'REGISTER sip:2001:db8::10 SIP/2.0',
    'OPTIONS sip:bob@example.com?Subject=x SIP/7.0',
    'options sip:bob@example.com',
    'ACK sip:bob@example.com SIP/2.0',
    'SIP/2.0 200 OK',
    'SIP/2.0  486 Busy Here',
    'SIP/2.0 4294967301 better not break the receiver',
    'SIP/2.0 500 Service Unavailable',
    'SIP/2.0 180 ',
    'SIP/2.0 401 Unauthorized',
    'SIP/2.0 499',
  ),
  fc.tuple(fc.constantFrom('OPTIONS', 'FOO', 'SIP/2.0'), fc.string({ maxLength: 20 })).map(([m, rest]) => `${m} ${rest.replace(/[\r\n]/g, '')}`),
);
const message = fc
  .record({
    start: startLine,
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 10 }),
    body: fc.string({ maxLength: 60 }),
    eol: fc.constantFrom('\r\n', '\n'),
  })
  .map(({ start, headers, body, eol }) => [start, ...headers.map(([n, v]) => `${n}: ${v}`)].join(eol) + eol + eol + body);

/** Text that breaks SIP in interesting ways when spliced in. */
const splice = fc.oneof(
  fc.constantFrom('\r\n', '\n', '\r', ' ', '\t', ':', ';', ',', '"', '\\', '<', '>', '[', ']', '?', '=', '\u0000', '\ufffd', 'SIP/2.0 ', 'SIP/2.0 200 OK\r\n', 'INVITE sip:a@b SIP/2.0\r\n', '\r\n\r\n', 'Content-Length: 99999\r\n', '-'.repeat(47) + ' 2026-11-21 20:53:18.964541\nUDP message sent (10 bytes):\n\n', '\ud83d\udcde', '\ud800'),
  fc.string({ maxLength: 5 }),
);

const mutated = fc
  .tuple(fc.oneof(fc.constantFrom(...SEEDS), fc.array(message, { minLength: 1, maxLength: 3 }).map((m) => m.join(''))), fc.array(fc.tuple(fc.nat(), fc.nat(8), splice), { minLength: 1, maxLength: 8 }))
  .map(([seed, edits]) => {
    let text = seed;
    for (const [position, length, insert] of edits) {
      const at = position % (text.length + 1);
      text = text.slice(0, at) + insert + text.slice(at + length);
    }
    return text;
  });

describe('validate properties', () => {
  it('holds on the unmutated fixtures', () => {
    assert.ok(SEEDS.length > 40);
    for (const seed of SEEDS) exercise(seed);
  });

  it('never throws and keeps ranges inside the text, on arbitrary and binary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => void exercise(text)), { numRuns: 200 });
    // Binary input as the CLI sees it (bytes decoded as UTF-8 with replacement), and raw UTF-16 units
    // with lone surrogates. (fc.string's binary unit spends seconds building a code-point table.)
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => void exercise(decoder.decode(bytes))), { numRuns: 200 });
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }), (units) => void exercise(String.fromCharCode(...units))), { numRuns: 150 });
  });

  it('never throws and keeps ranges inside the text, on generated and mutated messages and logs', () => {
    fc.assert(fc.property(fc.array(message, { minLength: 1, maxLength: 4 }).map((m) => m.join('')), (text) => void exercise(text)), { numRuns: 150 });
    fc.assert(fc.property(mutated, (text) => void exercise(text)), { numRuns: 400 });
  });
});
