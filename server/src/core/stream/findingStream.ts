/**
 * validate() for a document read as a stream: fed the batches of a DocumentStream, it returns the
 * findings in exactly the order validate() gives for the whole text (by position, then severity,
 * then the checks table), with whole-file offsets.
 *
 * Per-message checks and parser problems run on each batch as it comes. The trace checks run in a
 * TraceTracker, whose undecided findings hold back every later finding until they are decided;
 * memory therefore follows the tracker's horizon, not the size of the file.
 */
import { CHECKS, severityRank, type Finding, type Severity, type ValidateOptions } from '../features/validate';
import { TRACE_CHECKS, type TraceFacts } from '../features/validate/checks/trace';
import type { Span } from '../parser/model';
import type { Position } from '../util/positions';
import type { StreamBatch } from './documentStream';
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
interface LocatedFacts extends TraceFacts {
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

export class FindingStream {
  private readonly tracker: TraceTracker<LocatedFacts>;
  /** Per-message validation: the trace checks are left to the tracker. */
  private readonly checks: WindowChecks;
  private readonly traceSeverity = new Map<string, Severity>();
  private queue: Queued[] = [];
  private seq = 0;
  private messages = 0;
  /** Whole-file offset before which no new per-message finding can appear. */
  private settled = 0;

  constructor(options: FindingStreamOptions = {}) {
    const levels = options.levels ?? {};
    const skip = checksBelow(options.minSeverity ?? 'hint', levels);
    const enabled = new Set<string>();
    for (const check of TRACE_CHECKS) {
      const level = levels[check.id];
      if (level === 'off' || skip.has(check.id)) continue;
      enabled.add(check.id);
      this.traceSeverity.set(check.id, level ?? check.defaultSeverity);
    }
    this.tracker = new TraceTracker<LocatedFacts>(enabled, options.horizon ?? DEFAULT_HORIZON);
    this.checks = new WindowChecks({ levels, skip, facts: enabled.size > 0 });
  }

  /** Findings of one batch and whatever earlier findings it settles, in validate()'s order. */
  add(batch: StreamBatch): LocatedFinding[] {
    const { base, text, document } = batch;
    const positions = new BatchPositions(batch);
    const locate = (span: Span): { start: Position; end: Position } => ({ start: positions.positionAt(span.start), end: positions.positionAt(span.end) });
    this.checks.run(
      text,
      document,
      (found, check) => {
        const finding: Finding = {
          ...found,
          span: shift(found.span, base),
          ...(found.fix ? { fix: { title: found.fix.title, edits: found.fix.edits.map((edit) => ({ span: shift(edit.span, base), newText: edit.newText })) } } : {}),
          ...(found.messageIndex !== undefined ? { messageIndex: found.messageIndex + batch.firstIndex } : {}),
        };
        this.enqueue(finding, locate(finding.span), check);
      },
      (fact) => {
        const span = shift(fact.span, base);
        this.enqueueTrace(this.tracker.add(detached(fact, span, locate(span))));
      },
    );
    this.messages += document.messages.length;
    this.settled = Math.max(this.settled, batch.next);
    return this.release(Math.min(this.settled, this.tracker.frontier));
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
