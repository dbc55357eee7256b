/**
 * Fixed-width rows of numbers, kept in typed-array chunks: a long trace's per-message numbers live
 * outside the JavaScript heap, where the garbage collector neither copies nor marks them, and the
 * table grows by adding a chunk rather than by copying what it holds. The first chunk starts small
 * and doubles, for the many small parses of an edit's window.
 */
const CHUNK_BITS = 12;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const ROW_MASK = CHUNK_ROWS - 1;
const FIRST_ROWS = 16;

export class RowTable {
  private readonly chunks: Int32Array[];
  count = 0;

  constructor(private readonly width: number) {
    this.chunks = [new Int32Array(width * FIRST_ROWS)];
  }

  /** Adds a row of zeros; returns its index. */
  add(): number {
    const row = this.count;
    const chunk = row >>> CHUNK_BITS;
    const end = ((row & ROW_MASK) + 1) * this.width;
    const current = this.chunks[chunk];
    if (current === undefined) this.chunks.push(new Int32Array(this.width * CHUNK_ROWS));
    else if (end > current.length) {
      const grown = new Int32Array(Math.min(Math.max(current.length * 2, this.width * FIRST_ROWS), this.width * CHUNK_ROWS));
      grown.set(current);
      this.chunks[chunk] = grown;
    }
    return this.count++;
  }

  set(row: number, field: number, value: number): void {
    const chunk = this.chunks[row >>> CHUNK_BITS];
    if (chunk !== undefined) chunk[(row & ROW_MASK) * this.width + field] = value;
  }

  get(row: number, field: number): number {
    return this.chunks[row >>> CHUNK_BITS]?.[(row & ROW_MASK) * this.width + field] ?? 0;
  }

  /** Gives back the last chunk's spare room once no more rows come. */
  trim(): void {
    const last = this.chunks.length - 1;
    const used = (this.count - last * CHUNK_ROWS) * this.width;
    const chunk = this.chunks[last];
    if (chunk !== undefined && chunk.length > used) this.chunks[last] = chunk.slice(0, used);
  }
}
