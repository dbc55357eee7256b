/**
 * The shape of a check. Every check has a stable id (users configure it, CHECKS.md documents it,
 * the editor links to it), a default severity, and one small function that reports findings with
 * exact ranges. Checks never throw; the runner isolates them anyway.
 */
import type { SipDocument, SipMessage, Span } from '../../parser/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A configured level: a severity, or `off`. */
export type Level = Severity | 'off';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** Data for a quick fix: the edits that apply it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  /** The check id, e.g. `status-code-unregistered`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
  /** Index of the message the finding is about, when there is one. */
  readonly messageIndex?: number;
}

export interface CheckDoc {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** What it catches, one sentence. */
  readonly summary: string;
  /** Why it matters to someone reading SIP. */
  readonly why: string;
  /** "RFC 3261 §8.1.1" style reference. */
  readonly reference: string;
  /** A short example of text it reports. */
  readonly example: string;
}

/**
 * A reported span as a finding keeps it: its two offsets only. Checks may report a parsed value (a
 * token, a Via) as the span; the rest of it would hold offsets that no edit moves, and keep the
 * value alive as long as the finding.
 */
export function plainSpan(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** A fix with plain spans (see plainSpan). */
export function plainFix(fix: Fix): Fix {
  return { title: fix.title, edits: fix.edits.map((edit) => ({ span: plainSpan(edit.span), newText: edit.newText })) };
}

/**
 * Reports one finding. `severity` overrides the check's level for this finding, only ever to make it
 * milder (in logs, for instance): `sipls check --min-severity` skips the checks whose default is below
 * the threshold (test/unit/stream/visibility.test.ts holds the checks to this).
 */
export type Report = (span: Span, message: string, options?: { fix?: Fix; severity?: Severity }) => void;

export interface MessageContext {
  readonly text: string;
  readonly document: SipDocument;
  readonly message: SipMessage;
  /** True for trace logs, where messages are often partial, re-encoded or cut by the logger. */
  readonly inLog: boolean;
}

export interface TraceContext {
  readonly text: string;
  readonly document: SipDocument;
  readonly inLog: boolean;
  /**
   * The messages to check, when only part of a trace changed: every message sharing a Call-ID or a
   * branch with them is among them, so each of their transactions and dialogs is complete. All of
   * the document's messages when absent.
   */
  readonly messages?: readonly SipMessage[];
}

export interface MessageCheck extends CheckDoc {
  readonly scope: 'message';
  run(context: MessageContext, report: Report): void;
}

export interface TraceCheck extends CheckDoc {
  readonly scope: 'trace';
  run(context: TraceContext, report: Report): void;
}

export type Check = MessageCheck | TraceCheck;

export interface ValidateOptions {
  /** Per-check levels by id; missing ids use the check's default. */
  readonly levels?: Readonly<Record<string, Level>>;
  /** At most this many findings per check per document; the rest are summarised in one finding. */
  readonly maxPerCheck?: number;
}
