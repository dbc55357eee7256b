/** Facts read from free log text: the direction words, and where both appear. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDirection, findEndpoints } from '../../../server/src/core/parser/formats/facts';

describe('facts from log text', () => {
  it('reads the direction from the word that comes first', () => {
    assert.equal(findDirection('[1] SEND to udp 192.0.2.1:5060'), 'sent');
    assert.equal(findDirection('[1] RECV from udp 192.0.2.1:5060'), 'received');
    assert.equal(findDirection('received reply, sending ACK'), 'received');
    assert.equal(findDirection('sending ACK for the received reply'), 'sent');
    assert.equal(findDirection('--> out'), 'sent');
    assert.equal(findDirection('nothing here'), null);
  });

  it('keeps addresses written as ip:port or [v6]:port as they are, and reads the transport', () => {
    assert.deepEqual(findEndpoints('RECV from udp 192.0.2.1:5060'), { src: '192.0.2.1:5060', dst: null, transport: 'UDP' });
    assert.deepEqual(findEndpoints('sent to TCP:[2001:db8::1]:5061'), { src: null, dst: '[2001:db8::1]:5061', transport: 'TCP' });
  });
});
