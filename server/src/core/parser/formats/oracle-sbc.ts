/**
 * Oracle (Acme Packet) SBC `sipmsg.log`. Each record is a header line, the message with its CRs
 * removed, one empty line and 40 dashes:
 *   Mar  6 13:38:54.959 On [1:0]203.0.113.1:5060 received from 203.0.113.77:51023
 *   Mar  6 13:38:54.961 On 192.0.2.1:33418 sent to 192.0.2.10:5060
 * `On` names the SBC's side (with `[phy:vlan]` for UDP, without it for TCP), the other address the
 * peer; the transport is never printed. Followed live from the ACLI (`tail-logfile-open`), the
 * timestamp is cut to `MM:SS.mmm` and the lines gain the terminal's CRLF. Socket lines
 * (`UDP[1:0]...:5060 OPENED`) sit between records without a separator and are skipped. The SBC
 * stores messages without CRs, so every line counts as CRLF on the wire.
 */
import { scanLines } from '../lines';
import type { Frame } from '../message';
import { normalizeAddress } from './blocks';
import { isLineExactly } from './logLines';
import type { TraceFormat } from './types';

const HEADER = /^((?:[A-Z][a-z]{2} [ \d]\d )?(?:\d\d:)?\d\d:\d\d\.\d{3}) On (?:\[\d+:\d+\])?(\S+) (received from|sent to) (\S+)\s*$/;
const SEPARATOR = '-'.repeat(40);
const SAMPLE = /^(?:[A-Z][a-z]{2} [ \d]\d )?(?:\d\d:)?\d\d:\d\d\.\d{3} On (?:\[\d+:\d+\])?\S+ (?:received from|sent to) \S+\r?$/m;

/** A header line; " On " must follow a timestamp (`MM:SS.mmm`, `HH:MM:SS.mmm`, `Mon dd HH:MM:SS.mmm`) before the pattern runs. */
function headerAt(text: string, start: number, end: number): RegExpExecArray | null {
  if (!text.startsWith(' On ', start + 19) && !text.startsWith(' On ', start + 9) && !text.startsWith(' On ', start + 12)) return null;
  return HEADER.exec(text.slice(start, end));
}

function frames(text: string): Frame[] {
  const lines = scanLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? start;
    const header = headerAt(text, start, end);
    if (!header) continue;
    let next = i + 1;
    for (; next < count; next++) {
      const s = lines.starts[next] ?? 0;
      const e = lines.ends[next] ?? s;
      if (isLineExactly(text, s, e, SEPARATOR) || headerAt(text, s, e)) break;
      if (lines.breakBytes[next] === 1) lines.breakBytes[next] = 2;
    }
    if (next > i + 1) {
      const received = header[3] === 'received from';
      const local = normalizeAddress(header[2]);
      const peer = normalizeAddress(header[4]);
      result.push({
        lines,
        from: i + 1,
        to: next,
        context: {
          format: 'oracle-sbc',
          timestamp: header[1] ?? null,
          direction: received ? 'received' : 'sent',
          transport: null,
          src: received ? peer : local,
          dst: received ? local : peer,
          frameSpan: { start, end },
          bodyVerbatim: true,
        },
      });
    }
    i = next - 1;
  }
  return result;
}

function detect(sample: string): number {
  if (!SAMPLE.test(sample)) return 0;
  return sample.includes(`\n${SEPARATOR}`) ? 100 : 80;
}

export const ORACLE_SBC_FORMAT: TraceFormat = {
  id: 'oracle-sbc',
  label: 'Oracle / Acme Packet SBC sipmsg.log',
  detection: '"Mar  6 13:38:54.959 On [1:0]203.0.113.1:5060 received from 203.0.113.77:51023" headers, records closed by 40 dashes',
  detect,
  frames,
};
