/**
 * The server's copy of an open document: what vscode-languageserver-textdocument's TextDocument
 * does (same positions, same handling of edits), without its cost per keystroke on a large text.
 * That one rebuilds its string on every change (which the engine then copies whole, 50 MB for a
 * large trace, and must collect again) and keeps line offsets in a plain array. Here the text is a
 * PieceText, joined only when a feature asks for the whole of it, and typing leaves the line starts
 * after the edit to be moved many edits at once.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { PieceText } from '../core/parser/pieceText';
import type { TextSource } from '../core/parser/textSource';

const CR = 13;
/** Line moves kept pending at most (see pendingLines); past it they are applied, one pass over all lines. */
const MAX_PENDING_MOVES = 2048;
const LF = 10;

export class TrackedDocument implements TextDocument {
  private text: PieceText;
  /**
   * Offset of each line's first character, lineStarts[0, lineTotal), before the pending moves below.
   * A plain array, as TextDocument's: in the heap, where the collector's schedule counts it (a typed
   * array of a million lines, outside it, made full collections land in the first requests after
   * a large trace opened).
   */
  private lineStarts: number[];
  private lineTotal: number;
  /**
   * Moves not yet applied to lineStarts, by first line moved, ascending: lines from pendingLines[i]
   * on start pendingMoves[i] later, and pendingSums[i] is the total move of a line from
   * pendingLines[i] up to the next. Typing moves every later line; applying that to a million lines
   * per keystroke would cost more than the rest of the keystroke, so moves wait and are applied
   * together, rarely.
   */
  private pendingLines: number[] = [];
  private pendingMoves: number[] = [];
  private pendingSums: number[] = [];
  private readonly maxPendingMoves: number;
  /** The line lineOf found last, where its next search starts (any line will do: it is only where to look first). */
  private nearLine = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
    options: { readonly maxPendingMoves?: number } = {},
  ) {
    this.maxPendingMoves = options.maxPendingMoves ?? MAX_PENDING_MOVES;
    this.text = PieceText.of(content);
    [this.lineStarts, this.lineTotal] = lineStartsOf(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineTotal;
  }

  /** This version's text, not yet joined into one string: it stays the same when the document changes. */
  get source(): TextSource {
    return this.text;
  }

  getText(range?: Range): string {
    if (!range) return this.text.toString();
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.text.length), 0);
    const line = this.lineOf(at);
    const lineStart = this.lineStart(line);
    return { line, character: this.beforeLineBreak(at, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineTotal) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    return this.beforeLineBreak(Math.min(lineStart + position.character, this.nextLineStart(position.line)), lineStart);
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lineTotal ? this.lineStart(line + 1) : this.text.length;
  }

  private lineStart(line: number): number {
    return (this.lineStarts[line] ?? 0) + this.pendingMoveOf(line);
  }

  /** The pending move of a line: the sum of the moves from lines at or before it. */
  private pendingMoveOf(line: number): number {
    const lines = this.pendingLines;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lines[mid] ?? 0) <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.pendingSums[lo - 1] ?? 0;
  }

  /** Lines from `line` on start `move` later. */
  private addMove(line: number, move: number): void {
    const lines = this.pendingLines;
    let at = 0;
    while (at < lines.length && (lines[at] ?? 0) < line) at++;
    if (lines[at] === line) this.pendingMoves[at] = (this.pendingMoves[at] ?? 0) + move;
    else {
      lines.splice(at, 0, line);
      this.pendingMoves.splice(at, 0, move);
    }
    this.sumMovesFrom(at);
    if (lines.length >= this.maxPendingMoves) this.applyMoves();
  }

  private sumMovesFrom(at: number): void {
    let sum = at > 0 ? this.pendingSums[at - 1] ?? 0 : 0;
    for (let i = at; i < this.pendingMoves.length; i++) {
      sum += this.pendingMoves[i] ?? 0;
      this.pendingSums[i] = sum;
    }
    this.pendingSums.length = this.pendingMoves.length;
  }

  /** Applies the pending moves: one tight loop per stretch of lines between two moves. */
  private applyMoves(): void {
    const count = this.pendingLines.length;
    const starts = this.lineStarts;
    const total = this.lineTotal;
    for (let k = 0; k < count; k++) {
      const move = this.pendingSums[k] ?? 0;
      const to = k + 1 < count ? Math.min(total, this.pendingLines[k + 1] ?? 0) : total;
      if (move === 0) continue;
      for (let line = this.pendingLines[k] ?? 0; line < to; line++) starts[line] = (starts[line] as number) + move;
    }
    this.clearMoves();
  }

  private clearMoves(): void {
    this.pendingLines = [];
    this.pendingMoves = [];
    this.pendingSums = [];
  }

  private recountLines(text: string): void {
    [this.lineStarts, this.lineTotal] = lineStartsOf(text);
    this.clearMoves();
  }

  getLineRange(line: number): Range {
    if (line >= this.lineTotal) {
      const last = this.lineTotal - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - this.lineStart(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const lineStart = this.lineStart(line);
    const end = this.beforeLineBreak(this.nextLineStart(line), lineStart);
    return { start: { line, character: 0 }, end: { line, character: end - lineStart } };
  }

  getEOLCharacters(line: number): string {
    if (line >= this.lineTotal || line < 0) return '';
    const next = this.nextLineStart(line);
    return this.text.slice(this.beforeLineBreak(next, this.lineStart(line)), next);
  }

  /** Applies changes in order, each to the text the previous ones left, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(this.offsetAt(ordered(change.range).start), this.offsetAt(ordered(change.range).end), change.text);
      else {
        this.text = PieceText.of(change.text);
        this.recountLines(change.text);
      }
    }
    this.currentVersion = version;
  }

  /** The offsets an incremental change replaces, as update() will apply it. */
  offsetsOf(range: Range): { start: number; end: number } {
    const { start, end } = ordered(range);
    return { start: this.offsetAt(start), end: this.offsetAt(end) };
  }

  private replace(start: number, end: number, inserted: string): void {
    const startLine = this.lineOf(start);
    const endLine = this.lineOf(end);
    this.text = this.text.edit(start, end, inserted);
    const insertedEnd = start + inserted.length;
    // A CR and an LF that the edit brought together (or apart) change line breaks beside the edit: recount all.
    const crlfAtStart = this.text.charCodeAt(start - 1) === CR && this.text.charCodeAt(start) === LF;
    const crlfAtEnd = this.text.charCodeAt(insertedEnd - 1) === CR && this.text.charCodeAt(insertedEnd) === LF;
    if (crlfAtStart || crlfAtEnd) {
      this.recountLines(this.text.toString());
      return;
    }
    const added = breaksIn(inserted, start);
    const diff = inserted.length - (end - start);
    const removed = endLine - startLine;
    const total = this.lineTotal - removed + added.length;
    const after = startLine + 1 + added.length;
    if (added.length !== removed) {
      // Lines after the edit move up or down the table, and pending moves with them: one from a
      // removed line now starts at the first line after the edit.
      const made = new Array<number>(added.length).fill(0);
      if (made.length < 10_000) this.lineStarts.splice(startLine + 1, removed, ...made);
      else this.lineStarts = this.lineStarts.slice(0, startLine + 1).concat(made, this.lineStarts.slice(endLine + 1));
      this.lineTotal = total;
      const shift = added.length - removed;
      this.pendingLines = this.pendingLines.map((line) => (line <= startLine ? line : line <= endLine + 1 ? after : line + shift));
      const lines = this.pendingLines;
      // Moves now starting at the same line are one move.
      for (let i = lines.length - 1; i > 0; i--) {
        if (lines[i] !== lines[i - 1]) continue;
        this.pendingMoves[i - 1] = (this.pendingMoves[i - 1] ?? 0) + (this.pendingMoves[i] ?? 0);
        lines.splice(i, 1);
        this.pendingMoves.splice(i, 1);
      }
      this.sumMovesFrom(0);
    }
    // The edit's own lines are stored net of the moves pending where they stand; the lines after it move by the edit's length.
    for (let i = 0; i < added.length; i++) this.lineStarts[startLine + 1 + i] = (added[i] ?? 0) - this.pendingMoveOf(startLine + 1 + i);
    if (diff !== 0) this.addMove(after, diff);
  }

  /**
   * The line holding `offset`: the last line starting at or before it. The search starts from the
   * line found last, widening step by doubling step: answers such as an outline or folding ranges
   * ask for positions in document order, a few lines apart, among a million lines.
   */
  private lineOf(offset: number): number {
    const near = Math.min(this.nearLine, this.lineTotal - 1);
    // lineStart(lo) <= offset, and every line after hi starts after it.
    let lo: number;
    let hi = this.lineTotal - 1;
    if (this.lineStart(near) <= offset) {
      lo = near;
      let step = 1;
      while (lo + step <= hi && this.lineStart(lo + step) <= offset) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(hi, lo + step - 1);
    } else {
      hi = near - 1;
      let step = 1;
      while (hi - step >= 0 && this.lineStart(hi - step + 1) > offset) {
        hi -= step;
        step *= 2;
      }
      lo = Math.max(0, hi - step + 1);
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.nearLine = lo;
    return lo;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** Offsets just after each line break in `text` (CR LF counts once), `offset` added. */
function breaksIn(text: string, offset: number): number[] {
  const result: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLineBreak(code)) continue;
    if (code === CR && text.charCodeAt(i + 1) === LF) i++;
    result.push(offset + i + 1);
  }
  return result;
}

/** Offsets just after each line break of `text` (CR LF counts once), after a 0 for the first line. */
function lineStartsOf(text: string): [number[], number] {
  const starts = [0];
  // Native searches for the next CR and the next LF rather than a loop over every character: about
  // twice as fast on a 50 MB trace, which the server reads when it opens.
  let nextCr = text.indexOf('\r');
  let nextLf = text.indexOf('\n');
  while (nextLf !== -1 || nextCr !== -1) {
    if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
      if (text.charCodeAt(nextCr + 1) === LF) {
        starts.push(nextCr + 2);
        nextLf = text.indexOf('\n', nextCr + 2);
      } else starts.push(nextCr + 1);
      nextCr = text.indexOf('\r', nextCr + 1);
    } else {
      starts.push(nextLf + 1);
      nextLf = text.indexOf('\n', nextLf + 1);
    }
  }
  return [starts, starts.length];
}
