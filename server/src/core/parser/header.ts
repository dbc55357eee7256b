/**
 * The parser's headers: numbers, not objects. A 50 MB trace holds a million header fields; each is
 * eight numbers in one typed array per parse (offsets, line, and which of the few dozen names it
 * has), so parsing allocates no object per header and the model keeps 32 bytes for it. The Header
 * objects features read are small views over a slot, made when a message's headers are first asked
 * for; their spans and strings are computed from the numbers on access.
 */
import type { Header, Span } from './model';
import { OffsetMap } from './offsets';
import { REMEMBERED_NAMES, type HeaderName } from './headerNames';

/**
 * What a header holds beyond its offsets when the document text is not the header as sent: a name
 * or value glued from pieces, or a value with continuation lines folded in. Only such headers have one.
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

const NAME_START = 0;
const NAME_END = 1;
const COLON = 2;
const VALUE_START = 3;
const VALUE_END = 4;
const END = 5;
const LINE = 6;
/**
 * A remembered name's id (REMEMBERED_NAMES), or -2 - i for the store's own `names[i]` (names
 * resolved once the memo was full), or -1 for a line without a colon (its canonical name is the line).
 */
const NAME = 7;
const FIELDS = 8;
/**
 * Slots live in chunks of 2^CHUNK_BITS: a long trace's store grows by adding a chunk, never by
 * copying everything read so far into an array twice as big (which briefly held both, and left up to
 * half of the last one unused). Only the first chunk starts small and doubles, for the many small
 * parses of an edit's window.
 */
const CHUNK_BITS = 15;
const CHUNK_SLOTS = 1 << CHUNK_BITS;
const SLOT_MASK = CHUNK_SLOTS - 1;

/** Every header of one parse. */
export class HeaderStore {
  private readonly chunks: Int32Array[] = [new Int32Array(FIELDS * 256)];
  count = 0;
  private readonly names: HeaderName[] = [];
  private readonly nameIds = new Map<HeaderName, number>();
  private readonly rebuilt = new Map<number, Rebuilt>();

  constructor(readonly text: string) {}

  /** Adds a header; `name` is null for a line without a colon. Returns its slot. */
  add(name: HeaderName | null, line: number, nameStart: number, nameEnd: number, colon: number, valueStart: number, valueEnd: number, end: number): number {
    const slot = this.count;
    const chunk = slot >>> CHUNK_BITS;
    let d = this.chunks[chunk];
    const o = (slot & SLOT_MASK) * FIELDS;
    if (d === undefined) {
      d = new Int32Array(FIELDS * CHUNK_SLOTS);
      this.chunks.push(d);
    } else if (o + FIELDS > d.length) {
      const grown = new Int32Array(Math.min(Math.max(d.length * 2, FIELDS * 256), FIELDS * CHUNK_SLOTS));
      grown.set(d);
      this.chunks[chunk] = d = grown;
    }
    let id = -1;
    if (name && name.id >= 0) id = name.id;
    else if (name) {
      let own = this.nameIds.get(name);
      if (own === undefined) {
        own = this.names.length;
        this.names.push(name);
        this.nameIds.set(name, own);
      }
      id = -2 - own;
    }
    d[o + NAME_START] = nameStart;
    d[o + NAME_END] = nameEnd;
    d[o + COLON] = colon;
    d[o + VALUE_START] = valueStart;
    d[o + VALUE_END] = valueEnd;
    d[o + END] = end;
    d[o + LINE] = line;
    d[o + NAME] = id;
    return this.count++;
  }

  /** Gives back the spare room once parsing is done. */
  trim(): void {
    const last = this.chunks.length - 1;
    const used = this.count - last * CHUNK_SLOTS;
    const chunk = this.chunks[last];
    if (chunk !== undefined && chunk.length > used * FIELDS) this.chunks[last] = chunk.slice(0, used * FIELDS);
  }

  field(slot: number, field: number): number {
    return this.chunks[slot >>> CHUNK_BITS]?.[(slot & SLOT_MASK) * FIELDS + field] ?? 0;
  }

  private setField(slot: number, field: number, value: number): void {
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    if (chunk !== undefined) chunk[(slot & SLOT_MASK) * FIELDS + field] = value;
  }

