// The tenant's running leases: escrow and until when it pays, top-up, extend, close; and, over
// libp2p, sending the manifest and following the workload's log.

import { recallManifest, rememberManifest, requireAccount, type App } from '../app';
import { leasesOf, provider, type Lease } from '../chain';
import { errorBox, field, h, replace, shortAddress } from '../dom';
import { manifestHash } from '../manifest';
import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { describeState, encodeLogs, encodeSubmitManifest, request, type ProviderAddress } from '../p2p';
import { blocksAsTime, formatEmbr, parseEmbr } from '../units';
import { act } from './orders';

/** Log followers outlive a screen's redraw; one per lease. */
const followers = new Map<number, { stop(): void }>();

export async function leasesView(app: App): Promise<HTMLElement> {
  const { account } = requireAccount(app);
  const [leases, best] = await Promise.all([leasesOf(app.api, account.address), app.api.query.system.number()]);
  const now = Number(best.toString());
  const out = h('div');
  const section = h(
    'section',
    { 'data-testid': 'leases' },
    h('h2', {}, 'My leases'),
    h('p', { class: 'hint' }, 'Running leases. Send the manifest to the provider to start the workload; the escrow pays the provider block by block.'),
    out,
  );
  if (leases.length === 0) section.append(h('p', {}, 'No running lease.'));
  for (const lease of leases) section.append(leaseCard(app, lease, now, out));
  return section;
}

function leaseCard(app: App, lease: Lease, now: number, out: HTMLElement): HTMLElement {
  const { info } = app;
  const sym = info.symbol;
  const runsOut = lease.fundedUntil < lease.end;
  const fundedLeft = Math.max(0, Math.min(lease.fundedUntil, lease.end) - now);
  const amount = h('input', { type: 'text', value: '1', size: 8, 'data-testid': `topup-amount-${lease.id}` });
  const extendBlocks = h('input', { type: 'number', min: 1, value: info.blocksPerHour, 'data-testid': `extend-blocks-${lease.id}` });
  const logs = h('pre', { class: 'logs', 'data-testid': `logs-${lease.id}` });
  const workload = h('p', { class: 'workload', 'data-testid': `workload-${lease.id}` }, 'workload: not asked yet');
  const p2pOut = h('div', { 'data-testid': `p2p-result-${lease.id}` });
  const logsOut = h('div', { 'data-testid': `logs-result-${lease.id}` });

  return h(
    'article',
    { class: 'card', 'data-testid': `lease-${lease.id}` },
    h('h3', {}, `Lease #${lease.id}: ${lease.gpus} GPU(s) from ${shortAddress(lease.provider)} at ${formatEmbr(lease.pricePerGpuHour, sym)}/GPU-h`),
    h(
      'dl',
      {},
      h('dt', {}, 'Status'), h('dd', { 'data-testid': `lease-status-${lease.id}` }, lease.status),
      h('dt', {}, 'Runs'), h('dd', {}, `#${lease.start} to #${lease.end} (${lease.end > now ? `${blocksAsTime(lease.end - now, info.secondsPerBlock)} left` : 'ended'}), from ${lease.origin}`),
      h('dt', {}, 'Escrow left'), h('dd', { 'data-testid': `lease-escrow-${lease.id}` }, formatEmbr(lease.escrow, sym)),
      h('dt', {}, 'Funded until'), h('dd', { class: runsOut ? 'warn' : '' }, `#${lease.fundedUntil} (${blocksAsTime(fundedLeft, info.secondsPerBlock)})${runsOut ? ': runs out before the end, top up' : ''}`),
      h('dt', {}, 'Paid'), h('dd', {}, `${formatEmbr(lease.paid, sym)} (${formatEmbr(lease.unsettled, sym)} owed since the last settlement; ${lease.downtimeBlocks} blocks of downtime unpaid)`),
      h('dt', {}, 'Manifest'), h('dd', {}, h('code', {}, lease.manifestHash)),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', 'data-testid': `send-manifest-${lease.id}`, onclick: () => sendManifest(app, lease, p2pOut) }, 'Send manifest'),
      h('button', { 'data-testid': `follow-logs-${lease.id}`, onclick: () => followLogs(app, lease, logs, workload, logsOut) }, 'Follow logs'),
      field(`Top up, ${sym}`, amount),
      h('button', { 'data-testid': `topup-${lease.id}`, onclick: (e: Event) => act(app, e, out, `Top up lease #${lease.id}`, () => app.api.tx.leases.topUp(lease.id, parseEmbr(amount.value)), 'leases') }, 'Top up'),
      field('Extend, blocks', extendBlocks),
      h('button', { 'data-testid': `extend-${lease.id}`, onclick: (e: Event) => act(app, e, out, `Extend lease #${lease.id}`, () => app.api.tx.leases.extend(lease.id, Number(extendBlocks.value)), 'leases') }, 'Extend'),
      h('button', { class: 'danger', 'data-testid': `close-${lease.id}`, onclick: (e: Event) => { followers.get(lease.id)?.stop(); return act(app, e, out, `Close lease #${lease.id}`, () => app.api.tx.leases.closeLease(lease.id), 'leases'); } }, 'Close lease'),
    ),
    p2pOut,
    workload,
    logsOut,
    logs,
  );
}

