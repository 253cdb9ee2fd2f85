// The connection to an Ember node, and the market as the web app reads it.

import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { u8aToHex, u8aToString } from '@polkadot/util';
import { cleanText } from './dom';

/** Where the node's JSON-RPC is: `?rpc=` in the page's address, else the local dev node. */
export function rpcEndpoint(): string {
  const asked = new URLSearchParams(location.search).get('rpc');
  return asked || 'ws://127.0.0.1:9944';
}

/** The chain's facts the screens need, read once at start. */
export interface ChainInfo {
  name: string;
  isDevelopment: boolean;
  symbol: string;
  blocksPerHour: number;
  secondsPerBlock: number;
  minBidWindow: number;
  maxBidWindow: number;
  maxLeaseDuration: number;
  proofValidity: number;
  storageDeposit: bigint;
}

export async function connect(endpoint: string): Promise<{ api: ApiPromise; info: ChainInfo }> {
  const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
  const [name, chainType, properties] = await Promise.all([
    api.rpc.system.chain(),
    api.rpc.system.chainType(),
    api.rpc.system.properties(),
  ]);
  const consts = api.consts as any;
  const slotMs = consts.aura?.slotDuration ? num(consts.aura.slotDuration) : 2 * num(consts.timestamp.minimumPeriod);
  const info: ChainInfo = {
    name: name.toString(),
    isDevelopment: chainType.isDevelopment || chainType.isLocal,
    symbol: properties.tokenSymbol.unwrapOr([])[0]?.toString() ?? 'EMBR',
    blocksPerHour: num(consts.leases.blocksPerHour),
    secondsPerBlock: slotMs / 1000,
    minBidWindow: num(consts.leases.minBidWindow),
    maxBidWindow: num(consts.leases.maxBidWindow),
    maxLeaseDuration: num(consts.leases.maxLeaseDuration),
    proofValidity: num(consts.challenges.proofValidity),
    storageDeposit: big(consts.leases.storageDeposit),
  };
  return { api, info };
}

/** A codec integer as a bigint: exact for u128 balances. */
export function big(value: Codec | { toString(): string }): bigint {
  return BigInt(value.toString());
}

/** A codec integer that fits a number: block numbers, counts. */
export function num(value: Codec | { toString(): string }): number {
  return Number(value.toString());
}

/** Bytes on chain as text, for region and model names. */
function text(value: Codec): string {
  return cleanText(u8aToString(value.toU8a(true)));
}

export interface Gpu {
  model: string;
  vramMib: number;
  computeCapability: string;
  uuidHash: string;
}

function gpu(spec: any): Gpu {
  return {
    model: text(spec.model),
    vramMib: num(spec.vramMib),
    computeCapability: `${spec.computeCapability.major}.${spec.computeCapability.minor}`,
    uuidHash: spec.uuidHash.toHex(),
  };
}

export interface Provider {
  owner: string;
  agent: string;
  status: string;
  paused: boolean;
  lastHeartbeat: number;
  region: string;
  /** The agent's libp2p PeerId, as text (the chain keeps what the agent registered). */
  peerId: string | null;
  /** The multiaddrs the agent announced, as text. */
  multiaddrs: string[];
  gpus: Gpu[];
  /** UUID hashes of GPUs holding an unexpired proof of compute. */
  proven: Set<string>;
}

/** Every registered provider, with its GPUs and proofs (a page of `pageSize` at a time). */
export async function providers(api: ApiPromise, info: ChainInfo, pageSize = 100): Promise<Provider[]> {
  const q = api.query as any;
  const best = num(await api.query.system.number());
  const entries = await q.providers.providers.entriesPaged({ args: [], pageSize });
  return Promise.all(
    entries.map(async ([key, value]: [any, any]) => {
      const owner = key.args[0].toString();
      return providerFrom(api, info, owner, value.unwrap(), best);
    }),
  );
}

/** One provider, or null when it is not registered. */
export async function provider(api: ApiPromise, info: ChainInfo, owner: string): Promise<Provider | null> {
  const q = api.query as any;
  const [value, best] = await Promise.all([q.providers.providers(owner), api.query.system.number()]);
  return value.isSome ? providerFrom(api, info, owner, value.unwrap(), num(best)) : null;
}

async function providerFrom(api: ApiPromise, info: ChainInfo, owner: string, p: any, best: number): Promise<Provider> {
  const q = api.query as any;
  const [metadata, inventory, proofs] = await Promise.all([
    q.providers.metadata(owner),
    q.providers.inventory(owner),
    q.challenges.proofs.entries(owner),
  ]);
  const proven = new Set<string>();
  for (const [key, proof] of proofs) {
    const p = proof.unwrap();
    if (num(p.provenAt) + info.proofValidity > best) proven.add(key.args[1].toHex());
  }
  const meta = metadata.isSome ? metadata.unwrap() : null;
  return {
    owner,
    agent: p.agent.toString(),
    status: p.status.type,
    paused: p.paused.isTrue,
    lastHeartbeat: num(p.lastHeartbeat),
    region: meta ? text(meta.region) : '',
    peerId: meta ? text(meta.peerId) : null,
    multiaddrs: meta ? meta.multiaddrs.map(text) : [],
    gpus: inventory.isSome ? inventory.unwrap().map(gpu) : [],
    proven,
  };
}

