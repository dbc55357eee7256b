/**
 * One language-server measurement in a fresh server process: start it (pinned to one core), open a
 * trace, and time what an editor asks for. Prints one JSON object (LspSample).
 *
 * Usage: node measureLsp.js SERVER_MAIN TRACE_FILE LANGUAGE_ID [KEYSTROKE_BUDGET_MS]
 */
import { readFileSync } from 'node:fs';
import { random } from './generate';
import { BenchServer } from './lspDriver';
import { percentile } from './stats';
import { CODE_CACHE_REQUEST, type MemoryReport } from '../../server/src/lsp/debug';
import type { CodeCacheState } from '../../server/src/launch/codeCacheEnv';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

export interface Spread {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface LspSample {
  readonly bytes: number;
  readonly startupMs: number;
  /** How this start used the V8 code cache (null: not the bundle's entry point). */
  readonly codeCache: CodeCacheState | null;
  readonly idleHeap: number;
  readonly openMs: number;
  /** Server main-thread CPU for the same exchange (see lspDriver): steady when other work shares the core. */
  readonly openCpuMs: number;
  readonly diagnostics: number;
  readonly heapUsed: number;
  readonly rss: number;
  readonly collected: boolean;
  readonly symbolsMs: number;
  readonly symbolsCpuMs: number;
  /** Top-level symbols returned. */
  readonly symbols: number;
  /** Symbols returned at every level (calls and their messages). */
  readonly symbolsAll: number;
  /** Whether the outline ended in the summary of what it left out (sipls.outline.maxItems). */
  readonly symbolsCapped: boolean;
  readonly foldingMs: number;
  readonly foldingCpuMs: number;
  readonly foldingRanges: number;
  /** The cap folding ran into (the setting's default: the benchmark client states no rangeLimit), or null when under it. */
  readonly foldingCap: number | null;
  readonly ping: Spread;
  readonly hover: Spread & { readonly answered: number };
  readonly hoverCpu: Spread;
  readonly completion: Spread & { readonly answered: number };
  readonly completionCpu: Spread;
  readonly keystroke: Spread & { readonly planned: number };
  /** Every keystroke time, so that runs with few keystrokes can be pooled. */
  readonly keystrokes: readonly number[];
  readonly keystrokesCpu: readonly number[];
}

interface OutlineSymbol {
  readonly kind: number;
  readonly children?: readonly OutlineSymbol[];
}

/** LSP SymbolKind.Null: the kind of the entry that closes a capped outline. */
const SYMBOL_KIND_NULL = 21;

const countSymbols = (symbols: readonly OutlineSymbol[]): number => symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);

const POSITIONS = 1000;
const EDITS = 100;
const PINGS = 200;

const spread = (samples: readonly number[]): Spread => ({ n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) });

/** A header line inside a message: "Name: value" at the start of the line. */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*: ./;

