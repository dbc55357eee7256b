/**
 * Validation that follows a re-parse instead of starting over. Findings are kept per message: those
 * of the message checks, and those the trace checks report on the message. After an edit only the
 * re-parsed messages run the message checks again; the trace checks run again only over the
 * messages that share a Call-ID or a top Via branch with a message the edit removed or added (every
 * group the trace checks form is keyed by one of the two, so the others' findings cannot change).
 * Kept findings are moved with their message, lazily: an entry stores the offset delta, and only the
 * findings that survive the per-check limit are rebuilt at the new offsets.
 *
 * The result is the list validate() returns for the same text and document, in the same order.
 */
import type { SipDocument, SipMessage, Span } from '../../parser/model';
import type { ReparseChange } from '../../parser/reparse';
import { shiftMessage } from '../../parser/shifted';
import { ShiftTable } from '../../util/shiftTable';
import { KeyMembers } from './keyMembers';
import type { TextSource } from '../../parser/textSource';
import { transiently } from '../../parser/access';
import { messageStartingAt } from '../../parser/document';
import { CHECKS } from './catalog';
import { factKeys, primeTraceFacts, TRACE_CHECKS, traceFactsOf, traceKeys, type TraceFacts } from './checks/trace';
import { primeTransactionKeys } from './checks/traceGroups';
import { plainFix, plainSpan, type Check, type Finding, type Fix, type Report, type Severity, type ValidateOptions } from './types';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

/** A finding as its check reported it, with the check's position in CHECKS. */
interface Raw {
  readonly check: number;
  readonly finding: Finding;
}

interface Entry {
  /** Findings of the message checks. */
  readonly own: readonly Raw[];
  /** Findings the trace checks reported on this message's start line. */
  readonly trace: readonly Raw[];
}

export interface Validation {
  readonly options: ValidateOptions;
  readonly messageCount: number;
  readonly entries: readonly Entry[];
  /** Per entry, the characters its message moved since its findings were computed: a keystroke moves all the later ones in a few steps. */
  readonly deltas: ShiftTable;
  /** Per entry, two numbers naming its Call-ID and branch (see traceKeys) in `keyNames`, -1 for none: `members` finds the messages an edit's calls reach by them. */
  readonly keys: Int32Array;
  /** Key text to number, shared by the validations that follow one another. */
  readonly keyNames: Map<string, number>;
  /** Which positions carry each key number: the messages an edit's calls reach are looked up here. */
  readonly members: KeyMembers;
  /** The positions of the entries that hold findings, ascending: putting the findings together visits these only. */
  readonly withFindings: Int32Array;
  /** What validate() returns. */
  readonly findings: readonly Finding[];
}

const NONE: readonly Raw[] = [];
const CLEAN: Entry = { own: NONE, trace: NONE };
const GROUP_CHECKS: ReadonlySet<Check> = new Set<Check>(TRACE_CHECKS);

/** A report function for `check` that hands each finding, as plain data, to `take`. */
function reportTo(check: Check, position: number, options: ValidateOptions, take: () => Raw[]): Report {
  const configuredLevel = options.levels?.[check.id];
  const configured: Severity | undefined = configuredLevel === 'off' ? undefined : configuredLevel;
  return (span, message, extra = {}) => {
    const finding: Finding = { code: check.id, severity: configured ?? extra.severity ?? check.defaultSeverity, message, span: plainSpan(span), ...(extra.fix ? { fix: plainFix(extra.fix) } : {}) };
    take().push({ check: position, finding });
  };
}

function reporter(check: Check, position: number, options: ValidateOptions, into: Raw[]): Report {
  return reportTo(check, position, options, () => into);
}

function enabled(check: Check, options: ValidateOptions): boolean {
  return options.levels?.[check.id] !== 'off';
}

/**
 * What a full validation gathers per message for the trace checks, while the message's values are
 * parsed: the facts, and each message's Call-ID and branch numbered in `keyNames` (see Validation).
 */
interface Gathered {
  readonly facts: TraceFacts[];
  /** Per fact, the number of its transaction key (branch, or Call-ID when none): see primeTransactionKeys. */
  readonly transactionKeys: number[];
  readonly keys: Int32Array;
  readonly keyNames: Map<string, number>;
}

/**
 * The enabled message checks with their reporters, made once per validation rather than once per
 * message and check (a 50 MB trace has about a hundred thousand messages and forty checks). The
 * reporters write into `found`, which each message resets.
 */
