/**
 * The CLI's streamed decoding gives the text a whole-file decode gives, wherever the chunks end:
 * ASCII chunks take a shortcut, so the cases that matter are the ones where it must not be taken
 * (a character split between chunks, invalid bytes) and the BOM, dropped at the start only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeChunks } from '../../../server/src/cli/input';

async function decodeIn(bytes: Uint8Array, sizes: readonly number[]): Promise<string> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length] ?? 1;
      yield bytes.subarray(at, at + size);
      at += size;
    }
  }
  let text = '';
  for await (const piece of decodeChunks(chunks())) text += piece;
  return text;
}

const whole = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

describe('decodeChunks', () => {
  const samples: Record<string, Uint8Array> = {
    'ASCII': Buffer.from('INVITE sip:a@b SIP/2.0\r\nVia: x\r\n\r\n'.repeat(20)),
    'a BOM, then ASCII': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SIP/2.0 200 OK\r\n'.repeat(10))]),
    'ASCII, then a BOM character in mid-text (kept)': Buffer.from('From: x\r\n'.repeat(10) + '\ufeffTo: y\r\n' + 'a\r\n'.repeat(10)),
    'multi-byte characters among ASCII': Buffer.from('Subject: Grüße, 日本語, 🎉 done\r\n'.repeat(15)),
    'invalid and truncated sequences': Buffer.concat([Buffer.from('abc'.repeat(7)), Buffer.from([0xc3]), Buffer.from('def'.repeat(9)), Buffer.from([0xff, 0xe2, 0x82]), Buffer.from('ghi'.repeat(5)), Buffer.from([0xf0, 0x9f])]),
  };
  const chunkings = [[1], [2], [3], [7], [5, 1, 9], [64], [4096]];

  for (const [name, bytes] of Object.entries(samples)) {
    it(`${name}: the same text as a whole-file decode, in any chunks`, async () => {
      const expected = whole(bytes);
      for (const sizes of chunkings) assert.equal(await decodeIn(bytes, sizes), expected, `chunks of ${sizes.join(',')}`);
    });
  }
});
