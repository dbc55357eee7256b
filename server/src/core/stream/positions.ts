/**
 * Line and column of whole-file offsets inside one stream batch, counted as `sipls` counts them
 * (lines end at LF only; columns in UTF-16 units), without the text before the batch.
 */
import { LineIndex, type Position } from '../util/positions';
import type { StreamBatch } from './documentStream';

/** What positions need of a batch: its text and where it lies in the file. */
type Placed = Pick<StreamBatch, 'text' | 'base' | 'linesBefore' | 'lineStart'>;

export class BatchPositions {
  private index: LineIndex | undefined;

  constructor(private readonly batch: Placed) {}

  /** Lines of the batch's own text (line 0 is the one holding `base`), indexed on first use: a window without findings never pays for it. */
  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.batch.text, 'lf'));
  }

  /** 0-based line and column of a whole-file offset that lies in the batch's text. */
  positionAt(offset: number): Position {
    const local = this.lines.positionAt(offset - this.batch.base);
    if (local.line > 0) return { line: this.batch.linesBefore + local.line, character: local.character };
    return { line: this.batch.linesBefore, character: Math.max(0, offset - this.batch.lineStart) };
  }
}
