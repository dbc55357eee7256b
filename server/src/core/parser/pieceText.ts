/**
 * An edited text kept as the pieces it is made of: slices of the text as it was last joined, and the
 * strings typed since. An edit costs a few pieces, not a copy of the text; a slice near the edit
 * joins a few pieces; the whole text becomes one string only when something asks for all of it.
 *
 * Why not a string: every edit of a JS string makes a new string, which the engine copies whole
 * (50 MB for a large trace) the first time it is read, and the copies, each too big for the young
 * generation, are what makes the collector run full collections while someone types.
 *
 * Immutable: an edit returns a new text, so each document version can keep its own.
 */
import type { TextSource } from './textSource';

/**
 * Beyond this many pieces, an edit joins the text first. A keystroke adds about two pieces and an
 * edit copies the list of pieces (a few microseconds at this size), while joining a large text
 * costs tens of milliseconds: rare joins are worth a longer list.
 */
const MAX_PIECES = 2048;
/** Typed text next to typed text is merged while both are this short, so a typed word is one piece. */
const SHORT = 256;

export class PieceText implements TextSource {
  /** The whole text once joined: slices of it are cheap views, and a later edit starts from it. */
  private joined: string | undefined;

  private constructor(
    private readonly pieces: readonly string[],
    /** Offset of each piece in the text. */
    private readonly starts: readonly number[],
    readonly length: number,
  ) {
    if (pieces.length <= 1) this.joined = pieces[0] ?? '';
  }

  static of(text: string): PieceText {
    return new PieceText(text === '' ? [] : [text], text === '' ? [] : [0], text.length);
  }

  /** How many pieces the text is made of: 1 once joined. */
  get pieceCount(): number {
    return this.joined !== undefined ? 1 : this.pieces.length;
  }

  /** This text with [start, end) replaced by `inserted` (offsets clamped to the text). */
  edit(start: number, end: number, inserted: string): PieceText {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    const base: PieceText = this.joined === undefined && this.pieces.length >= MAX_PIECES ? PieceText.of(this.toString()) : this;
    const pieces = base.joined !== undefined ? (base.joined === '' ? [] : [base.joined]) : base.pieces;
    const starts = base.joined !== undefined ? (base.joined === '' ? [] : [0]) : base.starts;
    const out: string[] = [];
    let k = 0;
    for (; k < pieces.length; k++) {
      const piece = pieces[k] as string;
      const pieceStart = starts[k] ?? 0;
      if (pieceStart + piece.length >= from) break;
      out.push(piece);
    }
    // The piece holding `from` contributes what lies before it; typed text joins short neighbours.
    const holding = pieces[k];
    if (holding !== undefined && from > (starts[k] ?? 0)) out.push(holding.slice(0, from - (starts[k] ?? 0)));
    if (inserted !== '') {
      const last = out[out.length - 1];
      if (last !== undefined && last.length < SHORT && inserted.length < SHORT) out[out.length - 1] = last + inserted;
      else out.push(inserted);
    }
    // Skip to the piece holding `to`, and keep what lies after it.
    for (; k < pieces.length; k++) {
      const piece = pieces[k] as string;
      const pieceStart = starts[k] ?? 0;
      if (pieceStart + piece.length > to) {
        if (to > pieceStart) out.push(piece.slice(to - pieceStart));
        else out.push(piece);
        k++;
        break;
      }
    }
    for (; k < pieces.length; k++) out.push(pieces[k] as string);
    const outStarts = new Array<number>(out.length);
    let at = 0;
    for (let i = 0; i < out.length; i++) {
      outStarts[i] = at;
      at += (out[i] as string).length;
    }
    return new PieceText(out, outStarts, at);
  }

  slice(start: number, end: number): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (from === to) return '';
    let k = this.pieceAt(from);
    let result = '';
    let at = from;
    while (at < to && k < this.pieces.length) {
      const piece = this.pieces[k] as string;
      const pieceStart = this.starts[k] ?? 0;
      const part = piece.slice(at - pieceStart, Math.min(piece.length, to - pieceStart));
      result = result === '' ? part : result + part;
      at = pieceStart + piece.length;
      k++;
    }
    return result;
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text (as String.prototype.charCodeAt). */
  charCodeAt(offset: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return Number.NaN;
    const k = this.pieceAt(offset);
    return (this.pieces[k] as string).charCodeAt(offset - (this.starts[k] ?? 0));
  }

  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  /** Index of the piece holding `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
