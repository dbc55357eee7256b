/**
 * Messages per second, side by side on the same messages: tshark reading a pcap of them (the tool
 * users have today), the bare line scan, our parser, and the server's open-to-diagnostics. tshark
 * is installed with apt-get on Debian when missing, and the row is skipped when it cannot be.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ParseSample } from './lspSection';
import { runJson, timeCommand } from './processes';
import { median } from './stats';
import { mb, ms, rate, type Section } from './table';
import { writeTraceFile, writeTracePcap } from './traceFiles';

const have = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** tshark, installing Debian's package when it is missing and apt-get exists; a reason when it is not available. */
export function ensureTshark(): string | undefined {
  if (have('tshark')) return undefined;
  if (!have('apt-get')) return 'tshark is not installed and apt-get is not available';
  process.stdout.write('tshark is missing: installing it with apt-get install -y tshark\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const installed = spawnSync('apt-get', ['install', '-y', 'tshark'], { env, stdio: 'inherit', timeout: 10 * 60_000 });
  return installed.status === 0 && have('tshark') ? undefined : 'tshark could not be installed (apt-get install -y tshark failed)';
}

/** The messages tshark's SIP dissector reports: one output line per message, with its method or status code. */
export function tsharkFields(pcap: string): string[] {
  return ['-r', pcap, '-Y', 'sip', '-T', 'fields', '-e', 'sip.Method', '-e', 'sip.Status-Code', '-e', 'sip.Call-ID', '-e', 'sip.CSeq'];
}

export function tsharkSection(dataDir: string, sizeMb: number, runs: number): Section {
  const title = `Baseline: tshark on the same ${sizeMb} MB of messages`;
  const missing = ensureTshark();
  if (missing) return { title, intro: '', rows: [], notes: [`Skipped: ${missing}.`] };
  const text = join(dataDir, `tshark-${sizeMb}mb.sip`);
  const pcap = join(dataDir, `tshark-${sizeMb}mb.pcap`);
  const trace = writeTraceFile(text, 'sip', sizeMb * 1e6);
  const packets = writeTracePcap(pcap, 'sip', sizeMb * 1e6);
  // The same command on a one-packet capture: tshark's start-up (dissector tables, plugins) alone.
  const tiny = join(dataDir, 'tshark-tiny.pcap');
  writeTracePcap(tiny, 'sip', 1);
  const startup = median(Array.from({ length: 3 }, () => timeCommand(0, 'tshark', tsharkFields(tiny)).ms));
  const tshark: number[] = [];
  let decoded = 0;
  for (let run = 0; run < runs; run++) {
    const result = timeCommand(0, 'tshark', tsharkFields(pcap));
    if (result.status !== 0) return { title, intro: '', rows: [], notes: [`Skipped: tshark failed (${result.status}): ${result.stderr.slice(-300)}`] };
    decoded = result.stdout.split('\n').filter((line) => /^[A-Z]+\t|^\t\d{3}\t/.test(line)).length;
    tshark.push(result.ms);
  }
  const parses = Array.from({ length: runs }, () => runJson<ParseSample>(0, join(__dirname, 'measureParse.js'), [text], ['--expose-gc']));
  const parseMs = median(parses.map((p) => p.parseMs));
  const scanMs = median(parses.map((p) => p.scanMs));
  const messages = trace.messages;
  const tsharkMs = median(tshark);
  const perSecond = (millis: number): number => messages / (millis / 1000);
  return {
    title,
    intro: `The ${messages.toLocaleString('en-US')} messages of a ${mb(trace.bytes)} SIP message file, also written as a pcap (${packets.toLocaleString('en-US')} UDP datagrams on 127.0.0.1, ${mb(packets * 42 + trace.bytes)}) and read with \`tshark ${tsharkFields('x.pcap').join(' ')}\`; tshark decoded ${decoded.toLocaleString('en-US')} SIP messages. Every process pinned to CPU 0; median of ${runs} runs. tshark's time is the whole command, start-up included (${ms(startup)} on a one-packet capture).`,
    rows: [
      { figure: 'sipls parser (parseDocument), messages/s', budget: '—', measured: rate(perSecond(parseMs), 'msg/s'), baseline: `tshark: ${rate(perSecond(tsharkMs), 'msg/s')}`, ratio: tsharkMs / parseMs },
      { figure: 'bare line scan (the floor), messages/s', budget: '—', measured: rate(perSecond(scanMs), 'msg/s'), baseline: `tshark: ${rate(perSecond(tsharkMs), 'msg/s')}`, ratio: tsharkMs / scanMs },
      { figure: 'tshark without its start-up, messages/s', budget: '—', measured: rate(perSecond(tsharkMs - startup), 'msg/s'), baseline: `tshark: ${rate(perSecond(tsharkMs), 'msg/s')}`, ratio: tsharkMs / (tsharkMs - startup) },
    ],
    notes: [`Ratio here is how many times faster than tshark (tshark's time / ours). tshark dissects every layer from Ethernet up and formats fields; our parser builds a full model with every header's ranges.${decoded === messages ? '' : ` tshark decoded ${decoded} of ${messages} messages.`}`],
  };
}
