/** The lookup API: case rules, compact forms, phrases, unknown codes and "did you mean". */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allMediaTypes,
  allMethods,
  allResponseCodes,
  isRegisteredMethod,
  allSubscriptionStates,
  lookupMediaType,
  closest,
  codeStanding,
  lookupClass,
  lookupCode,
  lookupEventPackage,
  lookupHeader,
  lookupMethod,
  lookupOptionTag,
  lookupQ850Cause,
  lookupReasonPhrase,
  lookupUriParameter,
  lookupWarningCode,
} from '../../../server/src/core/registry/lookup';

function codesFor(phrase: string): number[] {
  return lookupReasonPhrase(phrase).map((m) => m.entry.code);
}

describe('lookupCode and codeStanding', () => {
  it('accepts numbers and numeric strings', () => {
    assert.equal(lookupCode(486)?.reasonPhrase, 'Busy Here');
    assert.equal(lookupCode(' 486 ')?.reasonPhrase, 'Busy Here');
    assert.equal(lookupCode('48x'), undefined);
    assert.equal(lookupCode(4.5), undefined);
  });

  it('derives class and finality', () => {
    assert.deepEqual([lookupCode(183)?.class, lookupCode(183)?.final], [1, false]);
    assert.deepEqual([lookupCode(200)?.class, lookupCode(200)?.final], [2, true]);
    assert.deepEqual([lookupCode(603)?.class, lookupCode(603)?.final], [6, true]);
  });

  it('marks 402 reserved and 202 deprecated', () => {
    assert.equal(lookupCode(402)?.status, 'reserved');
    assert.equal(lookupCode(202)?.status, 'deprecated');
    assert.match(lookupCode(202)?.statusNote ?? '', /REFER/);
  });

  it('treats an unknown code as the x00 of its class, and an unknown 1xx as 183 (RFC 3261 §8.1.3.2)', () => {
    assert.deepEqual({ ...codeStanding(432), class: undefined }, { code: 432, inRange: true, treatedAs: 400, class: undefined });
    assert.equal(codeStanding(432).class?.class, 4);
    // Wireshark labels unknown 4xx as "499 Client Error - Others"; the label is known, the code is still unregistered.
    assert.equal(codeStanding(499).unregistered?.reasonPhrase, 'Client Error - Others');
    assert.equal(codeStanding(499).treatedAs, 400);
    assert.equal(codeStanding(150).treatedAs, 183);
    assert.equal(codeStanding(299).treatedAs, 200);
    assert.equal(codeStanding(486).treatedAs, 486);
    assert.equal(codeStanding(409).unregistered?.reasonPhrase, 'Conflict');
    assert.equal(codeStanding(409).treatedAs, 400);
  });

  it('rejects codes outside 100-699', () => {
    for (const code of [20, 99, 700, 999, 4294967301]) {
      assert.equal(codeStanding(code).inRange, false, String(code));
      assert.equal(codeStanding(code).treatedAs, undefined);
    }
  });

  it('looks classes up by digit or by any code in them', () => {
    assert.equal(lookupClass(4)?.name, 'Client Failure');
    assert.equal(lookupClass(486)?.class, 4);
    assert.equal(lookupClass(7), undefined);
  });
});

