/**
 * Headers a particular response or request must carry: 401 -> WWW-Authenticate, 405 -> Allow,
 * INVITE -> Contact, REFER -> Refer-To ... The rules and their sections come from the registry
 * (response codes' and methods' header requirements); only MUST-level ones are checked, and only
 * where the rule applies unconditionally or its condition can be seen in the message.
 */
import { lookupCode, lookupMethod } from '../../../registry/lookup';
import { formatReference } from '../../../registry/reference';
import type { HeaderRequirement } from '../../../registry/types';
import { cseqOf, firstHeader } from '../../../parser/access';
import { isRfc2543Style } from './headers';
import type { MessageCheck, MessageContext } from '../types';

/** Requirements that hold only for some responses of a code, and how to tell from the message. */
function applies(requirement: HeaderRequirement, code: number, context: MessageContext): boolean {
  // A 1xx needs Contact only when it creates an early dialog, and Record-Route/Timestamp depend
  // on the request, which a single message does not show: those are left to the reader.
  if (requirement.header === 'Record-Route' || requirement.header === 'Timestamp') return false;
  if (requirement.header !== 'Contact' || code >= 300) return true;
  if (code < 200) return false;
  // 2xx: Contact is required where the response establishes a dialog (INVITE, SUBSCRIBE); a 200
  // to REGISTER lists bindings only when there are any.
  const method = cseqOf(context.text, context.message)?.method?.text;
  return method === 'INVITE' || method === 'SUBSCRIBE';
}

const ACCEPT_HEADERS = ['Accept', 'Accept-Encoding', 'Accept-Language'];

/** "a REFER", "an INVITE". */
function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function startLineSpan(context: MessageContext): { start: number; end: number } {
  return { start: context.message.startLine.start, end: context.message.startLine.end };
}

export const REQUIRED_CHECKS: readonly MessageCheck[] = [
  {
    scope: 'message',
    id: 'response-header-missing',
    defaultSeverity: 'error',
    summary: 'A response without a header its code requires: 401 WWW-Authenticate, 405 Allow, 407 Proxy-Authenticate, 415 one of Accept/Accept-Encoding/Accept-Language, 420 Unsupported, 421 Require, 422 Min-SE, 423 Min-Expires, 305 Contact, 2xx to INVITE Contact, 494 Security-Server, 469 Recv-Info, 424 Geolocation-Error, 425 AlertMsg-Error; and, as a warning, 300-302 without Contact.',
    why: 'The header is what the caller needs to act on the response (a challenge, the allowed methods, the minimum interval); without it the response is a dead end.',
    reference: 'RFC 3261 §8.2.1, §12.1.1, §21.3.4, §21.4.2-17, §22; RFC 4028 §6; RFC 3329 §2.3.1; RFC 6086 §4.2.2',
    example: 'SIP/2.0 401 Unauthorized without WWW-Authenticate',
    run(context, report) {
      const line = context.message.startLine;
      if (line.kind !== 'response') return;
      const entry = lookupCode(line.status);
      // Most codes require nothing: no set made for them.
      if (!entry || entry.headers.length === 0) return;
      const reported = new Set<string>();
      for (const requirement of entry.headers) {
        // MUST rules, and the SHOULD of a redirect: a 3xx without Contact says "go elsewhere" without saying where.
        const redirectShould = requirement.level === 'should' && line.status >= 300 && line.status < 400 && requirement.header === 'Contact';
        if ((requirement.level !== 'must' && !redirectShould) || reported.has(requirement.header) || !applies(requirement, line.status, context)) continue;
        // A 415 lists what the server accepts in whichever of Accept, Accept-Encoding or
        // Accept-Language matches the problem (RFC 3261 §8.2.3): one of them is enough.
        const alternatives = line.status === 415 && requirement.header.startsWith('Accept') ? ACCEPT_HEADERS : [requirement.header];
        if (alternatives.some((name) => firstHeader(context.message, name))) continue;
        for (const name of alternatives) reported.add(name);
        const what = alternatives.length > 1 ? `one of ${alternatives.join(', ')}` : requirement.header;
        report(startLineSpan(context), `A ${line.status} response ${redirectShould ? 'should' : 'must'} carry ${what}${requirement.note && alternatives.length === 1 ? ` (${requirement.note})` : ''} (${formatReference(requirement)}).`, {
          severity: redirectShould || context.inLog ? 'warning' : undefined,
        });
      }
    },
  },
  {
    scope: 'message',
    id: 'request-header-missing',
    defaultSeverity: 'error',
    summary: 'A request without a header its method requires: INVITE Contact, REFER Refer-To, SUBSCRIBE/NOTIFY/PUBLISH Event, NOTIFY Subscription-State, PRACK RAck.',
    why: 'Without it the request cannot do its job (no target for the dialog, nothing to refer to, no event package); servers answer 400. RFC 2543-style INVITEs without Contact are reported mildly.',
    reference: 'RFC 3261 §8.1.1.8; RFC 3515 §2.4.1; RFC 6665 §8.2; RFC 3262 §7.2; RFC 3903 §4',
    example: 'REFER sip:bob@example.com SIP/2.0 without Refer-To',
    run(context, report) {
      const line = context.message.startLine;
      if (line.kind !== 'request') return;
      const method = lookupMethod(line.method.text);
      if (!method || method.name !== line.method.text) return;
      for (const requirement of method.requiredHeaders) {
        if (requirement.level !== 'must' || firstHeader(context.message, requirement.header)) continue;
        const old = requirement.header === 'Contact' && isRfc2543Style(context);
        report(startLineSpan(context), `${article(method.name).replace(/^a/, 'A')} request must carry ${requirement.header} (${formatReference(requirement)})${old ? '; RFC 2543 peers, like this one, often omit it' : ''}.`, {
          severity: old ? 'information' : context.inLog ? 'warning' : undefined,
        });
      }
    },
  },
];
