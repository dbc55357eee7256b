/**
 * A message that an edit elsewhere moved: same text, offsets moved by a constant. Re-parsing after a
 * keystroke keeps every message it did not touch; those after the edit become these views instead of
 * being parsed or copied again. Nothing is computed until a feature asks: the view holds the message
 * it wraps, the offset delta and its new index, and builds each shifted part once, on first access.
 * A view of a view wraps the original, so a long editing session never builds chains.
 *
 * Line indexes of a moved view count from the message's own first line: its `lines` table holds only
 * the message's lines (copied and shifted when first asked for), so `firstLine` is 0. A view that has
 * not moved reads as its base, line numbers included.
 *
 * Views that are moved in place (a document that is not read again, see reparse's reuseViews) can
 * share a ShiftTable: an edit then moves every message after it by one update of the table, and each
 * view takes its move when it is next read. A keystroke near the top of a long trace so costs a few
 * table steps instead of a visit to every later message.
 */
import type { BodyInfo, Header, LineTable, LogContext, ParseProblem, SipMessage, Span, StartLine, Token } from './model';
import type { OffsetMap } from './offsets';
import type { ShiftTable } from '../util/shiftTable';

/**
 * The message moved by `delta` characters and renumbered `index`, as a new view even when nothing
 * moves. Features remember parsed header values per Header object, and those values hold pieces of
 * the text of the version they were read in; a fresh view per version lets each version's
 * remembered values, and with them its text, go when the version goes.
 */
export function shiftMessage(message: SipMessage, delta: number, index: number): SipMessage {
  if (message instanceof ShiftedMessage) return new ShiftedMessage(message.base, message.currentDelta() + delta, index);
  return new ShiftedMessage(message, delta, index);
}

/**
 * The message as a view that takes its moves from `table` from now on, at `index` (the view itself
 * when it is one: moved in place, what it was moved by so far kept).
 */
export function sharingMoves(message: SipMessage, index: number, table: ShiftTable): SipMessage {
  const view = message instanceof ShiftedMessage ? message : new ShiftedMessage(message, 0, index);
  view.attach(table, index);
  return view;
}

/** Whether the message is a view made by shiftMessage, rather than a message as a parse made it. */
export function isView(message: SipMessage): boolean {
  return message instanceof ShiftedMessage;
}

/**
 * As shiftMessage, but a view is moved and renumbered in place rather than copied: its previous
 * document sees the move too. Only for a document that is not read again, after forgetLasting()
 * (values remembered per view would keep the old offsets); then a keystroke allocates nothing per
 * later message.
 */
export function shiftMessageInPlace(message: SipMessage, delta: number, index: number): SipMessage {
  if (!(message instanceof ShiftedMessage)) return shiftMessage(message, delta, index);
  message.moveBy(delta, index);
  return message;
}

function span(s: Span, delta: number): Span {
  return { start: s.start + delta, end: s.end + delta };
}

function token(t: Token, delta: number): Token {
  return { text: t.text, start: t.start + delta, end: t.end + delta };
}

function shiftStartLine(line: StartLine, delta: number): StartLine {
  if (line.kind === 'request') {
    return { kind: 'request', start: line.start + delta, end: line.end + delta, method: token(line.method, delta), uri: token(line.uri, delta), version: token(line.version, delta) };
  }
  return { kind: 'response', start: line.start + delta, end: line.end + delta, version: token(line.version, delta), code: token(line.code, delta), status: line.status, reason: token(line.reason, delta) };
}

function shiftLines(lines: LineTable, from: number, to: number, delta: number): LineTable {
  const count = Math.max(0, to - from);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const breaks = new Int32Array(count);
  const breakBytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = (lines.starts[from + i] ?? 0) + delta;
    ends[i] = (lines.ends[from + i] ?? 0) + delta;
    breaks[i] = (lines.breaks[from + i] ?? 0) + delta;
    breakBytes[i] = lines.breakBytes[from + i] ?? 0;
  }
  const source = lines.glued;
  if (!source) return { starts, ends, breaks, breakBytes };
  const glued = new Uint8Array(count);
  for (let i = 0; i < count; i++) glued[i] = source[from + i] ?? 0;
  return { starts, ends, breaks, breakBytes, glued };
}

class ShiftedHeader implements Header {
  private shiftedMap: OffsetMap | null | undefined;

  constructor(
    private readonly base: Header,
    private readonly delta: number,
    private readonly lineBase: number,
  ) {}

  get name(): string {
    return this.base.name;
  }
  get canonical(): string {
    return this.base.canonical;
  }
  get key(): string {
    return this.base.key;
  }
  get nameSpan(): Span {
    return span(this.base.nameSpan, this.delta);
  }
  get colon(): number {
    return this.base.colon === -1 ? -1 : this.base.colon + this.delta;
  }
  get valueSpan(): Span {
    return span(this.base.valueSpan, this.delta);
  }
  get value(): string {
    return this.base.value;
  }
  get valueMap(): OffsetMap | null {
    if (this.shiftedMap === undefined) this.shiftedMap = this.base.valueMap?.shifted(this.delta) ?? null;
    return this.shiftedMap;
  }
  get span(): Span {
    return span(this.base.span, this.delta);
  }
  get line(): number {
    return this.base.line - this.lineBase;
  }
}

