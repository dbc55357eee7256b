/**
 * Header value completion: option tags, methods, event packages, media types, Via transports,
 * Reason causes and the values of the small IANA registries, each for the headers that carry them.
 * The cursor's comma-separated element (or, after a parameter name, the parameter's value) is what
 * an item replaces; values the header already lists are not offered again where repeating one is
 * pointless (Supported: timer, timer).
 */
import type { SipMessage, Span } from '../../parser/model';
import { allMediaTypes, allSubscriptionStates, lookupHeader, registryValues } from '../../registry/lookup';
import { formatReference } from '../../registry/reference';
import { eventPackageEntries, lazy, methodNameEntries, optionTagEntries, reasonCauseEntries } from './entries';
import { sortKey, type CompletionEntry, type CompletionKind, type CompletionResult } from './types';

/** "RFC 3261" or "RFC 3261, RFC 4168" from a registry row's "RFC3261|RFC4168". */
function references(reference: string): string {
  return reference
    .split('|')
    .filter((rfc) => rfc !== '')
    .map((rfc) => formatReference({ rfc, section: '' }))
    .join(', ');
}

function registryEntries(registry: string, what: string, kind: CompletionKind, labelOf: (value: string) => string = (value) => value): () => readonly CompletionEntry[] {
  return lazy(() =>
    registryValues(registry).map((row, rank) => {
      const label = labelOf(row.value);
      return { label, kind, insertText: label, snippet: false, sortText: sortKey(0, rank), detail: [what, references(row.reference)].filter((p) => p !== '').join(', ') };
    }),
  );
}

const contentTypeEntries = lazy((): readonly CompletionEntry[] =>
  allMediaTypes().map((entry, rank) => ({
    label: entry.type,
    kind: 'content-type' as const,
    insertText: entry.type,
    snippet: false,
    sortText: sortKey(0, rank),
    detail: `${entry.description}, ${formatReference(entry)}`,
  })),
);

const subscriptionStateEntries = lazy((): readonly CompletionEntry[] => {
  const header = lookupHeader('Subscription-State');
  const reference = header && header.rfc !== '' ? `, ${formatReference(header)}` : '';
  return allSubscriptionStates().map((state, rank) => ({
    label: state.value, kind: 'value' as const, insertText: state.value, snippet: false, sortText: sortKey(0, rank), detail: `subscription state: ${state.description}${reference}`,
  }));
});

const transportEntries = registryEntries('SIP Transport', 'Via transport', 'transport', (value) => `SIP/2.0/${value}`);
const privacyEntries = registryEntries('Privacy Header Field Values', 'Privacy value', 'value');
const priorityEntries = registryEntries('Priority Header Field Values', 'Priority value', 'value');
const securityEntries = registryEntries('Security Mechanism Names', 'security mechanism', 'value');
const subscriptionReasonEntries = registryEntries('Subscription-State Reason Codes', 'Subscription-State reason', 'value');
const geolocationErrorEntries = registryEntries('Geolocation-Error Codes', 'Geolocation-Error code', 'value');
const alertMsgErrorEntries = registryEntries('AlertMsg-Error Codes', 'AlertMsg-Error code', 'value');

/**
 * How a header's value is completed. `token`: the item replaces the first token of the element at
 * the cursor (up to white space or a parameter's ";"); elements are split at `separators` (Privacy
 * also separates values with ";"); `unique` skips values already listed.
 */
type ValueRule =
  | { readonly kind: 'token'; readonly items: () => readonly CompletionEntry[]; readonly separators: string; readonly unique: boolean }
  | { readonly kind: 'reason' }
  | { readonly kind: 'subscription-state' };

const list = (items: () => readonly CompletionEntry[], unique = true): ValueRule => ({ kind: 'token', items, separators: ',', unique });
const single = (items: () => readonly CompletionEntry[]): ValueRule => ({ kind: 'token', items, separators: '', unique: false });

/** Keyed by the registry's header name in lower case (compact forms resolve through lookupHeader). */
const RULES: ReadonlyMap<string, ValueRule> = new Map<string, ValueRule>([
  ['supported', list(optionTagEntries)],
  ['require', list(optionTagEntries)],
  ['proxy-require', list(optionTagEntries)],
  ['unsupported', list(optionTagEntries)],
  ['allow', list(methodNameEntries)],
  ['event', single(eventPackageEntries)],
  ['allow-events', list(eventPackageEntries)],
  ['content-type', single(contentTypeEntries)],
  ['accept', list(contentTypeEntries)],
  // Every Via row and element names its own hop's transport: repeating one is normal.
  ['via', list(transportEntries, false)],
  ['privacy', { kind: 'token', items: privacyEntries, separators: ',;', unique: true }],
  ['priority', single(priorityEntries)],
  // One mechanism may be offered several times with different parameters.
  ['security-client', list(securityEntries, false)],
  ['security-server', list(securityEntries, false)],
  ['security-verify', list(securityEntries, false)],
  ['geolocation-error', single(geolocationErrorEntries)],
  ['alertmsg-error', list(alertMsgErrorEntries, false)],
  ['reason', { kind: 'reason' }],
  ['subscription-state', { kind: 'subscription-state' }],
]);

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/** Characters that end a value's first token: white space and the start of parameters. */
function endsToken(code: number): boolean {
  return isSpace(code) || code === 59; /* ; */
}

