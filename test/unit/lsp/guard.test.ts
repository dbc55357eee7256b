/** The handler guard: exceptions become a logged error and an empty answer; cancelled requests are not run. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver/node';
import { guard } from '../../../server/src/lsp/state';
import { readSettings, DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';

function fakeConnection(logged: string[]): Connection {
  return { console: { error: (message: string) => logged.push(message) } } as unknown as Connection;
}

describe('guard', () => {
  it('turns an exception into a logged error and the empty answer', () => {
    const logged: string[] = [];
    const handler = guard(fakeConnection(logged), 'hover', 'empty', () => {
      throw new Error('boom');
    });
    assert.equal(handler({}), 'empty');
    assert.match(logged[0] ?? '', /sipls: hover failed: Error: boom/);
  });

  it('does not run a request the client has cancelled', () => {
    let ran = false;
    const handler = guard(fakeConnection([]), 'hover', null, () => {
      ran = true;
      return 'answer';
    });
    assert.equal(handler({}, { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) }), null);
    assert.equal(ran, false);
    assert.equal(handler({}, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) }), 'answer');
  });
});

describe('settings contract', () => {
  it('reads sipls.* and falls back to defaults for anything malformed', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ checks: { 'reason-phrase-mismatch': 'off', bogus: 'loud' }, hover: { logCodes: false }, diagnostics: { maxPerCheck: 5 } }), {
      checks: { 'reason-phrase-mismatch': 'off' },
      hoverLogCodes: false,
      maxPerCheck: 5,
      outlineMaxItems: 5000,
      flow: DEFAULT_SETTINGS.flow,
    });
    assert.deepEqual(readSettings({ hover: { logCodes: 'yes' }, diagnostics: { maxPerCheck: -1 } }), DEFAULT_SETTINGS);
  });

  it('reads sipls.outline.maxItems: 0 or malformed is the default, too small is raised to the minimum', () => {
    const read = (maxItems: unknown): number => readSettings({ outline: { maxItems } }).outlineMaxItems;
    assert.equal(DEFAULT_SETTINGS.outlineMaxItems, 5000);
    assert.equal(read(20000), 20000);
    assert.equal(read(250.7), 250);
    assert.equal(read(10), 100);
    for (const fallback of [0, -5, '300', null, Number.NaN, undefined]) assert.equal(read(fallback), 5000, String(fallback));
  });

  it('reads sipls.flow.groupBy and sipls.flow.mergeHeaders', () => {
    assert.deepEqual(readSettings({ flow: { groupBy: 'host', mergeHeaders: [' X-Leg ', '', 7, 'P-Charging-Vector;icid-value'] } }).flow, { groupBy: 'host', mergeHeaders: ['X-Leg', 'P-Charging-Vector;icid-value'] });
    assert.deepEqual(readSettings({ flow: { groupBy: 'port', mergeHeaders: 'X-Call-ID' } }).flow, DEFAULT_SETTINGS.flow);
    assert.deepEqual(readSettings({ flow: { mergeHeaders: [] } }).flow.mergeHeaders, []);
  });
});
