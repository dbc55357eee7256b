/**
 * The registry's public API. Every feature (hover, completion, validation, explain) asks here; none
 * reads the tables. Indexes are built once, on first use, so importing the registry costs nothing
 * until a lookup happens.
 */
import { TABLES } from './tables';
import { editDistance } from '../util/editDistance';
import type {
  EventPackageData,
  HeaderData,
  HeaderUsageRow,
  MediaTypeData,
  MethodData,
  OptionTagData,
  OtherRegistryValue,
  Q850CauseData,
  ReasonProtocolData,
  ResponseClass,
  ResponseClassData,
  ResponseCodeData,
  SubscriptionStateData,
  UnregisteredResponseCodeData,
  UriParameterData,
  WarningCodeData,
} from './types';

/** A registered response code with the facts that follow from its number. */
export interface ResponseCode extends ResponseCodeData {
  readonly class: ResponseClass;
  /** 1xx are provisional; everything from 200 up ends the transaction. */
  readonly final: boolean;
}

/** Everything the registry can say about a status code, registered or not. */
export interface CodeStanding {
  readonly code: number;
  /** Three digits in 100-699, the only codes RFC 3261 §7.2 / §25 allow. */
  readonly inRange: boolean;
  readonly registered?: ResponseCode;
  /** Known from RFC 2543 or real stacks but not in the IANA registry. */
  readonly unregistered?: UnregisteredResponseCodeData;
  readonly class?: ResponseClassData;
  /**
   * How a UAC that does not know the code handles it (RFC 3261 §8.1.3.2): the code itself when
   * registered, 183 for an unknown provisional code, else the x00 of the class.
   */
  readonly treatedAs?: number;
}

export interface PhraseMatch {
  readonly entry: ResponseCode;
  /** `canonical` when the phrase is the registered one, `alias` when it is an accepted alternative. */
  readonly match: 'canonical' | 'alias';
  /**
   * False when only letters and digits agree ("Request URI Too Long" for "Request-URI Too Long",
   * "SERVICE_UNAVAILABLE"): the phrase is recognisable but is neither the canonical one nor an alias.
   */
  readonly exact: boolean;
}

/** Header names starting with this prefix are private extensions (RFC 3261 has no such rule; it is convention). */
const VENDOR_PREFIX = /^x-/i;

/** Lower-case, trim and collapse inner white space, so that lookups forgive how a phrase was typed. */
export function normalizeName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Letters and digits only: the key for recognising a phrase despite odd punctuation or spacing. */
function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function indexBy<T>(rows: readonly T[], ...keys: ((row: T) => string | number | undefined)[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    for (const key of keys) {
      const value = key(row);
      if (value === undefined || value === '') continue;
      const normalized = normalizeName(String(value));
      // The first row wins: tables list the authoritative entry first (e.g. registered headers before unregistered ones).
      if (!map.has(normalized)) map.set(normalized, row);
    }
  }
  return map;
}

interface Indexes {
  readonly codes: Map<string, ResponseCode>;
  /** The same codes by number, for validation, which looks up the code of every response of a trace. */
  readonly codeByNumber: readonly (ResponseCode | undefined)[];
  readonly unregisteredCodes: Map<string, UnregisteredResponseCodeData>;
  readonly classes: Map<string, ResponseClassData>;
  readonly phrases: Map<string, PhraseMatch[]>;
  readonly loosePhrases: Map<string, PhraseMatch[]>;
  readonly methods: Map<string, MethodData>;
  /** Registered method names as written on the wire (case-sensitive): the test for every request of a trace. */
  readonly registeredMethods: ReadonlySet<string>;
  readonly headers: Map<string, HeaderData>;
  readonly headerUsage: Map<string, HeaderUsageRow[]>;
  readonly optionTags: Map<string, OptionTagData>;
  readonly eventPackages: Map<string, EventPackageData>;
  readonly warningCodes: Map<string, WarningCodeData>;
  readonly uriParameters: Map<string, UriParameterData>;
  readonly reasonProtocols: Map<string, ReasonProtocolData>;
  readonly q850Causes: Map<string, Q850CauseData>;
}

let cached: Indexes | undefined;