  private nameOf(slot: number): HeaderName | undefined {
    const id = this.field(slot, NAME);
    return id >= 0 ? REMEMBERED_NAMES[id] : id <= -2 ? this.names[-2 - id] : undefined;
  }

  key(slot: number): string {
    return this.nameOf(slot)?.key ?? '';
  }

  name(slot: number): string {
    return this.rebuilt.get(slot)?.name ?? this.text.slice(this.field(slot, NAME_START), this.field(slot, NAME_END));
  }

  canonical(slot: number): string {
    return this.nameOf(slot)?.canonical ?? this.name(slot);
  }

  value(slot: number): string {
    return this.rebuilt.get(slot)?.value ?? this.text.slice(this.field(slot, VALUE_START), this.field(slot, VALUE_END));
  }

  valueMap(slot: number): OffsetMap | null {
    return this.rebuilt.get(slot)?.map ?? null;
  }

  /** For a header read from glued pieces: the joined name and value where they are not contiguous in the document. */
  glue(slot: number, name: string | undefined, value: JoinedText | undefined): void {
    if (name === undefined && value === undefined) return;
    this.rebuilt.set(slot, { name, value: value?.text, map: value?.map ?? null });
  }

  /**
   * Folds in a continuation line's content (RFC 3261 §7.3.1: it joins with one space): the document
   * text [start, end), or, for a continuation line glued from pieces, `joined`, whose characters
   * run from `start` to `end` in the document.
   */
  fold(slot: number, start: number, end: number, joined?: JoinedText): void {
    if (start === end) return;
    const valueStart = this.field(slot, VALUE_START);
    const valueEnd = this.field(slot, VALUE_END);
    const current = this.value(slot);
    const rebuilt = this.rebuilt.get(slot);
    let map = rebuilt?.map;
    if (!map) {
      // Until now the value was the document's text at valueSpan.
      map = new OffsetMap(current === '' ? start : valueStart);
      map.append(valueStart, current.length);
    }
    // The joining space stands where the previous line's value ends (its line break).
    if (current !== '') map.append(valueEnd, 1);
    if (joined) map.appendMap(joined.map);
    else map.append(start, end - start);
    const piece = joined ? joined.text : this.text.slice(start, end);
    const value = current === '' ? piece : `${current} ${piece}`;
    if (rebuilt) {
      rebuilt.value = value;
      rebuilt.map = map;
    } else this.rebuilt.set(slot, { name: undefined, value, map });
    if (valueStart === valueEnd) this.setField(slot, VALUE_START, start);
    this.setField(slot, VALUE_END, end);
    this.setField(slot, END, end);
  }

  /** The headers in slots [from, to), as the views features read. */
  views(from: number, to: number): Header[] {
    const views: Header[] = [];
    for (let slot = from; slot < to; slot++) views.push(new StoredHeader(this, slot));
    return views;
  }
}

/**
 * A header as features see it: a slot of a HeaderStore. Views live as long as their message keeps
 * them (validation lets them go after each message), and the checks read the key and the value of
 * each header many times: those two are kept once read, the rest is computed from the slot.
 */
class StoredHeader implements Header {
  private keyText: string | undefined = undefined;
  private valueText: string | undefined = undefined;

  constructor(
    private readonly store: HeaderStore,
    private readonly slot: number,
  ) {}

  get name(): string {
    return this.store.name(this.slot);
  }
  get canonical(): string {
    return this.store.canonical(this.slot);
  }
  get key(): string {
    return (this.keyText ??= this.store.key(this.slot));
  }
  get nameSpan(): Span {
    return { start: this.store.field(this.slot, NAME_START), end: this.store.field(this.slot, NAME_END) };
  }
  get colon(): number {
    return this.store.field(this.slot, COLON);
  }
  get valueSpan(): Span {
    return { start: this.store.field(this.slot, VALUE_START), end: this.store.field(this.slot, VALUE_END) };
  }
  get value(): string {
    return (this.valueText ??= this.store.value(this.slot));
  }
  get valueMap(): OffsetMap | null {
    return this.store.valueMap(this.slot);
  }
  get span(): Span {
    return { start: this.store.field(this.slot, NAME_START), end: this.store.field(this.slot, END) };
  }
  get line(): number {
    return this.store.field(this.slot, LINE);
  }
}
