/**
 * Header-value checks: Via branches, name-addr syntax in To/From/Contact, stray separators, Date,
 * Expires, Retry-After and Warning (RFC 3261 §20, §25).
 */
import { firstHeader, headersKeyed, headersNamed, nameAddrListOf, tokenListOf, topBranch, topVia } from '../../../parser/access';
import { findOpenBracket } from '../../../parser/values/nameAddr';
import { closest, lookupOptionTag } from '../../../registry/lookup';
import type { Header } from '../../../parser/model';
import type { MessageCheck, MessageContext, Report } from '../types';

const DELTA_MAX = 2 ** 32 - 1;
const TOKEN_WORDS = /^[A-Za-z0-9\-.!%*_+`'~]+(?:[ \t]+[A-Za-z0-9\-.!%*_+`'~]+)*$/;
const NAME_ADDR_HEADERS = ['To', 'From', 'Contact', 'Reply-To', 'Refer-To', 'Referred-By', 'P-Asserted-Identity', 'P-Preferred-Identity'];
const NAME_ADDR_KEYS: ReadonlySet<string> = keysOf(NAME_ADDR_HEADERS);
const LIST_KEYS: ReadonlySet<string> = keysOf(['Via', ...NAME_ADDR_HEADERS, 'Route', 'Record-Route']);
const EMPTY_ELEMENT = /;\s*(?=[;,]|$)|,\s*(?=[,;]|$)|^\s*,/;
/** White space just inside a "<" or just before a ">". */
const SPACE_AT_BRACKET = /<\s|\s>/;

const QUESTION_MARK = /\?/;

/** Whether any of the headers' values matches: the cheap test before parsing them. */
function anyValue(headers: readonly Header[], pattern: RegExp): boolean {
  for (const header of headers) if (pattern.test(header.value)) return true;
  return false;
}

function keysOf(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((name) => name.toLowerCase()));
}


/** Finds an unbalanced double quote in a header value (a backslash escapes the next character). */
function unbalancedQuote(value: string): number {
  let open = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && open !== -1) i++;
    else if (c === '"') open = open === -1 ? i : -1;
  }
  return open;
}

function checkDeltaSeconds(context: MessageContext, name: string, report: Report): void {
  const header = firstHeader(context.message, name);
  if (!header) return;
  const match = /^(\d+)/.exec(header.value);
  if (!match?.[1]) {
    report(header.valueSpan, `${name} must be a number of seconds, not "${header.value}" (RFC 3261 §20.${name === 'Expires' ? '19' : '33'}).`);
  } else if (match[1].replace(/^0+(?=\d)/, '').length > 10 || Number(match[1]) > DELTA_MAX) {
    report({ start: header.valueSpan.start, end: header.valueSpan.start + match[1].length }, `${name} ${match[1].length > 20 ? `(${match[1].length} digits)` : match[1]} is out of range: delta-seconds must be below 2^32 (RFC 3261 §20.${name === 'Expires' ? '19' : '33'}).`);
  }
}

