/**
 * From logical lines to SIP messages. One pass over the lines, no backtracking beyond a body, so the
 * cost is linear in the input. Two framing modes:
 * - `file`: a message file. Messages follow each other; Content-Length says where a body ends, as on
 *   a stream transport (RFC 3261 §18.3). Without it, the body runs to the next start line that follows
 *   a blank line. Text between messages is reported as extra bytes.
 * - `frame`: one block a trace log printed. Logs drop CRs and cut bodies, so the body is whatever the
 *   block holds; Content-Length only splits a block that holds several messages (a TCP read).
 */
import { isBlank, offsetAfterBytesOrHeld, utf8Length } from './lines';
import { HeaderStore } from './header';
import { continueHeader, continueWire, gluedHeaderLine, headerLine } from './headerLine';
import { isBlankWire, isGlued, isStartLineAt, isStrictStartLineAt, joinPieces, mayStartMessage, parseWireStartLine, wireEnd } from './glued';
import type { BodyInfo, Header, LineTable, LogContext, ParseProblem, SipMessage, Span, StartLine } from './model';
import { parseStartLine, startLineKind } from './startLine';
import { RowTable } from './rows';

export type FramingMode = 'file' | 'frame';

/** A run of logical lines that may hold messages: a whole message file, or one block of a trace log. */
export interface Frame {
  readonly lines: LineTable;
  /** First and one-past-last line index of the frame within `lines`. */
  readonly from: number;
  readonly to: number;
  readonly context: LogContext | null;
  /** Problems the format adapter found while framing (e.g. a truncation marker); attached to the frame's first message. */
  readonly problems?: readonly ParseProblem[];
}

const NO_PROBLEMS: readonly ParseProblem[] = [];
const scratchProblems: ParseProblem[] = [];

const CONTENT_LENGTH_VALUE = /^\d{1,15}$/;

function contentLengthOf(store: HeaderStore, from: number, to: number): number | undefined {
  for (let slot = from; slot < to; slot++) {
    if (store.key(slot) !== 'content-length') continue;
    const value = store.value(slot);
    return CONTENT_LENGTH_VALUE.test(value) ? Number(value) : undefined;
  }
  return undefined;
}

/** A message's numbers in the parse's RowTable: offsets, header slots, line indexes and its body. */
const START = 0;
const START_LINE_END = 1;
const END = 2;
const FIRST_HEADER = 3;
const END_HEADER = 4;
const FIRST_LINE = 5;
const LAST_LINE = 6;
const BODY_START = 7;
const BODY_END = 8;
const BODY_BYTES = 9;
const BODY_FIRST_LINE = 10;
const BODY_LAST_LINE = 11;
const FLAGS = 12;
export const MESSAGE_FIELDS = 13;
const RESPONSE = 1;
const HAS_BODY = 2;
const START_LINE_GIVEN = 4;

/**
 * A parsed message: a few references and a row of numbers in the parse's RowTable (a long trace's
 * messages would otherwise be a hundred thousand objects of twenty fields each, copied and marked
 * by every garbage collection while parsing). Its headers live in the parse's HeaderStore until a
 * feature first asks for them; then they become views, kept with the message.
 */
class ParsedMessage implements SipMessage {
  private headerViews: readonly Header[] | undefined = undefined;

  constructor(
    readonly index: number,
    /**
     * The start line, or null when it is the document's text at [start, end) read leniently: then
     * it is read again when asked for, so that a parse keeps no objects for start lines nobody reads
     * (fewer survivors, less garbage collection on a long trace).
     */
    private startLineObject: StartLine | null,
    private readonly rows: RowTable,
    private readonly row: number,
    private readonly store: HeaderStore,
    readonly lines: LineTable,
    readonly context: LogContext | null,
    readonly problems: readonly ParseProblem[],
  ) {}

  private field(field: number): number {
    return this.rows.get(this.row, field);
  }

  get kind(): 'request' | 'response' {
    return (this.field(FLAGS) & RESPONSE) !== 0 ? 'response' : 'request';
  }

  get firstLine(): number {
    return this.field(FIRST_LINE);
  }

