// Which of a provider's published addresses a browser may dial. A provider chooses what it
// publishes, so the browser dials only plain WebSocket addresses of its agent, and never a
// private or loopback host unless the chain is a development chain (the local one).

import { multiaddr, type Multiaddr } from '@multiformats/multiaddr';

/** Where a provider's agent listens, as published on chain: its PeerId and multiaddrs as text. */
export interface ProviderAddress {
  peerId: string;
  multiaddrs: string[];
}

/** `/ip4|ip6|dns4|dns6|dns/<host>/tcp/<port>/ws|wss|tls/ws`: nothing else (no SNI, no path). */
const WEBSOCKET = /^\/(ip4|ip6|dns|dns4|dns6)\/([^/]+)\/tcp\/(\d{1,5})\/(ws|wss|tls\/ws)$/;

/**
 * The published addresses a browser may dial, with the PeerId. Private hosts are left out
 * unless `allowPrivate` (a development chain); on a live chain a host name must use TLS
 * (`/wss`), so that a name pointed at a machine on the tenant's network meets a certificate
 * check before anything else is sent.
 */
export function dialableAddresses(provider: ProviderAddress, allowPrivate: boolean): Multiaddr[] {
  const out: Multiaddr[] = [];
  // A PeerId is base58 text: anything else could smuggle more address parts in.
  if (!/^[1-9A-HJ-NP-Za-km-z]{32,64}$/.test(provider.peerId)) return out;
  for (const published of provider.multiaddrs.slice(0, 8)) {
    let text: string;
    try {
      text = multiaddr(published).toString();
    } catch {
      continue; // An address this library cannot read is one the browser cannot dial either.
    }
    const match = WEBSOCKET.exec(text);
    if (!match) continue;
    const [, kind, host, , transport] = match;
    if (!allowPrivate) {
      if (isPrivateHost(host)) continue;
      if (kind.startsWith('dns') && (looksNumeric(host) || transport === 'ws')) continue;
    }
    out.push(multiaddr(`${text}/p2p/${provider.peerId}`));
  }
  return out;
}

/** A host name a browser would read as an IP address (`127.1`, `2130706433`, `0x7f.1`, `0177.0.0.1`). */
function looksNumeric(host: string): boolean {
  return /^[0-9a-fx.]+$/i.test(host) && /^[0-9]/.test(host);
}

/** Whether `host` (a name or an IP address) is this machine's or a private network's. */
export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (h === '' || h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  if (h === '::1' || h === '::' || h === '0.0.0.0') return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (!h.includes(':')) return looksNumeric(h);
  // IPv6: unique-local, link-local, IPv4-mapped and -compatible, NAT64.
  return /^(fc|fd|fe[89ab])[0-9a-f]{0,2}:/.test(h) || h.startsWith('::ffff:') || /^::[0-9a-f.]*$/.test(h) || h.startsWith('64:ff9b:');
}
