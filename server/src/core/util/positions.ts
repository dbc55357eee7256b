/**
 * Offsets to line/column positions and back, over UTF-16 code units as LSP counts them. The line
 * index is built once per text (one pass) and each conversion is a binary search.
 */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  /**
   * `lsp`: CRLF, LF and a lone CR all end a line, as LSP and editors count. `lf`: only LF does, as
   * grep -n, less and CI annotations count; lone CRs (console redraws in logs) stay inside a line.
   */
  constructor(
    private readonly text: string,
    breaks: 'lsp' | 'lf' = 'lsp',
  ) {
    const pattern = breaks === 'lsp' ? /\r\n?|\n/g : /\n/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) this.starts.push(match.index + match[0].length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.starts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line] ?? 0;
    const lineEnd = this.lineEnd(position.line);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** Offset of the end of a line's content (before its terminator). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
}
