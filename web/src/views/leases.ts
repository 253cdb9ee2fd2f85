// The tenant's running leases: escrow and until when it pays, top-up, extend, close; and, over
// libp2p, sending the manifest and following the workload's log.

import { forgetManifest, recallManifest, rememberManifest, requireAccount, type App } from '../app';
import { leasesOf, provider, type Lease } from '../chain';
import { cleanText, errorBox, field, h, replace, shortAddress } from '../dom';
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
      h('button', { 'data-testid': `follow-logs-${lease.id}`, onclick: () => followLogs(app, lease, logs, workload, logsOut) }, app.account?.source === 'dev' ? 'Follow logs' : 'Fetch logs'),
      field(`Top up, ${sym}`, amount),
      h('button', { 'data-testid': `topup-${lease.id}`, onclick: (e: Event) => act(app, e, out, `Top up lease #${lease.id}`, () => app.api.tx.leases.topUp(lease.id, parseEmbr(amount.value)), 'leases') }, 'Top up'),
      field('Extend, blocks', extendBlocks),
      h('button', { 'data-testid': `extend-${lease.id}`, onclick: (e: Event) => act(app, e, out, `Extend lease #${lease.id}`, () => app.api.tx.leases.extend(lease.id, Number(extendBlocks.value)), 'leases') }, 'Extend'),
      h('button', { class: 'danger', 'data-testid': `close-${lease.id}`, onclick: (e: Event) => closeLease(app, e, out, lease) }, 'Close lease'),
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
  const text = recallManifest(lease.manifestHash);
  if (text === null) return askForManifest(app, lease, out);
  replace(out, h('p', {}, 'sending the manifest…'));
  try {
    const { signer, publicKey } = requireAccount(app);
    const bytes = new TextEncoder().encode(text);
    if (u8aToHex(manifestHash(bytes)) !== lease.manifestHash) throw new Error("this manifest's hash is not the lease's: send the exact bytes you ordered with");
    rememberManifest(lease.manifestHash, text);
    const body = await encodeSubmitManifest(lease.id, bytes, publicKey, signer.signRaw);
    const address = await providerAddress(app, lease.provider);
    const allowPrivate = app.info.isDevelopment;
    // The agent learns of a lease from finalized blocks: for a few seconds after the award it
    // does not know it yet, so ask again every 2 s for up to 30 s, as emberctl does.
    let response = await request(address, body, allowPrivate);
    for (let tries = 1; response.kind === 'rejected' && response.unknownLease && tries < 15; tries++) {
      replace(out, h('p', {}, 'the provider does not know the lease yet (it waits for finality); asking again…'));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      response = await request(address, body, allowPrivate);
    }
    if (response.kind === 'accepted') replace(out, h('p', { class: 'ok', 'data-testid': `manifest-accepted-${lease.id}` }, 'The provider accepted the manifest: the workload starts.'));
    else if (response.kind === 'rejected') throw new Error(`the provider refused the manifest: ${cleanText(response.reason)}`);
    else throw new Error('the provider answered something else');
  } catch (error) {
    replace(out, errorBox((error as Error).message));
  }
}

/** This browser does not hold the lease's manifest: the tenant pastes or uploads its exact text. */
function askForManifest(app: App, lease: Lease, out: HTMLElement): void {
  const area = h('textarea', { rows: 8, spellcheck: 'false', 'data-testid': `paste-manifest-${lease.id}` });
  const file = h('input', { type: 'file', accept: '.json,application/json' });
  const problem = h('div');
  // The exact bytes are hashed: an uploaded file is kept as it is (a text box would turn its
  // CRLF line ends into LF, and a decoder would drop a byte-order mark).
  let uploaded: string | null = null;
  area.addEventListener('input', () => { uploaded = null; });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    uploaded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await chosen.arrayBuffer());
    area.value = uploaded;
  });
  const use = h('button', { class: 'primary' }, 'Send this manifest');
  use.addEventListener('click', () => {
    const text = uploaded ?? area.value;
    const bytes = new TextEncoder().encode(text);
    if (u8aToHex(manifestHash(bytes)) !== lease.manifestHash) {
      return replace(problem, errorBox(`its BLAKE2-256 is not the lease's ${lease.manifestHash}: paste or upload the exact file you ordered with`));
    }
    rememberManifest(lease.manifestHash, text);
    void sendManifest(app, lease, out);
  });
  replace(out, h('div', { class: 'form' }, h('p', {}, `This browser does not hold the manifest of lease #${lease.id}: paste or upload it.`), area, file, use, problem));
}

