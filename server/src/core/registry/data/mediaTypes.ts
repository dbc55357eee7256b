import type { MediaTypeData, SubscriptionStateData } from '../types';

/**
 * Media types that SIP bodies carry in practice, each with the RFC that defines its use in SIP.
 * Not an IANA SIP registry (media types live in IANA's own media-type registry); this is the subset
 * that SIP traces show, for completion and hover on Content-Type, Accept and Content-Disposition.
 */
export const MEDIA_TYPES: readonly MediaTypeData[] = [
  { type: 'application/sdp', description: 'SDP session description', rfc: 'RFC8866', section: '' },
  { type: 'application/pidf+xml', description: 'presence document (PIDF)', rfc: 'RFC3863', section: '' },
  { type: 'message/sipfrag', description: 'fragment of a SIP message (REFER progress)', rfc: 'RFC3420', section: '' },
  { type: 'application/dialog-info+xml', description: 'dialog state (dialog event package)', rfc: 'RFC4235', section: '' },
  { type: 'multipart/mixed', description: 'several body parts', rfc: 'RFC2046', section: '' },
  { type: 'multipart/alternative', description: 'alternative body parts', rfc: 'RFC2046', section: '' },
  { type: 'multipart/related', description: 'body parts that belong together', rfc: 'RFC2387', section: '' },
  { type: 'text/plain', description: 'plain text (MESSAGE)', rfc: 'RFC2046', section: '' },
  { type: 'application/simple-message-summary', description: 'message waiting summary (MWI)', rfc: 'RFC3842', section: '' },
  { type: 'application/reginfo+xml', description: 'registration state (reg event package)', rfc: 'RFC3680', section: '' },
  { type: 'application/watcherinfo+xml', description: 'watcher information', rfc: 'RFC3858', section: '' },
  { type: 'application/rlmi+xml', description: 'resource list meta-information', rfc: 'RFC4662', section: '' },
  { type: 'application/resource-lists+xml', description: 'resource lists', rfc: 'RFC4826', section: '' },
  { type: 'application/conference-info+xml', description: 'conference state', rfc: 'RFC4575', section: '' },
  { type: 'application/im-iscomposing+xml', description: 'is-composing indication', rfc: 'RFC3994', section: '' },
  { type: 'message/cpim', description: 'instant message wrapper (CPIM)', rfc: 'RFC3862', section: '' },
  { type: 'application/isup', description: 'ISUP message (SIP-T)', rfc: 'RFC3204', section: '' },
  { type: 'application/qsig', description: 'QSIG message', rfc: 'RFC3204', section: '' },
];

/**
 * Subscription-State values (RFC 6665 §4.1.3's substate-value): a closed list in the RFC's grammar,
 * not an IANA registry, so it sits beside the media types rather than among the registries.
 */
export const SUBSCRIPTION_STATES: readonly SubscriptionStateData[] = [
  { value: 'active', description: 'the subscription is accepted and notifications flow' },
  { value: 'pending', description: 'the subscription is received but not yet authorised' },
  { value: 'terminated', description: 'the subscription has ended; a reason parameter says why' },
];
