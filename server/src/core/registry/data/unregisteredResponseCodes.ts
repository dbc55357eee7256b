import type { UnregisteredResponseCodeData } from '../types';

/**
 * Response codes that IANA never registered but that show up in RFC 2543, in stack phrase tables
 * or in tools; codes and phrases from the sip-registry unregistered table, notes in our own words.
 */
export const UNREGISTERED_RESPONSE_CODES: readonly UnregisteredResponseCodeData[] = [
  { code: 303, reasonPhrase: 'See Other', origin: 'rfc2543', description: 'RFC 2543 took it from HTTP for its status-code grammar; RFC 3261 dropped it, so IANA never registered it.' },
  { code: 409, reasonPhrase: 'Conflict', origin: 'rfc2543', description: 'RFC 2543 defined it (a request conflicting with current state, e.g. a registration); RFC 3261 dropped it, though pjsip, sofia-sip and others still carry the phrase.' },
  { code: 411, reasonPhrase: 'Length Required', origin: 'rfc2543', description: 'RFC 2543 took it from HTTP for a request missing Content-Length; RFC 3261 dropped it and it was never registered.' },
  { code: 299, reasonPhrase: 'Success - Others', origin: 'tool-label', description: 'Not a real code: Wireshark uses it as its label for any unknown 2xx response.' },
  { code: 399, reasonPhrase: 'Redirection - Others', origin: 'tool-label', description: 'Not a real code: Wireshark uses it as its label for any unknown 3xx response.' },
  { code: 478, reasonPhrase: 'Unresolvable Destination', origin: 'stack', description: 'Never registered: Kamailio\'s internal error E_BAD_ADDRESS (-478, "Unresolvable destination") leaks into replies, and JsSIP and SIP.js copied it into their phrase tables.' },
  { code: 490, reasonPhrase: 'Request Updated', origin: 'stack', description: 'Never registered: an early-media draft code that pjsip and sofia-sip still list; no RFC defines it.' },
  { code: 499, reasonPhrase: 'Client Error - Others', origin: 'tool-label', description: 'Not a real code: Wireshark uses it as its label for any unknown 4xx response.' },
  { code: 599, reasonPhrase: 'Server Error - Others', origin: 'tool-label', description: 'Not a real code: Wireshark uses it as its label for any unknown 5xx response.' },
  { code: 687, reasonPhrase: 'Dialog Terminated', origin: 'stack', description: 'Never registered: a sofia-sip internal status for a dialog torn down locally; it should never appear on the wire.' },
  { code: 699, reasonPhrase: 'Global Failure - Others', origin: 'tool-label', description: 'Not a real code: Wireshark uses it as its label for any unknown 6xx response.' },
  { code: 701, reasonPhrase: 'No response from destination server', origin: 'stack', description: 'Never registered: a pjsip internal status (no response from the destination) reported to the application, outside the 1xx-6xx classes.' },
  { code: 702, reasonPhrase: 'Unable to resolve destination server', origin: 'stack', description: 'Never registered: a pjsip internal status (DNS resolution of the destination failed), outside the 1xx-6xx classes.' },
  { code: 703, reasonPhrase: 'Error sending message to destination server', origin: 'stack', description: 'Never registered: a pjsip internal status (the message could not be sent), outside the 1xx-6xx classes.' },
];
