/**
 * The shape of every registry table. The tables themselves live in `data/` and are plain typed
 * literals: facts and our own prose, no logic. Features never import `data/` directly; they go
 * through `lookup.ts`, so the tables can change shape without touching a feature.
 */

/** Where a fact comes from: an RFC (e.g. "RFC3261") or another spec (e.g. "3GPP TS 24.229"), and a section if one applies. */
export interface Reference {
  readonly rfc: string;
  /** Section number without the "§", e.g. "21.4.24". Empty when the whole document is the reference. */
  readonly section: string;
  /** Further documents IANA lists for the same entry (e.g. Event: RFC6665 and RFC6446). */
  readonly seeAlso?: readonly string[];
}

/** Registration state as IANA records it. `reserved` codes are registered but have no defined use yet. */
export type RegistryStatus = 'current' | 'deprecated' | 'reserved';

/** How strongly a message is expected to carry a header, in RFC 2119 terms. */
export type RequirementLevel = 'must' | 'should' | 'may';

/** "A message of this kind carries header X", with the rule's source. */
export interface HeaderRequirement extends Reference {
  readonly header: string;
  readonly level: RequirementLevel;
  /** Short qualifier in our own words, e.g. "when the request was a SUBSCRIBE". */
  readonly note?: string;
}

export interface ResponseCodeData extends Reference {
  readonly code: number;
  /** The phrase IANA registers. */
  readonly reasonPhrase: string;
  /** Other phrases real stacks or older RFCs use for this same code; never flagged. */
  readonly aliases: readonly string[];
  /** Phrases seen on the wire for this code that actually belong to another code or are stack bugs. */
  readonly misusedPhrases: readonly string[];
  readonly status: RegistryStatus;
  /** Why the status is not plain `current`, or another caveat worth showing. */
  readonly statusNote?: string;
  /** What the code means and who sends it: 2-4 sentences. */
  readonly description: string;
  /** What the receiver should do next (retry, where, when). */
  readonly action: string;
  /** Headers this response must, should or may carry. */
  readonly headers: readonly HeaderRequirement[];
}

/** A response code that is not IANA-registered but appears in older RFCs or real stacks. */
/**
 * Where an unregistered code comes from: RFC 2543 (dropped by RFC 3261), a stack's own phrase table or
 * internal status, or a tool's catch-all label for unknown codes of a class (never sent by anyone).
 */
export type UnregisteredCodeOrigin = 'rfc2543' | 'stack' | 'tool-label';

export interface UnregisteredResponseCodeData {
  readonly code: number;
  readonly reasonPhrase: string;
  readonly origin: UnregisteredCodeOrigin;
  readonly description: string;
}

export type ResponseClass = 1 | 2 | 3 | 4 | 5 | 6;

export interface ResponseClassData extends Reference {
  readonly class: ResponseClass;
  /** Short name, e.g. "Client Failure". */
  readonly name: string;
  readonly description: string;
  /** How a UAC treats an unknown code of this class (RFC 3261 §8.1.3.2). */
  readonly unknownCodeRule: string;
}

/** Whether a method starts a dialog; `conditional` for NOTIFY, which does so only when it arrives before the 2xx to its SUBSCRIBE. */
export type DialogCreation = 'yes' | 'no' | 'conditional';

export interface MethodData extends Reference {
  readonly name: string;
  readonly registered: boolean;
  readonly description: string;
  readonly createsDialog: DialogCreation;
  /** Headers this request needs beyond the six every request carries. */
  readonly requiredHeaders: readonly HeaderRequirement[];
}

/**
 * `single`: at most one value; `list`: comma-separated values, may repeat as rows;
 * `repeatable`: may repeat as rows but never be comma-combined (the auth headers, RFC 3261 §7.3.1).
 */
export type HeaderMultiplicity = 'single' | 'list' | 'repeatable';

export interface HeaderData extends Reference {
  readonly name: string;
  /** The one-letter compact form, lower case, if the header has one. */
  readonly compactForm?: string;
  readonly registered: boolean;
  readonly status: RegistryStatus;
  readonly statusNote?: string;
  readonly multiplicity: HeaderMultiplicity;
  readonly description: string;
}

/**
 * One row of RFC 3261 Tables 2 and 3. Cell legend (RFC 3261 §20): m mandatory, m* should send,
 * o optional, c conditional, t mandatory over streams, * needed if the body is not empty, - not applicable.
 */
export interface HeaderUsageRow {
  readonly header: string;
  /** R request, r response, c copied from request to response, a code or code range, or empty for "anywhere". */
  readonly where: string;
  /** Proxy behaviour letters: a add, m modify, d delete, r must read. */
  readonly proxy: string;
  readonly ACK: string;
  readonly BYE: string;
  readonly CANCEL: string;
  readonly INVITE: string;
  readonly OPTIONS: string;
  readonly REGISTER: string;
  readonly table: 2 | 3;
}

export interface OptionTagData extends Reference {
  readonly name: string;
  readonly description: string;
}

export interface EventPackageData extends Reference {
  readonly name: string;
  /** `template` packages (e.g. winfo) combine with another package as `pkg.template`. */
  readonly type: 'package' | 'template';
  readonly registered: boolean;
  readonly description: string;
}

export interface WarningCodeData extends Reference {
  readonly code: number;
  /** The warn-text IANA registers. */
  readonly text: string;
  readonly description: string;
}

export interface UriParameterData extends Reference {
  readonly name: string;
  /** Whether the parameter has a predefined set of values, and which when IANA lists them. */
  readonly predefinedValues: string;
  readonly description: string;
}

export interface ReasonProtocolData extends Reference {
  /** The protocol token used in `Reason: <protocol>;cause=...`. */
  readonly name: string;
  readonly description: string;
}

/** An ITU-T Q.850 cause value as SIP gateways put it in `Reason: Q.850;cause=N`. */
export interface Q850CauseData {
  readonly cause: number;
  readonly name: string;
  readonly description: string;
  /**
   * The SIP response RFC 3398 §7.2.4.1 maps this cause to. Null when there is none: for 16 (normal
   * clearing, which ends the call with BYE or CANCEL; `mappedExplicitly` true) and for causes whose
   * class has no mapping at all (`mappedExplicitly` false).
   */
  readonly sipResponse: number | null;
  /** True when RFC 3398's table lists the cause; false when the value follows Q.850's class "unspecified" cause. */
  readonly mappedExplicitly: boolean;
}

/** A value from one of the smaller IANA SIP registries (Privacy values, security mechanisms, ...). */
export interface OtherRegistryValue {
  readonly registry: string;
  readonly value: string;
  readonly reference: string;
}

/** A media type SIP bodies carry (Content-Type), with the RFC that defines it. */
export interface MediaTypeData extends Reference {
  /** `type/subtype`, lower case. */
  readonly type: string;
  readonly description: string;
}

export interface SubscriptionStateData {
  readonly value: string;
  readonly description: string;
}
