/**
 * The document index can take the Call-IDs validation already read (primeCallIds), and the outline
 * then groups calls by number. Whatever way the index was built, from scratch, primed, or carried
 * over a re-parse, its calls and the outline must be those of a plain index of a fresh parse.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { SipDocument } from '../../../server/src/core/parser/model';
import { reparseWithChange, type TextChange } from '../../../server/src/core/parser/reparse';
import { callIdNumbers, revalidate, validateAll, type Validation } from '../../../server/src/core/features/validate/incremental';
import { followReparse, indexOf, primeCallIds } from '../../../server/src/core/features/documentIndex';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import { AnalysisCache } from '../../../server/src/lsp/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { FIXTURES } from '../../support/paths';

const trace = (name: string): string => readFileSync(join(FIXTURES, 'traces', name), 'utf8');

const message = (...lines: string[]): string => [...lines, 'Content-Length: 0', '', ''].join('\r\n');

/** Calls whose messages lack a CSeq here and there (validation gives those no number), interleaved. */
const MIXED = [
  message('INVITE sip:b@x SIP/2.0', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID: one', 'CSeq: 1 INVITE'),
  message('OPTIONS sip:b@x SIP/2.0', 'Via: SIP/2.0/UDP h;branch=z9hG4bK2', 'Call-ID: two'),
  message('SIP/2.0 100 Trying', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID: one'),
  message('SIP/2.0 200 OK', 'Via: SIP/2.0/UDP h;branch=z9hG4bK2', 'Call-ID: two', 'CSeq: 9 OPTIONS'),
  message('SIP/2.0 200 OK', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID: one', 'CSeq: 1 INVITE'),
  message('MESSAGE sip:b@x SIP/2.0', 'CSeq: 3 MESSAGE'),
  message('BYE sip:b@x SIP/2.0', 'Via: SIP/2.0/UDP h;branch=z9hG4bK3', 'Call-ID: two', 'CSeq: 10 BYE'),
].join('');

const TRACES = [
  { name: 'mixed', text: MIXED },
  { name: 'sipp', text: trace('sipp/uac-500-mismatched-reason_messages.log') },
  { name: 'sipp joined with mixed', text: `${trace('sipp/uac-invite-call_messages.log')}\n${MIXED}` },
];

/** What the outline and the other features read of the index. */
function grouping(text: string, document: SipDocument): unknown {
  const index = indexOf(text, document);
  return { callIds: index.callIds, calls: [...index.calls], transactions: index.transactions.length, dialogs: index.dialogs.length };
}

/** The index and outline of a fresh, unprimed parse of `text`. */
function plain(text: string): { grouping: unknown; symbols: unknown; capped: unknown } {
  const document = parseDocument(text);
  return { grouping: grouping(text, document), symbols: documentSymbols(text, document), capped: documentSymbols(text, parseDocument(text), 4) };
}

function primed(text: string, document: SipDocument, validation: Validation): { grouping: unknown; symbols: unknown; capped: unknown } {
  primeCallIds(document, () => callIdNumbers(validation));
  return { grouping: grouping(text, document), symbols: documentSymbols(text, document), capped: documentSymbols(text, reprimed(text, validation), 4) };
}

/** Another parse of the same text primed from the same validation, for an outline under another limit. */
function reprimed(text: string, validation: Validation): SipDocument {
  const document = parseDocument(text);
  primeCallIds(document, () => callIdNumbers(validation));
  return document;
}

describe('document index primed with the Call-IDs validation read', () => {
  for (const { name, text } of TRACES) {
    it(`gives the calls and outline of a plain index: ${name}`, () => {
      const document = parseDocument(text);
      const validation = validateAll(text, document);
      const numbers = callIdNumbers(validation);
      // The fallback must be exercised: some messages have a Call-ID validation gave no number.
      if (name !== 'sipp') assert.ok(document.messages.some((m, i) => numbers.numbers[i * numbers.stride] === -1 && m.headers.some((h) => h.key === 'call-id')));
      assert.ok(numbers.numbers.some((n, i) => i % numbers.stride === 0 && n >= 0));
      assert.deepStrictEqual(primed(text, document, validation), plain(text));
    });
  }

  it('ignores what it was told when that does not fit the document', () => {
    const document = parseDocument(MIXED);
    primeCallIds(document, () => ({ numbers: new Int32Array(1), stride: 1, count: 1 }));
    assert.deepStrictEqual(grouping(MIXED, document), plain(MIXED).grouping);
  });

  it('is not asked when the index was built already', () => {
    const document = parseDocument(MIXED);
    const built = indexOf(MIXED, document);
    primeCallIds(document, () => assert.fail('asked after the index was built'));
    assert.equal(indexOf(MIXED, document), built);
  });

  it('gives the plain calls and outline after edits, primed again or carried over the re-parse', () => {
    const original = TRACES[2]?.text ?? '';
    const lines = original.split('\n');
    const inserted = fc.constantFrom('Call-ID: one\r\n', 'Call-ID: new\r\n', 'CSeq: 4 INFO\r\n', 'x', '\r\n', '', ...lines.slice(0, 40).map((line) => `${line}\n`));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), lineStart: fc.boolean(), remove: fc.integer({ min: 0, max: 40 }), text: inserted });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, buildBetween) => {
        let text = original;
        let document = parseDocument(text);
        let validation = validateAll(text, document);
        primeCallIds(document, () => callIdNumbers(validation));
        if (buildBetween) indexOf(text, document);
        for (const e of edits) {
          let start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
          if (e.lineStart) start = text.lastIndexOf('\n', start - 1) + 1;
          const change: TextChange = { start, end: Math.min(text.length, start + e.remove), text: e.text };
          const next = text.slice(0, change.start) + change.text + text.slice(change.end);
          const result = reparseWithChange(document, text, [change], next);
          followReparse(document, result.document, result.change);
          text = next;
          document = result.document;
          validation = revalidate(validation, text, document, result.change, {}, { previousDiscarded: true });
          const current = validation;
          primeCallIds(document, () => callIdNumbers(current));
          if (buildBetween) assert.deepStrictEqual({ grouping: grouping(text, document), symbols: documentSymbols(text, document) }, { grouping: plain(text).grouping, symbols: plain(text).symbols });
        }
        assert.deepStrictEqual(primed(text, document, validation), plain(text));
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('gives the server the plain outline while it edits a trace', () => {
    const cache = new AnalysisCache();
    const config = cache.documents();
    const text = TRACES[2]?.text ?? '';
    const document = config.create('file:///primed.log', 'sip-log', 1, text);
    cache.findings(document, DEFAULT_SETTINGS, 1);
    const outline = (): unknown => {
      const analysis = cache.get(document);
      return documentSymbols(analysis.text, analysis.document);
    };
    assert.deepStrictEqual(outline(), plain(text).symbols);
    const at = text.indexOf('Call-ID: one');
    config.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 12) }, text: 'Call-ID: two' }], 2);
    cache.findings(document, DEFAULT_SETTINGS, 1);
    assert.deepStrictEqual(outline(), plain(document.getText()).symbols);
  });
});
