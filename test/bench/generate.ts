/**
 * Deterministic synthetic traces for the benchmark: the same seed gives the same bytes on every
 * machine. Calls follow a real INVITE dialog (INVITE, 100, 180, 200 with SDP, ACK, BYE, 200) with
 * realistic header sets, so the parser does the work it does on real traffic.
 */

/** mulberry32: a tiny, well-known 32-bit PRNG; enough to vary addresses, tags and timings reproducibly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchFormat = 'sip' | 'sipp' | 'generic';

interface Call {
  readonly id: string;
  readonly caller: string;
  readonly callee: string;
  readonly callerIp: string;
  readonly calleeIp: string;
  readonly fromTag: string;
  readonly toTag: string;
  readonly branch: string;
  readonly byeBranch: string;
}

const SDP = ['v=0', 'o=- 3711 3711 IN IP4 {ip}', 's=sipls', 'c=IN IP4 {ip}', 't=0 0', 'm=audio {port} RTP/AVP 0 8 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=ptime:20', 'a=sendrecv', ''].join('\r\n');

function hex(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

function message(lines: readonly string[], body = ''): string {
  return [...lines, `Content-Length: ${Buffer.byteLength(body, 'utf8')}`, '', body].join('\r\n');
}

function callMessages(call: Call, next: () => number): { text: string; sent: boolean }[] {
  const via = `Via: SIP/2.0/UDP ${call.callerIp}:5060;branch=z9hG4bK${call.branch};rport`;
  const from = `From: "${call.caller}" <sip:${call.caller}@example.com>;tag=${call.fromTag}`;
  const to = `To: <sip:${call.callee}@example.com>`;
  const toTagged = `${to};tag=${call.toTag}`;
  const id = `Call-ID: ${call.id}`;
  const contact = `Contact: <sip:${call.caller}@${call.callerIp}:5060>`;
  const sdp = SDP.replace(/\{ip\}/g, call.callerIp).replace('{port}', String(10000 + Math.floor(next() * 20000) * 2));
  const answer = SDP.replace(/\{ip\}/g, call.calleeIp).replace('{port}', String(10000 + Math.floor(next() * 20000) * 2));
  const ua = 'User-Agent: sipls-bench/1.0';
  const allow = 'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE, REFER, NOTIFY';
  const invite = message([`INVITE sip:${call.callee}@example.com SIP/2.0`, via, 'Max-Forwards: 70', from, to, id, 'CSeq: 1 INVITE', contact, allow, 'Supported: 100rel, timer, replaces', ua, 'Content-Type: application/sdp'], sdp);
  const reply = (status: string, tagged: boolean, extra: string[] = [], body = ''): string =>
    message([`SIP/2.0 ${status}`, `${via};received=${call.callerIp}`, from, tagged ? toTagged : to, id, 'CSeq: 1 INVITE', ...extra], body);
  const byeVia = `Via: SIP/2.0/UDP ${call.callerIp}:5060;branch=z9hG4bK${call.byeBranch};rport`;
  return [
    { text: invite, sent: true },
    { text: reply('100 Trying', false), sent: false },
    { text: reply('180 Ringing', true, [`Contact: <sip:${call.callee}@${call.calleeIp}>`]), sent: false },
    { text: reply('200 OK', true, [`Contact: <sip:${call.callee}@${call.calleeIp}>`, allow, 'Content-Type: application/sdp'], answer), sent: false },
    { text: message([`ACK sip:${call.callee}@${call.calleeIp} SIP/2.0`, `Via: SIP/2.0/UDP ${call.callerIp}:5060;branch=z9hG4bK${call.branch}a;rport`, 'Max-Forwards: 70', from, toTagged, id, 'CSeq: 1 ACK']), sent: true },
    { text: message([`BYE sip:${call.callee}@${call.calleeIp} SIP/2.0`, byeVia, 'Max-Forwards: 70', from, toTagged, id, 'CSeq: 2 BYE', 'Reason: Q.850;cause=16;text="Normal call clearing"']), sent: true },
    { text: message(['SIP/2.0 200 OK', `${byeVia};received=${call.callerIp}`, from, toTagged, id, 'CSeq: 2 BYE']), sent: false },
  ];
}

function timestamp(ms: number): string {
  const date = new Date(Date.UTC(2026, 0, 1) + ms);
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 23)}000`;
}

/** One framed message in the given format. */
function frame(format: BenchFormat, text: string, sent: boolean, ms: number, call: Call): string {
  switch (format) {
    case 'sip':
      return text;
    case 'sipp':
      return `----------------------------------------------- ${timestamp(ms)}\n${sent ? `UDP message sent (${Buffer.byteLength(text)} bytes):` : `UDP message received [${Buffer.byteLength(text)}] bytes :`}\n\n${text}\n\n`;
    case 'generic': {
      const peer = `${sent ? call.calleeIp : call.callerIp}:5060`;
      return `[${timestamp(ms).slice(0, 23)}] [DEBUG] sip - ${sent ? 'SEND to' : 'RECV from'} udp ${peer}\n${text}\n`;
    }
  }
}

export interface GeneratedTrace {
  readonly text: string;
  readonly messages: number;
}

/** One message of a generated trace: the bare SIP message and the same message framed as the log writes it. */
export interface GeneratedMessage {
  readonly payload: string;
  readonly framed: string;
  /** Sent by the caller's side (requests of the caller) rather than received. */
  readonly sent: boolean;
  /** Milliseconds since the start of the trace. */
  readonly ms: number;
}

/**
 * The messages of a trace of at least `bytes` characters (all ASCII, so characters and bytes agree),
 * one at a time: the 1 GB case is written to disk from this without ever being one string.
 */
export function* traceMessages(format: BenchFormat, bytes: number, seed = 1): Generator<GeneratedMessage> {
  const next = random(seed);
  let size = 0;
  let ms = 0;
  for (let n = 0; size < bytes; n++) {
    const ip = (): string => `10.${Math.floor(next() * 250)}.${Math.floor(next() * 250)}.${1 + Math.floor(next() * 250)}`;
    const call: Call = {
      id: `${hex(next, 16)}@${n}.example.com`,
      caller: `user${Math.floor(next() * 100000)}`,
      callee: `+4930${Math.floor(next() * 1e7)}`,
      callerIp: ip(),
      calleeIp: ip(),
      fromTag: hex(next, 10),
      toTag: hex(next, 10),
      branch: hex(next, 16),
      byeBranch: hex(next, 16),
    };
    for (const { text, sent } of callMessages(call, next)) {
      ms += 1 + Math.floor(next() * 40);
      const framed = frame(format, text, sent, ms, call);
      size += framed.length;
      yield { payload: text, framed, sent, ms };
    }
  }
}

/** A whole trace of at least `bytes` characters as one string. */
export function generateTrace(format: BenchFormat, bytes: number, seed = 1): GeneratedTrace {
  const parts: string[] = [];
  for (const { framed } of traceMessages(format, bytes, seed)) parts.push(framed);
  return { text: parts.join(''), messages: parts.length };
}
