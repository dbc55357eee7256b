/**
 * One server session as a user's first one after installing: start the bundle (pinned to one core),
 * open a trace, ask for what an editor asks for, and stay until the V8 code cache is written (the
 * entry point writes it a few seconds after start, with the functions compiled so far). Every server
 * the benchmark starts afterwards then starts as every start after the first does for a user.
 * Without this, servers that end within those seconds (the small traces) never write it, and only
 * the few runs after the first long one measure a cached start.
 *
 * Prints one JSON object: PrimeSample. Usage: node primeCodeCache.js SERVER_MAIN TRACE_FILE LANGUAGE_ID
 */
import { readFileSync } from 'node:fs';
import { BenchServer } from './lspDriver';
import { CODE_CACHE_REQUEST } from '../../server/src/lsp/debug';
import type { CodeCacheState } from '../../server/src/launch/codeCacheEnv';

export interface PrimeSample {
  /** Start to the initialize result, compiling the bundle. */
  readonly startupMs: number;
  /** How the start used the cache: 'missing' when this session is the one that writes it. */
  readonly atStart: CodeCacheState | null;
  /** 'written' once the cache is on disk; anything else means later starts compile too. */
  readonly atEnd: CodeCacheState | null;
}

/** The entry point writes 5 s after start; a little more covers a loaded machine. */
const WAIT_MS = 12_000;

async function main(): Promise<void> {
  const [main, file, languageId = 'sip-log'] = process.argv.slice(2);
  if (!main || !file) throw new Error('usage: primeCodeCache SERVER_MAIN TRACE_FILE LANGUAGE_ID');
  const text = readFileSync(file, 'latin1');
  const server = await BenchServer.start({ main, pinned: true, env: { SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '0', SIPLS_DEBUG_REQUESTS: '1' } });
  try {
    const atStart = await server.request<CodeCacheState | null>(CODE_CACHE_REQUEST, {});
    const uri = 'file:///bench/prime.log';
    await server.open(uri, text, languageId);
    // The requests the measured sessions make, so that their code is compiled when the cache is made.
    await server.timed('textDocument/documentSymbol', { textDocument: { uri } });
    await server.timed('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split('\n');
    for (let line = 0; line < Math.min(lines.length, 400); line += 7) {
      const character = Math.min(4, (lines[line] ?? '').length);
      await server.timed('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      await server.timed('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    }
    const header = lines.findIndex((line) => line.startsWith('Via: '));
    if (header >= 0) for (let i = 0; i < 5; i++) await server.change(uri, { start: { line: header, character: 5 }, end: { line: header, character: 5 } }, 'x');
    let atEnd = atStart;
    const deadline = Date.now() + WAIT_MS;
    while (atEnd !== 'written' && atEnd !== 'unwritable' && atStart !== 'used' && atStart !== 'off' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      atEnd = await server.request<CodeCacheState | null>(CODE_CACHE_REQUEST, {});
    }
    const sample: PrimeSample = { startupMs: server.startupMs, atStart, atEnd };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
