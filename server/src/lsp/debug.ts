/**
 * Hooks for measuring the server (`npm run bench`), off unless asked for through the environment,
 * so an editor's server behaves exactly as without them:
 * - `SIPLS_DIAGNOSTICS_DEBOUNCE_MS=N` sets how long diagnostics wait for typing to pause (default
 *   150 ms); the benchmark sets 0 so that keystroke-to-diagnostics times the server's own work.
 * - `SIPLS_DEBUG_REQUESTS=1` adds the request `sipls/debug/memory`, which answers
 *   `process.memoryUsage()` taken after a full garbage collection, and `sipls/debug/codeCache`.
 *
 * The collection is exposed on the first memory request, not by starting Node with `--expose-gc`:
 * that flag makes Node reject its own compiled code for its built-in modules, which would slow the
 * very start-up the benchmark measures.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Connection } from 'vscode-languageserver/node';
import { codeCacheState, type CodeCacheState } from '../launch/codeCacheEnv';

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEBOUNCE_ENV = 'SIPLS_DIAGNOSTICS_DEBOUNCE_MS';
export const DEBUG_REQUESTS_ENV = 'SIPLS_DEBUG_REQUESTS';
export const MEMORY_REQUEST = 'sipls/debug/memory';
/** Answers how this start used the V8 code cache (see launch/codeCacheEnv.ts), or null without the bundle's entry point. */
export const CODE_CACHE_REQUEST = 'sipls/debug/codeCache';

export interface MemoryReport extends NodeJS.MemoryUsage {
  /** Whether a full collection ran first; without it heapUsed includes garbage. */
  readonly collected: boolean;
}

/** The debounce from the environment: a whole number of milliseconds up to a minute, else the default. */
export function diagnosticsDebounceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[DEBOUNCE_ENV];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_DEBOUNCE_MS;
  return Math.min(Number(raw.trim()), 60_000);
}

let exposedHere: (() => void) | undefined;

/**
 * V8's full collection: the global one under --expose-gc, else exposed once in a fresh context. The
 * flag is set back at once: V8 stamps code caches with its flags, and a cache written later in this
 * process (see launch/withCodeCache.ts) must suit the next start, which runs without it.
 */
function fullCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  if (exposedHere) return exposedHere;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') exposedHere = gc as () => void;
  } catch {
    // No collection: the report says so.
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return exposedHere;
}

export function memoryReport(): MemoryReport {
  const gc = fullCollection();
  gc?.();
  return { ...process.memoryUsage(), collected: gc !== undefined };
}

/** Registers the debug requests when the environment enables them; says whether it did. */
export function registerDebugRequests(connection: Connection, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[DEBUG_REQUESTS_ENV] !== '1') return false;
  connection.onRequest(MEMORY_REQUEST, () => memoryReport());
  connection.onRequest(CODE_CACHE_REQUEST, (): CodeCacheState | null => codeCacheState() ?? null);
  return true;
}
