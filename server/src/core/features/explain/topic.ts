/**
 * A "topic" is one registry entry a person can ask about: `sipls explain 486`, and later a hover on
 * `486` in a message. Resolving free text to topics lives here so the CLI and the editor agree on
 * what "busy here", "v" or "q850:16" mean.
 */
import {
  codeStanding,
  lookupClass,
  lookupEventPackage,
  lookupHeader,
  lookupMethod,
  lookupOptionTag,
  lookupQ850Cause,
  lookupReasonPhrase,
  lookupReasonProtocol,
  lookupUriParameter,
  lookupWarningCode,
  type CodeStanding,
  type ResponseCode,
} from '../../registry/lookup';
import type {
  EventPackageData,
  HeaderData,
  MethodData,
  OptionTagData,
  Q850CauseData,
  ReasonProtocolData,
  ResponseClassData,
  UriParameterData,
  WarningCodeData,
} from '../../registry/types';

export type Topic =
  | { readonly kind: 'response-code'; readonly entry: ResponseCode }
  /** A three-digit code in 100-699 that IANA does not register (maybe known from RFC 2543 or a stack). */
  | { readonly kind: 'unregistered-code'; readonly standing: CodeStanding }
  | { readonly kind: 'response-class'; readonly entry: ResponseClassData }
  | { readonly kind: 'method'; readonly entry: MethodData }
  | { readonly kind: 'header'; readonly entry: HeaderData }
  | { readonly kind: 'option-tag'; readonly entry: OptionTagData }
  | { readonly kind: 'event-package'; readonly entry: EventPackageData }
  | { readonly kind: 'warning-code'; readonly entry: WarningCodeData }
  | { readonly kind: 'q850-cause'; readonly entry: Q850CauseData }
  | { readonly kind: 'reason-protocol'; readonly entry: ReasonProtocolData }
  | { readonly kind: 'uri-parameter'; readonly entry: UriParameterData };

export type TopicKind = Topic['kind'];

const CLASS_TOPIC = /^([1-6])xx$/i;
const Q850_TOPIC = /^q\.?850\s*[:=\s]\s*(\d{1,3})$/i;
const THREE_DIGITS = /^\d{3}$/;

/**
 * Every registry entry the text could name, most specific first: a number is a status code before
 * it is a warning code, a word is a method before it is a header, option tag or event package.
 * Returns [] for text the registry does not know.
 */
export function resolveTopic(text: string): readonly Topic[] {
  const query = text.trim();
  if (query === '') return [];
  const topics: Topic[] = [];

  const cls = CLASS_TOPIC.exec(query);
  if (cls) {
    const entry = lookupClass(Number(cls[1]));
    if (entry) topics.push({ kind: 'response-class', entry });
    return topics;
  }
  const q850 = Q850_TOPIC.exec(query);
  if (q850) {
    const entry = lookupQ850Cause(q850[1]);
    if (entry) topics.push({ kind: 'q850-cause', entry });
    return topics;
  }

  if (THREE_DIGITS.test(query)) {
    // A registered status code first, then a warning code, and only then an unregistered code: "399"
    // is far more often the Warning code than Wireshark's "399 Redirection - Others" label.
    const standing = codeStanding(Number(query));
    if (standing.registered) topics.push({ kind: 'response-code', entry: standing.registered });
    const warning = lookupWarningCode(query);
    if (warning) topics.push({ kind: 'warning-code', entry: warning });
    if (standing.unregistered) topics.push({ kind: 'unregistered-code', standing });
  }

  const method = lookupMethod(query);
  if (method) topics.push({ kind: 'method', entry: method });
  const header = lookupHeader(query);
  if (header) topics.push({ kind: 'header', entry: header });
  const tag = lookupOptionTag(query);
  if (tag) topics.push({ kind: 'option-tag', entry: tag });
  const pkg = lookupEventPackage(query);
  if (pkg) topics.push({ kind: 'event-package', entry: pkg });
  for (const match of lookupReasonPhrase(query)) {
    if (!topics.some((t) => t.kind === 'response-code' && t.entry.code === match.entry.code)) {
      topics.push({ kind: 'response-code', entry: match.entry });
    }
  }
  const protocol = lookupReasonProtocol(query);
  if (protocol) topics.push({ kind: 'reason-protocol', entry: protocol });
  const parameter = lookupUriParameter(query);
  if (parameter) topics.push({ kind: 'uri-parameter', entry: parameter });
  return topics;
}

/**
 * For text that resolves to nothing: what the registry can still say. A three-digit code in range
 * is still meaningful (RFC 3261 §8.1.3.2 tells a receiver how to treat it) even though no entry exists.
 */
export function unknownCodeStanding(text: string): CodeStanding | undefined {
  const query = text.trim();
  if (!THREE_DIGITS.test(query)) return undefined;
  const standing = codeStanding(Number(query));
  return standing.inRange && !standing.registered && !standing.unregistered ? standing : undefined;
}
