/**
 * The line table of a whole text is built in one pass into typed arrays sized from the first
 * megabyte's density: it must equal the plain scan on any text, including texts that get denser
 * after the sample (the arrays grow) or sparser (they are trimmed).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emptyLineTable, scanLines, type MutableLineTable } from '../../../server/src/core/parser/lines';

const plain = (table: MutableLineTable): number[][] => [[...table.starts], [...table.ends], [...table.breaks], [...table.breakBytes]];

function same(text: string, from = 0, to = text.length): void {
  assert.deepEqual(plain(scanLines(text, from, to)), plain(scanLines(text, from, to, emptyLineTable())));
}

describe('the typed line scan', () => {
  it('equals the plain scan on any text', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', ' '), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (value, a, b) => {
        const from = value.length === 0 ? 0 : a % value.length;
        same(value, from, from + (value.length === 0 ? 0 : b % (value.length - from + 1)));
      }),
      { numRuns: 3000 },
    );
  });

  it('grows past its estimate when lines get shorter after the first megabyte, and trims when they get longer', () => {
    const megabyte = 1 << 20;
    same(`${'x'.repeat(megabyte)}\n${'ab\r\n'.repeat(50_000)}`);
    same(`${'a\n'.repeat(megabyte / 2)}${'y'.repeat(3 * megabyte)}\nend`);
    const sparse = scanLines(`${'a\n'.repeat(megabyte / 2)}${'y'.repeat(3 * megabyte)}\nend`);
    // Trimmed to size: the views do not keep arrays sized for the dense first megabyte alive.
    assert.ok((sparse.starts as unknown as Int32Array).buffer.byteLength <= 4 * (sparse.starts.length + 64) * 1.1);
  });
});