export interface Offer {
  id: number;
  provider: string;
  available: Gpu[];
  rented: number;
  pricePerGpuHour: bigint;
  maxDuration: number;
}

/** Listed offers, cheapest first. */
export async function offers(api: ApiPromise, limit = 100): Promise<Offer[]> {
  const page = await (api.call as any).leasesApi.offers({ model: null, minGpus: null, maxPricePerGpuHour: null }, null, limit);
  return page.items.map((o: any) => ({
    id: num(o.id),
    provider: o.provider.toString(),
    available: o.available.map(gpu),
    rented: num(o.rented),
    pricePerGpuHour: big(o.pricePerGpuHour),
    maxDuration: num(o.maxDuration),
  }));
}

export interface Order {
  id: number;
  tenant: string;
  count: number;
  model: string | null;
  minVramMib: number;
  duration: number;
  maxPricePerGpuHour: bigint;
  manifestHash: string;
  region: string | null;
  autoAward: boolean;
  bidWindowEnd: number;
  bids: number;
}

export interface Bid {
  provider: string;
  pricePerGpuHour: bigint;
  gpus: string[];
  placedAt: number;
}

/** The open orders of `tenant`, with their bids, best first. */
export async function ordersOf(api: ApiPromise, tenant: string): Promise<{ order: Order; bids: Bid[] }[]> {
  const ids: Codec[] = await (api.query as any).leases.ordersOfTenant(tenant);
  const call = (api.call as any).leasesApi;
  const found = await Promise.all(
    ids.map(async (id) => {
      const [order, bids] = await Promise.all([call.order(id), call.bidsOf(id)]);
      if (order.isNone) return null;
      const o = order.unwrap();
      return {
        order: {
          id: num(o.id),
          tenant: o.tenant.toString(),
          count: num(o.requirement.count),
          model: o.requirement.model.isSome ? text(o.requirement.model.unwrap()) : null,
          minVramMib: num(o.requirement.minVramMib),
          duration: num(o.duration),
          maxPricePerGpuHour: big(o.maxPricePerGpuHour),
          manifestHash: o.manifestHash.toHex(),
          region: o.region.isSome ? text(o.region.unwrap()) : null,
          autoAward: o.autoAward.isTrue,
          bidWindowEnd: num(o.bidWindowEnd),
          bids: num(o.bids),
        },
        bids: bids.map((b: any) => ({
          provider: b.provider.toString(),
          pricePerGpuHour: big(b.pricePerGpuHour),
          gpus: b.gpus.map((g: Codec) => g.toHex()),
          placedAt: num(b.placedAt),
        })),
      };
    }),
  );
  return found.filter((entry): entry is { order: Order; bids: Bid[] } => entry !== null);
}

export interface Lease {
  id: number;
  tenant: string;
  provider: string;
  origin: string;
  gpus: number;
  pricePerGpuHour: bigint;
  manifestHash: string;
  start: number;
  end: number;
  escrow: bigint;
  fundedUntil: number;
  paid: bigint;
  unsettled: bigint;
  downtimeBlocks: number;
  status: string;
}

/** The running leases of `tenant`. */
export async function leasesOf(api: ApiPromise, tenant: string): Promise<Lease[]> {
  const views = await (api.call as any).leasesApi.leasesOf(tenant);
  return views.map((l: any) => ({
    id: num(l.id),
    tenant: l.tenant.toString(),
    provider: l.provider.toString(),
    origin: l.origin.isOrder ? `order ${l.origin.asOrder}` : l.origin.isOffer ? `offer ${l.origin.asOffer}` : 'genesis',
    gpus: l.gpus.length,
    pricePerGpuHour: big(l.pricePerGpuHour),
    manifestHash: l.manifestHash.toHex(),
    start: num(l.start),
    end: num(l.end),
    escrow: big(l.escrow),
    fundedUntil: num(l.fundedUntil),
    paid: big(l.paid),
    unsettled: big(l.unsettled),
    downtimeBlocks: num(l.downtimeBlocks),
    status: l.status.type,
  }));
}

/** What `who` can spend. */
export async function freeBalance(api: ApiPromise, who: string): Promise<bigint> {
  const account: any = await api.query.system.account(who);
  return big(account.data.free);
}

export { u8aToHex };
