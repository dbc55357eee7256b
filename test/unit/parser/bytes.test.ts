/**
 * Bodies are framed by Content-Length, in UTF-8 bytes, over text decoded to UTF-16: the byte walk
 * must stop where the bytes run out without splitting a character, and tell how many bytes a line
 * holds when they do not run out in it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { offsetAfterBytesOrHeld, utf8Length } from '../../../server/src/core/parser/lines';

const text = fc.array(fc.constantFrom('a', ' ', '\u00e9', '\u20ac', '\ud83d\ude00', '\ud800', '\udc00', '\ufffd'), { maxLength: 12 }).map((parts) => parts.join(''));

describe('the UTF-8 byte walk', () => {
  it('stops at the last whole character within the count, or says how many bytes the text holds', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (value, bytes) => {
        const held = utf8Length(value, 0, value.length);
        const found = offsetAfterBytesOrHeld(value, 0, value.length, bytes);
        if (held < bytes) {
          assert.equal(found, -1 - held);
          return;
        }
        assert.ok(found >= 0);
        const consumed = utf8Length(value, 0, found);
        assert.ok(consumed <= bytes, `${consumed} > ${bytes}`);
        // Either the count is used up, or the next character would not fit in what is left.
        if (consumed < bytes) assert.ok(utf8Length(value, 0, found + ((value.codePointAt(found) ?? 0) > 0xffff ? 2 : 1)) > bytes);
      }),
      { numRuns: 3000 },
    );
  });
});
