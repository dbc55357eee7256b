/**
 * The key lookup re-validation uses to find the messages an edit's calls reach (keyMembers.ts): for
 * any keys, any later changes to some positions' keys, and any set of wanted keys, it answers what
 * a scan of every position's current keys answers, in ascending order and without repeats.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeyMembers } from '../../../server/src/core/features/validate/keyMembers';

function scan(keys: Int32Array, wanted: ReadonlySet<number>): number[] {
  const found: number[] = [];
  for (let i = 0; 2 * i < keys.length; i++) if (wanted.has(keys[2 * i] ?? -1) || wanted.has(keys[2 * i + 1] ?? -1)) found.push(i);
  return found;
}

describe('the key lookup of re-validation', () => {
  it('answers as a scan of the current keys does, after any changes', () => {
    const key = fc.integer({ min: -1, max: 7 });
    const change = fc.record({ at: fc.nat(), first: fc.integer({ min: -1, max: 10 }), second: fc.integer({ min: -1, max: 10 }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key), { maxLength: 30 }), fc.array(change, { maxLength: 6 }), fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }), (pairs, changes, wantedList) => {
        const keys = Int32Array.from(pairs.flat());
        const members = new KeyMembers(keys, 8);
        for (const { at, first, second } of changes) {
          if (pairs.length === 0) break;
          const position = at % pairs.length;
          // Keys numbered after the rows were built (8 and up) exist only at changed positions.
          keys[2 * position] = first;
          keys[2 * position + 1] = second;
          members.changedAt(position, position + 1);
        }
        const wanted = new Set(wantedList);
        assert.deepEqual(members.positionsOf(wanted, keys), scan(keys, wanted));
      }),
      { numRuns: 3000 },
    );
  });
});
