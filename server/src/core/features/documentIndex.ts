/**
 * One index per parsed document, shared by the navigation features (symbols, definition,
 * references, highlights, hovers): which messages belong to which call, transaction and dialog,
 * which message sits at an offset, and when each message was logged. Built once per document object,
 * each part in one pass over the messages (transactions and dialogs when first asked for), so that
 * every request after the first costs a lookup, never a rescan.
 */
import { callId, cseqOf, headerTagOf, topVia } from '../parser/access';
import type { SipDocument, SipMessage } from '../parser/model';
import { composeChanges, type ReparseChange } from '../parser/reparse';

/**
 * What a log timestamp can be measured against. Two timestamps on the same clock can be
 * subtracted; a log that gives only the time of day (`day`), only the month and day (`year`, syslog)
 * or only minutes and seconds (`hour`) is measured from the start of that day, year or hour.
 */
export type Clock = 'epoch' | 'year' | 'day' | 'hour';

export interface Instant {
  /** Milliseconds since the clock's origin (the Unix epoch for `epoch`), with the log's fraction of a second. */
  readonly ms: number;
  readonly clock: Clock;
}

/** Requests and responses with the same Call-ID, top Via branch, CSeq number and CSeq method (RFC 3261 §17.1.3, §17.2.3). */
export interface Transaction {
  readonly id: number;
  readonly callId: string;
  /** The top Via's branch; null for an RFC 2543 element that sends none (then Call-ID and CSeq alone match). */
  readonly branch: string | null;
  readonly cseq: number;
  readonly method: string;
  /** The request and any copies of it (retransmissions, or the same request logged twice), in document order. */
  readonly requests: readonly number[];
  readonly responses: readonly number[];
  /** Requests and responses together, in document order. */
  readonly messages: readonly number[];
}

/** Messages of one dialog: the same Call-ID and the same pair of From and To tags, in either order (RFC 3261 §12). */
export interface Dialog {
  readonly id: number;
  readonly callId: string;
  /** The two tags, sorted, so that both directions of the dialog share the entry. */
  readonly tags: readonly [string, string];
  readonly messages: readonly number[];
}

export interface DocumentIndex {
  /** Per message: its Call-ID, or null when it has none. */
  readonly callIds: readonly (string | null)[];
  /** Call-ID to the indexes of its messages in document order; iteration follows first appearance. */
  readonly calls: ReadonlyMap<string, readonly number[]>;
  readonly transactions: readonly Transaction[];
  /** Per message: the id of its transaction, or -1 (no Call-ID, no usable CSeq). */
  readonly transactionOf: readonly number[];
  readonly dialogs: readonly Dialog[];
  /** Per message: the id of its dialog, or -1 when it lacks a From or To tag (a dialog-creating request, a 100 Trying). */
  readonly dialogOf: readonly number[];
  /** Per message: when the log says it was written, or null when it says nothing parseable. Reads every timestamp on first use. */
  readonly times: readonly (Instant | null)[];
  /** When the log says message `i` was written: reads that one timestamp only, so a feature showing a few calls of a long log parses a few. */
  timeAt(i: number): Instant | null;
  /** Index of the message whose range holds the offset (its end included), or -1. O(log n). */
  messageAt(offset: number): number;
  /** The transactions with this Call-ID, CSeq number and method (several with different branches: a proxy's two legs, or two forks). */
  transactionsFor(callId: string, cseq: number, method: string): readonly Transaction[];
  /** The transactions sharing a Call-ID, branch and CSeq number, whatever their method (an INVITE with its CANCEL or its ACK to a failure). */
  transactionsWithBranch(callId: string, branch: string | null, cseq: number): readonly Transaction[];
  /** Indexes of the messages with a Replaces, Join or In-Reply-To header (which name other calls), in document order. */
  mentioningMessages(): readonly number[];
  /** Milliseconds from message `from` to message `to`, when both have timestamps on the same clock; null otherwise. */
  durationBetween(from: number, to: number): number | null;
}

const memo = new WeakMap<SipDocument, DocumentIndex>();

