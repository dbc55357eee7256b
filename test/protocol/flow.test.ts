/**
 * The call flow over stdio: the `sipls/flow` request (calls, the chosen flow, SVG and Mermaid),
 * the flow settings, and CodeLens summaries above dialog-creating requests with their command.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens, InitializeResult } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { generateTrace } from '../bench/generate';
import { parseDocument } from '../../server/src/core/parser/document';
import { dialogLenses } from '../../server/src/core/features/flow';
import { EAGER_LENS_TITLES } from '../../server/src/lsp/flow';
import { positionOf, TestClient } from './client';

const B2BUA_URI = 'file:///t/b2bua.log';
const B2BUA = readFileSync(join(FIXTURES, 'traces', 'ngrep', 'b2bua-topoh-x-call-id.log'), 'utf8');
const SIPP_URI = 'file:///t/uac_messages.log';
const SIPP = readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-unexpected-486_messages.log'), 'utf8');
const LEG_A = '1-22749@127.0.0.1';
const LEG_B = '!!:Mm4LMBN4zjyfMBN7MGZAOBF*';

interface FlowResult {
  calls: { id: string; title: string; callIds: string[]; arrows: number }[];
  flow: { id: string; callIds: string[]; participants: { id: string }[]; arrows: { label: string; line: number }[] };
  svg: string;
  mermaid: string;
}

describe('call flow over stdio', () => {
  let client: TestClient;
  let capabilities: InitializeResult['capabilities'];
  before(async () => {
    client = new TestClient();
    capabilities = ((await client.initialize()) as InitializeResult).capabilities;
    await client.open(B2BUA_URI, B2BUA, 'sip-log');
    await client.open(SIPP_URI, SIPP, 'sip-log');
    await client.diagnosticsFor(B2BUA_URI);
    await client.diagnosticsFor(SIPP_URI);
  });
  after(async () => client.shutdown());

  it('announces CodeLens, and no document links (sip:, sips: and tel: URIs are not browser links)', () => {
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: true });
    assert.equal(capabilities.documentLinkProvider, undefined);
  });

  it('sipls/flow answers the calls, the merged flow, its SVG and Mermaid', async () => {
    const result = await client.request<FlowResult>('sipls/flow', { uri: B2BUA_URI, callId: LEG_B });
    assert.deepEqual(result.calls.map((c) => [c.id, c.callIds, c.arrows]), [[LEG_A, [LEG_A, LEG_B], 13]]);
    assert.deepEqual(result.flow.participants.map((p) => p.id), ['127.0.0.1:5661', '127.0.0.1:5660', '127.0.0.1:5670']);
    assert.equal(result.flow.arrows[0]?.label, 'INVITE');
    assert.equal(result.flow.arrows[0]?.line, positionOf(B2BUA, B2BUA.indexOf('INVITE sip:')).line);
    assert.equal([...result.svg.matchAll(/<g class="arrow" /g)].length, 13);
    assert.match(result.mermaid, /^sequenceDiagram\n/);
  });

  it('defaults to the first call, offers the all view, and groups by host on request', async () => {
    const first = await client.request<FlowResult>('sipls/flow', { uri: SIPP_URI });
    assert.deepEqual(first.calls.map((c) => c.id), ['1-16469@127.0.0.1', '2-16469@127.0.0.1']);
    assert.equal(first.flow.id, '1-16469@127.0.0.1');
    const all = await client.request<FlowResult>('sipls/flow', { uri: SIPP_URI, callId: 'all' });
    assert.equal(all.flow.id, 'all');
    assert.equal(all.flow.arrows.length, 8);
    const host = await client.request<FlowResult>('sipls/flow', { uri: SIPP_URI, groupBy: 'host' });
    assert.deepEqual(host.flow.participants.map((p) => p.id), ['127.0.0.1']);
  });

  it('follows sipls.flow.mergeHeaders from the settings', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sipls: { flow: { mergeHeaders: [] } } } });
    const apart = await client.request<FlowResult>('sipls/flow', { uri: B2BUA_URI });
    assert.deepEqual(apart.calls.map((c) => c.callIds), [[LEG_A], [LEG_B]]);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sipls: {} } });
    const merged = await client.request<FlowResult>('sipls/flow', { uri: B2BUA_URI });
    assert.equal(merged.calls.length, 1);
  });

  it('answers null for an unknown document or malformed params', async () => {
    assert.equal(await client.request('sipls/flow', { uri: 'file:///nope' }), null);
    assert.equal(await client.request('sipls/flow', { uri: 42 }), null);
    assert.equal(await client.request('sipls/flow', null), null);
  });

  it('puts a CodeLens summary above each INVITE, opening the flow of its call', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: B2BUA_URI } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [positionOf(B2BUA, B2BUA.indexOf('INVITE sip:')).line, 'INVITE → 100 → 180 → 200 → ACK · 8.4 ms · ended by BYE from 127.0.0.1:5661', 'sipls.showFlow', [B2BUA_URI, LEG_A]],
        [positionOf(B2BUA, B2BUA.indexOf('INVITE sip:', B2BUA.indexOf('INVITE sip:') + 1)).line, 'INVITE → 180 → 200 → ACK · 6.8 ms · ended by BYE from 127.0.0.1:5660', 'sipls.showFlow', [B2BUA_URI, LEG_B]],
      ],
    );
    const sipp = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: SIPP_URI } });
    assert.deepEqual(sipp.map((l) => l.command?.title), ['INVITE → 180 → 486 → ACK · 1.6 ms', 'INVITE → 180 → 486 → ACK · 1.1 ms']);
  });

  it('puts CodeLens on a SUBSCRIBE outside a dialog, not on one inside it', async () => {
    const uri = 'file:///t/subscribe.sip';
    const message = (start: string, to: string, cseq: string): string =>
      `${start}\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-${cseq.replace(' ', '')}\r\nMax-Forwards: 70\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: ${to}\r\nCall-ID: sub-1\r\nCSeq: ${cseq}\r\nContact: <sip:a@192.0.2.1>\r\nEvent: presence\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n`;
    await client.open(uri, message('SUBSCRIBE sip:b@example.com SIP/2.0', '<sip:b@example.com>', '1 SUBSCRIBE') + message('SUBSCRIBE sip:b@example.com SIP/2.0', '<sip:b@example.com>;tag=2', '2 SUBSCRIBE'));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[0, 'SUBSCRIBE · no final response']]);
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: 'file:///nope' } }), []);
  });

  it('leaves lens titles to codeLens/resolve in a trace with thousands of dialogs, and resolves them as the eager path titles them', async () => {
    const uri = 'file:///t/many-dialogs_messages.log';
    const { text } = generateTrace('sipp', 2_500_000);
    await client.open(uri, text, 'sip-log');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const document = parseDocument(text);
    const expected = dialogLenses(text, document);
    assert.ok(expected.length > EAGER_LENS_TITLES, `${expected.length} dialogs`);
    assert.equal(lenses.length, expected.length);
    assert.ok(lenses.every((lens) => lens.command === undefined && lens.data !== undefined));
    assert.deepEqual(lenses.map((lens) => lens.range.start.line), expected.map((lens) => positionOf(text, lens.span.start).line));
    for (const at of [0, 1, Math.floor(lenses.length / 2), lenses.length - 1]) {
      const resolved = await client.request<CodeLens>('codeLens/resolve', lenses[at]);
      const want = expected[at];
      assert.deepEqual(resolved.command, { title: want?.title, command: 'sipls.showFlow', arguments: [uri, want?.callId] });
      assert.notEqual(want?.title, '');
    }
    // After an edit above it, a lens of the old version is resolved by where it now stands.
    const stale = lenses[lenses.length - 1] as CodeLens;
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'junk line\n' }]);
    const moved = { ...stale, range: { start: { line: stale.range.start.line + 1, character: 0 }, end: { line: stale.range.end.line + 1, character: stale.range.end.character } } };
    const resolved = await client.request<CodeLens>('codeLens/resolve', moved);
    assert.equal(resolved.command?.title, expected[expected.length - 1]?.title);
    // A lens that no longer stands on a request comes back as it was.
    const nowhere = await client.request<CodeLens>('codeLens/resolve', { ...stale, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } });
    assert.equal(nowhere.command, undefined);
  });
});
