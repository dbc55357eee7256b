/**
 * The parser fed in pieces: text chunks in, batches of complete messages out, each batch over a
 * window of the text with offsets that turn into whole-file offsets by adding `base`. Only the
 * unfinished tail is held back, so memory follows the size of a message, not of the file.
 *
 * How a window is cut: the format is detected once, on the first 64 KB exactly as parseDocument
 * does. Each window (carry-over + new text, up to its last complete line) is parsed with that format,
 * and the last message in it is held back together with everything from the start of the line its
 * frame begins on (the "safe cut"): a frame start is where every format's reader starts afresh, so
 * the held-back text parses the same way when more of it arrives. Messages before the cut are final.
 *
 * Deliberate bound: when a window holds no message to cut at and has grown past `maxCarry`
 * characters (a huge stretch of log text without SIP, or one message larger than that), the window
 * is cut at a line start `maxCarry / 2` characters from its end. Only then can results differ from
 * reading the file whole (a message or an extra-bytes region split in two).
 */
import { DETECTION_SAMPLE, detectFormat, formatById } from '../parser/formats';
import type { TraceFormat } from '../parser/formats/types';
import { parseDocument } from '../parser/document';
import type { FormatId, ParseProblem, SipDocument, SipMessage } from '../parser/model';

export interface StreamOptions {
  /** Skip detection and read the text as this format (as ParseOptions.format). */
  readonly format?: FormatId;
  /** Characters of new text to gather before parsing again (default 256 KiB); small values force cuts everywhere. */
  readonly window?: number;
  /** Carry-over size past which a window without a cut is cut anyway (default 8 Mi characters). */
  readonly maxCarry?: number;
}

/** Where a window lies in the file and where it is cut: all a batch needs besides its parse. */
interface WindowPlace {
  /** The window's text (the batch's messages and problems lie in it). */
  readonly text: string;
  /** Offset of `text` in the whole file. */
  readonly base: number;
  /** Count of LF characters in the file before `base`. */
  readonly linesBefore: number;
  /** Whole-file offset where the line holding `base` starts. */
  readonly lineStart: number;
  /** Whole-file offset where the next batch's text begins: nothing final is left before it. */
  readonly next: number;
  /** The last batch: it holds every message and problem of its text. */
  readonly final: boolean;
}

/** Complete messages from one window. Offsets in `document` are into `text`; add `base` for the whole file. */
export interface StreamBatch extends WindowPlace {
  /** Index, in the whole file, of the batch's first message. */
  readonly firstIndex: number;
  /** The messages and document-level problems that are final; message indexes are local to the batch. */
  readonly document: SipDocument;
}

/**
 * A window cut but not parsed: what another thread needs to parse and check it (see rebuildBatch).
 * Which message of the file comes first in it is not known until the batches before it are parsed.
 */
export type BatchPlace = WindowPlace & { readonly format: FormatId };

/** A batch as a worker thread rebuilds it: message indexes count from the batch's first message. */
export type RebuiltBatch = Omit<StreamBatch, 'firstIndex'>;

/** The batch's place, to send to a worker thread: plain data. */
export function batchPlace(batch: StreamBatch): BatchPlace {
  const { text, base, linesBefore, lineStart, next, final } = batch;
  return { text, base, linesBefore, lineStart, next, final, format: batch.document.format };
}

/** The batch a stream made for this place: the same text parsed the same way and cut at the same offset. */
export function rebuildBatch(place: BatchPlace): RebuiltBatch {
  const { format, ...rest } = place;
  return { ...rest, document: finalPart(parseDocument(place.text, { format }), place.next - place.base, place.final) };
}

/** What is final in a window's parse: the messages and problems before the cut (everything in the last window). */
function finalPart(parsed: SipDocument, cut: number, final: boolean): SipDocument {
  if (final) return parsed;
  const messages = parsed.messages.filter((m) => m.span.start < cut && m.span.end <= cut);
  const problems: readonly ParseProblem[] = parsed.problems.filter((p) => p.span.start < cut);
  return { format: parsed.format, messages, problems };
}

