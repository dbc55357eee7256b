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
const LF = 10;

export class TrackedDocument implements TextDocument {
  private text: PieceText;
  /** Offset of each line's first character: lineStarts[0, lineTotal). */
  private lineStarts: Int32Array;
  private lineTotal: number;

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
    const lineStart = this.lineStarts[line] ?? 0;
    return { line, character: this.beforeLineBreak(at, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineTotal) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStarts[position.line] ?? 0;
    if (position.character <= 0) return lineStart;
    return this.beforeLineBreak(Math.min(lineStart + position.character, this.nextLineStart(position.line)), lineStart);
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lineTotal ? this.lineStarts[line + 1] ?? 0 : this.text.length;
  }

  getLineRange(line: number): Range {
    if (line >= this.lineTotal) {
      const last = this.lineTotal - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - (this.lineStarts[last] ?? 0) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const lineStart = this.lineStarts[line] ?? 0;
    const end = this.beforeLineBreak(this.nextLineStart(line), lineStart);
    return { start: { line, character: 0 }, end: { line, character: end - lineStart } };
  }

  getEOLCharacters(line: number): string {
    if (line >= this.lineTotal || line < 0) return '';
    const next = this.nextLineStart(line);
    return this.text.slice(this.beforeLineBreak(next, this.lineStarts[line] ?? 0), next);
  }

  /** Applies changes in order, each to the text the previous ones left, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(this.offsetAt(ordered(change.range).start), this.offsetAt(ordered(change.range).end), change.text);
      else {
        this.text = PieceText.of(change.text);
        [this.lineStarts, this.lineTotal] = lineStartsOf(change.text);
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
      [this.lineStarts, this.lineTotal] = lineStartsOf(this.text.toString());
      return;
    }
    const added = breaksIn(inserted, start);
    const diff = inserted.length - (end - start);
    const removed = endLine - startLine;
    const total = this.lineTotal - removed + added.length;
    let starts = this.lineStarts;
    if (added.length !== removed) {
      // Lines after the edit move up or down the table (into a larger one when it is full).
      const after = startLine + 1 + added.length;
      if (total > starts.length) {
        starts = new Int32Array(Math.max(total, Math.ceil(starts.length * 1.5)));
        starts.set(this.lineStarts.subarray(0, startLine + 1));
        starts.set(this.lineStarts.subarray(endLine + 1, this.lineTotal), after);
      } else starts.copyWithin(after, endLine + 1, this.lineTotal);
    }
    for (let i = 0; i < added.length; i++) starts[startLine + 1 + i] = added[i] ?? 0;
    if (diff !== 0) for (let i = startLine + 1 + added.length; i < total; i++) starts[i] = (starts[i] ?? 0) + diff;
    this.lineStarts = starts;
    this.lineTotal = total;
  }

  /** The line holding `offset`: the last line starting at or before it. */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineTotal - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
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

function lineStartsOf(text: string): [Int32Array, number] {
  const breaks = breaksIn(text, 0);
  const starts = new Int32Array(breaks.length + 1);
  starts.set(breaks, 1);
  return [starts, starts.length];
}