async function providerAddress(app: App, owner: string): Promise<ProviderAddress> {
  const found = await provider(app.api, app.info, owner);
  if (!found || !found.peerId) throw new Error('the provider publishes no address');
  return { peerId: found.peerId, multiaddrs: found.multiaddrs };
}

async function sendManifest(app: App, lease: Lease, out: HTMLElement): Promise<void> {
  replace(out, h('p', {}, 'sending the manifest…'));
  try {
    const { signer, publicKey } = requireAccount(app);
    let text = recallManifest(lease.manifestHash);
    if (text === null) {
      text = prompt(`Paste the manifest of lease #${lease.id} (its BLAKE2-256 must be ${lease.manifestHash})`);
      if (text === null) return replace(out);
    }
    const bytes = new TextEncoder().encode(text);
    if (u8aToHex(manifestHash(bytes)) !== lease.manifestHash) throw new Error("this manifest's hash is not the lease's: send the exact bytes you ordered with");
    rememberManifest(lease.manifestHash, text);
    const body = await encodeSubmitManifest(lease.id, bytes, publicKey, signer.signRaw);
    const address = await providerAddress(app, lease.provider);
    // The agent learns of a lease from finalized blocks: for a few seconds after the award it
    // does not know it yet, so ask again every 2 s for up to 30 s, as emberctl does.
    let response = await request(address, body);
    for (let tries = 1; response.kind === 'rejected' && response.unknownLease && tries < 15; tries++) {
      replace(out, h('p', {}, 'the provider does not know the lease yet (it waits for finality); asking again…'));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      response = await request(address, body);
    }
    if (response.kind === 'accepted') replace(out, h('p', { class: 'ok', 'data-testid': `manifest-accepted-${lease.id}` }, 'The provider accepted the manifest: the workload starts.'));
    else if (response.kind === 'rejected') throw new Error(`the provider refused the manifest: ${response.reason}`);
    else throw new Error('the provider answered something else');
  } catch (error) {
    replace(out, errorBox((error as Error).message));
  }
}

/** Asks the provider for new log lines every 2 s until the workload ended and nothing is left. */
function followLogs(app: App, lease: Lease, logs: HTMLElement, workload: HTMLElement, out: HTMLElement): void {
  followers.get(lease.id)?.stop();
  let stopped = false;
  let next = 0n;
  const follower = { stop: () => { stopped = true; } };
  followers.set(lease.id, follower);
  const tenant = decodeAddress(requireAccount(app).account.address);
  const tick = async () => {
    if (stopped || !logs.isConnected) return followers.delete(lease.id);
    try {
      const address = await providerAddress(app, lease.provider);
      const response = await request(address, await encodeLogs(lease.id, next, tenant, requireAccount(app).signer.signRaw));
      if (response.kind === 'rejected') throw new Error(`the provider refused: ${response.reason}`);
      if (response.kind !== 'logs') throw new Error('the provider answered something else');
      for (const line of response.lines) {
        const at = new Date(Number(line.atMs)).toISOString().slice(11, 19);
        logs.append(h('span', { class: `log-${line.stream}` }, `${at} ${line.stream}: ${line.text}\n`));
      }
      next = response.nextSeq;
      replace(workload, `workload: ${describeState(response.state)}`);
      replace(out);
      const done = ['exited', 'failed', 'stopped'].includes(response.state.kind) && response.lines.length === 0;
      if (!done) setTimeout(tick, 2000);
      else followers.delete(lease.id);
    } catch (error) {
      replace(out, errorBox((error as Error).message));
      setTimeout(tick, 5000);
    }
  };
  void tick();
}
