/**
 * The registry against the vendored IANA reference TSVs (test/fixtures/registry, copied from
 * shared/reference/sip-registry): every row is present with the same facts, and the registry holds
 * nothing registered that the reference does not list.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TABLES } from '../../../server/src/core/registry/tables';
import {
  lookupCode,
  lookupEventPackage,
  lookupHeader,
  lookupHeaderUsage,
  lookupMethod,
  lookupOptionTag,
  lookupReasonProtocol,
  lookupUnregisteredCode,
  lookupWarningCode,
  registryValues,
} from '../../../server/src/core/registry/lookup';
import { cellList, readTsv } from '../../support/tsv';

/** The TSV's document cell as [rfc, ...seeAlso]. */
function documentsOf(entry: { rfc: string; seeAlso?: readonly string[] }): string[] {
  return [entry.rfc, ...(entry.seeAlso ?? [])].filter(Boolean);
}

describe('registry matches the IANA reference', () => {
  it('has every response code with its phrase, RFC, class, status, aliases and misused phrases', () => {
    const rows = readTsv('registry/response-codes.tsv');
    assert.equal(rows.length, 75);
    for (const row of rows) {
      const entry = lookupCode(Number(row.code));
      assert.ok(entry, `code ${row.code} missing`);
      assert.equal(entry.reasonPhrase, row.canonical_reason_phrase, `phrase of ${row.code}`);
      assert.equal(entry.rfc, row.rfc, `rfc of ${row.code}`);
      assert.equal(`${entry.class}xx`, row.class, `class of ${row.code}`);
      assert.equal(entry.final, Number(row.code) >= 200);
      // 402 is registered but reserved (RFC 3261 §21.4.3); the reference leaves its status at "current".
      assert.equal(entry.status, row.code === '402' ? 'reserved' : row.status, `status of ${row.code}`);
      assert.deepEqual([...entry.aliases], cellList(row.alternative_phrases), `aliases of ${row.code}`);
      const misused = cellList(row.rejected_variants).map((variant) => variant.slice(variant.indexOf(':') + 1));
      assert.deepEqual([...entry.misusedPhrases], misused, `misused phrases of ${row.code}`);
    }
    assert.equal(TABLES.responseCodes.length, rows.length, 'no registered code beyond the reference');
    assert.deepEqual(
      TABLES.responseCodes.map((c) => c.code),
      rows.map((r) => Number(r.code)),
      'same codes, same order',
    );
  });

  it('knows the unregistered codes and keeps them out of the registered table', () => {
    const rows = readTsv('registry/response-codes-unregistered.tsv');
    assert.equal(rows.length, 14);
    for (const row of rows) {
      const entry = lookupUnregisteredCode(row.code);
      assert.ok(entry, `unregistered ${row.code} missing`);
      assert.equal(entry.reasonPhrase, row.phrase);
      // The origin follows the reference's sources: RFC 2543's grammar, Wireshark's class catch-alls, or stacks.
      const origin = row.sources.includes('RFC2543') ? 'rfc2543' : /catch-all/.test(row.notes) ? 'tool-label' : 'stack';
      assert.equal(entry.origin, origin, `origin of ${row.code}`);
      assert.equal(lookupCode(row.code), undefined, `${row.code} must not be registered`);
    }
    assert.equal(TABLES.unregisteredResponseCodes.length, rows.length);
  });

  it('has the 14 registered methods and the known unregistered ones', () => {
    const registered = readTsv('registry/methods.tsv');
    const unregistered = readTsv('registry/methods-unregistered.tsv');
    assert.equal(registered.length, 14);
    for (const row of registered) {
      const entry = lookupMethod(row.method);
      assert.ok(entry, `method ${row.method} missing`);
      assert.equal(entry.name, row.method);
      assert.deepEqual(documentsOf(entry), cellList(row.rfc), `rfc of ${row.method}`);
      assert.equal(entry.registered, true);
    }
    for (const row of unregistered) {
      const entry = lookupMethod(row.method);
      assert.ok(entry, `unregistered method ${row.method} missing`);
      assert.equal(entry.registered, false);
    }
    assert.equal(TABLES.methods.filter((m) => m.registered).length, 14);
    assert.equal(TABLES.methods.length, registered.length + unregistered.length);
  });

  it('has all 134 registered headers with compact form, RFC and status', () => {
    const rows = readTsv('registry/headers.tsv');
    assert.equal(rows.length, 134);
    for (const row of rows) {
      const entry = lookupHeader(row.header_name);
      assert.ok(entry, `header ${row.header_name} missing`);
      assert.equal(entry.name, row.header_name);
      assert.equal(entry.registered, true, `${row.header_name} registered`);
      assert.equal(entry.compactForm ?? '', row.compact_form.toLowerCase(), `compact form of ${row.header_name}`);
      assert.deepEqual(documentsOf(entry), cellList(row.rfc), `rfc of ${row.header_name}`);
      assert.equal(entry.status, row.status, `status of ${row.header_name}`);
    }
    const registered = TABLES.headers.filter((h) => h.registered);
    assert.equal(registered.length, 134, 'no registered header beyond the reference');
    assert.equal(new Set(registered.map((h) => h.name.toLowerCase())).size, 134, 'no duplicates');
  });

  it('resolves all 19 compact forms to their full names', () => {
    const rows = readTsv('registry/headers.tsv').filter((row) => row.compact_form !== '');
    assert.equal(rows.length, 19);
    for (const row of rows) {
      assert.equal(lookupHeader(row.compact_form)?.name, row.header_name, `compact ${row.compact_form}`);
      assert.equal(lookupHeader(row.compact_form.toUpperCase())?.name, row.header_name, `compact ${row.compact_form} upper case`);
    }
    const compactInRegistry = TABLES.headers.filter((h) => h.registered && h.compactForm);
    assert.equal(compactInRegistry.length, 19);
  });

  it('marks the common unregistered headers as unregistered', () => {
    const rows = readTsv('registry/headers-unregistered.tsv');
    assert.ok(rows.length >= 8);
    for (const row of rows) {
      const entry = TABLES.headers.find((h) => !h.registered && h.name === row.header_name);
      assert.ok(entry, `unregistered header ${row.header_name} missing`);
      assert.equal(entry.compactForm ?? '', row.compact_form.toLowerCase());
      // Identity-Info is also registered (deprecated): its name finds the registered entry, while the
      // compact form `n`, which IANA no longer lists, still resolves to the header.
      const registered = TABLES.headers.some((h) => h.registered && h.name === row.header_name);
      assert.equal(lookupHeader(row.header_name)?.registered, registered, row.header_name);
      if (row.compact_form) assert.equal(lookupHeader(row.compact_form)?.name, row.header_name);
    }
  });

  it('carries RFC 3261 Tables 2 and 3 cell by cell', () => {
    const rows = readTsv('registry/header-usage-rfc3261.tsv');
    assert.equal(TABLES.headerUsage.length, rows.length);
    rows.forEach((row, i) => {
      const usage = TABLES.headerUsage[i];
      assert.ok(usage);
      assert.deepEqual(
        [usage.header, usage.where, usage.proxy, usage.ACK, usage.BYE, usage.CANCEL, usage.INVITE, usage.OPTIONS, usage.REGISTER, String(usage.table)],
        [row.header_field, row.where, row.proxy, row.ACK, row.BYE, row.CAN, row.INV, row.OPT, row.REG, row.table],
      );
      assert.ok(lookupHeader(row.header_field), `usage row names an unknown header ${row.header_field}`);
    });
    assert.equal(lookupHeaderUsage('v').length, 2, 'Via has a request row and a response row');
  });

  it('has the 36 option tags, 22 event packages, 15 warning codes and 35 URI parameters', () => {
    const tags = readTsv('registry/option-tags.tsv');
    assert.equal(tags.length, 36);
    for (const row of tags) {
      const entry = lookupOptionTag(row.option_tag);
      assert.ok(entry, `option tag ${row.option_tag}`);
      assert.equal(entry.name, row.option_tag);
      assert.deepEqual(documentsOf(entry), cellList(row.rfc));
    }
    assert.equal(TABLES.optionTags.length, 36);

    const events = readTsv('registry/event-packages.tsv');
    assert.equal(events.length, 22);
    for (const row of events) {
      const entry = lookupEventPackage(row.event_package);
      assert.ok(entry, `event package ${row.event_package}`);
      assert.equal(entry.name, row.event_package);
      assert.equal(entry.registered, true);
      assert.equal(entry.type, row.type === 'package' ? 'package' : 'template');
      assert.deepEqual(documentsOf(entry), cellList(row.rfc));
    }
    assert.equal(TABLES.eventPackages.filter((e) => e.registered).length, 22);

    const warnings = readTsv('registry/warning-codes.tsv');
    assert.equal(warnings.length, 15);
    for (const row of warnings) {
      const entry = lookupWarningCode(row.warn_code);
      assert.ok(entry, `warning ${row.warn_code}`);
      assert.equal(entry.text, row.warn_text);
      assert.deepEqual(documentsOf(entry), cellList(row.rfc));
    }
    assert.equal(TABLES.warningCodes.length, 15);

    const parameters = readTsv('registry/uri-parameters.tsv');
    assert.equal(parameters.length, 35);
    assert.deepEqual(
      TABLES.uriParameters.map((p) => [p.name, p.predefinedValues, documentsOf(p).join('|')]),
      parameters.map((row) => [row.uri_parameter, row.predefined_values, cellList(row.rfc).join('|')]),
    );
  });

  it('has every Reason protocol and the other small registries', () => {
    const rows = readTsv('registry/other-registries.tsv');
    const protocols = rows.filter((row) => row.registry === 'Reason Protocols');
    assert.equal(TABLES.reasonProtocols.length, protocols.length);
    for (const row of protocols) {
      const entry = lookupReasonProtocol(row.value);
      assert.ok(entry, `reason protocol ${row.value}`);
      assert.equal(entry.rfc, row.reference);
    }
    const others = rows.filter((row) => row.registry !== 'Reason Protocols');
    assert.deepEqual(
      TABLES.otherRegistryValues.map((v) => [v.registry, v.value, v.reference]),
      others.map((row) => [row.registry, row.value, row.reference]),
    );
    assert.deepEqual(
      registryValues('Privacy Header Field Values').map((v) => v.value),
      others.filter((row) => row.registry === 'Privacy Header Field Values').map((row) => row.value),
    );
  });
});
