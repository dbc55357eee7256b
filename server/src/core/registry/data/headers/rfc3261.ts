import type { HeaderData } from '../../types';

/**
 * Header fields IANA registers with RFC 3261 as the only reference (Via, which also cites RFC 7118,
 * lives with the extension headers). Names, compact forms and status from headers.tsv; sections are
 * the RFC 3261 §20 subsections, except the three RFC 2543 leftovers, which RFC 3261 never defines.
 */
export const RFC3261_HEADERS: readonly HeaderData[] = [
  {
    name: 'Accept',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.1',
    multiplicity: 'list',
    description:
      'Body media types the sender can handle in a reply, e.g. application/sdp, optionally with q-values. Without it a receiver assumes application/sdp; a 415 must list the acceptable types here.',
  },
  {
    name: 'Accept-Encoding',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.2',
    multiplicity: 'list',
    description:
      'Content codings (gzip, ...) the sender can decode; identity is always acceptable. SIP bodies are almost never compressed, so it mostly shows up in a 415 answering a request whose encoding was not understood.',
  },
  {
    name: 'Accept-Language',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.3',
    multiplicity: 'list',
    description:
      'Preferred languages for reason phrases, status bodies and announcements, as language tags with optional q-values (e.g. en, de;q=0.5). Media servers sometimes use it to pick prompts; otherwise informational.',
  },
  {
    name: 'Alert-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.4',
    multiplicity: 'list',
    description:
      'In an INVITE, a URI for an alternative ring tone; in a 180, an alternative ringback. PBXs overload it with vendor tokens for distinctive ring and auto-answer (e.g. info=alert-autoanswer); fetching URIs from untrusted senders is a security risk.',
  },
  {
    name: 'Allow',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.5',
    multiplicity: 'list',
    description:
      'Methods the sender supports, e.g. INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, PRACK. Mandatory in 405 and normal in OPTIONS answers and dialog-creating messages; do not send UPDATE or REFER to a peer whose Allow omits them.',
  },
  {
    name: 'Authentication-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.6',
    multiplicity: 'single',
    description:
      'Sent by a server in a 2xx after successful Digest authentication: nextnonce for the next request and, with qop, rspauth/cnonce/nc for mutual authentication. The commas separate parameters of one value, not list items; few UAs act on it.',
  },
  {
    name: 'Authorization',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.7',
    multiplicity: 'repeatable',
    description:
      'Digest credentials a UA sends after a 401 from a UAS or registrar: username, realm, nonce, uri, response, plus qop/cnonce/nc. One row per realm, never comma-combined because the credentials themselves contain commas; the retried request needs CSeq + 1.',
  },
  {
    name: 'Call-ID',
    compactForm: 'i',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.8',
    multiplicity: 'single',
    description:
      'Globally unique identifier (typically random@host) shared by every message of a call or registration. With the From and To tags it forms the dialog ID; a UA should keep one Call-ID for all REGISTERs to a registrar. Compared as an exact, case-sensitive string.',
  },
  {
    name: 'Call-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.9',
    multiplicity: 'list',
    description:
      'URIs with extra information about the caller or callee, tagged purpose=icon, info or card. Heavily reused by vendors: shared line appearances (appearance-index, call-completion) and answer-after=0 auto-answer hints from PBXs and paging systems.',
  },
  {
    name: 'Contact',
    compactForm: 'm',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.10',
    multiplicity: 'list',
    description:
      'Where the sender can be reached directly: the remote target for later in-dialog requests (exactly one SIP/SIPS URI in dialog-creating messages), the bindings in REGISTER (with expires and q), or the targets of a 3xx. Behind NAT it often carries a private address that an SBC must fix; * is legal only in REGISTER with Expires: 0.',
  },
  {
    name: 'Content-Disposition',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.11',
    multiplicity: 'single',
    description:
      'How to treat the body: session (the default for SDP), render, icon, alert, early-session, with handling=required or optional. Matters most in multipart bodies, e.g. SIP-I/SIP-T ISUP parts marked handling=optional so non-ISUP endpoints can ignore them.',
  },
  {
    name: 'Content-Encoding',
    compactForm: 'e',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.12',
    multiplicity: 'list',
    description:
      'Codings applied to the body (e.g. gzip), in the order they were applied. Must be left out when the body is not encoded; practically never seen on the wire.',
  },
  {
    name: 'Content-Language',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.13',
    multiplicity: 'list',
    description: 'Language of the message body as language tags, e.g. en. Occasionally present with MESSAGE or text bodies; otherwise rare.',
  },
  {
    name: 'Content-Length',
    compactForm: 'l',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.14',
    multiplicity: 'single',
    description:
      'Body size in octets, 0 when there is no body. It is the only framing on TCP/TLS, so it is mandatory there; on UDP a value larger than the received body means the message is rejected. Stale values after an ALG or SBC rewrites the SDP are a classic cause of truncated or glued-together messages.',
  },
  {
    name: 'Content-Type',
    compactForm: 'c',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.15',
    multiplicity: 'single',
    description:
      'Media type of the body, e.g. application/sdp, multipart/mixed;boundary=..., application/isup or application/pidf+xml. Required whenever there is a body; an unsupported type is answered with 415.',
  },
  {
    name: 'CSeq',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.16',
    multiplicity: 'single',
    description:
      'Sequence number and method, e.g. 102 INVITE; the method must equal the request method and the number must stay below 2^31. Each new request in a dialog increments it while ACK and CANCEL reuse the number of the request they refer to; responses copy it, which is how a UAC tells a 200 to INVITE from a 200 to BYE.',
  },
  {
    name: 'Date',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.17',
    multiplicity: 'single',
    description:
      'Date and time in RFC 1123 format, always GMT, e.g. Tue, 15 Nov 1994 08:12:31 GMT. Registrars often put it in the 200 to REGISTER so phones without NTP can set their clocks.',
  },
  {
    name: 'Encryption',
    registered: true,
    status: 'deprecated',
    statusNote:
      'RFC 2543 header. RFC 3261 dropped PGP-based message encryption (S/MIME replaced it), and IANA keeps the name only as deprecated. Do not send it; ignore it on receipt.',
    rfc: 'RFC3261',
    section: '',
    multiplicity: 'single',
    description:
      'Old RFC 2543 header announcing that the body (and possibly some headers) had been encrypted, with the scheme and its parameters. No current stack generates it.',
  },
  {
    name: 'Error-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.18',
    multiplicity: 'list',
    description:
      'URI pointing at more information about an error response, e.g. a recorded announcement to play instead of a tone. Only meaningful in 3xx-6xx responses; gateways use it to hand back an announcement URL.',
  },
  {
    name: 'Expires',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.19',
    multiplicity: 'single',
    description:
      'Relative lifetime in seconds. In REGISTER it is the default for Contacts without their own expires parameter, in SUBSCRIBE and PUBLISH it sets the lifetime, in INVITE it limits how long the offer stays open. The server answer states what was actually granted, which may be shorter.',
  },
  {
    name: 'From',
    compactForm: 'f',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.20',
    multiplicity: 'single',
    description:
      'Logical originator of the request: optional display name, URI and a mandatory tag chosen by the UAC, which is one half of the dialog ID and must not change during the dialog. Set freely by the UA, so carriers take caller ID from P-Asserted-Identity or Identity instead.',
  },
  {
    name: 'Hide',
    registered: true,
    status: 'deprecated',
    statusNote:
      'RFC 2543 header. RFC 3261 removed Via hiding because it depended on trusting the next hop; IANA lists the name as deprecated. Ignore it if received.',
    rfc: 'RFC3261',
    section: '',
    multiplicity: 'single',
    description:
      'Old RFC 2543 request that proxies obscure Via entries (route or hop). Topology hiding is now a local feature of proxies and SBCs and needs no header.',
  },
  {
    name: 'In-Reply-To',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.21',
    multiplicity: 'list',
    description:
      'Call-IDs of the calls this request answers or returns, e.g. a call back to a missed call. Informational and rarely used.',
  },
  {
    name: 'Max-Forwards',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.22',
    multiplicity: 'single',
    description:
      'Hop limit for requests, set to 70 by most UACs and decremented by every proxy; a request that arrives with 0 is answered with 483 Too Many Hops. Mandatory in every request and absent from responses; a 483 usually points at a routing loop between proxies.',
  },
  {
    name: 'MIME-Version',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.24',
    multiplicity: 'single',
    description: 'MIME version of the message, in practice always 1.0. Optional in SIP; mostly seen alongside multipart bodies.',
  },
  {
    name: 'Min-Expires',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.23',
    multiplicity: 'single',
    description:
      'Shortest refresh interval, in seconds, that a registrar (or notifier) accepts. Mandatory in 423 Interval Too Brief; the UA should retry with an expiration at least this long.',
  },
  {
    name: 'Organization',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.25',
    multiplicity: 'single',
    description: 'Free-text name of the organization the sender belongs to. Purely informational.',
  },
  {
    name: 'Priority',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.26',
    multiplicity: 'single',
    description:
      'Urgency as seen by the caller: non-urgent, normal, urgent or emergency. It only influences how the called user or UA treats the request; network priority for emergency or government calls uses Resource-Priority instead.',
  },
  {
    name: 'Proxy-Authenticate',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.27',
    multiplicity: 'repeatable',
    description:
      'Digest challenge from a proxy in a 407: realm, nonce, algorithm, qop. A forking proxy may return several challenges, one per row and never comma-combined; the UAC answers with Proxy-Authorization.',
  },
  {
    name: 'Proxy-Authorization',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.28',
    multiplicity: 'repeatable',
    description:
      'Credentials for a proxy that sent a 407, computed from its Proxy-Authenticate challenge. Several rows for different realms may be present (never comma-combined); each proxy uses the one matching its realm.',
  },
  {
    name: 'Proxy-Require',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.29',
    multiplicity: 'list',
    description:
      'Option tags every proxy on the path must understand, e.g. sec-agree in IMS registration. A proxy that lacks one answers 420 with Unsupported; it must not appear in CANCEL or in the ACK for a non-2xx.',
  },
  {
    name: 'Record-Route',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.30',
    multiplicity: 'list',
    description:
      'Added by proxies that must stay in the path for the rest of the dialog (with ;lr for loose routing). The UAS copies the list into its 2xx/18x and both ends derive their route set from it, the UAC in reverse order; lost or mangled entries are a common reason for ACK, BYE or re-INVITE bypassing an SBC.',
  },
  {
    name: 'Reply-To',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.31',
    multiplicity: 'single',
    description: 'Address the callee should use for a reply or call-back when it differs from From. Informational and rarely used.',
  },
  {
    name: 'Require',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.32',
    multiplicity: 'list',
    description:
      'Option tags the UAS must support to handle the request, e.g. 100rel, timer, replaces; a UAS that lacks one rejects with 420 and Unsupported. In responses it names extensions the UAS applied (Require: 100rel on a reliable 18x); never in CANCEL or in the ACK for a non-2xx.',
  },
  {
    name: 'Response-Key',
    registered: true,
    status: 'deprecated',
    statusNote:
      'RFC 2543 header. RFC 3261 removed PGP and the key exchange built on it, and IANA lists the name as deprecated. Do not send it; ignore it on receipt.',
    rfc: 'RFC3261',
    section: '',
    multiplicity: 'single',
    description:
      'Old RFC 2543 header in which a UAC supplied the key the UAS should use to encrypt its response. Not generated by any current stack.',
  },
  {
    name: 'Retry-After',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.33',
    multiplicity: 'single',
    description:
      'Seconds to wait before retrying, with an optional comment and duration parameter; used with 404, 413, 480, 486, 500, 503, 600 and 603. On a 503 it tells the client to avoid that server for the period, and a 503 without it is treated like a 500.',
  },
  {
    name: 'Route',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.34',
    multiplicity: 'list',
    description:
      'Path a request must take: the dialog route set learned from Record-Route, or a preloaded outbound proxy or Service-Route. A loose router (;lr) removes its own top entry and forwards to the next; a strict router rewrites the Request-URI instead. Requests only.',
  },
  {
    name: 'Server',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.35',
    multiplicity: 'single',
    description:
      'Product tokens of the software that generated the response, e.g. Asterisk PBX 20.5.0 or FPBX-16. Responses only; handy for identifying the far end in traces, which is why many SBCs strip it.',
  },
  {
    name: 'Subject',
    compactForm: 's',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.36',
    multiplicity: 'single',
    description: 'Free-text summary or topic of the call. Seldom displayed by phones; some contact-centre applications use it to pass context.',
  },
  {
    name: 'Supported',
    compactForm: 'k',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.37',
    multiplicity: 'list',
    description:
      'Option tags the sender implements, e.g. replaces, timer, 100rel, path, outbound, gruu. The peer may apply any of them to its answer and then says so in Require; should be present in INVITE and in 2xx to INVITE and OPTIONS.',
  },
  {
    name: 'Timestamp',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.38',
    multiplicity: 'single',
    description:
      'When the UAC sent the request (in its own units), optionally followed by the delay added by the responder. A UAS must echo it in 100 Trying, which lets the UAC estimate round-trip time; rarely used in practice.',
  },
  {
    name: 'To',
    compactForm: 't',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.39',
    multiplicity: 'single',
    description:
      'Logical recipient of the request. The UAS adds a tag in its responses (a 100 may lack it), which becomes the other half of the dialog ID; a request that already has a To tag is an in-dialog request. Responses copy the request To plus that tag.',
  },
  {
    name: 'Unsupported',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.40',
    multiplicity: 'list',
    description:
      'Option tags from the request Require or Proxy-Require that the server does not implement. Mandatory in 420 Bad Extension; the UAC may retry without those extensions.',
  },
  {
    name: 'User-Agent',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.41',
    multiplicity: 'single',
    description:
      'Product tokens of the software that generated the request, e.g. Linphone/5.2.0 or Yealink SIP-T46U. Useful for spotting device types in traces and for blocking scanners such as friendly-scanner or sipvicious.',
  },
  {
    name: 'Warning',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.43',
    multiplicity: 'list',
    description:
      'Extra diagnostics on a response: warn-code, agent and quoted text, e.g. 399 sbc.example.net "No media for 30s". Codes 300-379 report SDP and QoS problems (304 media type not available, 305 incompatible media format); 399 is free text that must not trigger automatic action. Responses only.',
  },
  {
    name: 'WWW-Authenticate',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.44',
    multiplicity: 'repeatable',
    description:
      'Digest challenge from a UAS or registrar in a 401: realm, nonce, algorithm (MD5, SHA-256), qop. The UA resends with Authorization and CSeq + 1; several challenges (e.g. one per algorithm) come as separate rows, never comma-combined.',
  },
];