  get lastLine(): number {
    return this.field(LAST_LINE);
  }

  get body(): BodyInfo | null {
    // Made on each access, like span: most passes read a body once, if at all.
    if ((this.field(FLAGS) & HAS_BODY) === 0) return null;
    return { start: this.field(BODY_START), end: this.field(BODY_END), bytes: this.field(BODY_BYTES), firstLine: this.field(BODY_FIRST_LINE), lastLine: this.field(BODY_LAST_LINE) };
  }

  get headers(): readonly Header[] {
    return (this.headerViews ??= this.store.views(this.field(FIRST_HEADER), this.field(END_HEADER)));
  }

  firstValue(key: string): string | undefined {
    const views = this.headerViews;
    if (views) return views.find((header) => header.key === key)?.value;
    for (let slot = this.field(FIRST_HEADER), end = this.field(END_HEADER); slot < end; slot++) if (this.store.key(slot) === key) return this.store.value(slot);
    return undefined;
  }

  releaseHeaders(): void {
    this.headerViews = undefined;
    // A start line read again from the text on access goes too (a glued one was given, and stays).
    if ((this.field(FLAGS) & START_LINE_GIVEN) === 0) this.startLineObject = null;
  }

  get startLine(): StartLine {
    // The same call that found it while parsing, so the same answer; the fallback never runs.
    if (this.startLineObject) return this.startLineObject;
    const start = this.field(START);
    const end = this.field(START_LINE_END);
    return (this.startLineObject = parseStartLine(this.store.text, start, end, 'lenient') ?? fallbackStartLine(start, end));
  }

  get span(): Span {
    // Made on each access, not kept: a pass that reads every message's span (the document index)
    // would otherwise leave an object per message behind for the message's life.
    return { start: this.field(START), end: this.field(END) };
  }
}

/** Writes a message's numbers into a new row of `rows`; returns the row. */
function messageRow(rows: RowTable, kind: 'request' | 'response', lineStart: number, lineEnd: number, glued: boolean, end: number, firstHeader: number, endHeader: number, firstLine: number, lastLine: number, body: BodyInfo | null): number {
  const row = rows.add();
  rows.set(row, START, lineStart);
  rows.set(row, START_LINE_END, lineEnd);
  rows.set(row, END, end);
  rows.set(row, FIRST_HEADER, firstHeader);
  rows.set(row, END_HEADER, endHeader);
  rows.set(row, FIRST_LINE, firstLine);
  rows.set(row, LAST_LINE, lastLine);
  if (body) {
    rows.set(row, BODY_START, body.start);
    rows.set(row, BODY_END, body.end);
    rows.set(row, BODY_BYTES, body.bytes);
    rows.set(row, BODY_FIRST_LINE, body.firstLine);
    rows.set(row, BODY_LAST_LINE, body.lastLine);
  }
  rows.set(row, FLAGS, (kind === 'response' ? RESPONSE : 0) | (body ? HAS_BODY : 0) | (glued ? START_LINE_GIVEN : 0));
  return row;
}

function fallbackStartLine(start: number, end: number): StartLine {
  const empty = { text: '', start, end: start };
  return { kind: 'request', start, end, method: empty, uri: empty, version: empty };
}

interface BodyEnd {
  /** Offset where the body ends. */
  offset: number;
  /** Index of the first line not (fully) consumed by the body. */
  nextLine: number;
  /** Whether all `bytes` were found. */
  complete: boolean;
  bytes: number;
}

/** Walks `bytes` UTF-8 bytes of body through the logical lines, counting each terminator as written. */
function walkBytes(text: string, lines: LineTable, from: number, to: number, bytes: number): BodyEnd {
  let left = bytes;
  let index = from;
  let offset = lines.starts[from] ?? 0;
  while (left > 0 && index < to) {
    const start = lines.starts[index] ?? 0;
    const end = lines.ends[index] ?? 0;
    const inLine = offsetAfterBytesOrHeld(text, start, end, left);
    if (inLine >= 0) {
      return { offset: inLine, nextLine: inLine <= start ? index : index + 1, complete: true, bytes };
    }
    // The whole line was read: -1 - inLine is its length in bytes.
    left -= -1 - inLine;
    const breakBytes = lines.breakBytes[index] ?? 0;
    if (left <= breakBytes) {
      // The count ends on this line's terminator, or inside a CRLF (after the CR).
      offset = left === breakBytes ? lines.breaks[index] ?? end : end + left;
      return { offset, nextLine: index + 1, complete: true, bytes };
    }
    left -= breakBytes;
    offset = lines.breaks[index] ?? end;
    index++;
  }
  return { offset, nextLine: index, complete: left <= 0, bytes: bytes - Math.max(0, left) };
}