function withDerivedFacts(data: ResponseCodeData): ResponseCode {
  return { ...data, class: classOf(data.code) as ResponseClass, final: data.code >= 200 };
}

function buildIndexes(): Indexes {
  const codes = TABLES.responseCodes.map(withDerivedFacts);
  const phrases = new Map<string, PhraseMatch[]>();
  const loosePhrases = new Map<string, PhraseMatch[]>();
  const addTo = (map: Map<string, PhraseMatch[]>, key: string, match: PhraseMatch): void => {
    const list = map.get(key) ?? [];
    if (!list.some((existing) => existing.entry.code === match.entry.code)) list.push(match);
    map.set(key, list);
  };
  const addPhrase = (phrase: string, entry: ResponseCode, match: PhraseMatch['match']): void => {
    addTo(phrases, normalizeName(phrase), { entry, match, exact: true });
    addTo(loosePhrases, looseKey(phrase), { entry, match, exact: false });
  };
  // Canonical phrases first, so that for a phrase two codes share ("Not Acceptable": 406 and 606;
  // "Precondition Failed": an alias of 412 and 580) the registered owners come before alias owners.
  for (const entry of codes) addPhrase(entry.reasonPhrase, entry, 'canonical');
  for (const entry of codes) for (const alias of entry.aliases) addPhrase(alias, entry, 'alias');

  const headerUsage = new Map<string, HeaderUsageRow[]>();
  for (const row of TABLES.headerUsage) {
    const key = normalizeName(row.header);
    headerUsage.set(key, [...(headerUsage.get(key) ?? []), row]);
  }

  const codeByNumber: (ResponseCode | undefined)[] = new Array<ResponseCode | undefined>(1000).fill(undefined);
  for (const entry of codes) if (entry.code >= 0 && entry.code < 1000) codeByNumber[entry.code] ??= entry;
  const methods = indexBy(TABLES.methods, (m) => m.name);
  return {
    codes: indexBy(codes, (c) => c.code),
    codeByNumber,
    unregisteredCodes: indexBy(TABLES.unregisteredResponseCodes, (c) => c.code),
    classes: indexBy(TABLES.responseClasses, (c) => c.class),
    phrases,
    loosePhrases,
    methods,
    registeredMethods: new Set([...methods.values()].filter((m) => m.registered).map((m) => m.name)),
    headers: indexBy(TABLES.headers, (h) => h.name, (h) => h.compactForm),
    headerUsage,
    optionTags: indexBy(TABLES.optionTags, (t) => t.name),
    eventPackages: indexBy(TABLES.eventPackages, (e) => e.name),
    warningCodes: indexBy(TABLES.warningCodes, (w) => w.code),
    uriParameters: indexBy(TABLES.uriParameters, (p) => p.name),
    reasonProtocols: indexBy(TABLES.reasonProtocols, (p) => p.name),
    q850Causes: indexBy(TABLES.q850Causes, (c) => c.cause),
  };
}

function indexes(): Indexes {
  cached ??= buildIndexes();
  return cached;
}

/** The class digit of a code (4 for 486); meaningful only for 100-699. */
export function classOf(code: number): number {
  return Math.floor(code / 100);
}

