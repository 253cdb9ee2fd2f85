// The tenant's open orders and their bids, with "accept" and "cancel".

import { requireAccount, type App } from '../app';
import { ordersOf, type Bid, type Order } from '../chain';
import { errorBox, h, replace, shortAddress, table } from '../dom';
import { submit } from '../tx';
import { blocksAsTime, costOf, formatEmbr } from '../units';

export async function ordersView(app: App): Promise<HTMLElement> {
  const { account } = requireAccount(app);
  const [orders, best] = await Promise.all([ordersOf(app.api, account.address), app.api.query.system.number()]);
  const now = Number(best.toString());
  const out = h('div');
  const section = h(
    'section',
    { 'data-testid': 'orders' },
    h('h2', {}, 'My orders'),
    h('p', { class: 'hint' }, 'Open orders and the bids on them, best first. Accepting a bid starts the lease at its price.'),
    out,
  );
  if (orders.length === 0) section.append(h('p', {}, 'No open order. Place one under New order.'));
  for (const { order, bids } of orders) section.append(orderCard(app, order, bids, now, out));
  return section;
}

function orderCard(app: App, order: Order, bids: Bid[], now: number, out: HTMLElement): HTMLElement {
  const { info } = app;
  const left = order.bidWindowEnd - now;
  const rows = bids.map((bid) => [
    h('span', { title: bid.provider }, shortAddress(bid.provider)),
    `${formatEmbr(bid.pricePerGpuHour, info.symbol)}/GPU-h`,
    formatEmbr(costOf(bid.pricePerGpuHour, order.count, order.duration, info.blocksPerHour), info.symbol),
    `#${bid.placedAt}`,
    h('button', { class: 'primary', 'data-testid': `accept-${order.id}-${bid.provider}`, onclick: (e: Event) => act(app, e, out, `Accept ${shortAddress(bid.provider)}'s bid on order #${order.id}`, () => app.api.tx.leases.acceptBid(order.id, bid.provider), 'leases') }, 'Accept'),
  ]);
  return h(
    'article',
    { class: 'card', 'data-testid': `order-${order.id}` },
    h('h3', {}, `Order #${order.id}: ${order.count} × ${order.model ?? 'any GPU'}${order.minVramMib ? ` (≥ ${order.minVramMib} MiB)` : ''}, ${blocksAsTime(order.duration, info.secondsPerBlock)}`),
    h('p', {}, `At most ${formatEmbr(order.maxPricePerGpuHour, info.symbol)}/GPU-h${order.region ? ` in ${order.region}` : ''}; bids ${left > 0 ? `close in ${left} blocks (${blocksAsTime(left, info.secondsPerBlock)})` : 'closed'}${order.autoAward ? ', best bid accepted by itself' : ''}. Manifest `, h('code', {}, `${order.manifestHash.slice(0, 18)}…`)),
    bids.length ? table(['Provider', 'Price', 'Whole lease', 'Placed', ''], rows, { 'data-testid': `bids-${order.id}` }) : h('p', { class: 'hint', 'data-testid': `no-bids-${order.id}` }, 'No bid yet: providers bid within a few blocks when they have matching GPUs.'),
    h('button', { 'data-testid': `cancel-${order.id}`, onclick: (e: Event) => act(app, e, out, `Cancel order #${order.id}`, () => app.api.tx.leases.cancelOrder(order.id), 'orders') }, 'Cancel order'),
  );
}

/** Signs and submits a call from a button, then shows `then`; a failure is shown in `out`. */
export async function act(app: App, event: Event, out: HTMLElement, label: string, build: () => Parameters<typeof submit>[2], then: string): Promise<void> {
  const button = event.currentTarget as HTMLButtonElement;
  replace(out);
  try {
    const { account, signer } = requireAccount(app);
    button.disabled = true;
    await submit(app.api, label, build(), signer, account.address);
    app.go(then);
  } catch (error) {
    replace(out, errorBox((error as Error).message));
    button.disabled = false;
  }
}
