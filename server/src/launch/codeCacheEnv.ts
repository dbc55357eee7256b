/**
 * What the bundle's entry point (withCodeCache.ts) shares with the VS Code client and the server, in
 * a file of its own so that they can import it without running the entry point.
 */

/** The folder for the code cache, set by the client; no cache without it. */
export const CODE_CACHE_ENV = 'SIPLS_CODE_CACHE_DIR';

/**
 * How this start used the cache: `off` (no folder), `used`, `missing` or `rejected` (by V8) and then
 * `written` once the new one is saved, or `unwritable`. Undefined when the server runs without the
 * entry point (the tsc build). The benchmark's debug request reports it.
 */
export type CodeCacheState = 'off' | 'used' | 'missing' | 'rejected' | 'written' | 'unwritable';

/** Where the entry point leaves its state for the server: a global, since they are two bundles. */
export const CODE_CACHE_STATE = Symbol.for('sipls.codeCacheState');

export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as { [CODE_CACHE_STATE]?: CodeCacheState })[CODE_CACHE_STATE];
}

export function setCodeCacheState(state: CodeCacheState): void {
  (globalThis as { [CODE_CACHE_STATE]?: CodeCacheState })[CODE_CACHE_STATE] = state;
}