function parseCode(code: number | string): number | undefined {
  if (typeof code === 'number') return Number.isInteger(code) ? code : undefined;
  const trimmed = code.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** A registered response code, by number ("486" or 486). */
export function lookupCode(code: number | string): ResponseCode | undefined {
  if (typeof code === 'number' && Number.isInteger(code) && code >= 0 && code < 1000) return indexes().codeByNumber[code];
  const n = parseCode(code);
  return n === undefined ? undefined : indexes().codes.get(String(n));
}

/** A code from RFC 2543 or a real stack that IANA never registered (e.g. 409 Conflict). */
export function lookupUnregisteredCode(code: number | string): UnregisteredResponseCodeData | undefined {
  const n = parseCode(code);
  return n === undefined ? undefined : indexes().unregisteredCodes.get(String(n));
}

/** A response class by its digit (4) or by any code in it (486). */
export function lookupClass(classOrCode: number): ResponseClassData | undefined {
  const digit = classOrCode >= 100 ? classOf(classOrCode) : classOrCode;
  return indexes().classes.get(String(digit));
}

/** Registered or not, in range or not: what a code on the wire means to a receiver. */
export function codeStanding(code: number): CodeStanding {
  const inRange = Number.isInteger(code) && code >= 100 && code <= 699;
  if (!inRange) return { code, inRange };
  const registered = lookupCode(code);
  const unregistered = registered ? undefined : lookupUnregisteredCode(code);
  const cls = lookupClass(code);
  const treatedAs = registered ? code : code < 200 ? 183 : classOf(code) * 100;
  return { code, inRange, class: cls, treatedAs, ...(registered ? { registered } : {}), ...(unregistered ? { unregistered } : {}) };
}

/**
 * The codes a reason phrase belongs to, canonical owners first. An exact match ignores only case and
 * runs of white space ("Request Time-out" is an alias in its own right, not a spelling of "Request
 * Timeout"). When nothing matches exactly, phrases that agree in letters and digits are returned
 * with `exact: false`, so "Request URI Too Long" still points at 414.
 */
export function lookupReasonPhrase(phrase: string): readonly PhraseMatch[] {
  const { phrases, loosePhrases } = indexes();
  return phrases.get(normalizeName(phrase)) ?? loosePhrases.get(looseKey(phrase)) ?? [];
}

/** Whether `name` is a registered method exactly as written: lookupMethod(name) finds it, registered, under that very name. */
export function isRegisteredMethod(name: string): boolean {
  return indexes().registeredMethods.has(name);
}

/**
 * A method by name. SIP methods are case-sensitive on the wire (RFC 3261 §7.1), but a lookup is for
 * people: "invite" finds INVITE, and callers that care compare `entry.name` with what was written.
 */
export function lookupMethod(name: string): MethodData | undefined {
  return indexes().methods.get(normalizeName(name));
}

/**
 * A header by full name or compact form, case-insensitively (RFC 3261 §7.3.1, §7.3.3). An unknown
 * `X-` header gets a generic unregistered entry, because vendors use that prefix for private data.
 */
export function lookupHeader(name: string): HeaderData | undefined {
  const found = indexes().headers.get(normalizeName(name));
  if (found) return found;
  const trimmed = name.trim();
  if (VENDOR_PREFIX.test(trimmed) && /^[!%'*+\-.\w`~]+$/.test(trimmed)) {
    return {
      name: trimmed,
      registered: false,
      status: 'current',
      multiplicity: 'list',
      rfc: '',
      section: '',
      description:
        'A private extension header. The X- prefix marks vendor or deployment specific data (PBX call ids, ' +
        'billing tags, debugging hints); receivers that do not know it must ignore it (RFC 3261 §8.2.2).',
    };
  }
  return undefined;
}

/** The rows of RFC 3261 Tables 2 and 3 for a header (empty for headers those tables do not cover). */
export function lookupHeaderUsage(name: string): readonly HeaderUsageRow[] {
  const header = lookupHeader(name);
  return indexes().headerUsage.get(normalizeName(header?.name ?? name)) ?? [];
}

export function lookupOptionTag(name: string): OptionTagData | undefined {
  return indexes().optionTags.get(normalizeName(name));
}

/**
 * An event package. `presence.winfo` style names (package plus template, RFC 6665 §8.2.4) resolve
 * to the package; parameters such as `;id=…` are the caller's to strip.
 */
export function lookupEventPackage(name: string): EventPackageData | undefined {
  const key = normalizeName(name);
  const direct = indexes().eventPackages.get(key);
  if (direct) return direct;
  const dot = key.indexOf('.');
  return dot > 0 ? indexes().eventPackages.get(key.slice(0, dot)) : undefined;
}

export function lookupWarningCode(code: number | string): WarningCodeData | undefined {
  const n = parseCode(code);
  return n === undefined ? undefined : indexes().warningCodes.get(String(n));
}

export function lookupUriParameter(name: string): UriParameterData | undefined {
  return indexes().uriParameters.get(normalizeName(name));
}

export function lookupReasonProtocol(name: string): ReasonProtocolData | undefined {
  return indexes().reasonProtocols.get(normalizeName(name));
}

export function lookupQ850Cause(cause: number | string): Q850CauseData | undefined {
  const n = parseCode(cause);
  return n === undefined ? undefined : indexes().q850Causes.get(String(n));
}

/** Values of one of the smaller IANA registries, e.g. 'Privacy Header Field Values'. */
export function registryValues(registry: string): readonly OtherRegistryValue[] {
  return TABLES.otherRegistryValues.filter((row) => row.registry === registry);
}

/** Whole tables, in registry order, for completion lists and `sipls explain` over everything. */
export function allResponseCodes(): readonly ResponseCode[] {
  return [...indexes().codes.values()];
}
export function allResponseClasses(): readonly ResponseClassData[] {
  return TABLES.responseClasses;
}
export function allMethods(): readonly MethodData[] {
  return TABLES.methods;
}
export function allHeaders(): readonly HeaderData[] {
  return TABLES.headers;
}
export function allOptionTags(): readonly OptionTagData[] {
  return TABLES.optionTags;
}
export function allEventPackages(): readonly EventPackageData[] {
  return TABLES.eventPackages;
}
export function allWarningCodes(): readonly WarningCodeData[] {
  return TABLES.warningCodes;
}
export function allQ850Causes(): readonly Q850CauseData[] {
  return TABLES.q850Causes;
}
export function allUriParameters(): readonly UriParameterData[] {
  return TABLES.uriParameters;
}
export function allReasonProtocols(): readonly ReasonProtocolData[] {
  return TABLES.reasonProtocols;
}
export function allMediaTypes(): readonly MediaTypeData[] {
  return TABLES.mediaTypes;
}
export function allSubscriptionStates(): readonly SubscriptionStateData[] {
  return TABLES.subscriptionStates;
}

/** A media type by `type/subtype`, any case, parameters ignored (`application/SDP; charset=x`). */
export function lookupMediaType(mediaType: string): MediaTypeData | undefined {
  const bare = mediaType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return TABLES.mediaTypes.find((entry) => entry.type === bare);
}

/** One "did you mean" candidate: `topic` is what `sipls explain` accepts, `label` what to show ("Contact (header)"). */
export interface Suggestion {
  readonly topic: string;
  readonly label: string;
  readonly distance: number;
}

let suggestionPool: readonly { topic: string; label: string; key: string }[] | undefined;

function buildSuggestionPool(): readonly { topic: string; label: string; key: string }[] {
  const pool: { topic: string; label: string; key: string }[] = [];
  const add = (topic: string, label: string, key = topic): void => {
    pool.push({ topic, label, key: normalizeName(key) });
  };
  for (const c of allResponseCodes()) {
    add(String(c.code), `${c.code} ${c.reasonPhrase}`);
    add(String(c.code), `${c.code} ${c.reasonPhrase}`, c.reasonPhrase);
  }
  for (const m of allMethods()) add(m.name, `${m.name} (method)`);
  for (const h of allHeaders()) add(h.name, `${h.name} (header)`);
  for (const t of allOptionTags()) add(t.name, `${t.name} (option tag)`);
  for (const e of allEventPackages()) add(e.name, `${e.name} (event package)`);
  for (const w of allWarningCodes()) add(String(w.code), `${w.code} ${w.text} (warning)`);
  for (const q of allQ850Causes()) add(`q850:${q.cause}`, `q850:${q.cause} (${q.name})`);
  return pool;
}

/**
 * Registry entries whose names are nearest to `topic` by edit distance, best first, for "did you
 * mean" messages. Numbers are compared only with numbers, so "49" does not suggest a header.
 */
export function closest(topic: string, limit = 5): readonly Suggestion[] {
  suggestionPool ??= buildSuggestionPool();
  const key = normalizeName(topic);
  if (key === '') return [];
  const numeric = /^\d+$/.test(key);
  const budget = Math.max(2, Math.floor(key.length / 3));
  const best = new Map<string, Suggestion>();
  for (const candidate of suggestionPool) {
    if (/^\d+$/.test(candidate.key) !== numeric) continue;
    const distance = editDistance(key, candidate.key, budget);
    if (distance > budget) continue;
    const previous = best.get(candidate.label);
    if (!previous || distance < previous.distance) best.set(candidate.label, { topic: candidate.topic, label: candidate.label, distance });
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label)).slice(0, limit);
}