function bytesOfLines(text: string, lines: LineTable, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) bytes += utf8Length(text, lines.starts[i] ?? 0, lines.ends[i] ?? 0) + (lines.breakBytes[i] ?? 0);
  return bytes;
}

function lastNonBlank(text: string, lines: LineTable, from: number, to: number): number {
  let last = to;
  while (last > from && isBlank(text, lines.starts[last - 1] ?? 0, lines.ends[last - 1] ?? 0)) last--;
  return last;
}

/** In a message file without Content-Length, a body ends where a blank line is followed by a new start line. */
function nextMessageAfterBlank(text: string, lines: LineTable, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    if (isBlank(text, lines.starts[i - 1] ?? 0, lines.ends[i - 1] ?? 0) && !isGlued(lines, i - 1, to) && !isBlank(text, start, end) && isStartLineAt(text, lines, i, to, 'strict')) return i;
  }
  return to;
}

/**
 * The start line read at line `index`, text [start, end), while deciding where the previous body
 * ends: in a message file, every message's start line is read there first, and the next message
 * takes it from here instead of reading it again.
 */
export interface Peek {
  index: number;
  start: number;
  end: number;
  kind: 'request' | 'response' | null;
}

/**
 * A place for one peeked start line. Shared by a whole parse: a start line depends only on the
 * text at [start, end), so a match on those two is the same answer whichever table or frame asked.
 */
export function newPeek(): Peek {
  return { index: -1, start: 0, end: 0, kind: null };
}

/** Whether line `index` holds a lenient start line; kept in `peek` when the line is read in place. */
function peekStartLine(text: string, lines: LineTable, index: number, to: number, peek: Peek): boolean {
  if (isGlued(lines, index, to)) return isStartLineAt(text, lines, index, to, 'lenient');
  const start = lines.starts[index] ?? 0;
  const end = lines.ends[index] ?? 0;
  const kind = startLineKind(text, start, end, 'lenient');
  peek.index = index;
  peek.start = start;
  peek.end = end;
  peek.kind = kind;
  return kind !== null;
}

interface BodyResult {
  body: BodyInfo | null;
  end: number;
  nextLine: number;
}

function bodyResult(bodyStart: number, emptyEnd: number, firstBodyLine: number, endOffset: number, lastLine: number, bytes: number, nextLine: number): BodyResult {
  return bytes > 0 || endOffset > bodyStart
    ? { body: { start: bodyStart, end: endOffset, bytes, firstLine: firstBodyLine, lastLine }, end: endOffset, nextLine }
    : { body: null, end: emptyEnd, nextLine };
}