/**
 * A window's parse lives until its messages are checked: at 256 KiB most of it dies in the young
 * generation, where at 1 MiB much of it survived into the old one (about 15% more CPU time, mostly
 * garbage collection, and 20 MB more RSS on a SIPp trace).
 */
const DEFAULT_WINDOW = 1 << 18;
const DEFAULT_MAX_CARRY = 8 << 20;

/** How one window reads: where it may be cut (0: nowhere yet), and what its final part becomes once cut. */
interface WindowReading<T> {
  readonly cut: number;
  take(place: WindowPlace): { readonly item: T | null; readonly messages: number };
}

/**
 * Text in, windows out: the carry-over, the line counts and the choice of when to read a window
 * again. Subclasses say how a window is read and what it is cut into.
 */
abstract class WindowStream<T> {
  private buffer = '';
  private base = 0;
  private linesBefore = 0;
  private lineStart = 0;
  private messageCount = 0;
  protected format: TraceFormat | undefined;
  /** Length of the buffer's complete lines at the last parse (after its cut). */
  private parsed = 0;
  /** Buffer length at which the next parse runs. */
  private nextParseAt: number;
  private readonly window: number;
  private readonly maxCarry: number;

  constructor(options: StreamOptions = {}) {
    this.window = Math.max(1, options.window ?? DEFAULT_WINDOW);
    this.maxCarry = Math.max(2, options.maxCarry ?? DEFAULT_MAX_CARRY);
    this.nextParseAt = this.window;
    if (options.format !== undefined) this.format = formatById(options.format);
  }

  /** The format in use, once known (after the first 64 KB or at the end). */
  get formatId(): FormatId | undefined {
    return this.format?.id;
  }

  /** Characters held back right now: what the stream costs in memory beyond one window. */
  get carried(): number {
    return this.buffer.length;
  }

  /** Total messages emitted so far (as far as this stream knows them: see CutStream). */
  get messages(): number {
    return this.messageCount;
  }

  push(chunk: string): T[] {
    if (chunk.length === 0) return [];
    this.buffer += chunk;
    if (!this.format) {
      if (this.buffer.length < DETECTION_SAMPLE) return [];
      this.format = detectFormat(this.buffer.slice(0, DETECTION_SAMPLE));
    }
    if (this.buffer.length < this.nextParseAt) return [];
    return this.parseWindow(false);
  }

  /** The rest of the text: everything still held back becomes final. */
  end(): T[] {
    this.format ??= detectFormat(this.buffer);
    return this.parseWindow(true);
  }

  /** Reads a window of complete lines; `final` windows are cut at their end whatever `cut` says. */
  protected abstract read(text: string, format: TraceFormat, final: boolean): WindowReading<T>;

  /** Index, in the whole file, of the next message to come out (for batches that know their messages). */
  protected get nextIndex(): number {
    return this.messageCount;
  }

  private parseWindow(final: boolean): T[] {
    // Only complete lines: a window ending inside a line (or between CR and LF) would read differently.
    const complete = final ? this.buffer.length : completeLines(this.buffer);
    // Nothing new to read unless a line was completed since the last parse.
    if ((complete === 0 || complete === this.parsed) && !final && this.buffer.length <= this.maxCarry) {
      this.nextParseAt = this.buffer.length + this.window;
      return [];
    }
    const text = complete === this.buffer.length || complete === 0 ? this.buffer : this.buffer.slice(0, complete);
    const format = this.format ?? detectFormat(text);
    const reading = this.read(text, format, final);
    let cut = final ? text.length : reading.cut;
    if (cut === 0 && this.buffer.length > this.maxCarry) {
      const at = Math.max(1, text.length - (this.maxCarry >> 1));
      cut = lineStartBefore(text, at) || at;
    }
    this.parsed = complete;
    if (cut === 0) {
      // No progress: wait for twice as much, so a long message costs linear time, not quadratic.
      // (Never later than just past maxCarry, where a cut is forced.)
      this.nextParseAt = Math.max(this.buffer.length + this.window, Math.min(this.buffer.length * 2, this.maxCarry + 1));
      return [];
    }
    const { item, messages } = reading.take({ text, base: this.base, linesBefore: this.linesBefore, lineStart: this.lineStart, next: this.base + cut, final });
    this.advance(text, cut);
    this.parsed = Math.max(0, complete - cut);
    this.messageCount += messages;
    this.nextParseAt = this.buffer.length + this.window;
    return item ? [item] : [];
  }

