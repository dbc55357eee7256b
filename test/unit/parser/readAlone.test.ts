/**
 * The top Via's branch and the From and To tags are read on their own on every message of a trace
 * (topBranch, headerTagOf): they must be what the full parse finds, for any input, or transactions
 * and dialogs would be matched differently by validation and by the features that parse it all.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { SipMessage } from '../../../server/src/core/parser/model';
import { topBranch, topVia } from '../../../server/src/core/parser/access';
import { findParam, paramValue, parseParams } from '../../../server/src/core/parser/values/scan';
import { firstViaBranch, parseFirstVia } from '../../../server/src/core/parser/values/via';
import { nameAddrParam, parseNameAddr } from '../../../server/src/core/parser/values/nameAddr';
import { headerTagOf, nameAddrOf, tagOf } from '../../../server/src/core/parser/access';
import { FIXTURES } from '../../support/paths';
import { fixtureFiles } from '../../support/fixtureFiles';

/** Strings made of the characters that steer the Via and parameter scanners. */
const viaLike = fc.array(fc.constantFrom('SIP', '/', '2.0', 'UDP', ' ', '\t', ';', ',', '=', '"', '\\', '<', '>', '[', ']', ':', 'branch', 'BRANCH', 'Branch', 'rport', 'z9hG4bK', 'a1', '\u212Aelvin', 'host'), { maxLength: 24 }).map((parts) => parts.join(''));

describe('the top Via branch and dialog tags read alone', () => {
  it('equals the parameter lists lookup, for any parameter text', () => {
    fc.assert(
      fc.property(viaLike, fc.constantFrom('branch', 'rport', 'kelvin'), (text, name) => {
        assert.deepEqual(findParam(text, 0, text.length, name), paramValue(parseParams(text, 0, text.length), name));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the full parse of the first Via value, for any header value', () => {
    fc.assert(
      fc.property(viaLike, (text) => {
        const full = parseFirstVia(text, 0, text.length);
        assert.deepEqual(firstViaBranch(text, 0, text.length), full === null ? undefined : full.branch);
      }),
      { numRuns: 3000 },
    );
  });

  it('and a name-addr parameter read alone equals the full parse, for any header value', () => {
    const nameAddrLike = fc.array(fc.constantFrom('"', 'Bob', ' ', '<', '>', 'sip:', 'a@b', ';', '=', ',', '*', '\\', 'tag', 'TAG', '1x'), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(nameAddrLike, (text) => {
        assert.deepEqual(nameAddrParam(text, 0, text.length, 'tag'), paramValue(parseNameAddr(text, 0, text.length).params, 'tag'));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the full parse on every message of every fixture, glued and folded ones included', () => {
    let messages = 0;
    for (const file of fixtureFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      // Read alone first, then the full parse on a fresh parse: neither may lean on the other's memo.
      const alone = parseDocument(text).messages.map((message) => topBranch(text, message));
      const full = parseDocument(text).messages.map((message) => topVia(text, message)?.branch?.text ?? null);
      assert.deepEqual(alone, full, file);
      const tags = (read: (message: SipMessage, name: string) => string | null): (string | null)[] => parseDocument(text).messages.flatMap((message) => [read(message, 'From'), read(message, 'To')]);
      assert.deepEqual(tags((message, name) => headerTagOf(text, message, name)), tags((message, name) => tagOf(nameAddrOf(text, message, name))), file);
      messages += alone.length;
    }
    assert.ok(messages > 500, `${messages} messages`);
  });
});
