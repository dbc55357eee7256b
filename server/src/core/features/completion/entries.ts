/**
 * Completion entries for registry items: status codes, reason phrases, methods, headers, option
 * tags, event packages, Q.850 and SIP causes. The registry never changes while the server runs, so
 * each list (cards included) is built once, on first use, and shared by every request.
 */
import {
  allEventPackages,
  allHeaders,
  allMethods,
  allOptionTags,
  allQ850Causes,
  allResponseCodes,
  codeStanding,
  lookupClass,
  lookupCode,
  type ResponseCode,
} from '../../registry/lookup';
import { formatReference } from '../../registry/reference';
import type { HeaderData, MethodData, Reference } from '../../registry/types';
import { cardFor } from '../explain/card';
import { sortKey, type CompletionEntry } from './types';

/** A value built on first use and kept: the registry never changes while the server runs. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** "RFC 3261 §21.4.24", or nothing for entries without a document. */
function ref(entry: Reference): string {
  return entry.rfc === '' ? '' : formatReference(entry);
}

function joinDetail(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(', ');
}

/** "4xx Client Failure". */
export function classLabel(code: number): string {
  const cls = lookupClass(code);
  return cls ? `${cls.class}xx ${cls.name}` : `${Math.floor(code / 100)}xx`;
}

function codeDetail(entry: ResponseCode): string {
  return joinDetail(classLabel(entry.code), ref(entry), entry.status === 'current' ? '' : entry.status);
}

/** Every registered status code as "486 Busy Here", by class and then code. */
export const statusCodeEntries = lazy((): readonly CompletionEntry[] =>
  [...allResponseCodes()]
    .sort((a, b) => a.code - b.code)
    .map((entry, rank) => {
      const label = `${entry.code} ${entry.reasonPhrase}`;
      return {
        label,
        kind: 'status-code' as const,
        insertText: label,
        snippet: false,
        // Code, phrase and the accepted aliases, so "4", "busy" or "time-out" all find the code.
        filterText: [label, ...entry.aliases].join(' '),
        sortText: sortKey(0, rank),
        detail: codeDetail(entry),
        documentation: cardFor({ kind: 'response-code', entry }),
      };
    }),
);

/** The phrases for one code: the canonical phrase first, then the accepted aliases. */
export function reasonPhraseEntries(code: number): CompletionEntry[] {
  const entry = lookupCode(code);
  if (entry) {
    const documentation = cardFor({ kind: 'response-code', entry });
    const canonical: CompletionEntry = {
      label: entry.reasonPhrase,
      kind: 'reason-phrase',
      insertText: entry.reasonPhrase,
      snippet: false,
      sortText: sortKey(0, 0),
      detail: joinDetail(`reason phrase of ${entry.code}`, ref(entry)),
      documentation,
    };
    const aliases = entry.aliases.map((alias, rank): CompletionEntry => ({
      label: alias,
      kind: 'reason-phrase',
      insertText: alias,
      snippet: false,
      sortText: sortKey(1, rank),
      detail: `accepted alias for ${entry.code} ${entry.reasonPhrase}`,
      documentation,
    }));
    return [canonical, ...aliases];
  }
  // A code IANA never registered but RFC 2543 or real stacks use (e.g. 409 Conflict). A tool's
  // catch-all label (Wireshark's "Client Error - Others" for 499) is not a phrase anyone sends.
  const standing = codeStanding(code);
  if (!standing.unregistered || standing.unregistered.origin === 'tool-label') return [];
  const phrase = standing.unregistered.reasonPhrase;
  return [
    {
      label: phrase,
      kind: 'reason-phrase',
      insertText: phrase,
      snippet: false,
      sortText: sortKey(0, 0),
      detail: `reason phrase of ${code}, not registered`,
      documentation: cardFor({ kind: 'unregistered-code', standing }),
    },
  ];
}

function methodDetail(entry: MethodData): string {
  return joinDetail('request method', ref(entry), entry.registered ? '' : 'not registered');
}

/** A Request-URI to start from, per method: REGISTER addresses a domain, the rest a user. */
function requestUriFor(method: string): string {
  return method === 'REGISTER' ? 'sip:example.com' : 'sip:bob@example.com';
}

function methodEntries(insert: (entry: MethodData) => { text: string; snippet: boolean }): readonly CompletionEntry[] {
  const registered = allMethods().filter((m) => m.registered);
  const unregistered = allMethods().filter((m) => !m.registered);
  return [...registered, ...unregistered].map((entry, rank) => {
    const { text, snippet } = insert(entry);
    return {
      label: entry.name,
      kind: 'method' as const,
      insertText: text,
      snippet,
      sortText: sortKey(entry.registered ? 0 : 1, rank),
      detail: methodDetail(entry),
      documentation: cardFor({ kind: 'method', entry }),
    };
  });
}

/** Method names as they are (Allow values, or a method replaced on an existing request line). */
export const methodNameEntries = lazy(() => methodEntries((entry) => ({ text: entry.name, snippet: false })));

/** Methods on an empty line: the whole request line, with the Request-URI as a placeholder. */
export const requestLineEntries = lazy(() =>
  methodEntries((entry) => ({ text: `${entry.name} \${1:${requestUriFor(entry.name)}} SIP/2.0$0`, snippet: true })),
);

