// The Ember tenant web app: connects to a node, lists the market, and signs with the browser's
// wallets (or the dev accounts on a development chain).

import './style.css';
import { devAccounts, signerFor, walletAccounts, type Account } from './accounts';
import type { App } from './app';
import { connect, freeBalance, rpcEndpoint } from './chain';
import { errorBox, h, replace, shortAddress } from './dom';
import { formatEmbr } from './units';
import { leasesView } from './views/leases';
import { newOrderView } from './views/new-order';
import { offersView } from './views/offers';
import { ordersView } from './views/orders';
import { providersView } from './views/providers';

const ROUTES: Record<string, { title: string; view: (app: App) => Promise<HTMLElement>; live: boolean }> = {
  providers: { title: 'Providers', view: providersView, live: true },
  offers: { title: 'Offers', view: offersView, live: false },
  order: { title: 'New order', view: newOrderView, live: false },
  orders: { title: 'My orders', view: ordersView, live: true },
  leases: { title: 'My leases', view: leasesView, live: false },
};

const view = document.getElementById('view')!;
const status = document.getElementById('chain-status')!;
const select = document.getElementById('account') as HTMLSelectElement;
const balance = document.getElementById('balance')!;

function route(): string {
  const name = location.hash.replace(/^#\/?/, '');
  return name in ROUTES ? name : 'providers';
}

async function render(app: App): Promise<void> {
  const name = route();
  const { view: build } = ROUTES[name];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    link.classList.toggle('active', link.dataset.route === name);
  }
  try {
    const screen = await build(app);
    if (route() !== name) return;
    screen.prepend(h('button', { class: 'refresh', 'data-testid': 'refresh', onclick: () => void render(app) }, 'Refresh'));
    replace(view, screen);
  } catch (error) {
    replace(view, errorBox((error as Error).message));
  }
}

async function main(): Promise<void> {
  const endpoint = rpcEndpoint();
  replace(status, `connecting to ${endpoint}…`);
  const { api, info } = await connect(endpoint);

  const accounts: Account[] = [];
  let wallets: string[] = [];
  try {
    const found = await walletAccounts();
    accounts.push(...found.accounts);
    wallets = found.wallets;
  } catch {
    // No wallet, or the user declined: dev accounts (on a dev chain) still work.
  }
  if (info.isDevelopment) accounts.push(...(await devAccounts()));

  const app: App = {
    api,
    info,
    accounts,
    account: null,
    signer: null,
    go(name: string) {
      if (route() === name) void render(app);
      else location.hash = `#/${name}`;
    },
  };

  replace(select, h('option', { value: '' }, accounts.length ? 'choose…' : 'no account: install a wallet'));
  for (const account of accounts) {
    const label = `${account.name} (${account.source === 'dev' ? 'dev' : account.source}) ${shortAddress(account.address)}`;
    select.append(h('option', { value: account.address, 'data-source': account.source }, label));
  }
  const saved = localStorage.getItem('ember.account');
  const choose = async (address: string) => {
    const account = accounts.find((a) => a.address === address) ?? null;
    app.account = account;
    app.signer = account ? await signerFor(account) : null;
    if (account) localStorage.setItem('ember.account', account.address);
    select.value = account?.address ?? '';
    await showBalance(app);
    void render(app);
  };
  select.addEventListener('change', () => void choose(select.value));

  const nav = document.getElementById('nav')!;
  for (const [name, { title }] of Object.entries(ROUTES)) {
    nav.append(h('a', { href: `#/${name}`, 'data-route': name, 'data-testid': `nav-${name}` }, title));
  }
  window.addEventListener('hashchange', () => void render(app));

  let best = 0;
  await api.rpc.chain.subscribeNewHeads((header) => {
    best = header.number.toNumber();
    replace(status, h('span', { 'data-testid': 'best-block', title: `the node at ${endpoint}` }, `${info.name} · #${best}`), ` · ${endpoint}`, wallets.length ? ` · ${wallets.join(', ')}` : '');
    void showBalance(app);
    // Screens that only list refresh by themselves; screens with forms wait for "Refresh".
    const editing = document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLTextAreaElement;
    if (ROUTES[route()].live && !editing) void render(app);
  });
  document.body.dataset.ready = 'true';
  await choose(saved && accounts.some((a) => a.address === saved) ? saved : '');
}

async function showBalance(app: App): Promise<void> {
  if (!app.account) return replace(balance);
  const free = await freeBalance(app.api, app.account.address);
  replace(balance, h('span', { 'data-testid': 'balance' }, formatEmbr(free, app.info.symbol)));
}

main().catch((error: unknown) => {
  replace(status, errorBox(`cannot reach the node: ${(error as Error).message}`));
});
