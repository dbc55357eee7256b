/**
 * Every format the parser knows, and the choice between them. Detection looks only at the text (the
 * first 64 KB), never at a file name: logs arrive as .log, .txt or anything else.
 */
import type { FormatId } from '../model';
import { BARESIP_FORMAT } from './baresip';
import { ASTERISK_PJSIP_FORMAT } from './asterisk-pjsip';
import { ASTERISK_CHAN_SIP_FORMAT } from './asterisk-chan-sip';
import { FREESWITCH_FORMAT } from './freeswitch';
import { OPENSIPS_FORMAT } from './opensips';
import { PJSUA_FORMAT } from './pjsua';
import { CISCO_CUBE_FORMAT } from './cisco-cube';
import { ORACLE_SBC_FORMAT } from './oracle-sbc';
import { AUDIOCODES_FORMAT } from './audiocodes';
import { GENERIC_FORMAT } from './generic';
import { KAMAILIO_SIPDUMP_FORMAT } from './kamailio-sipdump';
import { KAMAILIO_XLOG_FORMAT } from './kamailio-xlog';
import { SIPP_FORMAT } from './sipp';
import { LINPHONE_FORMAT } from './linphone';
import { SIPSAK_FORMAT } from './sipsak';
import { SOFIA_SIP_FORMAT } from './sofia-sip';
import { PLAIN_FORMAT } from './plain';
import { NGREP_FORMAT } from './ngrep';
import { SIPGREP_FORMAT } from './sipgrep';
import { SNGREP_FORMAT } from './sngrep';
import { TCPDUMP_FORMAT } from './tcpdump';
import { TSHARK_FORMAT } from './tshark';
import type { TraceFormat } from './types';

export const DETECTION_SAMPLE = 64 * 1024;

/** Specific formats first; ties go to the earlier entry. The generic reader is the last resort. */
export const FORMATS: readonly TraceFormat[] = [PLAIN_FORMAT, LINPHONE_FORMAT, BARESIP_FORMAT, SOFIA_SIP_FORMAT, SIPSAK_FORMAT, SIPP_FORMAT, KAMAILIO_SIPDUMP_FORMAT, KAMAILIO_XLOG_FORMAT, TCPDUMP_FORMAT, TSHARK_FORMAT, NGREP_FORMAT, SIPGREP_FORMAT, SNGREP_FORMAT, ASTERISK_PJSIP_FORMAT, ASTERISK_CHAN_SIP_FORMAT, FREESWITCH_FORMAT, OPENSIPS_FORMAT, PJSUA_FORMAT, CISCO_CUBE_FORMAT, ORACLE_SBC_FORMAT, AUDIOCODES_FORMAT, GENERIC_FORMAT];

export function formatById(id: FormatId): TraceFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}

export function detectFormat(text: string): TraceFormat {
  const sample = text.length > DETECTION_SAMPLE ? text.slice(0, DETECTION_SAMPLE) : text;
  // With no sign of any format in the sample (a long log whose first SIP comes late), the generic
  // reader still finds whatever messages the whole text holds.
  let best: TraceFormat = GENERIC_FORMAT;
  let bestScore = 0;
  for (const format of FORMATS) {
    const score = format.detect(sample);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}