export interface HeaderEntry {
  /** Lower-case registry name of the header the entry writes (full or compact form). */
  readonly key: string;
  readonly entry: CompletionEntry;
}

/** Registered current headers sort first, then compact forms, then deprecated and unregistered ones. */
function headerGroup(header: HeaderData, compact: boolean): number {
  if (!header.registered || header.status !== 'current') return 2;
  return compact ? 1 : 0;
}

function headerDetail(header: HeaderData, compact: boolean): string {
  const standing = !header.registered ? 'not registered' : header.status === 'current' ? '' : header.status;
  return joinDetail(compact ? `compact form of ${header.name}` : 'header', standing, ref(header));
}

function headerEntries(withColon: boolean): readonly HeaderEntry[] {
  const seenNames = new Set<string>();
  const seenCompact = new Set<string>();
  const rows: { header: HeaderData; compact: boolean; label: string }[] = [];
  // The tables list the authoritative entry first (a registered header before an unregistered copy).
  for (const header of allHeaders()) {
    const key = header.name.toLowerCase();
    if (seenNames.has(key)) continue;
    seenNames.add(key);
    rows.push({ header, compact: false, label: header.name });
    if (header.compactForm && !seenCompact.has(header.compactForm)) {
      seenCompact.add(header.compactForm);
      rows.push({ header, compact: true, label: `${header.compactForm} (${header.name})` });
    }
  }
  const ordered = rows
    .map((row) => ({ ...row, group: headerGroup(row.header, row.compact) }))
    .sort((a, b) => a.group - b.group || a.label.toLowerCase().localeCompare(b.label.toLowerCase()));
  return ordered.map(({ header, compact, label, group }, rank) => {
    const name = compact && header.compactForm ? header.compactForm : header.name;
    return {
      key: header.name.toLowerCase(),
      entry: {
        label,
        kind: 'header' as const,
        insertText: withColon ? name : `${name}: $0`,
        snippet: !withColon,
        ...(compact ? { filterText: name } : {}),
        sortText: sortKey(group, rank),
        detail: headerDetail(header, compact),
        documentation: cardFor({ kind: 'header', entry: header }),
      },
    };
  });
}

/** Header names inserted as "Name: $0" (the line has no colon yet). */
export const headerSnippetEntries = lazy(() => headerEntries(false));
/** Header names alone (the line already has its colon). */
export const headerNameEntries = lazy(() => headerEntries(true));

export const optionTagEntries = lazy((): readonly CompletionEntry[] =>
  allOptionTags().map((entry, rank) => ({
    label: entry.name,
    kind: 'option-tag' as const,
    insertText: entry.name,
    snippet: false,
    sortText: sortKey(0, rank),
    detail: joinDetail('option tag', ref(entry)),
    documentation: cardFor({ kind: 'option-tag', entry }),
  })),
);

export const eventPackageEntries = lazy((): readonly CompletionEntry[] =>
  allEventPackages().map((entry, rank) => ({
    label: entry.name,
    kind: 'event-package' as const,
    insertText: entry.name,
    snippet: false,
    sortText: sortKey(entry.registered ? 0 : 1, rank),
    detail: joinDetail(entry.type === 'template' ? 'event template package' : 'event package', ref(entry), entry.registered ? '' : 'not registered'),
    documentation: cardFor({ kind: 'event-package', entry }),
  })),
);

/** Reason values: the Q.850 causes gateways send, then SIP status codes as causes (RFC 3326). */
export const reasonCauseEntries = lazy((): readonly CompletionEntry[] => {
  const q850 = [...allQ850Causes()]
    .sort((a, b) => a.cause - b.cause)
    .map((entry, rank): CompletionEntry => {
      const label = `Q.850;cause=${entry.cause};text="${entry.name}"`;
      const sip = entry.sipResponse === null ? undefined : lookupCode(entry.sipResponse);
      const mapping = entry.sipResponse === null ? 'no SIP error response' : `maps to ${entry.sipResponse}${sip ? ` ${sip.reasonPhrase}` : ''}`;
      return {
        label,
        kind: 'q850-cause',
        insertText: label,
        snippet: false,
        filterText: `Q.850;cause=${entry.cause} ${entry.name}`,
        sortText: sortKey(0, rank),
        detail: `Q.850 cause ${entry.cause}, ${mapping} (RFC 3398 §7.2.4.1)`,
        documentation: cardFor({ kind: 'q850-cause', entry }),
      };
    });
  // Only final codes: a Reason says why a request or call ended, which no provisional code does.
  const sip = [...allResponseCodes()]
    .filter((entry) => entry.final)
    .sort((a, b) => a.code - b.code)
    .map((entry, rank): CompletionEntry => {
      const label = `SIP;cause=${entry.code};text="${entry.reasonPhrase}"`;
      return {
        label,
        kind: 'status-code',
        insertText: label,
        snippet: false,
        filterText: `SIP;cause=${entry.code} ${entry.reasonPhrase}`,
        sortText: sortKey(1, rank),
        detail: joinDetail(`SIP cause, ${classLabel(entry.code)}`, ref(entry)),
        documentation: cardFor({ kind: 'response-code', entry }),
      };
    });
  return [...q850, ...sip];
});
