/**
 * Start-line checks (RFC 3261 §7.1, §7.2, §25): element spacing, the Request-URI's form, the
 * version, the status code and the reason phrase. The reason-phrase policy is in README.md:
 * aliases are never flagged, unrelated free text is never flagged; only a phrase that belongs to
 * another code, or a near miss of this code's own phrase, is reported.
 */
import { codeStanding, isRegisteredMethod, lookupCode, lookupMethod, lookupReasonPhrase, normalizeName } from '../../../registry/lookup';
import { editDistance } from '../../../util/editDistance';
import type { RequestLine, StatusLine } from '../../../parser/model';
import { requestUriOf, wireText } from '../../../parser/access';
import type { MessageCheck, MessageContext } from '../types';

function request(context: MessageContext): RequestLine | null {
  const line = context.message.startLine;
  return line.kind === 'request' ? line : null;
}

function status(context: MessageContext): StatusLine | null {
  const line = context.message.startLine;
  return line.kind === 'response' ? line : null;
}

/** Whether text[start, end) is one space. */
function single(text: string, start: number, end: number): boolean {
  return end - start === 1 && text.charCodeAt(start) === 32;
}

const fixReason = (line: StatusLine, phrase: string) => ({
  title: `Use the canonical reason phrase "${phrase}"`,
  edits: [{ span: line.reason.text === '' ? { start: line.code.end, end: line.end } : line.reason, newText: line.reason.text === '' ? ` ${phrase}` : phrase }],
});

