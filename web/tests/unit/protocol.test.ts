// The manifest protocol's messages as the web app writes and reads them, against the bytes the
// Rust client is tested against (`client/tests/fixtures/protocol-messages.json`, run there by
// `shared_message_bytes_match_the_web_app`); and which provider addresses a browser may dial.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dialableAddresses, isPrivateHost } from '../../src/addresses.js';
import { decodeResponse, describeState, encodeLogs, encodeSubmitManifest, logsPayload, manifestPayload } from '../../src/messages.js';

const fixture = JSON.parse(readFileSync(new URL('../../../../client/tests/fixtures/protocol-messages.json', import.meta.url), 'utf8'));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
const tenant = new Uint8Array(32).fill(1);
const signature = new Uint8Array(64).fill(7);
const encoder = new TextEncoder();

test('signed payloads are byte for byte those of the Rust client', () => {
  assert.equal(hex(manifestPayload(5, encoder.encode('{}'))), fixture.manifestPayload.hex);
  assert.equal(hex(logsPayload(5, 1_700_000_000n, 3n)), fixture.logsPayload.hex);
});

test('requests are byte for byte those of the Rust client, signing what they claim', async () => {
  let signed: Uint8Array | null = null;
  const signRaw = async (payload: Uint8Array) => {
    signed = payload;
    return signature;
  };
  const submit = await encodeSubmitManifest(5, encoder.encode('{}'), tenant, signRaw);
  assert.equal(hex(submit), fixture.submitManifest.hex);
  assert.equal(hex(signed!), fixture.manifestPayload.hex);

  // A logs query is signed at the current time: check the layout around it.
  const before = BigInt(Math.floor(Date.now() / 1000));
  const logs = await encodeLogs(5, 3n, tenant, signRaw);
  const issuedAt = new DataView(logs.buffer, logs.byteOffset + 9, 8).getBigUint64(0, true);
  assert.ok(issuedAt >= before && issuedAt <= before + 2n);
  assert.equal(hex(signed!), hex(logsPayload(5, issuedAt, 3n)));
  const expected = unhex(fixture.logs.hex);
  new DataView(expected.buffer).setBigUint64(9, issuedAt, true);
  assert.equal(hex(logs), hex(expected));
});

test('responses decode as the Rust client encodes them', () => {
  const [accepted, unknown, invalid, running, exited] = fixture.responses.map((r: { hex: string }) => decodeResponse(unhex(r.hex)));
  assert.deepEqual(accepted, { kind: 'accepted' });
  assert.deepEqual(unknown, { kind: 'rejected', reason: 'the provider serves no such lease', unknownLease: true });
  assert.deepEqual(invalid, { kind: 'rejected', reason: 'the manifest is invalid: bad', unknownLease: false });
  assert.deepEqual(running, {
    kind: 'logs',
    state: { kind: 'running' },
    lines: [{ seq: 3n, atMs: 1_700_000_000_000n, stream: 'stdout', text: 'hello from ember' }],
    nextSeq: 4n,
  });
  assert.equal(exited.kind, 'logs');
  assert.equal(describeState(exited.state), 'exited with code -1');
});

test('a malformed response is refused, not half read', () => {
  const running = unhex(fixture.responses[3].hex);
  assert.throws(() => decodeResponse(running.subarray(0, running.length - 1)), /truncated/);
  assert.throws(() => decodeResponse(Uint8Array.from([...running, 0])), /after its message/);
  assert.throws(() => decodeResponse(Uint8Array.from([9])), /unknown response/);
  assert.throws(() => decodeResponse(Uint8Array.from([1, 42])), /unknown reason/);
  // A string announced longer than the frame limit is refused from its length.
  assert.throws(() => decodeResponse(Uint8Array.from([1, 4, 0xfe, 0xff, 0xff, 0xff])), /length|truncated/);
  // Text that is not UTF-8.
  assert.throws(() => decodeResponse(Uint8Array.from([1, 4, 4, 0xff])));
});

const peerId = '12D3KooWL2eWKL3gb1m3pQcwJXNWe8i3UwY39KCzXcQ2UM6NppRG';
const dialled = (multiaddrs: string[], allowPrivate: boolean) => dialableAddresses({ peerId, multiaddrs }, allowPrivate).map(String);

test('only WebSocket addresses are dialled, as the PeerId the chain names', () => {
  const published = ['/ip4/127.0.0.1/tcp/30444', '/ip4/127.0.0.1/tcp/30445/ws', '/dns4/gpu.example.org/tcp/443/wss', 'not an address'];
  assert.deepEqual(dialled(published, true), [`/ip4/127.0.0.1/tcp/30445/ws/p2p/${peerId}`, `/dns4/gpu.example.org/tcp/443/wss/p2p/${peerId}`]);
  // A PeerId that is not base58 could smuggle address parts in: nothing is dialled.
  assert.deepEqual(dialableAddresses({ peerId: `${peerId}/ip4/10.0.0.1`, multiaddrs: ['/ip4/127.0.0.1/tcp/30445/ws'] }, true), []);
  // Extra parts (an SNI naming another host, a path) are not dialled.
  assert.deepEqual(dialled(['/ip4/8.8.8.8/tcp/443/tls/sni/router.lan/ws', '/ip4/8.8.8.8/tcp/443/tls/ws/p2p-circuit'], true), []);
});

test('on a live chain a provider cannot point the browser at the tenant\'s own network', () => {
  const inward = [
    '/ip4/127.0.0.1/tcp/30445/ws',
    '/ip4/192.168.1.1/tcp/80/ws',
    '/ip4/10.0.0.8/tcp/443/wss',
    '/ip6/::1/tcp/80/ws',
    '/ip6/::ffff:192.168.1.1/tcp/80/ws',
    '/ip6/fe80::1/tcp/80/ws',
    '/dns4/localhost/tcp/80/ws',
    '/dns4/localhost./tcp/443/wss',
    '/dns4/router.local/tcp/443/wss',
    // Names a browser reads as numbers: 127.0.0.1 three ways.
    '/dns4/127.1/tcp/443/wss',
    '/dns4/2130706433/tcp/443/wss',
    '/dns4/0x7f.1/tcp/443/wss',
    // A name over plain ws could resolve anywhere, with no certificate to check.
    '/dns4/gpu.example.org/tcp/80/ws',
  ];
  assert.deepEqual(dialled(inward, false), []);
  assert.deepEqual(dialled(['/ip4/8.8.8.8/tcp/30445/ws', '/dns4/gpu.example.org/tcp/443/wss'], false), [
    `/ip4/8.8.8.8/tcp/30445/ws/p2p/${peerId}`,
    `/dns4/gpu.example.org/tcp/443/wss/p2p/${peerId}`,
  ]);
  // A development chain runs on this machine: its provider is on loopback.
  assert.equal(dialled(['/ip4/127.0.0.1/tcp/30445/ws'], true).length, 1);
});

test('private hosts are told from public ones', () => {
  for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.1.1', '100.64.0.1', '::1', '[::1]', 'fd00::1', 'fe80::1', '0.0.0.0', '::ffff:c0a8:101', '64:ff9b::1', 'printer.local', '017700000001']) {
    assert.ok(isPrivateHost(host), host);
  }
  for (const host of ['8.8.8.8', '172.32.0.1', '192.169.0.1', 'gpu.example.org', '2001:db8::1', '100.128.0.1']) {
    assert.ok(!isPrivateHost(host), host);
  }
});
