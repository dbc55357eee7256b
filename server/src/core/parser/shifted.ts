/**
 * A message that an edit elsewhere moved: same text, offsets moved by a constant. Re-parsing after a
 * keystroke keeps every message it did not touch; those after the edit become these views instead of
 * being parsed or copied again. Nothing is computed until a feature asks: the view holds the message
 * it wraps, the offset delta and its new index, and builds each shifted part once, on first access.
 * A view of a view wraps the original, so a long editing session never builds chains.
 *
 * Line indexes of a view count from the message's own first line: its `lines` table holds only the
 * message's lines (copied and shifted when first asked for), so `firstLine` is 0.
 */
import type { BodyInfo, Header, LineTable, LogContext, ParseProblem, SipMessage, Span, StartLine, Token } from './model';
import type { OffsetMap } from './offsets';

/**
 * The message moved by `delta` characters and renumbered `index`, as a new view even when nothing
 * moves. Features remember parsed header values per Header object, and those values hold pieces of
 * the text of the version they were read in; a fresh view per version lets each version's
 * remembered values, and with them its text, go when the version goes.
 */
export function shiftMessage(message: SipMessage, delta: number, index: number): SipMessage {
  if (message instanceof ShiftedMessage) return new ShiftedMessage(message.base, message.delta + delta, index);
  return new ShiftedMessage(message, delta, index);
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

  constructor(
    readonly base: SipMessage,
    public delta: number,
    public index: number,
  ) {}

  /** See shiftMessageInPlace. What was built at the old offsets is dropped. */
  moveBy(delta: number, index: number): void {
    if (delta === 0 && index === this.index) return;
    this.delta += delta;
    this.index = index;
    // The parts built at the old offsets go; values features remembered for the view itself were
    // forgotten by the re-parse that moves it (forgetLasting).
    this.parts = undefined;
  }

  private get built(): ShiftedParts {
    return (this.parts ??= {});
  }

  get kind(): 'request' | 'response' {
    return this.base.kind;
  }
  get startLine(): StartLine {
    return (this.built.startLine ??= shiftStartLine(this.base.startLine, this.delta));
  }
  get headers(): readonly Header[] {
    return (this.built.headers ??= this.base.headers.map((header) => new ShiftedHeader(header, this.delta, this.base.firstLine)));
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
    const built = this.built;
    if (built.body !== undefined) return built.body;
    const body = this.base.body;
    const first = this.base.firstLine;
    built.body = body ? { start: body.start + this.delta, end: body.end + this.delta, bytes: body.bytes, firstLine: body.firstLine - first, lastLine: body.lastLine - first } : null;
    return built.body;
  }
  get span(): Span {
    return (this.built.span ??= span(this.base.span, this.delta));
  }
  get lines(): LineTable {
    return (this.built.lines ??= shiftLines(this.base.lines, this.base.firstLine, this.base.lastLine, this.delta));
  }
  get firstLine(): number {
    return 0;
  }
  get lastLine(): number {
    return this.base.lastLine - this.base.firstLine;
  }
  get context(): LogContext | null {
    const built = this.built;
    if (built.context !== undefined) return built.context;
    const context = this.base.context;
    built.context = context && context.frameSpan ? { ...context, frameSpan: span(context.frameSpan, this.delta) } : context;
    return built.context;
  }
  get problems(): readonly ParseProblem[] {
    return (this.built.problems ??= this.base.problems.length === 0 ? this.base.problems : this.base.problems.map((problem) => ({ ...problem, span: span(problem.span, this.delta) })));
  }
}