export const VALUE_CHECKS: readonly MessageCheck[] = [
  {
    scope: 'message',
    id: 'via-branch-missing',
    defaultSeverity: 'information',
    summary: 'A Via value without a branch parameter.',
    why: 'RFC 3261 elements identify transactions by the branch; without one, matching falls back to RFC 2543 rules. Old RFC 2543 peers legitimately omit it.',
    reference: 'RFC 3261 §8.1.1.7, §17.2.3 (RFC 4475 §3.4.1)',
    example: 'Via: SIP/2.0/UDP 192.0.2.1:5060',
    run(context, report) {
      // Most messages have a branch: known without parsing the rest of the Via.
      if (topBranch(context.text, context.message) !== null) return;
      const top = topVia(context.text, context.message);
      if (top && !top.branch && top.sentBy) report(top, 'The top Via has no branch parameter; transactions are then matched the RFC 2543 way (RFC 3261 §17.2.3).');
    },
  },
  {
    scope: 'message',
    id: 'via-branch-cookie',
    defaultSeverity: 'hint',
    summary: 'A Via branch that does not start with the z9hG4bK magic cookie, or is nothing but the cookie.',
    why: 'The cookie says the branch is unique per RFC 3261; without it (an RFC 2543 peer) or with nothing after it, transaction matching is less reliable.',
    reference: 'RFC 3261 §8.1.1.7 (RFC 4475 §3.2.1)',
    example: 'Via: SIP/2.0/UDP host;branch=z9hG4bK',
    run(context, report) {
      const written = topBranch(context.text, context.message);
      if (written === null || (written.startsWith('z9hG4bK') && written !== 'z9hG4bK')) return;
      const branch = topVia(context.text, context.message)?.branch;
      if (!branch) return;
      if (!branch.text.startsWith('z9hG4bK')) report(branch, 'The branch does not start with the magic cookie z9hG4bK: the sender follows RFC 2543 transaction rules (RFC 3261 §8.1.1.7).');
      else if (branch.text === 'z9hG4bK') report(branch, 'The branch is only the magic cookie, so it identifies no transaction.');
    },
  },
  {
    scope: 'message',
    id: 'name-addr-unbalanced-quote',
    defaultSeverity: 'error',
    summary: 'An opening double quote with no closing one in To, From, Contact and similar headers.',
    why: 'The display name then swallows the URI and parameters; parsers reject the message.',
    reference: 'RFC 3261 §25 (quoted-string) (RFC 4475 §3.1.2.6)',
    example: 'To: "Mr. J. User <sip:j.user@example.com>',
    run(context, report) {
      for (const header of headersKeyed(context.message, NAME_ADDR_KEYS)) {
        if (!header.value.includes('"')) continue;
        const at = unbalancedQuote(header.value);
        if (at !== -1 && header.valueSpan.start + at < header.valueSpan.end) {
          report({ start: header.valueSpan.start + at, end: header.valueSpan.end }, `Unbalanced quote in ${header.canonical}: the display name's closing quote is missing (RFC 3261 §25).`);
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'name-addr-space-in-brackets',
    defaultSeverity: 'error',
    summary: 'White space just inside the < > around a URI.',
    why: 'The URI must follow "<" and precede ">" directly; strict parsers reject the header.',
    reference: 'RFC 3261 §25 (name-addr) (RFC 4475 §3.1.2.14)',
    example: 'To: < sip:bob@example.com >',
    run(context, report) {
      for (const name of NAME_ADDR_HEADERS) {
        // Only a value with white space next to a bracket can have some inside them: the others need not be parsed.
        if (!anyValue(headersNamed(context.message, name), SPACE_AT_BRACKET)) continue;
        for (const address of nameAddrListOf(context.text, context.message, name)) {
          if (address.bracketed && /^\s|\s$/.test(address.uriText.text)) {
            report(address.uriText, `White space inside "<" and ">" in ${name}: the URI must touch the brackets (RFC 3261 §25).`, {
              fix: { title: 'Remove the white space', edits: [{ span: address.uriText, newText: address.uriText.text.trim() }] },
            });
          }
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'display-name-unquoted',
    defaultSeverity: 'error',
    summary: 'A display name with characters that require quotes (comma, colon, quote ...) written without quotes.',
    why: 'An unquoted display name may only hold tokens and spaces; "Bell, Alexander" splits the header at the comma.',
    reference: 'RFC 3261 §25 (display-name) (RFC 4475 §3.1.2.15)',
    example: 'From: Bell, Alexander <sip:a.g.bell@example.com>',
    run(context, report) {
      for (const header of headersKeyed(context.message, NAME_ADDR_KEYS)) {
        const { start: valueStart, end: valueEnd } = header.valueSpan;
        // The '<' that opens the URI, found quote-aware: a '<' inside a quoted parameter such as
        // +sip.instance="<urn:...>" does not start one.
        const open = findOpenBracket(context.text, valueStart, valueEnd);
        if (open <= valueStart) continue;
        const raw = context.text.slice(valueStart, open);
        const name = raw.trim();
        if (name.startsWith('"') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(name)) continue;
        if (name !== '' && !TOKEN_WORDS.test(name)) {
          const start = valueStart + raw.indexOf(name);
          report({ start, end: start + name.length }, `The display name "${name}" must be quoted: it holds characters a token cannot (RFC 3261 §25).`, {
            fix: { title: 'Quote the display name', edits: [{ span: { start, end: start + name.length }, newText: `"${name.replace(/["\\]/g, '\\$&')}"` }] },
          });
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'empty-list-element',
    defaultSeverity: 'error',
    summary: 'Stray ";" or "," separators: empty parameters or empty list elements.',
    why: 'An empty parameter or list element is not in the grammar; parsers disagree on it and many reject the message.',
    reference: 'RFC 3261 §7.3.1, §25 (RFC 4475 §3.1.2.1)',
    example: 'Via: SIP/2.0/UDP 192.0.2.15;;,;,,',
    run(context, report) {
      for (const header of headersKeyed(context.message, LIST_KEYS)) {
        // Blanking quoted strings and <URIs> below can only remove candidates, never make one: a
        // value without one as written is clean, and most are.
        if (!EMPTY_ELEMENT.test(header.value)) continue;
        const match = EMPTY_ELEMENT.exec(header.value.replace(/"(?:[^"\\]|\\.)*"/g, (q) => 'x'.repeat(q.length)).replace(/<[^>]*>/g, (u) => 'x'.repeat(u.length)));
        if (match) {
          const start = header.valueSpan.start + match.index;
          report({ start, end: start + Math.max(1, match[0].trimEnd().length) }, `Empty parameter or list element in ${header.canonical} (stray ";" or ",") (RFC 3261 §25).`);
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'contact-uri-headers-unbracketed',
    defaultSeverity: 'error',
    summary: 'A Contact, To or From URI with "?" headers that is not enclosed in < >.',
    why: 'Without brackets, URI headers and parameters cannot be told from header parameters; the URI must be bracketed.',
    reference: 'RFC 3261 §20.10 (RFC 4475 §3.1.2.13)',
    example: 'Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E',
    run(context, report) {
      for (const name of ['Contact', 'To', 'From']) {
        if (!anyValue(headersNamed(context.message, name), QUESTION_MARK)) continue;
        for (const address of nameAddrListOf(context.text, context.message, name)) {
          if (!address.bracketed && !address.wildcard && address.uriText.text.includes('?')) {
            report(address.uriText, `A URI with "?" headers must be enclosed in "<" and ">" in ${name} (RFC 3261 §20.10).`, {
              fix: { title: 'Enclose the URI in < >', edits: [{ span: { start: address.start, end: address.end }, newText: `<${context.text.slice(address.start, address.end)}>` }] },
            });
          }
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'date-not-gmt',
    defaultSeverity: 'error',
    summary: 'A Date header not in GMT.',
    why: 'SIP-date is the RFC 1123 format and always GMT; other zones are rejected by strict parsers.',
    reference: 'RFC 3261 §20.17, §25 (RFC 4475 §3.1.2.12)',
    example: 'Date: Fri, 01 Jan 2010 16:00:00 EST',
    run(context, report) {
      const header = firstHeader(context.message, 'Date');
      if (header && !/\bGMT$/i.test(header.value)) report(header.valueSpan, `Date must be in GMT, e.g. "Sat, 13 Nov 2010 23:29:00 GMT" (RFC 3261 §20.17).`);
    },
  },
  {
    scope: 'message',
    id: 'expires-invalid',
    defaultSeverity: 'error',
    summary: 'An Expires that is not a number of seconds below 2^32.',
    why: 'Expires is delta-seconds; a date or a huge number is not understood.',
    reference: 'RFC 3261 §20.19 (RFC 4475 §3.1.2.4)',
    example: 'Expires: 10000000000000000000000000000000',
    run: (context, report) => checkDeltaSeconds(context, 'Expires', report),
  },
  {
    scope: 'message',
    id: 'retry-after-invalid',
    defaultSeverity: 'error',
    summary: 'A Retry-After that is not a number of seconds below 2^32.',
    why: 'Retry-After is delta-seconds with an optional comment; anything else cannot be honoured.',
    reference: 'RFC 3261 §20.33 (RFC 4475 §3.1.2.5)',
    example: 'Retry-After: 949302838503028349304023988',
    run: (context, report) => checkDeltaSeconds(context, 'Retry-After', report),
  },
  {
    scope: 'message',
    id: 'warning-code-invalid',
    defaultSeverity: 'error',
    summary: 'A Warning whose code is not three digits.',
    why: 'warn-code is exactly 3DIGIT; "1812" cannot be looked up.',
    reference: 'RFC 3261 §20.43 (RFC 4475 §3.1.2.5)',
    example: 'Warning: 1812 overture "In Progress"',
    run(context, report) {
      for (const header of headersNamed(context.message, 'Warning')) {
        // Quoted warn-text may contain commas; blank it out (same length) before splitting the list.
        const masked = header.value.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) => 'x'.repeat(quoted.length));
        for (const match of masked.matchAll(/(?:^|,)\s*(\S+)/g)) {
          const code = match[1] ?? '';
          if (!/^\d{3}$/.test(code)) {
            const start = header.valueSpan.start + (match.index ?? 0) + match[0].indexOf(code);
            report({ start, end: start + code.length }, `Warning code "${code}" must be three digits (RFC 3261 §20.43).`);
          }
        }
      }
    },
  },
  {
    scope: 'message',
    id: 'option-tag-unknown',
    defaultSeverity: 'information',
    summary: 'An option tag in Require or Proxy-Require that IANA does not register.',
    why: 'A server that does not support a required extension answers 420 Bad Extension; an unknown tag is usually a typo or a private extension.',
    reference: 'RFC 3261 §8.2.2.3, §20.32 (RFC 4475 §3.3.5)',
    example: 'Require: nothingSupportsThis',
    run(context, report) {
      for (const name of ['Require', 'Proxy-Require']) {
        for (const tag of tokenListOf(context.text, context.message, name)) {
          if (lookupOptionTag(tag.text)) continue;
          const guess = closest(tag.text, 1)[0];
          report(tag, `"${tag.text}" is not a registered option tag; a server that does not support it answers 420 Bad Extension.${guess ? ` Did you mean ${guess.label}?` : ''}`);
        }
      }
    },
  },
];