interface MessageRunner {
  readonly checks: { readonly check: Check; readonly report: Report }[];
  found: Raw[];
}

const runners = new WeakMap<ValidateOptions, MessageRunner>();

function runnerFor(options: ValidateOptions): MessageRunner {
  const known = runners.get(options);
  if (known) return known;
  const runner: MessageRunner = { checks: [], found: [] };
  CHECKS.forEach((check, position) => {
    if (check.scope !== 'message' || !enabled(check, options)) return;
    runner.checks.push({ check, report: reportTo(check, position, options, () => runner.found) });
  });
  runners.set(options, runner);
  return runner;
}

function messageFindings(text: string, document: SipDocument, message: SipMessage, options: ValidateOptions, gather?: Gathered, position = 0): readonly Raw[] {
  const runner = runnerFor(options);
  const found: Raw[] = [];
  runner.found = found;
  const context = { text, document, message, inLog: document.format !== 'sip' };
  // The message's parsed header values serve all its checks, then go: findings keep spans and text only.
  transiently(() => {
    for (const { check, report } of runner.checks) {
      try {
        check.run(context, report);
      } catch {
        // A check that throws is a sipls bug; the others still run.
      }
    }
    // Call-ID, CSeq, Via, From and To are parsed already: take what the trace checks need now
    // rather than parse them a second time for the whole document.
    if (gather) {
      const fact = traceFactsOf(text, message);
      storeKeys(gather.keys, position, fact ? factKeys(fact) : NO_KEYS, gather.keyNames);
      if (fact) {
        gather.facts.push(fact);
        gather.transactionKeys.push(gather.keys[fact.branch ? 2 * position + 1 : 2 * position] ?? -1);
      }
    }
  });
  // Its findings and facts are taken: the header objects the checks made need not stay with it.
  message.releaseHeaders?.();
  return found.length > 0 ? found : NONE;
}

/**
 * Runs the trace checks that group messages, over `subset` (or all), and hands back each finding
 * with the message whose start line it is on (-1 for none). `text` is the text the messages' offsets
 * refer to.
 */
function groupFindings(text: string, document: SipDocument, subset: readonly SipMessage[] | undefined, options: ValidateOptions, add: (message: number, raw: Raw) => void): void {
  const inLog = document.format !== 'sip';
  const messages = subset ?? document.messages;
  CHECKS.forEach((check, position) => {
    if (check.scope !== 'trace' || !GROUP_CHECKS.has(check) || !enabled(check, options)) return;
    const found: Raw[] = [];
    try {
      check.run({ text, document, inLog, ...(subset ? { messages: subset } : {}) }, reporter(check, position, options, found));
    } catch {
      // As in validate(): what was reported stays.
    }
    for (const raw of found) add(messageStartingAt(messages, raw.finding.span.start), raw);
  });
}

/**
 * Trace checks on the document as a whole (problems outside any message): cheap, run every time.
 * They read the parse's problems, not the text, so a re-validation need not join the text into one
 * string for them.
 */
function documentFindings(text: string, document: SipDocument, options: ValidateOptions): Raw[] {
  const found: Raw[] = [];
  const inLog = document.format !== 'sip';
  CHECKS.forEach((check, position) => {
    if (check.scope !== 'trace' || GROUP_CHECKS.has(check) || !enabled(check, options)) return;
    try {
      check.run({ text, document, inLog }, reporter(check, position, options, found));
    } catch {
      // As in validate().
    }
  });
  return found;
}

export function validateAll(text: string, document: SipDocument, options: ValidateOptions = {}): Validation {
  return transiently(() => validateAllNow(text, document, options));
}

