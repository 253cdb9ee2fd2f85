// What every screen shares: the chain, the chosen account and its signer.

import type { ApiPromise } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Account, AccountSigner } from './accounts';
import type { ChainInfo } from './chain';

export interface App {
  api: ApiPromise;
  info: ChainInfo;
  accounts: Account[];
  account: Account | null;
  signer: AccountSigner | null;
  /** Shows another screen. */
  go(route: string): void;
}

/** The chosen account and its signer, or an error that says to choose one. */
export function requireAccount(app: App): { account: Account; signer: AccountSigner; publicKey: Uint8Array } {
  if (!app.account || !app.signer) throw new Error('choose an account first (top right)');
  return { account: app.account, signer: app.signer, publicKey: decodeAddress(app.account.address) };
}

const MANIFEST_KEY = 'ember.manifest.';

/** Keeps a manifest in this browser under its hash, so that a lease's screen can send it. */
export function rememberManifest(hash: string, text: string): void {
  try {
    localStorage.setItem(MANIFEST_KEY + hash, text);
  } catch {
    // Storage full or disabled: the manifest can still be pasted on the lease's screen.
  }
}

/** The manifest this browser kept for `hash`, if any. */
export function recallManifest(hash: string): string | null {
  try {
    return localStorage.getItem(MANIFEST_KEY + hash);
  } catch {
    return null;
  }
}

/** Forgets the manifest kept for `hash` (its lease closed). */
export function forgetManifest(hash: string): void {
  try {
    localStorage.removeItem(MANIFEST_KEY + hash);
  } catch {
    // Nothing was kept.
  }
}