/**
 * The index of a document, built on first use and remembered for as long as the document object
 * lives. Call-IDs and offsets are built at once; timestamps one by one as asked for; transactions and
 * dialogs, which parse Via, From and To, on first use, so an outline of a long log never pays for them.
 */
export function indexOf(text: string, document: SipDocument): DocumentIndex {
  const cached = memo.get(document);
  if (cached) return cached;
  const carried = pending.get(document);
  pending.delete(document);
  const primer = primers.get(document);
  primers.delete(document);
  const index = carried ? Index.following(carried.previous, text, document, carried.change) : new Index(text, document, undefined, primer?.() ?? undefined);
  memo.set(document, index);
  return index;
}

/**
 * Builds the index of `document` now, with its call groups and message starts, unless it exists:
 * for idle time, so that the first outline or navigation request does not pay for it. Says whether
 * it built one.
 */
export function warmIndex(text: string, document: SipDocument): boolean {
  if (memo.has(document)) return false;
  const index = indexOf(text, document);
  void index.calls;
  // The first lookup by offset builds the table of message starts that every later one searches.
  index.messageAt(0);
  return true;
}

/**
 * Call-IDs numbered beforehand: message i's number is `numbers[i * stride]`, the same number for the
 * same Call-ID and numbers below `count`; -1 where the message's Call-ID was not numbered (it is
 * read then). Validation numbers every Call-ID of a trace anyway (see callIdNumbers in
 * validate/incremental.ts); only the first message with each number has its Call-ID read.
 */
export interface KnownCallIds {
  readonly numbers: Int32Array;
  readonly stride: number;
  readonly count: number;
}

/** Documents whose index can start from Call-IDs known beforehand, when it is first built. */
const primers = new WeakMap<SipDocument, () => KnownCallIds | null>();

/**
 * Tells the index of `document`, should it be built from scratch, where to find Call-IDs read
 * already: `known` is asked then (not now, so that a caller that never asks for the index pays
 * nothing) and may answer null when what it knew no longer holds. The index is the same either
 * way; it only reads fewer headers and groups calls by number instead of by string.
 */
export function primeCallIds(document: SipDocument, known: () => KnownCallIds | null): void {
  if (!memo.has(document)) primers.set(document, known);
}

/** Documents re-parsed from an indexed one, whose index is derived from that one's when first asked for. */
const pending = new WeakMap<SipDocument, { readonly previous: Index; readonly change: ReparseChange }>();

/**
 * Tells the index that `next` was re-parsed from `previous` (see parser/reparse.ts), so that its
 * index keeps what the edit did not touch instead of reading every message again. Only the index
 * the chain started from is held, never the documents in between.
 */
export function followReparse(previous: SipDocument, next: SipDocument, change: ReparseChange): void {
  if (previous === next) return;
  const built = memo.get(previous);
  if (built instanceof Index) {
    pending.set(next, { previous: built, change });
    return;
  }
  const earlier = pending.get(previous);
  if (earlier) pending.set(next, { previous: earlier.previous, change: composeChanges(earlier.change, change) });
}

interface MutableTransaction {
  id: number;
  callId: string;
  branch: string | null;
  cseq: number;
  method: string;
  requests: number[];
  responses: number[];
  messages: number[];
}

interface MutableDialog {
  id: number;
  callId: string;
  tags: readonly [string, string];
  messages: number[];
}

interface TransactionTable {
  readonly list: readonly Transaction[];
  readonly of: readonly number[];
  readonly byMethod: ReadonlyMap<string, readonly Transaction[]>;
  readonly byBranch: ReadonlyMap<string, readonly Transaction[]>;
}

interface DialogTable {
  readonly list: readonly Dialog[];
  readonly of: readonly number[];
}

const SEP = '\u0000';

/**
 * A message's Call-ID, letting go of the header objects read to find it (made again when next
 * asked for): validation has already let go of them, and keeping one object per header of a long
 * trace only because the index looked costs the server a full garbage collection.
 */
function readCallId(message: SipMessage): string | null {
  const id = callId(message);
  message.releaseHeaders?.();
  return id;
}

/** A timestamp not read yet (null is taken: a message whose log line says no time). */
type Unread = undefined;

