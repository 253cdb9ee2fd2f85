// The manifest protocol (`/ember/manifest/1`) from the browser: the same messages, signatures
// and limits as emberctl's (`messages.ts`), over libp2p's WebSocket transport with noise and
// yamux. One request and one response per stream, each a u32 big-endian length and a
// SCALE-encoded body.

import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import { webSockets } from '@libp2p/websockets';
import { u8aConcat } from '@polkadot/util';
import { createLibp2p, type Libp2p } from 'libp2p';
import { dialableAddresses, type ProviderAddress } from './addresses.js';
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
    // libp2p's browser default denies ws:// and private addresses; `dialableAddresses` chose
    // what may be dialled (private hosts only on a development chain), and a browser refuses
    // ws:// from an https:// page by itself.
    connectionGater: { denyDialMultiaddr: async () => false },
  });
  return node;
}

/** Sends one request to a provider and reads its one response. */
export async function request(provider: ProviderAddress, body: Uint8Array, allowPrivate: boolean): Promise<Response> {
  if (body.length > MAX_REQUEST_BYTES) throw new Error(`the request is ${body.length} bytes; at most ${MAX_REQUEST_BYTES} are allowed`);
  const addresses = dialableAddresses(provider, allowPrivate);
  if (addresses.length === 0) {
    throw new Error('the provider publishes no address a browser may dial (WebSocket, and on a live chain a public host over TLS)');
  }
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
      // The whole answer within the timeout: a provider dripping bytes does not hold the page.
      const abort = () => stream.abort(new Error(`no answer within ${TIMEOUT_MS / 1000} s`));
      signal.addEventListener('abort', abort);
      try {
        return decodeResponse(await readFrame(stream as unknown as AsyncIterable<Uint8Array | { subarray(): Uint8Array }>));
      } finally {
        signal.removeEventListener('abort', abort);
      }
    } catch (error) {
      errors.push(`${address.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`no answer from the provider (${errors.join('; ')})`);
}

/** Reads one length-prefixed frame into one buffer sized from its announced length. */
async function readFrame(stream: AsyncIterable<Uint8Array | { subarray(): Uint8Array }>): Promise<Uint8Array> {
  const prefix = new Uint8Array(4);
  let frame: Uint8Array | null = null;
  let filled = 0;
  for await (const chunk of stream) {
    let bytes = chunk instanceof Uint8Array ? chunk : chunk.subarray();
    if (frame === null) {
      const take = Math.min(4 - filled, bytes.length);
      prefix.set(bytes.subarray(0, take), filled);
      filled += take;
      bytes = bytes.subarray(take);
      if (filled < 4) continue;
      const expected = new DataView(prefix.buffer).getUint32(0, false);
      if (expected > MAX_FRAME_BYTES) throw new Error(`the provider announced ${expected} bytes; at most ${MAX_FRAME_BYTES} are allowed`);
      frame = new Uint8Array(expected);
      filled = 0;
    }
    if (filled + bytes.length > frame.length) throw new Error('the provider sent more than it announced');
    frame.set(bytes, filled);
    filled += bytes.length;
    if (filled === frame.length) return frame;
  }
  if (frame !== null && filled === frame.length) return frame;
  throw new Error('the provider closed the stream before answering');
}