async function main(): Promise<void> {
  const [main, file, languageId = 'sip-log', budget = '60000'] = process.argv.slice(2);
  if (!main || !file) throw new Error('usage: measureLsp SERVER_MAIN TRACE_FILE LANGUAGE_ID [KEYSTROKE_BUDGET_MS]');
  const keystrokeBudgetMs = Number(budget);
  const text = readFileSync(file, 'latin1');
  const lines = text.split('\n');
  const next = random(42);
  const pick = (n: number): number => Math.floor(next() * n);

  const server = await BenchServer.start({
    main,
    pinned: true,
    // No --expose-gc: it slows Node's own start-up; the memory request exposes the collection itself.
    env: { SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '0', SIPLS_DEBUG_REQUESTS: '1' },
  });
  try {
    const codeCache = await server.request<CodeCacheState | null>(CODE_CACHE_REQUEST, {});
    const idle = await server.request<MemoryReport>('sipls/debug/memory', {});

    // The floor for any request: a hover round trip on a one-message document.
    const pingUri = 'file:///bench/ping.sip';
    await server.open(pingUri, 'SIP/2.0 486 Busy Here\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\n\r\n', 'sip');
    const pings: number[] = [];
    for (let i = 0; i < PINGS; i++) pings.push((await server.timed('textDocument/hover', { textDocument: { uri: pingUri }, position: { line: 0, character: 9 } })).ms);

    const uri = 'file:///bench/trace.log';
    const opened = await server.open(uri, text, languageId);
    const memory = await server.request<MemoryReport>('sipls/debug/memory', {});

    const symbols = await server.timed<OutlineSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    const folding = await server.timed<unknown[] | null>('textDocument/foldingRange', { textDocument: { uri } });

    const randomPosition = (): { line: number; character: number } => {
      const line = pick(lines.length);
      return { line, character: pick((lines[line] ?? '').replace(/\r$/, '').length + 1) };
    };
    const hovers: number[] = [];
    const hoversCpu: number[] = [];
    let hoverAnswers = 0;
    for (let i = 0; i < POSITIONS; i++) {
      const { ms, cpuMs, result } = await server.timed<unknown>('textDocument/hover', { textDocument: { uri }, position: randomPosition() });
      hovers.push(ms);
      hoversCpu.push(cpuMs);
      if (result) hoverAnswers++;
    }
    const completions: number[] = [];
    const completionsCpu: number[] = [];
    let completionAnswers = 0;
    for (let i = 0; i < POSITIONS; i++) {
      const { ms, cpuMs, result } = await server.timed<{ items?: unknown[] } | unknown[] | null>('textDocument/completion', { textDocument: { uri }, position: randomPosition() });
      completions.push(ms);
      completionsCpu.push(cpuMs);
      const items = Array.isArray(result) ? result : result?.items;
      if (items && items.length > 0) completionAnswers++;
    }

    // Single-character inserts into header values, as incremental changes. Stops early when the
    // budget runs out, so a server that re-parses 50 MB per keystroke still finishes the run.
    const keystrokes: number[] = [];
    const keystrokesCpu: number[] = [];
    const started = Date.now();
    for (let i = 0; i < EDITS && Date.now() - started < keystrokeBudgetMs; i++) {
      let line = pick(lines.length);
      while (!HEADER_LINE.test(lines[line] ?? '')) line = (line + 1) % lines.length;
      const current = (lines[line] ?? '').replace(/\r$/, '');
      const character = current.indexOf(':') + 2 + pick(current.length - current.indexOf(':') - 1);
      const letter = String.fromCharCode(97 + pick(26));
      lines[line] = current.slice(0, character) + letter + (lines[line] ?? '').slice(character);
      const edit = await server.change(uri, { start: { line, character }, end: { line, character } }, letter);
      keystrokes.push(edit.ms);
      keystrokesCpu.push(edit.cpuMs);
    }

    const sample: LspSample = {
      bytes: text.length,
      startupMs: server.startupMs,
      codeCache,
      idleHeap: idle.heapUsed,
      openMs: opened.ms,
      openCpuMs: opened.cpuMs,
      diagnostics: opened.diagnostics,
      heapUsed: memory.heapUsed,
      rss: memory.rss,
      collected: memory.collected,
      symbolsMs: symbols.ms,
      symbolsCpuMs: symbols.cpuMs,
      symbols: symbols.result?.length ?? 0,
      symbolsAll: countSymbols(symbols.result ?? []),
      symbolsCapped: symbols.result?.at(-1)?.kind === SYMBOL_KIND_NULL,
      foldingMs: folding.ms,
      foldingCpuMs: folding.cpuMs,
      foldingRanges: folding.result?.length ?? 0,
      foldingCap: (folding.result?.length ?? 0) >= DEFAULT_SETTINGS.outlineMaxItems ? DEFAULT_SETTINGS.outlineMaxItems : null,
      ping: spread(pings),
      hover: { ...spread(hovers), answered: hoverAnswers },
      hoverCpu: spread(hoversCpu),
      completion: { ...spread(completions), answered: completionAnswers },
      completionCpu: spread(completionsCpu),
      keystroke: { ...spread(keystrokes), planned: EDITS },
      keystrokes,
      keystrokesCpu,
    };
    process.stdout.write(JSON.stringify(sample) + '\n');
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