class Index implements DocumentIndex {
  readonly callIds: readonly (string | null)[];
  /** Per message: the number its Call-ID had when known beforehand (see KnownCallIds), else -1; null when none was known. */
  private readonly callNumbers: { readonly numbers: Int32Array; readonly count: number } | null;
  /** Per message: its parsed timestamp, or undefined until asked for (parsing every one costs more than the rest of the index). */
  private readonly timeTable: (Instant | null | Unread)[];
  private allTimes = false;
  /** Message starts in document order (null when the messages are not in order), read on first use: an outline never needs them. */
  private startTable: Int32Array | null | Unread;
  private locate: ((offset: number) => number) | null = null;
  private callTable: ReadonlyMap<string, readonly number[]> | null = null;
  private facts: readonly (TransactionFact | null)[] | null = null;
  private mentioning: readonly number[] | null = null;
  private transactionTable: TransactionTable | null = null;
  private dialogTable: DialogTable | null = null;

  constructor(
    private readonly text: string,
    private readonly document: SipDocument,
    carried?: {
      readonly callIds: readonly (string | null)[];
      readonly times: (Instant | null | Unread)[];
      readonly starts: Int32Array | null | Unread;
      readonly numbers?: { readonly numbers: Int32Array; readonly count: number };
    },
    known?: KnownCallIds,
  ) {
    const messages = document.messages;
    this.callNumbers = null;
    if (carried) {
      this.callIds = carried.callIds;
      this.timeTable = carried.times;
      this.startTable = carried.starts;
      this.callNumbers = carried.numbers ?? null;
      return;
    }
    if (known && known.numbers.length === messages.length * known.stride) {
      const { stride, count } = known;
      const numbers = new Int32Array(messages.length);
      // Per number, the first message that has it: the one whose Call-ID is read. Typed, not a
      // sparse array of a hundred thousand places, which the engine would keep as a dictionary.
      const first = new Int32Array(count).fill(-1);
      const callIds = new Array<string | null>(messages.length);
      for (let i = 0; i < messages.length; i++) {
        const message = messages[i];
        const number = known.numbers[i * stride] ?? -1;
        const named = number >= 0 && number < count;
        numbers[i] = named ? number : -1;
        const earlier = named ? (first[number] ?? -1) : -1;
        if (earlier >= 0) callIds[i] = callIds[earlier] ?? null;
        else {
          callIds[i] = message ? readCallId(message) : null;
          if (named) first[number] = i;
        }
      }
      this.callIds = callIds;
      this.callNumbers = { numbers, count };
    } else this.callIds = messages.map(readCallId);
    this.timeTable = new Array<Instant | null | Unread>(messages.length).fill(undefined);
    this.startTable = undefined;
  }

  /** Message starts in document order, when the messages are in document order (they always are from the parser). */
  get starts(): Int32Array | null {
    if (this.startTable === undefined) this.startTable = sortedStarts(this.document);
    return this.startTable;
  }

  readonly messageAt = (offset: number): number => {
    if (!this.locate) {
      const starts = this.starts;
      this.locate = starts ? locateIn(this.document, starts) : offsetLocator(this.document);
    }
    return this.locate(offset);
  };