describe('lookupReasonPhrase', () => {
  it('is case- and space-insensitive', () => {
    assert.deepEqual(codesFor('busy here'), [486]);
    assert.deepEqual(codesFor('  BUSY   HERE '), [486]);
    assert.equal(lookupReasonPhrase('Busy Here')[0]?.match, 'canonical');
    assert.equal(lookupReasonPhrase('Busy Here')[0]?.exact, true);
  });

  it('knows the aliases real stacks send', () => {
    for (const [phrase, code] of [
      ['Request Time-out', 408],
      ['Unsupported Certificate', 437],
      ['Bad Identity-Info', 436],
      ['Internal Server Error', 500],
      ['Gateway Time-out', 504],
      ['Temporarily not available', 480],
      ['Call Leg/Transaction Does Not Exist', 481],
      ['Request Cancelled', 487],
      ['Session Timer Too Small', 422],
    ] as const) {
      const match = lookupReasonPhrase(phrase)[0];
      assert.equal(match?.entry.code, code, phrase);
      assert.equal(match?.match, 'alias', phrase);
    }
  });

  it('lists every owner of a shared phrase, canonical owners first', () => {
    assert.deepEqual(codesFor('Not Acceptable'), [406, 606]);
    assert.deepEqual(codesFor('Precondition Failed'), [412, 580]);
  });

  it('recognises a phrase despite punctuation, but says it is not exact', () => {
    const match = lookupReasonPhrase('Request URI Too Long')[0];
    assert.equal(match?.entry.code, 414);
    assert.equal(match?.exact, false);
    assert.equal(lookupReasonPhrase('SERVICE_UNAVAILABLE')[0]?.entry.code, 503);
    assert.deepEqual(codesFor('Answering'), []);
    assert.deepEqual(codesFor(''), []);
    assert.deepEqual(codesFor('...'), []);
  });
});

describe('lookupHeader', () => {
  it('resolves full names and compact forms case-insensitively', () => {
    for (const name of ['Via', 'VIA', 'via', 'v', 'V', ' v ']) assert.equal(lookupHeader(name)?.name, 'Via', name);
    assert.equal(lookupHeader('i')?.name, 'Call-ID');
    assert.equal(lookupHeader('call-id')?.name, 'Call-ID');
    assert.equal(lookupHeader('m')?.name, 'Contact');
    assert.equal(lookupHeader('l')?.name, 'Content-Length');
    assert.equal(lookupHeader('o')?.name, 'Event');
  });

  it('gives X- headers a generic unregistered entry and knows nothing of other unknown names', () => {
    const vendor = lookupHeader('X-Asterisk-HangupCause');
    assert.equal(vendor?.registered, false);
    assert.equal(vendor?.name, 'X-Asterisk-HangupCause');
    assert.equal(lookupHeader('Foobar'), undefined);
    assert.equal(lookupHeader('X-bad header'), undefined);
  });

  it('knows single-valued, list and repeatable headers', () => {
    for (const name of ['To', 'From', 'Call-ID', 'CSeq', 'Max-Forwards', 'Content-Length', 'Content-Type', 'Expires']) {
      assert.equal(lookupHeader(name)?.multiplicity, 'single', name);
    }
    for (const name of ['Via', 'Route', 'Record-Route', 'Contact', 'Allow', 'Supported', 'Require']) {
      assert.equal(lookupHeader(name)?.multiplicity, 'list', name);
    }
    for (const name of ['WWW-Authenticate', 'Authorization', 'Proxy-Authenticate', 'Proxy-Authorization']) {
      assert.equal(lookupHeader(name)?.multiplicity, 'repeatable', name);
    }
  });

  it('marks deprecated headers', () => {
    assert.equal(lookupHeader('Identity-Info')?.status, 'deprecated');
    assert.equal(lookupHeader('Identity-Info')?.compactForm, undefined);
    assert.equal(lookupHeader('Reason-Phrase')?.status, 'reserved');
  });
});

