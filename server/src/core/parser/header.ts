/**
 * The parser's Header: numbers, not objects. A 50 MB trace holds a million header fields, so each
 * keeps only its offsets and shared name strings; the spans and strings of the Header interface are
 * computed when a feature asks for them (getters on the prototype cost no memory per field).
 */
import type { Header, Span } from './model';
import { OffsetMap } from './offsets';

/**
 * What a header holds beyond its offsets when the document text is not the header as sent: a name
 * or value glued from pieces, or a value with continuation lines folded in. One slot per header,
 * undefined for ordinary ones.
 */
interface Rebuilt {
  /** The name, when its pieces are apart in the document. */
  name: string | undefined;
  /** The value and where its characters are in the document, when it is not the text at valueSpan. */
  value: string | undefined;
  map: OffsetMap | null;
}

/** A piece of text joined from glued pieces: the text, and where its characters are in the document. */
export interface JoinedText {
  readonly text: string;
  readonly map: OffsetMap;
}

export class ParsedHeader implements Header {
  private rebuilt: Rebuilt | undefined;

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
    return this.rebuilt?.name ?? this.text.slice(this.nameStart, this.nameEnd);
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
    return this.rebuilt?.value ?? this.text.slice(this.valueStart, this.valueEnd);
  }

  get valueMap(): OffsetMap | null {
    return this.rebuilt?.map ?? null;
  }

  /** For a header read from glued pieces: the joined name and value where they are not contiguous in the document. */
  glue(name: string | undefined, value: JoinedText | undefined): void {
    if (name === undefined && value === undefined) return;
    this.rebuilt = { name, value: value?.text, map: value?.map ?? null };
  }

  /**
   * Folds in a continuation line's content (RFC 3261 §7.3.1: it joins with one space): the document
   * text [start, end), or, for a continuation line glued from pieces, `joined`, whose characters
   * run from `start` to `end` in the document.
   */
  fold(start: number, end: number, joined?: JoinedText): void {
    if (start === end) return;
    const current = this.value;
    let map = this.rebuilt?.map;
    if (!map) {
      // Until now the value was the document's text at valueSpan.
      map = new OffsetMap(current === '' ? start : this.valueStart);
      map.append(this.valueStart, current.length);
    }
    // The joining space stands where the previous line's value ends (its line break).
    if (current !== '') map.append(this.valueEnd, 1);
    if (joined) map.appendMap(joined.map);
    else map.append(start, end - start);
    const piece = joined ? joined.text : this.text.slice(start, end);
    const value = current === '' ? piece : `${current} ${piece}`;
    if (this.rebuilt) {
      this.rebuilt.value = value;
      this.rebuilt.map = map;
    } else this.rebuilt = { name: undefined, value, map };
    if (this.valueStart === this.valueEnd) this.valueStart = start;
    this.valueEnd = end;
    this.end = end;
  }
}