  /** Drops text[0, cut) from the buffer, keeping the line count and line start of what remains. */
  private advance(text: string, cut: number): void {
    let lf = text.indexOf('\n');
    let lastLf = -1;
    while (lf !== -1 && lf < cut) {
      this.linesBefore++;
      lastLf = lf;
      lf = text.indexOf('\n', lf + 1);
    }
    if (lastLf !== -1) this.lineStart = this.base + lastLf + 1;
    this.base += cut;
    this.buffer = this.buffer.slice(cut);
  }
}

/** The stream of parsed batches: each window is parsed, and cut before the frame of its last message. */
export class DocumentStream extends WindowStream<StreamBatch> {
  protected read(text: string, format: TraceFormat, final: boolean): WindowReading<StreamBatch> {
    const parsed = parseDocument(text, { format: format.id });
    const firstIndex = this.nextIndex;
    return {
      cut: final ? text.length : safeCut(text, parsed.messages),
      take: (place) => {
        const document = finalPart(parsed, place.next - place.base, place.final);
        const batch: StreamBatch = { ...place, firstIndex, document };
        return { item: document.messages.length > 0 || document.problems.length > 0 ? batch : null, messages: document.messages.length };
      },
    };
  }
}

/**
 * The same windows, cut without parsing them, for parsing elsewhere (worker threads): a window is cut
 * where its format's last frame begins, which only takes the format's framing. Formats whose frames
 * do not say where they begin (message files, where Content-Length decides) are parsed to find the
 * cut, as in DocumentStream. `messages` stays 0: the messages are counted where they are parsed.
 */
export class CutStream extends WindowStream<BatchPlace> {
  protected read(text: string, format: TraceFormat, final: boolean): WindowReading<BatchPlace> {
    const cut = final ? text.length : lastFrameCut(text, format) ?? safeCut(text, parseDocument(text, { format: format.id }).messages);
    return { cut, take: (place) => ({ item: { ...place, format: format.id }, messages: 0 }) };
  }
}

/** Where the last message's frame begins (at a line start), or 0 when there is nothing before it to emit. */
function safeCut(text: string, messages: readonly SipMessage[]): number {
  const last = messages[messages.length - 1];
  if (!last) return 0;
  const frame = last.context?.frameSpan?.start ?? last.span.start;
  return lineStartBefore(text, Math.min(frame, last.span.start));
}

/**
 * Where the last frame begins (at a line start; 0 when it is the first), or undefined when the
 * format's frames do not say. A frame start is where every reader starts afresh, so what lies before
 * it reads the same whatever follows.
 */
function lastFrameCut(text: string, format: TraceFormat): number | undefined {
  if (format.id === 'sip') return undefined;
  const fast = format.lastFrameStart?.(text);
  if (fast !== undefined) return fast < 0 ? 0 : lineStartBefore(text, fast);
  const frames = format.frames(text);
  const last = frames[frames.length - 1];
  if (!last) return 0;
  const frameStart = last.context?.frameSpan?.start;
  if (frameStart === undefined) return undefined;
  return lineStartBefore(text, Math.min(frameStart, last.lines.starts[last.from] ?? frameStart));
}

/** The start of the line holding `offset`; LF, CRLF and a lone CR end a line, as the parser reads them. */
function lineStartBefore(text: string, offset: number): number {
  if (offset <= 0) return 0;
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** Length of the buffer's complete lines: up to its last LF, or its last CR unless that may be half of a CRLF. */
function completeLines(buffer: string): number {
  const lf = buffer.lastIndexOf('\n');
  // A CR ends a line only after the last LF: look there and no further (most logs have no CR at all).
  for (let i = Math.max(0, buffer.length - 2); i > lf; i--) if (buffer.charCodeAt(i) === 13) return i + 1;
  return lf + 1;
}
