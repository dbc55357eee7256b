import type { ResponseClassData } from '../types';

/**
 * The six SIP response classes (RFC 3261 §21), with how a UAC handles a code of the class that it
 * does not recognise (RFC 3261 §8.1.3.2). Descriptions are our own words.
 */
export const RESPONSE_CLASSES: readonly ResponseClassData[] = [
  {
    class: 1,
    name: 'Provisional',
    rfc: 'RFC3261',
    section: '21.1',
    description: 'The request was received and is still being worked on; a final response will follow. Any 1xx stops INVITE retransmission, is never ACKed, and with a To tag (other than 100) opens an early dialog.',
    unknownCodeRule: 'An unrecognised 1xx other than 100 is handled exactly like 183 Session Progress; 100 itself is always understood.',
  },
  {
    class: 2,
    name: 'Success',
    rfc: 'RFC3261',
    section: '21.2',
    description: 'The request succeeded. A 2xx to INVITE confirms the dialog and must be ACKed end to end, once per 2xx, even when several forks answer.',
    unknownCodeRule: 'An unrecognised 2xx is handled as 200 OK.',
  },
  {
    class: 3,
    name: 'Redirection',
    rfc: 'RFC3261',
    section: '21.3',
    description: 'The request should be sent elsewhere or handled another way; the new targets are usually in Contact. The UAC, or a proxy recursing on its behalf, decides whether to follow them.',
    unknownCodeRule: 'An unrecognised 3xx is handled as 300 Multiple Choices: the Contact values are candidate targets to retry at.',
  },
  {
    class: 4,
    name: 'Client Failure',
    rfc: 'RFC3261',
    section: '21.4',
    description: 'This server rejects the request as sent; it should not be repeated unchanged, though a modified request, or the same one to another server, may succeed.',
    unknownCodeRule: 'An unrecognised 4xx is handled as 400 Bad Request, so an unknown 431 means something was wrong with the request.',
  },
  {
    class: 5,
    name: 'Server Failure',
    rfc: 'RFC3261',
    section: '21.5',
    description: 'The request may have been valid, but the server itself failed to handle it; another server or a later retry may work.',
    unknownCodeRule: 'An unrecognised 5xx is handled as 500 Server Internal Error.',
  },
  {
    class: 6,
    name: 'Global Failure',
    rfc: 'RFC3261',
    section: '21.6',
    description: 'The server has definitive information about the user, not just this location: the request will fail everywhere, so a forking proxy stops trying other branches.',
    unknownCodeRule: 'An unrecognised 6xx is handled as 600 Busy Everywhere.',
  },
];
