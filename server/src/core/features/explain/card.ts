/**
 * The "card" for one registry topic: the same facts, in the same order, whether the CLI prints them
 * as text or the language server renders them as markdown in a hover. Only the renderers differ.
 */
import { allResponseCodes, lookupCode, lookupHeaderUsage, lookupReasonPhrase } from '../../registry/lookup';
import { formatReference, Q850_MAPPING, referenceUrl, UNKNOWN_CODE_RULE } from '../../registry/reference';
import type { HeaderRequirement, HeaderUsageRow, Reference } from '../../registry/types';
import type { Topic } from './topic';

export interface CardSection {
  /** Omitted for the lead paragraph. */
  readonly heading?: string;
  readonly text: string;
}

export interface CardTable {
  readonly heading: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Card {
  /** e.g. "486 Busy Here". */
  readonly title: string;
  /** Short facts after the title, e.g. ["4xx Client Failure", "final"]. */
  readonly facts: readonly string[];
  readonly reference?: { readonly text: string; readonly url?: string };
  readonly sections: readonly CardSection[];
  readonly tables: readonly CardTable[];
}

const CLASS_NAMES: Readonly<Record<number, string>> = {
  1: 'Provisional',
  2: 'Success',
  3: 'Redirection',
  4: 'Client Failure',
  5: 'Server Failure',
  6: 'Global Failure',
};

function referenceOf(ref: Reference): Card['reference'] {
  if (ref.rfc === '') return undefined;
  const seeAlso = ref.seeAlso && ref.seeAlso.length > 0 ? ` (see also ${ref.seeAlso.map((rfc) => formatReference({ rfc, section: '' })).join(', ')})` : '';
  const url = referenceUrl(ref);
  return { text: formatReference(ref) + seeAlso, ...(url ? { url } : {}) };
}

function requirementTable(heading: string, requirements: readonly HeaderRequirement[]): CardTable[] {
  if (requirements.length === 0) return [];
  return [
    {
      heading,
      columns: ['level', 'header', 'rule', 'when'],
      rows: requirements.map((r) => [r.level.toUpperCase(), r.header, formatReference(r), r.note ?? '']),
    },
  ];
}

function usageTable(rows: readonly HeaderUsageRow[]): CardTable[] {
  if (rows.length === 0) return [];
  return [
    {
      heading: 'Where it may appear (RFC 3261 Tables 2 and 3: m mandatory, m* should, o optional, c conditional, t stream transports, * with a body, - not applicable)',
      columns: ['where', 'proxy', 'ACK', 'BYE', 'CANCEL', 'INVITE', 'OPTIONS', 'REGISTER'],
      rows: rows.map((r) => [r.where || 'any', r.proxy || '', r.ACK, r.BYE, r.CANCEL, r.INVITE, r.OPTIONS, r.REGISTER]),
    },
  ];
}

function ownerOf(phrase: string): string {
  const owner = lookupReasonPhrase(phrase)[0];
  return owner ? ` (that is ${owner.entry.code} ${owner.entry.reasonPhrase})` : '';
}

function classLabel(code: number): string {
  const digit = Math.floor(code / 100);
  return `${digit}xx ${CLASS_NAMES[digit] ?? ''}`.trim();
}

export function cardFor(topic: Topic): Card {
  switch (topic.kind) {
    case 'response-code': {
      const e = topic.entry;
      const sections: CardSection[] = [{ text: e.description }, { heading: 'What to do', text: e.action }];
      if (e.statusNote) sections.push({ heading: e.status === 'current' ? 'Note' : `Status: ${e.status}`, text: e.statusNote });
      if (e.aliases.length > 0) sections.push({ heading: 'Also sent as', text: e.aliases.map((a) => `"${a}"`).join(', ') });
      if (e.misusedPhrases.length > 0) {
        sections.push({ heading: 'Not to be confused with', text: e.misusedPhrases.map((p) => `"${p}"${ownerOf(p)}`).join(', ') + ': some stacks send it with this code by mistake.' });
      }
      return {
        title: `${e.code} ${e.reasonPhrase}`,
        facts: [classLabel(e.code), ...(e.final ? ['final'] : []), ...(e.status === 'current' ? [] : [e.status])],
        reference: referenceOf(e),
        sections,
        tables: requirementTable('Headers it carries', e.headers),
      };
    }
    case 'unregistered-code': {
      const s = topic.standing;
      const treatedAs = s.treatedAs !== undefined ? lookupCode(s.treatedAs) : undefined;
      const sections: CardSection[] = [];
      if (s.unregistered) sections.push({ text: s.unregistered.description });
      if (treatedAs) {
        sections.push({ heading: 'How receivers treat it', text: `Not in the IANA registry: a receiver that does not know it handles it as ${treatedAs.code} ${treatedAs.reasonPhrase} (RFC 3261 §8.1.3.2).` });
      }
      return {
        title: s.unregistered ? `${s.code} ${s.unregistered.reasonPhrase}` : String(s.code),
        facts: [classLabel(s.code), s.code >= 200 ? 'final' : 'provisional', 'not registered'],
        reference: { text: formatReference(UNKNOWN_CODE_RULE), url: referenceUrl(UNKNOWN_CODE_RULE) },
        sections,
        tables: [],
      };
    }
    case 'response-class': {
      const e = topic.entry;
      const codes = allResponseCodes().filter((c) => c.class === e.class);
      return {
        title: `${e.class}xx ${e.name}`,
        facts: [e.class === 1 ? 'provisional' : 'final', `${codes.length} registered codes`],
        reference: referenceOf(e),
        sections: [{ text: e.description }, { heading: 'Unknown codes of this class', text: e.unknownCodeRule }],
        tables: [{ heading: 'Registered codes', columns: ['code', 'reason phrase', 'reference'], rows: codes.map((c) => [String(c.code), c.reasonPhrase, formatReference(c)]) }],
      };
    }
    case 'method': {
      const e = topic.entry;
      const dialog = e.createsDialog === 'yes' ? 'creates a dialog' : e.createsDialog === 'conditional' ? 'may create a dialog' : 'no dialog';
      return {
        title: e.name,
        facts: ['request method', dialog, ...(e.registered ? [] : ['not registered'])],
        reference: referenceOf(e),
        sections: [{ text: e.description }],
        tables: requirementTable('Headers it needs (besides To, From, CSeq, Call-ID, Max-Forwards and Via)', e.requiredHeaders),
      };
    }
    case 'header': {
      const e = topic.entry;
      const facts = [
        e.compactForm ? `compact form ${e.compactForm}` : 'no compact form',
        e.multiplicity === 'single' ? 'single value' : e.multiplicity === 'list' ? 'comma-separated list' : 'repeatable, never comma-combined',
        e.registered ? (e.status === 'current' ? 'registered' : e.status) : 'not registered',
      ];
      const sections: CardSection[] = [{ text: e.description }];
      if (e.statusNote) sections.push({ heading: `Status: ${e.status}`, text: e.statusNote });
      return { title: e.name, facts, reference: referenceOf(e), sections, tables: usageTable(lookupHeaderUsage(e.name)) };
    }
    case 'option-tag':
      return { title: topic.entry.name, facts: ['option tag', 'Supported / Require / Proxy-Require / Unsupported'], reference: referenceOf(topic.entry), sections: [{ text: topic.entry.description }], tables: [] };
    case 'event-package': {
      const e = topic.entry;
      return {
        title: e.name,
        facts: [e.type === 'template' ? 'event template package' : 'event package', 'Event / Allow-Events', ...(e.registered ? [] : ['not registered'])],
        reference: referenceOf(e),
        sections: [{ text: e.description }],
        tables: [],
      };
    }
    case 'warning-code':
      return { title: `${topic.entry.code} ${topic.entry.text}`, facts: ['warn-code', 'Warning header'], reference: referenceOf(topic.entry), sections: [{ text: topic.entry.description }], tables: [] };
    case 'q850-cause': {
      const e = topic.entry;
      const sip = e.sipResponse === null ? undefined : lookupCode(e.sipResponse);
      const mapping =
        e.sipResponse === null
          ? 'Not mapped to an error response: a gateway ends the call normally with BYE (or CANCEL before answer).'
          : `A gateway maps it to ${e.sipResponse}${sip ? ` ${sip.reasonPhrase}` : ''}${e.mappedExplicitly ? '' : ' (RFC 3398 has no row for it; this is the default for its class)'}.`;
      return {
        title: `Q.850 cause ${e.cause}: ${e.name}`,
        facts: ['ITU-T Q.850 cause value', 'Reason: Q.850;cause=' + e.cause],
        reference: { text: formatReference(Q850_MAPPING), url: referenceUrl(Q850_MAPPING) },
        sections: [{ text: e.description }, { heading: 'SIP response', text: mapping }],
        tables: [],
      };
    }
    case 'reason-protocol':
      return { title: topic.entry.name, facts: ['Reason header protocol'], reference: referenceOf(topic.entry), sections: [{ text: topic.entry.description }], tables: [] };
    case 'uri-parameter': {
      const e = topic.entry;
      return {
        title: e.name,
        facts: ['SIP URI parameter', `predefined values: ${e.predefinedValues || 'no'}`],
        reference: referenceOf(e),
        sections: [{ text: e.description }],
        tables: [],
      };
    }
  }
}
