import type { OptionTagData } from '../types';

/**
 * IANA-registered SIP option tags (option-tags.tsv, IANA order), as used in Supported, Require,
 * Proxy-Require and Unsupported. Section is filled only where we could confirm it; descriptions are our own.
 */
export const OPTION_TAGS: readonly OptionTagData[] = [
  {
    name: '100rel',
    rfc: 'RFC3262',
    section: '3',
    description:
      'Reliable provisional responses: a 1xx sent with Require: 100rel carries RSeq and must be acknowledged with PRACK; UACs offer it in Supported (or insist with Require) on the INVITE.',
  },
  {
    name: '199',
    rfc: 'RFC6228',
    section: '',
    description:
      'The UAC understands the 199 Early Dialog Terminated provisional response, which tells it that one forked early dialog has ended; listed in Supported on the INVITE.',
  },
  {
    name: 'answermode',
    rfc: 'RFC5373',
    section: '',
    description:
      'Support for the Answer-Mode and Priv-Answer-Mode headers that ask the callee to auto-answer (intercom, paging, push-to-talk); sent in Supported or Require on INVITE.',
  },
  {
    name: 'early-session',
    rfc: 'RFC3959',
    section: '',
    description:
      'Early media negotiated as a separate offer/answer in a body part with Content-Disposition: early-session, instead of reusing the session SDP; advertised in Supported, demanded with Require.',
  },
  {
    name: 'eventlist',
    rfc: 'RFC4662',
    section: '',
    description:
      'The subscriber can handle resource list subscriptions, where one SUBSCRIBE to a list URI returns multipart/related notifications with an RLMI document; sent in Supported on SUBSCRIBE.',
  },
  {
    name: 'explicitsub',
    rfc: 'RFC7614',
    section: '',
    description:
      'REFER extension in which the outcome of the referral is reported through an explicit SUBSCRIBE-created subscription rather than the implicit one; carried in Require or Supported around REFER.',
  },
  {
    name: 'from-change',
    rfc: 'RFC4916',
    section: '',
    description:
      'The UA accepts a change of the From or To URI within a dialog, as used for connected-identity updates sent in UPDATE or re-INVITE; listed in Supported.',
  },
  {
    name: 'geolocation-http',
    rfc: 'RFC6442',
    section: '',
    description:
      'The UA can dereference an HTTP or HTTPS location URI found in a Geolocation header (location by reference); listed in Supported, mainly for emergency calls.',
  },
  {
    name: 'geolocation-sip',
    rfc: 'RFC6442',
    section: '',
    description:
      'The UA can dereference a SIP or SIPS location URI found in a Geolocation header by subscribing to it; listed in Supported, mainly for emergency calls.',
  },
  {
    name: 'gin',
    rfc: 'RFC6140',
    section: '',
    description:
      'Bulk registration of a SIP-PBX number range in one REGISTER using a bnc Contact URI, as offered by SIP trunking providers; sent in Require and Proxy-Require on REGISTER.',
  },
  {
    name: 'gruu',
    rfc: 'RFC5627',
    section: '',
    description:
      'The UA supports Globally Routable UA URIs and wants the registrar to return pub-gruu and temp-gruu values for its instance; sent in Supported on REGISTER.',
  },
  {
    name: 'histinfo',
    rfc: 'RFC7044',
    section: '',
    description:
      'The UA supports History-Info and wants retargeting history captured; only ever placed in Supported, never in Require or Proxy-Require.',
  },
  {
    name: 'ice',
    rfc: 'RFC5768',
    section: '',
    description:
      'The UA implements ICE for media NAT traversal, so peers may rely on candidates in the SDP; advertised in Supported, typically on INVITE and in OPTIONS answers.',
  },
  {
    name: 'join',
    rfc: 'RFC3911',
    section: '',
    description:
      'Support for the Join header, which lets a new INVITE join an existing dialog or conference (barge-in, silent monitoring); advertised in Supported.',
  },
  {
    name: 'multiple-refer',
    rfc: 'RFC5368',
    section: '',
    description:
      'The recipient accepts a REFER whose body is a URI list, asking it to refer several targets at once (typically a conference focus); sent in Require on that REFER.',
  },
  {
    name: 'norefersub',
    rfc: 'RFC4488',
    section: '',
    description:
      'The UA understands Refer-Sub: false, so a REFER can skip the implicit subscription and its NOTIFY traffic; advertised in Supported and used in Require on such REFERs.',
  },
  {
    name: 'nosub',
    rfc: 'RFC7614',
    section: '',
    description:
      'REFER extension indicating that no implicit subscription is created for the referral; carried in Require or Supported around REFER.',
  },
  {
    name: 'outbound',
    rfc: 'RFC5626',
    section: '',
    description:
      'SIP Outbound: the UA keeps persistent flows identified by reg-id and +sip.instance with keepalives, and the edge proxy routes incoming requests back over them; sent in Supported on REGISTER and returned in Require when applied.',
  },
  {
    name: 'path',
    rfc: 'RFC3327',
    section: '',
    description:
      'The UA or registrar supports the Path header, with which edge proxies record themselves on REGISTER so later requests to the AOR come back through them; sent in Supported on REGISTER.',
  },
  {
    name: 'policy',
    rfc: 'RFC6794',
    section: '',
    description:
      'The UA supports session policies, where a proxy can direct it to policy servers through Policy-Contact; listed in Supported.',
  },
  {
    name: 'precondition',
    rfc: 'RFC3312',
    section: '',
    description:
      'Preconditions: the callee is not alerted until QoS or other conditions described in the SDP are met, usually via 183, PRACK and UPDATE; in Supported or Require on INVITE, common in IMS and VoLTE.',
  },
  {
    name: 'pref',
    rfc: 'RFC3840',
    section: '',
    description:
      'Caller preferences and callee capabilities: feature tags in Contact plus Accept-Contact, Reject-Contact and Request-Disposition; advertised in Supported.',
  },
  {
    name: 'privacy',
    rfc: 'RFC3323',
    section: '',
    description:
      'Placed only in Proxy-Require to insist that a privacy service honour the Privacy header; it is not used in Require or Supported.',
  },
  {
    name: 'recipient-list-invite',
    rfc: 'RFC5366',
    section: '',
    description:
      'The server (usually a conference focus) accepts an INVITE carrying a URI list and invites every listed party; sent in Require on that INVITE.',
  },
  {
    name: 'recipient-list-message',
    rfc: 'RFC5365',
    section: '',
    description:
      'The server accepts a MESSAGE whose body holds a URI list and fans the message out to each recipient; sent in Require on that MESSAGE.',
  },
  {
    name: 'recipient-list-subscribe',
    rfc: 'RFC5367',
    section: '',
    description:
      'The server accepts a SUBSCRIBE carrying a URI list and builds an ad hoc resource list from it; sent in Require on that SUBSCRIBE.',
  },
  {
    name: 'record-aware',
    rfc: 'RFC7866',
    section: '',
    description:
      'The UA is recording-aware: it can be told that the session is being recorded and can express recording preferences; advertised in Supported.',
  },
  {
    name: 'replaces',
    rfc: 'RFC3891',
    section: '',
    description:
      'Support for the Replaces header, which lets a new INVITE take over an existing dialog, used for attended transfer and directed call pickup; advertised in Supported.',
  },
  {
    name: 'resource-priority',
    rfc: 'RFC4412',
    section: '',
    description:
      'The UA or proxy understands Resource-Priority and Accept-Resource-Priority for priority and emergency-preparedness calls (namespaces such as dsn, wps, ets); used in Require or Supported.',
  },
  {
    name: 'sdp-anat',
    rfc: 'RFC4092',
    section: '',
    description:
      'ANAT grouping, letting one SDP offer list alternative IPv4 and IPv6 media addresses; superseded in practice by ICE but still sent in Supported or Require by some older IMS equipment.',
  },
  {
    name: 'sec-agree',
    rfc: 'RFC3329',
    section: '',
    description:
      'Security mechanism agreement through Security-Client, Security-Server and Security-Verify, used by IMS UEs to set up IPsec toward the P-CSCF; sent in Require and Proxy-Require on REGISTER.',
  },
  {
    name: 'siprec',
    rfc: 'RFC7866',
    section: '',
    description:
      'Marks a recording session set up by a Session Recording Client toward a recording server (SIPREC); the SRC puts it in Require on the INVITE so ordinary UAs reject it.',
  },
  {
    name: 'tdialog',
    rfc: 'RFC4538',
    section: '',
    description:
      'Support for Target-Dialog, which lets a request sent outside a dialog (often REFER) show that it relates to an existing dialog so it can be authorized; advertised in Supported.',
  },
  {
    name: 'timer',
    rfc: 'RFC4028',
    section: '',
    description:
      'Session timers: periodic re-INVITE or UPDATE refreshes negotiated with Session-Expires and Min-SE; in Supported on INVITE, and in Require on a 2xx when the UAC has been made the refresher.',
  },
  {
    name: 'trickle-ice',
    rfc: 'RFC8840',
    section: '',
    description:
      'Trickle ICE over SIP: ICE candidates are sent incrementally in INFO requests (Info Package trickle-ice) instead of all in the initial offer; advertised in Supported.',
  },
  {
    name: 'uui',
    rfc: 'RFC7433',
    section: '',
    description:
      'Support for the User-to-User header, which carries ISDN-style user-to-user information (contact-center data, call context) across SIP; used in Supported or Require.',
  },
];
