import type { HeaderData } from '../../types';

/**
 * Header names real stacks parse (Wireshark, Kamailio, sofia-sip) that IANA does not register, from
 * headers-unregistered.tsv. Vendor X- headers are handled generically by the lookup, not listed here.
 */
export const UNREGISTERED_HEADERS: readonly HeaderData[] = [
  {
    name: 'Diversion',
    registered: false,
    status: 'current',
    statusNote:
      'Never IANA-registered: RFC 5806 only records the old draft as Historic. The standards-track way to carry retargeting history is History-Info (RFC 7044).',
    rfc: 'RFC5806',
    section: '4',
    multiplicity: 'list',
    description:
      'Forwarding history added when a call is diverted: the diverting URI with reason (unconditional, user-busy, no-answer, unavailable, deflection, ...), counter and privacy, newest entry first. Still very common on carrier and PBX trunks (Asterisk, FreeSWITCH, Cisco, BroadWorks) for voicemail and forwarded-call billing.',
  },
  {
    name: 'Remote-Party-ID',
    registered: false,
    status: 'current',
    statusNote:
      'From an IETF privacy draft that never became an RFC; not IANA-registered. P-Asserted-Identity with the Privacy header (RFC 3325, RFC 3323) replaced it.',
    rfc: 'draft-ietf-sip-privacy',
    section: '',
    multiplicity: 'list',
    description:
      'Pre-standard network-asserted caller or callee identity with party=calling|called, screen=yes|no and privacy=off|full|name|uri. Still sent by Cisco gateways and older Asterisk, Kamailio and PBX setups, sometimes alongside P-Asserted-Identity.',
  },
  {
    name: 'Proxy-Authentication-Info',
    registered: false,
    status: 'current',
    rfc: '',
    section: '',
    multiplicity: 'single',
    description:
      'Proxy counterpart of Authentication-Info (nextnonce, rspauth after a successful Proxy-Authorization). sofia-sip parses it, but it was never registered for SIP (HTTP defines it in RFC 7615); treat it as non-standard.',
  },
  {
    name: 'Accept-Disposition',
    registered: false,
    status: 'current',
    rfc: '',
    section: '',
    multiplicity: 'list',
    description:
      'Header from early SIP drafts listing the body dispositions the sender accepts. Known to the sofia-sip parser only; never standardized, so compliant peers ignore it.',
  },
  {
    name: 'Publication',
    registered: false,
    status: 'current',
    rfc: '',
    section: '',
    multiplicity: 'single',
    description:
      'Header name from an early draft of the PUBLISH method; RFC 3903 did not keep it and uses SIP-ETag, SIP-If-Match and Event instead. Recognized by the sofia-sip parser only.',
  },
  {
    name: 'Suppress-Body-If-Match',
    registered: false,
    status: 'current',
    rfc: 'RFC5839',
    section: '',
    multiplicity: 'single',
    description:
      'Draft-era name from the SIP entity-tag work for asking a notifier to leave the body out of a NOTIFY when the state still matches a given entity-tag. The published RFC 5839 registers Suppress-If-Match instead; only sofia-sip still parses this name.',
  },
  {
    name: 'Suppress-Notify-If-Match',
    registered: false,
    status: 'current',
    rfc: 'RFC5839',
    section: '',
    multiplicity: 'single',
    description:
      'Draft-era name from the SIP entity-tag work for asking a notifier to skip a NOTIFY entirely when the state still matches a given entity-tag. RFC 5839 folded this into Suppress-If-Match; only sofia-sip still parses this name.',
  },
  {
    name: 'Identity-Info',
    compactForm: 'n',
    registered: false,
    status: 'current',
    statusNote:
      'The header is deprecated by RFC 8224 and its compact form n is no longer in the IANA registry; see the registered Identity-Info entry.',
    rfc: 'RFC4474',
    section: '9',
    multiplicity: 'single',
    description:
      'Compact form n of the RFC 4474 Identity-Info header, which pointed (URI plus alg=rsa-sha1) at the certificate used to sign the Identity header. STIR/SHAKEN (RFC 8224) moved that reference into the info parameter of Identity; Wireshark still decodes n.',
  },
];
