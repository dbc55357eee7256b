/**
 * Header-block checks: names, the mandatory set, duplicates, CSeq, Max-Forwards, Content-Length
 * (RFC 3261 §7.3, §8.1.1, §20). Messages from RFC 2543 peers (no z9hG4bK cookie in the top Via) are
 * judged by what RFC 2543 required, so a legal old-style INVITE does not light up.
 */
import { lookupHeader } from '../../../registry/lookup';
import type { HeaderData } from '../../../registry/types';
import { cseqOf, firstHeader, headersNamed, integerOf, topVia } from '../../../parser/access';
import type { Header } from '../../../parser/model';
import type { Fix, MessageCheck, MessageContext } from '../types';

const TOKEN_NAME = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

/**
 * Registry entries by canonical header name, for the per-header checks. A trace repeats a few dozen
 * names on every message; the bound keeps junk input from growing the memo without limit.
 */
const entries = new Map<string, HeaderData | null>();
const MAX_ENTRIES = 2048;

function headerEntry(canonical: string): HeaderData | undefined {
  let entry = entries.get(canonical);
  if (entry === undefined) {
    entry = lookupHeader(canonical) ?? null;
    if (entries.size < MAX_ENTRIES) entries.set(canonical, entry);
  }
  return entry ?? undefined;
}
const MAX_CSEQ = 2 ** 31;

/** True when the message looks like it comes from an RFC 2543 element: its top Via has no magic-cookie branch. */
export function isRfc2543Style(context: MessageContext): boolean {
  const via = topVia(context.text, context.message);
  return via !== null && !(via.branch?.text ?? '').startsWith('z9hG4bK');
}

const REQUEST_MANDATORY = ['To', 'From', 'CSeq', 'Call-ID', 'Max-Forwards', 'Via'];
const RESPONSE_MANDATORY = ['To', 'From', 'CSeq', 'Call-ID', 'Via'];

/**
 * A template line for a missing mandatory header, inserted right after the start line with the
 * message's own line ending. The values are placeholders to edit (example.com, a fixed tag and
 * branch), except where the message already says what they must be (the CSeq method).
 */
function addHeaderFix(context: MessageContext, name: string): Fix {
  const { message, text } = context;
  const line = message.startLine;
  const method = line.kind === 'request' ? line.method.text : 'INVITE';
  const templates: Readonly<Record<string, string>> = {
    To: 'To: <sip:user@example.com>',
    From: 'From: <sip:caller@example.com>;tag=sipls-tag',
    CSeq: `CSeq: 1 ${method}`,
    'Call-ID': 'Call-ID: sipls-call-id@example.com',
    'Max-Forwards': 'Max-Forwards: 70',
    Via: 'Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK-sipls',
  };
  const breakEnd = message.lines.breaks[message.firstLine] ?? line.end;
  const eol = breakEnd > line.end ? text.slice(line.end, breakEnd) : '\r\n';
  const at = breakEnd > line.end ? breakEnd : line.end;
  const newText = breakEnd > line.end ? `${templates[name] ?? `${name}: `}${eol}` : `${eol}${templates[name] ?? `${name}: `}`;
  return { title: `Add a ${name} header (template)`, edits: [{ span: { start: at, end: at }, newText }] };
}

function startLineSpan(context: MessageContext): { start: number; end: number } {
  return { start: context.message.startLine.start, end: context.message.startLine.end };
}

