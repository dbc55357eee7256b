/**
 * How a registry reference is shown to people: "RFC 3261 §21.4.24", and a link to the RFC Editor's
 * page for it. Links are only text for the reader to follow; sipls itself never fetches anything.
 */
import type { Reference } from './types';

const RFC_NAME = /^RFC\s?(\d+)$/i;

export function formatReference(ref: Pick<Reference, 'rfc' | 'section'>): string {
  if (ref.rfc === '') return 'no RFC';
  const rfc = RFC_NAME.exec(ref.rfc);
  const name = rfc ? `RFC ${rfc[1]}` : ref.rfc;
  return ref.section ? `${name} §${ref.section}` : name;
}

export function referenceUrl(ref: Pick<Reference, 'rfc' | 'section'>): string | undefined {
  const rfc = RFC_NAME.exec(ref.rfc);
  if (!rfc) return undefined;
  const page = `https://www.rfc-editor.org/rfc/rfc${rfc[1]}`;
  return ref.section ? `${page}#section-${ref.section}` : page;
}

/** Where RFC 3261 says how a receiver treats a code it does not know (as the x00 of its class, or 183). */
export const UNKNOWN_CODE_RULE: Pick<Reference, 'rfc' | 'section'> = { rfc: 'RFC3261', section: '8.1.3.2' };

/** The RFC 3398 table that maps ISUP (Q.850) causes to SIP responses. */
export const Q850_MAPPING: Pick<Reference, 'rfc' | 'section'> = { rfc: 'RFC3398', section: '7.2.4.1' };
