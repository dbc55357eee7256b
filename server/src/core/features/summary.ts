/**
 * One flat record per message: what `sipls messages` prints and what outlines and call lists start
 * from. Every field is a plain value; absent facts are null.
 */
import { callId, cseqOf, methodOf } from '../parser/access';
import type { FormatId, SipDocument } from '../parser/model';
import { LineIndex } from '../util/positions';

export interface MessageSummary {
  readonly index: number;
  /** 1-based line of the start line. */
  readonly line: number;
  readonly kind: 'request' | 'response';
  /** The request's method, or for a response the method in its CSeq. */
  readonly method: string | null;
  readonly code: number | null;
  readonly reason: string | null;
  readonly callId: string | null;
  readonly cseq: string | null;
  readonly timestamp: string | null;
  readonly direction: 'sent' | 'received' | null;
  readonly src: string | null;
  readonly dst: string | null;
  readonly transport: string | null;
  readonly format: FormatId;
  /** The Request-URI as written (not part of the JSON output's fixed keys). */
  readonly requestUri: string | null;
}

/** Line numbers count LF only by default, as terminal tools do (see LineIndex). */
export function summarize(text: string, document: SipDocument, lines: LineIndex = new LineIndex(text, 'lf')): MessageSummary[] {
  return document.messages.map((message) => {
    const start = message.startLine;
    const cseq = cseqOf(text, message);
    const context = message.context;
    return {
      index: message.index,
      line: lines.positionAt(start.start).line + 1,
      kind: message.kind,
      method: methodOf(text, message),
      code: start.kind === 'response' && !Number.isNaN(start.status) ? start.status : null,
      reason: start.kind === 'response' ? start.reason.text : null,
      callId: callId(message),
      cseq: cseq ? `${cseq.number.text}${cseq.method ? ` ${cseq.method.text}` : ''}` : null,
      timestamp: context?.timestamp ?? null,
      direction: context?.direction ?? null,
      src: context?.src ?? null,
      dst: context?.dst ?? null,
      transport: context?.transport ?? null,
      format: context?.format ?? document.format,
      requestUri: start.kind === 'request' ? start.uri.text : null,
    };
  });
}