function validateAllNow(text: string, document: SipDocument, options: ValidateOptions): Validation {
  const messages = document.messages;
  const keyNames = new Map<string, number>();
  const keys = new Int32Array(2 * messages.length);
  const gathered: Gathered = { facts: [], transactionKeys: [], keys, keyNames };
  const own = messages.map((message, i) => messageFindings(text, document, message, options, gathered, i));
  primeTraceFacts(document, gathered.facts);
  primeTransactionKeys(gathered.facts, Int32Array.from(gathered.transactionKeys));
  // Made for the messages that get a trace finding only.
  const trace: (Raw[] | undefined)[] = new Array<Raw[] | undefined>(messages.length);
  const loose: Raw[] = [];
  groupFindings(text, document, undefined, options, (at, raw) => (at >= 0 && at < messages.length ? (trace[at] ??= []).push(raw) : loose.push(raw)));
  // Most messages have no findings: they share one entry instead of holding one object each.
  const withFindings: number[] = [];
  const entries = messages.map((_, i): Entry => {
    const mine = own[i] ?? NONE;
    const traced = trace[i] ?? NONE;
    if (mine === NONE && traced === NONE) return CLEAN;
    withFindings.push(i);
    return { own: mine, trace: traced };
  });
  return finish(text, document, options, entries, new ShiftTable(entries.length), { keys, keyNames, members: new KeyMembers(keys, keyNames.size) }, Int32Array.from(withFindings), loose);
}

const holdsFindings = (entry: Entry | undefined): boolean => entry !== undefined && (entry.own.length > 0 || entry.trace.length > 0);

/**
 * The positions of the entries with findings after a re-validation, from those before it: entries
 * [firstOld, endOld) were replaced by [firstOld, endNew), the later ones renumbered, and `touched`
 * (new positions) were found again. The work is in proportion to the findings and what was touched,
 * not to the length of the trace.
 */
function entriesWithFindings(previous: Int32Array, change: ReparseChange, touched: ReadonlySet<number>, entries: readonly Entry[]): Int32Array {
  const { firstOld, endOld, endNew } = change;
  const renumber = endNew - endOld;
  const positions: number[] = [];
  for (const old of previous) {
    if (old >= firstOld && old < endOld) continue;
    const now = old >= endOld ? old + renumber : old;
    if (!touched.has(now)) positions.push(now);
  }
  for (const now of touched) if (holdsFindings(entries[now])) positions.push(now);
  return Int32Array.from(positions).sort();
}

/**
 * The validation of `document`, which reparse made from the document `previous` validated, given
 * what the re-parse kept (`change`). Falls back to validateAll when the options differ or the
 * re-parse replaced everything.
 *
 * The text is read only around the re-parsed messages and the messages of the calls they reach:
 * each group of messages is checked against a short string cut from it, with views of the messages
 * moved to that string's offsets, so a text that is not one string yet (see TextSource) stays so.
 */
export interface RevalidateOptions {
  /**
   * `previous` is not used again: when the edit kept the number of messages, its per-message arrays
   * are updated in place and become the new validation's, so that a keystroke in a long trace
   * leaves no arrays of a hundred thousand entries behind for the collector.
   */
  readonly previousDiscarded?: boolean;
}

export function revalidate(previous: Validation, text: TextSource, document: SipDocument, change: ReparseChange, options: ValidateOptions, reuse: RevalidateOptions = {}): Validation {
  return transiently(() => revalidateNow(previous, text, document, change, options, reuse));
}