  /**
   * The index of `document`, re-parsed from `previous`'s document: Call-IDs, timestamps and starts
   * of the kept messages are copied (moved by the edit after it), only the re-parsed ones are read.
   * Calls, transactions and dialogs are built again when first asked for, from these arrays.
   */
  static following(previous: Index, text: string, document: SipDocument, change: ReparseChange): Index {
    const { firstOld, endOld, endNew, delta } = change;
    const messages = document.messages;
    if (endOld > previous.callIds.length || messages.length !== previous.callIds.length - endOld + endNew) return new Index(text, document);
    const callIds = previous.callIds.slice(0, firstOld);
    const times = previous.timeTable.slice(0, firstOld);
    for (let i = firstOld; i < endNew; i++) {
      const message = messages[i];
      callIds.push(message ? readCallId(message) : null);
      times.push(undefined);
    }
    for (let i = endOld; i < previous.callIds.length; i++) {
      callIds.push(previous.callIds[i] ?? null);
      times.push(previous.timeTable[i]);
    }
    // Starts the previous index never read are read from this document when first needed.
    let starts: Int32Array | null | Unread = previous.startTable === undefined ? undefined : null;
    if (previous.startTable) {
      starts = new Int32Array(messages.length);
      starts.set(previous.startTable.subarray(0, firstOld));
      for (let i = firstOld; i < endNew; i++) starts[i] = messages[i]?.span.start ?? 0;
      for (let i = endNew, j = endOld; j < previous.startTable.length; i++, j++) starts[i] = (previous.startTable[j] ?? 0) + delta;
      // The window's messages are in order among themselves; the seams are checked here.
      const moved = starts;
      if ([firstOld, endNew].some((i) => i > 0 && i < moved.length && (moved[i - 1] ?? 0) > (moved[i] ?? 0))) starts = null;
    }
    let numbers: KnownCallIds['numbers'] | undefined;
    if (previous.callNumbers) {
      // Kept messages keep their numbers; the re-read ones are grouped by their Call-ID's text.
      const before = previous.callNumbers.numbers;
      numbers = new Int32Array(messages.length).fill(-1);
      numbers.set(before.subarray(0, firstOld));
      numbers.set(before.subarray(endOld), endNew);
    }
    const index = new Index(text, document, { callIds, times, starts, ...(numbers && previous.callNumbers ? { numbers: { numbers, count: previous.callNumbers.count } } : {}) });
    if (previous.facts) {
      const facts = previous.facts.slice(0, firstOld);
      for (let i = firstOld; i < endNew; i++) {
        const message = messages[i];
        facts.push(message ? detachFact(transactionFact(text, message, callIds[i] ?? null)) : null);
      }
      for (let i = endOld; i < previous.facts.length; i++) facts.push(previous.facts[i] ?? null);
      index.facts = facts;
    }
    if (previous.mentioning) {
      const list = previous.mentioning.filter((i) => i < firstOld);
      for (let i = firstOld; i < endNew; i++) if (mentions(messages[i])) list.push(i);
      for (const i of previous.mentioning) if (i >= endOld) list.push(i - endOld + endNew);
      index.mentioning = list;
    }
    return index;
  }

  get times(): readonly (Instant | null)[] {
    if (!this.allTimes) {
      for (let i = 0; i < this.timeTable.length; i++) this.timeAt(i);
      this.allTimes = true;
    }
    return this.timeTable as readonly (Instant | null)[];
  }

  timeAt(i: number): Instant | null {
    const known = this.timeTable[i];
    if (known !== undefined) return known;
    if (i < 0 || i >= this.timeTable.length) return null;
    const time = parseTimestamp(this.document.messages[i]?.context?.timestamp ?? null);
    this.timeTable[i] = time;
    return time;
  }

  get calls(): ReadonlyMap<string, readonly number[]> {
    if (this.callTable) return this.callTable;
    const calls = new Map<string, number[]>();
    if (this.callNumbers) {
      // Grouped by number: one string lookup per call rather than per message (a trace has ten messages or so per call).
      const { numbers, count } = this.callNumbers;
      // Per number, its list's place in `lists` (typed, as `first` in the constructor).
      const place = new Int32Array(count).fill(-1);
      const lists: number[][] = [];
      const callIds = this.callIds;
      for (let i = 0; i < callIds.length; i++) {
        const id = callIds[i] ?? null;
        if (id === null) continue;
        const number = numbers[i] ?? -1;
        let list = number >= 0 ? lists[place[number] ?? -1] : undefined;
        if (!list) {
          list = calls.get(id);
          if (!list) calls.set(id, (list = []));
          if (number >= 0) {
            place[number] = lists.length;
            lists.push(list);
          }
        }
        list.push(i);
      }
    } else {
      this.callIds.forEach((id, i) => {
        if (id !== null) pushTo(calls, id, i);
      });
    }
    this.callTable = calls;
    return calls;
  }

  get transactions(): readonly Transaction[] {
    return this.transactionStage().list;
  }

  get transactionOf(): readonly number[] {
    return this.transactionStage().of;
  }

  get dialogs(): readonly Dialog[] {
    return this.dialogStage().list;
  }

