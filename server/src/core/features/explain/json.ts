/**
 * The machine-readable form of a topic for `sipls explain --json`. Every object has the same keys
 * whatever its kind (null or [] where a key does not apply), so scripts can rely on the shape.
 */
import { formatReference, Q850_MAPPING, referenceUrl, UNKNOWN_CODE_RULE } from '../../registry/reference';
import type { HeaderRequirement } from '../../registry/types';
import type { Topic } from './topic';

export interface TopicJson {
  readonly kind: Topic['kind'];
  readonly code: number | null;
  readonly name: string | null;
  readonly reasonPhrase: string | null;
  readonly aliases: readonly string[];
  readonly class: string | null;
  readonly final: boolean | null;
  readonly registered: boolean;
  readonly rfc: string | null;
  readonly section: string | null;
  readonly reference: string | null;
  readonly url: string | null;
  readonly status: string | null;
  readonly statusNote: string | null;
  readonly description: string;
  readonly action: string | null;
  readonly headers: readonly HeaderRequirementJson[];
  readonly compactForm: string | null;
  /** Kind-specific facts (multiplicity, dialog creation, SIP mapping, ...), flat and JSON-safe. */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export interface HeaderRequirementJson {
  readonly header: string;
  readonly level: string;
  readonly rfc: string;
  readonly section: string;
  readonly note: string | null;
}

/** Every key, in the documented order, with its "does not apply" value; each kind fills in its own. */
function emptyJson(kind: Topic['kind']): TopicJson {
  return {
    kind,
    code: null,
    name: null,
    reasonPhrase: null,
    aliases: [],
    class: null,
    final: null,
    registered: true,
    rfc: null,
    section: null,
    reference: null,
    url: null,
    status: null,
    statusNote: null,
    description: '',
    action: null,
    headers: [],
    compactForm: null,
    details: {},
  };
}

function requirements(list: readonly HeaderRequirement[]): HeaderRequirementJson[] {
  return list.map((r) => ({ header: r.header, level: r.level, rfc: r.rfc, section: r.section, note: r.note ?? null }));
}

function ref(rfc: string, section: string): Pick<TopicJson, 'rfc' | 'section' | 'reference' | 'url'> {
  if (rfc === '') return { rfc: null, section: null, reference: null, url: null };
  return { rfc, section: section || null, reference: formatReference({ rfc, section }), url: referenceUrl({ rfc, section }) ?? null };
}

export function topicJson(topic: Topic): TopicJson {
  switch (topic.kind) {
    case 'response-code': {
      const e = topic.entry;
      return {
        ...emptyJson(topic.kind),
        code: e.code,
        reasonPhrase: e.reasonPhrase,
        aliases: e.aliases,
        class: `${e.class}xx`,
        final: e.final,
        ...ref(e.rfc, e.section),
        status: e.status,
        statusNote: e.statusNote ?? null,
        description: e.description,
        action: e.action,
        headers: requirements(e.headers),
        details: { misusedPhrases: e.misusedPhrases.join(' | ') || null },
      };
    }
    case 'unregistered-code': {
      const s = topic.standing;
      return {
        ...emptyJson(topic.kind),
        code: s.code,
        reasonPhrase: s.unregistered?.reasonPhrase ?? null,
        class: `${Math.floor(s.code / 100)}xx`,
        final: s.code >= 200,
        registered: false,
        ...ref(UNKNOWN_CODE_RULE.rfc, UNKNOWN_CODE_RULE.section),
        description: s.unregistered?.description ?? '',
        details: { treatedAs: s.treatedAs ?? null },
      };
    }
    case 'response-class':
      return {
        ...emptyJson(topic.kind),
        name: `${topic.entry.class}xx`,
        class: `${topic.entry.class}xx`,
        final: topic.entry.class !== 1,
        ...ref(topic.entry.rfc, topic.entry.section),
        description: topic.entry.description,
        details: { title: topic.entry.name, unknownCodeRule: topic.entry.unknownCodeRule },
      };
    case 'method': {
      const e = topic.entry;
      return {
        ...emptyJson(topic.kind),
        name: e.name,
        registered: e.registered,
        ...ref(e.rfc, e.section),
        description: e.description,
        headers: requirements(e.requiredHeaders),
        details: { createsDialog: e.createsDialog },
      };
    }
    case 'header': {
      const e = topic.entry;
      return {
        ...emptyJson(topic.kind),
        name: e.name,
        registered: e.registered,
        ...ref(e.rfc, e.section),
        status: e.status,
        statusNote: e.statusNote ?? null,
        description: e.description,
        compactForm: e.compactForm ?? null,
        details: { multiplicity: e.multiplicity, seeAlso: e.seeAlso?.join(' | ') ?? null },
      };
    }
    case 'option-tag':
      return { ...emptyJson(topic.kind), name: topic.entry.name, ...ref(topic.entry.rfc, topic.entry.section), description: topic.entry.description };
    case 'event-package':
      return {
        ...emptyJson(topic.kind),
        name: topic.entry.name,
        registered: topic.entry.registered,
        ...ref(topic.entry.rfc, topic.entry.section),
        description: topic.entry.description,
        details: { type: topic.entry.type },
      };
    case 'warning-code':
      return { ...emptyJson(topic.kind), code: topic.entry.code, name: topic.entry.text, ...ref(topic.entry.rfc, topic.entry.section), description: topic.entry.description };
    case 'q850-cause':
      return {
        ...emptyJson(topic.kind),
        code: topic.entry.cause,
        name: topic.entry.name,
        ...ref(Q850_MAPPING.rfc, Q850_MAPPING.section),
        description: topic.entry.description,
        details: { sipResponse: topic.entry.sipResponse, mappedExplicitly: topic.entry.mappedExplicitly },
      };
    case 'reason-protocol':
      return { ...emptyJson(topic.kind), name: topic.entry.name, ...ref(topic.entry.rfc, topic.entry.section), description: topic.entry.description };
    case 'uri-parameter':
      return {
        ...emptyJson(topic.kind),
        name: topic.entry.name,
        ...ref(topic.entry.rfc, topic.entry.section),
        description: topic.entry.description,
        details: { predefinedValues: topic.entry.predefinedValues },
      };
  }
}
