/**
 * Snippet templates for a new message: a minimal valid INVITE with an SDP offer, REGISTER, OPTIONS,
 * BYE and a response. With every placeholder left at its default each one passes validate()
 * without an error (a test holds them to it): the headers RFC 3261 §8.1.1 requires, a branch with
 * the z9hG4bK cookie, a From tag, and a Content-Length that counts the body as it will be written.
 *
 * The body's size depends on the line ends the editor writes (editors normalise a snippet's line
 * breaks to the document's), so the templates are built for the document's line end.
 */
import { sortKey, type CompletionEntry } from './types';

export type LineEnd = '\n' | '\r\n';

/** The document's line end: CRLF when its first line break is one, LF otherwise (and for empty text). */
export function lineEndOf(text: string): LineEnd {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** The SDP offer of the INVITE template: no placeholders, so that Content-Length stays right. */
const SDP_OFFER = [
  'v=0',
  'o=alice 2890844526 2890844526 IN IP4 192.0.2.101',
  's=-',
  'c=IN IP4 192.0.2.101',
  't=0 0',
  'm=audio 49170 RTP/AVP 0 8 101',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=sendrecv',
];

const VIA = 'Via: SIP/2.0/UDP ${2:pc33.example.com};branch=${3:z9hG4bK776asdhds}';

interface Template {
  readonly label: string;
  readonly filterText: string;
  readonly detail: string;
  readonly headers: readonly string[];
  readonly body?: readonly string[];
}

const TEMPLATES: readonly Template[] = [
  {
    label: 'INVITE message with SDP',
    filterText: 'INVITE',
    detail: 'template: a minimal INVITE with an SDP audio offer',
    headers: [
      'INVITE ${1:sip:bob@example.com} SIP/2.0',
      VIA,
      'Max-Forwards: 70',
      'To: ${4:Bob <sip:bob@example.com>}',
      'From: ${5:Alice <sip:alice@example.com>};tag=${6:1928301774}',
      'Call-ID: ${7:a84b4c76e66710@pc33.example.com}',
      'CSeq: ${8:314159} INVITE',
      'Contact: ${9:<sip:alice@pc33.example.com>}',
      'Content-Type: application/sdp',
    ],
    body: SDP_OFFER,
  },
  {
    label: 'REGISTER message',
    filterText: 'REGISTER',
    detail: 'template: a minimal REGISTER binding one contact for an hour',
    headers: [
      'REGISTER ${1:sip:example.com} SIP/2.0',
      VIA,
      'Max-Forwards: 70',
      // To and From carry the same address of record: one placeholder edits both.
      'To: ${4:Alice <sip:alice@example.com>}',
      'From: ${4:Alice <sip:alice@example.com>};tag=${5:456248}',
      'Call-ID: ${6:843817637684230@pc33.example.com}',
      'CSeq: ${7:1826} REGISTER',
      'Contact: ${8:<sip:alice@pc33.example.com>}',
      'Expires: ${9:3600}',
    ],
  },
  {
    label: 'OPTIONS message',
    filterText: 'OPTIONS',
    detail: 'template: a minimal OPTIONS capability query',
    headers: [
      'OPTIONS ${1:sip:bob@example.com} SIP/2.0',
      VIA,
      'Max-Forwards: 70',
      'To: ${4:<sip:bob@example.com>}',
      'From: ${5:Alice <sip:alice@example.com>};tag=${6:1928301774}',
      'Call-ID: ${7:a84b4c76e66710@pc33.example.com}',
      'CSeq: ${8:63104} OPTIONS',
      'Accept: application/sdp',
    ],
  },
  {
    label: 'BYE message',
    filterText: 'BYE',
    detail: 'template: a minimal in-dialog BYE',
    headers: [
      'BYE ${1:sip:alice@pc33.example.com} SIP/2.0',
      VIA,
      'Max-Forwards: 70',
      'To: ${4:Alice <sip:alice@example.com>};tag=${5:1928301774}',
      'From: ${6:Bob <sip:bob@example.com>};tag=${7:a6c85cf}',
      'Call-ID: ${8:a84b4c76e66710@pc33.example.com}',
      'CSeq: ${9:231} BYE',
    ],
  },
  {
    label: 'SIP/2.0 response',
    filterText: 'SIP/2.0 response',
    detail: 'template: a response with the headers every response carries',
    headers: [
      'SIP/2.0 ${1:200} ${2:OK}',
      'Via: SIP/2.0/UDP ${3:pc33.example.com};branch=${4:z9hG4bK776asdhds}',
      'To: ${5:Bob <sip:bob@example.com>};tag=${6:a6c85cf}',
      'From: ${7:Alice <sip:alice@example.com>};tag=${8:1928301774}',
      'Call-ID: ${9:a84b4c76e66710@pc33.example.com}',
      'CSeq: ${10:314159 INVITE}',
      // A 2xx to INVITE must carry Contact (RFC 3261 §12.1.1); any other response may.
      'Contact: ${11:<sip:bob@192.0.2.4>}',
    ],
  },
];

/** Bytes of ASCII lines each followed by the line end: the body's Content-Length. */
function bodyBytes(lines: readonly string[], eol: LineEnd): number {
  return lines.reduce((sum, line) => sum + line.length + eol.length, 0);
}

function render(template: Template, eol: LineEnd): string {
  const body = template.body ?? [];
  const head = [...template.headers, `Content-Length: ${bodyBytes(body, eol)}`];
  // The blank line closes the header block, every body line ends with a line end, and $0 leaves
  // the cursor on the line after the message.
  return [...head, '', ...body].join(eol) + eol + '$0';
}

const built = new Map<LineEnd, readonly CompletionEntry[]>();

/** The templates written with the given line end (built once per line end). */
export function templateEntries(eol: LineEnd): readonly CompletionEntry[] {
  const cached = built.get(eol);
  if (cached) return cached;
  const entries = TEMPLATES.map((template, rank) => ({
    label: template.label,
    kind: 'template' as const,
    insertText: render(template, eol),
    snippet: true,
    filterText: template.filterText,
    sortText: sortKey(2, rank),
    detail: template.detail,
  }));
  built.set(eol, entries);
  return entries;
}
