/**
 * The server's analysis cache follows incremental changes: the document manager's update hook tells
 * it each change's range, and the parse and findings of the next version equal a fresh parse and a
 * fresh validation of the same text, whether requests come after every change or after several.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisCache } from '../../../server/src/lsp/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validate } from '../../../server/src/core/features/validate';
import { isView } from '../../../server/src/core/parser/shifted';
import { warmIndex } from '../../../server/src/core/features/documentIndex';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import { FIXTURES } from '../../support/paths';

const TRACE = readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-500-mismatched-reason_messages.log'), 'utf8');

function spans(text: string): unknown {
  return parseDocument(text).messages.map((m) => [m.span.start, m.span.end, m.headers.map((h) => [h.name, h.value, h.span.start])]);
}

describe('analysis cache with incremental changes', () => {
  for (const requestsBetween of [true, false]) {
    it(`re-parses edits as a fresh parse would (${requestsBetween ? 'a request after every change' : 'one request after several'})`, () => {
      const cache = new AnalysisCache();
      const config = cache.documents();
      const document = config.create('file:///t.log', 'sip-log', 1, TRACE);
      const settings = DEFAULT_SETTINGS;
      assert.deepStrictEqual(cache.findings(document, settings, 1), validate(TRACE, parseDocument(TRACE), { levels: settings.checks, maxPerCheck: settings.maxPerCheck }));
      const at = TRACE.indexOf('Call-ID:');
      const edits = [
        { range: { start: document.positionAt(at), end: document.positionAt(at + 8) }, text: 'Call-Id :' },
        { range: { start: document.positionAt(0), end: document.positionAt(0) }, text: 'SIP/2.0 180 Ringing\r\n\r\n' },
        { range: { start: document.positionAt(TRACE.length), end: document.positionAt(TRACE.length) }, text: '\nBYE sip:x@y SIP/2.0\nCall-ID: 1\n' },
      ];
      let version = 1;
      for (const edit of edits) {
        config.update(document, [edit], ++version);
        if (!requestsBetween) continue;
        const text = document.getText();
        const analysis = cache.get(document);
        assert.equal(analysis.text, text);
        assert.deepStrictEqual(analysis.document.messages.map((m) => [m.span.start, m.span.end, m.headers.map((h) => [h.name, h.value, h.span.start])]), spans(text));
        assert.deepStrictEqual(cache.findings(document, settings, 1), validate(text, parseDocument(text), { levels: settings.checks, maxPerCheck: settings.maxPerCheck }));
      }
      const text = document.getText();
      assert.notEqual(text, TRACE);
      assert.deepStrictEqual(cache.findings(document, settings, 1), validate(text, parseDocument(text), { levels: settings.checks, maxPerCheck: settings.maxPerCheck }));
      assert.deepStrictEqual(cache.get(document).document.messages.map((m) => [m.span.start, m.span.end, m.headers.map((h) => [h.name, h.value, h.span.start])]), spans(text));
    });
  }

  it('readies a long trace for keystrokes and indexes it once its findings are out, and edits it as a fresh parse would after that', () => {
    const cache = new AnalysisCache();
    const config = cache.documents();
    const long = Array.from({ length: 2100 }, (_, i) => `OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK${i}\r\nCall-ID: c${i}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`).join('');
    const document = config.create('file:///long.sip', 'sip', 1, long);
    const short = config.create('file:///short.log', 'sip-log', 1, TRACE);
    const settings = DEFAULT_SETTINGS;
    cache.findings(document, settings, 1);
    cache.findings(short, settings, 1);
    assert.ok(!cache.get(document).document.messages.some(isView), 'a fresh parse holds no views');
        cache.prepareWhileIdle('file:///long.sip');
    cache.prepareWhileIdle('file:///short.log');
    assert.equal(warmIndex(long, cache.get(document).document), false, 'the long trace just opened was indexed while idle');
    assert.equal(warmIndex(TRACE, cache.get(short).document), true, 'a short document is indexed only when asked');
    assert.ok(cache.get(document).document.messages.every(isView), 'every message of the long trace is a view now');
    assert.ok(!cache.get(short).document.messages.some(isView), 'a short document is left as it is');
    assert.deepStrictEqual(cache.get(document).document.messages.map((m) => [m.span.start, m.span.end]), parseDocument(long).messages.map((m) => [m.span.start, m.span.end]));
    const at = long.indexOf('Call-ID: c7') + 'Call-ID: c'.length;
    config.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: '9' }], 2);
    const text = document.getText();
    assert.deepStrictEqual(cache.findings(document, settings, 1), validate(text, parseDocument(text), { levels: settings.checks, maxPerCheck: settings.maxPerCheck }));
    assert.deepStrictEqual(cache.get(document).document.messages.map((m) => [m.span.start, m.span.end]), parseDocument(text).messages.map((m) => [m.span.start, m.span.end]));
    // The index made while idle is carried to the edited version: its outline is a fresh parse's.
    assert.deepStrictEqual(documentSymbols(text, cache.get(document).document, 100_000), documentSymbols(text, parseDocument(text), 100_000));
  });
});
