/**
 * Helpers the streaming and CLI suites share: every fixture file that holds SIP text, and a byte
 * stream cut into chunks of a given size (the streamed readers must not care where chunks end).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` that holds SIP text (recipes, expected outputs and registry tables left out), sorted. */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return fixtureFiles(path);
      return /\.(tsv|md|json|xml|csv)$/.test(entry.name) ? [] : [path];
    })
    .sort();
}

export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
