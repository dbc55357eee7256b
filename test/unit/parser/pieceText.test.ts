/** A text kept in pieces reads as the string the same edits make: length, slices, characters, the whole. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '../../../server/src/core/parser/pieceText';

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 30 }), text: fc.oneof(fc.constant(''), fc.string({ maxLength: 5 }), fc.string({ minLength: 200, maxLength: 400 })) });

describe('piece text', () => {
  it('reads as the edited string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(edit, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(800), fc.nat(800)), { maxLength: 8 }), (initial, edits, ranges) => {
        let text = initial;
        let pieces = PieceText.of(initial);
        for (const e of edits) {
          const start = Math.floor(e.at * (text.length + 1));
          const end = Math.min(text.length, start + e.remove);
          text = text.slice(0, start) + e.text + text.slice(end);
          pieces = pieces.edit(start, end, e.text);
          assert.equal(pieces.length, text.length);
          for (const [a, b] of ranges) assert.equal(pieces.slice(Math.min(a, b), Math.max(a, b)), text.slice(Math.min(a, b), Math.max(a, b)));
          for (const at of [-1, 0, start - 1, start, text.length - 1, text.length]) assert.ok(Object.is(pieces.charCodeAt(at), text.charCodeAt(at)), `charCodeAt(${at})`);
        }
        assert.equal(pieces.toString(), text);
        assert.equal(pieces.pieceCount, 1);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('stays a few pieces while typing, and joins them past its limit', () => {
    let text = PieceText.of('x'.repeat(10_000));
    for (let i = 0; i < 20; i++) text = text.edit(5000 + i, 5000 + i, 'a');
    assert.equal(text.pieceCount, 3, 'a typed word is one piece between the two halves');
    let expected = text.toString();
    for (let i = 0; i < 1500; i++) {
      text = text.edit(i * 20, i * 20, 'b'.repeat(300));
      expected = expected.slice(0, i * 20) + 'b'.repeat(300) + expected.slice(i * 20);
    }
    assert.ok(text.pieceCount <= 2048 && text.pieceCount < 2 * 1500, `${text.pieceCount} pieces: joined on the way`);
    assert.equal(text.toString(), expected);
  });
});
