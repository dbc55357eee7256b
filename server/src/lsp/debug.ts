/**
 * Hooks for measuring the server (`npm run bench`), off unless asked for through the environment,
 * so an editor's server behaves exactly as without them:
 * - `SIPLS_DIAGNOSTICS_DEBOUNCE_MS=N` sets how long diagnostics wait for typing to pause (default
 *   150 ms); the benchmark sets 0 so that keystroke-to-diagnostics times the server's own work.
 * - `SIPLS_DEBUG_REQUESTS=1` adds the request `sipls/debug/memory`, which answers
 *   `process.memoryUsage()` taken after a full garbage collection when Node runs with `--expose-gc`.
 */
import type { Connection } from 'vscode-languageserver/node';

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEBOUNCE_ENV = 'SIPLS_DIAGNOSTICS_DEBOUNCE_MS';
export const DEBUG_REQUESTS_ENV = 'SIPLS_DEBUG_REQUESTS';
export const MEMORY_REQUEST = 'sipls/debug/memory';

export interface MemoryReport extends NodeJS.MemoryUsage {
  /** Whether a full collection ran first (only under --expose-gc); without it heapUsed includes garbage. */
  readonly collected: boolean;
}

/** The debounce from the environment: a whole number of milliseconds up to a minute, else the default. */
export function diagnosticsDebounceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[DEBOUNCE_ENV];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_DEBOUNCE_MS;
  return Math.min(Number(raw.trim()), 60_000);
}

export function memoryReport(): MemoryReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { ...process.memoryUsage(), collected: gc !== undefined };
}

/** Registers the debug requests when the environment enables them; says whether it did. */
export function registerDebugRequests(connection: Connection, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[DEBUG_REQUESTS_ENV] !== '1') return false;
  connection.onRequest(MEMORY_REQUEST, () => memoryReport());
  return true;
}
