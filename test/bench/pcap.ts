/**
 * A tiny pcap writer for the tshark baseline: each SIP message becomes one UDP datagram between
 * 127.0.0.1:5060 and 127.0.0.1:5070 in an Ethernet frame, so tshark's SIP dissector reads exactly
 * the messages our parser reads. Classic pcap (not pcapng): a 24-byte file header, then a 16-byte
 * record header per packet, all little-endian.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export const LINKTYPE_ETHERNET = 1;
const ETHERNET = 14;
const IPV4 = 20;
const UDP = 8;
export const PACKET_OVERHEAD = ETHERNET + IPV4 + UDP;
const LOOPBACK = [127, 0, 0, 1];

export function pcapFileHeader(): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0); // magic: microsecond timestamps, little-endian
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeInt32LE(0, 8); // GMT offset
  header.writeUInt32LE(0, 12); // timestamp accuracy
  header.writeUInt32LE(65535, 16); // snap length
  header.writeUInt32LE(LINKTYPE_ETHERNET, 20);
  return header;
}

/** The standard one's-complement sum over the IPv4 header. */
export function ipv4Checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export interface Datagram {
  readonly payload: Buffer;
  readonly srcPort: number;
  readonly dstPort: number;
  /** Capture time in microseconds since the epoch. */
  readonly timeUs: number;
}

/** One pcap record: record header, Ethernet, IPv4 and UDP headers (UDP checksum 0: none, legal over IPv4), then the payload. */
export function pcapRecord(datagram: Datagram, id: number): Buffer {
  const length = PACKET_OVERHEAD + datagram.payload.length;
  if (IPV4 + UDP + datagram.payload.length > 0xffff) throw new RangeError(`a ${datagram.payload.length}-byte payload does not fit one UDP datagram`);
  const record = Buffer.alloc(16 + PACKET_OVERHEAD);
  record.writeUInt32LE(Math.floor(datagram.timeUs / 1e6), 0);
  record.writeUInt32LE(datagram.timeUs % 1e6, 4);
  record.writeUInt32LE(length, 8);
  record.writeUInt32LE(length, 12);
  // Ethernet: zero MAC addresses, EtherType IPv4.
  record.writeUInt16BE(0x0800, 16 + 12);
  const ip = record.subarray(16 + ETHERNET, 16 + ETHERNET + IPV4);
  ip[0] = 0x45; // version 4, 5 words of header
  ip.writeUInt16BE(IPV4 + UDP + datagram.payload.length, 2);
  ip.writeUInt16BE(id & 0xffff, 4);
  ip.writeUInt16BE(0x4000, 6); // don't fragment
  ip[8] = 64; // TTL
  ip[9] = 17; // UDP
  ip.set(LOOPBACK, 12);
  ip.set(LOOPBACK, 16);
  ip.writeUInt16BE(ipv4Checksum(ip), 10);
  const udp = record.subarray(16 + ETHERNET + IPV4);
  udp.writeUInt16BE(datagram.srcPort, 0);
  udp.writeUInt16BE(datagram.dstPort, 2);
  udp.writeUInt16BE(UDP + datagram.payload.length, 4);
  return Buffer.concat([record, datagram.payload]);
}

/** Writes datagrams to a pcap file as they come, in batches, so a large capture is never held whole. */
export function writePcap(path: string, datagrams: Iterable<Datagram>): number {
  const fd = openSync(path, 'w');
  let count = 0;
  try {
    let batch: Buffer[] = [pcapFileHeader()];
    let batchBytes = 0;
    for (const datagram of datagrams) {
      const record = pcapRecord(datagram, count++);
      batch.push(record);
      batchBytes += record.length;
      if (batchBytes >= 1 << 20) {
        writeSync(fd, Buffer.concat(batch));
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length > 0) writeSync(fd, Buffer.concat(batch));
  } finally {
    closeSync(fd);
  }
  return count;
}
