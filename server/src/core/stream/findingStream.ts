/**
 * validate() for a document read as a stream: fed the batches of a DocumentStream, it returns the
 * findings in exactly the order validate() gives for the whole text (by position, then severity,
 * then the checks table), with whole-file offsets.
 *
 * Per-message checks and parser problems run on each batch as it comes. The trace checks run in a
 * TraceTracker, whose undecided findings hold back every later finding until they are decided;
 * memory therefore follows the tracker's horizon, not the size of the file.
 */
import { CHECKS, severityRank, type Finding, type Level, type Severity, type ValidateOptions } from '../features/validate';
import { TRACE_CHECKS, type TraceFacts } from '../features/validate/checks/trace';
import type { Span } from '../parser/model';
import type { Position } from '../util/positions';
import type { RebuiltBatch } from './documentStream';
import { BatchPositions } from './positions';
import { DEFAULT_HORIZON, TraceTracker, type TraceFinding } from './traceTracker';
import { checksBelow } from './visibility';
import { WindowChecks } from './windowChecks';

/** Levels as for validate(); `maxPerCheck` does not apply to a stream. */
export interface FindingStreamOptions extends Pick<ValidateOptions, 'levels'> {
  /**
   * Only findings at this severity or above are wanted: checks that cannot report one are not run.
   * Milder findings of the checks that do run still come out (the caller filters them).
   */
  readonly minSeverity?: Severity;
  /** Messages after which an untouched transaction or dialog is forgotten (see TraceTracker). */
  readonly horizon?: number;
}

/** A finding with its line and column (0-based, lines at LF), computed while its batch was at hand. */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly start: Position;
  readonly end: Position;
}

interface Queued extends LocatedFinding {
  readonly check: number;
  readonly seq: number;
}

/** Trace facts with the start line's position, so a finding decided late needs no old text. */
export interface LocatedFacts extends TraceFacts {
  readonly at: { readonly start: Position; readonly end: Position };
}

const CHECK_ORDER = new Map(CHECKS.map((check, index) => [check.id, index]));
const CROSS_MESSAGE_IDS = TRACE_CHECKS.map((check) => check.id);

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/**
 * A copy of a string that does not keep its source alive. A substring of a window (a Call-ID, a
 * branch) is a view of the whole window in V8; kept in the tracker for thousands of messages, such
 * views would keep every window in memory. Slicing a fresh concatenation copies the characters.
 */
const detach = (value: string): string => (' ' + value).slice(1);

/** Facts whose strings are copies, so the tracker holds a few short strings per key and nothing else. */
function detached(fact: TraceFacts, span: Span, at: LocatedFacts['at']): LocatedFacts {
  return {
    span,
    at,
    callId: detach(fact.callId),
    cseq: fact.cseq,
    method: detach(fact.method),
    fromTag: detach(fact.fromTag),
    transaction: detach(fact.transaction),
    status: fact.status,
    what: detach(fact.what),
    copyKey: detach(fact.copyKey),
  };
}

/** What checking one batch gives, as plain data (it may come from a worker thread). */
export interface CheckedBatch {
  /**
   * The batch's per-message and parser findings, whole-file offsets, in the order they were found;
   * their message indexes count from the batch's first message (FindingStream.merge makes them whole-file).
   */
  readonly findings: readonly { readonly finding: Finding; readonly start: Position; readonly end: Position; readonly check: number }[];
  /** Trace facts of the batch's messages, in order (none when every trace check is off). */
  readonly facts: readonly LocatedFacts[];
  readonly messages: number;
  /** The batch's `next`. */
  readonly next: number;
}

/** Which checks run, from the options: the per-batch part and the trace part must agree. */
interface Plan {
  readonly levels: Readonly<Record<string, Level>>;
  readonly skip: ReadonlySet<string>;
  /** Trace checks that are on, with their severity. */
  readonly trace: ReadonlyMap<string, Severity>;
}

function plan(options: FindingStreamOptions): Plan {
  const levels = options.levels ?? {};
  const skip = checksBelow(options.minSeverity ?? 'hint', levels);
  const trace = new Map<string, Severity>();
  for (const check of TRACE_CHECKS) {
    const level = levels[check.id];
    if (level !== 'off' && !skip.has(check.id)) trace.set(check.id, level ?? check.defaultSeverity);
  }
  return { levels, skip, trace };
}

/** Whether any trace check runs with these options (their facts then go from every batch to the merge). */
export function traceChecksRun(options: FindingStreamOptions): boolean {
  return plan(options).trace.size > 0;
}

/**
 * The part of FindingStream that needs a batch's text: per-message checks, parser problems and trace
 * facts. Batches are independent here, so they can be checked in any thread, in any order.
 */
