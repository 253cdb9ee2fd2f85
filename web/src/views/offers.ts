// Offers: GPUs listed at a fixed price, rented at once.

import { rememberManifest, requireAccount, type App } from '../app';
import { offers, type Offer } from '../chain';
import { field, h, onSubmit, replace, shortAddress, table } from '../dom';
import { submit } from '../tx';
import { blocksAsTime, costOf, formatEmbr } from '../units';
import { manifestEditor, manifestFor } from './manifest-editor';
import { describeGpus } from './providers';

export async function offersView(app: App): Promise<HTMLElement> {
  const list = await offers(app.api);
  const panel = h('div', { class: 'panel', 'data-testid': 'rent-panel' });
  const rows = list.map((offer) => [
    `#${offer.id}`,
    h('span', { title: offer.provider }, shortAddress(offer.provider)),
    describeGpus(offer.available),
    String(offer.rented),
    `${formatEmbr(offer.pricePerGpuHour, app.info.symbol)}/GPU-h`,
    blocksAsTime(offer.maxDuration, app.info.secondsPerBlock),
    h('button', { 'data-testid': `rent-${offer.id}`, disabled: offer.available.length === 0, onclick: () => replace(panel, rentForm(app, offer)) }, 'Rent'),
  ]);
  return h(
    'section',
    { 'data-testid': 'offers' },
    h('h2', {}, 'Offers'),
    h('p', { class: 'hint' }, 'GPUs listed at a fixed price: rent them now, no auction. Cheapest first.'),
    list.length
      ? table(['Offer', 'Provider', 'Available', 'Rented', 'Price', 'Longest lease', ''], rows, { 'data-testid': 'offers-table' })
      : h('p', {}, 'No offer is listed right now: place an order instead.'),
    panel,
  );
}

function rentForm(app: App, offer: Offer): HTMLElement {
  const gpus = h('input', { type: 'number', min: 1, max: offer.available.length, value: 1, 'data-testid': 'rent-gpus' });
  const hours = h('input', { type: 'number', min: 0.1, step: 0.1, value: 1, 'data-testid': 'rent-hours' });
  const editor = manifestEditor();
  const cost = h('p', { class: 'cost' });
  const out = h('div');
  const blocks = () => Math.round(Number(hours.value) * app.info.blocksPerHour);
  const update = () => {
    const total = costOf(offer.pricePerGpuHour, Number(gpus.value), blocks(), app.info.blocksPerHour);
    replace(cost, `Held now: ${formatEmbr(total, app.info.symbol)} for ${blocks()} blocks, plus a refundable deposit of ${formatEmbr(app.info.storageDeposit, app.info.symbol)}.`);
  };
  gpus.addEventListener('input', update);
  hours.addEventListener('input', update);
  update();
  const send = h('button', { class: 'primary', 'data-testid': 'rent-submit' }, `Rent from offer #${offer.id}`);
  onSubmit(send, out, async () => {
    const { account, signer } = requireAccount(app);
    const manifest = manifestFor(editor, Number(gpus.value));
    if (!(blocks() > 0) || blocks() > offer.maxDuration) throw new Error(`the duration must be from 1 block to ${offer.maxDuration} blocks`);
    const extrinsic = app.api.tx.leases.rent(offer.id, Number(gpus.value), blocks(), offer.pricePerGpuHour, manifest.hash);
    await submit(app.api, `Rent ${gpus.value} GPU(s) of offer #${offer.id}`, extrinsic, signer, account.address);
    rememberManifest(manifest.hash, manifest.text);
    app.go('leases');
  });
  return h(
    'div',
    { class: 'form' },
    h('h3', {}, `Rent from offer #${offer.id} at ${formatEmbr(offer.pricePerGpuHour, app.info.symbol)}/GPU-h`),
    field('GPUs', gpus, `at most ${offer.available.length}`),
    field('Hours', hours, `at most ${blocksAsTime(offer.maxDuration, app.info.secondsPerBlock)}`),
    editor.element,
    cost,
    send,
    out,
  );
}
