// Which of a provider's published addresses a browser may dial.

import { multiaddr, type Multiaddr } from '@multiformats/multiaddr';

/** Where a provider's agent listens, as published on chain: its PeerId and multiaddrs as text. */
export interface ProviderAddress {
  peerId: string;
  multiaddrs: string[];
}

/** The published addresses a browser can dial (WebSocket, `/ws` or `/wss`), with the PeerId. */
export function dialableAddresses(provider: ProviderAddress): Multiaddr[] {
  const out: Multiaddr[] = [];
  // A PeerId is base58 text: anything else could smuggle more address parts in.
  if (!/^[1-9A-HJ-NP-Za-km-z]{32,64}$/.test(provider.peerId)) return out;
  for (const published of provider.multiaddrs) {
    try {
      const text = multiaddr(published).toString();
      if (/\/(ws|wss|tls\/ws)$/.test(text)) out.push(multiaddr(`${text}/p2p/${provider.peerId}`));
    } catch {
      // An address this library cannot read is one the browser cannot dial either.
    }
  }
  return out;
}

/** Whether `host` (a name or an IP address) is this machine or a private network's. */
export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '::' || h === '0.0.0.0') return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^(fc|fd|fe[89ab])[0-9a-f]{0,2}:/.test(h);
}

/** Whether a multiaddr's host (`/ip4/…`, `/ip6/…`, `/dns…/…`) is private, as [`isPrivateHost`]. */
export function isPrivateAddress(address: string): boolean {
  const host = /^\/(?:ip4|ip6|dns|dns4|dns6)\/([^/]+)/.exec(address)?.[1];
  return host === undefined || isPrivateHost(host);
}
