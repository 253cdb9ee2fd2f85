// A new order: what GPUs, for how long, at most what price, and the manifest to run.

import { rememberManifest, requireAccount, type App } from '../app';
import { errorBox, field, h, onSubmit, replace } from '../dom';
import { findEvent, submit } from '../tx';
import { costOf, formatEmbr, parseEmbr } from '../units';
import { manifestEditor, manifestFor } from './manifest-editor';

export async function newOrderView(app: App): Promise<HTMLElement> {
  const { info } = app;
  const count = h('input', { type: 'number', min: 1, value: 1, 'data-testid': 'order-gpus' });
  const model = h('input', { type: 'text', placeholder: 'any model', 'data-testid': 'order-model' });
  const vram = h('input', { type: 'number', min: 0, value: 0, 'data-testid': 'order-vram' });
  const capability = h('input', { type: 'text', value: '0.0', pattern: '\\d+\\.\\d+', 'data-testid': 'order-capability' });
  const hours = h('input', { type: 'number', min: 0.1, step: 0.1, value: 1, 'data-testid': 'order-hours' });
  const price = h('input', { type: 'text', value: '3', 'data-testid': 'order-price' });
  const region = h('input', { type: 'text', placeholder: 'any region', 'data-testid': 'order-region' });
  const bidWindow = h('input', { type: 'number', min: info.minBidWindow, max: info.maxBidWindow, value: Math.max(info.minBidWindow, 50), 'data-testid': 'order-window' });
  const autoAward = h('input', { type: 'checkbox', 'data-testid': 'order-auto' });
  const editor = manifestEditor();
  const cost = h('p', { class: 'cost', 'data-testid': 'order-cost' });
  const out = h('div', { 'data-testid': 'order-result' });
  const blocks = () => Math.round(Number(hours.value) * info.blocksPerHour);

  const update = () => {
    try {
      const held = costOf(parseEmbr(price.value), Number(count.value), blocks(), info.blocksPerHour);
      replace(cost, `Held now, at most: ${formatEmbr(held, info.symbol)} (${count.value} GPU(s) × ${blocks()} blocks at the maximum price), plus a refundable deposit of ${formatEmbr(info.storageDeposit, info.symbol)}. The part above the accepted bid comes back when you accept.`);
    } catch (error) {
      replace(cost, errorBox((error as Error).message));
    }
  };
  for (const input of [count, hours, price]) input.addEventListener('input', update);
  update();

  const send = h('button', { class: 'primary', 'data-testid': 'order-submit' }, 'Place order');
  onSubmit(send, out, async () => {
    const { account, signer } = requireAccount(app);
    const gpus = Number(count.value);
    const manifest = manifestFor(editor, gpus);
    const match = /^(\d+)\.(\d+)$/.exec(capability.value.trim());
    if (!match) throw new Error('the compute capability is "major.minor", e.g. 8.6');
    const requirement = {
      model: model.value.trim() || null,
      minVramMib: Number(vram.value),
      minComputeCapability: { major: Number(match[1]), minor: Number(match[2]) },
      count: gpus,
    };
    const extrinsic = app.api.tx.leases.createOrder(
      requirement,
      blocks(),
      parseEmbr(price.value),
      manifest.hash,
      region.value.trim() || null,
      Number(bidWindow.value),
      autoAward.checked,
    );
    const included = await submit(app.api, `Order ${gpus} GPU(s) for ${blocks()} blocks`, extrinsic, signer, account.address);
    rememberManifest(manifest.hash, manifest.text);
    const created = findEvent(included.events, 'leases', 'OrderCreated');
    replace(out, h('p', { class: 'ok', 'data-testid': 'order-created' }, `Order ${created ? `#${created.event.data[0].toString()} ` : ''}placed in block #${included.blockNumber}. Providers bid until the window ends: see My orders.`));
  });

  return h(
    'section',
    { class: 'form', 'data-testid': 'new-order' },
    h('h2', {}, 'New order'),
    h('p', { class: 'hint' }, 'Providers whose GPUs meet the requirement bid on it; accept the bid you like, or let the best one win when the window ends.'),
    h('div', { class: 'grid' },
      field('GPUs', count),
      field('Model', model, 'exact name as the GPU reports it, or empty'),
      field('Least memory per GPU, MiB', vram),
      field('Least compute capability', capability),
      field('Hours', hours, `${info.blocksPerHour} blocks per hour`),
      field(`Most per GPU-hour, ${info.symbol}`, price),
      field('Region', region),
      field('Bid window, blocks', bidWindow, `${info.minBidWindow} to ${info.maxBidWindow}`),
      field('Accept the best bid by itself', autoAward),
    ),
    editor.element,
    cost,
    send,
    out,
  );
}
