/**
 * What to show when the pointer rests somewhere: a registry card (status code, reason phrase, method,
 * header, option tag, event package, warning code, Q.850 or SIP cause) or a short note about the
 * trace (a Via branch's transaction, a Call-ID's call). Plain data; the LSP layer renders markdown.
 */
import { lookupCode, lookupEventPackage, lookupHeader, lookupMethod, lookupOptionTag, lookupQ850Cause, lookupReasonPhrase, lookupReasonProtocol, lookupWarningCode, codeStanding } from '../registry/lookup';
import { reasonsOf, tokenListOf, topVia } from '../parser/access';
import type { Header, SipDocument, SipMessage, Span } from '../parser/model';
import { cardFor, type Card } from './explain/card';
import type { Topic } from './explain/topic';
import { indexOf } from './documentIndex';

export interface HoverInfo {
  /** The text the hover is about. */
  readonly span: Span;
  readonly card: Card | null;
  /** Extra lines in plain text, shown before the card (a phrase that belongs to another code, a call summary). */
  readonly notes: readonly string[];
}

export interface HoverOptions {
  /** Also explain three-digit SIP codes in log text outside messages ("Got SIP response 486"). */
  readonly logCodes: boolean;
  /** Summaries of a transaction and of a call, supplied by the navigation feature when available. */
  readonly describeTransaction?: (message: SipMessage) => readonly string[];
  readonly describeCall?: (callId: string) => readonly string[];
}

const within = (span: Span, offset: number): boolean => offset >= span.start && offset <= span.end;

function hover(span: Span, topic: Topic | null, notes: readonly string[] = []): HoverInfo {
  return { span, card: topic ? cardFor(topic) : null, notes };
}

function codeTopic(code: number): Topic | null {
  const standing = codeStanding(code);
  if (standing.registered) return { kind: 'response-code', entry: standing.registered };
  if (standing.inRange) return { kind: 'unregistered-code', standing };
  return null;
}

function startLineHover(message: SipMessage, offset: number): HoverInfo | null {
  const line = message.startLine;
  if (line.kind === 'request') {
    if (!within(line.method, offset)) return null;
    const method = lookupMethod(line.method.text);
    if (method && method.name === line.method.text) return hover(line.method, { kind: 'method', entry: method });
    const notes = method ? [`"${line.method.text}" is not ${method.name}: methods are case-sensitive.`] : [`${line.method.text} is not a registered SIP method (extension methods are legal).`];
    return hover(line.method, method ? { kind: 'method', entry: method } : null, notes);
  }
  if (within(line.code, offset)) return hover(line.code, codeTopic(line.status));
  if (line.reason.text !== '' && within(line.reason, offset)) {
    const owners = lookupReasonPhrase(line.reason.text);
    const own = lookupCode(line.status);
    if (owners.length === 0) return own ? hover(line.reason, { kind: 'response-code', entry: own }, [`"${line.reason.text}" is free text; ${own.code}'s phrase is "${own.reasonPhrase}".`]) : null;
    const mine = owners.find((o) => o.entry.code === line.status);
    if (mine) return hover(line.reason, { kind: 'response-code', entry: mine.entry }, mine.match === 'alias' ? [`An accepted alternative phrase for ${mine.entry.code}; the registered one is "${mine.entry.reasonPhrase}".`] : []);
    const owner = owners[0];
    if (!owner) return null;
    return hover(line.reason, { kind: 'response-code', entry: owner.entry }, [`"${line.reason.text}" is the reason phrase of ${owners.map((o) => o.entry.code).join(' and ')}, not of ${line.status}. The code is what counts.`]);
  }
  return null;
}

/** The registry topic for a token of a header value, by header. */
function valueTopic(key: string, token: string): Topic | null {
  const name = token.split(';')[0]?.trim() ?? '';
  switch (key) {
    case 'supported':
    case 'require':
    case 'proxy-require':
    case 'unsupported': {
      const entry = lookupOptionTag(name);
      return entry ? { kind: 'option-tag', entry } : null;
    }
    case 'event':
    case 'allow-events': {
      const entry = lookupEventPackage(name);
      return entry ? { kind: 'event-package', entry } : null;
    }
    case 'allow': {
      const entry = lookupMethod(name);
      return entry ? { kind: 'method', entry } : null;
    }
    default:
      return null;
  }
}

