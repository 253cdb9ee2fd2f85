// The manifest protocol (`/ember/manifest/1`) from the browser: the same messages, signatures
// and limits as emberctl's (`messages.ts`), over libp2p's WebSocket transport with noise and
// yamux. One request and one response per stream, each a u32 big-endian length and a
// SCALE-encoded body.

import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import { webSockets } from '@libp2p/websockets';
import type { Multiaddr } from '@multiformats/multiaddr';
import { u8aConcat } from '@polkadot/util';
import { createLibp2p, type Libp2p } from 'libp2p';
import { dialableAddresses, isPrivateAddress, isPrivateHost, type ProviderAddress } from './addresses.js';
import { decodeResponse, MAX_FRAME_BYTES, MAX_REQUEST_BYTES, PROTOCOL, type Response } from './messages.js';

export type { ProviderAddress } from './addresses.js';
export * from './messages.js';

const TIMEOUT_MS = 30_000;

let node: Promise<Libp2p> | null = null;

/** The page's one libp2p node: it dials out only, over WebSocket. */
function libp2p(): Promise<Libp2p> {
  node ??= createLibp2p({
    transports: [webSockets()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    // libp2p's browser default denies ws:// and private addresses. A browser refuses ws:// from an
    // https:// page by itself, and a page served over http (a local chain) must reach ws://.
    // Private addresses stay denied unless the page itself is local: otherwise a provider could
    // publish one and have its tenants' browsers knock on their own networks' machines.
    connectionGater: { denyDialMultiaddr: async (address: Multiaddr) => isPrivateAddress(address.toString()) && !isPrivateHost(location.hostname) },
  });
  return node;
}

/** Sends one request to a provider and reads its one response. */
export async function request(provider: ProviderAddress, body: Uint8Array): Promise<Response> {
  if (body.length > MAX_REQUEST_BYTES) throw new Error(`the request is ${body.length} bytes; at most ${MAX_REQUEST_BYTES} are allowed`);
  const addresses = dialableAddresses(provider);
  if (addresses.length === 0) throw new Error('the provider publishes no WebSocket address: a browser cannot reach it');
  const p2p = await libp2p();
  const errors: string[] = [];
  for (const address of addresses) {
    const signal = AbortSignal.timeout(TIMEOUT_MS);
    try {
      const stream = await p2p.dialProtocol(address, PROTOCOL, { signal });
      const frame = new Uint8Array(4 + body.length);
      new DataView(frame.buffer).setUint32(0, body.length, false);
      frame.set(body, 4);
      stream.send(frame);
      await stream.close({ signal });
      return decodeResponse(await readFrame(stream as unknown as AsyncIterable<Uint8Array | { subarray(): Uint8Array }>));
    } catch (error) {
      errors.push(`${address.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`no answer from the provider (${errors.join('; ')})`);
}

async function readFrame(stream: AsyncIterable<Uint8Array | { subarray(): Uint8Array }>): Promise<Uint8Array> {
  let buffer: Uint8Array = new Uint8Array(0);
  let expected = -1;
  for await (const chunk of stream) {
    const bytes = chunk instanceof Uint8Array ? chunk : chunk.subarray();
    buffer = u8aConcat(buffer, bytes);
    if (expected < 0 && buffer.length >= 4) {
      expected = new DataView(buffer.buffer, buffer.byteOffset, 4).getUint32(0, false);
      if (expected > MAX_FRAME_BYTES) throw new Error(`the provider announced ${expected} bytes; at most ${MAX_FRAME_BYTES} are allowed`);
    }
    if (expected >= 0 && buffer.length >= 4 + expected) break;
  }
  if (expected < 0 || buffer.length < 4 + expected) throw new Error('the provider closed the stream before answering');
  return buffer.subarray(4, 4 + expected);
}