function revalidateNow(previous: Validation, text: TextSource, document: SipDocument, change: ReparseChange, options: ValidateOptions, reuse: RevalidateOptions): Validation {
  const messages = document.messages;
  const oldCount = previous.messageCount;
  const everything = change.firstOld === 0 && change.endOld === oldCount;
  if (options !== previous.options || everything || oldCount < 2 !== messages.length < 2 || previous.entries.length !== oldCount) return validateAll(text.toString(), document, options);
  const { firstOld, endOld, endNew, delta } = change;
  const inPlace = reuse.previousDiscarded === true && endNew === endOld && previous.keys.length === 2 * messages.length;
  const added: Entry[] = [];
  const { keyNames } = previous;
  const keys = inPlace ? previous.keys : new Int32Array(2 * messages.length);
  if (!inPlace) keys.set(previous.keys.subarray(0, 2 * firstOld));
  const affected = new Set<number>();
  for (let i = 2 * firstOld; i < 2 * endOld; i++) if ((previous.keys[i] ?? -1) >= 0) affected.add(previous.keys[i] ?? -1);
  const local = around(text, messages, firstOld, endNew);
  for (let i = firstOld; i < endNew; i++) {
    const message = messages[i];
    if (!message) continue;
    const view = shiftMessage(message, -local.offset, i);
    storeKeys(keys, i, traceKeys(local.text, view), keyNames);
    for (const key of [keys[2 * i] ?? -1, keys[2 * i + 1] ?? -1]) if (key >= 0) affected.add(key);
    added.push({ own: detached(messageFindings(local.text, document, view, options)), trace: NONE });
  }
  // Copied whole and spliced (a block copy), not pushed one by one: tens of thousands of entries.
  const entries: Entry[] = inPlace ? (previous.entries as Entry[]) : previous.entries.slice();
  entries.splice(firstOld, endOld - firstOld, ...added);
  const kept = firstOld + added.length;
  // The new messages' findings were found at the cut's offsets: the cut's start moves them into place.
  let deltas: ShiftTable;
  if (inPlace) {
    deltas = previous.deltas;
    for (let i = firstOld; i < kept; i++) deltas.set(i, local.offset);
    deltas.moveFrom(kept, delta);
  } else {
    // The number of messages changed: rare enough (a message typed or broken) to build the table again.
    const before = previous.deltas.values();
    const values = new Float64Array(entries.length);
    values.set(before.subarray(0, firstOld));
    values.fill(local.offset, firstOld, kept);
    for (let i = kept, j = endOld; i < values.length; i++, j++) values[i] = (before[j] ?? 0) + delta;
    deltas = ShiftTable.of(values);
  }
  if (!inPlace) keys.set(previous.keys.subarray(2 * endOld), 2 * kept);

  // Messages whose groups may have changed: their trace findings are found again.
  let members: KeyMembers;
  if (inPlace && !previous.members.worn) {
    members = previous.members;
    members.changedAt(firstOld, kept);
  } else members = new KeyMembers(keys, keyNames.size);
  const positions = affected.size > 0 ? members.positionsOf(affected, keys) : [];
  const touched = new Set<number>(positions);
  for (let i = firstOld; i < kept; i++) touched.add(i);
  if (positions.length > 0) {
    const group = gathered(text, messages, positions);
    const trace = new Map<number, Raw[]>(positions.map((i) => [i, []]));
    let placed = true;
    groupFindings(group.text, document, group.views, options, (at, raw) => {
      const i = positions[at];
      if (i === undefined) placed = false;
      else trace.get(i)?.push({ check: raw.check, finding: moved(raw.finding, (group.moves[at] ?? 0) - deltas.at(i), undefined) });
    });
    // Trace findings are reported on start lines; one elsewhere could not be placed in the document.
    if (!placed) return validateAll(text.toString(), document, options);
    for (const [i, found] of trace) {
      const entry = entries[i];
      // Stored as if computed before the entry's move, so that the entry's delta applies to all its findings.
      if (entry) entries[i] = { ...entry, trace: found.length > 0 ? detached(found) : NONE };
    }
  }
  return finish('', document, options, entries, deltas, { keys, keyNames, members }, entriesWithFindings(previous.withFindings, change, touched, entries), []);
}

/**
 * The text from the end of the message before `first` to the end of the start line of the message
 * at `end` (or the text's end), and where it starts: what the message checks of messages
 * [first, end) may read, frame lines before them and a sign of what follows them included.
 */
function around(text: TextSource, messages: readonly SipMessage[], first: number, end: number): { readonly text: string; readonly offset: number } {
  const offset = first > 0 ? messages[first - 1]?.span.end ?? 0 : 0;
  const to = end < messages.length ? messages[end]?.startLine.end ?? text.length : text.length;
  return { text: text.slice(offset, to), offset };
}

/**
 * The messages at `positions` as views into one string made of their texts, end to end, with what
 * moves each view's offsets back into the document.
 */
function gathered(text: TextSource, messages: readonly SipMessage[], positions: readonly number[]): { readonly text: string; readonly views: SipMessage[]; readonly moves: number[] } {
  const parts: string[] = [];
  const views: SipMessage[] = [];
  const moves: number[] = [];
  let length = 0;
  for (const i of positions) {
    const message = messages[i] as SipMessage;
    const { start, end } = message.span;
    parts.push(text.slice(start, end));
    views.push(shiftMessage(message, length - start, i));
    moves.push(start - length);
    length += end - start;
  }
  return { text: parts.join(''), views, moves };
}

/**
 * Copies of findings that hold no piece of the document's text. Strings cut from a string may share
 * its memory, and kept findings outlive the version they were found in: without copies, each
 * version's whole text would stay alive as long as one of its findings.
 */
function detached(found: readonly Raw[]): readonly Raw[] {
  return found.length === 0 ? found : (JSON.parse(JSON.stringify(found)) as Raw[]);
}

