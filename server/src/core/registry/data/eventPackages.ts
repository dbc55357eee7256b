import type { EventPackageData } from '../types';

/**
 * SIP event packages for Event / Allow-Events: the 22 IANA rows (event-packages.tsv, IANA order),
 * then two unregistered vendor packages that are common in the field. Descriptions are our own.
 */
export const EVENT_PACKAGES: readonly EventPackageData[] = [
  {
    name: 'call-completion',
    type: 'package',
    rfc: 'RFC6910',
    section: '',
    registered: true,
    description:
      'Call completion (CCBS on busy, CCNR on no reply): the caller subscribes to the callee side and is told when the party becomes available so a recall can be placed.',
  },
  {
    name: 'certificate',
    type: 'package',
    rfc: 'RFC6072',
    section: '',
    registered: true,
    description:
      'Lets a UA subscribe to and retrieve another user\'s certificate from a credential service, and learn when it changes.',
  },
  {
    name: 'credential',
    type: 'package',
    rfc: 'RFC6072',
    section: '',
    registered: true,
    description:
      'Lets a UA subscribe to its own credentials (certificate and private key) held by a credential service, keeping several devices of one user in sync.',
  },
  {
    name: 'conference',
    type: 'package',
    rfc: 'RFC4575',
    section: '3',
    registered: true,
    description:
      'Conference state from the focus (participants, their endpoints and media) in application/conference-info+xml bodies.',
  },
  {
    name: 'consent-pending-additions',
    type: 'package',
    rfc: 'RFC5362',
    section: '',
    registered: true,
    description:
      'Tells the owner of a relay\'s URI list which recipients are still waiting to give consent before they are added (consent framework).',
  },
  {
    name: 'dialog',
    type: 'package',
    rfc: 'RFC4235',
    section: '3',
    registered: true,
    description:
      'Dialog state (trying, early, confirmed, terminated) in application/dialog-info+xml; the basis of busy-lamp fields and call pickup on most IP phones and PBXs.',
  },
  {
    name: 'http-monitor',
    type: 'package',
    rfc: 'RFC5989',
    section: '',
    registered: true,
    description:
      'Notifies a subscriber when an HTTP resource it is interested in changes, so it can fetch the new version.',
  },
  {
    name: 'kpml',
    type: 'package',
    rfc: 'RFC4730',
    section: '',
    registered: true,
    description:
      'Key Press Markup Language: an application server subscribes to a UA or media server and is told about DTMF digits matching a digit pattern.',
  },
  {
    name: 'load-control',
    type: 'package',
    rfc: 'RFC7200',
    section: '',
    registered: true,
    description:
      'Distributes load-filtering rules to SIP servers so they throttle traffic toward overloaded destinations, e.g. during mass-calling events.',
  },
  {
    name: 'message-summary',
    type: 'package',
    rfc: 'RFC3842',
    section: '',
    registered: true,
    description:
      'Message waiting indication: new and old voicemail counts in application/simple-message-summary that drive the MWI lamp; PBXs often send it unsolicited without a SUBSCRIBE.',
  },
  {
    name: 'poc-settings',
    type: 'package',
    rfc: 'RFC4354',
    section: '',
    registered: true,
    description:
      'Push-to-talk over Cellular: carries PoC service settings such as answer mode and incoming session barring between client and server.',
  },
  {
    name: 'presence',
    type: 'package',
    rfc: 'RFC3856',
    section: '6',
    registered: true,
    description:
      'Presence of a presentity, normally as application/pidf+xml; some platforms also use it for busy-lamp fields.',
  },
  {
    name: 'reg',
    type: 'package',
    rfc: 'RFC3680',
    section: '3',
    registered: true,
    description:
      'Registration state of an address-of-record in application/reginfo+xml; IMS UEs and P-CSCFs subscribe to it to learn about network-initiated deregistration.',
  },
  {
    name: 'refer',
    type: 'package',
    rfc: 'RFC3515',
    section: '3',
    registered: true,
    description:
      'Progress of a REFER, reported in NOTIFYs whose message/sipfrag bodies hold status lines of the referred request; the subscription is created implicitly by REFER.',
  },
  {
    name: 'session-spec-policy',
    type: 'package',
    rfc: 'RFC6795',
    section: '',
    registered: true,
    description:
      'Session-specific policies: a UA subscribes to a policy server to receive the policy that applies to a particular session.',
  },
  {
    name: 'Siemens-RTP-Stats',
    type: 'package',
    rfc: '',
    section: '',
    registered: true,
    description:
      'Vendor package registered by Siemens for RTP statistics reports, with no RFC behind it; rarely seen outside Siemens/Unify equipment.',
  },
  {
    name: 'spirits-INDPs',
    type: 'package',
    rfc: 'RFC3910',
    section: '',
    registered: true,
    description:
      'SPIRITS: reports PSTN intelligent-network detection points (for example an incoming call to a busy line) to an IP host, as in Internet call waiting.',
  },
  {
    name: 'spirits-user-prof',
    type: 'package',
    rfc: 'RFC3910',
    section: '',
    registered: true,
    description:
      'SPIRITS: notifies an IP host about changes to a PSTN user\'s profile, such as registration state in the mobile network.',
  },
  {
    name: 'ua-profile',
    type: 'package',
    rfc: 'RFC6080',
    section: '',
    registered: true,
    description:
      'User agent configuration: a device subscribes to learn where its configuration profile is and is notified when it changes.',
  },
  {
    name: 'vq-rtcpxr',
    type: 'package',
    rfc: 'RFC6035',
    section: '',
    registered: true,
    description:
      'Voice quality reports built from RTCP XR metrics in application/vq-rtcpxr bodies, usually sent with PUBLISH to a collector at the end of a call.',
  },
  {
    name: 'winfo',
    type: 'template',
    rfc: 'RFC3857',
    section: '',
    registered: true,
    description:
      'Watcher information template package, appended to another package (presence.winfo) to learn who is subscribed to a resource, in application/watcherinfo+xml.',
  },
  {
    name: 'xcap-diff',
    type: 'package',
    rfc: 'RFC5875',
    section: '',
    registered: true,
    description:
      'Notifies changes to XCAP documents such as buddy lists or presence authorization rules, in application/xcap-diff+xml.',
  },
  {
    name: 'as-feature-event',
    type: 'package',
    rfc: '',
    section: '',
    registered: false,
    description:
      'BroadSoft feature event package that keeps do-not-disturb and call forwarding settings in sync between phone and server; not IANA-registered but supported by Asterisk, Kamailio, OpenSIPS, Polycom and Yealink.',
  },
  {
    name: 'check-sync',
    type: 'package',
    rfc: '',
    section: '',
    registered: false,
    description:
      'Vendor-specific trigger, usually an unsolicited NOTIFY, that makes a phone re-check its provisioning or reboot; semantics differ per vendor and it is not IANA-registered.',
  },
];