function headerHover(text: string, message: SipMessage, header: Header, offset: number, options: HoverOptions): HoverInfo | null {
  if (within(header.nameSpan, offset) && header.colon !== -1) {
    const entry = lookupHeader(header.name);
    if (!entry) return null;
    const notes = header.name.length === 1 ? [`"${header.name}" is the compact form of ${entry.name}.`] : [];
    return hover(header.nameSpan, { kind: 'header', entry }, notes);
  }
  if (!within(header.valueSpan, offset)) return null;
  switch (header.key) {
    case 'supported':
    case 'require':
    case 'proxy-require':
    case 'unsupported':
    case 'allow':
    case 'allow-events':
    case 'event': {
      const token = tokenListOf(text, message, header.canonical).find((t) => within(t, offset));
      const topic = token ? valueTopic(header.key, token.text) : null;
      return token && topic ? hover(token, topic) : null;
    }
    case 'warning': {
      const match = /^\s*(\d{3})\b/.exec(header.value);
      const entry = match?.[1] ? lookupWarningCode(match[1]) : undefined;
      return entry ? hover(header.valueSpan, { kind: 'warning-code', entry }) : null;
    }
    case 'reason':
      return reasonHover(text, message, offset);
    case 'via': {
      const top = topVia(text, message);
      if (top?.branch && within(top.branch, offset)) return hover(top.branch, null, options.describeTransaction?.(message) ?? [`Branch ${top.branch.text} identifies this message's transaction.`]);
      return null;
    }
    case 'call-id':
      return hover(header.valueSpan, null, options.describeCall?.(header.value) ?? [`Call-ID ${header.value}`]);
    default:
      return null;
  }
}

function reasonHover(text: string, message: SipMessage, offset: number): HoverInfo | null {
  for (const reason of reasonsOf(text, message)) {
    if (within(reason.protocol, offset)) {
      const entry = lookupReasonProtocol(reason.protocol.text);
      return entry ? hover(reason.protocol, { kind: 'reason-protocol', entry }) : null;
    }
    if (reason.cause && within(reason.cause, offset)) {
      const protocol = reason.protocol.text.toUpperCase();
      if (protocol === 'Q.850') {
        const entry = lookupQ850Cause(reason.cause.text);
        return entry ? hover(reason.cause, { kind: 'q850-cause', entry }) : null;
      }
      if (protocol === 'SIP') return hover(reason.cause, codeTopic(Number(reason.cause.text)));
    }
  }
  return null;
}

/**
 * Codes in log text, outside any message. A three-digit number is taken for a SIP status only when
 * the log says so: right after "SIP/2.0", after a word such as response, status, code, reply or
 * cause (with "=", ":" or a space between), or when the code's own reason phrase follows it. Any
 * other number (ports, lengths, PIDs) gets no hover.
 */
const BEFORE_CODE = /(?:SIP\/2\.0|\bresponse|\bstatus|\bcode|\breply|\banswer(?:ed)?|\bfinal|\bprovisional|\brejected(?: with)?|\bsip)[\s:=#"']{1,3}$/i;

export function logCodeAt(text: string, offset: number): HoverInfo | null {
  const from = Math.max(0, offset - 3);
  const window = text.slice(from, offset + 4);
  const match = /\d+/.exec(window.slice(0, 7));
  if (!match) return null;
  let start = from + match.index;
  while (start > 0 && /\d/.test(text[start - 1] ?? '')) start--;
  let end = start;
  while (end < text.length && /\d/.test(text[end] ?? '')) end++;
  if (end - start !== 3 || offset < start || offset > end) return null;
  const code = Number(text.slice(start, end));
  const entry = lookupCode(code);
  if (!entry) return null;
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 60).replace(/^[\s"'(]+/, '');
  const phraseFollows = [entry.reasonPhrase, ...entry.aliases].some((p) => after.toLowerCase().startsWith(p.toLowerCase()));
  if (!BEFORE_CODE.test(before) && !phraseFollows) return null;
  return hover({ start, end }, { kind: 'response-code', entry });
}

export function hoverAt(text: string, document: SipDocument, offset: number, options: HoverOptions): HoverInfo | null {
  const message = document.messages[indexOf(text, document).messageAt(offset)];
  if (message) {
    if (within(message.startLine, offset)) return startLineHover(message, offset);
    const header = message.headers.find((h) => offset >= h.span.start && offset <= h.span.end);
    if (header) return headerHover(text, message, header, offset, options);
    return null;
  }
  return options.logCodes ? logCodeAt(text, offset) : null;
}
