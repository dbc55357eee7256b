/** Running one measurement in a fresh process, pinned to a core when taskset exists, and reading its JSON. */
import { spawnSync } from 'node:child_process';
import { haveTaskset } from './lspDriver';

/**
 * The measured program runs on CPU 0. A driver that talks to a server on CPU 0 runs on CPU 1, so the
 * client's own work (encoding 50 MB of JSON, say) does not compete with the server it measures.
 */
export function pinnedCommand(core: 0 | 1, command: string, args: readonly string[]): [string, string[]] {
  return haveTaskset() ? ['taskset', ['-c', String(core), command, ...args]] : [command, [...args]];
}

export function runJson<T>(core: 0 | 1, script: string, args: readonly string[], nodeArgs: readonly string[] = []): T {
  const [command, argv] = pinnedCommand(core, process.execPath, [...nodeArgs, script, ...args]);
  const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 15 * 60_000 });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${result.signal ?? result.status}): ${(result.stderr ?? '').slice(-2000)}`);
  return JSON.parse(result.stdout) as T;
}

/** Wall-clock milliseconds of a command run to its end, and how it ended; `core` null leaves it free to use every core. */
export function timeCommand(core: 0 | 1 | null, command: string, args: readonly string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const [cmd, argv] = core === null ? [command, [...args]] : pinnedCommand(core, command, args);
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 15 * 60_000 });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