  get dialogOf(): readonly number[] {
    return this.dialogStage().of;
  }

  transactionsFor(id: string, cseq: number, method: string): readonly Transaction[] {
    return this.transactionStage().byMethod.get([id, cseq, method].join(SEP)) ?? [];
  }

  transactionsWithBranch(id: string, branch: string | null, cseq: number): readonly Transaction[] {
    return this.transactionStage().byBranch.get([id, branch ?? '', cseq].join(SEP)) ?? [];
  }

  durationBetween(from: number, to: number): number | null {
    return durationOf(this.timeAt(from), this.timeAt(to));
  }

  mentioningMessages(): readonly number[] {
    if (this.mentioning) return this.mentioning;
    const list: number[] = [];
    this.document.messages.forEach((message, i) => {
      if (mentions(message)) list.push(i);
    });
    this.mentioning = list;
    return list;
  }

  /** Per message, what places it in a transaction; read once per message and carried over re-parses. */
  transactionFacts(): readonly (TransactionFact | null)[] {
    if (this.facts) return this.facts;
    this.facts = this.document.messages.map((message, i) => transactionFact(this.text, message, this.callIds[i] ?? null));
    return this.facts;
  }

  private transactionStage(): TransactionTable {
    if (this.transactionTable) return this.transactionTable;
    const list: MutableTransaction[] = [];
    const of: number[] = [];
    const byKey = new Map<string, MutableTransaction>();
    const byMethod = new Map<string, MutableTransaction[]>();
    const byBranch = new Map<string, MutableTransaction[]>();
    const facts = this.transactionFacts();
    this.document.messages.forEach((message, i) => {
      of.push(-1);
      const id = this.callIds[i] ?? null;
      const fact = facts[i];
      if (id === null || !fact) return;
      const { branch, method } = fact;
      const cseq = { value: fact.cseq };
      const key = [id, branch ?? '', cseq.value, method].join(SEP);
      let transaction = byKey.get(key);
      if (!transaction) {
        transaction = { id: list.length, callId: id, branch, cseq: cseq.value, method, requests: [], responses: [], messages: [] };
        list.push(transaction);
        byKey.set(key, transaction);
        pushTo(byMethod, [id, cseq.value, method].join(SEP), transaction);
        pushTo(byBranch, [id, branch ?? '', cseq.value].join(SEP), transaction);
      }
      (message.kind === 'request' ? transaction.requests : transaction.responses).push(i);
      transaction.messages.push(i);
      of[i] = transaction.id;
    });
    this.transactionTable = { list, of, byMethod, byBranch };
    return this.transactionTable;
  }

  private dialogStage(): DialogTable {
    if (this.dialogTable) return this.dialogTable;
    const list: MutableDialog[] = [];
    const of: number[] = [];
    const byKey = new Map<string, MutableDialog>();
    this.document.messages.forEach((message, i) => {
      of.push(-1);
      const id = this.callIds[i] ?? null;
      if (id === null) return;
      const fromTag = headerTagOf(this.text, message, 'From');
      const toTag = fromTag ? headerTagOf(this.text, message, 'To') : null;
      if (!fromTag || !toTag) return;
      const tags: [string, string] = fromTag < toTag ? [fromTag, toTag] : [toTag, fromTag];
      const key = [id, tags[0], tags[1]].join(SEP);
      let dialog = byKey.get(key);
      if (!dialog) {
        dialog = { id: list.length, callId: id, tags, messages: [] };
        list.push(dialog);
        byKey.set(key, dialog);
      }
      dialog.messages.push(i);
      of[i] = dialog.id;
    });
    this.dialogTable = { list, of };
    return this.dialogTable;
  }
}

const MENTIONING = new Set(['replaces', 'join', 'in-reply-to']);

function mentions(message: SipMessage | undefined): boolean {
  return message?.headers.some((header) => MENTIONING.has(header.key)) ?? false;
}

/** What places a message in a transaction besides its Call-ID: CSeq number and method, top Via branch. */
interface TransactionFact {
  readonly cseq: number;
  readonly method: string;
  readonly branch: string | null;
}