export const START_LINE_CHECKS: readonly MessageCheck[] = [
  {
    scope: 'message',
    id: 'request-line-spacing',
    defaultSeverity: 'error',
    summary: 'Request-Line elements separated by more than one space, or by tabs.',
    why: 'The Request-Line is exactly Method SP Request-URI SP SIP-Version; strict parsers reject anything else with 400.',
    reference: 'RFC 3261 §7.1, §25 (RFC 4475 §3.1.2.9)',
    example: 'INVITE  sip:bob@example.com  SIP/2.0',
    run(context, report) {
      const line = request(context);
      if (!line) return;
      // The usual line: one space in the document, so one on the wire (decoration only adds characters).
      if (single(context.text, line.method.end, line.uri.start) && (line.version.text === '' || single(context.text, line.uri.end, line.version.start))) return;
      const gaps = [{ start: line.method.end, end: line.uri.start }];
      if (line.version.text !== '') gaps.push({ start: line.uri.end, end: line.version.start });
      for (const gap of gaps) {
        const between = wireText(context.text, context.message, gap);
        if (between !== ' ' && !/[^ \t]/.test(between)) {
          report(gap, 'Request-Line elements must be separated by exactly one space (RFC 3261 §7.1).', { fix: { title: 'Use a single space', edits: [{ span: gap, newText: ' ' }] } });
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'start-line-trailing-whitespace',
    defaultSeverity: 'error',
    summary: 'White space after SIP-Version at the end of a Request-Line.',
    why: 'Nothing may follow SIP-Version before CRLF; trailing blanks make the version token "SIP/2.0 " to a strict parser.',
    reference: 'RFC 3261 §7.1, §25 (RFC 4475 §3.1.2.10)',
    example: 'OPTIONS sip:bob@example.com SIP/2.0␠␠',
    run(context, report) {
      const line = request(context);
      if (!line || line.version.text === '' || line.version.end >= line.end) return;
      const span = { start: line.version.end, end: line.end };
      report(span, 'Trailing white space after SIP-Version; the Request-Line ends right after the version (RFC 3261 §7.1).', {
        fix: { title: 'Remove the trailing white space', edits: [{ span, newText: '' }] },
      });
    },
  },
  {
    scope: 'message',
    id: 'request-line-missing-version',
    defaultSeverity: 'error',
    summary: 'A Request-Line without SIP-Version.',
    why: 'Without the version the line is not a SIP request (RFC 2543 also required it).',
    reference: 'RFC 3261 §7.1, §25',
    example: 'INVITE sip:bob@example.com',
    run(context, report) {
      const line = request(context);
      if (line && line.version.text === '') report({ start: line.uri.start, end: line.end }, 'The Request-Line has no SIP-Version; it must end with "SIP/2.0" (RFC 3261 §7.1).');
    },
  },
  {
    scope: 'message',
    id: 'request-uri-in-brackets',
    defaultSeverity: 'error',
    summary: 'A Request-URI enclosed in < and >.',
    why: 'Angle brackets belong to name-addr in headers; the Request-URI is a bare URI, and servers answer 400.',
    reference: 'RFC 3261 §7.1, §25 (RFC 4475 §3.1.2.7)',
    example: 'INVITE <sip:bob@example.com> SIP/2.0',
    run(context, report) {
      const line = request(context);
      if (!line || !line.uri.text.startsWith('<')) return;
      const inner = line.uri.text.replace(/^<|>$/g, '');
      report(line.uri, 'The Request-URI must not be enclosed in "<" and ">" (RFC 3261 §25).', { fix: { title: 'Remove the angle brackets', edits: [{ span: line.uri, newText: inner }] } });
    },
  },
  {
    scope: 'message',
    id: 'request-uri-whitespace',
    defaultSeverity: 'error',
    summary: 'White space inside the Request-URI.',
    why: 'A URI cannot contain white space; the line then has too many elements and is rejected.',
    reference: 'RFC 3261 §19.1.1, §25 (RFC 4475 §3.1.2.8)',
    example: 'INVITE sip:bob@example.com; lr SIP/2.0',
    run(context, report) {
      const line = request(context);
      if (!line) return;
      const match = /[ \t]+/.exec(line.uri.text);
      if (match) report({ start: line.uri.start + match.index, end: line.uri.start + match.index + match[0].length }, 'White space inside the Request-URI; a URI may not contain spaces (RFC 3261 §25).');
    },
  },
  {
    scope: 'message',
    id: 'request-uri-headers',
    defaultSeverity: 'error',
    summary: 'A Request-URI carrying a ?headers component.',
    why: 'URI headers are for building requests from a URI; they are forbidden in the Request-URI of a request on the wire.',
    reference: 'RFC 3261 §19.1.5 (RFC 4475 §3.1.2.11)',
    example: 'INVITE sip:bob@example.com?Route=%3Csip:p.example.com%3E SIP/2.0',
    run(context, report) {
      const line = request(context);
      const uri = line && /^sips?:/i.test(line.uri.text) ? requestUriOf(context.text, context.message) : null;
      if (line && uri?.headers) {
        const span = { start: uri.headers.start - 1, end: line.uri.end };
        report(span, 'The Request-URI must not carry a "?headers" component (RFC 3261 §19.1.5).', { fix: { title: 'Remove the URI headers', edits: [{ span, newText: '' }] } });
      }
    },
  },
  {
    scope: 'message',
    id: 'request-uri-ipv6-unbracketed',
    defaultSeverity: 'error',
    summary: 'An IPv6 address in a SIP URI host without [ ].',
    why: 'Without brackets the colons of the address cannot be told from a port separator.',
    reference: 'RFC 3261 §25 (IPv6reference), RFC 5118 §4.2',
    example: 'REGISTER sip:2001:db8::10 SIP/2.0',
    run(context, report) {
      const line = request(context);
      if (!line) return;
      const match = /^sips?:(?:[^@]*@)?([0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:[;?]|$)/.exec(line.uri.text);
      if (match && match[1] !== undefined) {
        const start = line.uri.start + line.uri.text.indexOf(match[1]);
        report({ start, end: start + match[1].length }, 'An IPv6 address in a SIP URI must be written in brackets, e.g. sip:[2001:db8::10] (RFC 5118 §4.2).', {
          fix: { title: 'Add brackets', edits: [{ span: { start, end: start + match[1].length }, newText: `[${match[1]}]` }] },
        });
      }
    },
  },
  {
    scope: 'message',
    id: 'sip-version-unsupported',
    defaultSeverity: 'error',
    summary: 'A SIP-Version other than SIP/2.0.',
    why: 'Only SIP/2.0 exists; a server answers anything else with 505 Version Not Supported.',
    reference: 'RFC 3261 §7.1, §21.5.6 (RFC 4475 §3.1.2.16)',
    example: 'OPTIONS sip:bob@example.com SIP/7.0',
    run(context, report) {
      const line = context.message.startLine;
      const version = line.version;
      if (version.text !== '' && version.text.toUpperCase() !== 'SIP/2.0') {
        report(version, `SIP-Version "${version.text}" is not supported; only SIP/2.0 exists (a server answers 505, RFC 3261 §21.5.6).`, {
          fix: { title: 'Use SIP/2.0', edits: [{ span: version, newText: 'SIP/2.0' }] },
        });
      }
    },
  },
  {
    scope: 'message',
    id: 'status-line-spacing',
    defaultSeverity: 'error',
    summary: 'More than one space, or a tab, between SIP-Version and Status-Code.',
    why: 'The Status-Line is SIP-Version SP Status-Code SP Reason-Phrase.',
    reference: 'RFC 3261 §7.2, §25',
    example: 'SIP/2.0  200 OK',
    run(context, report) {
      const line = status(context);
      if (!line) return;
      const gap = { start: line.version.end, end: line.code.start };
      if (wireText(context.text, context.message, gap) !== ' ') {
        report(gap, 'SIP-Version and Status-Code must be separated by exactly one space (RFC 3261 §7.2).', { fix: { title: 'Use a single space', edits: [{ span: gap, newText: ' ' }] } });
      }
    },
  },
  {
    scope: 'message',
    id: 'status-code-invalid',
    defaultSeverity: 'error',
    summary: 'A Status-Code that is not three digits in 100-699.',
    why: 'Status-Code is exactly 3DIGIT and classes run from 1xx to 6xx; anything else cannot be classified or answered.',
    reference: 'RFC 3261 §7.2, §21, §25 (RFC 4475 §3.1.2.19)',
    example: 'SIP/2.0 4294967301 better not break the receiver',
    run(context, report) {
      const line = status(context);
      if (!line) return;
      if (!/^\d{3}$/.test(line.code.text) || line.status < 100 || line.status > 699) {
        report(line.code, `Status-Code "${line.code.text}" must be exactly three digits between 100 and 699 (RFC 3261 §7.2).`);
      }
    },
  },
  {
    scope: 'message',
    id: 'status-code-unregistered',
    defaultSeverity: 'warning',
    summary: 'A well-formed Status-Code that IANA does not register.',
    why: 'Receivers that do not know a code treat it as the x00 of its class (or 183 for 1xx), which may not be what the sender meant.',
    reference: 'RFC 3261 §8.1.3.2, §21',
    example: 'SIP/2.0 499 Client Error',
    run(context, report) {
      const line = status(context);
      if (!line || !/^\d{3}$/.test(line.code.text)) return;
      const standing = codeStanding(line.status);
      if (!standing.inRange || standing.registered) return;
      const treated = standing.treatedAs !== undefined ? lookupCode(standing.treatedAs) : undefined;
      const known = standing.unregistered;
      const origin = !known ? ''
        : known.origin === 'tool-label' ? ` "${known.reasonPhrase}" is only a label tools print for unknown codes of its class.`
        : ` It is known from ${known.origin === 'rfc2543' ? 'RFC 2543' : 'SIP stacks'} as "${known.reasonPhrase}".`;
      report(line.code, `${line.status} is not an IANA-registered status code; a receiver that does not know it treats it as ${treated ? `${treated.code} ${treated.reasonPhrase}` : 'the x00 of its class'} (RFC 3261 §8.1.3.2).${origin}`);
    },
  },
  {
    scope: 'message',
    id: 'reason-phrase-mismatch',
    defaultSeverity: 'warning',
    summary: 'A reason phrase that belongs to a different status code.',
    why: 'People read the phrase, machines read the code: "500 Service Unavailable" or "404 OK" sends an engineer the wrong way.',
    reference: 'RFC 3261 §7.2, §21',
    example: 'SIP/2.0 500 Service Unavailable',
    run(context, report) {
      const line = status(context);
      if (!line || line.reason.text === '' || !/^\d{3}$/.test(line.code.text) || line.status < 100 || line.status > 699) return;
      const own = lookupCode(line.status);
      // The code's own phrase, as most responses carry it: its owners include the code.
      if (own && line.reason.text === own.reasonPhrase) return;
      const owners = lookupReasonPhrase(line.reason.text);
      if (owners.length === 0 || owners.some((o) => o.entry.code === line.status)) return;
      // "486 Busy" shortens the code's own phrase; that it is also 600's alias does not make it wrong.
      if (own && normalizeName(own.reasonPhrase).startsWith(`${normalizeName(line.reason.text)} `)) return;
      const names = owners.map((o) => `${o.entry.code}`).join(' or ');
      report(line.reason, `"${line.reason.text}" is the reason phrase of ${names}, not of ${line.status}${own ? ` (${line.status} is "${own.reasonPhrase}")` : ''}. The code is what counts.`, own ? { fix: fixReason(line, own.reasonPhrase) } : {});
    },
  },
  {
    scope: 'message',
    id: 'reason-phrase-nonstandard',
    defaultSeverity: 'information',
    summary: "A near miss of the code's own reason phrase (punctuation, spacing or a typo).",
    why: 'Searching logs for the canonical phrase misses it. Accepted aliases and unrelated free text ("Answering") are never reported.',
    reference: 'RFC 3261 §21',
    example: 'SIP/2.0 414 Request URI Too Long',
    run(context, report) {
      const line = status(context);
      const own = line ? lookupCode(line.status) : undefined;
      if (!line || !own || line.reason.text === '' || line.reason.text === own.reasonPhrase) return;
      const phrases = [own.reasonPhrase, ...own.aliases];
      const written = normalizeName(line.reason.text);
      if (phrases.some((p) => normalizeName(p) === written)) return;
      const loose = lookupReasonPhrase(line.reason.text).some((m) => m.entry.code === own.code && !m.exact);
      const near = written.length >= 5 && phrases.some((p) => editDistance(written, normalizeName(p), 2) <= 2);
      if (loose || near) report(line.reason, `"${line.reason.text}" is a variant of ${own.code}'s reason phrase "${own.reasonPhrase}".`, { fix: fixReason(line, own.reasonPhrase) });
    },
  },
  {
    scope: 'message',
    id: 'reason-phrase-empty',
    defaultSeverity: 'hint',
    summary: 'An empty reason phrase.',
    why: 'Legal (RFC 3261 §25 allows it), but a trace is easier to read with one.',
    reference: 'RFC 3261 §25 (RFC 4475 §3.1.1.13)',
    example: 'SIP/2.0 100 ',
    run(context, report) {
      const line = status(context);
      const own = line ? lookupCode(line.status) : undefined;
      if (line && line.reason.text === '') report({ start: line.code.end, end: line.end }, 'The reason phrase is empty; this is legal, though unusual.', own ? { fix: fixReason(line, own.reasonPhrase) } : {});
    },
  },
  {
    scope: 'message',
    id: 'method-unknown',
    defaultSeverity: 'information',
    summary: 'A request method that is not IANA-registered.',
    why: 'Extension methods are legal, but a server that does not know one answers 405 or 501; a lower-case registered name is a different method.',
    reference: 'RFC 3261 §7.1, §8.2.1, §27.4',
    example: 'NEWMETHOD sip:bob@example.com SIP/2.0',
    run(context, report) {
      const line = request(context);
      if (!line || isRegisteredMethod(line.method.text)) return;
      const known = lookupMethod(line.method.text);
      if (known?.registered && known.name === line.method.text) return;
      const message =
        known?.registered
          ? `"${line.method.text}" is not ${known.name}: methods are case-sensitive (RFC 3261 §7.1), so this is an unknown extension method.`
          : known
            ? `${known.name} is not IANA-registered (${known.description.split('. ')[0]}).`
            : `"${line.method.text}" is not a registered method; extension methods are legal, but a server that does not know it answers 405 or 501.`;
      report(line.method, message, known?.registered ? { fix: { title: `Use ${known.name}`, edits: [{ span: line.method, newText: known.name }] } } : {});
    },
  },
];