/** A view's parts, each built on first access. */
interface ShiftedParts {
  startLine?: StartLine;
  headers?: readonly Header[];
  body?: BodyInfo | null;
  span?: Span;
  lines?: LineTable;
  context?: LogContext | null;
  problems?: readonly ParseProblem[];
}

class ShiftedMessage implements SipMessage {
  // One object for the built parts, made when the first is asked for: a keystroke near the top of a
  // long trace makes one view per later message, and most are never read before the next keystroke,
  // so a view is kept as small as it can be (every byte of it is copied by the young-generation
  // collector, and again when it is promoted).
  private parts: ShiftedParts | undefined;
  /** The moves shared with the other views of its list, if any (see ShiftTable). */
  private table: ShiftTable | undefined;
  /** The table's total move at this view's index when `delta` last took it in. */
  private taken = 0;
  /** The table's generation then: while it is the same, `delta` is current. */
  private seen = 0;

  constructor(
    readonly base: SipMessage,
    private delta: number,
    public index: number,
  ) {}

  /** How far this view has moved from its base message, with the shared moves taken in. */
  currentDelta(): number {
    const table = this.table;
    if (table !== undefined && table.generation !== this.seen) {
      this.seen = table.generation;
      const total = table.at(this.index);
      if (total !== this.taken) {
        this.delta += total - this.taken;
        this.taken = total;
        // The parts built at the old offsets go; values features remembered for the view itself were
        // forgotten by the re-parse that moved it (forgetLasting).
        this.parts = undefined;
      }
    }
    return this.delta;
  }

  /** See sharingMoves: the moves recorded in `table` from now on are this view's too. */
  attach(table: ShiftTable, index: number): void {
    this.moveBy(0, index);
    this.table = table;
    this.taken = table.at(index);
    this.seen = table.generation;
  }

  /** See shiftMessageInPlace. What was built at the old offsets is dropped. */
  moveBy(delta: number, index: number): void {
    // The shared moves so far are taken in first, then the view leaves its table: it was moved on its own.
    this.currentDelta();
    this.table = undefined;
    if (delta === 0 && index === this.index) return;
    this.delta += delta;
    this.index = index;
    this.parts = undefined;
  }

  /** The parts built at the current offsets (reading this takes in any shared move first). */
  private get built(): ShiftedParts {
    this.currentDelta();
    return (this.parts ??= {});
  }

  get kind(): 'request' | 'response' {
    return this.base.kind;
  }
  // A view that has not moved (a long trace readied for edits, the part before an edit) hands out its
  // base's parts themselves, line numbers included (they only need to agree with its own `lines`): a
  // request that reads every message then allocates nothing per view.
  get startLine(): StartLine {
    if (this.currentDelta() === 0) return this.base.startLine;
    const built = this.built;
    return (built.startLine ??= shiftStartLine(this.base.startLine, this.delta));
  }
  get headers(): readonly Header[] {
    if (this.currentDelta() === 0) return this.base.headers;
    const built = this.built;
    return (built.headers ??= this.base.headers.map((header) => new ShiftedHeader(header, this.delta, this.base.firstLine)));
  }
  firstValue(key: string): string | undefined {
    // A header's value does not move with its offsets.
    return this.base.firstValue ? this.base.firstValue(key) : this.base.headers.find((header) => header.key === key)?.value;
  }
  releaseHeaders(): void {
    if (this.parts) this.parts.headers = undefined;
    this.base.releaseHeaders?.();
  }
  get body(): BodyInfo | null {
    if (this.currentDelta() === 0) return this.base.body;
    const built = this.built;
    if (built.body !== undefined) return built.body;
    const body = this.base.body;
    const first = this.base.firstLine;
    built.body = body ? { start: body.start + this.delta, end: body.end + this.delta, bytes: body.bytes, firstLine: body.firstLine - first, lastLine: body.lastLine - first } : null;
    return built.body;
  }
  get span(): Span {
    if (this.currentDelta() === 0) return this.base.span;
    const built = this.built;
    return (built.span ??= span(this.base.span, this.delta));
  }
  get lines(): LineTable {
    if (this.currentDelta() === 0) return this.base.lines;
    const built = this.built;
    return (built.lines ??= shiftLines(this.base.lines, this.base.firstLine, this.base.lastLine, this.delta));
  }
  get firstLine(): number {
    return this.currentDelta() === 0 ? this.base.firstLine : 0;
  }
  get lastLine(): number {
    return this.currentDelta() === 0 ? this.base.lastLine : this.base.lastLine - this.base.firstLine;
  }
  get context(): LogContext | null {
    if (this.currentDelta() === 0) return this.base.context;
    const built = this.built;
    if (built.context !== undefined) return built.context;
    const context = this.base.context;
    built.context = context && context.frameSpan ? { ...context, frameSpan: span(context.frameSpan, this.delta) } : context;
    return built.context;
  }
  get problems(): readonly ParseProblem[] {
    if (this.currentDelta() === 0) return this.base.problems;
    const built = this.built;
    return (built.problems ??= this.base.problems.length === 0 ? this.base.problems : this.base.problems.map((problem) => ({ ...problem, span: span(problem.span, this.delta) })));
  }
}
