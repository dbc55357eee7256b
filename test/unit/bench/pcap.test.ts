/**
 * The pcap writer: a small reader here decodes the file back (file header, Ethernet, IPv4 with its
 * checksum, UDP) to exactly the generated payloads; where tshark is installed, its SIP dissector
 * reads the same methods and status codes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { traceMessages } from '../../bench/generate';
import { ipv4Checksum, LINKTYPE_ETHERNET } from '../../bench/pcap';
import { writeTracePcap } from '../../bench/traceFiles';
import { tsharkFields } from '../../bench/tsharkSection';

interface Packet {
  readonly timeUs: number;
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly payload: Buffer;
}

/** A minimal classic-pcap reader for Ethernet/IPv4/UDP frames: throws on anything it does not expect. */
function readPcap(file: Buffer): { linktype: number; packets: Packet[] } {
  assert.equal(file.readUInt32LE(0), 0xa1b2c3d4, 'little-endian microsecond magic');
  assert.equal(file.readUInt16LE(4), 2);
  assert.equal(file.readUInt16LE(6), 4);
  const linktype = file.readUInt32LE(20);
  const packets: Packet[] = [];
  let at = 24;
  while (at < file.length) {
    const seconds = file.readUInt32LE(at);
    const micros = file.readUInt32LE(at + 4);
    const captured = file.readUInt32LE(at + 8);
    assert.equal(file.readUInt32LE(at + 12), captured, 'nothing truncated');
    const frame = file.subarray(at + 16, at + 16 + captured);
    assert.equal(frame.length, captured, 'record within the file');
    assert.equal(frame.readUInt16BE(12), 0x0800, 'EtherType IPv4');
    const ip = frame.subarray(14);
    assert.equal(ip[0], 0x45);
    assert.equal(ip[9], 17, 'UDP');
    assert.equal(ipv4Checksum(ip.subarray(0, 20)), 0, 'a header with its checksum sums to zero');
    const total = ip.readUInt16BE(2);
    assert.equal(total, ip.length);
    const udp = ip.subarray(20);
    assert.equal(udp.readUInt16BE(4), udp.length);
    packets.push({
      timeUs: seconds * 1e6 + micros,
      src: [...ip.subarray(12, 16)].join('.'),
      dst: [...ip.subarray(16, 20)].join('.'),
      srcPort: udp.readUInt16BE(0),
      dstPort: udp.readUInt16BE(2),
      payload: Buffer.from(udp.subarray(8)),
    });
    at += 16 + captured;
  }
  return { linktype, packets };
}

describe('benchmark pcap writer', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sipls-pcap-test-'));
  const pcap = join(folder, 'trace.pcap');
  const expected = [...traceMessages('sip', 30_000, 3)];
  const written = writeTracePcap(pcap, 'sip', 30_000, 3);

  it('writes one UDP datagram on 127.0.0.1 per generated message, with the message as its payload', () => {
    assert.equal(written, expected.length);
    const { linktype, packets } = readPcap(readFileSync(pcap));
    assert.equal(linktype, LINKTYPE_ETHERNET);
    assert.deepEqual(
      packets.map((p) => p.payload.toString('latin1')),
      expected.map((m) => m.payload),
    );
    for (const [i, packet] of packets.entries()) {
      assert.equal(packet.src, '127.0.0.1');
      assert.equal(packet.dst, '127.0.0.1');
      assert.deepEqual([packet.srcPort, packet.dstPort], expected[i]?.sent ? [5060, 5070] : [5070, 5060]);
      if (i > 0) assert.ok(packet.timeUs > (packets[i - 1]?.timeUs ?? 0), 'time moves forward');
    }
  });

  it('tshark (when installed) reads the same SIP methods and status codes', (t) => {
    if (spawnSync('sh', ['-c', 'command -v tshark']).status !== 0) {
      t.skip('tshark is not installed');
      return;
    }
    const result = spawnSync('tshark', tsharkFields(pcap), { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    const startLine = (payload: string): string => payload.slice(0, payload.indexOf('\r\n'));
    assert.deepEqual(
      lines.map((line) => line.split('\t').slice(0, 3).join('|')),
      expected.map((m) => {
        const start = startLine(m.payload);
        const callId = /\r\nCall-ID: ([^\r]+)/.exec(m.payload)?.[1] ?? '';
        return start.startsWith('SIP/2.0 ') ? `|${start.slice(8, 11)}|${callId}` : `${start.split(' ')[0]}||${callId}`;
      }),
    );
  });

  it('cleans up', () => rmSync(folder, { recursive: true, force: true }));
});
