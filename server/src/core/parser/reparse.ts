/**
 * Re-parsing after an edit: only the messages the edit touches are read again, with one message on
 * each side, because an edited start line, blank line or frame marker can move a boundary into a
 * neighbour. Messages outside that window are kept as views (shifted.ts), those after it moved by
 * the edit's length, so a keystroke in a 50 MB trace parses the window, not the document: the rest
 * costs one small object per message.
 *
 * The window is parsed on its own, then checked: its first message must be the previous parse's
 * left neighbour and its last the right neighbour (same ranges, same log context). A message's parse
 * depends only on the text from its frame on up to the next message, so when both neighbours read
 * the same, everything between the edit and the rest of the document reads as a full parse would.
 * Whenever that cannot be shown (the neighbours differ, the edit reaches the format detection sample
 * and the format changes, the previous parse stopped early), the whole text is parsed again.
 */
import { forgetLasting } from './access';
import { parseDocument } from './document';
import { DETECTION_SAMPLE, detectFormat } from './formats';
import type { LogContext, ParseProblem, SipDocument, SipMessage, Span } from './model';
import { isView, sharingMoves, shiftMessage, shiftMessageInPlace } from './shifted';
import { ShiftTable } from '../util/shiftTable';
import type { TextSource } from './textSource';

/** One change as an editor reports it: text[start, end) of the text it applies to becomes `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * What a re-parse kept: previous messages [firstOld, endOld) were replaced by new messages
 * [firstOld, endNew); earlier ones are views of the same messages, later ones moved by `delta` characters and
 * renumbered by endNew - endOld. A full parse replaces everything.
 */
export interface ReparseChange {
  readonly firstOld: number;
  readonly endOld: number;
  readonly endNew: number;
  readonly delta: number;
}

export interface Reparsed {
  readonly document: SipDocument;
  readonly change: ReparseChange;
}

/** Two re-parses in a row as one: what `second` kept of what `first` kept. */
export function composeChanges(first: ReparseChange, second: ReparseChange): ReparseChange {
  // The region of the middle document either re-parse touched; before it nothing moved, after it
  // the first re-parse's and then the second's renumbering apply.
  const middleEnd = Math.max(first.endNew, second.endOld);
  return {
    firstOld: Math.min(first.firstOld, second.firstOld),
    endOld: middleEnd - first.endNew + first.endOld,
    endNew: middleEnd - second.endOld + second.endNew,
    delta: first.delta + second.delta,
  };
}