function locateBody(text: string, frame: Frame, firstBodyLine: number, contentLength: number | undefined, mode: FramingMode, peek: Peek): BodyResult {
  const { lines, to } = frame;
  const bodyStart = lines.starts[firstBodyLine] ?? lines.breaks[firstBodyLine - 1] ?? 0;
  const emptyEnd = lines.breaks[firstBodyLine - 1] ?? bodyStart;
  if (contentLength !== undefined) {
    const walked = walkBytes(text, lines, firstBodyLine, to, contentLength);
    const cutLine = walked.nextLine - 1;
    // A count that ends in a glued piece stops inside its wire line even at the piece's end.
    const cutMidLine =
      cutLine >= firstBodyLine &&
      ((walked.offset > (lines.starts[cutLine] ?? 0) && !isBlank(text, walked.offset, lines.ends[cutLine] ?? walked.offset)) || isGlued(lines, cutLine, to));
    // Content-Length is believed when what follows it is nothing or another message (a TCP read, or
    // RFC 4475 dblreq's trailing INVITE); in a file, also when a message comes later, the text in
    // between being stray. Otherwise the body is longer than announced and runs on, so the
    // validator can report the mismatch against the real body.
    const following = walked.complete && !cutMidLine ? firstNonBlank(text, lines, walked.nextLine, to) : -1;
    const believed =
      walked.complete &&
      !cutMidLine &&
      (following === to ||
        peekStartLine(text, lines, following, to, peek) ||
        (mode === 'file' && hasStartLine(text, lines, following, to)));
    if (believed) return bodyResult(bodyStart, emptyEnd, firstBodyLine, walked.offset, walked.nextLine, contentLength, walked.nextLine);
    if (walked.complete && cutMidLine && mode === 'file' && startLineKind(text, walked.offset, lines.ends[cutLine] ?? walked.offset, 'strict')) {
      // A body without a final CRLF, and the next message right after it on the same line (a TCP
      // stream dump). Its line is split in place so that the next message starts a line of its own;
      // this message never looks at that line again.
      (lines.starts as { [index: number]: number })[cutLine] = walked.offset;
      return bodyResult(bodyStart, emptyEnd, firstBodyLine, walked.offset, cutLine, contentLength, cutLine);
    }
  }
  // Without a believable Content-Length the body runs to the frame's end in a log, and in a file to
  // the next start line that follows a blank line.
  const limit = mode === 'file' ? nextMessageAfterBlank(text, lines, firstBodyLine, to) : to;
  const last = lastNonBlank(text, lines, firstBodyLine, limit);
  if (last <= firstBodyLine) return bodyResult(bodyStart, emptyEnd, firstBodyLine, bodyStart, firstBodyLine, 0, limit);
  return bodyResult(bodyStart, emptyEnd, firstBodyLine, lines.breaks[last - 1] ?? bodyStart, last, bytesOfLines(text, lines, firstBodyLine, last), limit);
}

function hasStartLine(text: string, lines: LineTable, from: number, to: number): boolean {
  for (let i = from; i < to; i = wireEnd(lines, i, to)) {
    if (isStrictStartLineAt(text, lines, i, to)) return true;
  }
  return false;
}

/** Index of the first non-blank wire line in [from, to), or `to`. */
function firstNonBlank(text: string, lines: LineTable, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const next = wireEnd(lines, i, to);
    if (!isBlankWire(text, lines, i, next)) return i;
    i = next;
  }
  return i;
}

/**
 * Parses every message in the frame, appending to `messages`; text that is not SIP goes to
 * `problems` as extra bytes (file mode only: in logs it is the log's own text).
 */
export function parseFrame(
  text: string,
  frame: Frame,
  mode: FramingMode,
  messages: SipMessage[],
  problems: ParseProblem[],
  store = new HeaderStore(text),
  rows = new RowTable(MESSAGE_FIELDS),
  peek = newPeek(),
): void {
  const { lines, to } = frame;
  let index = frame.from;
  let frameProblems = frame.problems ?? NO_PROBLEMS;
  while (index < to) {
    let junkFrom = -1;
    // A glued start line is read whole (its pieces are joined and mapped back); one read in place is
    // only recognised here, and read again from the text if a feature asks for it.
    let startLine: StartLine | null = null;
    let kind: 'request' | 'response' | null = null;
    for (; index < to; index++) {
      if (isGlued(lines, index, to)) {
        // A wire line in pieces: read as a whole, then skipped as a whole.
        const next = wireEnd(lines, index, to);
        if (!isBlankWire(text, lines, index, next)) {
          startLine = parseWireStartLine(joinPieces(text, lines, index, next), 'lenient');
          if (startLine) break;
          if (junkFrom < 0) junkFrom = index;
        }
        index = next - 1;
        continue;
      }
      const start = lines.starts[index] ?? 0;
      const end = lines.ends[index] ?? 0;
      if (isBlank(text, start, end)) continue;
      kind = peek.start === start && peek.end === end && peek.index !== -1 ? peek.kind : startLineKind(text, start, end, 'lenient');
      if (kind) break;
      if (junkFrom < 0) junkFrom = index;
    }
    if (junkFrom >= 0 && mode === 'file') {
      const last = lastNonBlank(text, lines, junkFrom, index);
      problems.push({
        code: 'extra-bytes',
        message: 'Text that is not part of a SIP message (it does not start with a request or status line).',
        span: { start: lines.starts[junkFrom] ?? 0, end: lines.ends[last - 1] ?? 0 },
      });
    }
    if (startLine) index = parseMessageAt(store, rows, frame, index, startLine.kind, startLine.start, startLine.end, startLine, mode, messages, frameProblems, peek);
    else if (kind) index = parseMessageAt(store, rows, frame, index, kind, lines.starts[index] ?? 0, lines.ends[index] ?? 0, null, mode, messages, frameProblems, peek);
    else return;
    frameProblems = NO_PROBLEMS;
  }
}

