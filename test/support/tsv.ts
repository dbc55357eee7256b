/** A minimal TSV reader for the vendored registry fixtures: a header row, then one record per line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './paths';

export type TsvRow = Readonly<Record<string, string>>;

export function readTsv(relativePath: string): TsvRow[] {
  const lines = readFileSync(join(FIXTURES, relativePath), 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const [header, ...records] = lines;
  if (header === undefined) return [];
  const columns = header.split('\t');
  return records.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** A `|`-separated TSV cell as a list ([] for an empty cell). */
export function cellList(cell: string | undefined): string[] {
  return cell ? cell.split('|').map((part) => part.trim()).filter(Boolean) : [];
}
