// The messages of the manifest protocol (`/ember/manifest/1`) as the browser writes and reads
// them: SCALE, the same layout as `ember_client::p2p::protocol`, and the same signed payloads.

import { compactFromU8a, compactToU8a, u8aConcat } from '@polkadot/util';
import { manifestHash, MAX_MANIFEST_BYTES } from './manifest.js';

/** Signs raw bytes as a wallet does (see `AccountSigner.signRaw`). */
export type SignRaw = (payload: Uint8Array) => Promise<Uint8Array>;

export const PROTOCOL = '/ember/manifest/1';
/** Largest response a provider may send, as for emberctl. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;
/** Largest request: a manifest at its limit, its signature and framing. */
export const MAX_REQUEST_BYTES = MAX_MANIFEST_BYTES + 4 * 1024;

const encoder = new TextEncoder();
const MANIFEST_DOMAIN = encoder.encode('ember/manifest/v1');
const LOGS_DOMAIN = encoder.encode('ember/logs/v1');

export type WorkloadState =
  | { kind: 'awaiting_manifest' }
  | { kind: 'starting' }
  | { kind: 'running' }
  | { kind: 'exited'; code: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'stopped'; reason: string };

export interface LogLine {
  seq: bigint;
  atMs: bigint;
  stream: 'stdout' | 'stderr' | 'agent';
  text: string;
}

export type Response =
  | { kind: 'accepted' }
  | { kind: 'rejected'; reason: string; unknownLease: boolean }
  | { kind: 'logs'; state: WorkloadState; lines: LogLine[]; nextSeq: bigint }
  | { kind: 'output' };

function u64(value: bigint | number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

function scaleBytes(bytes: Uint8Array): Uint8Array {
  return u8aConcat(compactToU8a(bytes.length), bytes);
}

/** What a manifest submission signs: the domain tag, SCALE(lease), BLAKE2-256(manifest). */
export function manifestPayload(lease: number, manifest: Uint8Array): Uint8Array {
  return u8aConcat(MANIFEST_DOMAIN, u64(lease), manifestHash(manifest));
}

/** What a logs query signs: the domain tag, SCALE(lease), SCALE(issued at), SCALE(from_seq). */
export function logsPayload(lease: number, issuedAtSecs: bigint, fromSeq: bigint): Uint8Array {
  return u8aConcat(LOGS_DOMAIN, u64(lease), u64(issuedAtSecs), u64(fromSeq));
}

export async function encodeSubmitManifest(
  lease: number,
  manifest: Uint8Array,
  tenant: Uint8Array,
  signRaw: SignRaw,
): Promise<Uint8Array> {
  const signature = await signRaw(manifestPayload(lease, manifest));
  return u8aConcat([0], u64(lease), scaleBytes(manifest), tenant, signature);
}

export async function encodeLogs(lease: number, fromSeq: bigint, tenant: Uint8Array, signRaw: SignRaw): Promise<Uint8Array> {
  const issuedAt = BigInt(Math.floor(Date.now() / 1000));
  const signature = await signRaw(logsPayload(lease, issuedAt, fromSeq));
  return u8aConcat([1], u64(lease), u64(issuedAt), u64(fromSeq), tenant, signature);
}

/** Reads SCALE values off a message, refusing to run past its end. */
class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  private take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('the provider sent a truncated message');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0];
  }
  u64(): bigint {
    return new DataView(this.take(8).slice().buffer).getBigUint64(0, true);
  }
  i32(): number {
    return new DataView(this.take(4).slice().buffer).getInt32(0, true);
  }
  compact(): number {
    const [read, value] = compactFromU8a(this.bytes.subarray(this.at));
    if (read === 0) throw new Error('the provider sent a truncated message');
    this.at += read;
    if (value.gtn(MAX_FRAME_BYTES)) throw new Error('the provider sent a length beyond the frame limit');
    return value.toNumber();
  }
  string(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.take(this.compact()));
  }
  end(): void {
    if (this.at !== this.bytes.length) throw new Error('the provider sent bytes after its message');
  }
}

/** Why a provider refused, in the words emberctl uses. */
function rejectReason(r: Reader): string {
  switch (r.u8()) {
    case 0: return 'the signature does not verify';
    case 1: return 'the provider serves no such lease';
    case 2: return "the signer is not the lease's tenant";
    case 3: return "the manifest's hash is not the one the lease was ordered with";
    case 4: return `the manifest is invalid: ${r.string()}`;
    case 5: return 'a different manifest was already received for this lease';
    case 6: return "the request's timestamp is more than 300 s from the provider's clock: check the system clock";
    case 7: return 'no such output file';
    case 8: return `the provider failed: ${r.string()}`;
    case 9: return 'too many requests: the provider is busy or rate-limits this peer; retry later';
    default: throw new Error('the provider sent an unknown reason');
  }
}

function workloadState(r: Reader): WorkloadState {
  switch (r.u8()) {
    case 0: return { kind: 'awaiting_manifest' };
    case 1: return { kind: 'starting' };
    case 2: return { kind: 'running' };
    case 3: return { kind: 'exited', code: r.i32() };
    case 4: return { kind: 'failed', reason: r.string() };
    case 5: return { kind: 'stopped', reason: r.string() };
    default: throw new Error('the provider sent an unknown workload state');
  }
}

const STREAMS = ['stdout', 'stderr', 'agent'] as const;

export function decodeResponse(bytes: Uint8Array): Response {
  const r = new Reader(bytes);
  let response: Response;
  switch (r.u8()) {
    case 0:
      response = { kind: 'accepted' };
      break;
    case 1: {
      // UnknownLease is worth asking again: the agent learns of a lease from finalized blocks.
      const unknownLease = bytes[1] === 1;
      response = { kind: 'rejected', reason: rejectReason(r), unknownLease };
      break;
    }
    case 2: {
      const state = workloadState(r);
      const count = r.compact();
      const lines: LogLine[] = [];
      for (let i = 0; i < count; i++) {
        const seq = r.u64();
        const atMs = r.u64();
        const stream = STREAMS[r.u8()];
        if (!stream) throw new Error('the provider sent an unknown log stream');
        lines.push({ seq, atMs, stream, text: r.string() });
      }
      response = { kind: 'logs', state, lines, nextSeq: r.u64() };
      break;
    }
    case 3:
      return { kind: 'output' };
    default:
      throw new Error('the provider sent an unknown response');
  }
  r.end();
  return response;
}

/** A workload state as emberctl prints it. */
export function describeState(state: WorkloadState): string {
  switch (state.kind) {
    case 'awaiting_manifest': return 'awaiting its manifest';
    case 'exited': return `exited with code ${state.code}`;
    case 'failed': return `failed: ${state.reason}`;
    case 'stopped': return `stopped: ${state.reason}`;
    default: return state.kind;
  }
}