export const HEADER_CHECKS: readonly MessageCheck[] = [
  {
    scope: 'message',
    id: 'header-name-invalid',
    defaultSeverity: 'error',
    summary: 'A header name that is empty or holds characters a token cannot hold.',
    why: 'Header names are tokens; a name with spaces or separators is not a header at all.',
    reference: 'RFC 3261 §7.3.1, §25',
    example: 'Call ID: a84b4c76e66710',
    run(context, report) {
      for (const header of context.message.headers) {
        if (header.colon === -1) continue;
        if (!TOKEN_NAME.test(header.name)) report(header.nameSpan, header.name === '' ? 'Empty header name before the colon.' : `"${header.name}" is not a valid header name: names are tokens (letters, digits and -.!%*_+\`'~) (RFC 3261 §25).`);
      }
    },
  },
  {
    scope: 'message',
    id: 'mandatory-header-missing',
    defaultSeverity: 'error',
    summary: 'A request without To, From, CSeq, Call-ID, Max-Forwards and Via, or a response without To, From, CSeq, Call-ID and Via.',
    why: 'Without them a message cannot be matched to a transaction or dialog; servers answer 400. Max-Forwards alone is milder: RFC 2543 peers omit it and proxies add it.',
    reference: 'RFC 3261 §8.1.1, §8.2.6.2 (RFC 4475 §3.3.1)',
    example: 'INVITE without Call-ID, From and To',
    run(context, report) {
      const { message } = context;
      const required = message.kind === 'request' ? REQUEST_MANDATORY : RESPONSE_MANDATORY;
      for (const name of required) {
        if (firstHeader(message, name)) continue;
        const fix = addHeaderFix(context, name);
        if (name === 'Max-Forwards') {
          report(startLineSpan(context), 'No Max-Forwards header. RFC 3261 requires it in every request (§8.1.1.6); RFC 2543 peers omit it and a proxy adds 70 (§16.6).', { severity: 'information', fix });
        } else {
          report(startLineSpan(context), `Missing mandatory header ${name} (RFC 3261 §8.1.1${message.kind === 'response' ? ', §8.2.6.2' : ''}).`, { fix });
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'header-duplicated',
    defaultSeverity: 'error',
    summary: 'A single-valued header (To, From, Call-ID, CSeq, Max-Forwards, Content-Type, Expires ...) on more than one line.',
    why: 'Only list-valued headers may repeat; two CSeq or two Call-ID make the message ambiguous, and servers answer 400.',
    reference: 'RFC 3261 §7.3.1 (RFC 4475 §3.3.8)',
    example: 'CSeq: 1 INVITE ... CSeq: 2 INVITE',
    run(context, report) {
      // The single-valued headers met so far: a handful per message, so a list beats a Map.
      let seen: Header[] | null = null;
      for (const header of context.message.headers) {
        if (header.colon === -1 || header.key === 'content-length') continue;
        const entry = headerEntry(header.canonical);
        if (!entry?.registered || entry.multiplicity !== 'single') continue;
        let first: Header | undefined;
        if (seen) {
          for (const earlier of seen) {
            if (earlier.key !== header.key) continue;
            first = earlier;
            break;
          }
        }
        if (first) report(header.nameSpan, `${entry.name} appears more than once; it is single-valued (RFC 3261 §7.3.1). First occurrence: "${first.value}".`);
        else (seen ??= []).push(header);
      }
    },
  },
  {
    scope: 'message',
    id: 'cseq-malformed',
    defaultSeverity: 'error',
    summary: 'A CSeq that is not "number method".',
    why: 'CSeq orders requests and matches responses to them; without both parts neither works.',
    reference: 'RFC 3261 §20.16',
    example: 'CSeq: INVITE',
    run(context, report) {
      const header = firstHeader(context.message, 'CSeq');
      const cseq = cseqOf(context.text, context.message);
      if (!header || !cseq) return;
      if (Number.isNaN(cseq.value) || !cseq.method || /\s/.test(cseq.method.text)) report(header.valueSpan, `CSeq must be a sequence number followed by a method, e.g. "1 INVITE" (RFC 3261 §20.16).`);
    },
  },
  {
    scope: 'message',
    id: 'cseq-number-too-large',
    defaultSeverity: 'error',
    summary: 'A CSeq number of 2^31 or more.',
    why: 'The sequence number must fit in 32 bits and be less than 2^31, so it can grow within a dialog.',
    reference: 'RFC 3261 §8.1.1.5, §20.16 (RFC 4475 §3.1.2.4)',
    example: 'CSeq: 36893488147419103232 REGISTER',
    run(context, report) {
      const cseq = cseqOf(context.text, context.message);
      if (cseq && cseq.value >= MAX_CSEQ) report(cseq.number, `CSeq number ${cseq.number.text} is too large: it must be less than 2^31 (RFC 3261 §8.1.1.5).`);
    },
  },
  {
    scope: 'message',
    id: 'cseq-method-mismatch',
    defaultSeverity: 'error',
    summary: "A request whose CSeq method differs from its Request-Line method.",
    why: 'The CSeq method must equal the request method (ACK and CANCEL carry their own); a mismatch breaks transaction matching.',
    reference: 'RFC 3261 §8.1.1.5, §9.1, §17.1.1.3 (RFC 4475 §3.1.2.17)',
    example: 'OPTIONS sip:bob@example.com SIP/2.0 ... CSeq: 8 INVITE',
    run(context, report) {
      const line = context.message.startLine;
      const cseq = cseqOf(context.text, context.message);
      if (line.kind !== 'request' || !cseq?.method || cseq.method.text === line.method.text || /\s/.test(cseq.method.text)) return;
      report(cseq.method, `CSeq method ${cseq.method.text} does not match the request method ${line.method.text} (RFC 3261 §8.1.1.5).`, {
        fix: { title: `Change the CSeq method to ${line.method.text}`, edits: [{ span: cseq.method, newText: line.method.text }] },
      });
    },
  },
  {
    scope: 'message',
    id: 'max-forwards-invalid',
    defaultSeverity: 'error',
    summary: 'A Max-Forwards that is not an integer from 0 to 255.',
    why: 'Max-Forwards is a hop counter of at most 255; other values are rejected or wrap.',
    reference: 'RFC 3261 §20.22, §25 (RFC 4475 §3.1.2.4)',
    example: 'Max-Forwards: 300',
    run(context, report) {
      const value = integerOf(context.text, context.message, 'Max-Forwards');
      if (value && (Number.isNaN(value.value) || value.value > 255)) report(value.token, `Max-Forwards must be an integer from 0 to 255, not "${value.token.text}" (RFC 3261 §20.22).`);
    },
  },
  {
    scope: 'message',
    id: 'max-forwards-zero',
    defaultSeverity: 'hint',
    summary: 'A request with Max-Forwards: 0.',
    why: 'Legal, but no proxy will forward it: the next proxy answers 483 Too Many Hops (an OPTIONS may still be answered).',
    reference: 'RFC 3261 §16.3, §20.22 (RFC 4475 §3.3.11)',
    example: 'Max-Forwards: 0',
    run(context, report) {
      const value = integerOf(context.text, context.message, 'Max-Forwards');
      if (value?.value === 0 && context.message.kind === 'request') report(value.token, 'Max-Forwards is 0: a proxy will not forward this request and answers 483 Too Many Hops.');
    },
  },
  {
    scope: 'message',
    id: 'content-length-invalid',
    defaultSeverity: 'error',
    summary: 'A Content-Length that is not a non-negative integer.',
    why: 'On stream transports Content-Length is the only way to find where the body ends.',
    reference: 'RFC 3261 §20.14 (RFC 4475 §3.1.2.3)',
    example: 'Content-Length: -999',
    run(context, report) {
      for (const header of headersNamed(context.message, 'Content-Length')) {
        if (!/^\d+$/.test(header.value)) report(header.valueSpan, `Content-Length must be a non-negative integer, not "${header.value}" (RFC 3261 §20.14).`);
      }
    },
  },
  {
    scope: 'message',
    id: 'content-length-conflict',
    defaultSeverity: 'error',
    summary: 'Several Content-Length headers.',
    why: 'A receiver cannot know which length frames the body; servers answer 400.',
    reference: 'RFC 3261 §7.3.1, §20.14 (RFC 4475 §3.3.9)',
    example: 'Content-Length: 13 ... l: 5',
    run(context, report) {
      const headers = headersNamed(context.message, 'Content-Length');
      for (let i = 1; i < headers.length; i++) {
        const header = headers[i] as Header;
        const first = headers[0]?.value ?? '';
        report(header.nameSpan, header.value === first ? `Content-Length appears twice (RFC 3261 §7.3.1).` : `Conflicting Content-Length: ${first} and ${header.value} (RFC 3261 §20.14).`);
      }
    },
  },
];
