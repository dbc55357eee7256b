/**
 * The server's copy of an open document: what vscode-languageserver-textdocument's TextDocument
 * does (same positions, same handling of edits), without its cost per keystroke on a large text.
 * That one rebuilds its string on every change (which the engine then copies whole, 50 MB for a
 * large trace, and must collect again) and keeps line offsets in a plain array. Here the text is a
 * PieceText, joined only when a feature asks for the whole of it, and line starts are an Int32Array.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { PieceText } from '../core/parser/pieceText';
import type { TextSource } from '../core/parser/textSource';

const CR = 13;
/** Line moves kept pending at most (see pendingLines): each one costs every line lookup a step. */
const MAX_PENDING_MOVES = 32;
const LF = 10;

export class TrackedDocument implements TextDocument {
  private text: PieceText;
  /** Offset of each line's first character, lineStarts[0, lineTotal), before the pending moves below. */
  private lineStarts: Int32Array;
  private lineTotal: number;
  /**
   * Moves not yet applied to lineStarts: lines from pendingLines[i] on start pendingMoves[i] later.
   * Typing within a line moves every later line; applying that to a million lines per keystroke
   * would cost more than the rest of the keystroke, so moves are applied together, a few dozen at once.
   */
  private pendingLines: number[] = [];
  private pendingMoves: number[] = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
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
    let start = this.lineStarts[line] ?? 0;
    for (let i = 0; i < this.pendingLines.length; i++) if ((this.pendingLines[i] ?? 0) <= line) start += this.pendingMoves[i] ?? 0;
    return start;
  }

  /** Applies the pending moves, in one pass over the lines from the first one moved. */
  private applyMoves(): void {
    const count = this.pendingLines.length;
    if (count === 0) return;
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (this.pendingLines[a] ?? 0) - (this.pendingLines[b] ?? 0));
    const starts = this.lineStarts;
    let next = 0;
    let move = 0;
    for (let line = this.pendingLines[order[0] ?? 0] ?? 0; line < this.lineTotal; line++) {
      while (next < count && (this.pendingLines[order[next] ?? 0] ?? 0) <= line) move += this.pendingMoves[order[next++] ?? 0] ?? 0;
      starts[line] = (starts[line] ?? 0) + move;
    }
    this.pendingLines = [];
    this.pendingMoves = [];
  }

  private recountLines(text: string): void {
    [this.lineStarts, this.lineTotal] = lineStartsOf(text);
    this.pendingLines = [];
    this.pendingMoves = [];
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
    if (added.length === removed) {
      // The common case, typing within a line: the edit's own line starts, and a pending move for the lines after it.
      for (let i = 0; i < added.length; i++) {
        const line = startLine + 1 + i;
        this.lineStarts[line] = (added[i] ?? 0) - (this.lineStart(line) - (this.lineStarts[line] ?? 0));
      }
      if (diff !== 0) {
        this.pendingLines.push(startLine + 1 + added.length);
        this.pendingMoves.push(diff);
        if (this.pendingLines.length >= MAX_PENDING_MOVES) this.applyMoves();
      }
      return;
    }
    this.applyMoves();
    let starts = this.lineStarts;
    // Lines after the edit move up or down the table (into a larger one when it is full).
    const after = startLine + 1 + added.length;
    if (total > starts.length) {
      starts = new Int32Array(Math.max(total, Math.ceil(starts.length * 1.5)));
      starts.set(this.lineStarts.subarray(0, startLine + 1));
      starts.set(this.lineStarts.subarray(endLine + 1, this.lineTotal), after);
    } else starts.copyWithin(after, endLine + 1, this.lineTotal);
    for (let i = 0; i < added.length; i++) starts[startLine + 1 + i] = added[i] ?? 0;
    if (diff !== 0) for (let i = after; i < total; i++) starts[i] = (starts[i] ?? 0) + diff;
    this.lineStarts = starts;
    this.lineTotal = total;
  }

  /** The line holding `offset`: the last line starting at or before it. */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineTotal - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
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

/** Line starts of `text`, straight into a typed array (a large trace has a million lines). */
function lineStartsOf(text: string): [Int32Array, number] {
  let starts = new Int32Array(Math.max(16, text.length >> 5));
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== CR && code !== LF) continue;
    if (code === CR && text.charCodeAt(i + 1) === LF) i++;
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  return [starts, count];
}
