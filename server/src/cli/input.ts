/**
 * The files a command is given, read as streams of bytes. Every file is opened once up front, so a
 * missing file, a directory or an unreadable file is a usage/I-O error (exit 2, one line) before
 * anything is printed; the bytes themselves are read later, a chunk at a time.
 */
import { isAscii } from 'node:buffer';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { UsageError } from './io';

export interface InputFile {
  /** As given on the command line ("-" for standard input). */
  readonly name: string;
  /** Size in bytes when known (regular files), for the progress bar and the choice of workers. */
  readonly size: number | null;
}

/** Bytes per read: large enough for throughput, and one stream window (see DocumentStream), so each read is parsed at once. */
export const READ_CHUNK = 1 << 18;

function ioReason(name: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new UsageError(`${name}: ${reason}`);
}

/** Checks that every input can be read; throws a UsageError naming the first one that cannot. */
export function openInputs(names: readonly string[]): InputFile[] {
  return names.map((name): InputFile => {
    if (name === '-') return { name, size: null };
    let fd = -1;
    try {
      fd = openSync(name, 'r');
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new UsageError(`${name}: is a directory`);
      return { name, size: stat.isFile() ? stat.size : null };
    } catch (error) {
      throw ioReason(name, error);
    } finally {
      if (fd !== -1) closeSync(fd);
    }
  });
}

/** The input's bytes, chunk by chunk; a read error becomes a UsageError. */
export async function* readChunks(name: string): AsyncGenerator<Uint8Array> {
  const stream = name === '-' ? process.stdin : createReadStream(name, { highWaterMark: READ_CHUNK });
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw ioReason(name, error);
  }
}

/**
 * Bytes to text, correct across chunk boundaries (a character split between two reads is decoded
 * once whole); invalid bytes become U+FFFD as in a whole-file decode, and a leading BOM is dropped.
 * A chunk of plain ASCII that starts clean (the chunk before it ended on an ASCII byte, so nothing
 * is pending in the decoder) is read as Latin-1: the same characters, several times cheaper.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  // The BOM is dropped by hand: a decoder that has skipped ASCII chunks would take one in mid-file for the start.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let first = true;
  let clean = true;
  for await (const chunk of chunks) {
    onBytes?.(chunk.byteLength);
    if (chunk.byteLength === 0) continue;
    let text = clean && isAscii(chunk) ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1') : decoder.decode(chunk, { stream: true });
    clean = (chunk[chunk.byteLength - 1] ?? 0) < 0x80;
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  let rest = decoder.decode();
  if (first && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
  if (rest.length > 0) yield rest;
}

/**
 * A whole input as text, for commands that need every message at once (`sipls flow` draws a call
 * from its first message to its last). Same decoding and the same one-line I/O errors as the streams.
 */
export function readInput(name: string): { readonly name: string; readonly text: string } {
  const [input] = openInputs([name]);
  try {
    return { name, text: new TextDecoder('utf-8').decode(readFileSync(input?.name === '-' ? 0 : name)) };
  } catch (error) {
    throw ioReason(name, error);
  }
}
