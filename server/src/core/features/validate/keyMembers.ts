/**
 * Which messages carry each Call-ID or branch number (Validation.keys: two numbers per message, -1
 * for none), so that a re-validation finds the messages of the calls an edit reaches by looking them
 * up instead of reading the keys of every message in the trace.
 *
 * Built in one pass as compressed rows (per key, a run of positions in one typed array). Positions
 * stay valid while edits keep the number of messages; a message an edit re-read is set aside as
 * changed and answered from its current keys, and the rows are built again once many are.
 */

/** Past this many changed messages, building the rows again is cheaper than checking them one by one. */
const REBUILD_AFTER = 4096;

export class KeyMembers {
  private readonly starts: Int32Array;
  private readonly rows: Int32Array;
  private readonly changed = new Set<number>();

  /** `keys` two per position; `keyCount` the number of key numbers in use. */
  constructor(keys: Int32Array, keyCount: number) {
    // A message whose Call-ID and branch read the same has one number twice: it is listed once.
    const listed = (i: number, key: number): boolean => key >= 0 && key < keyCount && !(i % 2 === 1 && keys[i - 1] === key);
    const starts = new Int32Array(keyCount + 1);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? -1;
      if (listed(i, key)) starts[key + 1] = (starts[key + 1] ?? 0) + 1;
    }
    for (let k = 0; k < keyCount; k++) starts[k + 1] = (starts[k + 1] ?? 0) + (starts[k] ?? 0);
    const rows = new Int32Array(starts[keyCount] ?? 0);
    const fill = starts.slice(0, keyCount);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? -1;
      if (!listed(i, key)) continue;
      rows[fill[key] ?? 0] = i >> 1;
      fill[key] = (fill[key] ?? 0) + 1;
    }
    this.starts = starts;
    this.rows = rows;
  }

  /** Positions [from, to) were read again: their keys may differ from those the rows were built with. */
  changedAt(from: number, to: number): void {
    for (let i = from; i < to; i++) this.changed.add(i);
  }

  /** Whether so many positions changed that the rows should be built again. */
  get worn(): boolean {
    return this.changed.size > REBUILD_AFTER;
  }

  /** The positions whose current keys (`keys`) include one of `wanted` (key numbers, never -1), ascending. */
  positionsOf(wanted: ReadonlySet<number>, keys: Int32Array): number[] {
    const found = new Set<number>();
    const keyCount = this.starts.length - 1;
    for (const key of wanted) {
      if (key < 0 || key >= keyCount) continue;
      for (let r = this.starts[key] ?? 0, end = this.starts[key + 1] ?? 0; r < end; r++) {
        const position = this.rows[r] ?? -1;
        if (!this.changed.has(position)) found.add(position);
      }
    }
    for (const position of this.changed) {
      if (wanted.has(keys[2 * position] ?? -1) || wanted.has(keys[2 * position + 1] ?? -1)) found.add(position);
    }
    return [...found].sort((a, b) => a - b);
  }
}
