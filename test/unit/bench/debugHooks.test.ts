/**
 * The server's benchmark hooks, over stdio with the real server: `sipls/debug/memory` exists only
 * when SIPLS_DEBUG_REQUESTS=1, the debounce follows SIPLS_DIAGNOSTICS_DEBOUNCE_MS, and the bench's
 * LSP driver times open and keystroke to the diagnostics of the right version.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { BenchServer } from '../../bench/lspDriver';
import { diagnosticsDebounceMs, DEFAULT_DEBOUNCE_MS, MEMORY_REQUEST, memoryReport, type MemoryReport } from '../../../server/src/lsp/debug';
import { CLI_MAIN } from '../../support/paths';

const MESSAGE = 'OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n';

async function withServer(env: Record<string, string>, nodeArgs: string[], body: (server: BenchServer) => Promise<void>): Promise<void> {
  const server = await BenchServer.start({ main: CLI_MAIN, env, nodeArgs });
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

describe('server benchmark hooks', { timeout: 60_000 }, () => {
  it('the memory request is absent by default', async () => {
    await withServer({ SIPLS_DEBUG_REQUESTS: '' }, [], async (server) => {
      await assert.rejects(server.request(MEMORY_REQUEST, {}), (error: unknown) => error instanceof ResponseError && error.code === -32601);
    });
  });

  it('the memory request answers process.memoryUsage() after a full GC, with or without --expose-gc', async () => {
    for (const nodeArgs of [['--expose-gc'], []]) {
      await withServer({ SIPLS_DEBUG_REQUESTS: '1' }, nodeArgs, async (server) => {
        const report = await server.request<MemoryReport>(MEMORY_REQUEST, {});
        assert.equal(report.collected, true, nodeArgs.join(' '));
        assert.ok(report.heapUsed > 1e6 && report.heapUsed <= report.heapTotal, JSON.stringify(report));
        assert.ok(report.rss >= report.heapUsed);
      });
    }
  });

  it('a full GC really runs without --expose-gc: garbage made just before is gone from heapUsed', () => {
    // Made and dropped inside a function: unreachable once it returns.
    const before = ((): number => {
      const garbage = Array.from({ length: 500_000 }, (_, i) => ({ i }));
      return process.memoryUsage().heapUsed + garbage.length * 0;
    })();
    const report = memoryReport();
    assert.equal(report.collected, true);
    assert.ok(report.heapUsed < before - 5e6, `${before} -> ${report.heapUsed}`);
  });

  it('the driver gets the diagnostics of each version: open, then an incremental change that breaks the CSeq', async () => {
    await withServer({ SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '0' }, [], async (server) => {
      const uri = 'file:///bench-test/a.sip';
      const opened = await server.open(uri, MESSAGE, 'sip');
      assert.ok(opened.ms > 0);
      const clean = opened.diagnostics;
      // "CSeq: 1 OPTIONS" -> "CSeq: 1 OPTIONSX": the method no longer matches the request's.
      const line = 3;
      const character = 'CSeq: 1 OPTIONS'.length;
      const changed = await server.change(uri, { start: { line, character }, end: { line, character } }, 'X');
      assert.ok(changed.ms > 0);
      assert.ok(changed.diagnostics > clean, 'the diagnostics waited for are those of the changed version');
      const copy = await server.open('file:///bench-test/b.sip', MESSAGE.replace('CSeq: 1 OPTIONS', 'CSeq: 1 OPTIONSX'), 'sip');
      assert.equal(copy.diagnostics, changed.diagnostics, 'the same text opened fresh gives the same findings');
    });
  });

  it('the debounce comes from the environment, whole milliseconds only', () => {
    assert.equal(diagnosticsDebounceMs({}), DEFAULT_DEBOUNCE_MS);
    assert.equal(diagnosticsDebounceMs({ SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '0' }), 0);
    assert.equal(diagnosticsDebounceMs({ SIPLS_DIAGNOSTICS_DEBOUNCE_MS: ' 40 ' }), 40);
    assert.equal(diagnosticsDebounceMs({ SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '-5' }), DEFAULT_DEBOUNCE_MS);
    assert.equal(diagnosticsDebounceMs({ SIPLS_DIAGNOSTICS_DEBOUNCE_MS: 'fast' }), DEFAULT_DEBOUNCE_MS);
    assert.equal(diagnosticsDebounceMs({ SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '999999999' }), 60_000);
  });
});
