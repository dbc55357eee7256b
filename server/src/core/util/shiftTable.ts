/**
 * Per-position moves where an edit moves everything after it: "every position from i on moved by d"
 * is kept in a Fenwick tree over the positions, so that recording a move and reading the total move
 * at a position each take about log2(size) steps. A keystroke near the top of a long trace so costs
 * a few steps, not a visit to each of the hundred thousand messages after it. Used for the views of
 * a re-parsed document's messages (parser/shifted.ts) and for how far each message's kept findings
 * moved (features/validate/incremental.ts).
 */
export class ShiftTable {
  private readonly tree: Float64Array;
  /** Changes with every move, so that a reader knows without reading the tree that nothing moved since it last looked. */
  generation = 0;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
  }

  /** A table whose position i has moved by values[i], built in one pass. */
  static of(values: ArrayLike<number>): ShiftTable {
    const table = new ShiftTable(values.length);
    const tree = table.tree;
    // The tree of the differences between neighbours: a suffix move per position, then each node passed up once.
    for (let i = 1; i <= values.length; i++) tree[i] = (values[i - 1] ?? 0) - (i > 1 ? values[i - 2] ?? 0 : 0);
    for (let i = 1; i <= values.length; i++) {
      const up = i + (i & -i);
      if (up <= values.length) tree[up] = (tree[up] ?? 0) + (tree[i] ?? 0);
    }
    return table;
  }

  /** Positions [from, size) moved by `delta`. */
  moveFrom(from: number, delta: number): void {
    if (delta === 0 || from >= this.size) return;
    for (let i = Math.max(from, 0) + 1; i <= this.size; i += i & -i) this.tree[i] = (this.tree[i] ?? 0) + delta;
    this.generation++;
  }

  /** Position `index` alone now counts as moved by `value`. */
  set(index: number, value: number): void {
    const change = value - this.at(index);
    this.moveFrom(index, change);
    this.moveFrom(index + 1, -change);
  }

  /** The total move recorded for position `index`. */
  at(index: number): number {
    let sum = 0;
    for (let i = Math.min(index + 1, this.size); i > 0; i -= i & -i) sum += this.tree[i] ?? 0;
    return sum;
  }

  /** Every position's move, in one pass (the inverse of `of`). */
  values(): Float64Array {
    const tree = Float64Array.from(this.tree);
    for (let i = this.size; i >= 1; i--) {
      const up = i + (i & -i);
      if (up <= this.size) tree[up] = (tree[up] ?? 0) - (tree[i] ?? 0);
    }
    const values = new Float64Array(this.size);
    let sum = 0;
    for (let i = 1; i <= this.size; i++) values[i - 1] = sum += tree[i] ?? 0;
    return values;
  }
}
