/**
 * Opening a huge trace reports server-initiated work-done progress (begin, report, end) to a client
 * that supports it; a small document and a client without the capability get none.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from './client';
import { generateTrace } from '../bench/generate';
import { LARGE_DOCUMENT } from '../../server/src/lsp/progress';

interface ProgressEvent {
  readonly token: string | number;
  readonly value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

async function initializeWithProgress(client: TestClient, supported: boolean): Promise<{ created: unknown[]; events: ProgressEvent[] }> {
  const created: unknown[] = [];
  const events: ProgressEvent[] = [];
  client.connection.onRequest('window/workDoneProgress/create', (params: unknown) => {
    created.push(params);
    return null;
  });
  client.connection.onNotification('$/progress', (params: ProgressEvent) => void events.push(params));
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { window: { workDoneProgress: supported } } });
  await client.connection.sendNotification('initialized', {});
  return { created, events };
}

describe('work-done progress while opening huge documents', () => {
  const big = generateTrace('sipp', LARGE_DOCUMENT + 200_000, 5).text;
  const small = generateTrace('sipp', 20_000, 5).text;

  describe('a client that supports window.workDoneProgress', () => {
    let client: TestClient;
    let seen: { created: unknown[]; events: ProgressEvent[] };
    before(async () => {
      client = new TestClient();
      seen = await initializeWithProgress(client, true);
    });
    after(async () => client.shutdown());

    it('gets no progress for a small document', async () => {
      await client.open('file:///small.log', small, 'sip-log');
      await client.diagnosticsFor('file:///small.log');
      assert.deepEqual(seen.created, []);
      assert.deepEqual(seen.events, []);
    });

    it('gets begin, a report and end around the first parse and validation of a big one, then its diagnostics', async () => {
      await client.open('file:///big.log', big, 'sip-log');
      await client.diagnosticsFor('file:///big.log', undefined, 60_000);
      assert.equal(seen.created.length, 1);
      const token = (seen.created[0] as { token: string | number }).token;
      const kinds = seen.events.filter((event) => event.token === token).map((event) => event.value.kind);
      assert.deepEqual(kinds, ['begin', 'report', 'end']);
      assert.match(seen.events[0]?.value.title ?? '', /big\.log/);
    });
  });

  describe('a client without the capability', () => {
    let client: TestClient;
    let seen: { created: unknown[]; events: ProgressEvent[] };
    before(async () => {
      client = new TestClient();
      seen = await initializeWithProgress(client, false);
    });
    after(async () => client.shutdown());

    it('gets no progress even for a big document', async () => {
      await client.open('file:///big.log', big, 'sip-log');
      await client.diagnosticsFor('file:///big.log', undefined, 60_000);
      assert.deepEqual(seen.created, []);
      assert.deepEqual(seen.events, []);
    });
  });
});
