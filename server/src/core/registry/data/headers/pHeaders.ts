import type { HeaderData } from '../../types';

/**
 * Registered private (P-) header fields, mostly from 3GPP IMS, PacketCable and OMA PoC. Names and
 * references from headers.tsv; sections are where each RFC defines the header field.
 */
export const P_HEADERS: readonly HeaderData[] = [
  {
    name: 'P-Access-Network-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC7315',
    section: '4.4',
    multiplicity: 'list',
    description:
      'Access technology and location of the UE, e.g. 3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=<MCC MNC TAC cell> for VoLTE or IEEE-802.11 for VoWiFi. Added by the UE (and a network-provided copy by the P-CSCF); used for emergency routing, charging and intercept, and must be removed toward untrusted parties since it reveals location.',
  },
  {
    name: 'P-Answer-State',
    registered: true,
    status: 'current',
    rfc: 'RFC4964',
    section: '6',
    multiplicity: 'single',
    description:
      'OMA Push-to-talk over Cellular: says whether the answer is Confirmed (the terminal really answered) or Unconfirmed (a PTT server auto-answered on its behalf). Meaningful only inside PoC networks.',
  },
  {
    name: 'P-Asserted-Identity',
    registered: true,
    status: 'current',
    rfc: 'RFC3325',
    section: '9.1',
    multiplicity: 'list',
    description:
      'Caller identity vouched for by a trusted proxy: at most one SIP/SIPS URI and one tel URI. The usual source of caller ID on carrier trunks and in IMS; accept it only from peers in the trust domain, and strip it toward untrusted networks or when Privacy: id is requested.',
  },
  {
    name: 'P-Asserted-Service',
    registered: true,
    status: 'current',
    rfc: 'RFC6050',
    section: '4.1',
    multiplicity: 'list',
    description:
      'Service identifier asserted by a trusted proxy after checking that the user is entitled to it, e.g. urn:urn-7:3gpp-service.ims.icsi.mmtel. Lets later IMS nodes route and charge without re-analysing the request; removed toward untrusted entities.',
  },
  {
    name: 'P-Associated-URI',
    registered: true,
    status: 'current',
    rfc: 'RFC7315',
    section: '4.1',
    multiplicity: 'list',
    description:
      'Other public identities (tel: numbers, SIP aliases) linked to the registered address-of-record, returned by the registrar in the 200 to REGISTER. IMS UEs typically use the first one as their default identity; the list does not mean those URIs are registered.',
  },
  {
    name: 'P-Called-Party-ID',
    registered: true,
    status: 'current',
    rfc: 'RFC7315',
    section: '4.2',
    multiplicity: 'single',
    description:
      'The Request-URI as it reached the terminating S-CSCF, before retargeting to the registered contact. Tells a UE with several public identities which one was actually called.',
  },
  {
    name: 'P-Charge-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC8496',
    section: '5',
    multiplicity: 'single',
    description:
      'Number or URI to bill when it differs from the caller ID, e.g. the main trunk number of a PBX whose users present their own DIDs in P-Asserted-Identity. Common on North American SIP trunks; trust it only from known peers.',
  },
  {
    name: 'P-Charging-Function-Addresses',
    registered: true,
    status: 'current',
    rfc: 'RFC7315',
    section: '4.5',
    multiplicity: 'single',
    description:
      'Addresses of the charging functions for the session: ccf for offline charging (CDF) and ecf for online charging (OCS). Distributed by the home network to IMS nodes and stripped at the trust-domain edge.',
  },
  {
    name: 'P-Charging-Vector',
    registered: true,
    status: 'current',
    rfc: 'RFC7315',
    section: '4.6',
    multiplicity: 'single',
    description:
      'Charging correlation data: icid-value (unique per session), icid-generated-at, orig-ioi and term-ioi inter-operator identifiers, plus transit-ioi and related-icid. Created by the first IMS node and carried along so CDRs from different nodes can be matched.',
  },
  {
    name: 'P-DCS-Trace-Party-ID',
    registered: true,
    status: 'current',
    rfc: 'RFC5503',
    section: '5',
    multiplicity: 'single',
    description:
      'PacketCable: identity of the party to trace when a subscriber invokes customer-originated trace of a harassing call. Sent from the MTA to its proxy and handled only by trusted elements.',
  },
  {
    name: 'P-DCS-OSPS',
    registered: true,
    status: 'current',
    rfc: 'RFC5503',
    section: '6',
    multiplicity: 'single',
    description:
      'PacketCable operator services: BLV (busy line verification), EI (emergency interrupt) or RING (operator ringback). Lets operator equipment check, barge into or re-ring a line; honoured only from trusted elements.',
  },
  {
    name: 'P-DCS-Billing-Info',
    registered: true,
    status: 'current',
    rfc: 'RFC5503',
    section: '7',
    multiplicity: 'single',
    description:
      'PacketCable billing data exchanged between DCS proxies: billing correlation ID, financial entity ID, and charged, calling and called numbers. Used for settlement between domains; never sent to untrusted UAs.',
  },
  {
    name: 'P-DCS-LAES',
    registered: true,
    status: 'current',
    rfc: 'RFC5503',
    section: '8',
    multiplicity: 'single',
    description:
      'PacketCable lawful intercept: where to deliver call-data events and call content for a subject under surveillance. Exchanged only between trusted proxies; seeing it toward a UA indicates a serious leak.',
  },
  {
    name: 'P-DCS-Redirect',
    registered: true,
    status: 'current',
    rfc: 'RFC5503',
    section: '8',
    multiplicity: 'single',
    description:
      'PacketCable: original called number, redirector and redirect count for a call under lawful intercept that gets forwarded, so surveillance follows the call. Trusted proxies only.',
  },
  {
    name: 'P-Early-Media',
    registered: true,
    status: 'current',
    rfc: 'RFC5009',
    section: '8',
    multiplicity: 'list',
    description:
      'Early media authorization: supported in the INVITE, then sendrecv, sendonly, recvonly, inactive or gated in 18x/UPDATE to tell the gating network which direction it may open. Common at IMS and PSTN interconnects so ringback and announcements from the far network get through before 200 OK.',
  },
  {
    name: 'P-Media-Authorization',
    registered: true,
    status: 'current',
    rfc: 'RFC3313',
    section: '5.1',
    multiplicity: 'list',
    description:
      'Opaque tokens (hex strings) issued by a QoS-aware proxy, which the UE presents when reserving network resources so the edge router can tie them to the authorized session. Used in PacketCable and early IMS QoS.',
  },
  {
    name: 'P-Preferred-Identity',
    registered: true,
    status: 'current',
    rfc: 'RFC3325',
    section: '9.2',
    multiplicity: 'list',
    description:
      'Identity the UA would like its trusted proxy to assert when the user has several. The proxy checks it, replaces it with P-Asserted-Identity and does not forward P-Preferred-Identity.',
  },
  {
    name: 'P-Preferred-Service',
    registered: true,
    status: 'current',
    rfc: 'RFC6050',
    section: '4.2',
    multiplicity: 'list',
    description:
      'Service the UE asks for, as an IMS communication service identifier URN. The proxy validates it against the subscription and converts it into P-Asserted-Service.',
  },
  {
    name: 'P-Private-Network-Indication',
    registered: true,
    status: 'current',
    rfc: 'RFC7316',
    section: '7',
    multiplicity: 'single',
    description:
      'Marks a request as private (business) network traffic of a given enterprise domain, e.g. hosted PBX or business trunking in IMS/NGN, so it is handled by corporate rather than public rules. Added and removed at the trust-domain edge.',
  },
  {
    name: 'P-Profile-Key',
    registered: true,
    status: 'current',
    rfc: 'RFC5002',
    section: '5',
    multiplicity: 'single',
    description:
      'Key (typically a wildcarded public service identity) used to find the served user profile in the HSS when the Request-URI does not match a stored entry directly. Inserted by the I-CSCF toward the S-CSCF.',
  },
  {
    name: 'P-Refused-URI-List',
    registered: true,
    status: 'current',
    rfc: 'RFC5318',
    section: '5',
    multiplicity: 'list',
    description:
      'OMA PoC: returned by a URI-list server that refuses to expand an embedded URI list (a pre-arranged group). Names the refused list and its members so the originator can invite them individually.',
  },
  {
    name: 'P-Served-User',
    registered: true,
    status: 'current',
    rfc: 'RFC5502',
    seeAlso: ['RFC8498'],
    section: '6',
    multiplicity: 'single',
    description:
      'User whose service profile applies, passed from the S-CSCF to an application server on the ISC interface, with sescase=orig or term and regstate=reg or unreg. RFC 8498 adds orig-cdiv for the originating leg after call diversion.',
  },
  {
    name: 'P-User-Database',
    registered: true,
    status: 'current',
    rfc: 'RFC4457',
    section: '4',
    multiplicity: 'single',
    description:
      'Diameter URI of the HSS holding the user profile, added by the I-CSCF in networks with several HSSs so the S-CSCF can skip the SLF lookup. Must be removed before the request leaves the IMS core.',
  },
  {
    name: 'P-Visited-Network-ID',
    registered: true,
    status: 'current',
    rfc: 'RFC7315',
    section: '4.3',
    multiplicity: 'list',
    description:
      'Name of the visited network, added by the P-CSCF of a roaming UE (notably on REGISTER) so the home network can check its roaming agreements. Removed by the home network once consumed.',
  },
];