describe('other lookups', () => {
  it('finds methods case-insensitively but keeps the registered spelling', () => {
    assert.equal(lookupMethod('invite')?.name, 'INVITE');
    assert.equal(lookupMethod('INVITE')?.createsDialog, 'yes');
    assert.equal(lookupMethod('BYE')?.createsDialog, 'no');
    assert.equal(lookupMethod('KDMQ')?.registered, false);
    assert.equal(lookupMethod('NEWMETHOD'), undefined);
  });

  it('finds option tags, event packages, warning codes, URI parameters and Q.850 causes', () => {
    assert.equal(lookupOptionTag('100REL')?.rfc, 'RFC3262');
    assert.equal(lookupEventPackage('presence')?.rfc, 'RFC3856');
    assert.equal(lookupEventPackage('presence.winfo')?.name, 'presence', 'package.template resolves to the package');
    assert.equal(lookupEventPackage('as-feature-event')?.registered, false);
    assert.equal(lookupWarningCode(399)?.text, 'Miscellaneous warning');
    assert.equal(lookupUriParameter('LR')?.name, 'lr');
    assert.equal(lookupQ850Cause(16)?.sipResponse, null);
    assert.equal(lookupQ850Cause('17')?.sipResponse, 486);
    assert.equal(lookupQ850Cause(34)?.sipResponse, 503);
    assert.equal(lookupQ850Cause(1)?.sipResponse, 404);
  });
});

describe('closest', () => {
  it('suggests near names for typos', () => {
    assert.ok(closest('INVTE').some((s) => s.topic === 'INVITE'));
    assert.ok(closest('Contatc').some((s) => s.topic === 'Contact'));
    assert.ok(closest('busy hre').some((s) => s.topic === '486'));
    assert.ok(closest('100rell').some((s) => s.topic === '100rel'));
  });

  it('compares numbers only with numbers, nearest first', () => {
    const suggestions = closest('499');
    assert.ok(suggestions.length > 0);
    assert.ok(suggestions.every((s) => /^\d+$/.test(s.topic)));
    assert.ok((suggestions[0]?.distance ?? 9) <= 1);
  });

  it('returns nothing for empty input and survives junk', () => {
    assert.deepEqual(closest('   '), []);
    assert.doesNotThrow(() => closest('\u0000'.repeat(10_000)));
  });
});

describe('media types and subscription states', () => {
  it('finds a media type in any case, with parameters ignored', () => {
    assert.equal(lookupMediaType('Application/SDP; charset=utf-8')?.rfc, 'RFC8866');
    assert.equal(lookupMediaType('message/sipfrag;version=2.0')?.type, 'message/sipfrag');
    assert.equal(lookupMediaType('application/x-unknown'), undefined);
    assert.equal(lookupMediaType(''), undefined);
  });
  it('gives every media type an RFC and a description, with no duplicates', () => {
    const types = allMediaTypes().map((m) => m.type);
    assert.equal(new Set(types).size, types.length);
    for (const entry of allMediaTypes()) {
      assert.match(entry.rfc, /^RFC\d+$/, entry.type);
      assert.match(entry.type, /^[a-z]+\/[a-z0-9.+-]+$/, entry.type);
      assert.ok(entry.description.length > 5, entry.type);
    }
  });
  it("lists RFC 6665's three subscription states", () => {
    assert.deepEqual(allSubscriptionStates().map((s) => s.value), ['active', 'pending', 'terminated']);
  });
});

describe('fast paths validation relies on', () => {
  it('a code by number is the code by its digits, for every number a status line can hold', () => {
    for (let code = 0; code < 1000; code++) assert.equal(lookupCode(code), lookupCode(String(code)), String(code));
  });

  it("every code's own phrase finds the code among its owners", () => {
    for (const entry of allResponseCodes()) assert.ok(codesFor(entry.reasonPhrase).includes(entry.code), `${entry.code} ${entry.reasonPhrase}`);
  });

  it('a registered method as written is what lookupMethod finds registered under that very name', () => {
    const names = allMethods().flatMap((method) => [method.name, method.name.toLowerCase(), ` ${method.name}`, `${method.name[0] ?? ''}${method.name.slice(1).toLowerCase()}`]);
    for (const name of [...names, 'FOO', '']) {
      const found = lookupMethod(name);
      assert.equal(isRegisteredMethod(name), found?.registered === true && found.name === name, JSON.stringify(name));
    }
    assert.ok(isRegisteredMethod('INVITE') && !isRegisteredMethod('invite'));
  });
});