export class BatchChecker {
  private readonly checks: WindowChecks;

  constructor(options: FindingStreamOptions = {}) {
    const { levels, skip, trace } = plan(options);
    this.checks = new WindowChecks({ levels, skip, facts: trace.size > 0 });
  }

  check(batch: RebuiltBatch): CheckedBatch {
    const { base, text, document } = batch;
    const positions = new BatchPositions(batch);
    const locate = (span: Span): { start: Position; end: Position } => ({ start: positions.positionAt(span.start), end: positions.positionAt(span.end) });
    const findings: CheckedBatch['findings'][number][] = [];
    const facts: LocatedFacts[] = [];
    this.checks.run(
      text,
      document,
      (found, check) => {
        const finding: Finding = {
          ...found,
          span: shift(found.span, base),
          ...(found.fix ? { fix: { title: found.fix.title, edits: found.fix.edits.map((edit) => ({ span: shift(edit.span, base), newText: edit.newText })) } } : {}),
        };
        findings.push({ finding, ...locate(finding.span), check });
      },
      (fact) => {
        const span = shift(fact.span, base);
        facts.push(detached(fact, span, locate(span)));
      },
    );
    return { findings, facts, messages: document.messages.length, next: batch.next };
  }
}

export class FindingStream {
  private readonly tracker: TraceTracker<LocatedFacts>;
  private readonly checker: BatchChecker;
  private readonly traceSeverity: ReadonlyMap<string, Severity>;
  private queue: Queued[] = [];
  private seq = 0;
  private messages = 0;
  /** Whole-file offset before which no new per-message finding can appear. */
  private settled = 0;

  constructor(options: FindingStreamOptions = {}) {
    const { trace } = plan(options);
    this.traceSeverity = trace;
    this.tracker = new TraceTracker<LocatedFacts>(new Set(trace.keys()), options.horizon ?? DEFAULT_HORIZON);
    this.checker = new BatchChecker(options);
  }

  /** Findings of one batch and whatever earlier findings it settles, in validate()'s order. */
  add(batch: RebuiltBatch): LocatedFinding[] {
    return this.merge(this.checker.check(batch));
  }

  /**
   * The same for a batch checked elsewhere (a BatchChecker with the same options, in a worker
   * thread): batches must be merged in stream order.
   */
  merge(checked: CheckedBatch): LocatedFinding[] {
    // Per-message findings and trace findings never tie on check, so queuing one kind before the other keeps the order.
    // Batches come in order: the messages merged so far are the ones before this batch.
    const firstIndex = this.messages;
    for (const { finding, start, end, check } of checked.findings) {
      const whole = finding.messageIndex !== undefined ? { ...finding, messageIndex: finding.messageIndex + firstIndex } : finding;
      this.enqueue(whole, { start, end }, check);
    }
    for (const fact of checked.facts) this.enqueueTrace(this.tracker.add(fact));
    this.messages += checked.messages;
    this.settled = Math.max(this.settled, checked.next);
    return this.release(Math.min(this.settled, this.tracker.frontier));
  }

  /** Messages in the batches merged so far. */
  get messageCount(): number {
    return this.messages;
  }

  /** The stream has ended: every finding left, in order. */
  end(): LocatedFinding[] {
    this.enqueueTrace(this.tracker.end());
    return this.release(Number.POSITIVE_INFINITY);
  }

  private enqueueTrace(findings: readonly TraceFinding<LocatedFacts>[]): void {
    for (const found of findings) {
      const severity = this.traceSeverity.get(found.code);
      if (severity) this.enqueue({ code: found.code, severity, message: found.message, span: found.span }, found.fact.at);
    }
  }

  private enqueue(finding: Finding, at: { start: Position; end: Position }, check = CHECK_ORDER.get(finding.code) ?? CHECKS.length): void {
    this.queue.push({ finding, start: at.start, end: at.end, check, seq: this.seq++ });
  }

  private release(before: number): LocatedFinding[] {
    // The trace checks say nothing about a single message: hold their findings until a second one comes.
    const traceAllowed = this.messages >= 2;
    if (!traceAllowed && before !== Number.POSITIVE_INFINITY) return [];
    const ready: Queued[] = [];
    const kept: Queued[] = [];
    for (const item of this.queue) {
      if (!traceAllowed && CROSS_MESSAGE_IDS.includes(item.finding.code)) continue;
      (item.finding.span.start < before ? ready : kept).push(item);
    }
    this.queue = kept;
    ready.sort((a, b) => a.finding.span.start - b.finding.span.start || severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.check - b.check || a.seq - b.seq);
    return ready.map(({ finding, start, end }) => ({ finding, start, end }));
  }
}
