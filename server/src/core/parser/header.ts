/**
 * The parser's Header: numbers, not objects. A 50 MB trace holds a million header fields, so each
 * keeps only its offsets and shared name strings; the spans and strings of the Header interface are
 * computed when a feature asks for them (getters on the prototype cost no memory per field).
 */
import type { Header, Span } from './model';

export class ParsedHeader implements Header {
  /** Set only when continuation lines were folded in: the value then differs from the raw text. */
  private unfolded: string | undefined;

  constructor(
    private readonly text: string,
    readonly canonical: string,
    readonly key: string,
    readonly line: number,
    private readonly nameStart: number,
    private readonly nameEnd: number,
    readonly colon: number,
    private valueStart: number,
    private valueEnd: number,
    private end: number,
  ) {}

  get name(): string {
    return this.text.slice(this.nameStart, this.nameEnd);
  }

  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameEnd };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }

  get span(): Span {
    return { start: this.nameStart, end: this.end };
  }

  get value(): string {
    return this.unfolded ?? this.text.slice(this.valueStart, this.valueEnd);
  }

  /** Folds in a continuation line's content text[start, end) (RFC 3261 §7.3.1: it joins with one space). */
  fold(start: number, end: number): void {
    if (start === end) return;
    const piece = this.text.slice(start, end);
    const current = this.value;
    this.unfolded = current === '' ? piece : `${current} ${piece}`;
    if (this.valueStart === this.valueEnd) this.valueStart = start;
    this.valueEnd = end;
    this.end = end;
  }
}
