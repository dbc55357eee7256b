#!/usr/bin/env node
/**
 * The bundle's entry point, dist/server.js: runs dist/server-core.js (the language server and the
 * `sipls` command) through a V8 code cache, so that every start after the first skips compiling
 * the ~600 KB bundle. That compile is about a third of the server's start-up.
 *
 * The cache lives only where the environment says (`SIPLS_CODE_CACHE_DIR`: the VS Code client
 * passes the extension's global storage); without it this file just runs the core. The cache file
 * is named by a hash of the core's content, the V8 version and the CPU architecture, so a cache
 * can never be applied to other code; V8 also rejects data from other flags, and a rejected or
 * missing cache is written anew a few seconds after start-up, when the functions the server needed
 * so far are compiled and go into it. Any failure to read or write it only costs the compile.
 *
 * The core is run as Node would run a CommonJS module, with this file's `module` and `require`, so
 * `require.main === module` and worker threads (which start this same file) behave as before.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { CODE_CACHE_ENV, setCodeCacheState } from './codeCacheEnv';

/** Set by the bundler to a hash of dist/server-core.js. */
declare const SIPLS_CORE_HASH: string;

/** Long enough for the initialize exchange and a first document, short enough to land in most sessions. */
const WRITE_AFTER_MS = 5_000;

type CommonJsWrapper = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

function readCache(path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, path: string, script: Script): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, path);
    setCodeCacheState('written');
  } catch {
    // A read-only or full disk: the next start compiles again, nothing else changes.
    setCodeCacheState('unwritable');
  }
}

function run(): void {
  const filename = join(__dirname, 'server-core.js');
  // The wrapper stays on the core's first line, so stack traces keep the core's line numbers.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8')}\n})`;
  const dir = process.env[CODE_CACHE_ENV]?.trim() || undefined;
  const cachePath = dir === undefined ? undefined : join(dir, `server-core-${SIPLS_CORE_HASH}-v8-${process.versions.v8}-${process.arch}.cache`);
  const cachedData = readCache(cachePath);
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  setCodeCacheState(dir === undefined ? 'off' : cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used');
  if (dir !== undefined && cachePath !== undefined && isMainThread && (cachedData === undefined || script.cachedDataRejected === true)) {
    setTimeout(() => writeCache(dir, cachePath, script), WRITE_AFTER_MS).unref();
  }
  (script.runInThisContext() as CommonJsWrapper)(module.exports, require, module, filename, __dirname);
}

run();