/** Most log lines kept on screen; older ones are dropped (emberctl logs has them all). */
const MAX_LINES_SHOWN = 5000;
/** Most lines and text one answer may carry, as the agent sends at most. */
const MAX_LINES_PER_ANSWER = 2000;
const MAX_TEXT_PER_ANSWER = 1024 * 1024;

/**
 * Asks the provider for new log lines: every 2 s until the workload ended and nothing is left
 * for a dev account, whose key signs in the page; once per click for a wallet account, since
 * each request is signed and a wallet asks its user every time.
 */
function followLogs(app: App, lease: Lease, logs: HTMLElement, workload: HTMLElement, out: HTMLElement): void {
  followers.get(lease.id)?.stop();
  let stopped = false;
  // A new follower starts from the first line: its screen was drawn anew.
  let next = 0n;
  const follower = { stop: () => { stopped = true; } };
  followers.set(lease.id, follower);
  const repeat = requireAccount(app).account.source === 'dev';
  const tenant = decodeAddress(requireAccount(app).account.address);
  const tick = async () => {
    if (stopped || !logs.isConnected) return followers.delete(lease.id);
    try {
      const address = await providerAddress(app, lease.provider);
      const body = await encodeLogs(lease.id, next, tenant, requireAccount(app).signer.signRaw);
      const response = await request(address, body, app.info.isDevelopment);
      if (response.kind === 'rejected') throw new Error(`the provider refused: ${cleanText(response.reason)}`);
      if (response.kind !== 'logs') throw new Error('the provider answered something else');
      const text = response.lines.reduce((sum, line) => sum + line.text.length, 0);
      if (response.lines.length > MAX_LINES_PER_ANSWER || text > MAX_TEXT_PER_ANSWER || response.nextSeq < next) {
        throw new Error('the provider sent more log than it may in one answer, or went backwards');
      }
      for (const line of response.lines) {
        const ms = Number(line.atMs);
        const at = Number.isFinite(ms) && ms < 8.64e15 ? new Date(ms).toISOString().slice(11, 19) : '??:??:??';
        logs.append(h('span', { class: `log-${line.stream}` }, `${at} ${line.stream}: ${cleanText(line.text)}\n`));
      }
      while (logs.childNodes.length > MAX_LINES_SHOWN) logs.firstChild?.remove();
      next = response.nextSeq;
      replace(workload, `workload: ${cleanText(describeState(response.state))}`);
      replace(out);
      const done = ['exited', 'failed', 'stopped'].includes(response.state.kind) && response.lines.length === 0;
      if (repeat && !done) setTimeout(tick, 2000);
      else followers.delete(lease.id);
    } catch (error) {
      replace(out, errorBox((error as Error).message));
      if (repeat) setTimeout(tick, 5000);
      else followers.delete(lease.id);
    }
  };
  void tick();
}

/** Closes the lease; its follower stops, and this browser forgets its manifest (env included). */
async function closeLease(app: App, event: Event, out: HTMLElement, lease: Lease): Promise<void> {
  followers.get(lease.id)?.stop();
  await act(app, event, out, `Close lease #${lease.id}`, () => app.api.tx.leases.closeLease(lease.id), 'leases');
  if (!out.querySelector('.error')) {
    forgetManifest(lease.manifestHash);
  }
}
