/**
 * What the registry says, beyond the IANA facts: descriptions exist and are ours, sections are
 * given, and the header rules the product depends on (401 -> WWW-Authenticate, ...) are recorded.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../../../server/src/core/registry/tables';
import { lookupCode, lookupMethod, lookupReasonPhrase, lookupUnregisteredCode } from '../../../server/src/core/registry/lookup';
import type { HeaderRequirement, RequirementLevel } from '../../../server/src/core/registry/types';
import { readTsv } from '../../support/tsv';
import { HAVE_SHARED, SHARED } from '../../support/paths';

function sentences(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/).filter((s) => s.trim() !== '').length;
}

function requirement(list: readonly HeaderRequirement[], header: string): HeaderRequirement | undefined {
  return list.find((r) => r.header.toLowerCase() === header.toLowerCase());
}

describe('registry content', () => {
  it('describes every response code in 2-5 sentences with an action, a section and plain ASCII', () => {
    for (const code of TABLES.responseCodes) {
      const total = sentences(code.description) + sentences(code.action);
      assert.ok(total >= 2 && total <= 5, `${code.code}: ${total} sentences`);
      assert.ok(code.action.length > 10, `${code.code} action`);
      assert.match(code.section, /^\d+(\.\d+)*$/, `${code.code} section`);
      assert.match(code.description + code.action, /^[\x20-\x7e]*$/, `${code.code} is plain ASCII`);
    }
  });

  it('gives every entry of every table a description', () => {
    const described: { label: string; description: string }[] = [
      ...TABLES.responseClasses.map((e) => ({ label: `${e.class}xx`, description: e.description })),
      ...TABLES.unregisteredResponseCodes.map((e) => ({ label: String(e.code), description: e.description })),
      ...TABLES.methods.map((e) => ({ label: e.name, description: e.description })),
      ...TABLES.headers.map((e) => ({ label: e.name, description: e.description })),
      ...TABLES.optionTags.map((e) => ({ label: e.name, description: e.description })),
      ...TABLES.eventPackages.map((e) => ({ label: e.name, description: e.description })),
      ...TABLES.warningCodes.map((e) => ({ label: String(e.code), description: e.description })),
      ...TABLES.uriParameters.map((e) => ({ label: e.name, description: e.description })),
      ...TABLES.reasonProtocols.map((e) => ({ label: e.name, description: e.description })),
      ...TABLES.q850Causes.map((e) => ({ label: `q850:${e.cause}`, description: e.description })),
    ];
    for (const { label, description } of described) {
      assert.ok(description.trim().length >= 20, `${label} has a real description`);
      assert.match(description.trim(), /[.)]$/, `${label} description ends a sentence`);
    }
  });

  it('gives registered methods and RFC-defined headers a section', () => {
    for (const method of TABLES.methods.filter((m) => m.registered)) assert.match(method.section, /^\d+(\.\d+)*$/, method.name);
    // Encryption, Hide and Response-Key are RFC 2543 leftovers that RFC 3261 only lists as deprecated.
    for (const header of TABLES.headers.filter((h) => h.registered && h.rfc === 'RFC3261' && h.status === 'current')) {
      assert.match(header.section, /^20\.\d+$/, `${header.name} is defined in RFC 3261 §20`);
    }
  });

  it('records the header rules of responses', () => {
    const expected: [number, string, RequirementLevel][] = [
      [401, 'WWW-Authenticate', 'must'],
      [405, 'Allow', 'must'],
      [407, 'Proxy-Authenticate', 'must'],
      [420, 'Unsupported', 'must'],
      [421, 'Require', 'must'],
      [422, 'Min-SE', 'must'],
      [423, 'Min-Expires', 'must'],
      [494, 'Security-Server', 'must'],
      [469, 'Recv-Info', 'must'],
      [305, 'Contact', 'must'],
      [200, 'Contact', 'must'],
      [503, 'Retry-After', 'may'],
      [486, 'Retry-After', 'may'],
      [600, 'Retry-After', 'may'],
    ];
    for (const [code, header, level] of expected) {
      const rule = requirement(lookupCode(code)?.headers ?? [], header);
      assert.ok(rule, `${code} lists ${header}`);
      assert.equal(rule.level, level, `${code} ${header} level`);
      assert.ok(rule.rfc !== '' && rule.section !== '', `${code} ${header} cites its rule`);
    }
    for (const code of [300, 301, 302]) assert.ok(requirement(lookupCode(code)?.headers ?? [], 'Contact'), `${code} Contact`);
  });

  it('records the header rules of requests and which methods create dialogs', () => {
    const expected: [string, string][] = [
      ['INVITE', 'Contact'],
      ['REFER', 'Refer-To'],
      ['SUBSCRIBE', 'Event'],
      ['NOTIFY', 'Event'],
      ['NOTIFY', 'Subscription-State'],
      ['PRACK', 'RAck'],
      ['PUBLISH', 'Event'],
    ];
    for (const [method, header] of expected) {
      const rule = requirement(lookupMethod(method)?.requiredHeaders ?? [], header);
      assert.equal(rule?.level, 'must', `${method} needs ${header}`);
    }
    assert.deepEqual(
      TABLES.methods.filter((m) => m.createsDialog === 'yes').map((m) => m.name).sort(),
      ['INVITE', 'REFER', 'SUBSCRIBE'],
    );
  });

  it('covers the Q.850 causes gateways send, with RFC 3398 mappings', () => {
    const needed = [1, 3, 16, 17, 18, 19, 20, 21, 22, 27, 28, 31, 34, 38, 41, 42, 44, 47, 50, 55, 57, 58, 65, 69, 79, 81, 87, 88, 95, 96, 97, 99, 100, 102, 111, 127];
    const have = new Set(TABLES.q850Causes.map((c) => c.cause));
    for (const cause of needed) assert.ok(have.has(cause), `Q.850 cause ${cause}`);
    const mapping = Object.fromEntries(TABLES.q850Causes.map((c) => [c.cause, c.sipResponse]));
    assert.deepEqual(
      [mapping[1], mapping[17], mapping[18], mapping[19], mapping[21], mapping[27], mapping[28], mapping[34], mapping[102], mapping[127]],
      [404, 486, 408, 480, 403, 502, 484, 503, 504, 500],
    );
    for (const cause of TABLES.q850Causes) {
      if (cause.sipResponse !== null) assert.ok(lookupCode(cause.sipResponse), `q850:${cause.cause} maps to a registered code`);
    }
  });
});

describe('reason phrases from the seed documents', () => {
  it('map back to the code each phrase belongs to, including the seeds\' slips', () => {
    const rows = readTsv('registry/seed-phrases.tsv');
    assert.ok(rows.length > 150);
    for (const row of rows) {
      const expected = Number(row.expected_code);
      const registered = lookupReasonPhrase(row.phrase).map((m) => m.entry.code);
      if (registered.length > 0) {
        // "Not Acceptable" belongs to both 406 and 606, so membership is the test, not the first owner.
        assert.ok(registered.includes(expected), `seed ${row.seed}:${row.line} "${row.code_in_seed} ${row.phrase}" -> ${registered.join(',')}`);
        if (expected !== Number(row.code_in_seed)) assert.ok(!registered.includes(Number(row.code_in_seed)), `slip ${row.code_in_seed} ${row.phrase}`);
      } else {
        // 409 Conflict, 411 Length Required: RFC 2543 codes that IANA never registered.
        assert.equal(lookupUnregisteredCode(expected)?.reasonPhrase.toLowerCase(), row.phrase.toLowerCase(), `seed ${row.seed}:${row.line} "${row.phrase}"`);
      }
    }
    assert.equal(lookupReasonPhrase('Service unavailable')[0]?.entry.code, 503, 'the seeds say "502 Service unavailable"; the phrase is 503\'s');
  });
});

/** Word 8-grams: long enough that sharing one means copied text, short enough to catch light edits. */
function shingles(text: string, size = 8): Set<string> {
  const words = text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

describe('descriptions are written in our own words', { skip: HAVE_SHARED ? false : 'needs ../shared/seeds' }, () => {
  it('share no eight-word run with the seed documents', () => {
    const seeds = new Set<string>();
    const dir = join(SHARED, 'seeds');
    for (const file of readdirSync(dir)) for (const s of shingles(readFileSync(join(dir, file), 'utf8'))) seeds.add(s);
    const texts = [
      ...TABLES.responseCodes.flatMap((c) => [c.description, c.action, c.statusNote ?? '']),
      ...TABLES.responseClasses.flatMap((c) => [c.description, c.unknownCodeRule]),
      ...TABLES.methods.map((m) => m.description),
      ...TABLES.headers.map((h) => h.description),
    ];
    const copied = texts.flatMap((text) => [...shingles(text)].filter((s) => seeds.has(s)));
    assert.deepEqual(copied, []);
  });
});
