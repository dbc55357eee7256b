/**
 * Body checks: Content-Length against the body actually present, and a body without Content-Type.
 * Logs often turn CRLF into LF or cut long bodies, so there a mismatch says which it looks like
 * and is reported more mildly than in a message file.
 */
import { firstHeader, integerOf } from '../../../parser/access';
import type { MessageCheck } from '../types';

export const BODY_CHECKS: readonly MessageCheck[] = [
  {
    scope: 'message',
    id: 'content-length-mismatch',
    defaultSeverity: 'error',
    summary: 'Content-Length that disagrees with the size of the body in bytes.',
    why: 'On a stream the receiver cuts the message at Content-Length, so the body is truncated or the next message is corrupted. In logs this is usually the logger (CRLF shown as LF, a cut body) and is reported as a warning or less.',
    reference: 'RFC 3261 §18.3, §20.14 (RFC 4475 §3.1.2.2)',
    example: 'Content-Length: 9999 with a 154-byte body',
    run(context, report) {
      const { message, inLog } = context;
      const declared = integerOf(context.text, message, 'Content-Length');
      if (!declared || Number.isNaN(declared.value)) return;
      if (inLog && message.context?.bodyVerbatim === false) return;
      const actual = message.body?.bytes ?? 0;
      if (declared.value === actual) return;
      const header = firstHeader(message, 'Content-Length');
      const span = header?.valueSpan ?? declared.token;
      const fix = { title: `Set Content-Length to ${actual}`, edits: [{ span: declared.token, newText: String(actual) }] };
      if (!inLog) {
        report(span, `Content-Length is ${declared.value} but the body has ${actual} bytes (RFC 3261 §20.14).`, { fix });
        return;
      }
      const body = message.body;
      const lines = body ? body.lastLine - body.firstLine : 0;
      if (body && actual + lines === declared.value) {
        report(span, `Content-Length is ${declared.value} but the logged body has ${actual} bytes: ${lines} short, one per line, which is what a log that turned CRLF into LF looks like.`, { severity: 'information' });
      } else if (actual < declared.value) {
        report(span, `Content-Length is ${declared.value} but the logged body has only ${actual} bytes; the log may have cut the message short.`, { severity: 'information' });
      } else {
        report(span, `Content-Length is ${declared.value} but the logged body has ${actual} bytes (RFC 3261 §20.14).`, { severity: 'warning', fix });
      }
    },
  },
  {
    scope: 'message',
    id: 'body-without-content-type',
    defaultSeverity: 'warning',
    summary: 'A non-empty body without Content-Type.',
    why: 'The receiver cannot tell SDP from anything else; RFC 3261 requires Content-Type whenever there is a body.',
    reference: 'RFC 3261 §7.4.1, §20.15',
    example: 'INVITE with SDP but no Content-Type',
    run(context, report) {
      const { message } = context;
      if (!message.body || message.body.bytes === 0 || firstHeader(message, 'Content-Type')) return;
      report({ start: message.startLine.start, end: message.startLine.end }, 'The message has a body but no Content-Type (RFC 3261 §7.4.1).');
    },
  },
];