function parseMessageAt(
  store: HeaderStore,
  rows: RowTable,
  frame: Frame,
  first: number,
  kind: 'request' | 'response',
  lineStart: number,
  lineEnd: number,
  /** The start line when it was read from glued pieces; null when it is the text at [lineStart, lineEnd). */
  given: StartLine | null,
  mode: FramingMode,
  messages: SipMessage[],
  inherited: readonly ParseProblem[],
  peek: Peek,
): number {
  const { lines, to } = frame;
  const text = store.text;
  // The message's problems are gathered in one array for the whole parse and copied out only when
  // there are any: most messages have none, and an empty array each is garbage to collect.
  const problems = scratchProblems;
  problems.length = 0;
  for (const problem of inherited) problems.push(problem);
  const firstHeader = store.count;
  let index = wireEnd(lines, first, to);
  let blank = -1;
  for (; index < to; index++) {
    if (isGlued(lines, index, to)) {
      const next = wireEnd(lines, index, to);
      if (isBlankWire(text, lines, index, next)) {
        blank = next - 1;
        break;
      }
      const wire = joinPieces(text, lines, index, next);
      const c = wire.text.charCodeAt(0);
      // A continuation folds into the message's last header, if it has one yet.
      if ((c === 32 || c === 9) && store.count > firstHeader) continueWire(store, store.count - 1, wire);
      else if (mayStartMessage(wire.text, 0, wire.text.length) && parseWireStartLine(wire, 'strict')) break;
      else gluedHeaderLine(store, wire, index, problems);
      index = next - 1;
      continue;
    }
    const start = lines.starts[index] ?? 0;
    const end = lines.ends[index] ?? 0;
    if (isBlank(text, start, end)) {
      blank = index;
      break;
    }
    const c = text.charCodeAt(start);
    if ((c === 32 || c === 9) && store.count > firstHeader) {
      continueHeader(store, store.count - 1, lines, index);
      continue;
    }
    if (mayStartMessage(text, start, end) && startLineKind(text, start, end, 'strict')) break;
    headerLine(store, lines, index, problems);
  }

  let body: BodyInfo | null = null;
  let end: number;
  let nextLine: number;
  if (blank === -1) {
    const lastLine = index - 1;
    end = lastLine > first ? lines.breaks[lastLine] ?? lineEnd : lines.breaks[first] ?? lineEnd;
    const at = lines.ends[Math.max(first, lastLine)] ?? lineEnd;
    problems.push({ code: 'missing-blank-line', message: 'The header block is not closed by an empty line (RFC 3261 §7).', span: { start: at, end: at } });
    nextLine = index;
  } else {
    const located = locateBody(text, frame, blank + 1, contentLengthOf(store, firstHeader, store.count), mode, peek);
    body = located.body;
    end = located.end;
    nextLine = Math.max(located.nextLine, blank + 1);
  }

  const row = messageRow(rows, kind, lineStart, lineEnd, given !== null, end, firstHeader, store.count, first, nextLine, body);
  messages.push(new ParsedMessage(messages.length, given, rows, row, store, lines, frame.context, problems.length > 0 ? problems.slice() : NO_PROBLEMS));
  problems.length = 0;
  return nextLine;
}
