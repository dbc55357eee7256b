import type { MethodData } from '../types';

/**
 * SIP request methods: the 14 IANA-registered methods (methods.tsv, IANA order) followed by the
 * unregistered ones real stacks know about (methods-unregistered.tsv). Descriptions are our own.
 */
export const METHODS: readonly MethodData[] = [
  {
    name: 'ACK',
    registered: true,
    rfc: 'RFC3261',
    section: '17.1.1.3',
    description:
      'Confirms that the UAC got a final response to its INVITE, completing the three-way handshake. For a non-2xx final it is built hop by hop by the client transaction (same branch and CSeq number as the INVITE); for a 2xx it is a new end-to-end request in the dialog (RFC 3261 13.2.2.4) that follows the route set. ACK is never answered, so a lost ACK for a 2xx shows up as the UAS retransmitting its 200 and, after 64*T1, giving up and sending BYE.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'BYE',
    registered: true,
    rfc: 'RFC3261',
    section: '15',
    description:
      'Ends a dialog and the session it carries. The callee may only send it on a confirmed dialog, the caller on early or confirmed ones; to abandon a call that has not been answered, the caller normally sends CANCEL instead. A 481 answer usually means the far end already cleared the call or a B2BUA/SBC rewrote the Call-ID or tags.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'CANCEL',
    registered: true,
    rfc: 'RFC3261',
    section: '9',
    description:
      'Asks a server to stop working on a pending request, in practice an INVITE without a final response yet. It is hop by hop: Request-URI, Call-ID, To, From, top Via branch and CSeq number are copied from the INVITE (method CANCEL), it gets its own 200 and the INVITE is then answered 487. It must not be sent before a provisional response arrives, and a race with the 200 of the INVITE is normal: the caller then ACKs and sends BYE.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'INFO',
    registered: true,
    rfc: 'RFC6086',
    section: '4',
    description:
      'Carries application data inside an INVITE dialog without changing dialog or session state; typical payloads are DTMF (application/dtmf-relay, application/dtmf) and video fast-update requests. RFC 6086 replaced RFC 2976 and added Info Packages negotiated with Recv-Info, but many stacks still send package-less legacy INFO. A receiver that does not accept the package answers 469 Bad Info Package.',
    createsDialog: 'no',
    requiredHeaders: [
      {
        header: 'Info-Package',
        level: 'should',
        rfc: 'RFC6086',
        section: '4',
        note: 'mandatory when the INFO belongs to an Info Package (RFC 6086 framework); legacy RFC 2976 style INFO has none',
      },
    ],
  },
  {
    name: 'INVITE',
    registered: true,
    rfc: 'RFC3261',
    section: '13',
    seeAlso: ['RFC6026'],
    description:
      'Sets up a session and creates a dialog; the body is normally an SDP offer, or empty for a late offer where the 200 carries the offer and the ACK the answer. Sent inside an existing dialog (re-INVITE) it modifies the session and refreshes the remote target. It is the only method with the ACK handshake and its own transaction timers; RFC 6026 fixed how 2xx retransmissions and forked 2xx are handled.',
    createsDialog: 'yes',
    requiredHeaders: [
      {
        header: 'Contact',
        level: 'must',
        rfc: 'RFC3261',
        section: '8.1.1.8',
        note: 'exactly one SIP or SIPS URI; it must be SIPS when the Request-URI or top Route is SIPS',
      },
    ],
  },
  {
    name: 'MESSAGE',
    registered: true,
    rfc: 'RFC3428',
    section: '9',
    description:
      'Sends a page-mode instant message whose body is the content itself (text/plain, message/cpim, SMS containers in IMS). It does not create a dialog, so each MESSAGE stands alone, although it may also be sent inside an existing dialog. A 200 or 202 only says the next hop or recipient accepted it, not that anyone read it; read and delivery receipts need IMDN.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'NOTIFY',
    registered: true,
    rfc: 'RFC6665',
    section: '3.2',
    description:
      'Delivers event state for a subscription created by SUBSCRIBE or by the implicit subscription of REFER; Event names the package and Subscription-State says active, pending or terminated. If it overtakes the 2xx to SUBSCRIBE it creates the dialog itself. Unsolicited NOTIFYs without any subscription (message-summary, check-sync) are common on PBXs and phones but fall outside the RFC.',
    createsDialog: 'conditional',
    requiredHeaders: [
      {
        header: 'Event',
        level: 'must',
        rfc: 'RFC6665',
        section: '3.2',
        note: 'one value, matching the package (and id) of the subscription',
      },
      {
        header: 'Subscription-State',
        level: 'must',
        rfc: 'RFC6665',
        section: '4.2',
        note: 'active, pending or terminated, with expires or reason parameters',
      },
      {
        header: 'Contact',
        level: 'must',
        rfc: 'RFC3261',
        section: '8.1.1.8',
        note: 'a NOTIFY can establish the dialog when it arrives before the 2xx to SUBSCRIBE, so the rule for dialog-creating requests applies',
      },
    ],
  },
  {
    name: 'OPTIONS',
    registered: true,
    rfc: 'RFC3261',
    section: '11',
    description:
      'Asks a UA or server for its capabilities without ringing anyone; the answer shows Allow, Accept, Supported and possibly an SDP of media capabilities. In the field it is mostly a keepalive or health probe between proxies, SBCs and trunks (Kamailio dispatcher, OpenSIPS, Asterisk qualify). The status is meant to be what an INVITE would get at that moment, but many devices simply always answer 200.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'PRACK',
    registered: true,
    rfc: 'RFC3262',
    section: '6',
    description:
      'Acknowledges a reliable provisional response (100rel). Its RAck repeats the RSeq of the 1xx and the CSeq number and method of the INVITE; the PRACK itself is an ordinary end-to-end request in the early dialog and gets its own 200. PRACK and its 200 can carry an SDP offer and answer, which is how preconditions and early-media updates are usually negotiated.',
    createsDialog: 'no',
    requiredHeaders: [
      {
        header: 'RAck',
        level: 'must',
        rfc: 'RFC3262',
        section: '7.2',
        note: 'identifies the reliable 1xx being acknowledged (RSeq, CSeq number, method)',
      },
    ],
  },
  {
    name: 'PUBLISH',
    registered: true,
    rfc: 'RFC3903',
    section: '4',
    description:
      'Uploads event state (presence, dialog state, RTCP XR call-quality reports) to an Event State Compositor instead of to each watcher. The first PUBLISH creates the state and the 2xx returns a SIP-ETag; refresh, modify and remove quote it in SIP-If-Match, and Expires: 0 removes it. A 412 Conditional Request Failed means the entity-tag is stale and the publisher must start again with an initial PUBLISH.',
    createsDialog: 'no',
    requiredHeaders: [
      {
        header: 'Event',
        level: 'must',
        rfc: 'RFC3903',
        section: '4',
        note: 'a single value naming the event package being published',
      },
    ],
  },
  {
    name: 'REFER',
    registered: true,
    rfc: 'RFC3515',
    section: '2',
    description:
      'Asks the recipient to contact the third party in Refer-To; it is the engine of call transfer (blind, and attended with a Replaces parameter embedded in the Refer-To URI). REFER creates a dialog through its implicit subscription to the refer event, and the recipient reports progress in NOTIFYs with message/sipfrag bodies. Refer-Sub: false with the norefersub option tag (RFC 4488) suppresses that subscription and is widely used by PBXs.',
    createsDialog: 'yes',
    requiredHeaders: [
      {
        header: 'Refer-To',
        level: 'must',
        rfc: 'RFC3515',
        section: '2.4.1',
        note: 'exactly one Refer-To value',
      },
      {
        header: 'Contact',
        level: 'must',
        rfc: 'RFC3515',
        section: '2',
        note: 'REFER creates a dialog (the implicit subscription), so a single Contact value is required',
      },
    ],
  },
  {
    name: 'REGISTER',
    registered: true,
    rfc: 'RFC3261',
    section: '10',
    description:
      'Binds an address-of-record (the To URI) to one or more contact addresses at a registrar, which then routes requests for that AOR to them. Expires or the Contact expires parameter sets the lifetime, Expires: 0 removes a binding, Contact: * with Expires: 0 removes all, and a REGISTER without Contact just lists the current bindings. A 401/407 challenge on the first attempt is normal; 423 Interval Too Brief means the requested expiry is below Min-Expires.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'SUBSCRIBE',
    registered: true,
    rfc: 'RFC6665',
    section: '3.1',
    description:
      'Requests notifications about an event package named in Event (presence, dialog for BLF, message-summary, reg, ...) and creates a dialog. The notifier accepts with 200 (202 is deprecated by RFC 6665) and sends an immediate NOTIFY with the current state; the subscription lives for Expires seconds and is renewed by re-SUBSCRIBE, while Expires: 0 fetches state once and ends it. An unsupported package gets 489 Bad Event.',
    createsDialog: 'yes',
    requiredHeaders: [
      {
        header: 'Event',
        level: 'must',
        rfc: 'RFC6665',
        section: '3.1.2',
        note: 'exactly one value naming the package, optionally with an id parameter',
      },
      {
        header: 'Contact',
        level: 'must',
        rfc: 'RFC3261',
        section: '8.1.1.8',
        note: 'SUBSCRIBE creates a dialog, so the rule for dialog-creating requests applies',
      },
    ],
  },
  {
    name: 'UPDATE',
    registered: true,
    rfc: 'RFC3311',
    section: '7',
    description:
      'Changes session parameters (a new SDP offer, or a session-timer refresh) without touching dialog state and, unlike re-INVITE, works in an early dialog before the INVITE is answered. It is a target refresh request completed in one transaction with no ACK. Support is shown by UPDATE in Allow; only one offer may be outstanding at a time and a collision is answered 491 Request Pending.',
    createsDialog: 'no',
    requiredHeaders: [
      {
        header: 'Contact',
        level: 'should',
        rfc: 'RFC3261',
        section: '12.2.1.1',
        note: 'UPDATE is a target refresh request, and target refresh requests are expected to carry Contact',
      },
    ],
  },
  {
    name: 'DO',
    registered: false,
    rfc: '',
    section: '',
    description:
      'Appears in Wireshark\'s SIP method list but is not registered with IANA and is not defined by any RFC; it is a leftover of old experiments. A UAS that does not know it should answer 501 Not Implemented like any unknown method.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'QAUTH',
    registered: false,
    rfc: '',
    section: '',
    description:
      'Listed in Wireshark\'s SIP method table but not registered with IANA nor defined by an RFC; it is practically never seen on the wire. Unknown to almost every stack, so expect 501 Not Implemented.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'SPRACK',
    registered: false,
    rfc: '',
    section: '',
    description:
      'Listed in Wireshark\'s SIP method table but not IANA-registered and not standardized; do not confuse it with PRACK. Stacks that do not know it answer 501 Not Implemented.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'KDMQ',
    registered: false,
    rfc: '',
    section: '',
    description:
      'Internal method of Kamailio\'s DMQ module, used between Kamailio nodes to replicate state such as htable, dialogs or usrloc. It should never leave the cluster; seeing it from or toward a customer usually means a routing or ACL mistake.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'SERVICE',
    registered: false,
    rfc: '',
    section: '',
    description:
      'Microsoft LCS/OCS (Lync) extension method that carries XML service requests from the client to the server, such as presence or contact-list operations. Only meaningful between Microsoft clients and servers; other stacks reject it as unknown.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
  {
    name: 'BENOTIFY',
    registered: false,
    rfc: '',
    section: '',
    description:
      'Microsoft OCS "best effort" NOTIFY: same role as NOTIFY, but the receiver sends no response, which saves round trips for high-volume presence updates. Not IANA-registered and only understood by Microsoft endpoints.',
    createsDialog: 'no',
    requiredHeaders: [],
  },
];
