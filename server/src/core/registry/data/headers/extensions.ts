import type { HeaderData } from '../../types';

/**
 * Header fields IANA registers with a reference other than RFC 3261 alone (extension RFCs, 3GPP TS 24.229,
 * Via with RFC 7118, the reserved Reason-Phrase), excluding the P- headers. Names, compact forms, status and
 * references from headers.tsv in its order; sections are the defining section of the cited document.
 */
export const EXTENSION_HEADERS: readonly HeaderData[] = [
  {
    name: 'Accept-Contact',
    compactForm: 'a',
    registered: true,
    status: 'current',
    rfc: 'RFC3841',
    section: '9.2',
    multiplicity: 'list',
    description:
      'Caller preferences: feature predicates such as *;audio;video or *;methods="INVITE" that a proxy matches against the feature tags of registered contacts when choosing where to fork. ;require drops contacts that do not match and ;explicit demands the tag be advertised explicitly. IMS uses it to steer requests by ICSI (g.3gpp.icsi-ref); many plain proxies ignore it.',
  },
  {
    name: 'Accept-Resource-Priority',
    registered: true,
    status: 'current',
    rfc: 'RFC4412',
    section: '3.2',
    multiplicity: 'list',
    description:
      'The namespace.priority values (e.g. ets.0, wps.2, dsn.flash) an element can honour. Typically found in a 2xx to OPTIONS or in a 417 Unknown Resource-Priority response, so the sender can retry with a namespace the other side understands.',
  },
  {
    name: 'Additional-Identity',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v16.7.0',
    section: '7.2.20',
    multiplicity: 'single',
    description:
      'IMS multi-identity services: on the originating side it names the alternative identity the user wants to present, on the terminating side it tells the UE which of its identities was called. A name-addr with parameters; IMS-internal and removed at the trust-domain boundary.',
  },
  {
    name: 'AlertMsg-Error',
    registered: true,
    status: 'current',
    rfc: 'RFC8876',
    section: '5.2',
    multiplicity: 'single',
    description:
      'Non-interactive emergency calls (a CAP alert sent in SIP MESSAGE): a 3-digit code plus optional message="..." saying what was wrong with the alert payload, e.g. 101 when it was missing. May ride on any response to the request, even a 200 OK, or on a 425 Bad Alert Message; at most one code per response.',
  },
  {
    name: 'Allow-Events',
    compactForm: 'u',
    registered: true,
    status: 'current',
    rfc: 'RFC6665',
    section: '8.2.2',
    multiplicity: 'list',
    description:
      'Event packages the sender accepts SUBSCRIBE for (presence, dialog, message-summary, refer, ...). Common in REGISTER, INVITE and OPTIONS exchanges, and a 489 Bad Event may carry it to show what is supported; template packages appear as package.template, e.g. presence.winfo.',
  },
  {
    name: 'Answer-Mode',
    registered: true,
    status: 'current',
    rfc: 'RFC5373',
    section: '2',
    multiplicity: 'single',
    description:
      'Asks the called UA to answer an INVITE automatically (Auto) or only after user action (Manual); ;require makes the preference mandatory. Used for intercom/paging, push-to-talk and loopback tests, and the UAS may echo it in the 2xx to report how it answered. Support is shown with the answermode option tag; UAs should honour Auto only from authorized callers, so many ignore it by default.',
  },
  {
    name: 'Attestation-Info',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v15.11.0',
    section: '7.2.18',
    multiplicity: 'single',
    description:
      'STIR/SHAKEN attestation level (A, B or C) the originating network gave the caller identity, added by the attesting node (S-CSCF, AS or entry IBCF) so later nodes need not parse the PASSporT. Informational only and not meant for UEs; see also Origination-Id.',
  },
  {
    name: 'Cellular-Network-Info',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v13.9.0',
    section: '7.2.15',
    multiplicity: 'single',
    description:
      'Sent by a UE that reaches IMS over a non-cellular access (Wi-Fi calling) to report the last cellular cell it camped on: an access type such as 3GPP-E-UTRAN-FDD with utran-cell-id-3gpp or cgi-3gpp and cell-info-age. Same shape as P-Access-Network-Info; used for emergency routing and charging and stripped at the trust-domain boundary.',
  },
  {
    name: 'Content-ID',
    registered: true,
    status: 'current',
    rfc: 'RFC8262',
    section: '3',
    multiplicity: 'single',
    description:
      'Labels the message-body with a msg-id (<id@host>) so a cid: URL elsewhere in the message can point at it, e.g. Geolocation: <cid:...> referencing a PIDF-LO body. Before RFC 8262 a Content-ID was only valid on the parts of a multipart body.',
  },
  {
    name: 'DC-Info',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v19.4.1',
    section: '',
    multiplicity: 'single',
    description:
      '3GPP-defined header with no RFC; IANA cites TS 24.229 v19.4.1 (Release 19). Only IMS networks on recent releases will send it; check that version of TS 24.229 for its syntax and use before relying on it.',
  },
  {
    name: 'Event',
    compactForm: 'o',
    registered: true,
    status: 'current',
    rfc: 'RFC6665',
    section: '8.2.1',
    seeAlso: ['RFC6446'],
    multiplicity: 'single',
    description:
      'The event package of a SUBSCRIBE, NOTIFY or PUBLISH, e.g. Event: presence or Event: dialog, with an optional id to tell several subscriptions in one dialog apart (REFER subscriptions use Event: refer, with id set to the CSeq number of the REFER). RFC 6446 adds rate-control parameters (min-rate, max-rate, adaptive-min-rate). An unknown package gets 489 Bad Event.',
  },
  {
    name: 'Feature-Caps',
    registered: true,
    status: 'current',
    rfc: 'RFC6809',
    section: '4',
    multiplicity: 'list',
    description:
      'Lets proxies, registrars and B2BUAs, which the Contact URI does not represent, advertise what they support with feature-capability indicators such as +g.3gpp.icsi-ref or +g.3gpp.priority-share. Common in IMS REGISTER responses and dialog-creating requests; IMS networks drop values received from outside the trust domain.',
  },
  {
    name: 'Flow-Timer',
    registered: true,
    status: 'current',
    rfc: 'RFC5626',
    section: '10',
    multiplicity: 'single',
    description:
      'SIP Outbound: seconds within which the UA must send a keep-alive on the registered flow (CRLF ping on TCP/TLS, STUN on UDP), set by the registrar in the 2xx to REGISTER. Without a keep-alive the flow is treated as failed; UAs send slightly before the deadline.',
  },
  {
    name: 'Geolocation',
    registered: true,
    status: 'current',
    rfc: 'RFC6442',
    section: '4.1',
    multiplicity: 'list',
    description:
      'Caller location, by value (a cid: URL pointing at a PIDF-LO body part, which then needs a matching Content-ID) or by reference (a sip:, sips:, pres: or https: URI to dereference). Central to NG9-1-1/NG112 emergency calls; whether proxies may route on it is signalled in Geolocation-Routing.',
  },
  {
    name: 'Geolocation-Error',
    registered: true,
    status: 'current',
    rfc: 'RFC6442',
    section: '4.4',
    multiplicity: 'single',
    description:
      'Reports a problem with conveyed location, mostly in a 424 Bad Location Information response: a code from the IANA Geolocation-Error registry plus optional human-readable text. 100 means the location could not be processed, the 2xx codes are permission problems and 300 means a location reference could not be dereferenced.',
  },
  {
    name: 'Geolocation-Routing',
    registered: true,
    status: 'current',
    rfc: 'RFC6442',
    section: '4.2',
    multiplicity: 'single',
    description:
      'yes or no: whether SIP intermediaries may use the conveyed location to make routing decisions, e.g. picking the PSAP for an emergency call. Absent counts as no, so a proxy must pass the location through without routing on it.',
  },
  {
    name: 'History-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC7044',
    section: '5',
    multiplicity: 'list',
    description:
      'Records each retargeting a request went through (forwarding, diversion, voicemail): one entry per target URI with hierarchical index=1.1.2 numbering, rc/mp/np tags saying how the target was chosen, and the cause embedded in the URI as ?Reason=SIP;cause=302. Voicemail and IVRs read it to find the originally called number; Privacy: history hides it. IMS uses it where older networks sent Diversion.',
  },
  {
    name: 'Identity',
    compactForm: 'y',
    registered: true,
    status: 'current',
    rfc: 'RFC8224',
    section: '4',
    multiplicity: 'repeatable',
    description:
      'STIR signature over the caller identity: a PASSporT (JWT, or its compact form with header and payload left out) followed by ;info=<certificate URL>, ;alg and ;ppt (e.g. ppt=shaken). Added by the originating authentication service and checked by the terminating verifier, which answers 428 when it is missing and 436-438 when it is bad. Several Identity headers may appear in one request (e.g. SHAKEN plus a div PASSporT), each as its own row, never comma-joined.',
  },
  {
    name: 'Identity-Info',
    registered: true,
    status: 'deprecated',
    statusNote:
      'Deprecated by RFC 8224 (section 13.1): its data moved into the info parameter of Identity, and its RFC 4474 compact form n was removed from the IANA registry. Wireshark still decodes n.',
    rfc: 'RFC8224',
    section: '13.1',
    multiplicity: 'single',
    description:
      'RFC 4474 header that pointed to the certificate used to sign the Identity header, with an alg parameter. RFC 8224 folded it into Identity as ;info=<URL>; seeing it on the wire means a pre-STIR (RFC 4474) implementation.',
  },
  {
    name: 'Info-Package',
    registered: true,
    status: 'current',
    rfc: 'RFC6086',
    section: '7.2',
    multiplicity: 'single',
    description:
      'In an INFO request, names the one Info Package whose rules govern the body. The peer must have listed that package in its Recv-Info, otherwise the answer is 469 Bad Info Package. INFO without it is legacy RFC 2976-style usage, e.g. application/dtmf-relay bodies from many PBXs.',
  },
  {
    name: 'Join',
    registered: true,
    status: 'current',
    rfc: 'RFC3911',
    section: '7.1',
    multiplicity: 'single',
    description:
      'In an INVITE, names an existing dialog (call-id;to-tag=...;from-tag=...) the new call should be mixed into, for barge-in, silent monitoring or joining a call as a conference. No matching dialog -> 481. Support is shown with the join option tag.',
  },
  {
    name: 'Max-Breadth',
    registered: true,
    status: 'current',
    rfc: 'RFC5393',
    section: '5.3.1',
    multiplicity: 'single',
    description:
      'Limits how many parallel branches a forked request may have in total across all proxies. A forking proxy shares the value out among its concurrent branches and answers 440 Max-Breadth Exceeded when it cannot fork any further; a proxy adds its own default if the header is missing. Protects against forking amplification attacks.',
  },
  {
    name: 'Min-SE',
    registered: true,
    status: 'current',
    rfc: 'RFC4028',
    section: '5',
    multiplicity: 'single',
    description:
      'Smallest session-timer interval in seconds an element accepts. Sent with Session-Expires in requests and mandatory in a 422 Session Interval Too Small response, after which the UAC retries with a Session-Expires at least this large. Never below 90; absent means 90.',
  },
  {
    name: 'Origination-Id',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v15.11.0',
    section: '7.2.19',
    multiplicity: 'single',
    description:
      'Companion to Attestation-Info: a UUID identifying the network entity that attested the caller identity, so calls can be traced back to where they entered the network. Set by the attesting node and not meant for UEs; may be removed before the request leaves the trust domain.',
  },
  {
    name: 'Path',
    registered: true,
    status: 'current',
    rfc: 'RFC3327',
    section: '4',
    multiplicity: 'list',
    description:
      'Built up in REGISTER: each proxy between the UA and the registrar (edge proxy, P-CSCF) adds its URI so the registrar learns the route back to the contact. The registrar returns the stored Path in the 2xx and preloads it as Route on requests to that contact. UAs show support with Supported: path; standard in IMS and edge-proxy setups.',
  },
  {
    name: 'Permission-Missing',
    registered: true,
    status: 'current',
    rfc: 'RFC5360',
    section: '5.9.3',
    multiplicity: 'list',
    description:
      'Returned by a relay such as a URI-list server in a 470 Consent Needed response, listing the recipient URIs it has no permission to contact yet. The sender is expected to obtain their consent (RFC 5360 framework) and retry.',
  },
  {
    name: 'Policy-Contact',
    registered: true,
    status: 'current',
    rfc: 'RFC6794',
    section: '4.4.5.2',
    multiplicity: 'list',
    description:
      'Session policies: a proxy adds the URIs of policy servers a UA must consult for this session, in an INVITE, UPDATE or PRACK for the UAS, or in a 488 Not Acceptable Here for the UAC; non-cacheable marks a URI the UAC should not remember. The UA then subscribes to those servers before continuing. Rarely deployed.',
  },
  {
    name: 'Policy-ID',
    registered: true,
    status: 'current',
    rfc: 'RFC6794',
    section: '4.4.5.1',
    multiplicity: 'list',
    description:
      'Session policies: the UAC lists the policy servers it contacted for this offer/answer exchange, each with an optional token from that server, in INVITE, UPDATE or PRACK so proxies can check it honoured their policies. Rarely deployed.',
  },
  {
    name: 'Priority-Share',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v13.16.0',
    section: '7.2.16',
    multiplicity: 'single',
    description:
      'allowed or not-allowed: tells the P-CSCF whether sessions of different priority for the same UE may share one bearer. Returned by an AS after the P-CSCF advertised the g.3gpp.priority-share feature-capability indicator at registration; IMS-internal.',
  },
  {
    name: 'Priority-Verstat',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229',
    section: '',
    multiplicity: 'single',
    description:
      '3GPP-defined header with no RFC (IANA cites TS 24.229 without a version). As the name says, it carries a verification status for a priority indication, in the spirit of the verstat URI parameter used for caller-ID verification. IMS-internal; check TS 24.229 for its values.',
  },
  {
    name: 'Priv-Answer-Mode',
    registered: true,
    status: 'current',
    rfc: 'RFC5373',
    section: '2',
    multiplicity: 'single',
    description:
      'Like Answer-Mode, but asks for privileged (administrator-level) handling that may override the callee settings, e.g. forced auto-answer for intercom or emergency paging. Must only be honoured after strong authentication and authorization of the caller.',
  },
  {
    name: 'Privacy',
    registered: true,
    status: 'current',
    rfc: 'RFC3323',
    section: '4.2',
    multiplicity: 'single',
    description:
      'Privacy the user asks a privacy service for: none, header, session, user, critical, plus id (RFC 3325: hide P-Asserted-Identity outside the trust domain) and history (RFC 7044). Several values are separated by semicolons, not commas (Privacy: id;header). Privacy: id with an anonymous From is the usual withheld caller ID.',
  },
  {
    name: 'RAck',
    registered: true,
    status: 'current',
    rfc: 'RFC3262',
    section: '7.2',
    multiplicity: 'single',
    description:
      'In a PRACK, identifies the reliable provisional response being acknowledged: its RSeq value, then the CSeq number and method, e.g. RAck: 776656 1 INVITE. A PRACK that matches no unacknowledged reliable 1xx gets 481.',
  },
  {
    name: 'Reason',
    registered: true,
    status: 'current',
    rfc: 'RFC3326',
    section: '2',
    multiplicity: 'list',
    description:
      'Why a request was sent or a call ended: protocol;cause=N;text="...", e.g. Reason: Q.850;cause=16;text="Normal call clearing" in a BYE, or Reason: SIP;cause=200;text="Call completed elsewhere" in a CANCEL after forking. Gateways map ISUP/Q.850 causes here. RFC 3326 defined it for requests; later RFCs (e.g. RFC 6432) allow it in responses.',
  },
  {
    name: 'Reason-Phrase',
    registered: true,
    status: 'reserved',
    statusNote:
      'Reserved name with no defining RFC: IANA registered it (registrant Adam Roach) only to avoid a conflict with RFC 6873. Wireshark comments wrongly attribute it to RFC 3326.',
    rfc: '',
    section: '',
    multiplicity: 'single',
    description:
      'Not a usable header; the name is only reserved in the registry. Do not confuse it with the reason phrase of a status line (the "Not Found" in 404 Not Found) or with the Reason header. A message carrying it is most likely a bug.',
  },
  {
    name: 'Recv-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC6086',
    section: '7.3',
    multiplicity: 'list',
    description:
      'Info Packages the UA is willing to receive in INFO within the dialog; an empty Recv-Info: means none. Sent in INVITE, its reliable 1xx/2xx and in re-INVITE or UPDATE to change the set. A peer must not send INFO for a package not listed here.',
  },
  {
    name: 'Refer-Events-At',
    registered: true,
    status: 'current',
    rfc: 'RFC7614',
    section: '4.8',
    multiplicity: 'single',
    description:
      'Returned in the 2xx to a REFER that used explicit subscriptions (explicitsub option tag): a SIP or SIPS URI the referrer should SUBSCRIBE to with Event: refer to follow the referral, instead of the implicit REFER subscription.',
  },
  {
    name: 'Refer-Sub',
    registered: true,
    status: 'current',
    rfc: 'RFC4488',
    section: '4',
    multiplicity: 'single',
    description:
      'Refer-Sub: false in a REFER asks the recipient not to create the implicit refer subscription, so no NOTIFYs follow; the recipient returns Refer-Sub: false in its 2xx when it agrees. Support is shown with the norefersub option tag; popular for blind transfer to avoid NOTIFY traffic.',
  },
  {
    name: 'Refer-To',
    compactForm: 'r',
    registered: true,
    status: 'current',
    rfc: 'RFC3515',
    section: '2.1',
    multiplicity: 'single',
    description:
      'The URI the REFER recipient should contact, normally a SIP URI in angle brackets. For attended transfer it carries an escaped ?Replaces=... header so the triggered INVITE replaces an existing dialog. A REFER must contain exactly one Refer-To value.',
  },
  {
    name: 'Referred-By',
    compactForm: 'b',
    registered: true,
    status: 'current',
    rfc: 'RFC3892',
    section: '3',
    multiplicity: 'single',
    description:
      'Who asked for the referral: the referrer puts it in the REFER and the referee copies it into the triggered INVITE, so the transfer target sees who transferred the call. May point (cid parameter) to an S/MIME Referred-By token; a target that insists on that proof answers 429 Provide Referrer Identity.',
  },
  {
    name: 'Reject-Contact',
    compactForm: 'j',
    registered: true,
    status: 'current',
    rfc: 'RFC3841',
    section: '9.2',
    multiplicity: 'list',
    description:
      'Caller preferences: feature sets the request must not be delivered to, e.g. Reject-Contact: *;automata to keep a call away from voicemail or IVR devices. Proxies drop registered contacts whose feature tags match any value.',
  },
  {
    name: 'Relayed-Charge',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v12.14.0',
    section: '',
    multiplicity: 'single',
    description:
      '3GPP-defined header with no RFC (IANA cites TS 24.229 v12.14.0), used inside IMS for charging information, as its name suggests. Operator-internal: IMS trust-domain rules remove it at the network boundary, so it should never reach a customer or a peer network.',
  },
  {
    name: 'Replaces',
    registered: true,
    status: 'current',
    rfc: 'RFC3891',
    section: '6.1',
    multiplicity: 'single',
    description:
      'In an INVITE, names an existing dialog (call-id;to-tag=...;from-tag=...) the new call takes over; the replaced dialog is then ended. Basis of attended transfer and call pickup, usually arriving embedded in a Refer-To URI; early-only limits it to a dialog still in the early state. No matching dialog -> 481; support is shown with the replaces option tag.',
  },
  {
    name: 'Request-Disposition',
    compactForm: 'd',
    registered: true,
    status: 'current',
    rfc: 'RFC3841',
    section: '9.1',
    multiplicity: 'list',
    description:
      'Caller preferences for how servers handle the request: proxy or redirect, fork or no-fork, parallel or sequential, recurse or no-recurse, cancel or no-cancel, queue or no-queue. Many proxies ignore it; treat it as a hint.',
  },
  {
    name: 'Resource-Priority',
    registered: true,
    status: 'current',
    rfc: 'RFC4412',
    section: '3.1',
    multiplicity: 'list',
    description:
      'Asks for preferential treatment of emergency or government traffic as namespace.value pairs, e.g. ets.0, wps.2, dsn.flash. An element that does not know the namespace may answer 417 Unknown Resource-Priority with Accept-Resource-Priority. Should only be trusted from authenticated sources (GETS/WPS, MPS, military networks).',
  },
  {
    name: 'Resource-Share',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v13.7.0',
    section: '7.2.13',
    multiplicity: 'single',
    description:
      'IMS media resource sharing between sessions of one UE: the P-CSCF sends supported in REGISTER, and an AS answers media-sharing (with origin, rules built from sharing keys, and a timestamp) or no-media-sharing. The P-CSCF applies the newest rules so several sessions can share bearer resources; IMS-internal.',
  },
  {
    name: 'Response-Source',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v15.11.0',
    section: '7.2.17',
    multiplicity: 'single',
    description:
      'Which functional entity generated an error response, as a URN such as fe=<urn:3gpp:fe:p-cscf.orig> (entity, optional role and side). Lets the receiver choose the right recovery, e.g. restoration when a CSCF itself failed; may be removed when received from outside the trust domain.',
  },
  {
    name: 'Restoration-Info',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v12.14.0',
    section: '',
    multiplicity: 'single',
    description:
      'IMS P-CSCF restoration: when a terminating request cannot reach the P-CSCF serving the UE, the S-CSCF can send it via another path with this header carrying the UE identity (IMSI), so the network can make the UE re-register on a working P-CSCF. IMS-internal; removed at the trust-domain boundary.',
  },
  {
    name: 'RSeq',
    registered: true,
    status: 'current',
    rfc: 'RFC3262',
    section: '7.1',
    multiplicity: 'single',
    description:
      'Sequence number of a reliable provisional response (100rel): present in every reliably sent 1xx other than 100, starting at a random value and increasing by one for each further reliable 1xx. The UAS retransmits the 1xx until a PRACK whose RAck echoes this number arrives.',
  },
  {
    name: 'Security-Client',
    registered: true,
    status: 'current',
    rfc: 'RFC3329',
    section: '2.2',
    multiplicity: 'list',
    description:
      'Security mechanisms the UA supports toward its first hop (digest, tls, ipsec-ike, ipsec-man, ipsec-3gpp), with optional q preference and mechanism parameters. In IMS the UE puts ipsec-3gpp with alg, ealg, spi-c, spi-s, port-c and port-s here in the initial REGISTER to set up IPsec with the P-CSCF. Goes with Require/Proxy-Require: sec-agree.',
  },
  {
    name: 'Security-Server',
    registered: true,
    status: 'current',
    rfc: 'RFC3329',
    section: '2.2',
    multiplicity: 'list',
    description:
      'Security mechanisms the first-hop server supports, sent in a 494 Security Agreement Required response or, in IMS, added by the P-CSCF to the 401 challenge to REGISTER with its own IPsec SPIs and ports. The client picks the best common mechanism and starts using it.',
  },
  {
    name: 'Security-Verify',
    registered: true,
    status: 'current',
    rfc: 'RFC3329',
    section: '2.2',
    multiplicity: 'list',
    description:
      'The client copies the Security-Server list it received into later requests sent over the protected channel, so the server can detect a downgrade attack that stripped mechanisms from the first exchange. In IMS, the protected REGISTER after the 401 carries it.',
  },
  {
    name: 'Service-Interact-Info',
    registered: true,
    status: 'current',
    rfc: '3GPP TS 24.229 v13.18.0',
    section: '7.2.14',
    multiplicity: 'list',
    description:
      'Passed between IMS application servers to avoid service conflicts: lists services already executed and services later ASs should not run. Trust-domain only, removed at the boundary; UEs are not expected to see it.',
  },
  {
    name: 'Service-Route',
    registered: true,
    status: 'current',
    rfc: 'RFC3608',
    section: '5',
    multiplicity: 'list',
    description:
      'Returned by the registrar in the 2xx to REGISTER: a route (in IMS, towards the S-CSCF) that the UA preloads as Route headers on requests it originates, so outgoing calls pass through the home network services. Replaced by whatever the next successful registration returns.',
  },
  {
    name: 'Session-Expires',
    compactForm: 'x',
    registered: true,
    status: 'current',
    rfc: 'RFC4028',
    section: '4',
    multiplicity: 'single',
    description:
      'Session-timer interval in seconds, with refresher=uac or refresher=uas naming who must refresh (re-INVITE or UPDATE), normally at half the interval; 1800 is a common value. A server that finds it too small answers 422 with Min-SE. Needs Supported: timer; a 2xx without it means no timer was agreed, and a session not refreshed in time should be ended with BYE.',
  },
  {
    name: 'Session-ID',
    registered: true,
    status: 'current',
    rfc: 'RFC7989',
    section: '5',
    multiplicity: 'single',
    description:
      'End-to-end session identifier: a 32-hex-digit UUID for the local side plus remote=<peer UUID>, which B2BUAs and SBCs should pass through so one call can be followed across many Call-IDs. The remote value is the all-zero null UUID until the peer UUID is known. The older RFC 7329 form has no remote parameter.',
  },
  {
    name: 'SIP-ETag',
    registered: true,
    status: 'current',
    rfc: 'RFC3903',
    section: '11.3.1',
    multiplicity: 'single',
    description:
      'Entity tag the event state compositor gives to published state, returned in the 2xx to PUBLISH. The publisher must quote it in SIP-If-Match when it refreshes, modifies or removes that state.',
  },
  {
    name: 'SIP-If-Match',
    registered: true,
    status: 'current',
    rfc: 'RFC3903',
    section: '11.3.2',
    multiplicity: 'single',
    description:
      'In a PUBLISH, the entity tag (from an earlier SIP-ETag) of the state being refreshed, modified or removed; a pure refresh carries no body. An unknown or expired tag gets 412 Conditional Request Failed, after which the publisher starts again with an initial PUBLISH.',
  },
  {
    name: 'Subscription-State',
    registered: true,
    status: 'current',
    rfc: 'RFC6665',
    section: '8.2.3',
    multiplicity: 'single',
    description:
      'Required in every NOTIFY: active, pending or terminated, with expires=<seconds left> while the subscription lives and, when terminated, a reason (e.g. timeout, noresource, rejected, deactivated) and optional retry-after. A NOTIFY with terminated ends the subscription.',
  },
  {
    name: 'Suppress-If-Match',
    registered: true,
    status: 'current',
    rfc: 'RFC5839',
    section: '7.2',
    multiplicity: 'single',
    description:
      'Conditional event notification: the subscriber puts the entity tag of the state it already holds in a SUBSCRIBE, and when the state is unchanged the notifier leaves out the NOTIFY body, or skips the NOTIFY entirely and answers the SUBSCRIBE with 204 No Notification; * matches any tag. Saves traffic on presence and dialog subscription refreshes.',
  },
  {
    name: 'Target-Dialog',
    registered: true,
    status: 'current',
    rfc: 'RFC4538',
    section: '7',
    multiplicity: 'single',
    description:
      'In a dialog-creating request, typically an out-of-dialog REFER for transfer, names an existing dialog (call-id;local-tag=...;remote-tag=...) the sender knows about, so the recipient can authorize the request as coming from its current peer. Support is shown with the tdialog option tag.',
  },
  {
    name: 'Trigger-Consent',
    registered: true,
    status: 'current',
    rfc: 'RFC5360',
    section: '5.11.2',
    multiplicity: 'list',
    description:
      'Consent framework: a relay (e.g. a registrar or list server) that is about to send traffic to a recipient uses it to start the consent process; each value is a URI with an optional target-uri parameter naming the address being translated. Uncommon outside specialised servers.',
  },
  {
    name: 'User-to-User',
    registered: true,
    status: 'current',
    rfc: 'RFC7433',
    section: '4.1',
    multiplicity: 'list',
    description:
      'Opaque call-control User-to-User Information (UUI), e.g. ISDN UUIE data or contact-center call data, in INVITE, BYE and their responses: hex data with ;encoding=hex;purpose=<package>;content=<type>, purpose defaulting to isdn-uui. Often embedded as ?User-to-User= in a 3xx Contact or Refer-To URI so it follows a redirect or transfer.',
  },
  {
    name: 'Via',
    compactForm: 'v',
    registered: true,
    status: 'current',
    rfc: 'RFC3261',
    section: '20.42',
    seeAlso: ['RFC7118'],
    multiplicity: 'list',
    description:
      'One entry per hop the request passed: SIP/2.0/transport (UDP, TCP, TLS, SCTP, and WS/WSS from RFC 7118), sent-by host:port, and a branch starting with z9hG4bK that identifies the transaction. Responses retrace the list, with received= and rport (RFC 3581) recording the real source address behind NAT. A UAC should discard a response carrying more than one Via.',
  },
];
