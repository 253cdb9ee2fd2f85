// The accounts a tenant signs with: browser wallets through the injected-accounts standard
// (polkadot.js extension, Talisman, SubWallet), and on a development chain the dev accounts.

import { web3Accounts, web3Enable, web3FromSource } from '@polkadot/extension-dapp';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer } from '@polkadot/types/types';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export interface Account {
  address: string;
  name: string;
  /** `dev`, or the wallet extension that holds the key. */
  source: string;
  /** The key type: the manifest protocol needs sr25519. */
  type: string;
}

/** How one account signs: transactions, and raw bytes for the provider protocol. */
export interface AccountSigner {
  /** What `signAndSend` takes: the key itself for a dev account, the wallet's signer otherwise. */
  tx: KeyringPair | { address: string; signer: Signer };
  /**
   * Signs `payload` as a wallet signs raw bytes: wrapped in `<Bytes>` and `</Bytes>`, so the
   * signature can never pass for a transaction. Providers accept that form.
   */
  signRaw(payload: Uint8Array): Promise<Uint8Array>;
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

let keyring: Keyring | null = null;

async function devKeyring(): Promise<Keyring> {
  if (!keyring) {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    for (const name of DEV_NAMES) keyring.addFromUri(`//${name}`, { name });
  }
  return keyring;
}

/** The dev accounts (a development chain only: their keys are public). */
export async function devAccounts(): Promise<Account[]> {
  const ring = await devKeyring();
  return ring.getPairs().map((pair) => ({
    address: pair.address,
    name: String(pair.meta.name),
    source: 'dev',
    type: 'sr25519',
  }));
}

/** The accounts the browser's wallets share with this page; none without a wallet. */
export async function walletAccounts(): Promise<{ accounts: Account[]; wallets: string[] }> {
  const extensions = await web3Enable('Ember');
  if (extensions.length === 0) return { accounts: [], wallets: [] };
  const accounts = await web3Accounts({ ss58Format: 42 });
  return {
    wallets: extensions.map((e) => e.name),
    accounts: accounts.map((a) => ({
      address: a.address,
      name: a.meta.name ?? a.address,
      source: a.meta.source,
      type: a.type ?? 'sr25519',
    })),
  };
}

/** The signer of `account`. */
export async function signerFor(account: Account): Promise<AccountSigner> {
  if (account.source === 'dev') {
    const pair = (await devKeyring()).getPair(account.address);
    return { tx: pair, signRaw: async (payload) => pair.sign(u8aWrapBytes(payload)) };
  }
  const injector = await web3FromSource(account.source);
  const signer = injector.signer;
  if (!signer.signRaw) throw new Error(`the wallet ${account.source} cannot sign raw data`);
  const signRaw = signer.signRaw;
  return {
    tx: { address: account.address, signer },
    async signRaw(payload) {
      const { signature } = await signRaw({ address: account.address, data: u8aToHex(payload), type: 'bytes' });
      const bytes = hexToU8a(signature);
      // Some wallets prefix the signature with its MultiSignature variant (1 = sr25519).
      if (bytes.length === 65 && bytes[0] === 1) return bytes.slice(1);
      if (bytes.length !== 64) throw new Error(`the wallet returned a ${bytes.length}-byte signature; sr25519 signs 64`);
      return bytes;
    },
  };
}
