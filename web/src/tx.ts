// Submitting a transaction, with its progress shown (signing, in block, finalized) and its
// failure decoded into the chain's own words.

import type { ApiPromise, SubmittableResult } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import type { AccountSigner } from './accounts';
import { h, replace } from './dom';
import { formatEmbr } from './units';

/** What a transaction did, once it is in a block. */
export interface Included {
  blockHash: string;
  blockNumber: number;
  events: EventRecord[];
}

/** Why a transaction failed, in words: `Leases.BiddingClosed: the bid window has ended`. */
export function describeDispatchError(api: ApiPromise, error: DispatchError): string {
  if (error.isModule) {
    try {
      const meta = api.registry.findMetaError(error.asModule);
      const docs = meta.docs.join(' ').trim();
      return `${capitalize(meta.section)}.${meta.name}${docs ? `: ${docs}` : ''}`;
    } catch {
      return error.toString();
    }
  }
  if (error.isToken) return `Token.${error.asToken.type}: the account cannot pay or hold this amount`;
  if (error.isArithmetic) return `Arithmetic.${error.asArithmetic.type}`;
  if (error.isBadOrigin) return 'BadOrigin: this account may not make this call';
  return error.type;
}

function capitalize(section: string): string {
  return section.charAt(0).toUpperCase() + section.slice(1);
}

let counter = 0;

/**
 * Signs and submits `extrinsic` as `signer`, showing its progress in `#transactions`. Resolves
 * when it is in a block and succeeded; rejects with the decoded reason otherwise. The entry
 * goes on to show finality.
 */
export async function submit(
  api: ApiPromise,
  label: string,
  extrinsic: SubmittableExtrinsic<'promise'>,
  signer: AccountSigner,
  address: string,
): Promise<Included> {
  const id = `tx-${++counter}`;
  const status = h('span', { class: 'tx-status' }, 'estimating the fee…');
  const fee = h('span', { class: 'tx-fee' });
  const entry = h('div', { class: 'tx', id, 'data-state': 'signing' }, h('strong', {}, label), fee, status);
  document.getElementById('transactions')?.prepend(entry);
  const set = (state: string, text: string) => {
    entry.dataset.state = state;
    replace(status, text);
  };

  try {
    const info = await extrinsic.paymentInfo(address);
    // The quote is for the call's declared (worst-case) weight; unused weight is refunded.
    replace(fee, `fee at most ${formatEmbr(BigInt(info.partialFee.toString()))}`);
  } catch {
    replace(fee, 'fee unknown');
  }
  set('signing', 'waiting for the signature…');

  return new Promise<Included>((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      set('failed', message);
      if (!settled) {
        settled = true;
        reject(new Error(message));
      }
    };
    const onStatus = (result: SubmittableResult) => {
      const { status: s } = result;
      if (s.isReady || s.isBroadcast) set('submitted', 'submitted, waiting for a block…');
      if (s.isInBlock) {
        // A call that failed in its block still paid its fee: say so either way.
        summarize(entry, result.events, address);
        if (result.dispatchError) {
          fail(describeDispatchError(api, result.dispatchError));
          return;
        }
        const blockHash = s.asInBlock.toHex();
        void api.rpc.chain.getHeader(blockHash).then((header) => {
          const blockNumber = header.number.toNumber();
          set('in-block', `in block #${blockNumber}, waiting for finality…`);
          if (!settled) {
            settled = true;
            resolve({ blockHash, blockNumber, events: result.events });
          }
        });
      }
      if (s.isFinalized && !result.dispatchError) set('finalized', `finalized in block ${s.asFinalized.toHex().slice(0, 10)}…`);
      if (s.isDropped || s.isInvalid || s.isUsurped) fail(`the transaction was ${s.type.toLowerCase()} by the pool`);
    };
    const signerArg = 'signer' in signer.tx ? signer.tx.address : signer.tx;
    const options = 'signer' in signer.tx ? { signer: signer.tx.signer } : {};
    extrinsic.signAndSend(signerArg as never, options, onStatus).catch((error: unknown) => {
      fail(error instanceof Error ? error.message : String(error));
    });
  });
}

/** The first event `section.method` among `events`, or undefined. */
export function findEvent(events: EventRecord[], section: string, method: string): EventRecord | undefined {
  return events.find(({ event }) => event.section === section && event.method === method);
}

/**
 * Says in the transaction's entry what it did, in words, and keeps the exact plancks in data
 * attributes: the fee the signer paid, and a lease started or closed.
 */
function summarize(entry: HTMLElement, events: EventRecord[], signer: string): void {
  const lines: string[] = [];
  for (const { event } of events) {
    const data = event.data as unknown as Record<string, { toString(): string }>;
    const key = `${event.section}.${event.method}`;
    if (key === 'transactionPayment.TransactionFeePaid' && data.who.toString() === signer) {
      entry.dataset.feePaid = data.actualFee.toString();
      lines.push(`fee paid: ${formatEmbr(BigInt(data.actualFee.toString()))}`);
    } else if (key === 'leases.LeaseStarted') {
      entry.dataset.lease = data.lease.toString();
      lines.push(`lease #${data.lease} started`);
    } else if (key === 'leases.LeaseClosed') {
      entry.dataset.paid = data.paid.toString();
      entry.dataset.fees = data.fees.toString();
      entry.dataset.refunded = data.refunded.toString();
      lines.push(`lease #${data.lease} closed: paid ${formatEmbr(BigInt(data.paid.toString()))} (protocol fee ${formatEmbr(BigInt(data.fees.toString()))}), refunded ${formatEmbr(BigInt(data.refunded.toString()))}`);
    } else if (key === 'leases.OrderCreated') {
      entry.dataset.order = data.order.toString();
      lines.push(`order #${data.order} created`);
    }
  }
  if (lines.length) entry.append(h('span', { class: 'tx-summary' }, lines.join('; ')));
}
