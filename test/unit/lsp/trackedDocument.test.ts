/**
 * The server's document (text in pieces, line starts in a typed array) answers as
 * vscode-languageserver-textdocument's TextDocument does, edit after edit: text, lines, positions
 * and offsets, with CR, LF and CR LF line breaks created, split and joined by the edits.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TrackedDocument } from '../../../server/src/lsp/trackedDocument';

const pieces = fc.oneof(fc.constantFrom('', 'a', 'xyz', 'é😀', ' '), fc.constantFrom('\r', '\n', '\r\n', '\n\n', 'Call-ID: 1\r\n'));
const insertedText = fc.array(pieces, { maxLength: 4 }).map((parts) => parts.join(''));
/** A position on one of the document's lines (editors send no others), its character possibly past the line's end. */
const position = fc.record({ line: fc.double({ min: 0, max: 0.999, noNaN: true }), character: fc.integer({ min: 0, max: 20 }) });
const on = (document: TextDocument, at: { line: number; character: number }): { line: number; character: number } => ({ line: Math.floor(at.line * document.lineCount), character: at.character });

function same(expected: TextDocument, actual: TrackedDocument): void {
  const text = expected.getText();
  assert.equal(actual.getText(), text);
  assert.equal(actual.lineCount, expected.lineCount);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepStrictEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt(${offset})`);
  // Backwards and jumping about as well: each search starts from the line the one before found.
  for (let offset = text.length + 1; offset >= -1; offset--) assert.deepStrictEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt(${offset}) backwards`);
  for (let k = 0; k <= text.length; k++) {
    const offset = (k * 7919) % (text.length + 1);
    assert.deepStrictEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt(${offset}) out of order`);
  }
  for (let line = -1; line <= expected.lineCount; line++) {
    for (let character = -1; character <= 14; character++) assert.equal(actual.offsetAt({ line, character }), expected.offsetAt({ line, character }), `offsetAt(${line}, ${character})`);
    assert.deepStrictEqual(actual.getLineRange(line), expected.getLineRange(line));
    assert.equal(actual.getEOLCharacters(line), expected.getEOLCharacters(line));
  }
}

describe('tracked document', () => {
  it('follows incremental and full changes as TextDocument does', () => {
    fc.assert(
      fc.property(insertedText, fc.array(fc.record({ start: position, end: position, text: insertedText, full: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { minLength: 1, maxLength: 45 }), (initial, edits) => {
        const expected = TextDocument.create('file:///a', 'sip', 1, initial);
        // Also with line moves applied every few edits rather than rarely.
        const actuals = [new TrackedDocument('file:///a', 'sip', 1, initial), new TrackedDocument('file:///a', 'sip', 1, initial, { maxPendingMoves: 3 })];
        for (const actual of actuals) same(expected, actual);
        let version = 1;
        for (const edit of edits) {
          const change = edit.full ? { text: edit.text } : { range: { start: on(expected, edit.start), end: on(expected, edit.end) }, text: edit.text };
          TextDocument.update(expected, [change], ++version);
          for (const actual of actuals) {
            actual.update([change], version);
            assert.equal(actual.version, version);
            same(expected, actual);
          }
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('answers as TextDocument through a long run of typing within lines', () => {
    const initial = Array.from({ length: 40 }, (_, i) => `Header-${i}: value ${i}`).join('\r\n');
    const expected = TextDocument.create('file:///a', 'sip', 1, initial);
    const actual = new TrackedDocument('file:///a', 'sip', 1, initial, { maxPendingMoves: 32 });
    for (let i = 0; i < 150; i++) {
      const line = (i * 7) % 40;
      // Mostly typing within lines, with now and then a line split or two lines joined.
      const change =
        i % 13 === 6
          ? { range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: '\r\n' }
          : i % 17 === 8
            ? { range: { start: { line, character: 1000 }, end: { line: line + 1, character: 0 } }, text: '' }
            : i % 5 === 4
              ? { range: { start: { line, character: 2 }, end: { line, character: 4 } }, text: '' }
              : { range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: 'ab' };
      TextDocument.update(expected, [change], i + 2);
      actual.update([change], i + 2);
      if (i % 10 === 0) same(expected, actual);
    }
    same(expected, actual);
  });

  it('keeps earlier versions of its text when it changes', () => {
    const document = new TrackedDocument('file:///a', 'sip', 1, 'INVITE sip:a@b SIP/2.0\r\nCall-ID: 1\r\n\r\n');
    const first = document.source;
    document.update([{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }, text: 'abc' }], 2);
    assert.equal(first.toString(), 'INVITE sip:a@b SIP/2.0\r\nCall-ID: 1\r\n\r\n');
    assert.equal(document.source.toString(), 'INVITE sip:a@b SIP/2.0\r\nCall-ID: abc\r\n\r\n');
  });
});
