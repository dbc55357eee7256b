/**
 * The per-message checks and the document-level parser problems of one stream window, with the
 * trace facts of each message taken while its header values are parsed. It reports what validate()
 * reports for the window with the trace checks off, but walks message by message: each message's
 * parsed values live only while its own checks run (validate() goes check by check, so the values
 * of the whole window stay alive until its last check, and the collector pays for them).
 *
 * Order: findings come message by message; the caller sorts by position, severity, place in CHECKS
 * and arrival, which for a given check is message order then report order, as in validate().
 */
import { transiently } from '../parser/access';
import { CHECKS, type Finding, type Level, type Severity } from '../features/validate';
import { TRACE_CHECKS, traceFactsOf, type TraceFacts } from '../features/validate/checks/trace';
import type { MessageCheck, Report, TraceCheck } from '../features/validate/types';
import type { SipDocument } from '../parser/model';

/** A check that will run, with its reporter (made once: a window has thousands of messages). */
interface Planned<C> {
  readonly check: C;
  readonly report: Report;
}

export interface WindowCheckOptions {
  readonly levels?: Readonly<Record<string, Level>>;
  /** Ids of checks not to run (their findings would not be shown anyway). */
  readonly skip?: ReadonlySet<string>;
  /** Whether the trace facts are wanted (false when every trace check is off). */
  readonly facts?: boolean;
}

export type FoundHandler = (finding: Finding, position: number) => void;
export type FactHandler = (fact: TraceFacts) => void;

const CROSS_MESSAGE: ReadonlySet<string> = new Set(TRACE_CHECKS.map((check) => check.id));

export class WindowChecks {
  private readonly messageChecks: Planned<MessageCheck>[] = [];
  private readonly documentChecks: Planned<TraceCheck>[] = [];
  private readonly facts: boolean;
  /** Where the reporters send findings, and the message they are about: set for each run and message. */
  private found: FoundHandler = () => undefined;
  private messageIndex: number | undefined;

  constructor(options: WindowCheckOptions = {}) {
    this.facts = options.facts ?? true;
    CHECKS.forEach((check, position) => {
      const level = options.levels?.[check.id];
      if (level === 'off' || CROSS_MESSAGE.has(check.id) || options.skip?.has(check.id)) return;
      const report = this.reporter(check, position, level);
      if (check.scope === 'message') this.messageChecks.push({ check, report });
      else this.documentChecks.push({ check, report });
    });
  }

  /** Findings (window offsets, batch-local message indexes) to `found`; each message's trace facts to `fact`. */
  run(text: string, document: SipDocument, found: FoundHandler, fact: FactHandler): void {
    const inLog = document.format !== 'sip';
    this.found = found;
    for (const message of document.messages) {
      this.messageIndex = message.index;
      const context = { text, document, message, inLog };
      transiently(() => {
        for (const { check, report } of this.messageChecks) {
          try {
            check.run(context, report);
          } catch {
            // A check that throws is a sipls bug; the other checks still run.
          }
        }
        const facts = this.facts ? traceFactsOf(text, message) : null;
        if (facts) fact(facts);
      });
      // Findings and facts hold spans and strings only: the header objects can go now.
      message.releaseHeaders?.();
    }
    this.messageIndex = undefined;
    for (const { check, report } of this.documentChecks) {
      try {
        check.run({ text, document, inLog }, report);
      } catch {
        // As above.
      }
    }
  }

  private reporter(check: MessageCheck | TraceCheck, position: number, configured: Severity | undefined): Report {
    return (span, text, extra = {}) => {
      const messageIndex = this.messageIndex;
      const finding: Finding = {
        code: check.id,
        severity: configured ?? extra.severity ?? check.defaultSeverity,
        message: text,
        span,
        ...(extra.fix ? { fix: extra.fix } : {}),
        ...(messageIndex !== undefined ? { messageIndex } : {}),
      };
      this.found(finding, position);
    };
  }
}
