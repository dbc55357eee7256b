/**
 * The moves that views of one list of messages share (core/util/shiftTable.ts): "every message from
 * index i on moved by d" recorded in a Fenwick tree must read back, at every index, as the sum a
 * plain array would hold; and a view attached to a table takes the moves recorded after it joined,
 * with its parts rebuilt at the new offsets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import { sharingMoves, shiftMessage } from '../../../server/src/core/parser/shifted';
import { ShiftTable } from '../../../server/src/core/util/shiftTable';

describe('the shared shift table', () => {
  it('reads back the sum of the moves recorded at or before each index, as a plain array would', () => {
    const move = fc.record({ from: fc.integer({ min: -2, max: 40 }), delta: fc.integer({ min: -1000, max: 1000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 37 }), fc.array(move, { maxLength: 30 }), (size, moves) => {
        const table = new ShiftTable(size);
        const plain = new Array<number>(size).fill(0);
        let generation = table.generation;
        for (const { from, delta } of moves) {
          table.moveFrom(from, delta);
          for (let i = Math.max(from, 0); i < size; i++) plain[i] = (plain[i] ?? 0) + delta;
          // A move that moves something changes the generation, so that views look again.
          if (delta !== 0 && from < size) assert.notEqual(table.generation, generation);
          generation = table.generation;
        }
        assert.deepEqual(Array.from({ length: size }, (_, i) => table.at(i)), plain);
        assert.deepEqual([...table.values()], plain);
        // Built from the values, it reads the same, and takes further moves the same.
        const rebuilt = ShiftTable.of(plain);
        assert.deepEqual(Array.from({ length: size }, (_, i) => rebuilt.at(i)), plain);
        if (size > 0) {
          const at = moves.length % size;
          rebuilt.set(at, 42);
          table.set(at, 42);
          plain[at] = 42;
          assert.deepEqual([...rebuilt.values()], plain);
          assert.deepEqual(Array.from({ length: size }, (_, i) => table.at(i)), plain);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('moves a view that shares the table, rebuilding the parts it had built at the old offsets', () => {
    const text = 'OPTIONS sip:a@example.com SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n';
    const [message] = parseDocument(text).messages;
    assert.ok(message);
    const table = new ShiftTable(3);
    const view = sharingMoves(shiftMessage(message, 5, 2), 2, table);
    assert.deepEqual(view.span, { start: 5, end: 5 + text.length });
    const callId = view.headers.find((header) => header.key === 'call-id');
    assert.equal(callId?.valueSpan.start, 5 + text.indexOf('Call-ID: ') + 9);
    table.moveFrom(3, 100); // after it: no move
    assert.equal(view.span.start, 5);
    table.moveFrom(1, 7);
    table.moveFrom(0, -2);
    assert.deepEqual(view.span, { start: 10, end: 10 + text.length });
    assert.equal(view.startLine.start, 10);
    assert.equal(view.headers.find((header) => header.key === 'call-id')?.valueSpan.start, 10 + text.indexOf('Call-ID: ') + 9);
    // A view of the view starts from where the view is now, and does not follow the table.
    const copy = shiftMessage(view, 1, 2);
    table.moveFrom(0, 50);
    assert.equal(copy.span.start, 11);
    assert.equal(view.span.start, 60);
  });
});
