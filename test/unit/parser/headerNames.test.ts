/** Header names read in place: spellings that share a length and their end characters must not be mistaken for each other. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveHeaderName, resolveHeaderNameAt } from '../../../server/src/core/parser/headerNames';

describe('header names read in place', () => {
  it('tells apart spellings of one length with the same first and last characters, in any order', () => {
    const names = ['Contact', 'Content', 'CONTACT', 'contact', 'Content', 'Contact', 'm', 'M', 'l', 'Call-ID', 'Cxxx-ID', 'i', 'Via', 'v'];
    const text = names.join('|');
    let at = 0;
    for (const name of names) {
      const resolved = resolveHeaderNameAt(text, at, at + name.length);
      assert.deepEqual(resolved, resolveHeaderName(name), name);
      at += name.length + 1;
    }
    assert.equal(resolveHeaderNameAt(text, 0, 7).key, 'contact');
    assert.equal(resolveHeaderNameAt(text, 8, 15).key, 'content');
  });
});
