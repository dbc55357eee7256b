/**
 * One arrow per message, with retransmissions folded in. A later message is a copy of an earlier
 * arrow when it belongs to the same transaction, has the same start line, and either goes between
 * the same two columns (a request resent on a timer, a final response resent until ACKed), or is
 * the very same text (a log that printed one message twice, at the sender and at the receiver,
 * whose second copy would otherwise draw an arrow between the wrong columns).
 */
import type { SipMessage } from '../../parser/model';
import type { ArrowClass } from './model';

export function arrowLabel(message: SipMessage): string {
  const line = message.startLine;
  return line.kind === 'request' ? line.method.text : `${line.code.text} ${line.reason.text}`.trim();
}

/**
 * Requests, then responses by class. A code outside 100–699 is malformed (the validator says so);
 * it is drawn as a failure of the last class rather than hidden.
 */
export function arrowClass(message: SipMessage): ArrowClass {
  const line = message.startLine;
  if (line.kind === 'request') return 'request';
  const status = line.status;
  if (status >= 100 && status < 200) return '1xx';
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return '6xx';
}

/** The message's own lines joined, without a log's decoration between them: what two copies must share. */
export function messageText(text: string, message: SipMessage): string {
  const parts: string[] = [];
  for (let i = message.firstLine; i < message.lastLine; i++) parts.push(text.slice(message.lines.starts[i] ?? 0, message.lines.ends[i] ?? 0));
  return parts.join('\n');
}

/** The start line as sent, spaces collapsed, so that copies compare equal however the log spaced them. */
export function startLineText(message: SipMessage): string {
  const line = message.startLine;
  return line.kind === 'request' ? `${line.method.text} ${line.uri.text} ${line.version.text}`.trim() : `${line.version.text} ${line.code.text} ${line.reason.text}`.trim();
}

/** Whether a message of this kind is ever resent as the same message: requests and final responses. */
export function mayBeResent(message: SipMessage): boolean {
  return message.startLine.kind === 'request' || message.startLine.status >= 200;
}

export interface ArrowCandidate {
  readonly message: number;
  readonly transaction: number;
  readonly from: number;
  readonly to: number;
  readonly startLine: string;
  /** Requests and final responses; a provisional response is folded only when it is the same text. */
  readonly resendable: boolean;
}

/**
 * The earlier arrow (its position in `arrows`) that `next` copies, or -1. `sameText` compares two
 * messages' whole text, asked only when everything else matches but the columns differ.
 */
export function copyOf(arrows: readonly ArrowCandidate[], byTransaction: ReadonlyMap<number, readonly number[]>, next: ArrowCandidate, sameText: (a: number, b: number) => boolean): number {
  if (next.transaction < 0) return -1;
  for (const at of byTransaction.get(next.transaction) ?? []) {
    const arrow = arrows[at];
    if (!arrow || arrow.startLine !== next.startLine) continue;
    if (next.resendable && arrow.from === next.from && arrow.to === next.to) return at;
    if (sameText(arrow.message, next.message)) return at;
  }
  return -1;
}
