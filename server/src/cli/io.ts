/**
 * What a CLI command may touch: two output streams and the terminal width. Commands take this
 * instead of `process` so tests can run them in-process and the binary stays a thin shell.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Terminal width when stdout is a terminal; undefined for pipes and files. */
  readonly columns?: number;
  /** Set when stderr is a terminal (its width): long reads then show a progress bar there. */
  readonly stderrColumns?: number;
  /** Resolves when stdout has taken what was written (a slow pipe), so output never piles up in memory. */
  readonly drain?: () => Promise<void>;
}

/** Exit codes shared by every command: 0 success, 1 "found problems / not found", 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Thrown by argument parsing; `main` turns it into a one-line message on stderr and exit code 2. */
export class UsageError extends Error {}
