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