/** The element of text[segment] around the offset, split at `separators` outside quoted strings. */
function elementAt(text: string, segment: Span, offset: number, separators: string): Span {
  let start = segment.start;
  let end = segment.end;
  let quoted = false;
  for (let i = segment.start; i < segment.end; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && separators.includes(c)) {
      if (i < offset) start = i + 1;
      else {
        end = i;
        break;
      }
    }
  }
  while (start < offset && isSpace(text.charCodeAt(start))) start++;
  return { start, end };
}

/** Splits a header value into its elements' first tokens, lower-cased (for "already listed"). */
function listedTokens(value: string, separators: string): string[] {
  const tokens: string[] = [];
  let quoted = false;
  let from = 0;
  const take = (to: number): void => {
    const element = value.slice(from, to).trim();
    const match = /^[^\s;]*/.exec(element);
    if (match && match[0] !== '') tokens.push(match[0].toLowerCase());
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && separators.includes(c)) {
      take(i);
      from = i + 1;
    }
  }
  take(value.length);
  return tokens;
}

function completeToken(text: string, rule: Extract<ValueRule, { kind: 'token' }>, key: string, message: SipMessage, segment: Span, offset: number): CompletionResult | null {
  const element = elementAt(text, segment, offset, rule.separators);
  for (let i = element.start; i < offset; i++) if (endsToken(text.charCodeAt(i))) return null;
  let end = offset;
  while (end < element.end && !endsToken(text.charCodeAt(end))) end++;
  const span = { start: element.start, end };
  let items = rule.items();
  if (rule.unique) {
    const listed = new Map<string, number>();
    for (const header of message.headers) {
      if (header.key !== key) continue;
      for (const token of listedTokens(header.value, rule.separators)) listed.set(token, (listed.get(token) ?? 0) + 1);
    }
    // The token being edited is in the header's value too; it does not count as listed.
    const current = text.slice(span.start, span.end).toLowerCase();
    if (current !== '') listed.set(current, (listed.get(current) ?? 1) - 1);
    items = items.filter((item) => (listed.get(item.insertText.toLowerCase()) ?? 0) <= 0);
  }
  return items.length > 0 ? { span, items } : null;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Reason: a whole "protocol;cause=N;text=..." element is replaced (RFC 3326 §2). */
function completeReason(text: string, segment: Span, offset: number): CompletionResult | null {
  const element = elementAt(text, segment, offset, ',');
  return { span: { start: element.start, end: Math.max(offset, trimEnd(text, element.start, element.end)) }, items: reasonCauseEntries() };
}

const REASON_PARAMETER = /;[ \t]*reason[ \t]*=[ \t]*([^;\s]*)$/i;

/** Subscription-State: the state first, then after ";reason=" the registered reason codes (RFC 6665). */
function completeSubscriptionState(text: string, segment: Span, offset: number): CompletionResult | null {
  const element = elementAt(text, segment, offset, '');
  const before = text.slice(element.start, offset);
  const reason = REASON_PARAMETER.exec(before);
  let start: number;
  let items: readonly CompletionEntry[];
  if (reason) {
    start = offset - (reason[1] ?? '').length;
    items = subscriptionReasonEntries();
  } else if (!/[\s;]/.test(before)) {
    start = element.start;
    items = subscriptionStateEntries();
  } else return null;
  let end = offset;
  while (end < element.end && !endsToken(text.charCodeAt(end))) end++;
  return { span: { start, end }, items };
}

/**
 * Values for header `name` at the offset, within `segment` (the part of the cursor's line that
 * holds the value). Null for headers whose values are free-form (addresses, numbers, text).
 */
export function completeValue(text: string, name: string, message: SipMessage, segment: Span, offset: number): CompletionResult | null {
  const header = lookupHeader(name);
  if (!header) return null;
  const key = header.name.toLowerCase();
  const rule = RULES.get(key);
  if (!rule) return null;
  switch (rule.kind) {
    case 'token':
      return completeToken(text, rule, key, message, segment, offset);
    case 'reason':
      return completeReason(text, segment, offset);
    case 'subscription-state':
      return completeSubscriptionState(text, segment, offset);
  }
}
