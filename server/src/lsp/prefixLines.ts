/**
 * Offsets to positions for answers about the start of a document, such as a capped outline or the
 * first folding ranges of a huge trace. The editor library's TextDocument finds every line of the
 * text on its first positionAt (a third of a second and much garbage for a 50 MB trace); this finds
 * line starts only as far as the largest offset asked for, so a capped answer costs what it covers.
 * Positions are the TextDocument's: CRLF, CR and LF end a line, and an offset inside a line break
 * moves back to the end of the line's text.
 */
import type { Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TrackedDocument } from './trackedDocument';

const LF = 10;
const CR = 13;

export class PrefixLines {
  private starts = new Int32Array(1024);
  private count = 1;
  /** Every line break before this offset has been found (so every line start at or before it is known). */
  private scanned = 0;
  private last = 0;
  /** The next LF and CR at or after `scanned` (Infinity when there is none), kept between scans. */
  private nextLf = -1;
  private nextCr = -1;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const target = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(target);
    const low = this.lineOf(target);
    this.last = low;
    const lineStart = this.starts[low] ?? 0;
    let at = target;
    while (at > lineStart && isBreak(this.text.charCodeAt(at - 1))) at--;
    return { line: low, character: at - lineStart };
  }

  /** The line holding `offset`: the last line asked about or the one after it (answers come in document order), else a binary search. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    const last = this.last;
    if (last < this.count && (starts[last] ?? 0) <= offset) {
      if (last + 1 >= this.count || offset < (starts[last + 1] ?? 0)) return last;
      if (last + 2 >= this.count || offset < (starts[last + 2] ?? 0)) return last + 1;
    }
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Finds the line breaks before `offset` not found yet, jumping from one to the next with indexOf (native, much faster than a loop over characters). */
  private scanTo(offset: number): void {
    const text = this.text;
    while (this.scanned < offset) {
      if (this.nextLf < this.scanned) this.nextLf = found(text.indexOf('\n', this.scanned));
      if (this.nextCr < this.scanned) this.nextCr = found(text.indexOf('\r', this.scanned));
      const at = Math.min(this.nextLf, this.nextCr);
      if (at >= offset) {
        this.scanned = offset;
        return;
      }
      this.scanned = at === this.nextCr && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      this.push(this.scanned);
    }
  }

  private push(start: number): void {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = start;
  }
}

function found(index: number): number {
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

function isBreak(c: number): boolean {
  return c === LF || c === CR;
}

/** What answers in document order need: offsets to positions. */
export type PositionsInOrder = Pick<PrefixLines, 'positionAt'>;

/** One PrefixLines per document version: the TextDocument object is updated in place by edits. */
const memo = new WeakMap<TextDocument, { readonly version: number; readonly lines: PrefixLines }>();

/**
 * Positions for an answer about `document`. The server's own documents keep every line start
 * already (edits need them) and look positions up from the last one found, so they serve as they
 * are: no scan, and no joining of a long trace's text into one string to scan it.
 */
export function prefixLines(document: TextDocument): PositionsInOrder {
  if (document instanceof TrackedDocument) return document;
  const known = memo.get(document);
  if (known?.version === document.version) return known.lines;
  const lines = new PrefixLines(document.getText());
  memo.set(document, { version: document.version, lines });
  return lines;
}
