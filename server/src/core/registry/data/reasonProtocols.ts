import type { ReasonProtocolData } from '../types';

/**
 * Protocol tokens of the Reason header (`Reason: <protocol>;cause=...;text="..."`), from the IANA
 * Reason Protocols registry (other-registries.tsv, IANA order). Descriptions are our own.
 */
export const REASON_PROTOCOLS: readonly ReasonProtocolData[] = [
  {
    name: 'SIP',
    rfc: 'RFC3261',
    section: '',
    description: 'The cause is a SIP status code, e.g. Reason: SIP;cause=200;text="Call completed elsewhere" on the CANCEL sent to other forks once one branch answered.',
  },
  {
    name: 'Q.850',
    rfc: 'ITU-T Q.850',
    section: '',
    description: 'The cause is an ITU-T Q.850 (ISDN/ISUP) cause value 1-127, e.g. Reason: Q.850;cause=16;text="Normal call clearing" on a BYE from a PSTN gateway; RFC 6432 allows it in responses too.',
  },
  {
    name: 'Preemption',
    rfc: 'RFC4411',
    section: '',
    description: 'The cause is a preemption reason (UA preemption, reserved resources preempted, generic or non-IP preemption) explaining why a call was torn down for a higher-priority one, used with Resource-Priority.',
  },
  {
    name: 'EMM',
    rfc: '3GPP TS 24.301',
    section: '',
    description: 'The cause is an LTE EPS Mobility Management cause value, telling why mobility procedures for the UE failed.',
  },
  {
    name: 'ESM',
    rfc: '3GPP TS 24.301',
    section: '',
    description: 'The cause is an LTE EPS Session Management cause value, e.g. a bearer setup failure behind a failed VoLTE call.',
  },
  {
    name: 'S1AP-RNL',
    rfc: '3GPP TS 36.413',
    section: '',
    description: 'The cause is an S1AP Radio Network Layer cause (LTE), such as loss of the radio connection, reported by the IMS when the bearer dropped.',
  },
  {
    name: 'S1AP-TL',
    rfc: '3GPP TS 36.413',
    section: '',
    description: 'The cause is an S1AP Transport Layer cause (LTE), i.e. a transport problem between eNodeB and core.',
  },
  {
    name: 'S1AP-NAS',
    rfc: '3GPP TS 36.413',
    section: '',
    description: 'The cause is an S1AP NAS cause (LTE), such as a normal release or detach.',
  },
  {
    name: 'S1AP-MISC',
    rfc: '3GPP TS 36.413',
    section: '',
    description: 'The cause is an S1AP miscellaneous cause (LTE), such as O&M intervention or an unspecified failure.',
  },
  {
    name: 'S1AP-PROT',
    rfc: '3GPP TS 36.413',
    section: '',
    description: 'The cause is an S1AP protocol error cause (LTE).',
  },
  {
    name: 'DIAMETER',
    rfc: '3GPP TS 29.274',
    section: '',
    description: 'The cause is a Diameter result code, letting IMS nodes pass a policy or charging failure into SIP.',
  },
  {
    name: 'IKEV2',
    rfc: '3GPP TS 29.274',
    section: '',
    description: 'The cause is an IKEv2 error notification, e.g. when the IPsec tunnel to the ePDG for Wi-Fi calling could not be set up.',
  },
  {
    name: 'RELEASE_CAUSE',
    rfc: '3GPP TS 24.229',
    section: '',
    description: 'The cause is a 3GPP IMS release cause saying why a session was cleared by the network, such as RTP/RTCP timeout or loss of the media bearer.',
  },
  {
    name: 'FAILURE_CAUSE',
    rfc: '3GPP TS 24.229',
    section: '',
    description: 'The cause is a 3GPP IMS failure cause that network nodes attach to say which network condition made a request fail.',
  },
  {
    name: 'STIR',
    rfc: 'RFC8224',
    section: '',
    description: 'The cause is a STIR verification error status (the 428 and 436-438 family), used to report a failed Identity check while the call is still delivered.',
  },
  {
    name: '5GMM',
    rfc: '3GPP TS 24.501',
    section: '',
    description: 'The cause is a 5G Mobility Management cause value.',
  },
  {
    name: '5GSM',
    rfc: '3GPP TS 24.501',
    section: '',
    description: 'The cause is a 5G Session Management cause value, e.g. a PDU session failure affecting a voice call.',
  },
  {
    name: 'NGAP-RNL',
    rfc: '3GPP TS 38.413',
    section: '',
    description: 'The cause is an NGAP Radio Network Layer cause (5G NR), the 5G counterpart of S1AP-RNL.',
  },
  {
    name: 'NGAP-TL',
    rfc: '3GPP TS 38.413',
    section: '',
    description: 'The cause is an NGAP Transport Layer cause (5G), the counterpart of S1AP-TL.',
  },
  {
    name: 'NGAP-NAS',
    rfc: '3GPP TS 38.413',
    section: '',
    description: 'The cause is an NGAP NAS cause (5G), such as a normal release or deregistration.',
  },
  {
    name: 'NGAP-MISC',
    rfc: '3GPP TS 38.413',
    section: '',
    description: 'The cause is an NGAP miscellaneous cause (5G), such as O&M intervention.',
  },
  {
    name: 'NGAP-PROT',
    rfc: '3GPP TS 38.413',
    section: '',
    description: 'The cause is an NGAP protocol error cause (5G).',
  },
];
