/** server/CHECKS.md is generated from the check table; it must match it exactly (run `npm run docs:checks`). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CHECKS } from '../../../server/src/core/features/validate';
import { CHECKS_DOC, renderChecksDoc } from '../../tools/checksDoc';

describe('server/CHECKS.md', () => {
  it('is up to date with the check table', () => {
    assert.equal(readFileSync(CHECKS_DOC, 'utf8'), renderChecksDoc(), 'run npm run docs:checks');
  });

  it('documents every check with a unique, stable-looking id', () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const check of CHECKS) {
      assert.match(check.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, check.id);
      for (const field of [check.summary, check.why, check.reference, check.example]) assert.ok(field.trim().length > 0, `${check.id} is documented`);
    }
  });
});
