/**
 * Reading the files a command is given. Files are read as bytes and decoded as UTF-8 with
 * replacement, so binary or mis-encoded input never stops a command; a missing file, a directory or
 * an unreadable file is a usage/I-O error (exit 2) with a one-line reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './io';

export interface InputFile {
  /** As given on the command line ("-" for standard input). */
  readonly name: string;
  readonly text: string;
}

const decoder = new TextDecoder('utf-8');

export function readInput(name: string): InputFile {
  try {
    if (name === '-') return { name, text: decoder.decode(readFileSync(0)) };
    if (statSync(name).isDirectory()) throw new UsageError(`${name}: is a directory`);
    return { name, text: decoder.decode(readFileSync(name)) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new UsageError(`${name}: ${reason}`);
  }
}
