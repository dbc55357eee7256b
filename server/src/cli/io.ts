/**
 * What a CLI command may touch: two output streams and the terminal width. Commands take this
 * instead of `process` so tests can run them in-process and the binary stays a thin shell.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Terminal width when stdout is a terminal; undefined for pipes and files. */
  readonly columns?: number;
}

/** Exit codes shared by every command: 0 success, 1 "found problems / not found", 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Thrown by argument parsing; `main` turns it into a one-line message on stderr and exit code 2. */
export class UsageError extends Error {}
