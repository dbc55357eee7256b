import type { Q850CauseData } from '../types';

/**
 * ITU-T Q.850 cause values that SIP gateways put in `Reason: Q.850;cause=N`, with the SIP response
 * RFC 3398 recommends for a REL carrying that cause (its ISUP-cause-to-SIP-status table, section
 * 7.2.4.1). Causes missing from that table are marked mappedExplicitly: false: where the Q.850 class
 * has its catch-all ("unspecified") value in the table, that value's response is used; where it does
 * not, sipResponse is null and the description says so. Descriptions are our own.
 */
export const Q850_CAUSES: readonly Q850CauseData[] = [
  {
    cause: 1,
    name: 'Unallocated (unassigned) number',
    description:
      'The dialled number is not assigned to anyone: a typo, a ported number with stale routing data, or a number format the carrier does not expect. RFC 3398 maps it to 404.',
    sipResponse: 404,
    mappedExplicitly: true,
  },
  {
    cause: 2,
    name: 'No route to specified transit network (national use)',
    description:
      'The network cannot reach the transit network or carrier the call asked for (carrier selection); rare outside North American carrier-access codes. Maps to 404.',
    sipResponse: 404,
    mappedExplicitly: true,
  },
  {
    cause: 3,
    name: 'No route to destination',
    description:
      'The switch has no route toward the destination (unknown prefix, no trunk to that area); SIP trunks often return it for barred ranges such as premium or international numbers. Maps to 404.',
    sipResponse: 404,
    mappedExplicitly: true,
  },
  {
    cause: 16,
    name: 'Normal call clearing',
    description:
      'A party hung up normally; this is the cause carried in the Reason header of most BYEs from PSTN gateways. It has no SIP response: RFC 3398 turns it into a BYE, or a CANCEL before answer.',
    sipResponse: null,
    mappedExplicitly: true,
  },
  {
    cause: 17,
    name: 'User busy',
    description:
      'The called user is busy: no free call appearance, or the user rejected the call on some terminals. Maps to 486 Busy Here.',
    sipResponse: 486,
    mappedExplicitly: true,
  },
  {
    cause: 18,
    name: 'No user responding',
    description:
      'The called terminal did not react to the call setup in time (no alerting), for example a mobile that cannot be paged. Maps to 408.',
    sipResponse: 408,
    mappedExplicitly: true,
  },
  {
    cause: 19,
    name: 'No answer from user (user alerted)',
    description:
      'The phone rang but nobody answered before the network no-answer timer ran out. Maps to 480.',
    sipResponse: 480,
    mappedExplicitly: true,
  },
  {
    cause: 20,
    name: 'Subscriber absent',
    description:
      'The called mobile or terminal is not reachable: switched off, out of coverage or logged out. Maps to 480.',
    sipResponse: 480,
    mappedExplicitly: true,
  },
  {
    cause: 21,
    name: 'Call rejected',
    description:
      'The called party or network refused a call it could have accepted (screening, anonymous call rejection, blacklists). RFC 3398 maps it to 403, or to 603 Decline when the cause location is the user.',
    sipResponse: 403,
    mappedExplicitly: true,
  },
  {
    cause: 22,
    name: 'Number changed',
    description:
      'The called number has changed. RFC 3398 gives 410 Gone when the cause has no diagnostic and 301 Moved Permanently (new number in Contact) when the diagnostic carries the new number; 410 is the value stored here.',
    sipResponse: 410,
    mappedExplicitly: true,
  },
  {
    cause: 23,
    name: 'Redirection to new destination',
    description:
      'The network redirected the call to another number, seen in some call-diversion interworking. Maps to 410.',
    sipResponse: 410,
    mappedExplicitly: true,
  },
  {
    cause: 25,
    name: 'Exchange routing error',
    description:
      'Routing failed inside the exchange, typically a routing loop or an exhausted hop counter, the ISUP cousin of 483. Not in the RFC 3398 table; handled as the normal-class catch-all 31, hence 480.',
    sipResponse: 480,
    mappedExplicitly: false,
  },
  {
    cause: 26,
    name: 'Non-selected user clearing',
    description:
      'The user was alerted but the call was given to another terminal on the same line, e.g. another extension answered first. Maps to 404 (RFC 3398 marks this as the ANSI procedure).',
    sipResponse: 404,
    mappedExplicitly: true,
  },
  {
    cause: 27,
    name: 'Destination out of order',
    description:
      'The interface toward the destination is not working: layer 1 or 2 down toward the PBX or terminal, or a failed signalling link. Maps to 502.',
    sipResponse: 502,
    mappedExplicitly: true,
  },
  {
    cause: 28,
    name: 'Invalid number format (address incomplete)',
    description:
      'The called number is malformed or incomplete, e.g. missing digits with overlap dialling or a wrong nature of address. Maps to 484.',
    sipResponse: 484,
    mappedExplicitly: true,
  },
  {
    cause: 29,
    name: 'Facility rejected',
    description:
      'A supplementary service or facility requested with the call was refused by the network. Maps to 501.',
    sipResponse: 501,
    mappedExplicitly: true,
  },
  {
    cause: 31,
    name: 'Normal, unspecified',
    description:
      'A normal-class failure with no more specific cause; many switches use it as their default. Maps to 480.',
    sipResponse: 480,
    mappedExplicitly: true,
  },
  {
    cause: 34,
    name: 'No circuit/channel available',
    description:
      'No trunk or B-channel is free on the route, the classic sign of a full trunk group or E1/T1 span. Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 38,
    name: 'Network out of order',
    description:
      'The network is not working properly and the condition is expected to last for a while. Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 41,
    name: 'Temporary failure',
    description:
      'A short-lived network problem where an immediate retry may work; gateways also use it for their own internal errors. Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 42,
    name: 'Switching equipment congestion',
    description:
      'The exchange itself is overloaded. Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 44,
    name: 'Requested circuit/channel not available',
    description:
      'The specific channel asked for is not available, a typical glare or channel-mapping problem on PRI. Not in the RFC 3398 table; handled as the resource-class catch-all 47, hence 503.',
    sipResponse: 503,
    mappedExplicitly: false,
  },
  {
    cause: 47,
    name: 'Resource unavailable, unspecified',
    description:
      'A resource shortage with no more specific cause (DSPs, conference ports, trunk resources). Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 50,
    name: 'Requested facility not subscribed',
    description:
      'The caller asked for a service it has no subscription for, e.g. an international or premium call on a barred line. RFC 3398 lists neither this cause nor its class catch-all 63, so no response is stored; gateways differ (403 and 503 are both seen).',
    sipResponse: null,
    mappedExplicitly: false,
  },
  {
    cause: 55,
    name: 'Incoming calls barred within CUG',
    description:
      'The called user belongs to a closed user group that does not accept this incoming call. Maps to 403.',
    sipResponse: 403,
    mappedExplicitly: true,
  },
  {
    cause: 57,
    name: 'Bearer capability not authorized',
    description:
      'The caller may not use the requested bearer service, e.g. unrestricted digital data or video. Maps to 403.',
    sipResponse: 403,
    mappedExplicitly: true,
  },
  {
    cause: 58,
    name: 'Bearer capability not presently available',
    description:
      'The requested bearer service exists but cannot be provided at the moment. Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 63,
    name: 'Service or option not available, unspecified',
    description:
      'Catch-all of the service-or-option-not-available class. RFC 3398 has no entry for it, so no response is stored; gateways usually send 503.',
    sipResponse: null,
    mappedExplicitly: false,
  },
  {
    cause: 65,
    name: 'Bearer capability not implemented',
    description:
      'The network does not support the requested bearer, e.g. a data or video call into a voice-only network; the ISDN view of a media mismatch. Maps to 488.',
    sipResponse: 488,
    mappedExplicitly: true,
  },
  {
    cause: 69,
    name: 'Requested facility not implemented',
    description:
      'The requested supplementary service is not implemented by the network. Not in the RFC 3398 table; handled as the not-implemented catch-all 79, hence 501.',
    sipResponse: 501,
    mappedExplicitly: false,
  },
  {
    cause: 70,
    name: 'Only restricted digital information bearer capability is available (national use)',
    description:
      'Only a restricted (56 kbit/s) digital bearer exists on the path, so an unrestricted 64 kbit/s call cannot be carried. Maps to 488.',
    sipResponse: 488,
    mappedExplicitly: true,
  },
  {
    cause: 79,
    name: 'Service or option not implemented, unspecified',
    description:
      'Catch-all for features the network does not implement. Maps to 501.',
    sipResponse: 501,
    mappedExplicitly: true,
  },
  {
    cause: 81,
    name: 'Invalid call reference value',
    description:
      'A message referred to a call reference not in use on the interface, usually a state mismatch after a restart or glare on PRI. RFC 3398 lists neither this cause nor its class catch-all 95, so no response is stored.',
    sipResponse: null,
    mappedExplicitly: false,
  },
  {
    cause: 87,
    name: 'User not member of CUG',
    description:
      'The caller is not a member of the closed user group it tried to call into. Maps to 403.',
    sipResponse: 403,
    mappedExplicitly: true,
  },
  {
    cause: 88,
    name: 'Incompatible destination',
    description:
      'The destination cannot handle this kind of call (bearer or compatibility information does not match), e.g. a voice call to a data or fax-only terminal. Maps to 503.',
    sipResponse: 503,
    mappedExplicitly: true,
  },
  {
    cause: 95,
    name: 'Invalid message, unspecified',
    description:
      'Catch-all of the invalid-message class, pointing at a signalling problem between switches. RFC 3398 has no entry for it, so no response is stored; gateway behaviour varies.',
    sipResponse: null,
    mappedExplicitly: false,
  },
  {
    cause: 96,
    name: 'Mandatory information element is missing',
    description:
      'A received message lacked a required information element or parameter, often a sign of mismatched ISUP/ISDN variants. Not in the RFC 3398 table; handled as the protocol-error catch-all 111, hence 500.',
    sipResponse: 500,
    mappedExplicitly: false,
  },
  {
    cause: 97,
    name: 'Message type non-existent or not implemented',
    description:
      'The peer got a message type it does not know or support. Not in the RFC 3398 table; handled as the protocol-error catch-all 111, hence 500.',
    sipResponse: 500,
    mappedExplicitly: false,
  },
  {
    cause: 99,
    name: 'Information element / parameter non-existent or not implemented',
    description:
      'A message carried an information element or parameter the peer does not support; usually harmless, but some switches clear the call. Not in the RFC 3398 table; handled as the protocol-error catch-all 111, hence 500.',
    sipResponse: 500,
    mappedExplicitly: false,
  },
  {
    cause: 100,
    name: 'Invalid information element contents',
    description:
      'An information element was present but its contents were invalid, e.g. a badly coded calling number. Not in the RFC 3398 table; handled as the protocol-error catch-all 111, hence 500.',
    sipResponse: 500,
    mappedExplicitly: false,
  },
  {
    cause: 102,
    name: 'Recovery on timer expiry',
    description:
      'A protocol timer expired (waiting for an answer or an acknowledgement) and the call was cleared. RFC 3398 maps it to 504.',
    sipResponse: 504,
    mappedExplicitly: true,
  },
  {
    cause: 111,
    name: 'Protocol error, unspecified',
    description:
      'Catch-all for signalling protocol errors. Maps to 500.',
    sipResponse: 500,
    mappedExplicitly: true,
  },
  {
    cause: 127,
    name: 'Interworking, unspecified',
    description:
      'The call crossed a network or protocol boundary that could not say more about the failure; SIP-ISUP gateways use it a lot as a generic error. Maps to 500.',
    sipResponse: 500,
    mappedExplicitly: true,
  },
];
