import type { WarningCodeData } from '../types';

/**
 * Warning header warn-codes registered with IANA (warning-codes.tsv, IANA order), with the
 * registered warn-text. RFC 3261 ones are defined in its section 20.43. Descriptions are our own.
 */
export const WARNING_CODES: readonly WarningCodeData[] = [
  {
    code: 300,
    text: 'Incompatible network protocol',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'A network type in the session description (the nettype of a c= or o= line) is not available to the sender of the warning.',
  },
  {
    code: 301,
    text: 'Incompatible network address formats',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'The address type or format in the SDP cannot be used, typically IP6 offered where only IP4 works or the reverse.',
  },
  {
    code: 302,
    text: 'Incompatible transport protocol',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'The transport profile on an m= line (for example RTP/SAVP or UDP/TLS/RTP/SAVPF) is not supported, a classic cause of 488 between SRTP and plain RTP endpoints.',
  },
  {
    code: 303,
    text: 'Incompatible bandwidth units',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'The bandwidth modifier or units of a b= line were not understood.',
  },
  {
    code: 304,
    text: 'Media type not available',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'A media type offered in the SDP (audio, video, application, ...) is not available, e.g. video offered to an audio-only device.',
  },
  {
    code: 305,
    text: 'Incompatible media format',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'None of the formats (codecs or payload types) offered for a media stream is supported; the usual companion of a 488 codec mismatch.',
  },
  {
    code: 306,
    text: 'Attribute not understood',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'An SDP attribute was not understood; informative only, since unknown attributes are normally just ignored.',
  },
  {
    code: 307,
    text: 'Session description parameter not understood',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'Some other session description parameter, not covered by the codes above, was not understood.',
  },
  {
    code: 308,
    text: 'Incompatible language specification',
    rfc: 'RFC8373',
    section: '',
    description: 'None of the human languages requested through the SDP language attributes (hlang-send, hlang-recv) can be supported, used with relay and emergency services.',
  },
  {
    code: 330,
    text: 'Multicast not available',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'The site where the user is located does not support multicast, so a multicast session cannot be joined.',
  },
  {
    code: 331,
    text: 'Unicast not available',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'The site where the user is located cannot do unicast media (for example it only has multicast, or sits behind a relay that prevents it).',
  },
  {
    code: 370,
    text: 'Insufficient bandwidth',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'The bandwidth asked for in the session description exceeds what is available; often produced by SBCs or call admission control.',
  },
  {
    code: 380,
    text: 'SIPS Not Allowed',
    rfc: 'RFC5630',
    section: '',
    description: 'The server refuses to handle the request over SIPS for this target by policy; the client may retry with a plain SIP URI.',
  },
  {
    code: 381,
    text: 'SIPS Required',
    rfc: 'RFC5630',
    section: '',
    description: 'The target is only reachable with SIPS; the client should retry using a SIPS Request-URI.',
  },
  {
    code: 399,
    text: 'Miscellaneous warning',
    rfc: 'RFC3261',
    section: '20.43',
    description: 'Free-text warning whose meaning is entirely in the warn-text; receivers must not take any automated action because of it.',
  },
];
