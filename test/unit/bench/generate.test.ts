/** The benchmark's traces: the same bytes on every run, and read back message for message in the right format. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { generateTrace, type BenchFormat } from '../../bench/generate';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validate } from '../../../server/src/core/features/validate';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('benchmark traces', () => {
  for (const format of ['sip', 'sipp', 'generic'] as BenchFormat[]) {
    it(`${format}: deterministic, parsed completely, and clean`, () => {
      const a = generateTrace(format, 200_000, 7);
      assert.equal(sha(a.text), sha(generateTrace(format, 200_000, 7).text), 'same seed, same bytes');
      assert.notEqual(sha(a.text), sha(generateTrace(format, 200_000, 8).text), 'another seed, other bytes');
      const document = parseDocument(a.text);
      assert.equal(document.format, format);
      assert.equal(document.messages.length, a.messages);
      assert.deepEqual(validate(a.text, document).filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    });
  }
});