function transactionFact(text: string, message: SipMessage, id: string | null): TransactionFact | null {
  const cseq = id === null ? null : cseqOf(text, message);
  if (id === null || !cseq?.method || Number.isNaN(cseq.value)) return null;
  return { cseq: cseq.value, method: cseq.method.text, branch: topVia(text, message)?.branch?.text ?? null };
}

/**
 * A copy holding no piece of the text: facts are carried over later versions, and a string cut
 * from a version's text may keep that whole text alive.
 */
function detachFact(fact: TransactionFact | null): TransactionFact | null {
  return fact ? (JSON.parse(JSON.stringify(fact)) as TransactionFact) : null;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The messages' starts, or null when the messages are not in document order. */
function sortedStarts(document: SipDocument): Int32Array | null {
  const messages = document.messages;
  const starts = new Int32Array(messages.length);
  for (let i = 0; i < messages.length; i++) {
    starts[i] = messages[i]?.span.start ?? 0;
    if (i > 0 && (starts[i - 1] ?? 0) > (starts[i] ?? 0)) return null;
  }
  return starts;
}

/** Index of the last entry of the ascending `starts` that is at or before `offset`, or -1. */
function lastAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] ?? 0) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Binary search over starts in document order: the last message starting at or before the offset, if the offset is inside it. */
function locateIn(document: SipDocument, starts: Int32Array): (offset: number) => number {
  return (offset) => {
    if (!Number.isFinite(offset)) return -1;
    const found = lastAtOrBefore(starts, offset);
    const span = found === -1 ? undefined : document.messages[found]?.span;
    return span && offset <= span.end ? found : -1;
  };
}

/**
 * Binary search over message starts. Parsers emit messages in document order; should a format ever
 * emit them otherwise, the order is sorted once here rather than trusted.
 */