/**
 * A copy of a string that shares no memory with the string it was cut from. Prefixing makes a
 * concatenation, which slicing flattens into a new string: the copy then points into that one.
 * About four times cheaper than a JSON round trip, and a trace has tens of thousands of keys.
 */
function copyOf(text: string): string {
  return (' ' + text).slice(1);
}

const NO_KEYS: readonly string[] = [];

function storeKeys(keys: Int32Array, i: number, names: readonly string[], keyNames: Map<string, number>): void {
  for (let k = 0; k < 2; k++) {
    const name = names[k];
    let id = -1;
    if (name !== undefined) {
      id = keyNames.get(name) ?? keyNames.size;
      // Kept for the whole session: a copy, for the reason given at detached().
      if (id === keyNames.size) keyNames.set(copyOf(name), id);
    }
    keys[2 * i + k] = id;
  }
}

function moveSpan(span: Span, delta: number): Span {
  return delta === 0 ? span : { start: span.start + delta, end: span.end + delta };
}

function moveFix(fix: Fix, delta: number): Fix {
  return { title: fix.title, edits: fix.edits.map((edit) => ({ span: moveSpan(edit.span, delta), newText: edit.newText })) };
}

function moved(finding: Finding, delta: number, messageIndex: number | undefined): Finding {
  const { messageIndex: _ignored, ...rest } = finding;
  void _ignored;
  const base = delta === 0 ? rest : { ...rest, span: moveSpan(finding.span, delta), ...(finding.fix ? { fix: moveFix(finding.fix, delta) } : {}) };
  return messageIndex !== undefined ? { ...base, messageIndex } : base;
}

/** Puts the kept findings together as validate() would: the per-check limit, then sorted by position and severity. */
function finish(text: string, document: SipDocument, options: ValidateOptions, entries: readonly Entry[], deltas: ShiftTable, keyed: { keys: Int32Array; keyNames: Map<string, number>; members: KeyMembers }, withFindings: Int32Array, loose: readonly Raw[]): Validation {
  const limit = options.maxPerCheck ?? Number.POSITIVE_INFINITY;
  const buckets: Finding[][] = CHECKS.map(() => []);
  const suppressed = new Array<number>(CHECKS.length).fill(0);
  const firstSuppressed: (Span | undefined)[] = new Array<Span | undefined>(CHECKS.length).fill(undefined);
  const take = (raw: Raw, delta: number, messageIndex: number | undefined): void => {
    const bucket = buckets[raw.check];
    if (!bucket) return;
    if (bucket.length >= limit) {
      suppressed[raw.check] = (suppressed[raw.check] ?? 0) + 1;
      firstSuppressed[raw.check] ??= moveSpan(raw.finding.span, delta);
      return;
    }
    bucket.push(moved(raw.finding, delta, messageIndex));
  };
  for (const i of withFindings) {
    const entry = entries[i];
    if (!entry) continue;
    const moves = deltas.at(i);
    for (const raw of entry.own) take(raw, moves, i);
    for (const raw of entry.trace) take(raw, moves, undefined);
  }
  for (const raw of loose) take(raw, 0, undefined);
  for (const raw of documentFindings(text, document, options)) take(raw, 0, undefined);
  const findings: Finding[] = [];
  CHECKS.forEach((check, position) => {
    for (const finding of buckets[position] ?? []) findings.push(finding);
    const count = suppressed[position] ?? 0;
    const span = firstSuppressed[position];
    if (count > 0 && span) findings.push({ code: check.id, severity: 'information', message: `${count} more "${check.id}" findings in this document are not shown (limit ${limit} per check).`, span });
  });
  findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { options, messageCount: document.messages.length, entries, deltas, keys: keyed.keys, keyNames: keyed.keyNames, members: keyed.members, withFindings, findings };
}

/**
 * Per message, a number naming its Call-ID (message i's is `numbers[2 * i]`; -1: none, or a message
 * the trace checks skip for want of a usable CSeq): what validation read of every message, so that
 * grouping a long trace into calls need not read every Call-ID again. `numbers` is this validation's
 * own array, which a later revalidate may update in place: read it before the next one.
 */
export function callIdNumbers(validation: Validation): { readonly numbers: Int32Array; readonly stride: number; readonly count: number } {
  return { numbers: validation.keys, stride: 2, count: validation.keyNames.size };
}
