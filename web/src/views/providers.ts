// Providers and their GPUs: model, memory, region, status, price, and proof of compute.

import type { App } from '../app';
import { offers, providers, type Gpu, type Provider } from '../chain';
import { h, shortAddress, table } from '../dom';
import { formatEmbr } from '../units';

/** GPUs grouped by model: `2 × NVIDIA L4 (22.5 GiB, cc 8.9)`. */
export function describeGpus(gpus: Gpu[]): string {
  const groups = new Map<string, number>();
  for (const gpu of gpus) {
    const key = `${gpu.model} (${(gpu.vramMib / 1024).toFixed(1)} GiB, cc ${gpu.computeCapability})`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, count]) => `${count} × ${key}`).join(', ') || 'none';
}

function verified(p: Provider): HTMLElement {
  const proven = p.gpus.filter((gpu) => p.proven.has(gpu.uuidHash)).length;
  const all = proven === p.gpus.length && proven > 0;
  return h('span', { class: all ? 'badge ok' : proven ? 'badge warn' : 'badge' }, `${proven}/${p.gpus.length} proven`);
}

export async function providersView(app: App): Promise<HTMLElement> {
  const [list, listed] = await Promise.all([providers(app.api, app.info), offers(app.api)]);
  const cheapest = new Map<string, bigint>();
  for (const offer of listed) {
    const known = cheapest.get(offer.provider);
    if (known === undefined || offer.pricePerGpuHour < known) cheapest.set(offer.provider, offer.pricePerGpuHour);
  }
  const rows = list.map((p) => [
    h('span', { title: p.owner }, shortAddress(p.owner)),
    p.region || '—',
    h('span', { class: `status status-${p.status.toLowerCase()}` }, p.paused ? `${p.status} (paused)` : p.status),
    describeGpus(p.gpus),
    verified(p),
    cheapest.has(p.owner) ? `${formatEmbr(cheapest.get(p.owner)!, app.info.symbol)}/GPU-h` : 'bids on orders',
    `#${p.lastHeartbeat}`,
  ]);
  return h(
    'section',
    { 'data-testid': 'providers' },
    h('h2', {}, 'Providers'),
    h('p', { class: 'hint' }, 'Every registered provider. "Proven" GPUs passed a proof-of-compute challenge recently; only proven GPUs can be leased.'),
    list.length
      ? table(['Owner', 'Region', 'Status', 'GPUs', 'Verified', 'Price', 'Last heartbeat'], rows, { 'data-testid': 'providers-table' })
      : h('p', {}, 'No provider is registered yet.'),
  );
}