function offsetLocator(document: SipDocument): (offset: number) => number {
  const messages = document.messages;
  let order = messages.map((_, i) => i);
  const sorted = messages.every((m, i) => i === 0 || (messages[i - 1]?.span.start ?? 0) <= m.span.start);
  if (!sorted) order = order.sort((a, b) => (messages[a]?.span.start ?? 0) - (messages[b]?.span.start ?? 0));
  const starts = order.map((i) => messages[i]?.span.start ?? 0);
  return (offset) => {
    if (!Number.isFinite(offset)) return -1;
    const found = lastAtOrBefore(starts, offset);
    if (found === -1) return -1;
    const index = order[found] ?? -1;
    const span = messages[index]?.span;
    return span && offset <= span.end ? index : -1;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Milliseconds between two instants on the same clock. A clock that only knows the time of day (or
 * of the hour) wraps once at midnight (at the full hour), so a call across midnight still measures
 * right; on the other clocks a negative difference means the log is out of order, and says nothing.
 */
export function durationOf(from: Instant | null, to: Instant | null): number | null {
  if (!from || !to || from.clock !== to.clock) return null;
  let ms = to.ms - from.ms;
  if (ms < 0 && from.clock === 'day') ms += DAY;
  if (ms < 0 && from.clock === 'hour') ms += HOUR;
  return ms >= 0 && Number.isFinite(ms) ? ms : null;
}

/**
 * Milliseconds from the first timestamped message of a list to its last one on the same clock (the
 * first one's), or null. `times`: every message's time, or an index (which reads only these messages' times).
 */
export function elapsedMs(times: readonly (Instant | null)[] | Pick<DocumentIndex, 'timeAt'>, members: readonly number[]): number | null {
  const at = Array.isArray(times) ? (i: number): Instant | null => times[i] ?? null : (i: number): Instant | null => (times as Pick<DocumentIndex, 'timeAt'>).timeAt(i);
  let first: Instant | null = null;
  let last: Instant | null = null;
  for (const i of members) {
    const time = at(i);
    if (!time) continue;
    if (!first) first = time;
    else if (time.clock === first.clock) last = time;
  }
  return first && last ? durationOf(first, last) : null;
}

/** "0.3 ms", "304 ms", "12.4 s", "2 min 5 s", "1 h 3 min": the precision a reader wants at each scale. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms === 0) return '0 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const TIME = String.raw`(\d{1,2}):(\d{2}):(\d{2})(?:[.,:](\d{1,9}))?`;
/** 2024-03-12 14:05:31.412, 2026-11-21T20:56:43.912557+00:00, 2026/11/21 20:54:45.444048, SIPp's tab-separated form. */
const DATE_TIME = new RegExp(String.raw`(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T|[ \t]+)${TIME}\s*(Z|[+-]\d{2}:?\d{2})?`, 'i');
/** Syslog "Nov 21 20:39:13", Cisco "Mar  4 10:14:53.402 CET", tshark "Nov 21, 2026 20:54:45.444048000 UTC". */
const MONTH_DAY = new RegExp(String.raw`\b([A-Za-z]{3})\s+(\d{1,2})(?:,\s*(\d{4}))?\s+${TIME}`);
/** Kamailio sipdump, OpenSIPS HEP: "1795294618.360235". */
const EPOCH = /^(\d{9,11})(?:\.(\d{1,9}))?$/;
const TIME_OF_DAY = new RegExp(TIME);
/** Oracle SBC's acli tail: "44:12.154", minutes and seconds. */
const MINUTES = /^(\d{1,2}):(\d{2})[.,](\d{1,9})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A leap year, so that a syslog "Feb 29" measures like any other day. */
const REFERENCE_YEAR = 2000;

/**
 * A log timestamp in milliseconds on the clock it allows, or null. Only the first 80 characters are
 * read: a timestamp is short, and a log line is not trusted to be.
 */
export function parseTimestamp(stamp: string | null): Instant | null {
  if (!stamp) return null;
  const text = stamp.slice(0, 80).trim();
  const full = DATE_TIME.exec(text);
  if (full) {
    const ms = dateMs(Number(full[1]), Number(full[2]), Number(full[3]), full, 4);
    return ms === null ? null : { ms: ms - zoneMs(full[8]), clock: 'epoch' };
  }
  const syslog = MONTH_DAY.exec(text);
  const month = syslog ? MONTHS.indexOf((syslog[1] ?? '').toLowerCase()) : -1;
  if (syslog && month !== -1) {
    const year = syslog[3] ? Number(syslog[3]) : REFERENCE_YEAR;
    const ms = dateMs(year, month + 1, Number(syslog[2]), syslog, 4);
    if (ms === null) return null;
    return syslog[3] ? { ms, clock: 'epoch' } : { ms: ms - Date.UTC(REFERENCE_YEAR, 0, 1), clock: 'year' };
  }
  const epoch = EPOCH.exec(text);
  if (epoch) return { ms: Number(epoch[1]) * 1000 + fractionMs(epoch[2]), clock: 'epoch' };
  const clock = TIME_OF_DAY.exec(text);
  if (clock) {
    const ms = timeMs(clock, 1);
    return ms === null ? null : { ms, clock: 'day' };
  }
  const minutes = MINUTES.exec(text);
  if (minutes && Number(minutes[1]) < 60 && Number(minutes[2]) < 60) {
    return { ms: Number(minutes[1]) * 60_000 + Number(minutes[2]) * 1000 + fractionMs(minutes[3]), clock: 'hour' };
  }
  return null;
}

function dateMs(year: number, month: number, day: number, match: RegExpExecArray, timeAt: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = timeMs(match, timeAt);
  return time === null ? null : Date.UTC(year, month - 1, day) + time;
}

/** Hours, minutes, seconds and fraction from four consecutive groups; a leap second (60) is allowed. */
function timeMs(match: RegExpExecArray, at: number): number | null {
  const hours = Number(match[at]);
  const minutes = Number(match[at + 1]);
  const seconds = Number(match[at + 2]);
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  return hours * HOUR + minutes * 60_000 + seconds * 1000 + fractionMs(match[at + 3]);
}

/** ".964541" and Linphone's ":114" alike: the digits after the separator, as a fraction of a second. */
function fractionMs(digits: string | undefined): number {
  return digits ? Number(`0.${digits}`) * 1000 : 0;
}

/** "+01:00" or "-0500" to milliseconds east of UTC; "Z" and absent are UTC. */
function zoneMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * HOUR + Number(digits.slice(3, 5)) * 60_000);
}