/** The region a run of changes covers, applied one after the other: previous text [start, oldEnd) became new text [start, newEnd). */
export interface ChangedRegion {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

export function changedRegion(changes: readonly TextChange[]): ChangedRegion | null {
  let region: { start: number; oldEnd: number; newEnd: number } | null = null;
  for (const change of changes) {
    const inserted = change.text.length;
    if (!region) {
      region = { start: change.start, oldEnd: change.end, newEnd: change.start + inserted };
      continue;
    }
    // Before the region, current and previous offsets agree; after it they differ by newEnd - oldEnd.
    const start = Math.min(region.start, change.start);
    const currentEnd = Math.max(region.newEnd, change.end);
    const oldEnd: number = currentEnd - (region.newEnd - region.oldEnd);
    region = { start, oldEnd, newEnd: currentEnd + inserted - (change.end - change.start) };
  }
  return region;
}

export function reparse(previous: SipDocument, previousText: TextSource, changes: readonly TextChange[], newText: TextSource): SipDocument {
  return reparseWithChange(previous, previousText, changes, newText).document;
}

function fullParse(previous: SipDocument, newText: TextSource, delta: number): Reparsed {
  const document = parseDocument(newText.toString());
  return { document, change: { firstOld: 0, endOld: previous.messages.length, endNew: document.messages.length, delta } };
}

export interface ReparseOptions {
  /**
   * Reuse the previous document's views of the kept messages instead of making new ones (see
   * shiftMessage for why there are new ones): those before the edit as they are, those after it
   * moved in place (shiftMessageInPlace), so a keystroke allocates nothing per message. Only when
   * the previous document is not read again. Values features remembered outside transient passes
   * are forgotten first (forgetLasting): they hold the previous text and its offsets. When the edit
   * keeps the number of messages, the previous document's list of messages is updated in place too,
   * and the messages after the edit are moved by one update of the moves their views share
   * (ShiftTable), not one by one.
   */
  readonly reuseViews?: boolean;
}

/** The moves shared by the views of a list of messages that re-parses update in place (see ReparseOptions). */
const sharedMoves = new WeakMap<readonly SipMessage[], ShiftTable>();

/**
 * Readies a document for re-parses that reuse its views (ReparseOptions.reuseViews): its messages
 * become views that share one table of moves, which the first such re-parse would otherwise make,
 * visiting every message during a keystroke. The document reads the same (views that have not
 * moved); values remembered for the messages are found again on demand. For the editor's idle time
 * after a large document opens. Does nothing the second time.
 */
export function prepareForEdits(document: SipDocument): void {
  const messages = document.messages as SipMessage[];
  if (sharedMoves.has(messages)) return;
  const table = new ShiftTable(messages.length);
  for (let i = 0; i < messages.length; i++) messages[i] = sharingMoves(messages[i] as SipMessage, i, table);
  sharedMoves.set(messages, table);
}

/**
 * The texts are read only where the edit is (and the format detection sample when the edit reaches
 * it): a text that is not one string yet stays so unless the whole text must be parsed again.
 */
export function reparseWithChange(previous: SipDocument, previousText: TextSource, changes: readonly TextChange[], newText: TextSource, options: ReparseOptions = {}): Reparsed {
  const delta = newText.length - previousText.length;
  const region = changedRegion(changes);
  if (!region) return { document: previous, change: { firstOld: 0, endOld: 0, endNew: 0, delta: 0 } };
  const unusable =
    region.start < 0 ||
    region.oldEnd > previousText.length ||
    region.newEnd - region.oldEnd !== delta ||
    previous.problems.some((problem) => problem.code === 'parser-error') ||
    (region.start < DETECTION_SAMPLE && detectFormat(newText.slice(0, Math.min(newText.length, DETECTION_SAMPLE))).id !== previous.format);
  if (unusable) return fullParse(previous, newText, delta);

  const old = previous.messages;
  const n = old.length;
  // Touched: messages whose range, from the start of their frame to their end, meets the edit.
  const first = firstEndingAtOrAfter(old, region.start);
  let last = first - 1;
  while (last + 1 < n && cutBefore(old, last + 1) <= region.oldEnd) last++;
  const left = first - 1;
  const right = Math.max(last + 1, first);
  const from = left >= 0 ? cutBefore(old, left) : 0;
  const oldTo = right + 1 < n ? cutBefore(old, right + 1) : previousText.length;
  const newTo = oldTo + delta;
  if (from > region.start || oldTo < region.oldEnd) return fullParse(previous, newText, delta);

  const whole = from === 0 && newTo === newText.length;
  const window = parseDocument(whole ? newText.toString() : detach(newText.slice(from, newTo)), { format: previous.format });
  const parsed = window.messages;
  if (window.problems.some((problem) => problem.code === 'parser-error')) return fullParse(previous, newText, delta);
  const leftNeighbour = left >= 0 ? old[left] : undefined;
  const rightNeighbour = right < n ? old[right] : undefined;
  if (leftNeighbour && !sameMessage(leftNeighbour, 0, parsed[0], from)) return fullParse(previous, newText, delta);
  if (rightNeighbour && !sameMessage(rightNeighbour, delta, parsed[parsed.length - 1], from)) return fullParse(previous, newText, delta);
  if (leftNeighbour && rightNeighbour && parsed.length < 2) return fullParse(previous, newText, delta);

  const keptBefore = Math.max(left, 0);
  const endOld = Math.min(right + 1, n);
  // Sized once: no array growth for the (usually many) messages after the edit.
  const endNew = keptBefore + parsed.length;
  // With the views reused and as many messages as before, the previous list itself is updated.
  // Reused views must not carry values remembered from the previous text (its offsets, its memory).
  if (options.reuseViews === true) forgetLasting();
  const inPlace = options.reuseViews === true && endNew === endOld;
  const messages = inPlace ? (old as SipMessage[]) : new Array<SipMessage>(endNew + n - endOld);
  if (options.reuseViews === true) {
    let table = inPlace ? sharedMoves.get(old) : undefined;
    // The usual keystroke: the messages after the window move as one.
    if (table) table.moveFrom(endNew, delta);
    else {
      // Once per list: every message becomes a view sharing one table, so later edits need not visit them.
      const fresh = new ShiftTable(messages.length);
      for (let i = 0; i < keptBefore; i++) messages[i] = sharingMoves(old[i] as SipMessage, i, fresh);
      for (let i = endNew, j = endOld; j < n; i++, j++) messages[i] = sharingMoves(shiftMessageInPlace(old[j] as SipMessage, delta, i), i, fresh);
      sharedMoves.set(messages, fresh);
      table = fresh;
    }
    for (let i = 0; i < parsed.length; i++) messages[keptBefore + i] = sharingMoves(shiftMessage(parsed[i] as SipMessage, from, keptBefore + i), keptBefore + i, table);
  } else {
    for (let i = 0; i < keptBefore; i++) {
      const message = old[i] as SipMessage;
      // A message as a parse made it is kept too: values remembered on it hold the text it was parsed
      // from, which it holds anyway, at offsets that never change.
      messages[i] = isView(message) ? shiftMessage(message, 0, i) : message;
    }
    for (let i = 0; i < parsed.length; i++) messages[keptBefore + i] = shiftMessage(parsed[i] as SipMessage, from, keptBefore + i);
    for (let i = endNew, j = endOld; j < n; i++, j++) messages[i] = shiftMessage(old[j] as SipMessage, delta, i);
  }

  const problems: ParseProblem[] = [];
  for (const problem of previous.problems) {
    if (problem.span.end <= from) problems.push(problem);
    else if (problem.span.start < oldTo) {
      // Inside the window it is found again; across a boundary the window cannot say.
      if (problem.span.start < from || problem.span.end > oldTo) return fullParse(previous, newText, delta);
    }
  }
  for (const problem of window.problems) problems.push(shiftProblem(problem, from));
  for (const problem of previous.problems) if (problem.span.start >= oldTo) problems.push(shiftProblem(problem, delta));

  return { document: { format: previous.format, messages, problems }, change: { firstOld: keptBefore, endOld, endNew, delta } };
}

/**
 * Where message i's text begins: its frame's opening lines when the log wrote some of its own for
 * it, else its start line. A frame shared with the previous message (several messages in one TCP
 * read) is not a place to cut, so the start line is used and the window check catches the rest.
 */
function cutBefore(messages: readonly SipMessage[], i: number): number {
  const message = messages[i];
  if (!message) return 0;
  const frame = message.context?.frameSpan;
  const previousEnd = i > 0 ? messages[i - 1]?.span.end ?? 0 : 0;
  return frame && frame.start < message.span.start && frame.start >= previousEnd ? frame.start : message.span.start;
}

/** Index of the first message whose range ends at or after the offset (ends only grow), or the count. */
function firstEndingAtOrAfter(messages: readonly SipMessage[], offset: number): number {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((messages[mid]?.span.end ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shiftProblem(problem: ParseProblem, delta: number): ParseProblem {
  return delta === 0 ? problem : { ...problem, span: { start: problem.span.start + delta, end: problem.span.end + delta } };
}

/**
 * A copy of a slice that does not keep the whole text alive: engines may represent a slice as a
 * view of its parent, and the window's messages keep their text for as long as they live.
 */
function detach(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}

function sameSpan(a: Span | null | undefined, aDelta: number, b: Span | null | undefined, bDelta: number): boolean {
  if (!a || !b) return !a && !b;
  return a.start + aDelta === b.start + bDelta && a.end + aDelta === b.end + bDelta;
}

function sameContext(a: LogContext | null, aDelta: number, b: LogContext | null, bDelta: number): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.format === b.format &&
    a.timestamp === b.timestamp &&
    a.direction === b.direction &&
    a.transport === b.transport &&
    a.src === b.src &&
    a.dst === b.dst &&
    a.bodyVerbatim === b.bodyVerbatim &&
    sameSpan(a.frameSpan, aDelta, b.frameSpan, bDelta)
  );
}

/** Whether the window read `parsed` (offsets + `parsedDelta`) as the previous parse read `previous` (offsets + `previousDelta`). */
function sameMessage(previous: SipMessage, previousDelta: number, parsed: SipMessage | undefined, parsedDelta: number): boolean {
  if (!parsed) return false;
  return (
    previous.kind === parsed.kind &&
    sameSpan(previous.span, previousDelta, parsed.span, parsedDelta) &&
    sameSpan(previous.startLine, previousDelta, parsed.startLine, parsedDelta) &&
    sameSpan(previous.body, previousDelta, parsed.body, parsedDelta) &&
    previous.headers.length === parsed.headers.length &&
    previous.lastLine - previous.firstLine === parsed.lastLine - parsed.firstLine &&
    previous.problems.length === parsed.problems.length &&
    previous.problems.every((problem, i) => problem.code === parsed.problems[i]?.code && sameSpan(problem.span, previousDelta, parsed.problems[i]?.span, parsedDelta)) &&
    sameContext(previous.context, previousDelta, parsed.context, parsedDelta)
  );
}
