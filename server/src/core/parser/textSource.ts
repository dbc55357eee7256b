/**
 * A document's text as the incremental passes read it: its length and pieces of it. A string is
 * one; an editor may hand over something cheaper, a text that becomes one string only when a
 * feature needs all of it. After a keystroke in a 50 MB trace, building that string is the largest
 * cost of the version (copying, and collecting the previous copy), and re-parsing and re-validating
 * the edit read only the text of a few messages.
 */
export interface TextSource {
  readonly length: number;
  /** Characters [start, end), as String.prototype.slice with both ends in range. */
  slice(start: number, end: number): string;
  /** The whole text as one string. */
  toString(): string;
}
